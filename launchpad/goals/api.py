"""The goals API: the signed-in user's goals, their milestones and the feasibility verdict.

Mounted at /api/goals with the project's default authentication (token or session). Writes
validate with the same form as the goal pages, so the rules and messages are the same; any
problem answers 422 with the messages per field and changes nothing. A goal or milestone of
someone else answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict

from launchpad.accounts.models import User
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import user_today
from launchpad.goals import selectors, services
from launchpad.goals.exceptions import GoalError
from launchpad.goals.forms import GoalForm
from launchpad.goals.models import Goal, Milestone

router = Router()


class MilestoneOut(Schema):
    id: int
    order: int
    kind: str
    title: str
    detail: str
    step: str
    due_date: datetime.date | None
    reference: str
    done: bool
    done_at: datetime.datetime | None
    overdue: bool


class FeasibilityOut(Schema):
    verdict: str
    label: str
    available_years: float | None
    typical_years_min: float
    typical_years_max: float
    explanation: str
    meaning: str
    confidence_note: str
    assumed_steps: int
    assumed_note: str
    planned_on: datetime.date | None


class GoalOut(Schema):
    id: int
    target_role: str
    target_role_title: str
    start_role: str | None
    target_date: datetime.date
    days_left: int
    aspiration: str
    motivation: str
    status: str
    path: list[str]
    plan_version: str
    milestones_done: int
    milestones_total: int
    progress_percent: int
    created_at: datetime.datetime
    updated_at: datetime.datetime


class GoalDetailOut(GoalOut):
    feasibility: FeasibilityOut | None
    next_milestone_id: int | None
    milestones: list[MilestoneOut]


class GoalIn(Schema):
    model_config = ConfigDict(extra="forbid")

    target_role: str
    start_role: str | None = None
    target_date: datetime.date
    aspiration: str
    motivation: str = ""


class GoalPatch(Schema):
    """Any subset of the goal's fields; `start_role: null` means a fresher's path."""

    model_config = ConfigDict(extra="forbid")

    target_role: str | None = None
    start_role: str | None = None
    target_date: datetime.date | None = None
    aspiration: str | None = None
    motivation: str | None = None
    status: str | None = None


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]]
    suggestions: list[str] = []


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _owned_goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_owned_or_404(selectors.goal_queryset(), user=request.user, pk=goal_id)


def _milestone_out(milestone: Milestone, today: datetime.date) -> dict[str, Any]:
    return {
        "id": milestone.pk,
        "order": milestone.order,
        "kind": milestone.kind,
        "title": milestone.title,
        "detail": milestone.detail,
        "step": milestone.step_label,
        "due_date": milestone.due_date,
        "reference": milestone.reference_slug,
        "done": milestone.is_done,
        "done_at": milestone.done_at,
        "overdue": milestone.is_overdue(today),
    }


def _goal_out(goal: Goal, progress: selectors.Progress, today: datetime.date) -> dict[str, Any]:
    return {
        "id": goal.pk,
        "target_role": goal.target_role.slug,
        "target_role_title": goal.target_role.title,
        "start_role": goal.start_role.slug if goal.start_role else None,
        "target_date": goal.target_date,
        "days_left": (goal.target_date - today).days,
        "aspiration": goal.aspiration,
        "motivation": goal.motivation,
        "status": goal.status,
        "path": list(goal.path_role_slugs),
        "plan_version": goal.plan_version,
        "milestones_done": progress.done,
        "milestones_total": progress.total,
        "progress_percent": progress.percent,
        "created_at": goal.created_at,
        "updated_at": goal.updated_at,
    }


def _goal_detail_out(goal: Goal, today: datetime.date) -> dict[str, Any]:
    milestones = list(goal.milestones.all())
    feasibility = selectors.goal_feasibility(goal)
    upcoming = selectors.next_milestone(milestones)
    out = _goal_out(goal, selectors.progress_of(milestones), today)
    out["feasibility"] = (
        {
            "verdict": feasibility.verdict,
            "label": feasibility.label,
            "available_years": goal.available_years,
            "typical_years_min": goal.typical_years_min,
            "typical_years_max": goal.typical_years_max,
            "explanation": feasibility.sentence,
            "meaning": feasibility.meaning,
            "confidence_note": feasibility.confidence_note,
            "assumed_steps": goal.assumed_steps,
            "assumed_note": feasibility.assumed_note,
            "planned_on": goal.planned_on,
        }
        if feasibility is not None
        else None
    )
    out["next_milestone_id"] = upcoming.pk if upcoming else None
    out["milestones"] = [_milestone_out(m, today) for m in milestones]
    return out


def _form_errors(form: GoalForm) -> dict[str, Any]:
    errors = {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }
    return {
        "detail": "The goal is not valid: see `errors`.",
        "errors": errors,
        "suggestions": [slug for slug, _title in form.suggestions],
    }


def _form_data(values: dict[str, Any]) -> dict[str, str]:
    target_date = values.get("target_date")
    return {
        "start_role": values.get("start_role") or "",
        "target_role": values.get("target_role") or "",
        "target_date": target_date.isoformat() if target_date else "",
        "aspiration": values.get("aspiration") or "",
        "motivation": values.get("motivation") or "",
    }


@router.get("", response=list[GoalOut], summary="My goals")
def list_goals(request: HttpRequest) -> list[dict[str, Any]]:
    """The signed-in user's goals, soonest target date first, with progress."""
    user = _user(request)
    today = user_today(user)
    return [_goal_out(goal, progress, today) for goal, progress in selectors.goal_rows(user)]


