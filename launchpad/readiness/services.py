"""Every write of readiness: publishing the index, answers, the guided check and the plan."""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from launchpad.accounts.models import CandidateProfile, User
from launchpad.accounts.services import LanguageEntry, profile_update
from launchpad.careers.models import Certification, Guide, Role
from launchpad.core.knockouts import Outcome
from launchpad.core.readiness import parse_index_spec
from launchpad.core.weekly_plan import (
    CertificationOption,
    Gap,
    KnockoutAction,
    LearningItem,
    StepKind,
    build_plan,
    week_start,
)
from launchpad.goals.models import Goal
from launchpad.readiness.exceptions import ReadinessInputError
from launchpad.readiness.models import (
    DocumentKind,
    IndexComponent,
    IndexVersion,
    KnockoutAnswers,
    PlanItem,
    ReadinessCheck,
)
from launchpad.readiness.selectors import Report
from launchpad.skills import services as skills_services
from launchpad.skills.models import QuizAttempt, TypingAttempt

MAX_NOTICE_DAYS = 365
CHECK_STEPS = ("profile", "typing", "english", "judgment", "computer")
QUIZ_STEP_TESTS = {"english": "english", "judgment": "sjt", "computer": "computer"}
MINI_TYPING_SECONDS = 60


# ---- The index content ------------------------------------------------------------------


def _spec_from_rows(label: str, summaries: Mapping[str, str]) -> dict[str, Any]:
    tracks: dict[str, list[dict[str, Any]]] = {}
    rows = IndexComponent.objects.select_related("track").order_by("track__order", "order", "key")
    for row in rows:
        tracks.setdefault(row.track.slug, []).append(
            {
                "key": row.key, "label": row.label, "measure": row.measure,
                "weight": row.weight, "floor": row.floor, "threshold": row.threshold,
                "target": row.target, "self_rated": row.self_rated or None, "why": row.why,
                "next_step": row.next_step, "note": row.note, "sources": row.sources,
            }
        )  # fmt: skip
    return {
        "version": label,
        "tracks": [
            {"track": slug, "summary": summaries.get(slug, ""), "components": components}
            for slug, components in tracks.items()
        ],
    }


def publish_index(
    *, by: str, label: str | None = None, summaries: Mapping[str, str] | None = None
) -> IndexVersion | None:
    """Publishes the current components as a new index version when they changed.

    `label` and the track summaries default to the latest version's. Returns the new
    version, or None when nothing changed. Raises ReadinessSpecError (publishing nothing)
    when the components do not make a valid index.
    """
    latest = IndexVersion.objects.order_by("-id").first()
    if label is None:
        label = latest.label if latest else "readiness"
    if summaries is None:
        summaries = {
            t["track"]: t.get("summary", "") for t in (latest.spec["tracks"] if latest else [])
        }
    spec = _spec_from_rows(label, summaries)
    if not spec["tracks"]:
        return None
    parse_index_spec(spec)
    if latest is not None and latest.spec == spec:
        return None
    return IndexVersion.objects.create(label=label, spec=spec, published_by=by[:200])


# ---- Knockout answers -------------------------------------------------------------------


def answers_update(
    *,
    user: User,
    documents: Mapping[str, bool | None],
    notice_days: int | None,
    on_site: bool | None,
    adult: bool | None,
) -> KnockoutAnswers:
    """Stores the candidate's knockout answers; None leaves a question unanswered.

    Raises ReadinessInputError (changing nothing) for an unknown document or a notice
    period outside 0–365 days.
    """
    known = set(DocumentKind.objects.values_list("key", flat=True))
    unknown = sorted(set(documents) - known)
    if unknown:
        raise ReadinessInputError(_("Unknown documents: %(keys)s.") % {"keys": ", ".join(unknown)})
    if notice_days is not None and not 0 <= notice_days <= MAX_NOTICE_DAYS:
        raise ReadinessInputError(_("Give a notice period between 0 and 365 days."))
    with transaction.atomic():
        row, _created = KnockoutAnswers.objects.select_for_update().get_or_create(user=user)
        row.documents = {key: held for key, held in documents.items() if held is not None}
        row.notice_days = notice_days
        row.on_site = on_site
        row.adult = adult
        row.save()
    return row


