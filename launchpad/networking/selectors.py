"""Reads for networking: contacts, events and follow-ups, the dashboard's reminders and the
calendar items of the feed. Every query is scoped to one user."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.applications.models import Application, Stage
from launchpad.core.ical import CalendarItem
from launchpad.networking.models import Contact, Event, FollowUp

UID_DOMAIN = "bpo-launchpad"
# The dashboard warns this far ahead: follow-ups and next actions a week, interviews and
# events two weeks (there is travel and preparation to plan).
FOLLOW_UP_DAYS = 7
UPCOMING_DAYS = 14
# The feed keeps this much of the past, so a subscribed calendar keeps recent history.
FEED_PAST_DAYS = 90
# An interview has no end in the tracker; the calendar blocks an hour for it. An event with
# no end counts as going on for that long too.
INTERVIEW_LENGTH = datetime.timedelta(hours=1)
OPEN_END = datetime.timedelta(hours=1)
# Applications that are over: their next actions and interviews no longer remind anyone.
CLOSED_STAGES = (Stage.REJECTED, Stage.WITHDRAWN)


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight starting `day` in the current time zone (the user's, in a request)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# Contacts ------------------------------------------------------------------------------------


def contacts(user: User, *, query: str = "", kind: str = "") -> QuerySet[Contact]:
    """The user's contacts by name; `query` matches every word in the name, company, job
    title, e-mail, how they met or the notes; `kind` keeps one kind."""
    found = Contact.objects.filter(user=user)
    if kind:
        found = found.filter(kind=kind)
    for word in query.split()[:8]:
        found = found.filter(
            Q(name__icontains=word) | Q(company__icontains=word) | Q(job_title__icontains=word)
            | Q(email__icontains=word) | Q(how_we_met__icontains=word)
            | Q(notes__icontains=word)
        )  # fmt: skip
    return found.order_by("name", "id")


def recent_contacts(user: User, limit: int = 5) -> list[Contact]:
    return list(Contact.objects.filter(user=user).order_by("-updated_at", "-id")[:limit])


# Events --------------------------------------------------------------------------------------


def upcoming_events(user: User, *, now: datetime.datetime, limit: int | None = None) -> list[Event]:
    """Events not over yet (still running, or starting later), soonest first."""
    found = Event.objects.filter(user=user).filter(
        Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now - OPEN_END)
    )
    found = found.order_by("starts_at", "id")
    return list(found[:limit] if limit is not None else found)


def past_events(user: User, *, now: datetime.datetime, limit: int = 50) -> list[Event]:
    """Events that are over, the latest first."""
    found = Event.objects.filter(user=user).exclude(
        Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now - OPEN_END)
    )
    return list(found.order_by("-starts_at", "-id")[:limit])


# Follow-ups ----------------------------------------------------------------------------------


def follow_up_queryset() -> QuerySet[FollowUp]:
    return FollowUp.objects.select_related("contact", "event", "application")


@dataclass(frozen=True)
class FollowUps:
    """The user's open follow-ups by when they are due, and the latest done ones."""

    overdue: list[FollowUp]
    due: list[FollowUp]  # today and the next FOLLOW_UP_DAYS days
    later: list[FollowUp]
    done: list[FollowUp] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.due) + len(self.later)


def follow_ups(
    user: User, *, today: datetime.date, contact: Contact | None = None,
    event: Event | None = None, done_limit: int = 10,
) -> FollowUps:  # fmt: skip
    """The open follow-ups (optionally only those about one contact or event) split into
    overdue, due within a week and later, plus the `done_limit` most recently done."""
    found = follow_up_queryset().filter(user=user)
    if contact is not None:
        found = found.filter(contact=contact)
    if event is not None:
        found = found.filter(event=event)
    soon = today + datetime.timedelta(days=FOLLOW_UP_DAYS)
    open_ = list(found.filter(done_at__isnull=True).order_by("due_on", "id"))
    done = list(found.filter(done_at__isnull=False).order_by("-done_at", "-id")[:done_limit])
    return FollowUps(
        overdue=[f for f in open_ if f.due_on < today],
        due=[f for f in open_ if today <= f.due_on <= soon],
        later=[f for f in open_ if f.due_on > soon],
        done=done,
    )


