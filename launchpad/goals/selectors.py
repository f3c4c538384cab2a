"""Reads for the goal planner: the career ladder from the database, previews and pages.

Everything that shows a goal goes through here, so the pages, the dashboard and the API
agree on progress, the next milestone and how the feasibility verdict is explained.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from launchpad.accounts.models import CandidateProfile, LanguageSkill, User
from launchpad.careers import selectors as career_selectors
from launchpad.careers.models import Certification, LadderStep, Role, Skill
from launchpad.common.text import format_year_range, format_years
from launchpad.core.ladder import (
    CareerPath,
    Ladder,
    NoPathError,
    Step,
    UnknownRoleError,
    find_path,
    reachable_targets,
)
from launchpad.core.planner import (
    HIRING_STAGE_YEARS,
    Feasibility,
    Plan,
    PlannedMilestone,
    plan_goal,
)
from launchpad.goals import rules
from launchpad.goals.exceptions import GoalDateError, GoalError, GoalRoleError, GoalUnreachableError
from launchpad.goals.models import Goal, Milestone

MAX_SUGGESTIONS = 6


# The ladder ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A skill or certification named on a step, linked by slug."""

    slug: str
    name: str


@dataclass(frozen=True)
class LadderData:
    """The core Ladder built from the careers tables, plus the names and rows behind it."""

    ladder: Ladder
    roles: dict[str, Role]
    skill_names: dict[str, str]
    certification_names: dict[str, str]
    steps: dict[tuple[str, str], LadderStep]

    def title(self, slug: str) -> str:
        role = self.roles.get(slug)
        return role.title if role is not None else slug

    def suggestions(self, start: str | None) -> tuple[tuple[str, str], ...]:
        """Up to MAX_SUGGESTIONS roles a goal may target from `start`, lowest rung first."""
        if start is not None and not self.ladder.has_role(start):
            return ()
        slugs = reachable_targets(self.ladder, start)[:MAX_SUGGESTIONS]
        return tuple((slug, self.title(slug)) for slug in slugs)


def ladder_data() -> LadderData:
    """The career ladder (from the shared, cached careers selector) with the role, skill and
    certification names and the step rows that goal pages show beside it."""
    steps = LadderStep.objects.select_related("from_role", "to_role")
    return LadderData(
        ladder=career_selectors.ladder_from_db(),
        roles={role.slug: role for role in Role.objects.order_by("rank", "title")},
        skill_names=dict(Skill.objects.values_list("slug", "name")),
        certification_names=dict(Certification.objects.values_list("slug", "name")),
        steps={(step.from_role.slug, step.to_role.slug): step for step in steps},
    )


def preferred_tracks(user: User) -> tuple[str, ...]:
    """The work types on the user's profile, which the ladder uses as preferred tracks."""
    profile = CandidateProfile.objects.filter(user=user).only("work_types").first()
    if profile is None or not isinstance(profile.work_types, list):
        return ()
    return tuple(str(item) for item in profile.work_types)


