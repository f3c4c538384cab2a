"""Pages of the goal planner: load through a permission-scoped getter, validate with a form,
call one service, render a page or an htmx fragment. Every URL also works without htmx."""

from __future__ import annotations

import contextlib
import datetime
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from launchpad.accounts.models import CandidateProfile, User
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.goals import selectors, services
from launchpad.goals.exceptions import GoalError
from launchpad.goals.forms import GoalForm, GoalStatusForm, MilestoneForm, PreviewForm
from launchpad.goals.models import Goal, Milestone
from launchpad.networking.presenters import dashboard_panel as networking_panel
from launchpad.readiness.presenters import dashboard_panel


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _today() -> datetime.date:
    # The user's time zone is active (UserTimezoneMiddleware), so this is their calendar day.
    return timezone.localdate()


def _owned_goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_owned_or_404(selectors.goal_queryset(), user=request.user, pk=goal_id)


def _owned_milestone(request: HttpRequest, goal_id: int, milestone_id: int) -> Milestone:
    return get_owned_or_404(
        Milestone.objects.select_related("goal"),
        user=request.user,
        owner_field="goal__user",
        pk=milestone_id,
        goal_id=goal_id,
    )


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# Dashboard and list --------------------------------------------------------------------


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Greeting, readiness per track over time, this week's plan, active goals with their
    next milestone, latest results, practice streak and recent ticks."""
    today = _today()
    user = signed_in_user(request)
    return render(
        request,
        "goals/dashboard.html",
        {
            "dashboard": selectors.dashboard(user, today=today),
            "panel": dashboard_panel(user, today=today, now=timezone.now()),
            "networking": networking_panel(user, today),
            "today": today,
        },
    )


@require_GET
@login_required
def goal_list(request: HttpRequest) -> HttpResponse:
    """All the user's goals, grouped by status, with progress."""
    goals = selectors.goal_rows(signed_in_user(request))
    sections = [
        {
            "status": status,
            "label": label,
            "rows": [(goal, progress) for goal, progress in goals if goal.status == status],
        }
        for status, label in Goal.Status.choices
    ]
    return render(
        request,
        "goals/goal_list.html",
        {"sections": sections, "has_goals": bool(goals), "today": _today()},
    )


# Create, edit and preview --------------------------------------------------------------


def _current_role_slug(user: User) -> str:
    profile = CandidateProfile.objects.filter(user=user).select_related("current_role").first()
    if profile is not None and profile.current_role is not None:
        return profile.current_role.slug
    return ""


def _create_initial(request: HttpRequest) -> dict[str, Any]:
    """Initial values: ?target=<slug>, ?start=<slug or empty>, ?target_date=<ISO date>."""
    initial: dict[str, Any] = {}
    if "start" in request.GET:
        initial["start_role"] = request.GET["start"]
    else:
        initial["start_role"] = _current_role_slug(signed_in_user(request))
    if request.GET.get("target"):
        initial["target_role"] = request.GET["target"]
    if request.GET.get("target_date"):
        with contextlib.suppress(ValueError):
            initial["target_date"] = datetime.date.fromisoformat(request.GET["target_date"])
    return initial


def _enable_live_preview(form: GoalForm) -> None:
    url = reverse("goals:path_preview")
    for name in ("start_role", "target_role", "target_date"):
        form.fields[name].widget.attrs.update(
            {
                "hx-get": url,
                "hx-include": "#id_start_role, #id_target_role, #id_target_date",
                "hx-target": "#plan-preview",
                "hx-swap": "innerHTML",
                "hx-trigger": "change",
                "hx-sync": "closest form:queue last",
            }
        )


def _form_preview(
    form: GoalForm, *, ladder: selectors.LadderData, user: User, today: datetime.date
) -> selectors.PathPreview:
    """The preview for what the form currently shows (submitted or initial values)."""
    raw_date = form.raw_value("target_date")
    target_date = None
    if raw_date:
        try:
            target_date = datetime.date.fromisoformat(raw_date[:10])
        except ValueError:
            target_date = None
    return selectors.path_preview(
        ladder,
        start=form.raw_value("start_role") or None,
        target=form.raw_value("target_role"),
        target_date=target_date,
        today=today,
        preferred_tracks=selectors.preferred_tracks(user),
    )


