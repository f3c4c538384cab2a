from __future__ import annotations

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from launchpad.core.ical import calendar
from launchpad.networking import selectors
from launchpad.networking.tests.conftest import NOW, TODAY
from launchpad.networking.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
)

pytestmark = pytest.mark.urls("launchpad.networking.tests.urls")

KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _in_kolkata():
    """Reads run in the user's time zone, as the middleware sets it in a request."""
    with timezone.override(KOLKATA):
        yield


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=KOLKATA)


# Contacts, events, follow-ups ------------------------------------------------------------------


def test_contacts_search_every_word_in_several_fields_and_filter_by_kind(alice, eve):
    priya = ContactFactory(user=alice, name="Priya Sharma", company="Acme", kind="recruiter")
    ramesh = ContactFactory(
        user=alice, name="Ramesh", company="Globex", how_we_met="Alumni meet", kind="alumni"
    )
    ContactFactory(user=eve, name="Priya Eve", company="Acme")

    assert list(selectors.contacts(alice)) == [priya, ramesh]
    assert list(selectors.contacts(alice, query="priya acme")) == [priya]
    assert list(selectors.contacts(alice, query="ALUMNI")) == [ramesh]
    assert list(selectors.contacts(alice, query="priya globex")) == []
    assert list(selectors.contacts(alice, kind="alumni")) == [ramesh]


def test_recent_contacts_are_the_latest_updated(alice):
    old, new = ContactFactory(user=alice), ContactFactory(user=alice)

    assert selectors.recent_contacts(alice, limit=1) == [new]
    old.save()
    assert selectors.recent_contacts(alice, limit=1) == [old]


def test_upcoming_and_past_events(alice, eve):
    past = EventFactory(user=alice, starts_at=NOW - 3 * DAY)
    running = EventFactory(
        user=alice, starts_at=NOW - 2 * DAY, ends_at=NOW + datetime.timedelta(hours=2)
    )
    just_started = EventFactory(user=alice, starts_at=NOW - datetime.timedelta(minutes=30))
    later = EventFactory(user=alice, starts_at=NOW + DAY)
    EventFactory(user=eve, starts_at=NOW + DAY)

    assert selectors.upcoming_events(alice, now=NOW) == [running, just_started, later]
    assert selectors.upcoming_events(alice, now=NOW, limit=1) == [running]
    assert selectors.past_events(alice, now=NOW) == [past]


def test_follow_ups_are_split_by_when_they_are_due(alice, eve):
    overdue = FollowUpFactory(user=alice, due_on=TODAY - DAY)
    today = FollowUpFactory(user=alice, due_on=TODAY)
    in_a_week = FollowUpFactory(user=alice, due_on=TODAY + 7 * DAY)
    later = FollowUpFactory(user=alice, due_on=TODAY + 8 * DAY)
    done = FollowUpFactory(user=alice, due_on=TODAY, done_at=NOW)
    FollowUpFactory(user=eve, due_on=TODAY)

    found = selectors.follow_ups(alice, today=TODAY)

    assert (found.overdue, found.due, found.later, found.done) == (
        [overdue], [today, in_a_week], [later], [done],
    )  # fmt: skip
    assert found.open_count == 4


def test_follow_ups_about_one_contact_or_event(alice):
    contact, event = ContactFactory(user=alice), EventFactory(user=alice)
    about_contact = FollowUpFactory(user=alice, contact=contact, due_on=TODAY)
    about_event = FollowUpFactory(user=alice, event=event, due_on=TODAY)
    FollowUpFactory(user=alice, due_on=TODAY)

    assert selectors.follow_ups(alice, today=TODAY, contact=contact).due == [about_contact]
    assert selectors.follow_ups(alice, today=TODAY, event=event).due == [about_event]


# The dashboard's reminders -------------------------------------------------------------------


