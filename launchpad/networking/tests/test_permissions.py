"""A candidate's networking is private: eve sees, changes and links nothing of alice's, and a
calendar feed's address shows its owner's items only, until it is replaced."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.networking import services
from launchpad.networking.models import Contact, Event, FollowUp
from launchpad.networking.tests.factories import ContactFactory, EventFactory, FollowUpFactory

pytestmark = pytest.mark.urls("launchpad.networking.tests.urls")


def uids(response) -> set[str]:
    calendar = icalendar.Calendar.from_ical(response.content.decode())
    return {str(event["uid"]) for event in calendar.walk("VEVENT")}


def alices_urls(alices) -> tuple[list[str], list[tuple[str, dict[str, object]]]]:
    contact, event = alices["contact"], alices["event"]
    follow_up, application = alices["follow_up"], alices["application"]
    gets = [
        contact.get_absolute_url(), event.get_absolute_url(),
        reverse("networking:event_ics", args=[event.pk]),
        reverse("networking:follow_up_ics", args=[follow_up.pk]),
        reverse("networking:interview_ics", args=[application.pk]),
    ]  # fmt: skip
    posts = [
        (contact.get_absolute_url(), {"name": "Eve was here", "kind": "recruiter"}),
        (reverse("networking:contact_delete", args=[contact.pk]), {}),
        (event.get_absolute_url(), {"title": "Eve's", "kind": "job_fair",
                                    "starts_at": "2026-12-01T10:00"}),
        (reverse("networking:event_delete", args=[event.pk]), {}),
        (reverse("networking:follow_up_done", args=[follow_up.pk]), {}),
        (reverse("networking:follow_up_reopen", args=[follow_up.pk]), {}),
        (reverse("networking:follow_up_delete", args=[follow_up.pk]), {}),
    ]  # fmt: skip
    return gets, posts


def test_eve_gets_not_found_on_every_page_of_alices(eve_client, alices):
    gets, posts = alices_urls(alices)

    for url in gets:
        assert eve_client.get(url).status_code == 404, url
    for url, data in posts:
        assert eve_client.post(url, data).status_code == 404, url


def test_eves_posts_change_nothing_of_alices(eve_client, alices):
    _gets, posts = alices_urls(alices)
    for url, data in posts:
        eve_client.post(url, data)

    contact = Contact.objects.get(pk=alices["contact"].pk)
    assert contact.name == "Priya Sharma"
    assert Event.objects.get(pk=alices["event"].pk).title == "Pune mega job fair"
    follow_up = FollowUp.objects.get(pk=alices["follow_up"].pk)
    assert follow_up.done_at is None


def test_a_done_follow_up_of_alices_cannot_be_reopened_by_eve(eve_client, alices):
    follow_up = alices["follow_up"]
    services.follow_up_done(follow_up=follow_up, now=timezone.now())

    response = eve_client.post(reverse("networking:follow_up_reopen", args=[follow_up.pk]))

    assert response.status_code == 404
    assert FollowUp.objects.get(pk=follow_up.pk).done_at is not None


def test_malformed_ids_are_not_found(alice_client):
    assert alice_client.get("/network/contacts/99999/").status_code == 404
    assert alice_client.get("/network/events/99999.ics").status_code == 404


def test_eves_lists_exports_and_calendar_hold_nothing_of_alices(eve_client, eve, alices):
    ContactFactory(user=eve, name="Eve's own friend")

    pages = [
        reverse("networking:home"), reverse("networking:contacts"),
        reverse("networking:events"),
    ]  # fmt: skip
    for url in pages:
        page = eve_client.get(url).content.decode()
        assert "Sharma" not in page and "Pune mega job fair" not in page, url
    csv = eve_client.get(reverse("networking:contacts_csv")).content.decode("utf-8-sig")
    assert "Eve" in csv and "Priya" not in csv
    assert (
        "0 contacts"
        in eve_client.get(f"{reverse('networking:contacts')}?q=Sharma").content.decode()
    )
    assert uids(eve_client.get(reverse("networking:calendar_download"))) == set()


def test_eve_cannot_link_alices_contact_event_or_application_to_her_follow_up(
    eve_client, eve, alices
):
    url = reverse("networking:follow_up_create")
    due = timezone.localdate().isoformat()

    for field in ("contact", "event", "application"):
        response = eve_client.post(url, {"title": "Spy", "due_on": due, field: alices[field].pk})
        assert response.status_code == 400, field
        assert "Choose one of your" in response.content.decode(), field

    assert not FollowUp.objects.filter(user=eve).exists()


def test_a_prefill_with_alices_ids_shows_eve_nothing_of_hers(eve_client, alices):
    response = eve_client.get(
        reverse("networking:follow_up_create"),
        {"contact": alices["contact"].pk, "event": alices["event"].pk,
         "application": alices["application"].pk},
    )  # fmt: skip

    page = response.content.decode()
    assert response.status_code == 200
    assert "Sharma" not in page and "Pune mega job fair" not in page
    assert "Customer support associate" not in page


def test_eve_cannot_list_alices_contact_at_her_event(eve_client, eve, alices):
    ContactFactory(user=eve)  # so that eve's form has the people field
    response = eve_client.post(
        reverse("networking:event_create"),
        {"title": "Eve's fair", "kind": "job_fair", "starts_at": "2026-12-01T10:00",
         "contacts": [alices["contact"].pk]},
    )  # fmt: skip

    assert response.status_code == 400
    assert not Event.objects.filter(user=eve).exists()


def test_the_feed_shows_only_its_owners_items(client, alice, eve, alices):
    EventFactory(user=eve, title="Eve's fair")
    FollowUpFactory(user=eve, title="Eve's follow-up")
    alices_token = services.calendar_feed_token(alice)
    eves_token = services.calendar_feed_token(eve)

    alices_feed = client.get(reverse("networking:calendar_feed", args=[alices_token]))
    eves_feed = client.get(reverse("networking:calendar_feed", args=[eves_token]))

    assert uids(alices_feed) == {
        f"event-{alices['event'].pk}@bpo-launchpad",
        f"interview-{alices['application'].pk}@bpo-launchpad",
        f"follow-up-{alices['follow_up'].pk}@bpo-launchpad",
    }
    assert "Eve" not in alices_feed.content.decode()
    assert "Priya" not in eves_feed.content.decode()
    assert len(uids(eves_feed)) == 2


def test_a_reset_token_stops_the_old_address_working(client, alice, alices):
    old = services.calendar_feed_token(alice)
    assert client.get(reverse("networking:calendar_feed", args=[old])).status_code == 200

    new = services.calendar_feed_reset(alice)

    assert client.get(reverse("networking:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("networking:calendar_feed", args=[new])).status_code == 200


def test_the_feed_is_read_only(client, alice, alices):
    token = services.calendar_feed_token(alice)

    response = client.post(reverse("networking:calendar_feed", args=[token]))

    assert response.status_code == 405


def test_eves_calendar_page_and_reset_touch_only_her_feed(eve_client, alice, eve):
    alices = services.calendar_feed_token(alice)

    page = eve_client.get(reverse("networking:calendar")).content.decode()
    eve_client.post(reverse("networking:calendar_reset"))

    assert alices not in page
    assert services.calendar_feed_token(alice) == alices


def test_the_dashboard_panel_of_eve_holds_nothing_of_alices(eve, alices):
    from launchpad.networking.presenters import dashboard_panel

    panel = dashboard_panel(eve, timezone.localdate() + datetime.timedelta(days=1))

    assert panel["rows"] == []
