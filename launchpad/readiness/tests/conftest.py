"""Fixtures for the readiness tests: the six tracks, the packaged index and knockouts loaded
onto them, and a small skills bank the check's mini tests can be drawn from.

Loading the whole packaged content (`load_content`) takes seconds, so the readiness files
are read once per process and loaded onto factory-made tracks instead.
"""

from __future__ import annotations

import datetime
import functools

import pytest
from django.utils import timezone

from launchpad.careers.tests.factories import TrackFactory
from launchpad.content.readiness_reader import ReadinessContent, read_readiness
from launchpad.readiness import selectors
from launchpad.readiness.loader import ReadinessLoadReport, load_readiness
from launchpad.skills.models import QuizItem, TypingPassage

TRACKS = (
    ("international-voice", "International voice", True),
    ("domestic-voice", "Domestic voice", True),
    ("chat-email", "Chat and e-mail support", False),
    ("back-office", "Back office", False),
    ("technical-support", "Technical support", True),
    ("kpo", "KPO", False),
)
PASSAGE = (
    "Thank you for calling. I can see your order and I will check the delivery date for you "
    "right away. The parcel left our warehouse this morning and should reach you by Friday."
)
DIFFICULTIES = ("easy", "medium", "hard")


@functools.cache
def packaged() -> ReadinessContent:
    """The packaged readiness files, parsed once per test process (they are immutable)."""
    return read_readiness()


@pytest.fixture(autouse=True)
def _fresh_spec_cache():
    # Parsed specs are cached by version id, and ids start again in every test's database.
    selectors._spec_cache.clear()
    yield
    selectors._spec_cache.clear()


@pytest.fixture
def tracks(db):
    return {
        slug: TrackFactory(slug=slug, name=name, order=order, voice=voice)
        for order, (slug, name, voice) in enumerate(TRACKS)
    }


@pytest.fixture
def content(tracks) -> ReadinessLoadReport:
    """The packaged index and knockouts, loaded and published as the first index version."""
    return load_readiness(packaged())


@pytest.fixture
def bank(db):
    """Enough passages and items for every mini test of the check (and the full forms)."""
    TypingPassage.objects.create(
        slug="call-close", title="Closing a call", kind="call-notes", difficulty="easy",
        text=PASSAGE,
    )  # fmt: skip
    skills = {
        "english": {"grammar": 4, "vocabulary": 4, "reading": 4},
        "sjt": {f"situation-{n}": 1 for n in range(5)},
        "computer": {f"computer-{n}": 1 for n in range(5)},
    }
    for test, per_skill in skills.items():
        for skill, count in per_skill.items():
            for number in range(count):
                scores = [3, 2, 1, 0] if test == "sjt" else [1, 0, 0, 0]
                QuizItem.objects.create(
                    slug=f"{test}-{skill}-{number}", test=test, skill=skill,
                    difficulty=DIFFICULTIES[number % 3], prompt=f"{skill} question {number}?",
                    options=[{"text": f"option {i}", "score": s} for i, s in enumerate(scores)],
                    explanation="Because.",
                )  # fmt: skip


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff@example.com", "a-Strong-pass-2026")
    client.force_login(user)
    return client


@pytest.fixture
def long_ago() -> datetime.datetime:
    """A start time far enough back that any test log fits in the wall-clock time."""
    return timezone.now() - datetime.timedelta(minutes=10)
