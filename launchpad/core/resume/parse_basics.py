"""The `basics` of a resume: name, label, e-mail, phone, location, links and summary.

Each value is chosen by scoring features, and the features that fired are its reasons:

- name: a line near the top (or in the page header, or labelled "Name:") of two to four
  capitalised words with no digits, no heading phrase and no job-title or place word; the
  first line, the largest font on page 1, bold or a Title style add to the score;
- e-mail: the address pattern, surer near the top;
- phone: Indian mobiles (+91, a leading 0, or ten digits starting 6–9) and Philippine
  mobiles (+63, or 09xx), normalised to "+91 98765 43210" / "+63 917 123 4567"; "09..."
  numbers are Philippine when grouped 4-3-4 or when the resume leans Philippine; anything
  else is kept as written, with a low confidence (no US 3-3-4 reading is assumed);
- location: a known Indian or Philippine city (with its state or province), a region or a
  country, from the top of the resume, its header or an address line;
- LinkedIn and GitHub profiles and a personal site (http or www);
- summary: the text under a summary heading, else a paragraph at the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from launchpad.core.resume.parse_common import (
    SOFT_HYPHEN,
    Place,
    company_score,
    find_place,
    is_sensitive,
    join_broken,
    segments,
    title_case,
    title_score,
)
from launchpad.core.resume.parse_sections import LOOKUP, Section, normalise_heading
from launchpad.core.resume.parse_types import Line
from launchpad.core.resume.types import FieldGuess

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{7,17}\d(?![\w])")
_LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/([A-Za-z0-9_-]+)", re.I)
_GITHUB_RE = re.compile(r"(?:https?://)?(?:www\.)?github\.com/([A-Za-z0-9-]+)", re.I)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s|,;]+", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’-]*\.?|[A-Z]\.|Ma\.|de|del|dela|de la|van|bin)$")
_PHONE_LABEL = re.compile(r"\b(?:phone|mobile|mob|cell|contact|tel|whatsapp)\b", re.I)
_ADDRESS_LABEL = re.compile(r"^\s*(?:present\s+|current\s+)?(?:address|location|city)\b", re.I)


@dataclass(frozen=True)
class Phone:
    """A phone number as normalised (or as written), its country and why."""

    value: str
    country: str | None
    reasons: tuple[str, ...]


def normalise_phone(raw: str, country: str | None) -> Phone | None:
    """An Indian or Philippine mobile in E.164-like form, another number as written, or None.

    `country` is the country the resume leans to, used only for "09..." and bare
    ten-digit numbers starting with 9, which could be either.
    """
    digits = re.sub(r"\D", "", raw)
    plus = raw.lstrip().startswith(("+", "00"))
    if raw.lstrip().startswith("00"):
        digits = digits[2:]
    groups = [len(g) for g in re.split(r"[\s().-]+", raw.strip().lstrip("+")) if g]
    if len(digits) < 10 or len(digits) > 13:
        return None
    india = re.fullmatch(r"(?:91)?0?([6-9]\d{9})", digits)
    philippines = re.fullmatch(r"(?:63|0)?(9\d{9})", digits)
    if plus and digits.startswith("91") and india:
        return _india(india.group(1), ("+91 country code",))
    if plus and digits.startswith("63") and philippines:
        return _philippines(philippines.group(1), ("+63 country code",))
    if plus:
        return Phone(raw.strip(), None, ("not an Indian or Philippine number: kept as written",))
    if digits.startswith("09") and len(digits) == 11:
        assert philippines is not None and india is not None
        if groups[:1] == [4] or country == "PH":
            why = (
                "grouped 4-3-4 like a Philippine mobile"
                if groups[:1] == [4]
                else ("09xx number in a resume that reads Philippine")
            )
            return _philippines(philippines.group(1), (why,))
        return _india(india.group(1), ("0 + ten digits starting 6–9: an Indian mobile",))
    if len(digits) == 11 and digits.startswith("0") and india:
        return _india(india.group(1), ("0 + ten digits starting 6–9: an Indian mobile",))
    if len(digits) == 10 and india:
        if digits.startswith("9") and country == "PH" and groups == [3, 3, 4]:
            assert philippines is not None
            return _philippines(philippines.group(1), ("9xx number in a Philippine resume",))
        return _india(digits, ("ten digits starting 6–9: an Indian mobile",))
    if len(digits) == 12 and india:
        return _india(india.group(1), ("91 + ten digits: an Indian mobile",))
    if len(digits) == 12 and philippines:
        return _philippines(philippines.group(1), ("63 + ten digits: a Philippine mobile",))
    return Phone(raw.strip(), None, ("not an Indian or Philippine mobile: kept as written",))


def _india(number: str, reasons: tuple[str, ...]) -> Phone:
    return Phone(f"+91 {number[:5]} {number[5:]}", "IN", reasons)


def _philippines(number: str, reasons: tuple[str, ...]) -> Phone:
    return Phone(f"+63 {number[:3]} {number[3:6]} {number[6:]}", "PH", reasons)


def _contact_lines(sections: list[Section]) -> list[Line]:
    """Lines where contact details live: page headers, the top, contact and personal parts."""
    lines = [line for s in sections for line in s.lines if line.region == "header"]
    for section in sections:
        if section.key in ("top", "contact", "personal"):
            lines.extend(line for line in section.lines if line.region != "header")
    return [line for line in lines if not is_sensitive(line.text)]


def _all_lines(sections: list[Section]) -> list[Line]:
    return [line for s in sections for line in s.lines if not is_sensitive(line.text)]


class BasicsParser:
    """Finds the basics in a resume's sections; `guesses` collects each field's evidence."""

    def __init__(self, sections: list[Section], country: str | None) -> None:
        self.sections = sections
        self.country = country
        self.contact = _contact_lines(sections)
        self.everything = _all_lines(sections)
        self.guesses: list[FieldGuess] = []
        self.basics: dict[str, object] = {}

    def guess(self, path: str, value: object, confidence: float, reasons: list[str]) -> None:
        self.basics[path] = value
        self.guesses.append(
            FieldGuess(f"basics.{path}", value, round(min(confidence, 0.99), 2), tuple(reasons))
        )

    def parse(self) -> tuple[dict[str, object], list[FieldGuess]]:
        name_line = self.name()
        self.label(name_line)
        self.email()
        phone_country = self.phone()
        self.location(phone_country)
        self.links()
        self.summary()
        return self.basics, self.guesses

    def name(self) -> Line | None:
        top = [line for line in self.contact if line.region == "header"]
        top += [line for s in self.sections if s.key == "top" for line in s.lines][:12]
        sizes = [line.size for line in top if line.page == 1 and line.size]
        largest = max(sizes) if sizes else 0.0
        best: tuple[float, str, list[str], Line] | None = None
        for index, line in enumerate(top):
            candidate = self._name_candidate(line, index, largest)
            if candidate and (best is None or candidate[0] > best[0]):
                best = (*candidate, line)
        for line in self.contact:
            labelled = re.match(r"^\s*(?:full\s+)?name\s*[:\-–]\s*(.+)$", line.text, re.I)
            if labelled and (best is None or best[0] < 0.9):
                value = title_case(labelled.group(1).strip())
                best = (0.9, value, ["labelled 'Name:'"], line)
        if best is None:
            return None
        score, value, reasons, line = best
        self.guess("name", value, score, reasons)
        return line

    def _name_candidate(
        self, line: Line, index: int, largest: float
    ) -> tuple[float, str, list[str]] | None:
        parts = segments(line.text)
        if not parts:
            return None
        text = parts[0]
        tokens = text.split()
        if not 2 <= len(tokens) <= 5 or any(c.isdigit() or c in "@:/" for c in text):
            return None
        capitalised = title_case(text)
        if not all(_NAME_TOKEN.match(token) for token in capitalised.split()):
            return None
        if normalise_heading(text) in LOOKUP or title_score(text) or company_score(text):
            return None
        if find_place(text) is not None:
            return None
        score = 0.35
        reasons = [f"{len(tokens)} capitalised words"]
        if len(tokens) == 5:
            score -= 0.1
        if index == 0:
            score += 0.25
            reasons.append("the first line")
        elif index <= 3:
            score += 0.1
            reasons.append(f"in the first {index + 1} lines")
        if largest and line.size >= largest and line.page == 1:
            score += 0.25
            reasons.append("the largest font on page 1")
        if line.bold:
            score += 0.05
            reasons.append("bold")
        if line.style.lower() == "title":
            score += 0.2
            reasons.append("the Title style")
        if line.region == "header":
            score += 0.1
            reasons.append("in the page header")
        if capitalised != text:
            reasons.append("converted from capitals")
        return score, capitalised, reasons

    def label(self, name_line: Line | None) -> None:
        if name_line is None:
            return
        top = [line for s in self.sections if s.key == "top" for line in s.lines]
        if name_line not in top:
            return
        index = top.index(name_line)
        for line in top[index + 1 : index + 3]:
            text = segments(line.text)[0] if segments(line.text) else ""
            if (
                text
                and title_score(text)
                and len(text.split()) <= 8
                and not any(c.isdigit() or c == "@" for c in text)
            ):
                reasons = ["the line under the name", "reads like a job title"]
                self.guess("label", title_case(text), 0.6, reasons)
                return

    def email(self) -> None:
        for pool, confidence, where in (
            (self.contact, 0.95, "near the top of the resume"),
            (self.everything, 0.85, "in the body of the resume"),
        ):
            for line in pool:
                match = EMAIL_RE.search(line.text)
                if match:
                    reasons = ["matches the e-mail pattern", where]
                    self.guess("email", match.group(0), confidence, reasons)
                    return

    def phone(self) -> str | None:
        for pool, confidence, where in (
            (self.contact, 0.9, "near the top of the resume"),
            (self.everything, 0.75, "in the body of the resume"),
        ):
            for line in pool:
                for match in _PHONE_RE.finditer(line.text):
                    phone = normalise_phone(match.group(0), self.country)
                    if phone is None:
                        continue
                    reasons = [*phone.reasons, where]
                    score = confidence if phone.country else 0.5
                    if _PHONE_LABEL.search(line.text):
                        reasons.append("labelled as a phone number")
                        score += 0.05
                    self.guess("phone", phone.value, score, reasons)
                    return phone.country
        return None

    def location(self, phone_country: str | None) -> None:
        place: Place | None = None
        where = ""
        for line in self.contact:
            if EMAIL_RE.search(line.text) and not _ADDRESS_LABEL.match(line.text):
                text = EMAIL_RE.sub(" ", line.text)
            else:
                text = line.text
            found = find_place(text)
            if found and (place is None or (found.city and not place.city)):
                place, where = found, "near the top of the resume"
                if found.city:
                    break
        if place is None:
            for line in self.everything:
                if _ADDRESS_LABEL.match(line.text):
                    place = find_place(line.text)
                    where = "on an address line"
                    if place:
                        break
        if place is None:
            return
        value: dict[str, str] = {}
        if place.city:
            value["city"] = place.city
        if place.region:
            value["region"] = place.region
        country = place.country or phone_country
        if country:
            value["countryCode"] = country
        confidence = 0.85 if place.city else 0.6 if place.region else 0.5
        reasons = [*place.reasons, where]
        if phone_country and phone_country == place.country:
            confidence += 0.05
            reasons.append("agrees with the phone number's country")
        self.guess("location", value, confidence, reasons)

    def links(self) -> None:
        profiles: list[dict[str, str]] = []
        url: str | None = None
        for text in _unwrapped(self.everything):
            for pattern, network, base in (
                (_LINKEDIN_RE, "LinkedIn", "https://www.linkedin.com/in/"),
                (_GITHUB_RE, "GitHub", "https://github.com/"),
            ):
                match = pattern.search(text)
                if match and all(p["network"] != network for p in profiles):
                    username = match.group(1)
                    profiles.append(
                        {"network": network, "username": username, "url": base + username}
                    )
            for match in _URL_RE.finditer(text):
                link = match.group(0).rstrip(".)")
                if url is None and not re.search(r"linkedin\.com|github\.com", link, re.I):
                    url = link if link.lower().startswith("http") else "https://" + link
        for index, profile in enumerate(profiles):
            self.guesses.append(
                FieldGuess(
                    f"basics.profiles[{index}]",
                    profile,
                    0.95,
                    (f"a {profile['network']} profile address",),
                )
            )
        if profiles:
            self.basics["profiles"] = profiles
        if url:
            self.guess("url", url, 0.8, ["a web address that is not a profile"])

    def summary(self) -> None:
        parts = [
            (section, line.text)
            for section in self.sections
            if section.key == "summary"
            for line in section.lines
        ]
        if parts:
            text = join_paragraph([text for _, text in parts])
            heading = parts[0][0].heading
            self.guess("summary", text, 0.85, [f"under the heading '{heading}'"])
            return
        top = [line for s in self.sections if s.key == "top" for line in s.lines]
        paragraph = [line.text for line in top if len(line.text.split()) >= 6][:6]
        text = join_paragraph(paragraph)
        if len(text.split()) >= 15 and not EMAIL_RE.search(text):
            self.guess("summary", text, 0.5, ["a paragraph at the top with no heading"])


def _unwrapped(lines: list[Line]) -> list[str]:
    """Line texts, with a line ending in "/", "-" or a soft hyphen joined to the next: a
    web address broken at the end of a line (its hyphen is kept: addresses have them)."""
    texts: list[str] = []
    glue = False
    for line in lines:
        text = line.text.strip()
        if glue and texts:
            texts[-1] += text
        else:
            texts.append(text)
        glue = text.endswith(("/", "-", SOFT_HYPHEN))
        if text.endswith(SOFT_HYPHEN):
            texts[-1] = texts[-1][:-1] + "-"
    return texts


def join_paragraph(lines: list[str]) -> str:
    """Lines of one paragraph as one string; a word broken by a hyphen is joined again."""
    text = ""
    for line in lines:
        text = join_broken(text, line.strip()) if text else line.strip()
    return text