# The dashboard's reminders -------------------------------------------------------------------


@dataclass(frozen=True)
class Reminders:
    """What needs the candidate soon: follow-ups overdue or due within a week, applications'
    next actions due within a week (or overdue), and interviews and events in the next two
    weeks."""

    overdue: list[FollowUp]
    due: list[FollowUp]
    next_actions: list[Application]
    interviews: list[Application]
    events: list[Event]

    @property
    def count(self) -> int:
        return (len(self.overdue) + len(self.due) + len(self.next_actions)
                + len(self.interviews) + len(self.events))  # fmt: skip


def reminders(user: User, today: datetime.date) -> Reminders:
    """The dashboard's reminders for `user` on `today` (their calendar day), in three
    queries: follow-ups, applications and events."""
    soon = today + datetime.timedelta(days=FOLLOW_UP_DAYS)
    start = _day_start(today)
    horizon = _day_start(today + datetime.timedelta(days=UPCOMING_DAYS + 1))
    open_ = list(
        follow_up_queryset()
        .filter(user=user, done_at__isnull=True, due_on__lte=soon)
        .order_by("due_on", "id")
    )
    applications = list(
        Application.objects.filter(user=user)
        .exclude(stage__in=CLOSED_STAGES)
        .filter(
            Q(next_action_due__lte=soon) & ~Q(next_action="")
            | Q(interview_at__gte=start, interview_at__lt=horizon)
        )
    )
    next_actions = sorted(
        (a for a in applications if a.next_action and a.next_action_due is not None
         and a.next_action_due <= soon),
        key=lambda a: (a.next_action_due, a.pk),
    )  # fmt: skip
    interviews = sorted(
        (a for a in applications if a.interview_at is not None
         and start <= a.interview_at < horizon),
        key=lambda a: (a.interview_at, a.pk),
    )  # fmt: skip
    events = list(
        Event.objects.filter(user=user, starts_at__lt=horizon)
        .filter(Q(starts_at__gte=start) | Q(ends_at__gte=start))
        .order_by("starts_at", "id")
    )
    return Reminders(
        overdue=[f for f in open_ if f.due_on < today],
        due=[f for f in open_ if f.due_on >= today],
        next_actions=next_actions,
        interviews=interviews,
        events=events,
    )


# The calendar --------------------------------------------------------------------------------


def application_path(application: Application) -> str:
    """The application's page in the tracker, or "" while the tracker's pages are not
    mounted."""
    try:
        return application.get_absolute_url()
    except NoReverseMatch:
        return ""


def _uid(kind: str, pk: int) -> str:
    return f"{kind}-{pk}@{UID_DOMAIN}"