def _render_goal_form(
    request: HttpRequest,
    form: GoalForm,
    *,
    ladder: selectors.LadderData,
    today: datetime.date,
    goal: Goal | None = None,
) -> HttpResponse:
    _enable_live_preview(form)
    preview = _form_preview(form, ladder=ladder, user=signed_in_user(request), today=today)
    return render(
        request,
        "goals/goal_form.html",
        {"form": form, "goal": goal, "preview": preview, "today": today},
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_create(request: HttpRequest) -> HttpResponse:
    """The goal form; on success the goal is planned and its page shown."""
    today = _today()
    ladder = selectors.ladder_data()
    if request.method == "POST":
        form = GoalForm(request.POST, ladder=ladder, today=today)
        if form.is_valid():
            try:
                goal = services.goal_create(
                    user=signed_in_user(request), today=today, **form.service_kwargs()
                )
            except GoalError as exc:
                form.add_goal_error(exc)
            else:
                messages.success(
                    request,
                    _("Your goal is set. Here is your path and the milestones along it."),
                )
                return redirect(goal)
    else:
        form = GoalForm(ladder=ladder, today=today, initial=_create_initial(request))
    return _render_goal_form(request, form, ladder=ladder, today=today)


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    """Edits a goal; a new target, start or date re-plans it and keeps the ticks."""
    goal = _owned_goal(request, goal_id)
    today = _today()
    ladder = selectors.ladder_data()
    if request.method == "POST":
        form = GoalForm(
            request.POST, ladder=ladder, today=today, current_target_date=goal.target_date
        )
        if form.is_valid():
            try:
                services.goal_update(goal=goal, today=today, **form.service_kwargs())
            except GoalError as exc:
                form.add_goal_error(exc)
            else:
                messages.success(request, _("Your goal is updated."))
                return redirect(goal)
    else:
        form = GoalForm(
            ladder=ladder,
            today=today,
            current_target_date=goal.target_date,
            initial={
                "start_role": goal.start_role.slug if goal.start_role else "",
                "target_role": goal.target_role.slug,
                "target_date": goal.target_date,
                "aspiration": goal.aspiration,
                "motivation": goal.motivation,
            },
        )
    return _render_goal_form(request, form, ladder=ladder, today=today, goal=goal)


@require_GET
@login_required
def path_preview(request: HttpRequest) -> HttpResponse:
    """The path and plan for the start, target and date given, as an htmx fragment while
    the goal form is filled in, or as a page of its own."""
    htmx_request = cast(HtmxHttpRequest, request)
    today = _today()
    query = PreviewForm(request.GET)
    query.is_valid()
    start = (query.cleaned_data.get("start_role") or "").strip() or None
    target = (query.cleaned_data.get("target_role") or "").strip()
    target_date = query.cleaned_data.get("target_date")
    ladder = selectors.ladder_data()
    preview = selectors.path_preview(
        ladder,
        start=start,
        target=target,
        target_date=target_date,
        today=today,
        preferred_tracks=selectors.preferred_tracks(signed_in_user(request)),
    )
    form = GoalForm(
        ladder=ladder,
        today=today,
        initial={"start_role": start or "", "target_role": target, "target_date": target_date},
    )
    context = {"preview": preview, "form": form, "today": today}
    _enable_live_preview(form)
    if htmx_request.htmx:
        context["refresh_targets"] = htmx_request.htmx.trigger_name == "start_role"
        return render(request, "goals/path_preview.html#preview-fragment", context)
    query_string = {"target": target, "start": start or ""}
    if target_date:
        query_string["target_date"] = target_date.isoformat()
    context["create_url"] = reverse("goals:goal_create") + "?" + urlencode(query_string)
    return render(request, "goals/path_preview.html", context)


# A goal's page and its actions ---------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    goal: Goal,
    *,
    today: datetime.date,
    milestone_form: MilestoneForm | None = None,
) -> HttpResponse:
    page = selectors.goal_page(goal, today=today)
    return render(
        request,
        "goals/goal_detail.html",
        {
            "goal": goal,
            "page": page,
            "progress": page.progress,
            "next_milestone": page.next_milestone,
            "today": today,
            "milestone_form": milestone_form or MilestoneForm(today=today),
        },
    )


