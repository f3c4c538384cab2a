"""Every write of the resume studio: resumes and their versions, uploads, jobs.

Every resume saved is valid JSON Resume (`core.resume.schema`); a save that changes
nothing adds no version, and no save ever changes an earlier version.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from launchpad.accounts.models import CandidateProfile, User
from launchpad.core.resume.bpo import (
    CEFR_LEVELS,
    BpoFields,
    EnglishLevel,
    TypingResult,
    get_bpo,
    set_bpo,
)
from launchpad.core.resume.parse import parse_bytes
from launchpad.core.resume.schema import validate_resume
from launchpad.core.resume.types import ParsedResume
from launchpad.resumes.exceptions import ResumeInvalid
from launchpad.resumes.models import (
    CoverLetter,
    JobDescription,
    Resume,
    ResumeUpload,
    ResumeVersion,
)
from launchpad.skills.models import QuizAttempt, TypingAttempt

MAX_JSON_BYTES = 1024 * 1024


def _unstorable(value: Any, path: str = "") -> list[str]:
    """Values no JSON column keeps: NaN and infinities (not JSON), NUL characters (jsonb)."""
    where = path or "resume"
    if isinstance(value, float) and not math.isfinite(value):
        return [
            _("%(path)s: %(value)s is not a number JSON allows") % {"path": where, "value": value}
        ]
    if isinstance(value, str):
        return (
            [_("%(path)s: contains a NUL character") % {"path": where}] if "\x00" in value else []
        )
    if isinstance(value, Mapping):
        return [
            problem
            for key, item in value.items()
            for problem in _unstorable(key, path) + _unstorable(item, f"{path}.{key}".lstrip("."))
        ]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _unstorable(item, f"{where}[{i}]")]
    return []


def _check(data: Any) -> dict[str, Any]:
    """A copy of `data` when it is valid JSON Resume; else ResumeInvalid."""
    # Checked before any conversion: dict() of a list of pairs would make it an object.
    if not isinstance(data, Mapping):
        raise ResumeInvalid([_("A JSON Resume is one JSON object ({…}).")])
    document = copy.deepcopy(dict(data))
    problems = _unstorable(document) or validate_resume(document)
    if problems:
        raise ResumeInvalid(problems)
    return document


def resume_create(
    *,
    user: User,
    title: str,
    data: Mapping[str, Any],
    source: str = Resume.Source.BUILT,
    upload: ResumeUpload | None = None,
    job: JobDescription | None = None,
    tailored_from: Resume | None = None,
    note: str = "",
) -> Resume:
    """Creates a resume with `data` as its first version.

    Raises ResumeInvalid (creating nothing) when `data` is not valid JSON Resume.
    """
    document = _check(data)
    with transaction.atomic():
        resume = Resume.objects.create(
            user=user, title=title.strip()[:120] or _("My resume"), source=source,
            upload=upload, job=job, tailored_from=tailored_from,
        )  # fmt: skip
        ResumeVersion.objects.create(resume=resume, number=1, data=document, note=note[:200])
    return resume


def resume_save(
    *, resume: Resume, data: Mapping[str, Any], title: str | None = None, note: str = ""
) -> ResumeVersion:
    """Saves `data` as the resume's next version (or returns the latest when unchanged).

    Raises ResumeInvalid (saving nothing) when `data` is not valid JSON Resume.
    """
    document = _check(data)
    with transaction.atomic():
        locked = Resume.objects.select_for_update().get(pk=resume.pk)
        latest = locked.versions.order_by("-number").first()
        if title is not None and title.strip() and title.strip() != locked.title:
            locked.title = title.strip()[:120]
        locked.save()
        if latest is not None and latest.data == document:
            return latest
        number = (locked.versions.aggregate(top=Max("number"))["top"] or 0) + 1
        return ResumeVersion.objects.create(
            resume=locked, number=number, data=document, note=note[:200]
        )


def resume_delete(*, resume: Resume) -> None:
    resume.delete()


def resume_import_json(*, user: User, raw: bytes, title: str = "") -> Resume:
    """Creates a resume from the bytes of a JSON Resume file.

    Raises ResumeInvalid (creating nothing) for a file too large, not UTF-8 JSON, or not
    valid against the schema.
    """
    if len(raw) > MAX_JSON_BYTES:
        raise ResumeInvalid([_("A JSON Resume file is at most 1 MB.")])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResumeInvalid([_("This is not a JSON file (%(why)s).") % {"why": error}]) from error
    name = ""
    if isinstance(data, dict) and isinstance(data.get("basics"), dict):
        name = str(data["basics"].get("name") or "")
    return resume_create(
        user=user, title=title or name or _("Imported resume"), data=data,
        source=Resume.Source.JSON, note=_("Imported from JSON"),
    )  # fmt: skip


def _parsed_to_json(parsed: ParsedResume) -> dict[str, Any]:
    layout = parsed.layout
    return {
        "resume": parsed.resume,
        "fields": [
            {"path": f.path, "value": f.value, "confidence": f.confidence,
             "reasons": list(f.reasons)}
            for f in parsed.fields
        ],
        "layout": {
            "file_type": layout.file_type, "file_size": layout.file_size,
            "pages": layout.pages, "columns": layout.columns,
            "word_count": layout.word_count, "headings": list(layout.headings),
            "header_footer_text": layout.header_footer_text, "images": layout.images,
            "image_only_pages": layout.image_only_pages, "tables": layout.tables,
            "fonts": list(layout.fonts),
        },
        "text": parsed.text,
        "warnings": list(parsed.warnings),
    }  # fmt: skip


def upload_store(*, user: User, raw: bytes, filename: str) -> ResumeUpload:
    """Parses an uploaded resume and keeps the file with what was read from it.

    Raises ResumeFileError (storing nothing) for a file that is not a readable PDF or DOCX.
    """
    parsed = parse_bytes(raw, filename)
    upload = ResumeUpload(
        user=user, original_name=filename[:255], file_type=parsed.layout.file_type,
        size=len(raw), sha256=hashlib.sha256(raw).hexdigest(), parsed=_parsed_to_json(parsed),
    )  # fmt: skip
    with transaction.atomic():
        upload.file.save("resume", ContentFile(raw), save=False)
        upload.save()
    return upload


def upload_delete(*, upload: ResumeUpload) -> None:
    """Deletes the upload and its stored file (resumes made from it stay)."""
    storage, name = upload.file.storage, upload.file.name
    upload.delete()
    if name:
        storage.delete(name)


def job_create(*, user: User, title: str, company: str = "", text: str = "") -> JobDescription:
    return JobDescription.objects.create(
        user=user, title=title.strip()[:200], company=company.strip()[:200], text=text.strip()
    )


TAILORED_SKILLS_GROUP = "Key skills for this role"


def tailored_data(
    data: Mapping[str, Any], *, add_terms: list[str], headline: str | None
) -> dict[str, Any]:
    """`data` with the accepted suggestions applied: evidenced terms added to one skills
    group (each once, in the order given) and, when given, the headline replaced."""
    result: dict[str, Any] = copy.deepcopy(dict(data))
    if headline:
        result.setdefault("basics", {})["label"] = headline[:120]
    if add_terms:
        skills = list(result.get("skills") or [])
        present = {str(k).casefold() for group in skills for k in (group.get("keywords") or [])} | {
            str(group.get("name", "")).casefold() for group in skills
        }
        group = next((g for g in skills if g.get("name") == TAILORED_SKILLS_GROUP), None)
        if group is None:
            group = {"name": TAILORED_SKILLS_GROUP, "keywords": []}
            skills.insert(0, group)
        for term in add_terms:
            if term.casefold() not in present:
                group["keywords"].append(term)
                present.add(term.casefold())
        result["skills"] = [g for g in skills if g.get("keywords") or g is not group]
    return result


def resume_tailor(*, resume: Resume, job: JobDescription, data: Mapping[str, Any]) -> Resume:
    """A copy of `resume` for `job`, holding `data` (the candidate's accepted changes)."""
    return resume_create(
        user=resume.user, title=f"{resume.title} – {job.title}"[:120], data=data,
        source=Resume.Source.TAILORED, job=job, tailored_from=resume,
        note=_("Tailored for %(job)s") % {"job": job},
    )  # fmt: skip


def profile_resume_data(user: User) -> dict[str, Any]:
    """A first JSON Resume from the profile: contact, education and languages."""
    profile = CandidateProfile.objects.filter(user=user).first()
    basics: dict[str, Any] = {"name": user.full_name, "email": user.email}
    data: dict[str, Any] = {"basics": basics}
    if profile is None:
        return data
    if profile.phone:
        basics["phone"] = profile.phone
    location = {
        key: value
        for key, value in (("city", profile.city), ("countryCode", profile.country))
        if value and value != "OTHER"
    }
    if location:
        basics["location"] = location
    if profile.degree or profile.education_level:
        entry: dict[str, Any] = {"institution": "", "studyType": profile.degree}
        if profile.field_of_study:
            entry["area"] = profile.field_of_study
        if profile.graduation_year:
            entry["endDate"] = str(profile.graduation_year)
        if profile.score_value is not None:
            suffix = " CGPA" if profile.score_type == "cgpa" else "%"
            entry["score"] = f"{profile.score_value.normalize():f}{suffix}"
        data["education"] = [{k: v for k, v in entry.items() if v != ""}]
    languages = [
        {"language": row.language, "fluency": row.get_level_display().split(":")[0]}
        for row in profile.languages.all()
    ]
    if languages:
        data["languages"] = languages
    return data


def measured_fields(user: User) -> BpoFields:
    """The candidate's measured results and preferences as resume BPO fields.

    Typing: the best scored test of a minute or more (not a drill); English: the latest full
    English test's CEFR estimate (marked as an estimate); shifts and work types from the
    profile.
    """
    typing = (
        TypingAttempt.objects.filter(user=user, status="scored", is_drill=False)
        .exclude(mode=TypingAttempt.Mode.TIMED, duration_s__lt=60)
        .order_by("-wpm", "-submitted_at")
        .first()
    )
    english = (
        QuizAttempt.objects.filter(user=user, status="scored", test="english", focus_skill="")
        .order_by("-submitted_at")
        .first()
    )
    profile = CandidateProfile.objects.filter(user=user).first()
    cefr = (english.result or {}).get("cefr_estimate", "") if english else ""
    return BpoFields(
        typing=TypingResult(
            wpm=float(typing.wpm or 0), accuracy=float(typing.accuracy or 0),
            measured_on=typing.submitted_at.date(),
        )
        if typing is not None and typing.submitted_at is not None
        else None,
        english=EnglishLevel(
            cefr=cefr, estimate=True, test="BPO Launchpad English test",
            score=f"{english.percent:.0f}%", measured_on=english.submitted_at.date(),
            source="BPO Launchpad skills lab",
        )
        if english is not None and english.submitted_at is not None and cefr in CEFR_LEVELS
        else None,
        shifts=tuple(profile.shift_availability) if profile else (),
        work_types=tuple(profile.work_types) if profile else (),
    )  # fmt: skip


def resume_add_measured(*, resume: Resume) -> ResumeVersion:
    """Saves a new version with the candidate's measured results in its BPO fields.

    Fields with nothing measured keep what the resume already had.
    """
    latest = resume.versions.order_by("-number").first()
    data = latest.data if latest is not None else {}
    current = get_bpo(data)
    measured = measured_fields(resume.user)
    merged = BpoFields(
        typing=measured.typing or current.typing,
        english=measured.english or current.english,
        shifts=measured.shifts or current.shifts,
        work_types=measured.work_types or current.work_types,
        notice_period_days=current.notice_period_days,
    )
    return resume_save(
        resume=resume, data=set_bpo(data, merged), note=_("Added my measured results")
    )


MAX_PARAGRAPH_CHARS = 2000


def cover_letter_create(
    *, resume: Resume, job: JobDescription, letter: Mapping[str, Any]
) -> CoverLetter:
    """Stores a drafted letter (`CoverLetter.to_dict()` data) for `resume` and `job`."""
    return CoverLetter.objects.create(
        user=resume.user, resume=resume, job=job,
        title=_("Cover letter: %(job)s") % {"job": job}, letter=dict(letter),
    )  # fmt: skip


def cover_letter_update(
    *, letter: CoverLetter, greeting: str, texts: Mapping[str, str], sign_off: str
) -> CoverLetter:
    """Replaces the greeting, the paragraphs' texts (by key) and the sign-off.

    Raises ResumeInvalid (changing nothing) for an empty greeting or sign-off, a paragraph
    longer than 2,000 characters, or a paragraph key the letter does not have.
    """
    problems = []
    if not greeting.strip():
        problems.append(_("Write a greeting, for example 'Dear Hiring Manager,'."))
    if not sign_off.strip():
        problems.append(_("Write a sign-off, for example 'Yours sincerely,'."))
    keys = [p["key"] for p in letter.letter.get("paragraphs", [])]
    unknown = sorted(set(texts) - set(keys))
    if unknown:
        problems.append(_("This letter has no paragraph %(keys)s.") % {"keys": ", ".join(unknown)})
    if any(len(text) > MAX_PARAGRAPH_CHARS for text in texts.values()):
        problems.append(_("Keep each paragraph to 2,000 characters or fewer."))
    if problems:
        raise ResumeInvalid(problems)
    data = copy.deepcopy(letter.letter)
    data["greeting"] = greeting.strip()
    data["sign_off"] = sign_off.strip()
    for paragraph in data.get("paragraphs", []):
        if paragraph["key"] in texts:
            new = texts[paragraph["key"]].replace("\r\n", "\n").strip()
            if new != paragraph["text"]:
                paragraph["text"] = new
                # An edited paragraph is the candidate's own words: its draft claims no
                # longer describe it.
                paragraph["claims"] = []
    letter.letter = data
    letter.edited = True
    letter.save(update_fields=["letter", "edited", "updated_at"])
    return letter
