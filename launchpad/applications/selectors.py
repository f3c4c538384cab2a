"""Reads for the application tracker: the board's columns, the list with filters and
sorting, the detail page, the funnel, the offer comparison and the CSV rows. Every query is
scoped to one user."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.accounts.models import CandidateProfile, User
from launchpad.applications import services
from launchpad.applications.models import Application, Channel, Offer, Stage, StageChange
from launchpad.core import offers as core_offers
from launchpad.core import stages as core
from launchpad.jobs.models import Posting
from launchpad.networking.models import Contact
from launchpad.resumes.models import CoverLetter, Resume


def applications_for(user: User) -> QuerySet[Application]:
    return Application.objects.filter(user=user)


def visible_postings(user: User) -> QuerySet[Posting]:
    """Postings the user may track: public ones and those they pasted (active only)."""
    return Posting.objects.filter(Q(owner__isnull=True) | Q(owner=user), is_active=True)


def country_of(user: User) -> str:
    """The candidate's country (IN, PH, ...) from the profile, "" when not given."""
    found = CandidateProfile.objects.filter(user=user).values_list("country", flat=True).first()
    return (found or "").upper()


def safe_url(name: str, *args: Any) -> str | None:
    """The URL of `name`, or None while the app it belongs to is not mounted."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def stage_label(stage: str) -> str:
    return services.stage_labels().get(stage, stage)


@dataclass(frozen=True)
class PracticeLink:
    label: str
    why: str
    url: str | None


def practice_link(stage: str) -> PracticeLink | None:
    practice = core.practice_for(stage)
    if practice is None:
        return None
    return PracticeLink(_(practice.label), _(practice.why), safe_url(practice.url_name))


# Board ---------------------------------------------------------------------------------------


def _with_closed_from(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotates `closed_from`: the stage of the last move's start (where a rejected or
    withdrawn card was closed)."""
    last = StageChange.objects.filter(application=OuterRef("pk")).order_by("-at", "-id")
    return queryset.annotate(closed_from=Subquery(last.values("from_stage")[:1]))


def move_options(stage: str, closed_from: str | None) -> list[tuple[str, str]]:
    """The moves the card may make, as (value, label) for its "Move to" list."""
    if stage in core.CLOSED:
        if not closed_from:
            return []
        return [(core.REOPEN, _("Reopen: back to %(stage)s") % {"stage": stage_label(closed_from)})]
    return [(target, stage_label(target)) for target in core.allowed_targets(stage)]


def other_options(stage: str, closed_from: str | None) -> list[tuple[str, str]]:
    """The stages a card may not move to now (listed too: choosing one explains why)."""
    allowed = {value for value, _label in move_options(stage, closed_from)}
    skip = {stage, closed_from} | allowed
    return [(other, stage_label(other)) for other in core.STAGES if other not in skip]


@dataclass
class Card:
    application: Application
    options: list[tuple[str, str]]
    overdue: bool

    @property
    def others(self) -> list[tuple[str, str]]:
        if self.application.stage == core.PRODUCTION:
            return []
        closed_from = getattr(self.application, "closed_from", None)
        return other_options(self.application.stage, closed_from)


@dataclass
class Column:
    stage: str
    label: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Board:
    columns: list[Column]
    closed: list[Column]

    @property
    def total(self) -> int:
        return sum(len(c.cards) for c in self.columns + self.closed)

    @property
    def closed_count(self) -> int:
        return sum(len(c.cards) for c in self.closed)


def board(user: User, *, today: datetime.date) -> Board:
    """A column per stage of the path, then the rejected and withdrawn ones."""
    columns = {stage: Column(stage, stage_label(stage)) for stage in core.STAGES}
    for application in _with_closed_from(applications_for(user)):
        closed_from = getattr(application, "closed_from", None)
        columns[application.stage].cards.append(
            Card(
                application,
                move_options(application.stage, closed_from),
                overdue=bool(application.next_action_due and application.next_action_due < today),
            )
        )
    return Board([columns[stage] for stage in core.PATH], [columns[stage] for stage in core.CLOSED])


