"""Readiness API: the signed-in candidate's Readiness Index and their plan."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from launchpad.common.requests import signed_in_user, user_today
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


@router.get("", summary="My Readiness Index per track, with every component explained")
def readiness_index(request: HttpRequest) -> Any:
    return selectors.report(signed_in_user(request)).to_dict()


@router.get("/plan", response=list[PlanItemOut], summary="My week-by-week plan")
def plan(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return services.plan_refresh(user=user, report=selectors.report(user), today=user_today(user))
