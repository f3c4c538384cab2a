from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from launchpad.careers.models import Track
from launchpad.skills.models import SkillThreshold, TypingPassage

TEXT = "the quick brown fox jumps over the lazy dog"


@pytest.fixture
def passages(db):
    return [
        TypingPassage.objects.create(slug="fox", title="Fox", kind="prose", difficulty="easy",
                                     text=TEXT),
        TypingPassage.objects.create(slug="note", title="Note", kind="call-notes",
                                     difficulty="medium",
                                     text="Customer asked for a refund of order ORD-4821."),
    ]  # fmt: skip


@pytest.fixture
def thresholds(db):
    voice = Track.objects.create(
        slug="international-voice", name="International voice", summary="Calls.", voice=True
    )
    chat = Track.objects.create(slug="chat-email", name="Chat and e-mail", summary="Chats.")
    return [
        SkillThreshold.objects.create(slug="voice", test="typing", track=voice,
                                      label="Entry voice", min_wpm=25, min_accuracy=90,
                                      sources=[{"label": "Fact sheet", "url": None, "grade": "C"}]),
        SkillThreshold.objects.create(slug="chat", test="typing", track=chat,
                                      label="Chat", min_wpm=35, min_accuracy=90,
                                      sources=[{"label": "Fact sheet", "url": None, "grade": "C"}]),
    ]  # fmt: skip


def keystrokes(text: str, *, start: float = 0.0, gap: float = 0.2) -> list[dict[str, object]]:
    """A steady typist's log of `text`: one key every `gap` seconds."""
    return [{"t": round(start + i * gap, 3), "key": ch} for i, ch in enumerate(text)]


@pytest.fixture
def long_ago():
    """A start time far enough back that any test log fits in the wall-clock time."""
    return timezone.now() - datetime.timedelta(minutes=10)
