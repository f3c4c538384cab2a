"""Every write of the goal planner.

Functions are keyword-only, named <entity>_<verb>, atomic when they write more than once,
and raise GoalError subclasses (launchpad.goals.exceptions) with messages a person can act
on. Planning itself is done by launchpad.core (find_path, plan_goal); this module stores the
result and keeps the candidate's ticks across re-plans.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.careers.models import Role
from launchpad.core.ladder import CareerPath
from launchpad.core.planner import Plan
from launchpad.goals import rules, selectors
from launchpad.goals.exceptions import GoalDateError, GoalStatusError, MilestoneError
from launchpad.goals.models import Goal, Milestone

MILESTONE_TITLE_MAX_LENGTH = Milestone._meta.get_field("title").max_length or 200


def _make_plan(
    *,
    user: User,
    start_role: Role | None,
    target_role: Role,
    target_date: datetime.date,
    today: datetime.date,
) -> tuple[CareerPath, Plan]:
    problem = rules.target_date_problem(target_date, today)
    if problem:
        raise GoalDateError(problem)
    data = selectors.ladder_data()
    path = selectors.goal_path(
        data,
        start=start_role.slug if start_role is not None else None,
        target=target_role.slug,
        preferred_tracks=selectors.preferred_tracks(user),
    )
    plan = selectors.goal_plan(data, path, today=today, target_date=target_date)
    return path, plan


def _apply_plan(goal: Goal, *, path: CareerPath, plan: Plan, today: datetime.date) -> None:
    """Copies the plan's path and the figures behind its verdict onto the goal (unsaved)."""
    goal.path_role_slugs = list(path.roles)
    goal.plan_version = plan.version
    goal.planned_on = today
    goal.typical_years_min = plan.typical_years_min
    goal.typical_years_max = plan.typical_years_max
    goal.available_years = plan.available_years
    goal.feasibility = plan.feasibility.value
    goal.assumed_steps = plan.assumed_steps


def _store_milestones(goal: Goal, *, plan: Plan) -> None:
    """Replaces the goal's planned milestones with `plan`'s, keeping ticks and own milestones.

    A tick survives when the new plan has a milestone of the same kind about the same thing
    (kind and reference slug); the user's own milestones are kept and move after the plan.
    """
    existing = list(goal.milestones.all().order_by("order", "id"))
    ticks = {
        (m.kind, m.reference_slug): m.done_at
        for m in existing
        if not m.is_custom and m.done_at is not None
    }
    custom = [m for m in existing if m.is_custom]
    if len(custom) < len(existing):
        goal.milestones.exclude(kind=Milestone.Kind.CUSTOM).delete()
    Milestone.objects.bulk_create(
        Milestone(
            goal=goal,
            order=planned.order,
            kind=planned.kind.value,
            title=planned.title[:MILESTONE_TITLE_MAX_LENGTH],
            detail=planned.detail,
            step_label=planned.step_label[:200],
            due_date=planned.due,
            reference_slug=planned.reference[:80],
            done_at=ticks.get((planned.kind.value, planned.reference)),
        )
        for planned in plan.milestones
    )
    for offset, milestone in enumerate(custom, start=len(plan.milestones) + 1):
        milestone.order = offset
    if custom:
        Milestone.objects.bulk_update(custom, ["order"])


