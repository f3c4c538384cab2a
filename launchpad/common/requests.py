"""Request helpers shared by the apps' views."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

if TYPE_CHECKING:
    from launchpad.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, for views behind `login_required` (typed as our User model)."""
    from launchpad.accounts.models import User

    user = request.user
    assert isinstance(user, User), "signed_in_user() needs a login_required view"
    return user


def user_today(user: User) -> datetime.date:
    """The user's calendar day, from their time zone (an API request made with a token has no
    zone activated by the middleware)."""
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone or settings.DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)
    return timezone.localdate(timezone=zone)
