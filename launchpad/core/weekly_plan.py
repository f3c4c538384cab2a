"""A week-by-week preparation plan from the readiness gaps, up to the candidate's target date.

The plan is rolling: it covers the weeks up to the target date, at most `MAX_WEEKS` ahead,
and is drawn again whenever new results arrive, so drills for a gap that has closed drop out
and the weeks that remain are shared among the gaps that are left. Every step has a key that
is stable for its week, so a step the candidate ticked off, postponed or dropped keeps that
state when the plan is drawn again.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WEEKLY_PLAN_RULES_VERSION = "weekly-plan-1"

# Planning assumptions, not sourced figures: a plan looks at most 12 weeks ahead (it is
# drawn again as results come in), 8 weeks when there is no target date, and asks for at
# most three drill sessions a week next to the other steps.
MAX_WEEKS = 12
DEFAULT_WEEKS = 8
DRILLS_PER_WEEK = 3
APPLICATIONS_PER_WEEK = 3


class StepKind(enum.StrEnum):
    KNOCKOUT = "knockout"
    DRILL = "drill"
    CERTIFICATION = "certification"
    INTERVIEW = "interview"
    APPLY = "apply"
    LEARN = "learn"


@dataclass(frozen=True)
class Gap:
    """A readiness component below the bar: `measure` names the practice that raises it."""

    measure: str
    label: str
    next_step: str
    score: float | None


@dataclass(frozen=True)
class KnockoutAction:
    key: str
    label: str
    fix: str


@dataclass(frozen=True)
class CertificationOption:
    slug: str
    name: str
    effort: str


@dataclass(frozen=True)
class LearningItem:
    """Something to read or study (a guide, a track's page), by its slug."""

    slug: str
    title: str
    detail: str


@dataclass(frozen=True)
class PlanStep:
    key: str
    kind: StepKind
    title: str
    detail: str
    ref: str


@dataclass(frozen=True)
class Week:
    number: int
    starts: datetime.date
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True)
class WeeklyPlan:
    weeks: tuple[Week, ...]
    track: str
    version: str = WEEKLY_PLAN_RULES_VERSION

    @property
    def steps(self) -> tuple[PlanStep, ...]:
        return tuple(step for week in self.weeks for step in week.steps)


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s week."""
    return day - datetime.timedelta(days=day.weekday())


def plan_weeks(today: datetime.date, target: datetime.date | None) -> int:
    """How many weeks the plan covers: up to the target's week, between 1 and MAX_WEEKS."""
    if target is None:
        return DEFAULT_WEEKS
    days = (week_start(target) - week_start(today)).days
    return max(1, min(MAX_WEEKS, math.floor(days / 7) + 1))


def _drills_for_week(gaps: Sequence[Gap], number: int) -> list[Gap]:
    """The biggest gap every week; the other slots take turns among the remaining gaps."""
    if not gaps:
        return []
    chosen = [gaps[0]]
    rest = list(gaps[1:])
    slots = min(DRILLS_PER_WEEK - 1, len(rest))
    for slot in range(slots):
        chosen.append(rest[(number * slots + slot) % len(rest)])
    return chosen


def build_plan(
    *,
    today: datetime.date,
    target: datetime.date | None,
    track: str,
    track_label: str,
    gaps: Sequence[Gap],
    knockouts: Sequence[KnockoutAction],
    certifications: Sequence[CertificationOption],
    reading: Sequence[LearningItem] = (),
) -> WeeklyPlan:
    """The weeks from this one to the target (see `plan_weeks`) with their steps.

    `gaps` come biggest first. Knockout actions go in the first week. Drills follow the
    gaps; interview practice runs weekly from the second week (from the first when the plan
    is a single week); applications start halfway, or at once when no gap is left; the first
    certification, if any, is placed a third of the way in; the reading goes one item a
    week from the first week.
    """
    count = plan_weeks(today, target)
    first = week_start(today)
    apply_from = 0 if not gaps else count // 2
    certification_week = count // 3
    weeks = []
    for number in range(count):
        starts = first + datetime.timedelta(weeks=number)
        stamp = starts.isoformat()
        steps: list[PlanStep] = []
        if number == 0:
            steps.extend(
                PlanStep(f"knockout:{k.key}", StepKind.KNOCKOUT, k.label, k.fix, k.key)
                for k in knockouts
            )
        steps.extend(
            PlanStep(f"drill:{g.measure}:{stamp}", StepKind.DRILL, g.label, g.next_step, g.measure)
            for g in _drills_for_week(gaps, number)
        )
        if number < len(reading):
            item = reading[number]
            steps.append(
                PlanStep(f"learn:{item.slug}", StepKind.LEARN, item.title, item.detail, item.slug)
            )
        if certifications and number == certification_week:
            option = certifications[0]
            steps.append(
                PlanStep(
                    f"cert:{option.slug}", StepKind.CERTIFICATION, option.name, option.effort,
                    option.slug,
                )
            )  # fmt: skip
        if number >= 1 or count == 1:
            steps.append(PlanStep(f"interview:{stamp}", StepKind.INTERVIEW, "", "", track))
        if number >= apply_from:
            steps.append(
                PlanStep(
                    f"apply:{stamp}", StepKind.APPLY, track_label, str(APPLICATIONS_PER_WEEK),
                    track,
                )
            )  # fmt: skip
        weeks.append(Week(number + 1, starts, tuple(steps)))
    return WeeklyPlan(weeks=tuple(weeks), track=track)


def practice_streak(days: Iterable[datetime.date], today: datetime.date) -> int:
    """Consecutive practice days ending today, or yesterday when today has none yet."""
    practised = set(days)
    day = today if today in practised else today - datetime.timedelta(days=1)
    streak = 0
    while day in practised:
        streak += 1
        day -= datetime.timedelta(days=1)
    return streak
