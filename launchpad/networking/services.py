"""Writes for networking: contacts, events, follow-up reminders and the calendar feed's key.

Each write refuses bad input with NetworkingInputError and then changes nothing. Everything
belongs to one user: a follow-up or an event may point only at the same user's contacts,
events and applications.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.applications.models import Application
from launchpad.networking.exceptions import NetworkingInputError
from launchpad.networking.models import CalendarFeed, Contact, Event, FollowUp

CONTACT_FIELDS = (
    "name", "kind", "company", "job_title", "email", "phone", "profile_url", "how_we_met",
    "notes",
)  # fmt: skip
# The longest each text may be (the model's column sizes; notes are free text, kept sane).
MAX_LENGTHS = {
    "name": 120, "company": 200, "job_title": 120, "email": 254, "phone": 30,
    "profile_url": 300, "how_we_met": 200, "title": 200, "location": 200, "url": 300,
}  # fmt: skip
MAX_NOTES = 4000
_PHONE_CHARACTERS = frozenset("0123456789+-() ./")
_web_address = URLValidator(schemes=["http", "https"])


def _check_length(name: str, value: str, label: str) -> None:
    limit = MAX_NOTES if name == "notes" else MAX_LENGTHS[name]
    if len(value) > limit:
        raise NetworkingInputError(
            _("Keep %(field)s under %(n)s characters.") % {"field": label, "n": limit}
        )


def _check_web_address(value: str) -> None:
    """Only http and https links are kept (they are shown as links)."""
    if not value:
        return
    try:
        _web_address(value)
    except ValidationError as error:
        raise NetworkingInputError(
            _("Enter a web address starting with https:// or http://.")
        ) from error


# Contacts ------------------------------------------------------------------------------------


def contact_save(
    *, user: User, fields: Mapping[str, str], contact: Contact | None = None
) -> Contact:
    """Creates a contact for `user`, or updates `contact` (which must be theirs).

    The name is required; the kind must be one of Contact.Kind (empty means recruiter); an
    e-mail address, phone number and profile link are checked when given.
    """
    if contact is not None and contact.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own contacts."))
    values = {name: (fields.get(name) or "").strip() for name in CONTACT_FIELDS}
    labels = {
        "name": _("the name"), "company": _("the company"), "job_title": _("the job title"),
        "email": _("the e-mail address"), "phone": _("the phone number"),
        "profile_url": _("the profile link"), "how_we_met": _("how you met"),
        "notes": _("the notes"),
    }  # fmt: skip
    if not values["name"]:
        raise NetworkingInputError(_("Write the person's name."))
    values["kind"] = values["kind"] or Contact.Kind.RECRUITER
    if values["kind"] not in Contact.Kind.values:
        raise NetworkingInputError(_("Choose who they are from the list."))
    for name, label in labels.items():
        _check_length(name, values[name], str(label))
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError as error:
            raise NetworkingInputError(
                _("Enter an e-mail address such as name@example.com.")
            ) from error
    if values["phone"] and not set(values["phone"]) <= _PHONE_CHARACTERS:
        raise NetworkingInputError(
            _("Write the phone number with digits, spaces and + - ( ) only.")
        )
    _check_web_address(values["profile_url"])
    if contact is None:
        return Contact.objects.create(user=user, **values)
    for name, value in values.items():
        setattr(contact, name, value)
    contact.save()
    return contact


def contact_delete(*, contact: Contact) -> None:
    """Deletes the contact with the follow-ups about them; events and applications stay."""
    contact.delete()


# Events --------------------------------------------------------------------------------------


def _require_aware(value: datetime.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise NetworkingInputError(_("The time needs a time zone."))


def event_save(
    *, user: User, title: str, starts_at: datetime.datetime | None, kind: str = "",
    ends_at: datetime.datetime | None = None, location: str = "", url: str = "",
    notes: str = "", contacts: Iterable[Contact] = (), event: Event | None = None,
) -> Event:  # fmt: skip
    """Creates an event for `user`, or updates `event` (which must be theirs).

    It needs a title and a start; an end, when given, must come after the start. `contacts`
    (the people met there) must be the user's own.
    """
    if event is not None and event.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own events."))
    title, location, url, notes = title.strip(), location.strip(), url.strip(), notes.strip()
    kind = kind or Event.Kind.JOB_FAIR
    if not title:
        raise NetworkingInputError(_("Write what the event is called."))
    if kind not in Event.Kind.values:
        raise NetworkingInputError(_("Choose the kind of event from the list."))
    if starts_at is None:
        raise NetworkingInputError(_("Enter when the event starts."))
    _require_aware(starts_at)
    if ends_at is not None:
        _require_aware(ends_at)
        if ends_at <= starts_at:
            raise NetworkingInputError(_("The event must end after it starts."))
    for name, value, label in (
        ("title", title, _("the title")), ("location", location, _("the place")),
        ("url", url, _("the link")), ("notes", notes, _("the notes")),
    ):  # fmt: skip
        _check_length(name, value, str(label))
    _check_web_address(url)
    people = list(contacts)
    if any(person.user_id != user.pk for person in people):
        raise NetworkingInputError(_("Choose your own contacts."))
    values: dict[str, object] = {
        "title": title, "kind": kind, "starts_at": starts_at, "ends_at": ends_at,
        "location": location, "url": url, "notes": notes,
    }  # fmt: skip
    with transaction.atomic():
        if event is None:
            event = Event.objects.create(user=user, **values)
        else:
            for field, given in values.items():
                setattr(event, field, given)
            event.save()
        event.contacts.set(people)
    return event


def event_delete(*, event: Event) -> None:
    """Deletes the event with the follow-ups about it; the contacts stay."""
    event.delete()


# Follow-ups ----------------------------------------------------------------------------------


def follow_up_save(
    *, user: User, title: str, due_on: datetime.date | None, notes: str = "",
    contact: Contact | None = None, event: Event | None = None,
    application: Application | None = None, follow_up: FollowUp | None = None,
) -> FollowUp:  # fmt: skip
    """Creates a follow-up reminder for `user` (or updates `follow_up`, which must be theirs),
    due on a day, optionally about one of their contacts, events or applications."""
    if follow_up is not None and follow_up.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own follow-ups."))
    title, notes = title.strip(), notes.strip()
    if not title:
        raise NetworkingInputError(_("Write what to follow up on."))
    if due_on is None:
        raise NetworkingInputError(_("Enter the day it is due."))
    _check_length("title", title, str(_("the title")))
    _check_length("notes", notes, str(_("the notes")))
    if contact is not None and contact.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own contacts."))
    if event is not None and event.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own events."))
    if application is not None and application.user_id != user.pk:
        raise NetworkingInputError(_("Choose one of your own applications."))
    values = {"title": title, "due_on": due_on, "notes": notes, "contact": contact,
              "event": event, "application": application}  # fmt: skip
    if follow_up is None:
        return FollowUp.objects.create(user=user, **values)
    for name, value in values.items():
        setattr(follow_up, name, value)
    follow_up.save()
    return follow_up


def follow_up_done(*, follow_up: FollowUp, now: datetime.datetime) -> FollowUp:
    """Marks the follow-up done (kept, off the reminders and the calendar); done twice keeps
    the first time."""
    if follow_up.done_at is None:
        follow_up.done_at = now
        follow_up.save(update_fields=["done_at"])
    return follow_up


def follow_up_reopen(*, follow_up: FollowUp) -> FollowUp:
    """Puts a done follow-up back on the reminders."""
    if follow_up.done_at is not None:
        follow_up.done_at = None
        follow_up.save(update_fields=["done_at"])
    return follow_up


def follow_up_delete(*, follow_up: FollowUp) -> None:
    follow_up.delete()


# The calendar feed ---------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def calendar_feed_token(user: User) -> str:
    """The secret token of the user's calendar feed, made on first use."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        return feed.token
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(user=user, token=_new_token()).token
    except IntegrityError:  # made meanwhile by a request running at the same time
        return CalendarFeed.objects.get(user=user).token


def calendar_feed_reset(user: User) -> str:
    """Replaces the feed's token: the old address stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return feed.token
