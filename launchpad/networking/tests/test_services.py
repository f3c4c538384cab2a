from __future__ import annotations

import datetime

import pytest

from launchpad.networking import services
from launchpad.networking.exceptions import NetworkingInputError
from launchpad.networking.models import CalendarFeed, Contact, Event, FollowUp
from launchpad.networking.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
)

START = datetime.datetime(2026, 12, 1, 4, 30, tzinfo=datetime.UTC)


# Contacts ------------------------------------------------------------------------------------


def test_a_contact_is_saved_trimmed_with_recruiter_as_the_default_kind(alice):
    contact = services.contact_save(
        user=alice, fields={"name": "  Priya  ", "email": " priya@example.com ", "kind": ""}
    )

    assert (contact.user, contact.name, contact.email, contact.kind) == (
        alice, "Priya", "priya@example.com", "recruiter",
    )  # fmt: skip


def test_a_contact_is_updated_in_place(alice):
    contact = ContactFactory(user=alice, name="Priya", company="Acme")

    services.contact_save(
        user=alice, contact=contact, fields={"name": "Priya S", "kind": "referrer"}
    )

    contact.refresh_from_db()
    assert (contact.name, contact.kind, contact.company) == ("Priya S", "referrer", "")
    assert Contact.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "Write the person's name"),
        ({"name": "A", "kind": "boss"}, "Choose who they are"),
        ({"name": "A" * 121}, "under 120 characters"),
        ({"name": "A", "notes": "x" * 4001}, "under 4000 characters"),
        ({"name": "A", "email": "not-an-address"}, "e-mail address"),
        ({"name": "A", "phone": "call me maybe"}, "phone number"),
        ({"name": "A", "profile_url": "javascript:alert(1)"}, "web address"),
        ({"name": "A", "profile_url": "ftp://example.com/x"}, "web address"),
    ],
)
def test_bad_contact_input_is_refused_and_nothing_saved(alice, fields, message):
    with pytest.raises(NetworkingInputError, match=message):
        services.contact_save(user=alice, fields=fields)

    assert not Contact.objects.exists()


def test_a_contact_of_someone_else_cannot_be_updated(alice, eve):
    contact = ContactFactory(user=alice, name="Priya")

    with pytest.raises(NetworkingInputError):
        services.contact_save(user=eve, contact=contact, fields={"name": "Eve's now"})

    contact.refresh_from_db()
    assert contact.name == "Priya"


def test_deleting_a_contact_deletes_the_follow_ups_about_them_but_not_events(alice):
    contact = ContactFactory(user=alice)
    event = EventFactory(user=alice)
    event.contacts.add(contact)
    FollowUpFactory(user=alice, contact=contact)
    unrelated = FollowUpFactory(user=alice)

    services.contact_delete(contact=contact)

    assert list(FollowUp.objects.all()) == [unrelated]
    assert Event.objects.filter(pk=event.pk).exists()


# Events --------------------------------------------------------------------------------------


def test_an_event_is_saved_with_the_people_met_there(alice):
    priya = ContactFactory(user=alice)

    event = services.event_save(
        user=alice, title=" Walk-in drive ", kind="walk_in", starts_at=START,
        ends_at=START + datetime.timedelta(hours=4), location="Magarpatta",
        url="https://example.com/drive", contacts=[priya],
    )  # fmt: skip

    assert (event.title, event.kind, event.user) == ("Walk-in drive", "walk_in", alice)
    assert list(event.contacts.all()) == [priya]


def test_updating_an_event_replaces_its_people(alice):
    priya, ramesh = ContactFactory(user=alice), ContactFactory(user=alice)
    event = services.event_save(user=alice, title="Fair", starts_at=START, contacts=[priya])

    services.event_save(user=alice, event=event, title="Fair", starts_at=START, contacts=[ramesh])

    assert list(Event.objects.get().contacts.all()) == [ramesh]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": ""}, "what the event is called"),
        ({"kind": "party"}, "kind of event"),
        ({"starts_at": None}, "when the event starts"),
        ({"starts_at": datetime.datetime(2026, 12, 1, 10, 0)}, "time zone"),
        ({"ends_at": START}, "end after it starts"),
        ({"ends_at": START - datetime.timedelta(minutes=1)}, "end after it starts"),
        ({"ends_at": datetime.datetime(2026, 12, 1, 18, 0)}, "time zone"),
        ({"url": "javascript:alert(1)"}, "web address"),
        ({"location": "x" * 201}, "under 200 characters"),
    ],
)
def test_bad_event_input_is_refused_and_nothing_saved(alice, kwargs, message):
    values = {"title": "Fair", "starts_at": START, **kwargs}

    with pytest.raises(NetworkingInputError, match=message):
        services.event_save(user=alice, **values)

    assert not Event.objects.exists()


def test_an_event_cannot_list_someone_elses_contact(alice, eve):
    priya = ContactFactory(user=alice)

    with pytest.raises(NetworkingInputError, match="your own contacts"):
        services.event_save(user=eve, title="Eve's fair", starts_at=START, contacts=[priya])

    assert not Event.objects.exists()