def test_reminders_hold_what_is_due_soon_and_nothing_else(alice, eve):
    overdue = FollowUpFactory(user=alice, due_on=TODAY - 3 * DAY)
    due = FollowUpFactory(user=alice, due_on=TODAY + 7 * DAY)
    FollowUpFactory(user=alice, due_on=TODAY + 8 * DAY)  # too far
    FollowUpFactory(user=alice, due_on=TODAY, done_at=NOW)  # done
    FollowUpFactory(user=eve, due_on=TODAY)  # eve's
    late_action = ApplicationFactory(
        user=alice, next_action="Send documents", next_action_due=TODAY - DAY
    )
    soon_action = ApplicationFactory(
        user=alice, next_action="Call HR", next_action_due=TODAY + 7 * DAY
    )
    ApplicationFactory(user=alice, next_action="Far", next_action_due=TODAY + 8 * DAY)
    ApplicationFactory(user=alice, next_action="", next_action_due=TODAY)  # nothing to do
    ApplicationFactory(user=alice, next_action="Over", next_action_due=TODAY, stage="rejected")
    interview = ApplicationFactory(user=alice, interview_at=at(TODAY + 14 * DAY, 23, 0))
    ApplicationFactory(user=alice, interview_at=at(TODAY + 15 * DAY, 0, 0))  # too far
    ApplicationFactory(user=alice, interview_at=at(TODAY - DAY, 23, 59))  # yesterday
    ApplicationFactory(user=alice, interview_at=at(TODAY, 12), stage="withdrawn")
    ApplicationFactory(user=eve, interview_at=at(TODAY, 12))
    early_today = ApplicationFactory(user=alice, interview_at=at(TODAY, 0, 5))
    event = EventFactory(user=alice, starts_at=at(TODAY + 2 * DAY, 10))
    running = EventFactory(
        user=alice, starts_at=at(TODAY - 2 * DAY, 9), ends_at=at(TODAY + DAY, 17)
    )
    EventFactory(user=alice, starts_at=at(TODAY + 15 * DAY, 9))  # too far
    EventFactory(user=alice, starts_at=at(TODAY - DAY, 9))  # over
    EventFactory(user=eve, starts_at=at(TODAY + DAY, 9))

    found = selectors.reminders(alice, TODAY)

    assert found.overdue == [overdue]
    assert found.due == [due]
    assert found.next_actions == [late_action, soon_action]
    assert found.interviews == [early_today, interview]
    assert found.events == [running, event]
    assert found.count == 8


def test_reminders_take_three_queries(alice, django_assert_num_queries):
    FollowUpFactory(user=alice, due_on=TODAY, contact=ContactFactory(user=alice))
    ApplicationFactory(user=alice, interview_at=at(TODAY, 15))
    EventFactory(user=alice, starts_at=at(TODAY, 15))

    with django_assert_num_queries(3):
        found = selectors.reminders(alice, TODAY)
        assert found.due[0].contact is not None


# The calendar --------------------------------------------------------------------------------