def goal_path(
    data: LadderData,
    *,
    start: str | None,
    target: str,
    preferred_tracks: Iterable[str] = (),
) -> CareerPath:
    """Returns the quickest typical path from `start` (None for a fresher) to `target`.

    Raises GoalRoleError for a role that is not on the ladder and GoalUnreachableError, with
    reachable roles as suggestions, when no route leads from the start to the target.
    """
    ladder = data.ladder
    if not ladder.has_role(target):
        raise GoalRoleError(
            _("There is no role called “%(slug)s” on the career ladder. Pick one from the list.")
            % {"slug": target}
        )
    if start is not None and not ladder.has_role(start):
        raise GoalRoleError(
            _(
                "There is no role called “%(slug)s” on the career ladder. Pick your current role "
                "from the list, or choose “I'm new to BPO (fresher)”."
            )
            % {"slug": start},
            field="start_role",
        )
    suggestions = data.suggestions(start)
    if start == target:
        message = _("You are already a %(role)s: pick a role above it as your goal.") % {
            "role": data.title(target)
        }
        raise GoalUnreachableError(_with_suggestions(message, suggestions), suggestions=suggestions)
    try:
        return find_path(
            ladder, start=start, target=target, preferred_tracks=tuple(preferred_tracks)
        )
    except UnknownRoleError as exc:  # pragma: no cover - has_role was checked above
        raise GoalRoleError(str(exc)) from exc
    except NoPathError as exc:
        if start is None:
            message = _("No entry role leads to %(target)s on the career ladder yet.") % {
                "target": data.title(target)
            }
        else:
            message = _(
                "%(target)s is not a step up from %(start)s on the career ladder, so there is "
                "no path to plan."
            ) % {"target": data.title(target), "start": data.title(start)}
        raise GoalUnreachableError(
            _with_suggestions(message, suggestions), suggestions=suggestions
        ) from exc


def _with_suggestions(message: str, suggestions: Sequence[tuple[str, str]]) -> str:
    if not suggestions:
        return message + " " + _("Nothing on the ladder grows out of this role yet.")
    names = ", ".join(title for _slug, title in suggestions)
    return message + " " + _("Roles you can aim for from there: %(roles)s.") % {"roles": names}


def goal_plan(
    data: LadderData, path: CareerPath, *, today: datetime.date, target_date: datetime.date
) -> Plan:
    """The dated milestone plan for `path`; raises GoalDateError for a date out of range."""
    problem = rules.target_date_problem(target_date, today)
    if problem:
        raise GoalDateError(problem)
    return plan_goal(
        data.ladder,
        path,
        today=today,
        target_date=target_date,
        skill_names=data.skill_names,
        certification_names=data.certification_names,
    )


# Steps and feasibility -----------------------------------------------------------------


@dataclass(frozen=True)
class PathStepView:
    """One rung of a goal's path as shown to a person."""

    is_hiring: bool
    from_title: str
    to_slug: str
    to_title: str
    years_text: str
    asks: tuple[str, ...] = ()
    skills: tuple[Ref, ...] = ()
    certifications: tuple[Ref, ...] = ()
    how_promoted: str = ""
    confidence: str = ""
    missing: bool = False
    years_known: bool = True

    @property
    def heading(self) -> str:
        if self.is_hiring:
            return _("Get hired as %(role)s") % {"role": rules.with_article(self.to_title)}
        return f"{self.from_title} → {self.to_title}"


def path_steps(data: LadderData, roles: Sequence[str], *, fresher: bool) -> list[PathStepView]:
    """The steps along `roles` (start first) from the current ladder.

    For a fresher the first step is getting hired into the entry role `roles[0]`. A move
    that is no longer on the ladder is returned with `missing` set.
    """
    views: list[PathStepView] = []
    if fresher and roles:
        entry = roles[0]
        node = data.ladder.role(entry) if data.ladder.has_role(entry) else None
        views.append(
            PathStepView(
                is_hiring=True,
                from_title=_("New to BPO"),
                to_slug=entry,
                to_title=data.title(entry),
                years_text=_("about %(span)s (a planning assumption)")
                % {"span": format_years(HIRING_STAGE_YEARS)},
                asks=(
                    _("Build the skills employers test, apply, and pass the tests and interviews."),
                ),
                skills=tuple(Ref(s, data.skill_names.get(s, s)) for s in node.skills)
                if node
                else (),
                certifications=tuple(
                    Ref(c, data.certification_names.get(c, c)) for c in node.certifications
                )
                if node
                else (),
                missing=node is None,
            )
        )
    for low, high in itertools.pairwise(roles):
        db_step = data.steps.get((low, high))
        step = _core_step(data.ladder, low, high)
        if db_step is None or step is None:
            views.append(
                PathStepView(
                    is_hiring=False,
                    from_title=data.title(low),
                    to_slug=high,
                    to_title=data.title(high),
                    years_text=_("unknown"),
                    missing=True,
                )
            )
            continue
        views.append(
            PathStepView(
                is_hiring=False,
                from_title=data.title(low),
                to_slug=high,
                to_title=data.title(high),
                years_text=_step_years_text(step),
                years_known=step.years_known,
                asks=step.asks,
                skills=tuple(Ref(s, data.skill_names.get(s, s)) for s in step.skills),
                certifications=tuple(
                    Ref(c, data.certification_names.get(c, c)) for c in step.certifications
                ),
                how_promoted=db_step.how_promoted,
                confidence=db_step.get_confidence_display(),
            )
        )
    return views


