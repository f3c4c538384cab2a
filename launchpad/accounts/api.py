"""The profile API: read and patch the signed-in user's candidate profile.

Mounted at /api/profile. PATCH validates with the same form as the profile page, so the rules
and messages are the same; on any error it answers 422 with the messages and changes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict

from launchpad.accounts import selectors, services
from launchpad.accounts.exceptions import ProfileInvalid
from launchpad.accounts.forms import (
    ProfileForm,
    language_formset,
    language_formset_data,
    profile_form_initial,
)
from launchpad.accounts.models import CandidateProfile, User

router = Router()


class LanguageOut(Schema):
    language: str
    level: str
    self_rated: bool = True


class LanguageIn(Schema):
    model_config = ConfigDict(extra="forbid")

    language: str
    level: str


class ProfileOut(Schema):
    email: str
    full_name: str
    role: str
    time_zone: str
    country: str
    city: str
    phone: str
    education_level: str
    degree: str
    field_of_study: str
    graduation_year: int | None
    score_type: str
    score_value: float | None
    shift_availability: list[str]
    work_types: list[str]
    current_role: str | None
    years_experience: float
    completeness: int
    languages: list[LanguageOut]


class ProfilePatch(Schema):
    """Any subset of the profile's fields; `languages`, when given, replaces the whole list."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = None
    city: str | None = None
    phone: str | None = None
    education_level: str | None = None
    degree: str | None = None
    field_of_study: str | None = None
    graduation_year: int | None = None
    score_type: str | None = None
    score_value: Decimal | None = None
    shift_availability: list[str] | None = None
    work_types: list[str] | None = None
    current_role: str | None = None
    years_experience: Decimal | None = None
    languages: list[LanguageIn] | None = None


class ValidationErrorsOut(Schema):
    errors: dict[str, list[str]]


def _profile_out(user: User, profile: CandidateProfile | None) -> dict[str, Any]:
    values = profile_form_initial(profile)
    return {
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "time_zone": user.time_zone,
        "country": values.get("country", ""),
        "city": values.get("city", ""),
        "phone": values.get("phone", ""),
        "education_level": values.get("education_level", ""),
        "degree": values.get("degree", ""),
        "field_of_study": values.get("field_of_study", ""),
        "graduation_year": values.get("graduation_year"),
        "score_type": values.get("score_type", ""),
        "score_value": float(values["score_value"]) if values.get("score_value") else None,
        "shift_availability": values.get("shift_availability", []),
        "work_types": values.get("work_types", []),
        "current_role": values.get("current_role") or None,
        "years_experience": float(values.get("years_experience") or 0),
        "completeness": selectors.profile_completeness(profile=profile),
        "languages": [
            {"language": skill.language, "level": skill.level, "self_rated": True}
            for skill in (profile.languages.all() if profile is not None else [])
        ],
    }


def _form_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value)


@router.get("", response=ProfileOut, summary="My profile")
def profile_get(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's account basics, candidate profile and self-rated languages."""
    user = request.auth  # type: ignore[attr-defined]
    return _profile_out(user, selectors.profile_for_user(user=user))


@router.patch("", response={200: ProfileOut, 422: ValidationErrorsOut}, summary="Update my profile")
def profile_patch(request: HttpRequest, payload: ProfilePatch) -> Any:
    """Changes only the fields sent; the same rules as the profile page apply.

    Send `null` or an empty string to clear a field. `languages` replaces the whole list.
    Answers 422 with `errors` (field → messages) and changes nothing when anything is wrong.
    """
    user = request.auth  # type: ignore[attr-defined]
    changes = payload.dict(exclude_unset=True)
    languages_sent = "languages" in changes
    language_list = changes.pop("languages", None) or []

    profile = selectors.profile_for_user(user=user)
    data = {name: _form_value(value) for name, value in profile_form_initial(profile).items()}
    for name, value in changes.items():
        data[name] = (
            []
            if value is None and name in {"shift_availability", "work_types"}
            else (_form_value(value))
        )
    form = ProfileForm(data=data)
    errors: dict[str, list[str]] = {}
    if not form.is_valid():
        errors.update({name: [str(m) for m in messages] for name, messages in form.errors.items()})

    entries = None
    if languages_sent:
        formset = language_formset(data=language_formset_data(language_list))
        if formset.is_valid():
            entries = formset.entries()
        else:
            problems = [str(message) for message in formset.non_form_errors()]
            for index, row in enumerate(formset.forms, start=1):
                for messages in row.errors.values():
                    problems.extend(f"#{index}: {message}" for message in messages)
            errors["languages"] = problems
    if errors:
        return Status(422, {"errors": errors})

    fields = {name: form.cleaned_data[name] for name in changes}
    try:
        services.profile_update(user=user, fields=fields, languages=entries)
    except ProfileInvalid as exc:
        return Status(422, {"errors": exc.errors})
    return Status(200, _profile_out(user, selectors.profile_for_user(user=user)))