def test_an_event_of_someone_else_cannot_be_updated(alice, eve):
    event = EventFactory(user=alice, title="Fair")

    with pytest.raises(NetworkingInputError):
        services.event_save(user=eve, event=event, title="Eve's", starts_at=START)

    assert Event.objects.get().title == "Fair"


def test_deleting_an_event_deletes_its_follow_ups_but_keeps_the_contacts(alice):
    contact = ContactFactory(user=alice)
    event = EventFactory(user=alice)
    event.contacts.add(contact)
    FollowUpFactory(user=alice, event=event)

    services.event_delete(event=event)

    assert not FollowUp.objects.exists()
    assert Contact.objects.filter(pk=contact.pk).exists()


# Follow-ups ----------------------------------------------------------------------------------


def test_a_follow_up_links_to_the_users_own_contact_event_and_application(alice):
    contact, event = ContactFactory(user=alice), EventFactory(user=alice)
    application = ApplicationFactory(user=alice)

    follow_up = services.follow_up_save(
        user=alice, title=" Call Priya ", due_on=datetime.date(2026, 12, 2), notes=" About pay ",
        contact=contact, event=event, application=application,
    )  # fmt: skip

    assert (follow_up.title, follow_up.notes) == ("Call Priya", "About pay")
    assert (follow_up.contact, follow_up.event, follow_up.application) == (
        contact, event, application,
    )  # fmt: skip


@pytest.mark.parametrize("what", ["contact", "event", "application"])
def test_a_follow_up_cannot_link_to_someone_elses_things(alice, eve, what):
    theirs = {
        "contact": ContactFactory, "event": EventFactory, "application": ApplicationFactory,
    }[what](user=alice)  # fmt: skip

    with pytest.raises(NetworkingInputError, match=f"your own {what}s"):
        services.follow_up_save(
            user=eve, title="Spy", due_on=datetime.date(2026, 12, 2), **{what: theirs}
        )

    assert not FollowUp.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": " "}, "what to follow up on"),
        ({"due_on": None}, "the day it is due"),
        ({"title": "x" * 201}, "under 200 characters"),
    ],
)
def test_bad_follow_up_input_is_refused(alice, kwargs, message):
    values = {"title": "Call", "due_on": datetime.date(2026, 12, 2), **kwargs}

    with pytest.raises(NetworkingInputError, match=message):
        services.follow_up_save(user=alice, **values)

    assert not FollowUp.objects.exists()


def test_a_follow_up_is_updated_only_by_its_owner(alice, eve):
    follow_up = FollowUpFactory(user=alice, title="Call")

    services.follow_up_save(
        user=alice, follow_up=follow_up, title="Call again", due_on=datetime.date(2026, 12, 9)
    )
    with pytest.raises(NetworkingInputError):
        services.follow_up_save(
            user=eve, follow_up=follow_up, title="Eve's", due_on=datetime.date(2026, 12, 9)
        )

    follow_up.refresh_from_db()
    assert (follow_up.title, follow_up.due_on) == ("Call again", datetime.date(2026, 12, 9))


def test_done_keeps_the_first_time_and_reopen_clears_it(alice):
    follow_up = FollowUpFactory(user=alice)

    services.follow_up_done(follow_up=follow_up, now=START)
    services.follow_up_done(follow_up=follow_up, now=START + datetime.timedelta(days=1))
    assert FollowUp.objects.get().done_at == START

    services.follow_up_reopen(follow_up=follow_up)
    services.follow_up_reopen(follow_up=follow_up)
    assert FollowUp.objects.get().done_at is None

    services.follow_up_delete(follow_up=follow_up)
    assert not FollowUp.objects.exists()


# The calendar feed ---------------------------------------------------------------------------


def test_the_feed_token_is_made_once_and_kept(alice, eve):
    token = services.calendar_feed_token(alice)

    assert len(token) >= 40
    assert services.calendar_feed_token(alice) == token
    assert services.calendar_feed_token(eve) != token
    assert CalendarFeed.objects.count() == 2


def test_resetting_the_feed_replaces_the_token(alice):
    old = services.calendar_feed_token(alice)

    new = services.calendar_feed_reset(alice)

    assert new != old
    assert services.calendar_feed_token(alice) == new
    assert CalendarFeed.objects.get(user=alice).token == new


def test_resetting_before_any_token_makes_one(alice):
    token = services.calendar_feed_reset(alice)

    assert CalendarFeed.objects.get(user=alice).token == token


def test_a_token_made_by_a_concurrent_request_is_returned(alice, monkeypatch):
    """Two first requests at once: the second create fails on the unique user, and the
    token the first one made is returned."""
    made = CalendarFeed.objects.create(user=alice, token="made-meanwhile")
    real_filter = CalendarFeed.objects.filter
    calls = []

    def first_sees_nothing(*args, **kwargs):
        calls.append(kwargs)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(CalendarFeed.objects, "filter", first_sees_nothing)

    assert services.calendar_feed_token(alice) == made.token
