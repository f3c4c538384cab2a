"""Text helpers the field parsers share: separators, wrapped lines, places, titles, privacy."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from launchpad.core.resume.parse_dates import find_range, mend_split_range, mend_wrapped_row
from launchpad.core.resume.parse_sections import normalise_heading
from launchpad.core.resume.parse_types import Line
from launchpad.core.resume.vocab_parse import (
    BPO_TITLES,
    COMPANY_WORDS,
    INDIA_CITIES,
    INDIA_CITY_ALIASES,
    INDIA_STATES,
    PHILIPPINE_CITIES,
    PHILIPPINE_CITY_ALIASES,
    PHILIPPINE_PROVINCES,
    PHILIPPINE_REGION_ALIASES,
    SENSITIVE_LABELS,
    TITLE_WORDS,
)

# Separators inside a line: a pipe, a bullet, a dash between words, a tab stop (three or
# more spaces), a semicolon. Commas are split separately (see `split_commas`).
_SEPARATORS = re.compile(r"\s*(?:\||•|·|▪|\s[—–-]\s|\s{3,}|;)\s*")
# PDFium reports a hyphen that breaks a word at the end of a line; the PDF reader keeps it
# as a soft hyphen so that joining the lines can drop it.
SOFT_HYPHEN = "\u00ad"
_HYPHEN_PREFIXES = frozenset(
    ("self", "multi", "cross", "open", "real", "full", "well", "high", "data", "cloud",
     "first", "follow", "third", "time", "user", "team", "client", "customer", "fast",
     "long", "short", "part", "front", "back", "hands", "problem", "detail", "goal",
     "result", "award", "non", "post", "semi", "inter", "under", "over")
)  # fmt: skip
_SENSITIVE = tuple(sorted(SENSITIVE_LABELS, key=len, reverse=True))


@dataclass(frozen=True)
class Item:
    """A unit of text in a section: a line, or a bullet with its wrapped lines joined."""

    text: str
    bullet: bool
    x: float = 0.0  # where the first line's text starts (see `Line.x`)
    margin: float = 0.0
    short: bool = False  # its last line stops well before the right edge of its text block


def segments(text: str) -> list[str]:
    """`text` split at pipes, bullets, spaced dashes, tab stops and semicolons."""
    return [part.strip(" ,") for part in _SEPARATORS.split(text) if part.strip(" ,")]


def split_commas(text: str) -> list[str]:
    """`text` split at commas that are not inside parentheses."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def is_sensitive(text: str) -> bool:
    """A personal detail an ATS does not need ("Date of Birth: ...", "Religion - ...")."""
    label = re.split(r":|\s{2,}|\s[-–]\s", text, maxsplit=1)[0]
    normal = normalise_heading(label)
    if normal in _SENSITIVE:
        return True
    whole = normalise_heading(text)
    return any(whole.startswith(phrase + " ") for phrase in _SENSITIVE if " " in phrase)


