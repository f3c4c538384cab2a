"""Split a resume's lines into sections by their headings, whatever the heading style.

A line is a known heading when, stripped of a trailing colon and normalised (lower case,
"&" as "and", punctuation as spaces), it is one of the heading phrases in `vocab_parse`.
Most phrases are enough on their own; a few that are also ordinary words ("Leadership",
"Training", "Profile" ...) must also look like a heading: a Heading style, capitals, bold,
a font larger than the body text, or a trailing colon. "Languages Known: Hindi, English"
is a heading with its content on the same line: that line alone forms the section, and the
lines after it go back to the section before. A short styled line that matches no phrase
(after a known heading has been seen, so the name at the top is not taken) is a heading of
an unknown section, kept as "other". Lines in page headers and footers belong to the top.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from launchpad.core.resume.parse_types import Line
from launchpad.core.resume.vocab_parse import HEADINGS, LANGUAGES

LOOKUP: dict[str, str] = {phrase: key for key, phrases in HEADINGS.items() for phrase in phrases}
# Heading phrases that are also ordinary words in a list: they need a heading's style.
WEAK_HEADINGS = frozenset(
    ("leadership", "activities", "organizations", "affiliations", "expertise", "training",
     "trainings", "courses", "employment", "language", "project", "reference", "strengths",
     "recognition", "competencies", "profile", "introduction", "qualifications", "academics",
     "volunteer", "contact", "objectives", "accomplishments", "honors", "honours", "tools")
)  # fmt: skip
_LANGUAGE_RE = re.compile(r"\b(?:" + "|".join(LANGUAGES) + r")\b", re.I)


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading; `key` is a section key, "top" or "other"."""

    key: str
    heading: str  # the heading as written, "" for the top of the resume
    lines: tuple[Line, ...]
    reasons: tuple[str, ...] = ()


def normalise_heading(text: str) -> str:
    """Lower case, "&" as "and", everything but letters as single spaces."""
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def _style_reasons(line: Line, body_size: float) -> list[str]:
    reasons = []
    if line.style.lower().startswith("heading"):
        reasons.append(f"styled '{line.style}'")
    letters = [c for c in line.text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        reasons.append("written in capitals")
    if line.bold:
        reasons.append("bold")
    if body_size and line.size > body_size + 0.9:
        reasons.append("larger than the body text")
    if line.text.rstrip().endswith(":"):
        reasons.append("ends with a colon")
    return reasons


def classify_heading(
    line: Line, body_size: float, known_seen: bool
) -> tuple[str, str, tuple[str, ...]] | None:
    """(section key, text after a "Heading:" on the same line, reasons) or None."""
    text = line.text.strip()
    if line.bullet or len(text) > 60 or line.region == "header":
        return None
    style = _style_reasons(line, body_size)
    phrase = normalise_heading(text.rstrip(":").strip())
    key = LOOKUP.get(phrase)
    reason = f"matches the heading phrase '{phrase}'"
    if key is None and " and " in phrase:
        # "Skills & Awards": a heading naming two sections is read as the first one.
        first = phrase.split(" and ")[0]
        key = LOOKUP.get(first)
        reason = f"starts with the heading phrase '{first}'"
    if key is not None and len(text) <= 45:
        if phrase in WEAK_HEADINGS and not style:
            return None
        return key, "", (reason, *style)
    strong_style = [r for r in style if r != "bold" and r != "ends with a colon"]
    if known_seen and strong_style and len(phrase.split()) <= 5:
        # "Training Programs Completed": a heading that contains a heading phrase.
        words = phrase.split()
        spans = [
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        ]
        inside = [
            p
            for p in spans
            if p in LOOKUP and p not in ("project", "volunteer", "contact", "reference", "language")
        ]
        if inside:
            best = max(inside, key=len)
            return LOOKUP[best], "", (f"contains the heading phrase '{best}'", *style)
    if ":" in text:
        label, rest = (part.strip() for part in text.split(":", 1))
        inline_key = LOOKUP.get(normalise_heading(label))
        if inline_key and rest and len(label.split()) <= 4:
            if inline_key == "languages" and not _LANGUAGE_RE.search(rest):
                return None  # "Languages: Python, Java" is a list of skills
            return inline_key, rest, (f"starts with the heading phrase '{label.lower()}'",)
    words = text.rstrip(":").split()
    looks_like = line.style.lower().startswith("heading") or (
        "written in capitals" in style and len(style) >= 2
    )
    if (
        known_seen
        and looks_like
        and len(words) <= 4
        and not any(c.isdigit() or c in "@|/" for c in text)
    ):
        return "other", "", ("looks like a heading but matches no known section", *style)
    return None


def body_font_size(lines: tuple[Line, ...] | list[Line]) -> float:
    """The most common font size of the lines (0 when no size is known)."""
    sizes = [line.size for line in lines if line.size]
    return statistics.mode(sizes) if sizes else 0.0


def split_sections(lines: tuple[Line, ...]) -> list[Section]:
    """The sections of `lines`, in order; the first is "top" (what comes before a heading)."""
    body_size = body_font_size(lines)
    sections: list[Section] = []
    key, heading = "top", ""
    reasons: tuple[str, ...] = ()
    current: list[Line] = []
    known_seen = False
    header: list[Line] = []
    for line in lines:
        if line.region == "header":
            # Page headers and footers hold contact details, wherever the page breaks.
            header.append(line)
            continue
        found = classify_heading(line, body_size, known_seen)
        if found is None:
            if line.text.lower().startswith(("i hereby declare", "i hereby certify")):
                sections.append(Section(key, heading, tuple(current), reasons))
                key, heading, reasons = "declaration", "", ("starts 'I hereby declare'",)
                current = []
            current.append(line)
            continue
        new_key, rest, new_reasons = found
        known_seen = known_seen or new_key != "other"
        if rest:
            inline = Line(rest, line.page, line.size, line.bold, line.style, False, line.region)
            sections.append(Section(key, heading, tuple(current), reasons))
            label = line.text.split(":", 1)[0].strip()
            sections.append(Section(new_key, label, (inline,), new_reasons))
            current = []
            continue
        sections.append(Section(key, heading, tuple(current), reasons))
        key, heading, reasons = new_key, line.text.strip(), new_reasons
        current = []
    sections.append(Section(key, heading, tuple(current), reasons))
    # The first section is always the top (empty when the body starts with a heading).
    sections[0] = Section("top", "", (*header, *sections[0].lines))
    return [s for s in sections if s.lines or s.heading]
