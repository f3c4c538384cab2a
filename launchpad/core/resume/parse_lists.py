"""List sections: skills, languages, certificates, awards and interests.

- skills: "Label: a, b, c" gives a skill named Label with those keywords; other lines are
  split at commas, bullets, pipes and semicolons (not inside parentheses) and each item is a
  skill, with a level when one is named in parentheses ("MS Excel (Advanced)");
- languages: each item naming a known language, with the fluency written in parentheses,
  after a dash or colon, or in a cell of its own ("English | Fluent");
- certificates and awards: the date (a year or month and year) and the issuer, written after
  a dash, "by", "from", in trailing parentheses, after a comma when it is a known issuer, or
  a known issuer named inside the title;
- interests: one per item.
"""

from __future__ import annotations

import re
from typing import Any

from launchpad.core.resume.parse_common import Item, company_score, segments, split_commas
from launchpad.core.resume.parse_dates import find_range, remove_span
from launchpad.core.resume.types import FieldGuess
from launchpad.core.resume.vocab_parse import CERT_ISSUERS, FLUENCY_WORDS, LANGUAGES, SKILL_LEVELS

_LANGUAGE_RE = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b", re.I)
_CANONICAL_LANGUAGE = {name.lower(): name for name in LANGUAGES}
_FLUENCY_RE = re.compile(r"\b(?:" + "|".join(FLUENCY_WORDS) + r")\b", re.I)
_ISSUER_RE = re.compile(
    r"\b(" + "|".join(re.escape(i) for i in sorted(CERT_ISSUERS, key=len, reverse=True)) + r")\b"
)
_LEVEL_RE = re.compile(r"^(.*?)\s*[(\[]\s*(" + "|".join(SKILL_LEVELS) + r")\s*[)\]]$", re.I)
_LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z &/'-]{1,40}?)\s*:\s*(.+)$")


def _list_items(items: list[Item]) -> list[str]:
    """Each item split at bullets, pipes, semicolons, tab stops and commas outside brackets."""
    out: list[str] = []
    for item in items:
        for segment in segments(item.text):
            out.extend(split_commas(segment))
    # "Spring MVC, and Hibernate": the "and" before the last item is not part of it.
    out = [re.sub(r"^(?:and|&)\s+", "", text.strip(" .")) for text in out]
    return [text for text in out if text]


def join_list_lines(items: list[Item], wrapped: bool) -> list[Item]:
    """Join lines that wrap one comma-separated list (a PDF breaks lines anywhere)."""
    out: list[Item] = []
    for item in items:
        if wrapped and out and not item.bullet and not out[-1].bullet:
            previous = out[-1].text
            wraps = not _LABEL_RE.match(item.text) and (
                "," in previous or previous.endswith(("&", "-", " and")) or item.text[:1].islower()
            )
            if wraps:
                out[-1] = Item(f"{previous} {item.text}", False)
                continue
        out.append(item)
    return out


