"""Readiness API: the signed-in candidate's Readiness Index and their plan."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from launchpad.accounts.models import User
from launchpad.common.requests import signed_in_user
from launchpad.readiness import selectors, services

router = Router()


class PlanItemOut(Schema):
    id: int
    key: str
    week_start: datetime.date
    kind: str
    title: str
    detail: str
    ref: str
    status: str
    postponed_from: datetime.date | None


def _today(user: User) -> datetime.date:
    """The user's calendar day (a token request has no zone activated by the middleware)."""
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone or settings.DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)
    return timezone.localdate(timezone=zone)


@router.get("", summary="My Readiness Index per track, with every component explained")
def readiness_index(request: HttpRequest) -> Any:
    return selectors.report(signed_in_user(request)).to_dict()


@router.get("/plan", response=list[PlanItemOut], summary="My week-by-week plan")
def plan(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return services.plan_refresh(user=user, report=selectors.report(user), today=_today(user))
