"""Fixtures for the interview coach: a small bank of valid questions made by factory (so the
tests do not depend on the packaged wording), and the packaged bank read once per process."""

from __future__ import annotations

import datetime
import functools

import pytest
from django.utils import timezone

from launchpad.content.interview_reader import InterviewContent, read_interview
from launchpad.interview.tests.factories import QuestionFactory

TODAY = datetime.date(2026, 11, 23)


@functools.cache
def packaged() -> InterviewContent:
    return read_interview()


@pytest.fixture
def today() -> datetime.date:
    return TODAY


@pytest.fixture
def now() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 11, 23, 10, 0))


@pytest.fixture
def bank(db):
    """Four HR questions (one an introduction, one about the company), four operations
    questions, two role questions for voice and one growth question for team leaders."""
    return {
        "intro": QuestionFactory(slug="hr-intro", round="hr", kind="introduction", star=False),
        "why": QuestionFactory(slug="hr-why-bpo", round="hr", kind="motivation", star=False),
        "company": QuestionFactory(
            slug="hr-why-us", round="hr", kind="motivation", star=False, about_company=True
        ),
        "shifts": QuestionFactory(slug="hr-shifts", round="hr", kind="motivation", star=False),
        "irate": QuestionFactory(slug="ops-irate", round="operations"),
        "refund": QuestionFactory(slug="ops-refund", round="operations"),
        "aht": QuestionFactory(
            slug="ops-aht", round="operations", kind="knowledge", star=False,
            job_terms=["aht", "fcr"],
        ),
        "pressure": QuestionFactory(slug="ops-pressure", round="operations"),
        "hold": QuestionFactory(
            slug="role-voice-hold", round="role", tracks=["international-voice", "domestic-voice"]
        ),
        "pace": QuestionFactory(
            slug="role-voice-pace", round="role", tracks=["international-voice"]
        ),
        "tl": QuestionFactory(
            slug="growth-tl-low", round="growth", roles=["team-leader"], tracks=["all"]
        ),
    }  # fmt: skip


STAR_ANSWER = (
    "Last year at my previous job in a telecom process, a customer called very angry about a "
    "double charge on his bill. My job was to calm him down and fix the bill on that call. "
    "I listened without interrupting, I apologised and I checked his account while he was on "
    "the line. I raised a refund and explained when he would see it. As a result he thanked "
    "me, the issue was resolved on the first call and our team's CSAT went up by 5% that month."
)
