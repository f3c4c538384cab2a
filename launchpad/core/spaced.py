"""Spaced repetition for interview practice: SM-2, with the interview date as a deadline.

Each practised question has a `CardState`. After an answer the candidate (or the feedback's
suggested quality) rates the recall 0-5 and `review` schedules the next practice with the
SM-2 rules (P. Wozniak, SuperMemo 2):

- quality below 3 is a lapse: the card starts again (repetitions 0, interval 1 day);
- otherwise the intervals run 1 day, 6 days, then the last interval times the ease factor,
  rounded half up (1, 6, 15, 38 ... at ease 2.5);
- after every review the ease changes by 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02): +0.1 for
  a 5, nothing for a 4, -0.14 for a 3, -0.32 for a 2 ...; it never drops below 1.3. The
  interval is computed with the ease from before the review.

An interview date changes only the due date: until the interview, a card is never due later
than the day before it (but never earlier than tomorrow), so every practised question comes
back once more before the interview. The SM-2 interval itself is kept, so spacing carries on
normally after the interview.

`plan_session` picks today's questions (due ones first, then new ones at a pace that sees the
whole bank before the interview) and `coverage` says how far through the bank a candidate is.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

INITIAL_EASE = 2.5
MIN_EASE = 1.3
PASS_QUALITY = 3
FIRST_INTERVAL, SECOND_INTERVAL = 1, 6
DEFAULT_NEW_PER_DAY = 3
# More new questions a day than this is cramming: `coverage` no longer calls it on track.
MAX_NEW_PER_DAY = 10


@dataclass(frozen=True)
class CardState:
    """One question's schedule; a card with no due date has never been practised."""

    repetitions: int = 0
    interval_days: int = 0
    ease: float = INITIAL_EASE
    due: datetime.date | None = None
    lapses: int = 0

    @property
    def seen(self) -> bool:
        return self.due is not None


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def review(
    state: CardState,
    quality: int,
    *,
    today: datetime.date,
    deadline: datetime.date | None = None,
) -> CardState:
    """The card's state after a review of `quality` (0-5) on `today`.

    Raises ValueError for a quality outside 0-5. With a `deadline` (the interview date) in the
    future, the due date is capped at the day before it, and never earlier than tomorrow.
    """
    if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 5:
        raise ValueError(f"quality must be a whole number from 0 to 5, not {quality!r}")
    if quality < PASS_QUALITY:
        repetitions, interval, lapses = 0, FIRST_INTERVAL, state.lapses + 1
    else:
        if state.repetitions == 0:
            interval = FIRST_INTERVAL
        elif state.repetitions == 1:
            interval = SECOND_INTERVAL
        else:
            interval = max(1, _round_half_up(state.interval_days * state.ease))
        repetitions, lapses = state.repetitions + 1, state.lapses
    miss = 5 - quality
    ease = max(MIN_EASE, round(state.ease + 0.1 - miss * (0.08 + miss * 0.02), 4))
    due = today + datetime.timedelta(days=interval)
    if deadline is not None and today < deadline:
        last_day = deadline - datetime.timedelta(days=1)
        due = max(min(due, last_day), today + datetime.timedelta(days=1))
    return replace(
        state,
        repetitions=repetitions,
        interval_days=interval,
        ease=ease,
        due=due,
        lapses=lapses,
    )


def days_left(today: datetime.date, deadline: datetime.date | None) -> int | None:
    """Practice days before the deadline (today included, the interview day not), or None."""
    if deadline is None:
        return None
    return max(0, (deadline - today).days)


def new_per_day(
    unseen: int,
    *,
    today: datetime.date,
    deadline: datetime.date | None,
    default: int = DEFAULT_NEW_PER_DAY,
) -> int:
    """How many new questions to introduce a day.

    With an interview ahead: enough to see all `unseen` questions by the day before it
    (ceil(unseen / days left)). With no interview date, or on or after the day: `default`.
    Never more than `unseen`, and 0 when nothing is unseen.
    """
    if unseen <= 0:
        return 0
    left = days_left(today, deadline)
    pace = default if not left else math.ceil(unseen / left)
    return min(unseen, pace)


def _unique(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def plan_session(
    cards: Mapping[str, CardState],
    candidates: Sequence[str],
    *,
    today: datetime.date,
    count: int,
    deadline: datetime.date | None = None,
    new_today: int = 0,
) -> list[str]:
    """The ids to practise today, at most `count`, only from `candidates`.

    In order: due cards (most overdue first, then lowest ease, then candidate order); unseen
    candidates in candidate order, up to today's new-question allowance less the `new_today`
    already introduced; then, if the session is still short, cards not yet due (soonest
    first), and last of all further unseen candidates, so a session is never empty while the
    bank has questions.
    """
    ids = _unique(candidates)
    order = {card_id: index for index, card_id in enumerate(ids)}
    seen = [i for i in ids if i in cards and cards[i].seen]
    unseen = [i for i in ids if i not in cards or not cards[i].seen]

    def schedule_key(card_id: str) -> tuple[datetime.date, float, int]:
        state = cards[card_id]
        assert state.due is not None
        return (state.due, state.ease, order[card_id])

    due = sorted((i for i in seen if schedule_key(i)[0] <= today), key=schedule_key)
    later = sorted((i for i in seen if schedule_key(i)[0] > today), key=schedule_key)
    allowance = max(0, new_per_day(len(unseen), today=today, deadline=deadline) - new_today)
    plan = due[: max(count, 0)]
    plan += unseen[: max(0, min(allowance, count - len(plan)))]
    plan += later[: max(0, count - len(plan))]
    plan += [i for i in unseen if i not in plan][: max(0, count - len(plan))]
    return plan


@dataclass(frozen=True)
class Coverage:
    """How far through the question bank a candidate is."""

    total: int
    seen: int
    due_today: int
    days_left: int | None
    new_per_day: int
    on_track: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "seen": self.seen,
            "due_today": self.due_today,
            "days_left": self.days_left,
            "new_per_day": self.new_per_day,
            "on_track": self.on_track,
        }


def coverage(
    cards: Mapping[str, CardState],
    candidates: Sequence[str],
    *,
    today: datetime.date,
    deadline: datetime.date | None,
) -> Coverage:
    """The bank's coverage: `on_track` when every question is seen, there is no interview
    date, or the unseen ones fit in the days left at no more than MAX_NEW_PER_DAY a day."""
    ids = _unique(candidates)
    states = [cards[i] for i in ids if i in cards and cards[i].seen]
    unseen = len(ids) - len(states)
    left = days_left(today, deadline)
    pace = new_per_day(unseen, today=today, deadline=deadline)
    on_track = unseen == 0 or left is None or (left > 0 and pace <= MAX_NEW_PER_DAY)
    return Coverage(
        total=len(ids),
        seen=len(states),
        due_today=sum(1 for s in states if s.due is not None and s.due <= today),
        days_left=left,
        new_per_day=pace,
        on_track=on_track,
    )