def _lines(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


Link = Callable[[str], str]


def _no_link(path: str) -> str:
    return ""


def event_item(event: Event, *, now: datetime.datetime, link: Link = _no_link) -> CalendarItem:
    """An event as a calendar item (its own web page as the URL, else its page here)."""
    page = link(event.get_absolute_url())
    people = ", ".join(c.name for c in event.contacts.all())
    return CalendarItem(
        uid=_uid("event", event.pk),
        summary=event.title,
        start=event.starts_at,
        end=event.ends_at,
        description=_lines(
            event.notes,
            _("People: %(names)s") % {"names": people} if people else "",
            _("In BPO Launchpad: %(url)s") % {"url": page} if page else "",
        ),
        location=event.location,
        url=event.url or page,
        stamp=now,
        categories=(str(event.get_kind_display()),),
    )


def interview_item(
    application: Application, *, now: datetime.datetime, link: Link = _no_link
) -> CalendarItem:
    """An application's booked interview as an hour on the calendar."""
    assert application.interview_at is not None
    summary = _("Interview: %(application)s") % {"application": application}
    path = application_path(application)
    return CalendarItem(
        uid=_uid("interview", application.pk),
        summary=summary,
        start=application.interview_at,
        end=application.interview_at + INTERVIEW_LENGTH,
        description=_lines(
            _("Stage: %(stage)s") % {"stage": application.get_stage_display()},
            _("Next: %(action)s") % {"action": application.next_action}
            if application.next_action
            else "",
        ),
        url=link(path) if path else "",
        stamp=now,
        categories=(str(_("Interview")),),
    )


def follow_up_about(follow_up: FollowUp) -> str:
    """Who or what the follow-up is about, in words (empty when about nothing in particular)."""
    parts = []
    if follow_up.contact is not None:
        parts.append(follow_up.contact.name)
    if follow_up.event is not None:
        parts.append(follow_up.event.title)
    if follow_up.application is not None:
        parts.append(str(follow_up.application))
    return ", ".join(parts)


def follow_up_item(
    follow_up: FollowUp, *, now: datetime.datetime, link: Link = _no_link
) -> CalendarItem:
    """A follow-up as an all-day item on the day it is due."""
    about = follow_up_about(follow_up)
    if follow_up.contact is not None:
        path = follow_up.contact.get_absolute_url()
    elif follow_up.event is not None:
        path = follow_up.event.get_absolute_url()
    else:
        path = reverse("networking:home")
    page = link(path)
    return CalendarItem(
        uid=_uid("follow-up", follow_up.pk),
        summary=_("Follow up: %(title)s") % {"title": follow_up.title},
        start=follow_up.due_on,
        description=_lines(
            _("About: %(about)s") % {"about": about} if about else "", follow_up.notes
        ),
        url=page,
        stamp=now,
        categories=(str(_("Follow-up")),),
    )


def calendar_items(
    user: User, now: datetime.datetime, *, link: Link = _no_link
) -> list[CalendarItem]:
    """The user's calendar: events and booked interviews from FEED_PAST_DAYS ago on, and the
    open follow-ups (all day, on the day due), by start. `link` makes an absolute address of
    a page's path (for the items' URLs); without it the items carry no link here."""
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    events = (
        Event.objects.filter(user=user, starts_at__gte=since)
        .prefetch_related("contacts")
        .order_by("starts_at", "id")
    )
    interviews = (
        Application.objects.filter(user=user, interview_at__gte=since)
        .exclude(stage__in=CLOSED_STAGES)
        .order_by("interview_at", "id")
    )
    open_ = follow_up_queryset().filter(user=user, done_at__isnull=True).order_by("due_on", "id")
    items = [
        *(event_item(e, now=now, link=link) for e in events),
        *(interview_item(a, now=now, link=link) for a in interviews),
        *(follow_up_item(f, now=now, link=link) for f in open_),
    ]
    return sorted(items, key=_sort_key)


def _sort_key(item: CalendarItem) -> tuple[datetime.date, str]:
    start = item.start
    day = start.astimezone(datetime.UTC).date() if isinstance(start, datetime.datetime) else start
    return (day, item.uid)


# The account export ----------------------------------------------------------------------------


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_data(user: User) -> dict[str, list[dict[str, object]]]:
    """The user's networking rows, JSON-ready, for the account export (the feed's token is
    a key, not data, and is left out)."""
    return {
        "contacts": [
            {"id": c.pk, "name": c.name, "kind": c.kind, "company": c.company,
             "job_title": c.job_title, "email": c.email, "phone": c.phone,
             "profile_url": c.profile_url, "how_we_met": c.how_we_met, "notes": c.notes,
             "created_at": _iso(c.created_at), "updated_at": _iso(c.updated_at)}
            for c in Contact.objects.filter(user=user).order_by("id")
        ],
        "events": [
            {"id": e.pk, "title": e.title, "kind": e.kind, "starts_at": _iso(e.starts_at),
             "ends_at": _iso(e.ends_at), "location": e.location, "url": e.url,
             "notes": e.notes, "contacts": [c.pk for c in e.contacts.all()]}
            for e in Event.objects.filter(user=user).prefetch_related("contacts").order_by("id")
        ],
        "follow_ups": [
            {"title": f.title, "due_on": _iso(f.due_on), "notes": f.notes,
             "contact": f.contact_id, "event": f.event_id, "application": f.application_id,
             "done_at": _iso(f.done_at), "created_at": _iso(f.created_at)}
            for f in FollowUp.objects.filter(user=user).order_by("id")
        ],
    }  # fmt: skip