@require_GET
@login_required
def goal_detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    """The goal, its path, the feasibility verdict explained and the milestones to tick."""
    return _render_detail(request, _owned_goal(request, goal_id), today=_today())


@require_POST
@login_required
def goal_replan(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _owned_goal(request, goal_id)
    try:
        services.goal_replan(goal=goal, today=_today())
    except GoalError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The plan is rebuilt from the current career ladder. Your ticks are kept.")
        )
    return redirect(goal)


@require_POST
@login_required
def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _owned_goal(request, goal_id)
    form = GoalStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose active, achieved or archived."))
        return redirect(goal)
    services.goal_set_status(goal=goal, status=form.cleaned_data["status"])
    notes = {
        Goal.Status.ACHIEVED: _("Congratulations! The goal is marked achieved."),
        Goal.Status.ARCHIVED: _("The goal is archived. You can make it active again any time."),
        Goal.Status.ACTIVE: _("The goal is active again."),
    }
    messages.success(request, notes[Goal.Status(goal.status)])
    return redirect(goal)


@require_http_methods(["GET", "POST"])
@login_required
def goal_delete(request: HttpRequest, goal_id: int) -> HttpResponse:
    """Asks for confirmation (GET) and deletes the goal with its milestones (POST)."""
    goal = _owned_goal(request, goal_id)
    if request.method == "POST":
        services.goal_delete(goal=goal)
        messages.success(request, _("The goal and its milestones are deleted."))
        return redirect("goals:goal_list")
    return render(request, "goals/goal_confirm_delete.html", {"goal": goal})


@require_POST
@login_required
def milestone_toggle(request: HttpRequest, goal_id: int, milestone_id: int) -> HttpResponse:
    """Ticks or unticks a milestone. With htmx: the new row, and out of band the progress
    bar, the next milestone, the group's count and an announcement; without: back to the
    goal page (or a safe `next`)."""
    milestone = _owned_milestone(request, goal_id, milestone_id)
    services.milestone_toggle(milestone=milestone)
    goal = milestone.goal
    if cast(HtmxHttpRequest, request).htmx:
        milestones = list(goal.milestones.order_by("order", "id"))
        context = {
            "goal": goal,
            "milestone": milestone,
            "progress": selectors.progress_of(milestones),
            "next_milestone": selectors.next_milestone(milestones),
            "group": selectors.group_of(milestone, selectors.milestone_groups(milestones)),
            "today": _today(),
            "oob": True,
        }
        return render(request, "goals/milestone_toggled.html", context)
    default = reverse("goals:goal_detail", args=[goal.pk]) + f"#milestone-{milestone.pk}"
    return redirect(_safe_next(request, default))


@require_POST
@login_required
def milestone_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _owned_goal(request, goal_id)
    today = _today()
    form = MilestoneForm(request.POST, today=today)
    if form.is_valid():
        try:
            services.milestone_add(
                goal=goal,
                title=form.cleaned_data["title"],
                due_date=form.cleaned_data["due_date"],
            )
        except GoalError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Your milestone is added."))
            return redirect(reverse("goals:goal_detail", args=[goal.pk]) + "#your-milestones")
    return _render_detail(request, goal, today=today, milestone_form=form)


@require_POST
@login_required
def milestone_delete(request: HttpRequest, goal_id: int, milestone_id: int) -> HttpResponse:
    milestone = _owned_milestone(request, goal_id, milestone_id)
    try:
        services.milestone_delete(milestone=milestone)
    except GoalError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The milestone is deleted."))
    return redirect(reverse("goals:goal_detail", args=[goal_id]) + "#your-milestones")