def card(application: Application, *, today: datetime.date) -> Card:
    """One card as the board shows it."""
    closed_from = services.timeline_of(application).closed_from
    application.closed_from = closed_from  # type: ignore[attr-defined]
    overdue = bool(application.next_action_due and application.next_action_due < today)
    return Card(application, move_options(application.stage, closed_from), overdue)


# List ----------------------------------------------------------------------------------------

_STAGE_ORDER = Case(
    *(When(stage=stage, then=Value(index)) for index, stage in enumerate(core.STAGES)),
    output_field=IntegerField(),
)
SORTS = {
    "title": ("title",),
    "company": ("company", "title"),
    "stage": ("stage_order",),
    "changed": ("stage_changed_on",),
    "due": ("next_action_due",),
    "created": ("created_at",),
}
DEFAULT_SORT = "-changed"


def clean_sort(sort: str) -> str:
    return sort if sort.lstrip("-") in SORTS else DEFAULT_SORT


def application_list(
    user: User, *, stage: str = "", channel: str = "", q: str = "", sort: str = DEFAULT_SORT
) -> QuerySet[Application]:
    """The user's applications filtered by stage ("open" for every stage still under way),
    channel and words of the title or company, in `sort` order (a key of SORTS, "-" first
    for descending)."""
    queryset = applications_for(user).annotate(stage_order=_STAGE_ORDER)
    if stage == "open":
        queryset = queryset.exclude(stage__in=[*core.CLOSED, core.PRODUCTION])
    elif stage in Stage.values:
        queryset = queryset.filter(stage=stage)
    if channel in Channel.values:
        queryset = queryset.filter(channel=channel)
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(company__icontains=q))
    sort = clean_sort(sort)
    descending = sort.startswith("-")
    fields = SORTS[sort.lstrip("-")]
    # Cards without the value (no due date) go last either way, on every database.
    order = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in fields
    ]
    return queryset.order_by(*order, "-id").select_related("offer")


# Detail --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool


@dataclass(frozen=True)
class Checklist:
    stage: str
    label: str
    current: bool
    items: tuple[ChecklistItem, ...]

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.done)


def checklists(application: Application, timeline: core.Timeline, country: str) -> list[Checklist]:
    """The documents checklist of the current stage and every stage passed, latest first."""
    ticked = application.documents or {}
    found = []
    for stage in reversed(timeline.visited):
        docs = core.documents_for(stage, country)
        if not docs:
            continue
        done = ticked.get(stage, {})
        found.append(
            Checklist(
                stage, stage_label(stage), stage == timeline.current or (
                    stage == timeline.closed_from
                ),
                tuple(ChecklistItem(d.key, _(d.label), bool(done.get(d.key))) for d in docs),
            )
        )  # fmt: skip
    return found


@dataclass(frozen=True)
class HistoryRow:
    from_label: str
    to_label: str
    to_stage: str
    on: datetime.date
    note: str


def history(application: Application) -> list[HistoryRow]:
    return [
        HistoryRow(
            stage_label(change.from_stage) if change.from_stage else "",
            stage_label(change.to_stage), change.to_stage, change.on, change.note,
        )
        for change in application.stage_changes.all()
    ]  # fmt: skip


def offer_figures(application: Application) -> core_offers.OfferFigures | None:
    offer = Offer.objects.filter(application=application).first()
    if offer is None:
        return None
    return core_offers.figures(services.offer_terms(offer, country=country_of(application.user)))


def has_reached_offer(timeline: core.Timeline) -> bool:
    return core.PATH.index(timeline.furthest) >= core.PATH.index(core.OFFER)


def own_resumes(user: User) -> QuerySet[Resume]:
    return Resume.objects.filter(user=user)


def own_cover_letters(user: User) -> QuerySet[CoverLetter]:
    return CoverLetter.objects.filter(user=user)


def own_contacts(user: User) -> QuerySet[Contact]:
    return Contact.objects.filter(user=user)


# Funnel --------------------------------------------------------------------------------------


