"""Fixtures for networking: alice's contacts, event, follow-up and application, made in her
own time zone's terms (Asia/Kolkata), plus what eve has of her own."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from launchpad.networking.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
)

NOW = datetime.datetime(2026, 11, 23, 4, 30, tzinfo=datetime.UTC)  # 10:00 in Kolkata
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def now() -> datetime.datetime:
    return NOW


@pytest.fixture
def today() -> datetime.date:
    return TODAY


@pytest.fixture
def alices(alice):
    """Alice's networking: a recruiter, a job fair she met him at, a follow-up about him and
    an application with an interview booked."""
    contact = ContactFactory(
        user=alice, name="Priya Sharma", company="Acme Support", job_title="Recruiter",
        email="priya@example.com", phone="+91 98765 43210", notes="Asked for my resume.",
    )  # fmt: skip
    event = EventFactory(
        user=alice, title="Pune mega job fair", location="Hall 2, Pune",
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )  # fmt: skip
    event.contacts.add(contact)
    application = ApplicationFactory(
        user=alice, interview_at=timezone.now() + datetime.timedelta(days=5)
    )
    follow_up = FollowUpFactory(
        user=alice, title="Send my resume to Priya", contact=contact,
        due_on=timezone.localdate() + datetime.timedelta(days=1),
    )  # fmt: skip
    return {"contact": contact, "event": event, "application": application,
            "follow_up": follow_up}  # fmt: skip
