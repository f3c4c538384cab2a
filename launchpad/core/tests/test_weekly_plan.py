"""The week-by-week plan: how many weeks, what goes in each, stable keys, and the streak."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.weekly_plan import (
    APPLICATIONS_PER_WEEK,
    DEFAULT_WEEKS,
    DRILLS_PER_WEEK,
    MAX_WEEKS,
    WEEKLY_PLAN_RULES_VERSION,
    CertificationOption,
    Gap,
    KnockoutAction,
    LearningItem,
    StepKind,
    build_plan,
    plan_weeks,
    practice_streak,
    week_start,
)

D = datetime.date
TODAY = D(2026, 3, 4)  # a Wednesday
MONDAY = D(2026, 3, 2)

GAPS = tuple(
    Gap(measure, measure.title(), f"Practise {measure}.", score)
    for measure, score in [("english.percent", None), ("typing.wpm", 40.0),
                           ("judgment.percent", 55.0), ("reply.chat", 70.0)]
)  # fmt: skip
KNOCKOUTS = (KnockoutAction("night-shifts", "Night shifts", "Say yes to night shifts."),)
CERTIFICATIONS = (
    CertificationOption("versant", "Versant English Test", "2 weeks"),
    CertificationOption("copc-cx", "COPC CX Associate", "1 month"),
)


def plan(target=None, gaps=GAPS, knockouts=KNOCKOUTS, certifications=CERTIFICATIONS,
         today=TODAY):  # fmt: skip
    return build_plan(
        today=today, target=target, track="chat-email", track_label="Chat and e-mail",
        gaps=gaps, knockouts=knockouts, certifications=certifications,
    )  # fmt: skip


def kinds(week):
    return [str(step.kind) for step in week.steps]


def drills(week):
    return [step.ref for step in week.steps if step.kind is StepKind.DRILL]


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (MONDAY, MONDAY),
        (TODAY, MONDAY),
        (D(2026, 3, 8), MONDAY),  # Sunday
        (D(2026, 3, 9), D(2026, 3, 9)),
        (D(2026, 1, 1), D(2025, 12, 29)),  # across the new year
    ],
)
def test_week_start_is_the_monday(day, monday):
    assert week_start(day) == monday
    assert week_start(day).weekday() == 0


@pytest.mark.parametrize(
    ("target", "weeks"),
    [
        (None, DEFAULT_WEEKS),
        (TODAY, 1),
        (D(2026, 3, 8), 1),  # later this week
        (MONDAY, 1),  # earlier this week
        (D(2025, 11, 1), 1),  # already past
        (D(2026, 3, 9), 2),  # next Monday
        (D(2026, 3, 15), 2),
        (D(2026, 5, 11), 11),
        (D(2026, 5, 18), 12),  # eleven weeks on: twelve weeks in all
        (D(2026, 5, 25), MAX_WEEKS),  # further: capped
        (D(2027, 3, 4), MAX_WEEKS),
    ],
)
def test_plan_weeks_runs_to_the_targets_week_between_1_and_max_weeks(target, weeks):
    assert plan_weeks(TODAY, target) == weeks
    assert len(plan(target).weeks) == weeks


def test_a_four_week_plan_step_by_step():
    result = plan(D(2026, 3, 25), gaps=GAPS[:2])

    assert [w.number for w in result.weeks] == [1, 2, 3, 4]
    assert [w.starts for w in result.weeks] == [MONDAY + datetime.timedelta(weeks=n)
                                                for n in range(4)]  # fmt: skip
    assert [kinds(w) for w in result.weeks] == [
        ["knockout", "drill", "drill"],
        ["drill", "drill", "certification", "interview"],  # a third in: week 4 // 3 + 1
        ["drill", "drill", "interview", "apply"],  # halfway: from week 4 // 2 + 1
        ["drill", "drill", "interview", "apply"],
    ]
    assert [s.key for s in result.weeks[2].steps] == [
        "drill:english.percent:2026-03-16", "drill:typing.wpm:2026-03-16",
        "interview:2026-03-16", "apply:2026-03-16",
    ]  # fmt: skip
    assert result.track == "chat-email" and result.version == WEEKLY_PLAN_RULES_VERSION
    assert result.steps == tuple(s for w in result.weeks for s in w.steps)


def test_reading_goes_one_item_a_week_from_the_first_week():
    reading = (
        LearningItem("track-chat-email", "Chat and e-mail", "What the work is."),
        LearningItem("hiring-process", "How BPO hiring works", ""),
    )
    result = build_plan(
        today=TODAY, target=D(2026, 3, 25), track="chat-email", track_label="Chat",
        gaps=(), knockouts=(), certifications=(), reading=reading,
    )  # fmt: skip
    learned = [[s for s in w.steps if s.kind is StepKind.LEARN] for w in result.weeks]
    assert [[s.key for s in week] for week in learned] == [
        ["learn:track-chat-email"],
        ["learn:hiring-process"],
        [],
        [],
    ]
    assert learned[0][0].title == "Chat and e-mail" and learned[0][0].ref == "track-chat-email"
    assert learned[0][0].detail == "What the work is."


def test_each_step_carries_its_title_detail_and_reference():
    first, second, third = plan(D(2026, 3, 18), gaps=GAPS[:1]).weeks

    knockout, drill = first.steps
    assert knockout.key == "knockout:night-shifts"
    assert (knockout.title, knockout.detail, knockout.ref) == (
        "Night shifts",
        "Say yes to night shifts.",
        "night-shifts",
    )
    assert (drill.title, drill.detail, drill.ref) == (
        "English.Percent",
        "Practise english.percent.",
        "english.percent",
    )
    certification = next(s for s in second.steps if s.kind is StepKind.CERTIFICATION)
    assert certification.key == "cert:versant"
    assert (certification.title, certification.detail, certification.ref) == (
        "Versant English Test",
        "2 weeks",
        "versant",
    )
    interview, apply = third.steps[1:]
    assert (interview.kind, interview.ref) == (StepKind.INTERVIEW, "chat-email")
    assert (apply.title, apply.detail, apply.ref) == (
        "Chat and e-mail", str(APPLICATIONS_PER_WEEK), "chat-email")  # fmt: skip


def test_drills_keep_the_biggest_gap_every_week_and_rotate_the_others():
    result = plan(D(2026, 3, 18))  # three weeks, four gaps

    assert [drills(w) for w in result.weeks] == [
        ["english.percent", "typing.wpm", "judgment.percent"],
        ["english.percent", "reply.chat", "typing.wpm"],
        ["english.percent", "judgment.percent", "reply.chat"],
    ]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_with_few_gaps_each_is_drilled_every_week(count):
    result = plan(D(2026, 4, 1), gaps=GAPS[:count])

    assert all(drills(w) == [g.measure for g in GAPS[:count]] for w in result.weeks)


def test_with_no_gaps_there_are_no_drills_and_applications_start_at_once():
    result = plan(D(2026, 4, 1), gaps=())

    assert all(drills(w) == [] for w in result.weeks)
    assert all("apply" in kinds(w) for w in result.weeks)


def test_a_one_week_plan_holds_everything_in_week_one():
    (week,) = plan(TODAY).weeks

    assert kinds(week) == ["knockout", "drill", "drill", "drill", "certification",
                           "interview", "apply"]  # fmt: skip


def test_knockouts_and_certifications_are_optional():
    result = plan(D(2026, 4, 1), knockouts=(), certifications=())

    assert {str(s.kind) for s in result.steps} == {"drill", "interview", "apply"}


def test_keys_are_stable_for_their_week_across_calls():
    target = D(2026, 4, 15)
    monday_plan = plan(target, today=MONDAY)
    sunday_plan = plan(target, today=D(2026, 3, 8))
    next_week = plan(target, today=D(2026, 3, 11))

    assert plan(target) == monday_plan == sunday_plan
    # Drawn again a week later: the weeks both plans cover keep their keys.
    later = {w.starts: w for w in next_week.weeks}
    for week in monday_plan.weeks[1:]:
        again = {s.key for s in later[week.starts].steps}
        stamp = week.starts.isoformat()
        assert f"drill:english.percent:{stamp}" in again  # the biggest gap
        # Interviews run from each plan's second week.
        assert (f"interview:{stamp}" in again) == (week.starts > next_week.weeks[0].starts)
    # A knockout step keeps its key whichever week it is drawn in.
    assert monday_plan.steps[0].key == next_week.steps[0].key == "knockout:night-shifts"


DATES = st.dates(D(2025, 1, 1), D(2028, 12, 31))


@given(
    today=DATES,
    target=st.none() | DATES,
    gap_count=st.integers(0, len(GAPS)),
    knockout_count=st.integers(0, 1),
    certification_count=st.integers(0, 2),
)
def test_any_plan_keeps_its_rules(today, target, gap_count, knockout_count, certification_count):
    gaps = GAPS[:gap_count]

    result = plan(target, gaps, KNOCKOUTS[:knockout_count],
                  CERTIFICATIONS[:certification_count], today=today)  # fmt: skip

    count = plan_weeks(today, target)
    assert 1 <= count <= MAX_WEEKS and len(result.weeks) == count
    keys = [s.key for s in result.steps]
    assert len(keys) == len(set(keys))
    apply_from = 0 if not gaps else count // 2
    for number, week in enumerate(result.weeks):
        assert week.starts == week_start(today) + datetime.timedelta(weeks=number)
        drilled = drills(week)
        assert len(drilled) == len(set(drilled)) == min(DRILLS_PER_WEEK, gap_count)
        assert drilled[:1] == [g.measure for g in gaps[:1]]
        assert kinds(week).count("knockout") == (knockout_count if number == 0 else 0)
        assert ("interview" in kinds(week)) == (number >= 1 or count == 1)
        assert ("apply" in kinds(week)) == (number >= apply_from)
        has_certification = certification_count > 0 and number == count // 3
        assert kinds(week).count("certification") == int(has_certification)
    assert result == plan(target, gaps, KNOCKOUTS[:knockout_count],
                          CERTIFICATIONS[:certification_count],
                          today=week_start(today))  # fmt: skip


# ---- The practice streak -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offsets", "streak"),
    [
        ([], 0),
        ([0], 1),
        ([0, -1, -2], 3),
        ([-1], 1),  # nothing yet today: the streak still counts up to yesterday
        ([-1, -2, -3], 3),
        ([0, -2, -3], 1),  # a missed day ends it
        ([-2, -3], 0),  # nothing today or yesterday
        ([0, 0, -1, -1], 2),  # the same day twice counts once
        ([1, 0], 1),  # a future day does not count
        ([-3, 0, -2, -1], 4),  # any order
    ],
)
def test_practice_streak(offsets, streak):
    days = (TODAY + datetime.timedelta(days=n) for n in offsets)

    assert practice_streak(days, TODAY) == streak