def _step_years_text(step: Step) -> str:
    if step.years_min is None or step.years_max is None:
        return rules.unknown_step_text()
    return format_year_range(step.years_min, step.years_max)


def _core_step(ladder: Ladder, low: str, high: str) -> Step | None:
    for step in ladder.steps_from(low):
        if step.to_slug == high:
            return step
    return None


@dataclass(frozen=True)
class FeasibilityView:
    verdict: str
    label: str
    available_text: str
    typical_text: str
    sentence: str
    meaning: str
    tag_class: str
    confidence_note: str
    assumed_note: str = ""


def feasibility_view(
    *,
    verdict: str,
    available_days: int,
    years_min: float,
    years_max: float,
    assumed_steps: int = 0,
) -> FeasibilityView:
    """Explains a verdict: the time given against the typical range, and what it means."""
    feasibility = Feasibility(verdict)
    available = rules.format_days(available_days)
    typical = format_year_range(years_min, years_max)
    tag_class = {
        Feasibility.COMFORTABLE: "tag-ok",
        Feasibility.REALISTIC: "tag-ok",
        Feasibility.AMBITIOUS: "tag-warn",
        Feasibility.VERY_AMBITIOUS: "tag-warn",
    }[feasibility]
    return FeasibilityView(
        verdict=feasibility.value,
        label=str(rules.VERDICT_LABELS[feasibility]),
        available_text=available,
        typical_text=typical,
        sentence=rules.feasibility_sentence(
            verdict=feasibility, available=available, typical=typical
        ),
        meaning=str(rules.VERDICT_MEANINGS[feasibility]),
        tag_class=tag_class,
        confidence_note=str(rules.CONFIDENCE_NOTE),
        assumed_note=rules.assumed_steps_note(assumed_steps),
    )


def goal_feasibility(goal: Goal) -> FeasibilityView | None:
    """The stored verdict of the goal's current plan, explained; None before any plan."""
    if (
        not goal.feasibility
        or goal.planned_on is None
        or goal.typical_years_min is None
        or goal.typical_years_max is None
    ):
        return None
    return feasibility_view(
        verdict=goal.feasibility,
        available_days=(goal.target_date - goal.planned_on).days,
        years_min=goal.typical_years_min,
        years_max=goal.typical_years_max,
        assumed_steps=goal.assumed_steps,
    )


# The live preview on the goal form -----------------------------------------------------


@dataclass(frozen=True)
class PathPreview:
    start_title: str = ""
    target_slug: str = ""
    target_title: str = ""
    steps: tuple[PathStepView, ...] = ()
    typical_text: str = ""
    feasibility: FeasibilityView | None = None
    milestones: tuple[PlannedMilestone, ...] = ()
    error: str = ""
    suggestions: tuple[tuple[str, str], ...] = ()
    date_note: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.target_slug and not self.error

    @property
    def first_milestones(self) -> tuple[PlannedMilestone, ...]:
        return self.milestones[:3]