# ---- The guided check -------------------------------------------------------------------


def check_start(*, user: User, now: datetime.datetime) -> ReadinessCheck:
    """The candidate's check in progress, or a new one."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        current = ReadinessCheck.objects.filter(user=user, completed_at__isnull=True).first()
        if current is not None:
            return current
        return ReadinessCheck.objects.create(user=user, started_at=now)


def step_state(check: ReadinessCheck) -> dict[str, str]:
    """Each step's state: done, started (an attempt waits to be submitted) or todo."""
    states = {"profile": "done" if check.profile_done_at else "todo"}
    for step in CHECK_STEPS[1:]:
        attempt = getattr(check, step)
        states[step] = "todo" if attempt is None else "done" if attempt.is_scored else "started"
    return states


def next_step(check: ReadinessCheck) -> str | None:
    states = step_state(check)
    return next((step for step in CHECK_STEPS if states[step] != "done"), None)


def check_profile_save(
    *,
    check: ReadinessCheck,
    fields: Mapping[str, Any],
    languages: Sequence[LanguageEntry],
    documents: Mapping[str, bool | None],
    notice_days: int | None,
    on_site: bool | None,
    adult: bool | None,
    now: datetime.datetime,
) -> ReadinessCheck:
    """Saves the check's short profile and knockout answers together, or nothing.

    Raises ProfileInvalid or ReadinessInputError; either way nothing changes.
    """
    with transaction.atomic():
        profile_update(user=check.user, fields=fields, languages=languages)
        answers_update(
            user=check.user, documents=documents, notice_days=notice_days, on_site=on_site,
            adult=adult,
        )  # fmt: skip
        if check.profile_done_at is None:
            check.profile_done_at = now
            check.save(update_fields=["profile_done_at"])
    return check


def check_step_start(
    *, check: ReadinessCheck, step: str, rng: random.Random, now: datetime.datetime
) -> TypingAttempt | QuizAttempt:
    """The mini test of `step`: the one already handed out and not yet submitted, or a new one.

    Raises ReadinessInputError for an unknown step or when the profile is not done yet; the
    skills lab's errors (no passages or items loaded) pass through.
    """
    if step not in CHECK_STEPS[1:]:
        raise ReadinessInputError(_("There is no such step in the readiness check."))
    if check.profile_done_at is None:
        raise ReadinessInputError(_("Start with the short profile."))
    with transaction.atomic():
        locked = ReadinessCheck.objects.select_for_update().get(pk=check.pk)
        current: TypingAttempt | QuizAttempt | None = getattr(locked, step)
        if current is not None and not current.is_scored:
            return current
        attempt: TypingAttempt | QuizAttempt
        if step == "typing":
            attempt = skills_services.typing_attempt_start(
                user=locked.user, mode=TypingAttempt.Mode.TIMED,
                duration_s=MINI_TYPING_SECONDS, rng=rng, now=now,
            )  # fmt: skip
        else:
            attempt = skills_services.quiz_start(
                user=locked.user, test=QUIZ_STEP_TESTS[step], mini=True, rng=rng, now=now
            )
        setattr(locked, step, attempt)
        locked.save(update_fields=[step])
    return attempt


def check_finish_if_done(*, check: ReadinessCheck, now: datetime.datetime) -> ReadinessCheck:
    """Marks the check complete once every step is done (idempotent)."""
    if check.completed_at is None and next_step(check) is None:
        check.completed_at = now
        check.save(update_fields=["completed_at"])
    return check


# ---- The weekly plan --------------------------------------------------------------------

STEP_TITLES = {
    StepKind.DRILL: gettext_lazy("Practise: %(title)s"),
    StepKind.KNOCKOUT: gettext_lazy("Before you apply: %(title)s"),
    StepKind.CERTIFICATION: gettext_lazy("Work toward %(title)s"),
    StepKind.INTERVIEW: gettext_lazy("Practise interview answers"),
    StepKind.APPLY: gettext_lazy("Apply to %(count)s %(title)s openings"),
    StepKind.LEARN: gettext_lazy("Read: %(title)s"),
}
# Guides from the explorer worth reading while preparing, in the order the plan offers them.
READING_GUIDES = ("hiring-process", "kpis-explained", "shifts-and-well-being")


