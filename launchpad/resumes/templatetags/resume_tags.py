"""Template helpers for resumes: readable dates and the parser's confidence per field."""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from launchpad.core.resume.bpo import BpoFieldsError, get_bpo, preference_lines, skill_lines

register = template.Library()

# Editor field name -> JSON Resume path of the parser's guess.
BASICS_PATHS = {
    "name": "basics.name", "label": "basics.label", "email": "basics.email",
    "phone": "basics.phone", "city": "basics.location.city",
    "region": "basics.location.region", "country_code": "basics.location.countryCode",
    "summary": "basics.summary",
}  # fmt: skip
SURE = 0.8


@register.filter
def resume_date(value: Any) -> str:
    """'2024-06' → 'Jun 2024', '2024' → '2024', '2024-06-15' → 'Jun 2024'; else as given."""
    text = str(value or "")
    try:
        if len(text) >= 7:
            return datetime.date(int(text[:4]), int(text[5:7]), 1).strftime("%b %Y")
    except ValueError:
        return text
    return text


@register.filter
def guess_badge(guesses: dict[str, Any] | None, field_name: str) -> SafeString | str:
    """A note beside an editor field saying how sure the parser was, when it was not sure."""
    if not isinstance(guesses, dict):  # not a review page (an empty dict is: nothing found)
        return ""
    guess = guesses.get(BASICS_PATHS.get(field_name, ""))
    if guess is None:
        if field_name in ("name", "email", "phone"):
            return format_html('<span class="tag tag-warn">{}</span>', _("Not found: add it"))
        return ""
    percent = round(100 * guess["confidence"])
    if guess["confidence"] >= SURE:
        return format_html('<span class="tag tag-ok">{}</span>', _("Read with confidence"))
    why = "; ".join(guess.get("reasons") or [])
    return format_html(
        '<span class="tag tag-warn">{}</span> <span class="small">{}</span>',
        _("%(percent)s%% sure: check this") % {"percent": percent}, why,
    )  # fmt: skip


@register.filter
def bpo_skill_lines(data: Any) -> list[str]:
    """The measured typing and English lines kept in the resume's BPO fields."""
    try:
        return skill_lines(get_bpo(data or {}))
    except BpoFieldsError:
        return []


@register.filter
def bpo_preference_lines(data: Any) -> list[str]:
    """The job preferences (work types, shifts, notice) kept in the resume's BPO fields."""
    try:
        return preference_lines(get_bpo(data or {}))
    except BpoFieldsError:
        return []


@register.filter
def get_lines(mapping: Any, key: str) -> Any:
    """`mapping[key]`, or nothing when it is missing."""
    return mapping.get(key, ()) if isinstance(mapping, dict) else ()
