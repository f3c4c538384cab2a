"""Reads for the skills lab: permission-scoped attempts, history and threshold checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from launchpad.accounts.models import User
from launchpad.common.getters import get_owned_or_404
from launchpad.skills.models import DataEntryAttempt, SkillThreshold, TypingAttempt

HISTORY_LIMIT = 50


def typing_attempt_for(user: Any, attempt_id: object) -> TypingAttempt:
    """The user's own attempt; anyone else's (or a malformed id) is a 404."""
    return get_owned_or_404(TypingAttempt.objects.all(), user=user, pk=attempt_id)


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