def active_goal(user: User) -> Goal | None:
    """The candidate's active goal that comes due first (the one the plan works toward)."""
    return (
        Goal.objects.filter(user=user, status=Goal.Status.ACTIVE)
        .select_related("target_role")
        .order_by("target_date")
        .first()
    )


def plan_track(user: User, report: Report) -> str | None:
    """The track the plan prepares for: the active goal's, else the best-placed kind of work
    the profile asks for, else the best fit."""
    return _track_for(user, report, active_goal(user))


def _track_for(user: User, report: Report, goal: Goal | None) -> str | None:
    slugs = [t.track.slug for t in report.tracks]
    if goal is not None:
        for slug in goal.target_role.tracks.values_list("slug", flat=True):
            if slug in slugs:
                return str(slug)
    # Report tracks come best first, so the first one the candidate wants is their best.
    profile = CandidateProfile.objects.filter(user=user).first()
    wanted = set(profile.work_types) if profile else set()
    for slug in slugs:
        if slug in wanted:
            return slug
    if report.best_fit:
        return report.best_fit[0].track.slug
    return slugs[0] if slugs else None


def _certifications(goal: Goal | None, track: str) -> list[CertificationOption]:
    query = Certification.objects.none()
    if goal is not None and goal.path_role_slugs:
        query = Certification.objects.filter(
            ladder_steps__to_role__slug__in=goal.path_role_slugs[1:]
        )
    if not query.exists():
        roles = Role.objects.filter(tracks__slug=track, level=Role.Level.ENTRY)
        query = Certification.objects.filter(roles__in=roles)
    rows = query.distinct().order_by("level", "name")[:1]
    return [CertificationOption(c.slug, c.name, _certification_detail(c)) for c in rows]


def _certification_detail(certification: Certification) -> str:
    """Effort and cost in one line, as the certification roadmap gives them."""
    parts = [certification.issuer]
    if certification.effort:
        parts.append(certification.effort)
    if certification.cost_min is not None and certification.cost_currency:
        high = certification.cost_max if certification.cost_max is not None else None
        cost = f"{certification.cost_currency} {certification.cost_min:,.0f}"
        if high is not None and high != certification.cost_min:
            cost += f"–{high:,.0f}"
        parts.append(_("cost %(cost)s") % {"cost": cost})
    return " · ".join(p for p in parts if p)


def _reading(track: Any) -> list[LearningItem]:
    """The track's own page first, then the explorer guides that exist."""
    items = [LearningItem(f"track-{track.slug}", str(track.name), track.summary)]
    guides = {g.slug: g for g in Guide.objects.filter(slug__in=READING_GUIDES)}
    items.extend(
        LearningItem(slug, guides[slug].title, "") for slug in READING_GUIDES if slug in guides
    )
    return items


