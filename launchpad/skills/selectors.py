"""Reads for the skills lab: permission-scoped attempts, history and threshold checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from launchpad.accounts.models import User
from launchpad.common.getters import get_owned_or_404, get_owned_row_or_404
from launchpad.skills.models import (
    DataEntryAttempt,
    QuizAttempt,
    ReplyAttempt,
    SkillThreshold,
    TypingAttempt,
)

HISTORY_LIMIT = 50


def typing_attempt_for(user: Any, attempt_id: object) -> TypingAttempt:
    """The user's own attempt; anyone else's (or a malformed id) is a 404. (Every typing
    submission loads one, so it is read with SQL built once.)"""
    return get_owned_row_or_404(TypingAttempt, user=user, id=attempt_id)


def scored_typing_attempts(user: User) -> QuerySet[TypingAttempt]:
    """The user's scored attempts, newest first (the heavy log and result are deferred)."""
    return (
        TypingAttempt.objects.filter(user=user, status=TypingAttempt.Status.SCORED)
        .defer("log", "result", "text")
        .order_by("-submitted_at", "-id")
    )


def recent_typing_attempts(user: User, *, with_results: bool = False) -> list[TypingAttempt]:
    """The user's latest HISTORY_LIMIT scored attempts, newest first."""
    attempts = scored_typing_attempts(user)
    if with_results:
        attempts = attempts.defer(None)
    return list(attempts[:HISTORY_LIMIT])


@dataclass(frozen=True)
class ThresholdCheck:
    threshold: SkillThreshold
    wpm_ok: bool | None
    accuracy_ok: bool | None

    @property
    def passed(self) -> bool:
        return self.wpm_ok is not False and self.accuracy_ok is not False


def typing_threshold_checks(attempt: TypingAttempt) -> list[ThresholdCheck]:
    """How the attempt's net WPM and accuracy compare with each track's typing cut-off."""
    checks = []
    for threshold in SkillThreshold.objects.filter(test=SkillThreshold.Test.TYPING).select_related(
        "track"
    ):
        wpm_ok = (
            None
            if threshold.min_wpm is None or attempt.wpm is None
            else attempt.wpm >= float(threshold.min_wpm)
        )
        accuracy_ok = (
            None
            if threshold.min_accuracy is None or attempt.accuracy is None
            else attempt.accuracy >= float(threshold.min_accuracy)
        )
        checks.append(ThresholdCheck(threshold, wpm_ok, accuracy_ok))
    return checks


@dataclass(frozen=True)
class Progress:
    attempts: int
    best_wpm: float | None
    latest_wpm: float | None
    latest_accuracy: float | None
    average_wpm_last_5: float | None


def typing_progress(attempts: list[TypingAttempt]) -> Progress:
    """Summary figures over the attempts given (newest first)."""
    if not attempts:
        return Progress(0, None, None, None, None)
    wpms = [a.wpm for a in attempts if a.wpm is not None]
    last5 = wpms[:5]
    return Progress(
        attempts=len(attempts),
        best_wpm=max(wpms) if wpms else None,
        latest_wpm=attempts[0].wpm,
        latest_accuracy=attempts[0].accuracy,
        average_wpm_last_5=sum(last5) / len(last5) if last5 else None,
    )


def data_entry_attempt_for(user: Any, attempt_id: object) -> DataEntryAttempt:
    """The user's own data-entry attempt; anyone else's (or a malformed id) is a 404."""
    return get_owned_or_404(DataEntryAttempt.objects.all(), user=user, pk=attempt_id)


def recent_data_entry_attempts(user: User) -> list[DataEntryAttempt]:
    return list(
        DataEntryAttempt.objects.filter(user=user, status=DataEntryAttempt.Status.SCORED)
        .defer("records", "entered", "result")
        .order_by("-submitted_at", "-id")[:HISTORY_LIMIT]
    )