def histories(user: User) -> list[list[str]]:
    """Each application's stages in order (a card without a history: its stage)."""
    by_application: dict[int, list[str]] = {
        pk: [] for pk in applications_for(user).values_list("pk", flat=True)
    }
    changes = StageChange.objects.filter(application__user=user).order_by(
        "application_id", "at", "id"
    )
    for application_id, to_stage in changes.values_list("application_id", "to_stage"):
        by_application[application_id].append(to_stage)
    stages = dict(applications_for(user).values_list("pk", "stage"))
    return [found or [stages[pk]] for pk, found in by_application.items()]


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    label: str
    reached: int
    active: int
    rejected: int
    withdrawn: int
    went_on: int
    percent: int  # of all applications that reached it
    practice: PracticeLink | None


@dataclass(frozen=True)
class FunnelPage:
    funnel: core.Funnel
    rows: list[FunnelRow]
    drop_label: str
    drop_percent: int
    drop_practice: PracticeLink | None


def funnel(user: User) -> FunnelPage:
    result = core.funnel(histories(user))
    rows = [
        FunnelRow(
            row.stage, stage_label(row.stage), row.reached, row.active, row.rejected,
            row.withdrawn, row.went_on,
            round(100 * row.reached / result.total) if result.total else 0,
            practice_link(row.stage),
        )
        for row in result.stages
    ]  # fmt: skip
    drop = result.biggest_drop
    return FunnelPage(
        result, rows,
        stage_label(drop.stage) if drop else "",
        round(100 * drop.share) if drop else 0,
        practice_link(drop.stage) if drop else None,
    )  # fmt: skip


# Offers --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferComparison:
    comparison: core_offers.Comparison
    applications: dict[str, Application]
    problems: list[str]


def offer_comparison(user: User) -> OfferComparison:
    """The user's offers side by side, grouped by currency; an offer whose terms no longer
    compute is left out and named in `problems`."""
    country = country_of(user)
    offers = Offer.objects.filter(application__user=user).select_related("application")
    terms, applications, problems = [], {}, []
    for offer in offers.order_by("application__created_at", "application_id"):
        item = services.offer_terms(offer, country=country)
        try:
            core_offers.figures(item)
        except core_offers.OfferError:
            problems.append(str(offer.application))
            continue
        terms.append(item)
        applications[item.key] = offer.application
    return OfferComparison(core_offers.compare(terms), applications, problems)


# CSV -----------------------------------------------------------------------------------------

CSV_HEADER = (
    "Title", "Company", "Stage", "Stage since", "Applied on", "Channel", "Assessments",
    "Next action", "Next action due", "Interview", "Resume", "Cover letter", "Contacts",
    "Offer currency", "Offer base a month", "Notes", "Added on",
)  # fmt: skip


def csv_rows(user: User) -> Iterator[list[str]]:
    """The header, then one row per application (plain text; the export escapes it)."""
    yield [_(name) for name in CSV_HEADER]
    applications = (
        applications_for(user)
        .select_related("resume", "cover_letter", "offer")
        .prefetch_related("contacts", "stage_changes")
        .order_by("created_at", "id")
    )
    channels = dict(Channel.choices)
    kinds = core.ASSESSMENT_KINDS
    for application in applications:
        applied = next(
            (c.on for c in application.stage_changes.all() if c.to_stage == Stage.APPLIED), None
        )
        offer = getattr(application, "offer", None)
        interview = (
            timezone.localtime(application.interview_at).strftime("%Y-%m-%d %H:%M")
            if application.interview_at else ""
        )  # fmt: skip
        yield [
            application.title,
            application.company,
            stage_label(application.stage),
            application.stage_changed_on.isoformat(),
            applied.isoformat() if applied else "",
            str(channels.get(application.channel, "")),
            "; ".join(_(kinds[k]) for k in application.assessments or [] if k in kinds),
            application.next_action,
            application.next_action_due.isoformat() if application.next_action_due else "",
            interview,
            application.resume.title if application.resume else "",
            application.cover_letter.title if application.cover_letter else "",
            "; ".join(contact.name for contact in application.contacts.all()),
            offer.currency if offer else "",
            str(offer.base_monthly) if offer else "",
            application.notes,
            timezone.localtime(application.created_at).date().isoformat(),
        ]