def plan_refresh(*, user: User, report: Report, today: datetime.date) -> list[PlanItem]:
    """Draws the plan again from the current gaps and stores the changes.

    Ticked-off, dropped and postponed steps keep their state and week; open steps of this
    week and later are moved or retitled to match; open steps from this week on that the new
    plan no longer has (a gap that closed) are removed. Steps of past weeks stay as they
    are. Returns the plan's items, in week order.
    """
    goal = active_goal(user)
    track = _track_for(user, report, goal)
    if track is None:
        return []
    chosen = report.track(track)
    assert chosen is not None
    gaps = [Gap(c.spec.measure, c.spec.label, c.spec.next_step, c.score) for c in chosen.index.gaps]
    actions = [
        KnockoutAction(k.knockout.key, k.knockout.label, k.knockout.fix)
        for k in chosen.knockouts
        if k.outcome is Outcome.FAIL
    ]
    unknown = [k.knockout.label for k in chosen.knockouts if k.outcome is Outcome.UNKNOWN]
    if unknown:
        # One step for every open question: they are all answered on the same page.
        actions.append(
            KnockoutAction(
                "unanswered",
                ngettext(
                    "Answer %(count)d open question in your readiness profile",
                    "Answer %(count)d open questions in your readiness profile",
                    len(unknown),
                )
                % {"count": len(unknown)},
                "; ".join(unknown),
            )
        )
    plan = build_plan(
        today=today,
        target=goal.target_date if goal else None,
        track=track,
        track_label=chosen.track.name,
        gaps=gaps,
        knockouts=actions,
        certifications=_certifications(goal, track),
        reading=_reading(chosen.track),
    )
    this_week = week_start(today)
    wanted: dict[str, dict[str, Any]] = {}
    for week in plan.weeks:
        for step in week.steps:
            title = str(STEP_TITLES[step.kind]) % {"title": step.title, "count": step.detail}
            wanted[step.key] = {
                "week_start": week.starts, "kind": str(step.kind), "title": title[:200],
                "detail": "" if step.kind is StepKind.APPLY else step.detail,
                "ref": step.ref, "track": track,
            }  # fmt: skip
    # Most views change nothing: find out from a plain read, so that showing the plan takes
    # no write lock (on SQLite one writer at a time) unless the plan really changed.
    items = list(PlanItem.objects.filter(user=user).order_by("week_start", "id"))
    if not any(_plan_changes(items, wanted, this_week)):
        return items
    with transaction.atomic():
        # Two refreshes at once (the dashboard and the API, two tabs) would both find a new
        # step missing and both insert it; the user's row serialises them.
        User.objects.select_for_update().filter(pk=user.pk).first()
        locked = list(PlanItem.objects.select_for_update().filter(user=user))
        creates, updates, stale = _plan_changes(locked, wanted, this_week)
        PlanItem.objects.bulk_create(PlanItem(user=user, key=key, **wanted[key]) for key in creates)
        for item, changed in updates:
            for name in changed:
                setattr(item, name, wanted[item.key][name])
            item.save(update_fields=[*changed, "updated_at"])
        PlanItem.objects.filter(pk__in=stale).delete()
    return list(PlanItem.objects.filter(user=user).order_by("week_start", "id"))


def _plan_changes(
    items: Sequence[PlanItem], wanted: Mapping[str, Mapping[str, Any]], this_week: datetime.date
) -> tuple[list[str], list[tuple[PlanItem, list[str]]], list[int]]:
    """What turns the stored `items` into the plan `wanted`: keys to create, (item, fields)
    to update, ids to delete; all empty when the stored plan is already it.

    Ticked-off, dropped and postponed steps are never touched; open steps of past weeks
    are left as they were.
    """
    existing = {item.key: item for item in items}
    creates = [key for key in wanted if key not in existing]
    updates = []
    for key, fields in wanted.items():
        item = existing.get(key)
        if item is not None and item.status == PlanItem.Status.OPEN and item.postponed_from is None:
            changed = [name for name, value in fields.items() if getattr(item, name) != value]
            if changed:
                updates.append((item, changed))
    stale = [
        item.pk
        for key, item in existing.items()
        if key not in wanted
        and item.status == PlanItem.Status.OPEN
        and item.postponed_from is None
        and item.week_start >= this_week
    ]
    return creates, updates, stale


PLAN_ACTIONS = ("done", "undo", "drop", "postpone")


def plan_item_act(*, item: PlanItem, action: str, today: datetime.date) -> PlanItem:
    """Ticks off, reopens, drops or postpones (to the following week) one plan step.

    Raises ReadinessInputError for an unknown action or postponing a step that is not open.
    """
    if action not in PLAN_ACTIONS:
        raise ReadinessInputError(_("That is not something you can do with a plan step."))
    with transaction.atomic():
        locked = PlanItem.objects.select_for_update().get(pk=item.pk)
        if action == "done":
            locked.status = PlanItem.Status.DONE
        elif action == "undo":
            locked.status = PlanItem.Status.OPEN
        elif action == "drop":
            locked.status = PlanItem.Status.DROPPED
        else:
            if locked.status != PlanItem.Status.OPEN:
                raise ReadinessInputError(_("Only a step still to do can be postponed."))
            if locked.postponed_from is None:
                locked.postponed_from = locked.week_start
            locked.week_start = max(locked.week_start, week_start(today)) + datetime.timedelta(
                weeks=1
            )
        locked.save()
    return locked