def parse_skills(
    items: list[Item], index_base: int, wrapped: bool = False
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Skills: labelled groups with keywords, or one skill per listed item."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    seen: set[str] = set()

    def add(value: dict[str, Any], confidence: float, reason: str) -> None:
        key = value["name"].lower()
        if key in seen:
            return
        seen.add(key)
        path = f"skills[{index_base + len(out)}]"
        out.append(value)
        guesses.append(FieldGuess(f"{path}.name", value["name"], confidence, (reason,)))
        if "keywords" in value:
            guesses.append(FieldGuess(f"{path}.keywords", value["keywords"], confidence, (reason,)))
        if "level" in value:
            guesses.append(
                FieldGuess(f"{path}.level", value["level"], 0.7, ("a level in brackets",))
            )

    for item in join_list_lines(items, wrapped):
        labelled = _LABEL_RE.match(item.text)
        if labelled and len(labelled.group(1).split()) <= 4:
            keywords = _list_items([Item(labelled.group(2), False)])
            if keywords:
                add(
                    {"name": labelled.group(1).strip(), "keywords": keywords},
                    0.8,
                    "a labelled list: the label names the group, the items are keywords",
                )
                continue
        for text in _list_items([item]):
            if len(text) > 80:
                continue
            level = _LEVEL_RE.match(text)
            if level:
                add(
                    {"name": level.group(1).strip(), "level": level.group(2).capitalize()},
                    0.75,
                    "an item of the skills list",
                )
            else:
                add({"name": text}, 0.75, "an item of the skills list")
    return out, guesses


def parse_languages(
    items: list[Item], index_base: int, wrapped: bool = False
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Languages with their fluency when written."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for text in _list_items(join_list_lines(items, wrapped)):
        parts = [p for p in re.split(r"\s+and\s+|/", text) if _LANGUAGE_RE.search(p)]
        if len(parts) < 2:
            parts = [text]
        for part in parts:
            match = _LANGUAGE_RE.search(part)
            if match is None:
                if out and "fluency" not in out[-1] and _FLUENCY_RE.search(part):
                    fluency = part.strip(" ()")
                    out[-1]["fluency"] = fluency[:1].upper() + fluency[1:]
                    path = f"languages[{index_base + len(out) - 1}].fluency"
                    guesses.append(FieldGuess(path, out[-1]["fluency"], 0.7, ("the next cell",)))
                continue
            language = _CANONICAL_LANGUAGE[match.group(1).lower()]
            if any(entry["language"] == language for entry in out):
                continue
            path = f"languages[{index_base + len(out)}]"
            value: dict[str, Any] = {"language": language}
            guesses.append(
                FieldGuess(f"{path}.language", language, 0.9, ("a known language name",))
            )
            rest = (part[: match.start()] + " " + part[match.end() :]).strip()
            fluency = rest.strip(" ()[]-–—:,")
            if fluency and _FLUENCY_RE.search(fluency):
                value["fluency"] = fluency[:1].upper() + fluency[1:]
                guesses.append(
                    FieldGuess(
                        f"{path}.fluency",
                        value["fluency"],
                        0.8,
                        ("written beside the language",),
                    )
                )
            out.append(value)
    return out, guesses


def _issuer(text: str) -> tuple[str, str | None, str]:
    """(title, issuer or None, reason) for a certificate or award line without its date."""
    for pattern, reason in (
        (r"^(.+?)\s+(?:—|–|-|\|)\s+(.+)$", "written after a dash"),
        (
            r"^(.+?)\s+(?:by|from|issued by|awarded by)\s+((?-i:[A-Z]).+)$",
            "written after 'by' or 'from'",
        ),
        (r"^(.+?)\s*\(([^()]+)\)$", "written in brackets after the title"),
    ):
        match = re.match(pattern, text, re.I)
        if match and match.group(2).strip():
            return match.group(1).strip(), match.group(2).strip(" ()"), reason
    if "," in text:
        title, tail = text.rsplit(",", 1)
        if _ISSUER_RE.search(tail) or company_score(tail):
            return title.strip(), tail.strip(), "a known issuer after a comma"
    inside = _ISSUER_RE.search(text)
    if inside:
        return text, inside.group(1), "a known issuer named in the title"
    return text, None, ""


def parse_certificates(
    items: list[Item], index_base: int, kind: str = "certificates"
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Certificates (`name`, `issuer`, `date`) or, with kind="awards", awards (`title`,
    `awarder`, `date`)."""
    name_key, issuer_key = ("name", "issuer") if kind == "certificates" else ("title", "awarder")
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for item in items:
        text = item.text.strip()
        dates = find_range(text)  # a range or a lone date
        date: str | None = None
        if dates:
            date = dates.end or dates.start
            text = remove_span(text, dates.span)
        title, issuer, reason = _issuer(text.strip(" ,;"))
        if not title:
            continue
        path = f"{kind}[{index_base + len(out)}]"
        value: dict[str, Any] = {name_key: title}
        guesses.append(FieldGuess(f"{path}.{name_key}", title, 0.75, (f"a line of the {kind}",)))
        if issuer:
            value[issuer_key] = issuer
            guesses.append(FieldGuess(f"{path}.{issuer_key}", issuer, 0.65, (reason,)))
        if date:
            value["date"] = date
            guesses.append(FieldGuess(f"{path}.date", date, 0.8, ("a date on the line",)))
        out.append(value)
    return out, guesses


def parse_interests(
    items: list[Item], index_base: int, wrapped: bool = False
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Interests, one per listed item."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for text in _list_items(join_list_lines(items, wrapped)):
        if len(text) <= 60:
            path = f"interests[{index_base + len(out)}].name"
            out.append({"name": text})
            guesses.append(FieldGuess(path, text, 0.7, ("an item of the interests list",)))
    return out, guesses
