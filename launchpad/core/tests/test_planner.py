"""The milestone plan: dates, contents, feasibility."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from launchpad.core.ladder import CareerPath, Ladder, RoleNode, Step, find_path
from launchpad.core.planner import (
    HIRING_STAGE_YEARS,
    PLANNER_RULES_VERSION,
    Feasibility,
    MilestoneKind,
    Plan,
    PlanError,
    _format_years,
    judge_feasibility,
    plan_goal,
)

TODAY = datetime.date(2026, 1, 15)

LADDER = Ladder(
    roles=(
        RoleNode(
            "cse",
            "Customer Service Executive",
            1,
            True,
            tracks=("international-voice",),
            skills=("spoken-english", "typing"),
            certifications=("versant", "copc-cx"),
        ),
        RoleNode(
            "senior-cse",
            "Senior Customer Service Executive",
            2,
            False,
            skills=("spoken-english", "problem-solving"),
        ),
        RoleNode("team-leader", "Team Leader", 3, False, skills=("coaching",)),
        RoleNode("operations-manager", "Operations Manager", 4, False),
    ),
    steps=(
        Step(
            "cse",
            "senior-cse",
            1,
            2,
            asks=("Hit your quality scores.", "Mentor new joiners."),
            skills=("problem-solving", "typing"),
            certifications=("copc-cx",),
        ),
        Step(
            "senior-cse",
            "team-leader",
            1,
            2,
            skills=("coaching", "problem-solving", "reporting"),
            certifications=("copc-cx", "six-sigma-yellow"),
        ),
        Step("team-leader", "operations-manager", 2, 4, skills=("reporting",)),
    ),
)
SKILL_NAMES = {
    "spoken-english": "Spoken English",
    "typing": "Typing",
    "problem-solving": "Problem solving",
    "coaching": "Coaching",
}
CERT_NAMES = {"versant": "Versant English Test", "copc-cx": "COPC CX Associate"}


def make_plan(
    start: str | None = None,
    target: str = "team-leader",
    target_date: datetime.date = datetime.date(2029, 6, 30),
    today: datetime.date = TODAY,
) -> Plan:
    path = find_path(LADDER, start=start, target=target)
    return plan_goal(
        LADDER,
        path,
        today=today,
        target_date=target_date,
        skill_names=SKILL_NAMES,
        certification_names=CERT_NAMES,
    )


def test_a_freshers_plan_starts_with_getting_hired_and_ends_in_the_target_role():
    plan = make_plan()

    assert [(m.kind, m.reference) for m in plan.milestones] == [
        (MilestoneKind.SKILL, "spoken-english"),
        (MilestoneKind.SKILL, "typing"),
        (MilestoneKind.CERTIFICATION, "versant"),
        (MilestoneKind.ROLE, "cse"),
        (MilestoneKind.EXPERIENCE, "cse"),
        (MilestoneKind.SKILL, "problem-solving"),
        (MilestoneKind.CERTIFICATION, "copc-cx"),
        (MilestoneKind.ROLE, "senior-cse"),
        (MilestoneKind.EXPERIENCE, "senior-cse"),
        (MilestoneKind.SKILL, "coaching"),
        (MilestoneKind.SKILL, "reporting"),
        (MilestoneKind.CERTIFICATION, "six-sigma-yellow"),
        (MilestoneKind.ROLE, "team-leader"),
    ]
    assert [m.order for m in plan.milestones] == list(range(1, 14))
    assert plan.milestones[0].title == "Build and prove: Spoken English"
    assert plan.milestones[0].step_label == "Get hired as a Customer Service Executive"
    assert plan.milestones[3].title == "Get hired as a Customer Service Executive"
    # Names fall back to the slug when the caller has none.
    assert plan.milestones[10].title == "Build and prove: reporting"
    assert plan.milestones[11].title == "Consider the certification: six-sigma-yellow"
    assert plan.milestones[4].step_label == (
        "Customer Service Executive → Senior Customer Service Executive"
    )
    assert plan.milestones[4].detail == (
        "Typically 1 year to 2 years before this move. Hit your quality scores. Mentor new joiners."
    )
    assert plan.version == PLANNER_RULES_VERSION


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Operations Manager", "Build a track record as an Operations Manager"),
        ("Team Leader", "Build a track record as a Team Leader"),
        ("assistant manager", "Build a track record as an assistant manager"),
    ],
)
def test_milestone_titles_use_the_right_article(title, expected):
    ladder = Ladder(
        roles=(RoleNode("low", title, 1, True), RoleNode("high", "Senior", 2, False)),
        steps=(Step("low", "high", 1, 2),),
    )
    path = find_path(ladder, start="low", target="high")

    plan = plan_goal(
        ladder,
        path,
        today=TODAY,
        target_date=TODAY + datetime.timedelta(days=400),
        skill_names={},
        certification_names={},
    )

    assert plan.milestones[0].title == expected


def test_a_plan_from_a_current_role_has_no_hiring_stage():
    plan = make_plan(start="senior-cse", target="operations-manager")

    assert plan.milestones[0].kind == MilestoneKind.EXPERIENCE
    assert plan.milestones[0].detail == "Typically 1 year to 2 years before this move."
    assert [m.reference for m in plan.milestones if m.kind == MilestoneKind.ROLE] == [
        "team-leader",
        "operations-manager",
    ]
    assert (plan.typical_years_min, plan.typical_years_max) == (3, 6)


def test_a_fresher_aiming_at_an_entry_role_gets_only_the_hiring_stage():
    plan = make_plan(target="cse", target_date=datetime.date(2026, 7, 15))

    assert [m.kind for m in plan.milestones][-1] == MilestoneKind.ROLE
    assert plan.milestones[-1].due == datetime.date(2026, 7, 15)
    assert (plan.typical_years_min, plan.typical_years_max) == (
        HIRING_STAGE_YEARS,
        HIRING_STAGE_YEARS,
    )


@pytest.mark.parametrize(
    ("start", "target", "target_date"),
    [
        (None, "team-leader", datetime.date(2029, 6, 30)),
        (None, "operations-manager", datetime.date(2026, 2, 1)),
        ("cse", "operations-manager", datetime.date(2040, 12, 31)),
        ("team-leader", "operations-manager", TODAY + datetime.timedelta(days=1)),
    ],
)
def test_milestone_dates_are_ordered_and_within_today_and_the_target_date(
    start, target, target_date
):
    plan = make_plan(start=start, target=target, target_date=target_date)
    dues = [m.due for m in plan.milestones]

    assert dues == sorted(dues)
    assert all(TODAY <= due <= target_date for due in dues)
    assert dues[-1] == target_date
    assert plan.milestones[-1].kind == MilestoneKind.ROLE
    assert plan.milestones[-1].reference == target


def test_no_skill_or_certification_is_planned_twice():
    plan = make_plan(target="operations-manager")
    planned = [
        (m.kind, m.reference)
        for m in plan.milestones
        if m.kind in (MilestoneKind.SKILL, MilestoneKind.CERTIFICATION)
    ]

    assert len(planned) == len(set(planned))


def test_each_step_gets_time_in_proportion_to_its_typical_years():
    # Hiring 0.5 + 1.5 + 1.5 typical years over 3.5 years: each step ends where its share does.
    plan = make_plan(target_date=TODAY + datetime.timedelta(days=3500))
    ends = {m.reference: m.due for m in plan.milestones if m.kind == MilestoneKind.ROLE}

    assert ends["cse"] == TODAY + datetime.timedelta(days=500)
    assert ends["senior-cse"] == TODAY + datetime.timedelta(days=2000)
    assert ends["team-leader"] == TODAY + datetime.timedelta(days=3500)


def test_a_step_with_no_typical_years_still_gets_some_time():
    ladder = Ladder(
        roles=(RoleNode("agent", "Agent", 1, True), RoleNode("lead", "Lead", 2, False)),
        steps=(Step("agent", "lead", 0, 0),),
    )
    path = find_path(ladder, start="agent", target="lead")

    plan = plan_goal(
        ladder,
        path,
        today=TODAY,
        target_date=TODAY + datetime.timedelta(days=10),
        skill_names={},
        certification_names={},
    )

    assert [m.due for m in plan.milestones] == [
        TODAY + datetime.timedelta(days=5),
        TODAY + datetime.timedelta(days=10),
    ]
    assert plan.milestones[0].detail == "Typically 0 months before this move."


@pytest.mark.parametrize("days", [0, -1, -400])
def test_plan_goal_rejects_a_target_date_that_is_not_in_the_future(days):
    with pytest.raises(PlanError, match="must be in the future"):
        make_plan(target_date=TODAY + datetime.timedelta(days=days))


@pytest.mark.parametrize(
    ("available", "years_min", "years_max", "expected"),
    [
        (6.0, 3.5, 5.5, Feasibility.COMFORTABLE),
        (5.5, 3.5, 5.5, Feasibility.COMFORTABLE),
        (5.49, 3.5, 5.5, Feasibility.REALISTIC),
        (3.5, 3.5, 5.5, Feasibility.REALISTIC),
        (3.49, 3.5, 5.5, Feasibility.AMBITIOUS),
        (1.75, 3.5, 5.5, Feasibility.AMBITIOUS),
        (1.74, 3.5, 5.5, Feasibility.VERY_AMBITIOUS),
        (0.1, 3.5, 5.5, Feasibility.VERY_AMBITIOUS),
        (0.01, 0, 0, Feasibility.COMFORTABLE),
    ],
)
def test_judge_feasibility_thresholds(available, years_min, years_max, expected):
    assert (
        judge_feasibility(available_years=available, years_min=years_min, years_max=years_max)
        == expected
    )


@pytest.mark.parametrize(
    ("target_date", "expected"),
    [
        # The fresher's path to team leader typically takes 2.5 to 4.5 years with hiring.
        (datetime.date(2031, 1, 15), Feasibility.COMFORTABLE),
        (datetime.date(2029, 1, 15), Feasibility.REALISTIC),
        (datetime.date(2027, 6, 15), Feasibility.AMBITIOUS),
        (datetime.date(2026, 6, 15), Feasibility.VERY_AMBITIOUS),
    ],
)
def test_plan_judges_its_own_feasibility(target_date, expected):
    plan = make_plan(target_date=target_date)

    assert (plan.typical_years_min, plan.typical_years_max) == (2.5, 4.5)
    assert plan.feasibility == expected
    assert plan.available_years == round((target_date - TODAY).days / 365.25, 2)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (1, 1, "1 year"),
        (2, 2, "2 years"),
        (0.5, 0.5, "6 months"),
        (0.25, 0.5, "3–6 months"),
        (0.5, 1, "6 months to 1 year"),
        (1, 2, "1 year to 2 years"),
        (1.5, 3, "1.5 years to 3 years"),
    ],
)
def test_format_years(low, high, expected):
    assert _format_years(low, high) == expected


def test_a_plan_for_a_path_without_steps_from_a_current_role_is_empty():
    path = CareerPath(start="cse", target="cse", roles=("cse",), steps=())

    plan = plan_goal(
        LADDER,
        path,
        today=TODAY,
        target_date=TODAY + datetime.timedelta(days=30),
        skill_names={},
        certification_names={},
    )

    assert plan.milestones == ()


@settings(max_examples=200, deadline=None)
@given(
    today=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)),
    days=st.integers(min_value=1, max_value=20 * 366),
    start=st.sampled_from([None, "cse", "senior-cse", "team-leader"]),
    target=st.sampled_from(["cse", "senior-cse", "team-leader", "operations-manager"]),
)
def test_dates_are_ordered_and_bounded_for_any_future_target_date(today, days, start, target):
    order = ["cse", "senior-cse", "team-leader", "operations-manager"]
    assume(start is None or order.index(start) < order.index(target))
    target_date = today + datetime.timedelta(days=days)

    plan = make_plan(start=start, target=target, target_date=target_date, today=today)
    dues = [m.due for m in plan.milestones]

    assert dues == sorted(dues)
    assert today <= dues[0]
    assert dues[-1] == target_date
    assert plan.milestones[-1].reference == target
    assert plan.available_years == round(days / 365.25, 2)


def test_a_step_without_sourced_years_says_the_plan_assumes_its_duration():
    ladder = Ladder(
        roles=(
            RoleNode("agent", "Agent", 1, True),
            RoleNode("head", "Head", 5, False),
        ),
        steps=(Step("agent", "head", None, None),),
    )
    path = find_path(ladder, start="agent", target="head")

    plan = plan_goal(
        ladder,
        path,
        today=datetime.date(2026, 1, 1),
        target_date=datetime.date(2029, 1, 1),
        skill_names={},
        certification_names={},
    )

    assert plan.assumed_steps == 1
    assert plan.milestones[0].detail.startswith("No source gives a typical time for this move")
    assert "2 years" in plan.milestones[0].detail
    assert (plan.typical_years_min, plan.typical_years_max) == (2.0, 2.0)


def test_what_a_step_asks_reads_as_separate_sentences():
    ladder = Ladder(
        roles=(RoleNode("agent", "Agent", 1, True), RoleNode("lead", "Lead", 3, False)),
        steps=(Step("agent", "lead", 1, 2, asks=("Coach new hires", "Handle escalations.")),),
    )
    path = find_path(ladder, start="agent", target="lead")

    plan = plan_goal(
        ladder,
        path,
        today=datetime.date(2026, 1, 1),
        target_date=datetime.date(2028, 1, 1),
        skill_names={},
        certification_names={},
    )

    assert plan.milestones[0].detail.endswith("Coach new hires. Handle escalations.")
