"""Assign a reader's lines to JSON Resume fields, each with a confidence and its reasons.

The lines are split into sections by heading (`parse_sections`); personal details an ATS
does not need (date of birth, father's name, nationality, marital status, religion, ID
numbers ...) are dropped wherever they appear, and so are the declaration and references;
each remaining section goes to its parser (`parse_basics`, `parse_entries`, `parse_lists`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from launchpad.core.resume.parse_basics import BasicsParser
from launchpad.core.resume.parse_common import (
    SOFT_HYPHEN,
    Item,
    country_hint,
    is_sensitive,
    join_wrapped,
)
from launchpad.core.resume.parse_entries import (
    parse_education,
    parse_projects,
    parse_volunteer,
    parse_work,
)
from launchpad.core.resume.parse_lists import (
    parse_certificates,
    parse_interests,
    parse_languages,
    parse_skills,
)
from launchpad.core.resume.parse_sections import Section, split_sections
from launchpad.core.resume.parse_types import Extraction
from launchpad.core.resume.types import FieldGuess, ResumeData

# The JSON Resume arrays, in the order the output lists them.
ARRAYS = ("work", "volunteer", "education", "awards", "certificates", "skills", "languages",
          "interests", "projects")  # fmt: skip


def build_resume(
    extraction: Extraction,
) -> tuple[ResumeData, tuple[FieldGuess, ...], tuple[str, ...], tuple[str, ...]]:
    """(JSON Resume, field guesses, headings as written, warnings) for `extraction`."""
    # Compatibility forms read as plain letters: ligatures ("fi" as one glyph), the
    # mathematical bold or italic letters some resumes style names with, full-width digits.
    lines = tuple(
        replace(line, text=unicodedata.normalize("NFKC", line.text)) for line in extraction.lines
    )
    sections = split_sections(lines)
    wrapped = extraction.layout.file_type == "pdf"
    country, _signs = country_hint("\n".join(line.text for line in lines))
    warnings: list[str] = []

    dropped = [line.text for s in sections for line in s.lines if is_sensitive(line.text)]
    if dropped:
        labels = sorted({text.split(":")[0].strip()[:30] for text in dropped})
        warnings.append(
            "personal details left out of the parsed resume (an ATS does not need them): "
            + ", ".join(labels)
        )

    basics, guesses = BasicsParser(sections, country).parse()
    fields: list[FieldGuess] = list(guesses)
    arrays: dict[str, list[dict[str, Any]]] = {name: [] for name in ARRAYS}

    for section in sections:
        kept = [line for line in section.lines if not is_sensitive(line.text)]
        items: list[Item] = join_wrapped(kept, wrapped)
        if not items:
            continue
        parsed = _parse_section(section, items, country, arrays, wrapped)
        if parsed is None:
            continue
        name, values, section_guesses = parsed
        arrays[name].extend(values)
        fields.extend(_with_heading(section_guesses, section))

    unknown = [s.heading for s in sections if s.key == "other"]
    if unknown:
        warnings.append(
            "headings not recognised (their text was not assigned): "
            + ", ".join(f"'{h}'" for h in unknown)
        )
    if len([s for s in sections if s.key not in ("top", "other")]) == 0:
        warnings.append("no section headings recognised: only contact details were read")
    if "name" not in basics:
        warnings.append("no name found near the top of the resume")
    if "email" not in basics:
        warnings.append("no e-mail address found")

    resume: ResumeData = {"basics": basics}
    resume.update({name: values for name, values in arrays.items() if values})
    headings = tuple(dict.fromkeys(s.heading for s in sections if s.heading))
    cleaned = tuple(
        FieldGuess(g.path, _without_soft_hyphens(g.value), g.confidence, g.reasons) for g in fields
    )
    return _without_soft_hyphens(resume), cleaned, headings, tuple(warnings)


def _without_soft_hyphens(value: Any) -> Any:
    """`value` with the soft hyphens of words broken at a line end (and never joined) gone."""
    # Values are text, lists and objects only (the parser makes no numbers).
    if isinstance(value, str):
        return value.replace(SOFT_HYPHEN, "")
    if isinstance(value, list):
        return [_without_soft_hyphens(item) for item in value]
    return {key: _without_soft_hyphens(item) for key, item in value.items()}


def _parse_section(
    section: Section,
    items: list[Item],
    country: str | None,
    arrays: dict[str, list[dict[str, Any]]],
    wrapped: bool,
) -> tuple[str, list[dict[str, Any]], list[FieldGuess]] | None:
    key = section.key
    if key in ("work", "internships"):
        values, guesses = parse_work(items, key == "internships", len(arrays["work"]))
        return "work", values, guesses
    if key == "education":
        return "education", *parse_education(items, country, len(arrays["education"]))
    if key == "volunteer":
        return "volunteer", *parse_volunteer(items, len(arrays["volunteer"]))
    if key == "projects":
        return "projects", *parse_projects(items, len(arrays["projects"]))
    if key == "skills":
        return "skills", *parse_skills(items, len(arrays["skills"]), wrapped)
    if key == "languages":
        return "languages", *parse_languages(items, len(arrays["languages"]), wrapped)
    if key == "certificates":
        return "certificates", *parse_certificates(items, len(arrays["certificates"]))
    if key == "awards":
        return "awards", *parse_certificates(items, len(arrays["awards"]), "awards")
    if key == "interests":
        return "interests", *parse_interests(items, len(arrays["interests"]), wrapped)
    # top, summary and contact feed the basics; personal, declaration, references and
    # unknown sections are not copied out.
    return None


def _with_heading(guesses: list[FieldGuess], section: Section) -> list[FieldGuess]:
    """Each guess with the section it came from as its first reason."""
    where = f"under the heading '{section.heading}'"
    return [FieldGuess(g.path, g.value, g.confidence, (where, *g.reasons)) for g in guesses]
