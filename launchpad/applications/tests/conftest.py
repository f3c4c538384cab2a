"""Fixtures for the tracker: fixed dates for the services, and helpers to move a card."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from launchpad.applications import services

DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def now() -> datetime.datetime:
    return timezone.now()


def move(application, *stages, on=None):
    """Moves the card through `stages`, one day apart from its last move (never in the
    future: the views' "today" is the real one)."""
    for stage in stages:
        last = application.stage_changes.order_by("-at", "-id").first()
        day = on or (last.on if last else application.stage_changed_on)
        services.application_move(
            application=application,
            to_stage=stage,
            on=day,
            today=max(day, timezone.localdate()),
            now=timezone.now(),
        )
    application.refresh_from_db()
    return application