def test_calendar_items_hold_events_interviews_and_open_follow_ups(alice, eve):
    priya = ContactFactory(user=alice, name="Priya")
    event = EventFactory(
        user=alice, title="Mega job fair", kind="walk_in", starts_at=NOW + DAY,
        ends_at=NOW + DAY + datetime.timedelta(hours=3), location="Hall 2",
        notes="Bring 5 resumes", url="https://example.com/fair",
    )  # fmt: skip
    event.contacts.add(priya)
    application = ApplicationFactory(
        user=alice, title="Voice process", company="Acme", interview_at=NOW + 2 * DAY,
        next_action="Prepare the intro",
    )  # fmt: skip
    follow_up = FollowUpFactory(
        user=alice, title="Thank Priya", due_on=TODAY + 3 * DAY, contact=priya,
        notes="Mention the fair",
    )  # fmt: skip
    FollowUpFactory(user=alice, due_on=TODAY, done_at=NOW)  # done: off the calendar
    EventFactory(user=alice, starts_at=NOW - 91 * DAY)  # too old
    ApplicationFactory(user=alice, interview_at=NOW + DAY, stage="rejected")
    EventFactory(user=eve, starts_at=NOW + DAY)
    FollowUpFactory(user=eve, due_on=TODAY)

    items = selectors.calendar_items(alice, NOW, link=lambda path: f"https://lp.test{path}")

    assert [i.uid for i in items] == [
        f"event-{event.pk}@bpo-launchpad",
        f"interview-{application.pk}@bpo-launchpad",
        f"follow-up-{follow_up.pk}@bpo-launchpad",
    ]
    event_item, interview_item, follow_up_item = items
    assert event_item.summary == "Mega job fair"
    assert (event_item.start, event_item.end) == (event.starts_at, event.ends_at)
    assert event_item.url == "https://example.com/fair"
    assert "Bring 5 resumes" in event_item.description and "People: Priya" in event_item.description
    assert "https://lp.test/network/events/" in event_item.description
    assert event_item.categories == ("Walk-in drive",)
    assert interview_item.summary == "Interview: Voice process at Acme"
    assert interview_item.end == application.interview_at + datetime.timedelta(hours=1)
    assert "Prepare the intro" in interview_item.description
    assert follow_up_item.summary == "Follow up: Thank Priya"
    assert follow_up_item.start == TODAY + 3 * DAY and follow_up_item.all_day
    assert follow_up_item.url == f"https://lp.test{priya.get_absolute_url()}"
    assert "About: Priya" in follow_up_item.description

    parsed = icalendar.Calendar.from_ical(calendar(items, name="Alice"))
    assert len(list(parsed.walk("VEVENT"))) == 3


def test_calendar_items_link_to_the_page_of_what_a_follow_up_is_about(alice, now):
    event = EventFactory(user=alice, starts_at=now + DAY)
    about_event = FollowUpFactory(user=alice, event=event)
    about_nothing = FollowUpFactory(user=alice)
    no_link = selectors.follow_up_item(about_event, now=now)

    links = {
        item.uid: item.url
        for item in selectors.calendar_items(alice, now, link=lambda p: f"https://lp.test{p}")
    }

    assert links[f"follow-up-{about_event.pk}@bpo-launchpad"].endswith(event.get_absolute_url())
    assert links[f"follow-up-{about_nothing.pk}@bpo-launchpad"] == "https://lp.test/network/"
    assert no_link.url == ""


def test_an_event_without_an_end_or_link_is_a_moment_linked_here(alice, now):
    event = EventFactory(user=alice, starts_at=now + DAY, url="")

    item = selectors.event_item(event, now=now, link=lambda p: f"https://lp.test{p}")

    assert item.end is None
    assert item.url == f"https://lp.test{event.get_absolute_url()}"


def test_an_interview_links_to_its_application_when_the_tracker_is_mounted(alice, now):
    application = ApplicationFactory(user=alice, interview_at=now + DAY)

    item = selectors.interview_item(application, now=now, link=lambda p: f"https://lp.test{p}")

    assert item.url == ("" if not selectors.application_path(application)
                        else f"https://lp.test{application.get_absolute_url()}")  # fmt: skip


def test_export_data_holds_every_row_but_not_the_feed_token(alice, eve, now):
    from launchpad.networking import services

    contact = ContactFactory(user=alice, name="Priya")
    event = EventFactory(user=alice, starts_at=now)
    event.contacts.add(contact)
    FollowUpFactory(user=alice, contact=contact, due_on=TODAY)
    ContactFactory(user=eve)
    token = services.calendar_feed_token(alice)

    data = selectors.export_data(alice)

    assert [c["name"] for c in data["contacts"]] == ["Priya"]
    assert data["events"][0]["contacts"] == [contact.pk]
    assert data["follow_ups"][0]["due_on"] == TODAY.isoformat()
    assert token not in repr(data)