def _mend_rows(lines: list[Line]) -> list[Line]:
    """Lines of a PDF with wrapped title-and-date rows and broken ranges put back whole."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        mended: tuple[str, int] | None = None
        for size in (2, 3):
            group = lines[index : index + size]
            if len(group) < size or any(g.bullet for g in group):
                break
            row = mend_wrapped_row([g.text for g in group])
            if row:
                rest, closing = row
                after = lines[index + size] if index + size < len(lines) else None
                # A last word of the title can wrap below the date ("Management").
                if (
                    after is not None
                    and not after.bullet
                    and len(after.text.split()) <= 2
                    and not re.search(r"[\d|,;:–—-]", after.text)
                ):
                    rest, size = f"{rest} {after.text}", size + 1
                mended = (f"{rest}   {closing}", size)
                break
        if mended:
            out.append(replace(line, text=mended[0]))
            index += mended[1]
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        tail = _WRAPPED_TAIL.match(after.text) if after and not after.bullet else None
        if (
            tail
            and after is not None
            and not line.bullet
            and abs(line.x - after.x) <= 2
            and _undated(line.text)
            and not _is_short(line, lines)
            and _starts_with_range(tail.group(2))
        ):
            # "Bachelor ... Major in Marketing" over "Management   2013 – 2017": the title
            # wrapped, and its last words sit on the next line beside the dates.
            out.append(replace(line, text=f"{line.text} {tail.group(1)}   {tail.group(2)}"))
            index += 2
            continue
        if after is not None and not line.bullet:
            split = mend_split_range(line.text, after.text)
            if split:
                out.append(replace(line, text=split[0]))
                out.append(replace(after, text=split[1]))
                index += 2
                continue
        out.append(line)
        index += 1
    return out


def _continues(previous: Item, line: Line) -> bool:
    """Whether `line` (not a bullet) carries on the item `previous`."""
    text = line.text
    ending = previous.text
    hanging = previous.bullet and previous.x > previous.margin + 1 and line.x > 0
    if hanging and abs(line.x - previous.x) <= 2.5:
        return True  # a bullet's wrapped lines start under its text, not under its glyph
    if _LABELLED.match(text):
        return False  # "Typing: 42 WPM" starts an item of its own
    if ending.endswith((",", "—", "–", "|", "&", " and", SOFT_HYPHEN)):
        return True  # a line cannot end there
    if hanging and line.x <= previous.margin + 1:
        # Back at the bullet's margin: a new line, unless it goes on mid-sentence.
        return text[:1].islower()
    long_line = len(ending.split()) >= 8 and _undated(ending)
    if not (previous.bullet or long_line) or not _undated(text) or previous.short:
        return False
    return (
        text[:1].islower()
        or ending.endswith("-")
        or (
            not ending.endswith((".", "!", "?", ":"))
            and title_score(text) == 0
            and company_score(text) == 0
        )
    )


_WRAPPED_TAIL = re.compile(r"^([^:|]{1,40}?)\s{3,}(\S.*)$")
_LABELLED = re.compile(r"^[A-Z][A-Za-z &/'-]{1,30}:\s*\S")


def _starts_with_range(text: str) -> bool:
    found = find_range(text)
    return found is not None and found.start is not None and found.span[0] == 0


def _undated(text: str) -> bool:
    """No date range (a lone year may be part of a sentence)."""
    found = find_range(text)
    return found is None or found.start is None


def join_wrapped(lines: tuple[Line, ...] | list[Line], wrapped: bool) -> list[Item]:
    """Items of `lines`; when `wrapped` (a PDF, whose lines break anywhere) wrapped lines are
    joined again and rows and date ranges broken over lines are mended.

    A line continues the item above it when it starts under a bullet's text (a hanging
    indent) or when the line above cannot end there (a comma, a dash, "and"). A line that
    starts "Label:" never continues. Otherwise it continues a bullet or a long line (eight
    words or more, not dated, reaching the right edge of its block) when it has no date
    range and starts in lower case, follows a hyphen, or (when the line above does not end
    a sentence) reads like neither a job title nor a company.
    """
    kept = [line for line in lines if line.text.strip()]
    if wrapped:
        kept = _mend_rows(kept)
    items: list[Item] = []
    for line in kept:
        text = line.text.strip()
        short = _is_short(line, kept)
        if items and wrapped and not line.bullet and _continues(items[-1], line):
            last = items[-1]
            joined = join_broken(last.text, text)
            items[-1] = Item(joined, last.bullet, last.x, last.margin, short)
            continue
        items.append(Item(text, line.bullet, line.x, line.margin, short))
    return items


def _is_short(line: Line, lines: list[Line]) -> bool:
    """A line ending well before the right edge of the lines that start where it starts:
    the last line of a paragraph, which a wrapped line never is."""
    if not line.right:
        return False
    block = max(other.right for other in lines if abs(other.x - line.x) <= 5)
    return line.right < block - max(20.0, 0.15 * (block - line.x))


def join_broken(previous: str, text: str) -> str:
    """Two parts of a wrapped line as one: a word broken by a soft hyphen is mended, a
    hyphenated word broken at its hyphen keeps it ("cloud-" + "native")."""
    if previous.endswith(SOFT_HYPHEN):
        # PDFium cannot tell a hyphenation point from a real hyphen at a line end: after a
        # short part or a common prefix ("De-escalation", "open-source") it stays.
        head = re.findall(r"[A-Za-z]+$", previous[:-1])
        if head and (len(head[0]) <= 3 or head[0].lower() in _HYPHEN_PREFIXES):
            return previous[:-1] + "-" + text
        return previous[:-1] + text
    if previous.endswith("-") and text[:1].islower():
        return previous + text
    return previous + " " + text


def title_score(text: str) -> int:
    """2 for a known BPO job title, 1 for a phrase with a job-title word, else 0."""
    normal = normalise_heading(text)
    padded = f" {normal} "
    if any(f" {title} " in padded for title in BPO_TITLES):
        return 2
    words = normal.split()
    return 1 if words and any(word in TITLE_WORDS for word in words) and len(words) <= 7 else 0


def company_score(text: str) -> int:
    """1 for a phrase with a company word ("Pvt Ltd", "Solutions", "Inc"), else 0."""
    words = normalise_heading(text).split()
    return 1 if any(word in COMPANY_WORDS for word in words) else 0


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?<!Los )(" + "|".join(re.escape(name) for name in ordered) + r")(?![\w-])",
        re.I,
    )


_CITY_INDEX: dict[str, tuple[str, str, str]] = {}
for _city, _state in INDIA_CITIES.items():
    _CITY_INDEX[_city.lower()] = (_city, _state, "IN")
for _alias, _city in INDIA_CITY_ALIASES.items():
    _CITY_INDEX[_alias.lower()] = (_city, INDIA_CITIES[_city], "IN")
for _city, _province in PHILIPPINE_CITIES.items():
    _CITY_INDEX[_city.lower()] = (_city, _province, "PH")
    if _city.endswith(" City"):
        continue
    # "Makati City", "Pasig City": the word "City" is often added to a city's name.
    _CITY_INDEX[(_city + " City").lower()] = (_city, _province, "PH")
for _alias, _city in PHILIPPINE_CITY_ALIASES.items():
    _CITY_INDEX[_alias.lower()] = (_city, PHILIPPINE_CITIES[_city], "PH")
_REGION_INDEX: dict[str, tuple[str, str]] = {s.lower(): (s, "IN") for s in INDIA_STATES}
_REGION_INDEX.update({p.lower(): (p, "PH") for p in PHILIPPINE_PROVINCES})
_REGION_INDEX.update({a.lower(): (r, "PH") for a, r in PHILIPPINE_REGION_ALIASES.items()})
_CITY_RE = _names_pattern(list(_CITY_INDEX))
_REGION_RE = _names_pattern(list(_REGION_INDEX))
_COUNTRY_RE = re.compile(r"\b(India|Philippines)\b", re.I)


@dataclass(frozen=True)
class Place:
    """A city, region and country found in a line (any may be missing)."""

    city: str | None
    region: str | None
    country: str | None
    reasons: tuple[str, ...]


def find_place(text: str) -> Place | None:
    """The first known city (with its state or province) or region or country in `text`."""
    city_match = _CITY_RE.search(text)
    region_match = _REGION_RE.search(text)
    country_match = _COUNTRY_RE.search(text)
    if city_match:
        city, region, country = _CITY_INDEX[city_match.group(1).lower()]
        reasons = [f"'{city_match.group(1)}' is a known city in {region}"]
        # A province written after the city overrides the city's default (San Fernando
        # is in Pampanga and in La Union).
        later = _REGION_RE.search(text, city_match.end())
        if later and _REGION_INDEX[later.group(1).lower()][1] == country:
            region = _REGION_INDEX[later.group(1).lower()][0]
        return Place(city, region, country, tuple(reasons))
    if region_match:
        region, country = _REGION_INDEX[region_match.group(1).lower()]
        return Place(None, region, country, (f"'{region_match.group(1)}' is a known region",))
    if country_match:
        code = "IN" if country_match.group(1).lower() == "india" else "PH"
        return Place(None, None, code, (f"names the country {country_match.group(1)}",))
    return None


def is_place_text(text: str) -> bool:
    """Text that is a place and little else ("Pune", "Cebu City, Cebu", "Quezon City, PH"),
    not a name with a place in it ("Cebu Reading Circle")."""
    if find_place(text) is None:
        return False
    rest = _COUNTRY_RE.sub(" ", _REGION_RE.sub(" ", _CITY_RE.sub(" ", text)))
    return len(re.findall(r"[A-Za-z]{3,}", rest)) <= 1


_COUNTRY_SIGNS: dict[str, tuple[str, ...]] = {
    "IN": (r"\+91", r"\bB\.?Com\b", r"\bCGPA\b", r"\bHindi\b", r"\b(?:HSC|SSC|CBSE|ICSE)\b",
           r"\bClass X", r"₹", r"\bLPA\b", r"\bIndia\b"),
    "PH": (r"\+63", r"\bBSBA\b", r"\bBSIT\b", r"\bGWA\b", r"\bTagalog\b", r"\bFilipino\b",
           r"\bTESDA\b", r"₱", r"\bPhilippines\b", r"\bSenior High\b"),
}  # fmt: skip


def country_hint(text: str) -> tuple[str | None, tuple[str, ...]]:
    """IN or PH when the text leans that way (phone codes, degrees, places), and the signs."""
    found: dict[str, list[str]] = {"IN": [], "PH": []}
    for code, signs in _COUNTRY_SIGNS.items():
        for sign in signs:
            match = re.search(sign, text)
            if match:
                found[code].append(match.group(0))
    for match in _CITY_RE.finditer(text):
        found[_CITY_INDEX[match.group(1).lower()][2]].append(match.group(1))
    india, philippines = len(found["IN"]), len(found["PH"])
    if india == philippines:
        return None, ()
    code = "IN" if india > philippines else "PH"
    return code, tuple(dict.fromkeys(found[code]))


def title_case(text: str) -> str:
    """A name written in capitals, in title case ("PRIYA SHARMA" -> "Priya Sharma")."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = []
    for word in text.split():
        roman = re.fullmatch(r"[IVX]+", word) and len(word) <= 3 and len(text.split()) > 2
        words.append(word if roman else "-".join(p.capitalize() for p in word.split("-")))
    return " ".join(words)
