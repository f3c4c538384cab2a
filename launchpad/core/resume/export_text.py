"""The plain-text export: a resume as an applicant tracking system reads it best.

`resume_blocks` turns a JSON Resume document into a flat list of blocks (the name, the
headline, the contact line, section headings, entry titles, entry details, paragraphs and
bullets); `resume_to_text` renders them as plain text and the DOCX export renders the same
blocks, so both say exactly the same thing.

The text has the name, the headline (`basics.label`), one contact line (e-mail, phone, city,
region and country code, web site, profiles), then the sections in a fixed order under
standard headings in capitals, each left out when empty: Summary, Job preferences, Experience,
Internships, Education, Skills, Certifications, Languages, Projects, Awards, Volunteer,
Publications, Interests, References. Job preferences and the typing and English lines under
Skills come from the BPO fields (`bpo.py`). A work entry whose position says intern,
internship or OJT goes under Internships. Dates read `Jun 2022 – Present`; bullets start with
`- `; entries are separated by a blank line. Left out: the photo, the street address, work
and education web sites and `meta`.

The resume should pass `validate_resume`. Anything of the wrong type in a standard section is
skipped rather than printed; malformed BPO fields raise `bpo.BpoFieldsError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from launchpad.core.resume.bpo import BpoFields, get_bpo, preference_lines, skill_lines

BlockKind = Literal["name", "label", "contact", "heading", "entry", "details", "text", "bullet"]
BLOCK_KINDS: tuple[BlockKind, ...] = (
    "name",
    "label",
    "contact",
    "heading",
    "entry",
    "details",
    "text",
    "bullet",
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$")
INTERN_RE = re.compile(r"\b(?:intern|internship|ojt)\b", re.IGNORECASE)
PRESENT = "Present"
NOT_XML = frozenset("\ufffe\uffff")


@dataclass(frozen=True)
class Block:
    """One line of the resume: what it is (`kind`) and its text (one line, no line breaks)."""

    kind: BlockKind
    text: str


Item = Mapping[str, Any]


def clean(value: str) -> str:
    """`value` on one line: whitespace runs become one space; control characters and others
    a document cannot hold (lone surrogates, U+FFFE, U+FFFF) go."""
    kept = "".join(
        ch
        for ch in value
        if ch.isspace() or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in NOT_XML)
    )
    return " ".join(kept.split())


def _text(item: Item, key: str) -> str:
    value = item.get(key)
    return clean(value) if isinstance(value, str) else ""


def _texts(item: Item, key: str) -> list[str]:
    value = item.get(key)
    if not isinstance(value, list):
        return []
    return [clean(v) for v in value if isinstance(v, str) and clean(v)]


def _paragraphs(item: Item, key: str) -> list[str]:
    """The paragraphs of a long text: split at blank lines, each joined onto one line."""
    value = item.get(key)
    if not isinstance(value, str):
        return []
    return [clean(part) for part in re.split(r"\n\s*\n", value) if clean(part)]


def _items(resume: Item, key: str) -> list[Item]:
    value = resume.get(key)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _join(separator: str, *parts: str) -> str:
    return separator.join(part for part in parts if part)


def format_date(value: str) -> str:
    """A resume date for people: `2022-06-15` and `2022-06` read `Jun 2022`, `2022` stays.

    Anything else (e.g. month 13, or free text) is shown as written."""
    match = DATE_RE.match(value.strip())
    if match is None:
        return clean(value)
    year, month = match.group(1), match.group(2)
    if month is None:
        return year
    if 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return clean(value)


def date_range(start: str, end: str) -> str:
    """`Jun 2022 – Dec 2023`; `Jun 2022 – Present` without an end; one date when both are the
    same month or only the end is known; empty without either."""
    first, last = format_date(start), format_date(end)
    if first and not last:
        return f"{first} – {PRESENT}"
    if not first or first == last:
        return last
    return f"{first} – {last}"


def _entry(title: str, details: str) -> list[Block]:
    if not title:
        title, details = details, ""
    blocks = [Block("entry", title)] if title else []
    return blocks + ([Block("details", details)] if details else [])


def _texts_blocks(item: Item, key: str) -> list[Block]:
    return [Block("text", line) for line in _paragraphs(item, key)]


def _bullets(lines: list[str]) -> list[Block]:
    return [Block("bullet", line) for line in lines]


def is_internship(item: Item) -> bool:
    """Whether a work entry is an internship: its position says intern, internship or OJT."""
    return bool(INTERN_RE.search(_text(item, "position")))


def _work(item: Item, organisation: str = "name") -> list[Block]:
    dates = date_range(_text(item, "startDate"), _text(item, "endDate"))
    return (
        _entry(
            _join(", ", _text(item, "position"), _text(item, organisation)),
            _join(" | ", _text(item, "location"), dates),
        )
        + _texts_blocks(item, "summary")
        + _bullets(_texts(item, "highlights"))
    )


def _header(resume: Item) -> list[Block]:
    basics = resume.get("basics")
    if not isinstance(basics, Mapping):
        return []
    name, label = _text(basics, "name"), _text(basics, "label")
    blocks = ([Block("name", name)] if name else []) + ([Block("label", label)] if label else [])
    location = basics.get("location")
    place = ""
    if isinstance(location, Mapping):
        place = _join(
            ", ", _text(location, "city"), _text(location, "region"), _text(location, "countryCode")
        )
    profiles = [
        _text(p, "url") or _join(": ", _text(p, "network"), _text(p, "username"))
        for p in _items(basics, "profiles")
    ]
    contact = _join(
        " | ",
        _text(basics, "email"),
        _text(basics, "phone"),
        place,
        _text(basics, "url"),
        *profiles,
    )
    return blocks + ([Block("contact", contact)] if contact else [])


def _summary(resume: Item, bpo: BpoFields) -> list[Block]:
    basics = resume.get("basics")
    return _texts_blocks(basics, "summary") if isinstance(basics, Mapping) else []


def _preferences(resume: Item, bpo: BpoFields) -> list[Block]:
    return _bullets(preference_lines(bpo))


def _experience(resume: Item, bpo: BpoFields) -> list[Block]:
    return [b for item in _items(resume, "work") if not is_internship(item) for b in _work(item)]


def _internships(resume: Item, bpo: BpoFields) -> list[Block]:
    return [b for item in _items(resume, "work") if is_internship(item) for b in _work(item)]


def _education(resume: Item, bpo: BpoFields) -> list[Block]:
    blocks: list[Block] = []
    for item in _items(resume, "education"):
        degree = _join(" in ", _text(item, "studyType"), _text(item, "area"))
        score = _text(item, "score")
        blocks += _entry(
            _join(", ", degree, _text(item, "institution")),
            _join(
                " | ",
                date_range(_text(item, "startDate"), _text(item, "endDate")),
                f"Score: {score}" if score else "",
            ),
        )
        courses = _texts(item, "courses")
        if courses:
            blocks.append(Block("text", "Courses: " + ", ".join(courses)))
    return blocks


def _skills(resume: Item, bpo: BpoFields) -> list[Block]:
    lines: list[str] = []
    for item in _items(resume, "skills"):
        name, level = _text(item, "name"), _text(item, "level")
        head = f"{name} ({level})" if name and level else name
        lines.append(_join(": ", head, ", ".join(_texts(item, "keywords"))))
    return _bullets([line for line in lines if line] + skill_lines(bpo))


def _certificates(resume: Item, bpo: BpoFields) -> list[Block]:
    lines: list[str] = []
    for item in _items(resume, "certificates"):
        line = _join(", ", _text(item, "name"), _text(item, "issuer"))
        date = format_date(_text(item, "date"))
        lines.append(f"{line} ({date})" if line and date else line or date)
    return _bullets([line for line in lines if line])


def _languages(resume: Item, bpo: BpoFields) -> list[Block]:
    return _bullets(
        [
            _join(": ", _text(item, "language"), _text(item, "fluency"))
            for item in _items(resume, "languages")
            if _text(item, "language")
        ]
    )


def _projects(resume: Item, bpo: BpoFields) -> list[Block]:
    blocks: list[Block] = []
    for item in _items(resume, "projects"):
        blocks += _entry(
            _text(item, "name"),
            _join(
                " | ",
                ", ".join(_texts(item, "roles")),
                _text(item, "entity"),
                date_range(_text(item, "startDate"), _text(item, "endDate")),
                _text(item, "url"),
            ),
        )
        blocks += _texts_blocks(item, "description") + _bullets(_texts(item, "highlights"))
        keywords = _texts(item, "keywords")
        if keywords:
            blocks.append(Block("text", "Keywords: " + ", ".join(keywords)))
    return blocks


def _awards(resume: Item, bpo: BpoFields) -> list[Block]:
    return [
        block
        for item in _items(resume, "awards")
        for block in _entry(
            _join(", ", _text(item, "title"), _text(item, "awarder")),
            format_date(_text(item, "date")),
        )
        + _texts_blocks(item, "summary")
    ]


def _volunteer(resume: Item, bpo: BpoFields) -> list[Block]:
    return [b for item in _items(resume, "volunteer") for b in _work(item, "organization")]


def _publications(resume: Item, bpo: BpoFields) -> list[Block]:
    return [
        block
        for item in _items(resume, "publications")
        for block in _entry(
            _join(", ", _text(item, "name"), _text(item, "publisher")),
            _join(" | ", format_date(_text(item, "releaseDate")), _text(item, "url")),
        )
        + _texts_blocks(item, "summary")
    ]


def _interests(resume: Item, bpo: BpoFields) -> list[Block]:
    lines = [
        _join(": ", _text(item, "name"), ", ".join(_texts(item, "keywords")))
        for item in _items(resume, "interests")
    ]
    return _bullets([line for line in lines if line])


def _references(resume: Item, bpo: BpoFields) -> list[Block]:
    return [
        block
        for item in _items(resume, "references")
        for block in _entry(_text(item, "name"), "") + _texts_blocks(item, "reference")
    ]


Section = Callable[[Item, BpoFields], list[Block]]
SECTIONS: tuple[tuple[str, Section], ...] = (
    ("Summary", _summary),
    ("Job preferences", _preferences),
    ("Experience", _experience),
    ("Internships", _internships),
    ("Education", _education),
    ("Skills", _skills),
    ("Certifications", _certificates),
    ("Languages", _languages),
    ("Projects", _projects),
    ("Awards", _awards),
    ("Volunteer", _volunteer),
    ("Publications", _publications),
    ("Interests", _interests),
    ("References", _references),
)
SECTION_HEADINGS = tuple(heading for heading, _ in SECTIONS)


def resume_blocks(resume: Mapping[str, Any]) -> list[Block]:
    """The resume as blocks: the header, then each non-empty section under its heading."""
    bpo = get_bpo(resume)
    blocks = _header(resume)
    for heading, section in SECTIONS:
        body = section(resume, bpo)
        if body:
            blocks += [Block("heading", heading), *body]
    return blocks


def blocks_to_text(blocks: list[Block]) -> str:
    """Blocks as plain text: headings in capitals after a blank line, a blank line between
    entries, bullets as `- `; ends with a newline (empty for no blocks)."""
    lines: list[str] = []
    previous: BlockKind | None = None
    for block in blocks:
        if block.kind == "heading":
            lines += ["", block.text.upper()]
        elif block.kind == "entry" and previous != "heading":
            lines += ["", block.text]
        elif block.kind == "bullet":
            lines.append(f"- {block.text}")
        else:
            lines.append(block.text)
        previous = block.kind
    text = "\n".join(lines).lstrip("\n")
    return f"{text}\n" if text else ""


def resume_to_text(resume: Mapping[str, Any]) -> str:
    """The resume as ATS-friendly plain text (see the module docstring for the layout)."""
    return blocks_to_text(resume_blocks(resume))
