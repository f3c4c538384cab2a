"""SM-2 spaced repetition with an interview date: reviews, pacing, sessions and coverage."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.spaced import (
    MAX_NEW_PER_DAY,
    MIN_EASE,
    CardState,
    coverage,
    new_per_day,
    plan_session,
    review,
)

TODAY = datetime.date(2025, 3, 10)


def day(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


def run(qualities, *, start=TODAY, deadline=None):
    """Reviews a new card with each quality on its due date; returns every state."""
    state, today, states = CardState(), start, []
    for quality in qualities:
        state = review(state, quality, today=today, deadline=deadline)
        states.append(state)
        assert state.due is not None
        today = state.due
    return states


# ------------------------------------------------------------------ review (SM-2)


def test_a_new_card_has_never_been_seen():
    state = CardState()
    assert (state.repetitions, state.interval_days, state.ease, state.due, state.lapses) == (
        0,
        0,
        2.5,
        None,
        0,
    )
    assert not state.seen


def test_quality_4_keeps_the_ease_and_gives_1_6_15_38_days():
    states = run([4, 4, 4, 4])

    assert [s.interval_days for s in states] == [1, 6, 15, 38]
    assert all(s.ease == 2.5 for s in states)
    assert [s.repetitions for s in states] == [1, 2, 3, 4]
    assert states[0].due == day(1) and states[1].due == day(7)


def test_quality_5_raises_the_ease_by_a_tenth_each_time():
    states = run([5, 5, 5])

    # The interval uses the ease from before the review: 6 x 2.7 = 16.2 -> 16.
    assert [s.interval_days for s in states] == [1, 6, 16]
    assert [s.ease for s in states] == [2.6, 2.7, 2.8]


@pytest.mark.parametrize(("quality", "change"), [(5, 0.1), (4, 0.0), (3, -0.14)])
def test_the_ease_changes_by_the_sm2_formula(quality, change):
    state = review(CardState(ease=2.0), quality, today=TODAY)

    assert state.ease == pytest.approx(2.0 + change)


def test_the_ease_never_drops_below_1_3():
    state = CardState()
    for _ in range(10):
        state = review(state, 3, today=TODAY)
    assert state.ease == MIN_EASE
    assert review(CardState(ease=1.35), 0, today=TODAY).ease == MIN_EASE


def test_a_lapse_restarts_the_card_and_is_counted():
    before = run([4, 4, 4])[-1]
    after = review(before, 2, today=day(30))

    assert (after.repetitions, after.interval_days, after.lapses) == (0, 1, 1)
    assert after.due == day(31)
    assert after.ease == pytest.approx(2.5 - 0.32)
    again = review(after, 4, today=day(31))
    assert (again.repetitions, again.interval_days, again.lapses) == (1, 1, 1)


@pytest.mark.parametrize("quality", [-1, 6, 2.5, True, "4"])
def test_a_quality_outside_0_to_5_is_refused(quality):
    with pytest.raises(ValueError, match="quality must be a whole number from 0 to 5"):
        review(CardState(), quality, today=TODAY)


def test_before_the_interview_a_card_comes_back_the_day_before_it():
    deadline = day(10)
    state = CardState(repetitions=3, interval_days=15, ease=2.5, due=TODAY)

    capped = review(state, 4, today=TODAY, deadline=deadline)

    assert capped.due == day(9)
    assert capped.interval_days == 38  # the SM-2 interval itself is kept


def test_the_cap_is_never_earlier_than_tomorrow():
    assert review(CardState(), 4, today=day(9), deadline=day(10)).due == day(10)
    assert review(CardState(), 4, today=day(8), deadline=day(10)).due == day(9)


def test_a_short_interval_is_not_changed_by_a_far_deadline():
    assert review(CardState(), 4, today=TODAY, deadline=day(30)).due == day(1)


def test_after_the_interview_there_is_no_cap():
    state = CardState(repetitions=2, interval_days=6, due=TODAY)
    for deadline in (TODAY, day(-5)):
        assert review(state, 4, today=TODAY, deadline=deadline).due == day(15)


@given(
    qualities=st.lists(st.integers(0, 5), min_size=1, max_size=30),
    deadline=st.one_of(st.none(), st.integers(-5, 60)),
)
def test_reviews_keep_sm2_invariants(qualities, deadline):
    end = None if deadline is None else day(deadline)
    state, today = CardState(), TODAY
    for quality in qualities:
        state = review(state, quality, today=today, deadline=end)
        assert state.ease >= MIN_EASE
        assert state.interval_days >= 1
        assert state.due is not None and state.due > today
        if end is not None and today < end:
            assert state.due <= max(end - datetime.timedelta(days=1), today + datetime.timedelta(1))
        today = state.due
    assert state.lapses == sum(1 for q in qualities if q < 3)


# ------------------------------------------------------------------ new questions a day


@pytest.mark.parametrize(
    ("unseen", "deadline", "expected"),
    [
        (0, day(5), 0),
        (10, None, 3),
        (2, None, 2),
        (30, day(10), 3),
        (31, day(10), 4),
        (40, day(1), 40),
        (12, TODAY, 3),
        (12, day(-3), 3),
    ],
)
def test_new_per_day_paces_the_bank_to_the_interview(unseen, deadline, expected):
    assert new_per_day(unseen, today=TODAY, deadline=deadline) == expected


def test_new_per_day_uses_the_given_default():
    assert new_per_day(10, today=TODAY, deadline=None, default=5) == 5


# ------------------------------------------------------------------ planning a session


CARDS = {
    "a": CardState(repetitions=2, interval_days=6, ease=2.5, due=day(-1)),
    "b": CardState(repetitions=2, interval_days=6, ease=2.5, due=day(-3)),
    "c": CardState(repetitions=2, interval_days=6, ease=1.8, due=day(-1)),
    "d": CardState(repetitions=3, interval_days=15, ease=2.5, due=day(4)),
    "e": CardState(repetitions=3, interval_days=15, ease=2.5, due=day(2)),
    "x": CardState(repetitions=1, interval_days=1, ease=2.5, due=day(-9)),  # not a candidate
    "n0": CardState(),  # known but never practised: unseen
}
CANDIDATES = ["a", "b", "c", "d", "e", "n0", "n1", "n2", "n3", "n4"]


def test_due_cards_come_first_most_overdue_then_lowest_ease():
    assert plan_session(CARDS, CANDIDATES, today=TODAY, count=3) == ["b", "c", "a"]


def test_then_new_cards_in_order_up_to_the_allowance():
    plan = plan_session(CARDS, CANDIDATES, today=TODAY, count=10)

    assert plan[:6] == ["b", "c", "a", "n0", "n1", "n2"]  # 3 new a day with no interview


def test_new_cards_already_introduced_today_count_against_the_allowance():
    plan = plan_session(CARDS, CANDIDATES, today=TODAY, count=5, new_today=2)

    assert plan == ["b", "c", "a", "n0", "e"]


def test_a_short_session_is_filled_with_cards_not_yet_due_soonest_first():
    plan = plan_session(CARDS, CANDIDATES, today=TODAY, count=8, new_today=3)

    assert plan == ["b", "c", "a", "e", "d", "n0", "n1", "n2"]


def test_a_session_is_never_empty_while_the_bank_has_questions():
    assert plan_session({}, ["q1", "q2"], today=TODAY, count=2, new_today=99) == ["q1", "q2"]


def test_an_interview_date_raises_the_new_allowance():
    plan = plan_session(CARDS, CANDIDATES, today=TODAY, count=10, deadline=day(1))

    assert plan[3:8] == ["n0", "n1", "n2", "n3", "n4"]


def test_only_candidates_are_planned_once_each_and_never_more_than_count():
    plan = plan_session(CARDS, ["a", "a", "zz"], today=TODAY, count=5)

    assert plan == ["a", "zz"]
    assert plan_session(CARDS, CANDIDATES, today=TODAY, count=0) == []
    assert plan_session(CARDS, CANDIDATES, today=TODAY, count=-1) == []


@given(
    count=st.integers(0, 12),
    new_today=st.integers(0, 5),
    deadline=st.one_of(st.none(), st.integers(-3, 30)),
)
def test_a_plan_is_a_prefix_of_distinct_candidates(count, new_today, deadline):
    end = None if deadline is None else day(deadline)
    plan = plan_session(CARDS, CANDIDATES, today=TODAY, count=count, deadline=end,
                        new_today=new_today)  # fmt: skip

    assert len(plan) == min(count, len(CANDIDATES))
    assert len(set(plan)) == len(plan)
    assert set(plan) <= set(CANDIDATES)


# ------------------------------------------------------------------ coverage


def test_coverage_counts_seen_and_due_cards_among_candidates():
    result = coverage(CARDS, CANDIDATES, today=TODAY, deadline=day(5))

    assert result.total == 10
    assert result.seen == 5
    assert result.due_today == 3
    assert result.days_left == 5
    assert result.new_per_day == 1
    assert result.on_track
    assert result.to_dict() == {
        "total": 10,
        "seen": 5,
        "due_today": 3,
        "days_left": 5,
        "new_per_day": 1,
        "on_track": True,
    }


def test_coverage_without_an_interview_date_is_on_track():
    result = coverage(CARDS, CANDIDATES, today=TODAY, deadline=None)

    assert (result.days_left, result.new_per_day, result.on_track) == (None, 3, True)


def test_coverage_is_off_track_when_the_pace_would_be_cramming():
    bank = [f"q{i}" for i in range(MAX_NEW_PER_DAY * 2 + 1)]

    assert not coverage({}, bank, today=TODAY, deadline=day(2)).on_track
    assert coverage({}, bank, today=TODAY, deadline=day(3)).on_track


def test_coverage_after_the_interview_with_unseen_questions_is_off_track():
    result = coverage({}, ["q1"], today=TODAY, deadline=day(-1))

    assert (result.days_left, result.on_track) == (0, False)


def test_coverage_of_a_fully_seen_bank_is_on_track_even_after_the_interview():
    cards = {"a": CARDS["a"]}
    result = coverage(cards, ["a"], today=TODAY, deadline=day(-1))

    assert (result.seen, result.new_per_day, result.on_track) == (1, 0, True)