def path_preview(
    data: LadderData,
    *,
    start: str | None,
    target: str,
    target_date: datetime.date | None,
    today: datetime.date,
    preferred_tracks: Iterable[str] = (),
) -> PathPreview:
    """What a goal from `start` to `target` by `target_date` would look like, or why not."""
    if not target:
        return PathPreview()
    try:
        path = goal_path(data, start=start, target=target, preferred_tracks=preferred_tracks)
    except GoalUnreachableError as exc:
        return PathPreview(
            target_slug=target,
            target_title=data.title(target),
            error=exc.message,
            suggestions=exc.suggestions,
        )
    except GoalError as exc:
        return PathPreview(error=exc.message)
    steps = tuple(path_steps(data, path.roles, fresher=path.start is None))
    hiring = HIRING_STAGE_YEARS if path.start is None else 0.0
    base = PathPreview(
        start_title=data.title(start) if start else _("New to BPO"),
        target_slug=target,
        target_title=data.title(target),
        steps=steps,
        typical_text=format_year_range(path.years_min + hiring, path.years_max + hiring),
    )
    if target_date is None:
        return _replace(
            base,
            date_note=_(
                "Pick a target date to see the milestones and whether the date is realistic."
            ),
        )
    try:
        plan = goal_plan(data, path, today=today, target_date=target_date)
    except GoalDateError as exc:
        return _replace(base, date_note=exc.message)
    feasibility = feasibility_view(
        verdict=plan.feasibility.value,
        available_days=(target_date - today).days,
        years_min=plan.typical_years_min,
        years_max=plan.typical_years_max,
        assumed_steps=plan.assumed_steps,
    )
    return _replace(base, feasibility=feasibility, milestones=plan.milestones)


def _replace(preview: PathPreview, **changes: object) -> PathPreview:
    return replace(preview, **changes)  # type: ignore[arg-type]


# Goals ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_of(milestones: Iterable[Milestone]) -> Progress:
    items = list(milestones)
    return Progress(done=sum(1 for m in items if m.is_done), total=len(items))


def next_milestone(milestones: Iterable[Milestone]) -> Milestone | None:
    """The first milestone not done, by order."""
    pending = [m for m in milestones if not m.is_done]
    return min(pending, key=lambda m: (m.order, m.pk or 0)) if pending else None


def goal_queryset() -> QuerySet[Goal]:
    """Goals with their roles and milestones, ready for a detail page or the API."""
    return Goal.objects.select_related("target_role", "start_role").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("order", "id"))
    )


def goals_with_progress(user: User) -> QuerySet[Goal]:
    """The user's goals with `milestones_total` and `milestones_done` counted by the database."""
    return (
        Goal.objects.filter(user=user)
        .select_related("target_role", "start_role")
        .annotate(
            milestones_total=Count("milestones"),
            milestones_done=Count("milestones", filter=Q(milestones__done_at__isnull=False)),
        )
        .order_by("target_date", "id")
    )


def goal_rows(user: User) -> list[tuple[Goal, Progress]]:
    """The user's goals (soonest first), each with its progress, in one query."""
    return [
        (
            goal,
            Progress(
                done=getattr(goal, "milestones_done", 0), total=getattr(goal, "milestones_total", 0)
            ),
        )
        for goal in goals_with_progress(user)
    ]


def path_titles(goal: Goal, titles: dict[str, str]) -> list[str]:
    names = [titles.get(slug, slug) for slug in goal.path_role_slugs]
    if goal.start_role_id is None:
        names.insert(0, _("New to BPO"))
    return names


def role_titles(slugs: Iterable[str]) -> dict[str, str]:
    wanted = set(slugs)
    if not wanted:
        return {}
    return dict(Role.objects.filter(slug__in=wanted).values_list("slug", "title"))


@dataclass
class MilestoneGroup:
    label: str
    milestones: list[Milestone]
    is_custom: bool = False

    @property
    def done(self) -> int:
        return sum(1 for m in self.milestones if m.is_done)

    @property
    def key(self) -> str:
        """A stable id for the page: "custom", or the pk of the group's first milestone."""
        if self.is_custom or not self.milestones:
            return "custom"
        return str(self.milestones[0].pk)


