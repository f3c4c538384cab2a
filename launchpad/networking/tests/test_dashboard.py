"""The dashboard's reminders panel: presenters.dashboard_panel and its partial."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from launchpad.networking.presenters import dashboard_panel
from launchpad.networking.tests.conftest import TODAY
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
    with timezone.override(KOLKATA):
        yield


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KOLKATA)


@pytest.fixture
def reminders(alice):
    priya = ContactFactory(user=alice, name="Priya")
    fair = EventFactory(user=alice, title="Mega job fair", starts_at=at(TODAY + 2 * DAY, 9),
                        location="Hall 2")  # fmt: skip
    return {
        "overdue": FollowUpFactory(user=alice, title="Thank Priya", contact=priya,
                                   due_on=TODAY - 2 * DAY),
        "today": FollowUpFactory(user=alice, title="Plain reminder", due_on=TODAY),
        "about_fair": FollowUpFactory(user=alice, title="Ask about the fair", event=fair,
                                      due_on=TODAY + DAY),
        "action": ApplicationFactory(user=alice, title="Chat support", company="Globex",
                                     next_action="Send documents", next_action_due=TODAY - DAY),
        "interview": ApplicationFactory(user=alice, title="Voice process", company="Acme",
                                        interview_at=at(TODAY + 3 * DAY, 11)),
        "fair": fair,
    }  # fmt: skip


def test_the_panel_lists_overdue_first_then_by_day_and_time(alice, reminders):
    panel = dashboard_panel(alice, TODAY)

    rows = panel["rows"]
    assert [(r.kind, r.title) for r in rows] == [
        ("follow_up", "Thank Priya"),  # overdue two days
        ("next_action", "Send documents"),  # overdue one day
        ("follow_up", "Plain reminder"),  # today
        ("follow_up", "Ask about the fair"),  # tomorrow
        ("event", "Mega job fair"),  # in two days, 09:00
        ("interview", "Voice process at Acme"),  # in three days
    ]
    assert [r.overdue for r in rows] == [True, True, False, False, False, False]
    assert (panel["count"], panel["overdue_count"], panel["today"]) == (6, 2, TODAY)
    thank, action, plain, ask, fair, interview = rows
    assert thank.about == "Priya" and thank.url == reminders["overdue"].contact.get_absolute_url()
    assert thank.follow_up == reminders["overdue"]
    assert plain.url == "" and plain.about == ""
    assert ask.url == reminders["fair"].get_absolute_url()
    assert action.about == "Chat support at Globex" and action.follow_up is None
    assert (fair.label, fair.about, fair.at.hour) == ("Job fair", "Hall 2", 9)
    assert (interview.label, interview.about, interview.at.hour) == ("Interview", "HR screen", 11)


def test_an_event_running_since_before_today_is_shown_on_today(alice):
    EventFactory(user=alice, title="Week-long drive", starts_at=at(TODAY - 2 * DAY, 9),
                 ends_at=at(TODAY + 3 * DAY, 17))  # fmt: skip

    [row] = dashboard_panel(alice, TODAY)["rows"]

    assert (row.day, row.at) == (TODAY, None)


def test_the_panel_takes_three_queries(alice, reminders, django_assert_num_queries):
    with django_assert_num_queries(3):
        dashboard_panel(alice, TODAY)


def render_panel(rf, user, panel) -> str:
    request = rf.get("/goals/")
    request.user = user
    return render_to_string("networking/_dashboard_panel.html", {"networking": panel}, request)


def test_the_partial_shows_the_reminders_with_done_buttons(rf, alice, reminders):
    html = render_panel(rf, alice, dashboard_panel(alice, TODAY))

    assert 'aria-labelledby="reminders-title"' in html
    assert "2 overdue" in html
    assert html.index("Thank Priya") < html.index("Send documents") < html.index("Voice process")
    done = reverse("networking:follow_up_done", args=[reminders["overdue"].pk])
    assert f'action="{done}"' in html
    assert 'name="next" value="/goals/"' in html
    assert html.count("Mark done") == 3  # one per follow-up, none for the others
    assert "Sun 29 Nov, 09:00" not in html  # the fair is on the 25th
    assert "Wed 25 Nov, 09:00" in html and "Thu 26 Nov, 11:00" in html
    assert reverse("networking:calendar") in html


def test_the_partial_says_when_nothing_is_due(rf, alice):
    html = render_panel(rf, alice, dashboard_panel(alice, TODAY))

    assert "Nothing due in the next two weeks." in html
    assert "overdue" not in html
    assert reverse("networking:follow_up_create") in html
