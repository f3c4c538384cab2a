"""The planner's services against a small ladder in the database (core integration)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from launchpad.careers.models import LadderStep
from launchpad.core.planner import PLANNER_RULES_VERSION
from launchpad.goals import selectors, services
from launchpad.goals.exceptions import (
    GoalDateError,
    GoalStatusError,
    GoalUnreachableError,
    MilestoneError,
)
from launchpad.goals.models import Goal, Milestone
from launchpad.goals.tests.conftest import years_after


def create(user, ladder, today, *, start="rep", target="team_leader", years=3.0, **extra):
    return services.goal_create(
        user=user,
        target_role=getattr(ladder, target),
        start_role=getattr(ladder, start) if start else None,
        target_date=years_after(today, years),
        aspiration=extra.pop("aspiration", Goal.Aspiration.MANAGEMENT),
        motivation=extra.pop("motivation", "  To lead a team.  "),
        today=today,
    )


def test_ladder_data_builds_the_core_ladder_from_the_careers_tables(ladder):
    data = selectors.ladder_data()

    rep = data.ladder.role("customer-service-rep")
    assert rep.is_entry and rep.tracks == ("international-voice",)
    assert rep.skills == ("spoken-english", "typing")
    assert rep.certifications == ("cs-basics",)
    assert not data.ladder.role("team-leader").is_entry
    step = next(s for s in data.ladder.steps if s.to_slug == "team-leader")
    assert (step.from_slug, step.years_min, step.years_max) == ("senior-rep", 1.0, 3.0)
    assert step.asks == ("Coach new hires", "Handle escalations")
    assert step.skills == ("coaching",) and step.certifications == ("six-sigma-yellow",)
    assert data.skill_names["coaching"] == "Coaching"
    assert data.certification_names["six-sigma-yellow"] == "Six Sigma Yellow Belt"


def test_ladder_data_takes_a_bounded_number_of_queries(
    ladder, settings, django_assert_max_num_queries
):
    from launchpad.careers import selectors as career_selectors

    # Building the ladder, then the names and step rows shown beside it.
    with django_assert_max_num_queries(11):
        selectors.ladder_data()
    # With the shared ladder cached, only the content version and the four lookups remain.
    settings.CONTENT_CACHE_SECONDS = 60
    career_selectors.clear_ladder_cache()
    try:
        selectors.ladder_data()
        with django_assert_max_num_queries(5):
            selectors.ladder_data()
    finally:
        career_selectors.clear_ladder_cache()


def test_create_stores_the_path_and_milestones_dated_in_order_within_the_range(
    alice_rep, ladder, today
):
    goal = create(alice_rep, ladder, today)

    assert goal.path_role_slugs == ["customer-service-rep", "senior-rep", "team-leader"]
    assert goal.plan_version == PLANNER_RULES_VERSION
    assert goal.planned_on == today
    assert goal.motivation == "To lead a team."
    assert (goal.typical_years_min, goal.typical_years_max) == (1.5, 4.5)
    assert goal.feasibility == "realistic"
    milestones = list(goal.milestones.all())
    assert [m.order for m in milestones] == list(range(1, len(milestones) + 1))
    dues = [m.due_date for m in milestones]
    assert dues == sorted(dues)
    assert all(today < due <= goal.target_date for due in dues)
    assert milestones[-1].due_date == goal.target_date
    assert milestones[-1].kind == Milestone.Kind.ROLE
    assert milestones[-1].title == "Move up to Team Leader"
    kinds = {(m.kind, m.reference_slug) for m in milestones}
    assert ("skill", "coaching") in kinds and ("certification", "six-sigma-yellow") in kinds
    assert {m.step_label for m in milestones} == {
        "Customer Service Rep → Senior Rep",
        "Senior Rep → Team Leader",
    }


def test_fresher_path_starts_with_getting_hired_into_an_entry_role(alice, ladder, today):
    goal = create(alice, ladder, today, start=None)

    assert goal.start_role is None
    assert goal.path_role_slugs[0] == "customer-service-rep"
    first_stage = [m for m in goal.milestones.all() if m.step_label.startswith("Get hired")]
    assert first_stage[-1].title == "Get hired as a Customer Service Rep"
    assert first_stage[-1].kind == Milestone.Kind.ROLE
    assert [m.reference_slug for m in first_stage[:2]] == ["spoken-english", "typing"]
    assert goal.milestones.first().step_label == "Get hired as a Customer Service Rep"


def test_fresher_path_prefers_entry_roles_in_the_profiles_work_types(alice, ladder, today):
    alice.profile.work_types = ["back-office"]
    alice.profile.save()

    goal = create(alice, ladder, today, start=None, target="quality")

    assert goal.path_role_slugs == ["data-entry-operator", "quality-analyst"]


def test_create_refuses_a_target_out_of_reach_and_suggests_reachable_roles(alice, ladder, today):
    with pytest.raises(GoalUnreachableError) as caught:
        create(alice, ladder, today, start="data_entry", target="team_leader")

    assert caught.value.field == "target_role"
    assert "Team Leader is not a step up from Data Entry Operator" in caught.value.message
    assert caught.value.suggestions == (("quality-analyst", "Quality Analyst"),)
    assert not Goal.objects.exists() and not Milestone.objects.exists()


def test_create_refuses_the_start_role_as_target(alice, ladder, today):
    with pytest.raises(GoalUnreachableError, match="already a Senior Rep"):
        create(alice, ladder, today, start="senior", target="senior")
    assert not Goal.objects.exists()


@pytest.mark.parametrize("years", [0, -1, 15.1, 20])
def test_create_refuses_a_date_out_of_range(alice, ladder, today, years):
    with pytest.raises(GoalDateError):
        create(alice, ladder, today, years=years)
    assert not Goal.objects.exists()


def test_create_accepts_a_date_exactly_fifteen_years_ahead(alice, ladder, today):
    goal = services.goal_create(
        user=alice,
        target_role=ladder.team_leader,
        start_role=ladder.rep,
        target_date=today.replace(year=today.year + 15),
        aspiration="growth",
        today=today,
    )
    assert goal.feasibility == "comfortable"


def tick(goal, kind, reference):
    milestone = goal.milestones.get(kind=kind, reference_slug=reference)
    return services.milestone_toggle(milestone=milestone)


def test_replan_keeps_ticks_of_milestones_still_in_the_plan_and_own_milestones(
    alice_rep, ladder, today
):
    goal = create(alice_rep, ladder, today)
    ticked = tick(goal, "skill", "coaching")
    own = services.milestone_add(goal=goal, title="Shadow my team leader", due_date=None)
    services.milestone_toggle(milestone=own)
    planned_count = goal.milestones.exclude(kind="custom").count()

    later = today + datetime.timedelta(days=100)
    services.goal_replan(goal=goal, today=later)

    goal.refresh_from_db()
    assert goal.planned_on == later
    again = goal.milestones.get(kind="skill", reference_slug="coaching")
    assert again.done_at == ticked.done_at
    assert goal.milestones.exclude(kind="custom").count() == planned_count
    assert goal.milestones.filter(done_at__isnull=False).count() == 2
    own.refresh_from_db()
    assert own.is_done and own.order == planned_count + 1
    assert min(m.due_date for m in goal.milestones.exclude(kind="custom")) > later


def test_replan_follows_ladder_changes_and_drops_ticks_of_removed_milestones(
    alice_rep, ladder, today
):
    goal = create(alice_rep, ladder, today)
    tick(goal, "skill", "coaching")
    tick(goal, "skill", "spoken-english")
    step = LadderStep.objects.get(from_role=ladder.senior, to_role=ladder.team_leader)
    step.skills.set([ladder.auditing])

    services.goal_replan(goal=goal, today=today)

    assert not goal.milestones.filter(reference_slug="coaching").exists()
    assert goal.milestones.get(kind="skill", reference_slug="call-auditing").done_at is None
    assert goal.milestones.get(kind="skill", reference_slug="spoken-english").is_done


def test_replan_after_the_target_date_asks_for_a_new_date(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today, years=1)
    with pytest.raises(GoalDateError, match="has passed"):
        services.goal_replan(goal=goal, today=goal.target_date)


def test_update_with_a_new_date_replans_and_keeps_ticks(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today, years=3)
    ticked = tick(goal, "certification", "six-sigma-yellow")
    old_last_due = goal.milestones.last().due_date

    services.goal_update(
        goal=goal,
        target_role=ladder.team_leader,
        start_role=ladder.rep,
        target_date=years_after(today, 1),
        aspiration="management",
        motivation="",
        today=today,
    )

    goal.refresh_from_db()
    assert goal.milestones.last().due_date == goal.target_date < old_last_due
    assert goal.feasibility == "ambitious"
    assert goal.milestones.get(reference_slug="six-sigma-yellow").done_at == ticked.done_at


def test_update_of_words_only_keeps_the_plan_untouched(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today, years=1)
    ids = list(goal.milestones.values_list("id", flat=True))
    after_the_date = goal.target_date + datetime.timedelta(days=3)

    services.goal_update(
        goal=goal,
        target_role=ladder.team_leader,
        start_role=ladder.rep,
        target_date=goal.target_date,
        aspiration="domain",
        motivation="New reason",
        today=after_the_date,
    )

    goal.refresh_from_db()
    assert (goal.aspiration, goal.motivation) == ("domain", "New reason")
    assert list(goal.milestones.values_list("id", flat=True)) == ids


def test_update_to_a_new_target_replans_the_path(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    services.goal_update(
        goal=goal,
        target_role=ladder.quality,
        start_role=ladder.rep,
        target_date=goal.target_date,
        aspiration="domain",
        motivation="",
        today=today,
    )
    goal.refresh_from_db()
    assert goal.path_role_slugs == ["customer-service-rep", "quality-analyst"]
    assert goal.milestones.last().title == "Move up to Quality Analyst"


def test_toggle_sets_and_clears_the_done_time(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    milestone = goal.milestones.first()
    before = timezone.now()

    services.milestone_toggle(milestone=milestone)
    milestone.refresh_from_db()
    assert milestone.done_at is not None and milestone.done_at >= before

    services.milestone_toggle(milestone=milestone)
    milestone.refresh_from_db()
    assert milestone.done_at is None


def test_own_milestones_are_added_last_and_can_be_deleted(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    count = goal.milestones.count()

    own = services.milestone_add(goal=goal, title="  Practise   mock calls ", due_date=today)

    assert (own.kind, own.title, own.order) == ("custom", "Practise mock calls", count + 1)
    services.milestone_delete(milestone=own)
    assert goal.milestones.count() == count


def test_planned_milestones_cannot_be_deleted(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    planned = goal.milestones.first()
    with pytest.raises(MilestoneError):
        services.milestone_delete(milestone=planned)
    assert Milestone.objects.filter(pk=planned.pk).exists()


def test_a_blank_own_milestone_is_refused(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    with pytest.raises(MilestoneError):
        services.milestone_add(goal=goal, title="   ")


def test_status_changes_and_unknown_statuses_are_refused(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    services.goal_set_status(goal=goal, status="achieved")
    goal.refresh_from_db()
    assert goal.status == "achieved"
    with pytest.raises(GoalStatusError):
        services.goal_set_status(goal=goal, status="forgotten")


def test_delete_removes_the_goal_and_its_milestones(alice_rep, ladder, today):
    goal = create(alice_rep, ladder, today)
    services.goal_delete(goal=goal)
    assert not Goal.objects.exists() and not Milestone.objects.exists()


def test_a_step_without_sourced_years_is_planned_at_the_assumed_time_and_said_so(
    alice_rep, ladder, today
):
    from launchpad.careers.tests.factories import LadderStepFactory, RoleFactory

    manager = RoleFactory(
        slug="operations-manager", title="Operations Manager", level="growth", rank=4
    )
    LadderStepFactory(from_role=ladder.team_leader, to_role=manager, years_min=None, years_max=None)

    goal = services.goal_create(
        user=alice_rep,
        target_role=manager,
        start_role=ladder.team_leader,
        target_date=years_after(today, 2),
        aspiration="management",
        today=today,
    )

    assert goal.assumed_steps == 1
    assert (goal.typical_years_min, goal.typical_years_max) == (2.0, 2.0)
    view = selectors.goal_feasibility(goal)
    assert view.assumed_note == (
        "1 step of this path has no sourced typical time; it is counted as 2 years."
    )
    steps = selectors.path_steps(selectors.ladder_data(), goal.path_role_slugs, fresher=False)
    assert not steps[0].years_known
    assert steps[0].years_text.startswith("not known")