def group_of(milestone: Milestone, groups: Iterable[MilestoneGroup]) -> MilestoneGroup | None:
    return next((group for group in groups if milestone in group.milestones), None)


def milestone_groups(milestones: Iterable[Milestone]) -> list[MilestoneGroup]:
    """Planned milestones grouped by their step (in plan order), then the user's own."""
    groups: dict[str, MilestoneGroup] = {}
    custom = MilestoneGroup(label=_("Your own milestones"), milestones=[], is_custom=True)
    for milestone in milestones:
        if milestone.is_custom:
            custom.milestones.append(milestone)
            continue
        label = milestone.step_label or _("Other milestones")
        groups.setdefault(label, MilestoneGroup(label=label, milestones=[]))
        groups[label].milestones.append(milestone)
    return [*groups.values(), custom]


@dataclass
class GoalPage:
    goal: Goal
    progress: Progress
    groups: list[MilestoneGroup]
    steps: list[PathStepView]
    feasibility: FeasibilityView | None
    days_left: int
    next_milestone: Milestone | None
    start_title: str
    today: datetime.date
    ladder_changed: bool = False

    @property
    def days_ago(self) -> int:
        """Days since the target date, once it has passed."""
        return max(0, -self.days_left)


def goal_page(goal: Goal, *, today: datetime.date) -> GoalPage:
    """Everything the goal detail page shows; `goal` should come from goal_queryset()."""
    milestones = list(goal.milestones.all())
    data = ladder_data()
    steps = path_steps(data, goal.path_role_slugs, fresher=goal.start_role_id is None)
    return GoalPage(
        goal=goal,
        progress=progress_of(milestones),
        groups=milestone_groups(milestones),
        steps=steps,
        feasibility=goal_feasibility(goal),
        days_left=(goal.target_date - today).days,
        next_milestone=next_milestone(milestones),
        start_title=goal.start_role.title if goal.start_role else _("New to BPO (fresher)"),
        ladder_changed=any(step.missing for step in steps),
        today=today,
    )


@dataclass
class GoalSummary:
    goal: Goal
    progress: Progress
    path: list[str]
    next_milestone: Milestone | None
    next_overdue: bool
    days_left: int


@dataclass
class Dashboard:
    active: list[GoalSummary]
    other_goals: int
    recent: list[Milestone]
    profile_completeness: int | None


def dashboard(user: User, *, today: datetime.date) -> Dashboard:
    """The user's active goals with progress and next step, and their latest ticks.

    Every goal is loaded once with its milestones (users have a handful), so the count of
    other goals and the latest ticks come from memory rather than further queries.
    """
    goals = list(goal_queryset().filter(user=user).order_by("target_date", "id"))
    active = [goal for goal in goals if goal.status == Goal.Status.ACTIVE]
    titles = role_titles(slug for goal in active for slug in goal.path_role_slugs)
    summaries = []
    for goal in active:
        milestones = list(goal.milestones.all())
        upcoming = next_milestone(milestones)
        summaries.append(
            GoalSummary(
                goal=goal,
                progress=progress_of(milestones),
                path=path_titles(goal, titles),
                next_milestone=upcoming,
                next_overdue=upcoming is not None and upcoming.is_overdue(today),
                days_left=(goal.target_date - today).days,
            )
        )
    ticked = [m for goal in goals for m in goal.milestones.all() if m.done_at is not None]
    ticked.sort(key=lambda m: (m.done_at, m.id), reverse=True)
    profile = (
        CandidateProfile.objects.filter(user=user)
        .annotate(has_languages=Exists(LanguageSkill.objects.filter(profile=OuterRef("pk"))))
        .first()
    )
    return Dashboard(
        active=summaries,
        other_goals=len(goals) - len(active),
        recent=ticked[:5],
        profile_completeness=profile.completeness if profile is not None else None,
    )
