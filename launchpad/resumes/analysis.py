"""Reads for the resume studio's checks: what an ATS sees, the job match, parser guesses.

The pure work is in `launchpad.core.resume`; this module gathers what it needs from the
database (the upload's layout, the skills-lab evidence, the profile).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from launchpad.accounts.models import CandidateProfile, LanguageSkill, User
from launchpad.core.resume.ats import AtsReport, ats_check
from launchpad.core.resume.cover_letter import draft_cover_letter
from launchpad.core.resume.export_text import resume_to_text
from launchpad.core.resume.match import MatchResult, match
from launchpad.core.resume.types import Layout
from launchpad.core.resume.vocabulary import Vocabulary, load_vocabulary
from launchpad.resumes.models import JobDescription, Resume
from launchpad.resumes.services import measured_fields


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The BPO skills vocabulary (content file, read once per process)."""
    return load_vocabulary()


def guesses_by_field(parsed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The parser's guesses keyed by JSON Resume path (for the review page's badges)."""
    return {guess["path"]: guess for guess in parsed.get("fields", [])}


def _layout(raw: dict[str, Any]) -> Layout:
    return Layout(
        file_type=raw["file_type"], file_size=raw["file_size"], pages=raw["pages"],
        columns=raw["columns"], word_count=raw["word_count"],
        headings=tuple(raw.get("headings", ())),
        header_footer_text=raw.get("header_footer_text", ""), images=raw.get("images", 0),
        image_only_pages=raw.get("image_only_pages", 0), tables=raw.get("tables", 0),
        fonts=tuple(raw.get("fonts", ())),
    )  # fmt: skip


def ats_report(resume: Resume, data: dict[str, Any]) -> AtsReport:
    """The ATS check of a resume: on the uploaded file's layout and text when the resume
    came from a file, else on the document as our ATS-safe exports lay it out."""
    if resume.upload is not None and resume.source == Resume.Source.FILE:
        parsed = resume.upload.parsed
        return ats_check(data, _layout(parsed["layout"]), parsed.get("text", ""))
    return ats_check(data, None, resume_to_text(data))


def profile_evidence(user: User) -> dict[str, Any]:
    """What the skills lab and the profile know about the candidate, for the match."""
    measured = measured_fields(user)
    profile = CandidateProfile.objects.filter(user=user).first()
    evidence: dict[str, Any] = {}
    if measured.typing is not None:
        evidence["typing_wpm"] = measured.typing.wpm
    if measured.english is not None and measured.english.cefr:
        evidence["english_cefr"] = measured.english.cefr
    if profile is not None:
        evidence["shifts"] = list(profile.shift_availability)
        if profile.education_level:
            evidence["education"] = profile.education_level
        if profile.city:
            evidence["city"] = profile.city
    languages = list(
        LanguageSkill.objects.filter(profile__user=user).values_list("language", flat=True)
    )
    if languages:
        evidence["languages"] = languages
    return evidence


def match_report(user: User, data: dict[str, Any], job: JobDescription) -> MatchResult:
    """The explained match of a resume against a saved job (pasted text or job schema)."""
    source: Any = job.data if job.data else job.text
    return match(data, source, vocabulary(), profile_evidence(user))


def draft_letter(user: User, data: dict[str, Any], job: JobDescription) -> dict[str, Any]:
    """A first draft of a cover letter for `job` from the resume and the profile's evidence."""
    source: Any = job.data if job.data else job.text
    letter = draft_cover_letter(
        data, source, vocabulary(), company=job.company, profile_evidence=profile_evidence(user)
    )
    return letter.to_dict()