@transaction.atomic
def goal_create(
    *,
    user: User,
    target_role: Role,
    start_role: Role | None,
    target_date: datetime.date,
    aspiration: str,
    motivation: str = "",
    today: datetime.date,
) -> Goal:
    """Creates a goal with its path and dated milestones, or raises a GoalError.

    `start_role` None means a fresher; `today` is the user's local date. The path prefers
    entry roles in the tracks on the user's profile (its work types).
    """
    path, plan = _make_plan(
        user=user,
        start_role=start_role,
        target_role=target_role,
        target_date=target_date,
        today=today,
    )
    goal = Goal(
        user=user,
        target_role=target_role,
        start_role=start_role,
        target_date=target_date,
        aspiration=aspiration,
        motivation=motivation.strip(),
    )
    _apply_plan(goal, path=path, plan=plan, today=today)
    goal.save()
    _store_milestones(goal, plan=plan)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    target_role: Role,
    start_role: Role | None,
    target_date: datetime.date,
    aspiration: str,
    motivation: str = "",
    today: datetime.date,
) -> Goal:
    """Changes a goal; re-plans (keeping ticks, as goal_replan) when the target, start or
    date changed. An unchanged date is not re-checked, so an overdue goal's words can still
    be edited."""
    new_start_id = start_role.pk if start_role is not None else None
    replan = (
        goal.target_role_id != target_role.pk
        or goal.start_role_id != new_start_id
        or goal.target_date != target_date
    )
    if replan:
        path, plan = _make_plan(
            user=goal.user,
            start_role=start_role,
            target_role=target_role,
            target_date=target_date,
            today=today,
        )
    goal.target_role = target_role
    goal.start_role = start_role
    goal.target_date = target_date
    goal.aspiration = aspiration
    goal.motivation = motivation.strip()
    if replan:
        _apply_plan(goal, path=path, plan=plan, today=today)
        _store_milestones(goal, plan=plan)
    goal.save()
    return goal


@transaction.atomic
def goal_replan(*, goal: Goal, today: datetime.date) -> Goal:
    """Rebuilds the planned milestones from the current ladder, dated from `today`.

    Ticks on milestones that are still in the plan (same kind and reference) are kept, and so
    are the user's own milestones. Raises GoalDateError when the target date has passed.
    """
    if goal.target_date <= today:
        raise GoalDateError(
            _("The target date has passed: set a new date (Edit goal) and the plan is rebuilt.")
        )
    target_role = goal.target_role
    path, plan = _make_plan(
        user=goal.user,
        start_role=goal.start_role,
        target_role=target_role,
        target_date=goal.target_date,
        today=today,
    )
    _apply_plan(goal, path=path, plan=plan, today=today)
    _store_milestones(goal, plan=plan)
    goal.save()
    return goal


def goal_set_status(*, goal: Goal, status: str) -> Goal:
    """Marks the goal active, achieved or archived."""
    if status not in Goal.Status.values:
        raise GoalStatusError(_("Choose active, achieved or archived."))
    goal.status = status
    goal.save(update_fields=["status", "updated_at"])
    return goal


def goal_delete(*, goal: Goal) -> None:
    """Deletes the goal and its milestones."""
    goal.delete()


def milestone_toggle(*, milestone: Milestone) -> Milestone:
    """Ticks an open milestone (done now) or clears the tick of a done one."""
    milestone.done_at = None if milestone.is_done else timezone.now()
    milestone.save(update_fields=["done_at"])
    return milestone


def milestone_add(*, goal: Goal, title: str, due_date: datetime.date | None = None) -> Milestone:
    """Adds one of the user's own milestones after the goal's existing ones."""
    title = " ".join(title.split())
    if not title:
        raise MilestoneError(_("Give the milestone a title."), field="title")
    if len(title) > MILESTONE_TITLE_MAX_LENGTH:
        raise MilestoneError(
            _("Keep the title under %(max)d characters.") % {"max": MILESTONE_TITLE_MAX_LENGTH},
            field="title",
        )
    last = goal.milestones.aggregate(last=Max("order"))["last"] or 0
    return Milestone.objects.create(
        goal=goal, order=last + 1, kind=Milestone.Kind.CUSTOM, title=title, due_date=due_date
    )


def milestone_delete(*, milestone: Milestone) -> None:
    """Deletes one of the user's own milestones; planned ones cannot be deleted."""
    if not milestone.is_custom:
        raise MilestoneError(
            _(
                "Planned milestones come from the career ladder and cannot be deleted; "
                "re-plan the goal instead."
            )
        )
    milestone.delete()
