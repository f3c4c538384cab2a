"""Scored skills results for the readiness tests, written as rows (the skills lab's own tests
cover how they are scored), and answers for a quiz attempt handed out by the services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from launchpad.accounts.models import User
from launchpad.skills.models import DataEntryAttempt, QuizAttempt, ReplyAttempt, TypingAttempt

SCORED: dict[str, Any] = {"status": "scored", "result": {"test": "row"}}


def _times(at: datetime.datetime | None) -> dict[str, datetime.datetime]:
    at = at or timezone.now() - datetime.timedelta(hours=1)
    return {"started_at": at - datetime.timedelta(minutes=2), "submitted_at": at}


def typing_result(
    user: User,
    *,
    wpm: float = 40.0,
    accuracy: float = 97.0,
    mode: str = "timed",
    duration_s: int | None = 60,
    is_drill: bool = False,
    at: datetime.datetime | None = None,
) -> TypingAttempt:
    return TypingAttempt.objects.create(
        user=user, text="the quick brown fox", mode=mode,
        duration_s=duration_s if mode == "timed" else None, is_drill=is_drill, wpm=wpm,
        raw_wpm=wpm, accuracy=accuracy, **SCORED, **_times(at),
    )  # fmt: skip


def data_entry_result(
    user: User, *, kph: float = 9000.0, accuracy: float = 98.5, at: datetime.datetime | None = None
) -> DataEntryAttempt:
    return DataEntryAttempt.objects.create(
        user=user, mode="records", seed=1, records=[], time_limit_s=300, kph=kph,
        field_accuracy=accuracy, **SCORED, **_times(at),
    )  # fmt: skip


def quiz_result(
    user: User,
    test: str,
    *,
    percent: float = 70.0,
    focus_skill: str = "",
    at: datetime.datetime | None = None,
) -> QuizAttempt:
    return QuizAttempt.objects.create(
        user=user, test=test, focus_skill=focus_skill, form=[], items=[], time_limit_s=600,
        percent=percent, **SCORED, **_times(at),
    )  # fmt: skip


def reply_result(
    user: User, channel: str, *, total: float = 80.0, at: datetime.datetime | None = None
) -> ReplyAttempt:
    return ReplyAttempt.objects.create(
        user=user, shown={"channel": channel, "slug": f"{channel}-1"}, time_limit_s=300,
        text="Hello, I am sorry.", total=total, **SCORED, **_times(at),
    )  # fmt: skip


def strong_results(user: User, *, at: datetime.datetime | None = None) -> None:
    """A candidate above every bar of every track (but the self-rated other language)."""
    typing_result(user, wpm=60, accuracy=99.5, at=at)
    data_entry_result(user, kph=13000, accuracy=99.5, at=at)
    for test in ("english", "sjt", "computer"):
        quiz_result(user, test, percent=95, at=at)
    for channel in ("chat", "email"):
        reply_result(user, channel, total=95, at=at)


def best_answers(attempt: QuizAttempt) -> dict[str, int]:
    """The displayed index of each item's best option."""
    answers = {}
    for entry, item in zip(attempt.form, attempt.items, strict=True):
        best = max(range(len(item["options"])), key=lambda i: item["options"][i]["score"])
        answers[entry["slug"]] = entry["order"].index(best)
    return answers