@dataclass(frozen=True)
class DataEntryCheck:
    threshold: SkillThreshold
    kph_ok: bool | None
    accuracy_ok: bool | None

    @property
    def passed(self) -> bool:
        return self.kph_ok is not False and self.accuracy_ok is not False


def data_entry_threshold_checks(attempt: DataEntryAttempt) -> list[DataEntryCheck]:
    """How the attempt's KPH and field accuracy compare with each data-entry cut-off."""
    checks = []
    for threshold in SkillThreshold.objects.filter(
        test=SkillThreshold.Test.DATA_ENTRY
    ).select_related("track"):
        kph_ok = None if threshold.min_kph is None else (attempt.kph or 0) >= threshold.min_kph
        accuracy_ok = (
            None
            if threshold.min_accuracy is None
            else (attempt.field_accuracy or 0) >= float(threshold.min_accuracy)
        )
        checks.append(DataEntryCheck(threshold, kph_ok, accuracy_ok))
    return checks


def quiz_attempt_for(user: Any, attempt_id: object) -> QuizAttempt:
    """The user's own multiple-choice attempt; anyone else's (or a malformed id) is a 404."""
    return get_owned_or_404(QuizAttempt.objects.all(), user=user, pk=attempt_id)


def recent_quiz_attempts(user: User, test: str) -> list[QuizAttempt]:
    return list(
        QuizAttempt.objects.filter(user=user, test=test, status=QuizAttempt.Status.SCORED)
        .defer("form", "items", "answers")
        .order_by("-submitted_at", "-id")[:HISTORY_LIMIT]
    )


@dataclass(frozen=True)
class ShownOption:
    index: int  # as displayed
    text: str
    score: int
    chosen: bool
    best: bool


@dataclass(frozen=True)
class ShownItem:
    number: int
    slug: str
    skill: str
    passage: str
    prompt: str
    options: list[ShownOption]
    explanation: str
    earned: int | None
    possible: int


def quiz_items_as_shown(attempt: QuizAttempt) -> list[ShownItem]:
    """The attempt's items in form order with options in the order the candidate saw them,
    and (once scored) what was chosen, what was best and the points."""
    results = {r["slug"]: r for r in (attempt.result or {}).get("items", [])}
    snapshots = {item["slug"]: item for item in attempt.items}
    shown = []
    for number, entry in enumerate(attempt.form, 1):
        item = snapshots[entry["slug"]]
        result = results.get(entry["slug"])
        options = [
            ShownOption(
                index=displayed,
                text=item["options"][original]["text"],
                score=int(item["options"][original]["score"]),
                chosen=result is not None and result["chosen"] == original,
                best=result is not None and result["best"] == original,
            )
            for displayed, original in enumerate(entry["order"])
        ]
        shown.append(
            ShownItem(
                number=number,
                slug=item["slug"],
                skill=item["skill"],
                passage=item["passage"],
                prompt=item["prompt"],
                options=options,
                explanation=item["explanation"],
                earned=None if result is None else int(result["earned"]),
                possible=max(int(o["score"]) for o in item["options"]),
            )
        )
    return shown


def reply_attempt_for(user: Any, attempt_id: object) -> ReplyAttempt:
    """The user's own written-reply attempt; anyone else's (or a malformed id) is a 404."""
    return get_owned_or_404(ReplyAttempt.objects.all(), user=user, pk=attempt_id)


def recent_reply_attempts(user: User) -> list[ReplyAttempt]:
    return list(
        ReplyAttempt.objects.filter(user=user, status=ReplyAttempt.Status.SCORED)
        .defer("text")
        .order_by("-submitted_at", "-id")[:HISTORY_LIMIT]
    )


def quiz_skill_history(attempts: list[QuizAttempt]) -> dict[str, list[float]]:
    """Per skill, its percentage in each attempt (oldest first) that tested it."""
    history: dict[str, list[float]] = {}
    for attempt in attempts:
        for skill in (attempt.result or {}).get("skills", []):
            history.setdefault(str(skill["skill"]), []).append(float(skill["percent"]))
    return dict(sorted(history.items()))