@router.post("", response={201: GoalDetailOut, 422: ErrorOut}, summary="Set a goal")
def create_goal(request: HttpRequest, payload: GoalIn) -> Status[dict[str, Any]]:
    """Plans a goal like the goal form: the path, dated milestones and the feasibility verdict.

    `start_role` null (or left out) plans a fresher's path. Answers 422 with messages per field
    for an unknown role, a target out of reach (with `suggestions`) or a date out of range.
    """
    user = _user(request)
    today = user_today(user)
    form = GoalForm(_form_data(payload.model_dump()), ladder=selectors.ladder_data(), today=today)
    if not form.is_valid():
        return Status(422, _form_errors(form))
    try:
        goal = services.goal_create(user=user, today=today, **form.service_kwargs())
    except GoalError as exc:
        form.add_goal_error(exc)
        return Status(422, _form_errors(form))
    return Status(201, _goal_detail_out(_owned_goal(request, goal.pk), today))


@router.get("/{goal_id}", response=GoalDetailOut, summary="One goal with its milestones")
def get_goal(request: HttpRequest, goal_id: int) -> dict[str, Any]:
    goal = _owned_goal(request, goal_id)
    return _goal_detail_out(goal, user_today(_user(request)))


@router.patch("/{goal_id}", response={200: GoalDetailOut, 422: ErrorOut}, summary="Change a goal")
def patch_goal(request: HttpRequest, goal_id: int, payload: GoalPatch) -> Status[dict[str, Any]]:
    """Changes any of the goal's fields; a new target, start or date re-plans it and keeps
    the ticks. `status` is one of active, achieved, archived."""
    goal = _owned_goal(request, goal_id)
    user = _user(request)
    today = user_today(user)
    changes = payload.model_dump(exclude_unset=True)
    status = changes.pop("status", None)
    if status is not None and status not in Goal.Status.values:
        return Status(
            422,
            {
                "detail": "The goal is not valid: see `errors`.",
                "errors": {"status": ["Choose active, achieved or archived."]},
                "suggestions": [],
            },
        )
    if changes:
        values: dict[str, Any] = {
            "start_role": goal.start_role.slug if goal.start_role else None,
            "target_role": goal.target_role.slug,
            "target_date": goal.target_date,
            "aspiration": goal.aspiration,
            "motivation": goal.motivation,
        }
        values.update(changes)
        form = GoalForm(
            _form_data(values),
            ladder=selectors.ladder_data(),
            today=today,
            current_target_date=goal.target_date,
        )
        if not form.is_valid():
            return Status(422, _form_errors(form))
        try:
            services.goal_update(goal=goal, today=today, **form.service_kwargs())
        except GoalError as exc:
            form.add_goal_error(exc)
            return Status(422, _form_errors(form))
    if status is not None:
        services.goal_set_status(goal=goal, status=status)
    return Status(200, _goal_detail_out(_owned_goal(request, goal.pk), today))


@router.delete("/{goal_id}", response={204: None}, summary="Delete a goal")
def delete_goal(request: HttpRequest, goal_id: int) -> Status[None]:
    services.goal_delete(goal=_owned_goal(request, goal_id))
    return Status(204, None)


@router.post(
    "/{goal_id}/milestones/{milestone_id}/toggle",
    response=MilestoneOut,
    summary="Tick or untick a milestone",
)
def toggle_milestone(request: HttpRequest, goal_id: int, milestone_id: int) -> dict[str, Any]:
    milestone = get_owned_or_404(
        Milestone.objects.select_related("goal"),
        user=request.user,
        owner_field="goal__user",
        pk=milestone_id,
        goal_id=goal_id,
    )
    services.milestone_toggle(milestone=milestone)
    return _milestone_out(milestone, user_today(_user(request)))
