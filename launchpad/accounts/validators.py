"""Validators shared by the accounts models, forms and API."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_known_time_zone(name: str) -> bool:
    """True when `name` is an IANA zone this server can load (for example "Asia/Kolkata")."""
    if not name or name != name.strip():
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def validate_time_zone(value: str) -> None:
    """Rejects a time zone name the server does not know."""
    if not is_known_time_zone(value):
        raise ValidationError(
            _("Choose a time zone from the list, for example Asia/Kolkata or Asia/Manila."),
            code="unknown_time_zone",
        )
