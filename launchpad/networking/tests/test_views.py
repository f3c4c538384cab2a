from __future__ import annotations

import csv
import datetime
import io

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.networking import services
from launchpad.networking.exports import safe_cell
from launchpad.networking.models import CalendarFeed, Contact, Event, FollowUp
from launchpad.networking.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
)

pytestmark = pytest.mark.urls("launchpad.networking.tests.urls")

DAY = datetime.timedelta(days=1)


def body(response) -> str:
    return response.content.decode()


def vevents(response) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(response.content.decode()).walk("VEVENT"))


def signed_in_urls(alices) -> list[str]:
    contact, event = alices["contact"], alices["event"]
    follow_up, application = alices["follow_up"], alices["application"]
    return [
        reverse("networking:home"), reverse("networking:contacts"),
        reverse("networking:contact_create"), contact.get_absolute_url(),
        reverse("networking:contacts_csv"), reverse("networking:events"),
        reverse("networking:event_create"), event.get_absolute_url(),
        reverse("networking:event_ics", args=[event.pk]),
        reverse("networking:follow_up_create"),
        reverse("networking:follow_up_ics", args=[follow_up.pk]),
        reverse("networking:interview_ics", args=[application.pk]),
        reverse("networking:calendar"), reverse("networking:calendar_download"),
    ]  # fmt: skip


def test_the_mount_point_is_network():
    assert reverse("networking:home") == "/network/"
    assert reverse("networking:calendar_feed", args=["abc"]) == "/network/calendar/abc.ics"


def test_every_page_but_the_feed_needs_a_sign_in(client, alices):
    for url in signed_in_urls(alices):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_every_page_opens_for_its_owner(alice_client, alices):
    for url in signed_in_urls(alices):
        assert alice_client.get(url).status_code == 200, url


# Overview ------------------------------------------------------------------------------------


def test_the_overview_shows_follow_ups_events_and_contacts(alice_client, alice, alices):
    FollowUpFactory(user=alice, title="Overdue thing", due_on=timezone.localdate() - DAY)

    page = body(alice_client.get(reverse("networking:home")))

    assert "Send my resume to Priya" in page and "Due this week" in page
    assert "Overdue thing" in page and "Overdue" in page
    assert "Pune mega job fair" in page
    assert "Priya Sharma" in page


def test_the_overview_of_a_new_user_explains_what_to_do(alice_client):
    page = body(alice_client.get(reverse("networking:home")))

    assert "Nothing to follow up on" in page
    assert "No event planned" in page and "No contact yet" in page


# Contacts ------------------------------------------------------------------------------------


def test_adding_a_contact(alice_client, alice):
    response = alice_client.post(
        reverse("networking:contact_create"),
        {"name": "Priya Sharma", "kind": "referrer", "company": "Acme", "phone": "+91 98765",
         "email": "priya@example.com", "notes": "Met at the fair.\nCall after 6 pm."},
    )  # fmt: skip

    contact = Contact.objects.get(user=alice)
    assert response["Location"] == contact.get_absolute_url()
    page = body(alice_client.get(contact.get_absolute_url()))
    assert "Priya Sharma" in page and "Referrer" in page
    assert 'href="tel:+9198765"' in page and 'href="mailto:priya@example.com"' in page
    assert "Call after 6 pm." in page


def test_a_contact_form_with_problems_comes_back_with_them(alice_client):
    response = alice_client.post(
        reverse("networking:contact_create"), {"name": "", "email": "nope", "kind": "recruiter"}
    )

    assert response.status_code == 400
    page = body(response)
    assert "Please correct the following" in page
    assert "This field is required." in page and "such as name@example.com" in page
    assert not Contact.objects.exists()


def test_a_service_refusal_shows_on_the_form(alice_client):
    response = alice_client.post(
        reverse("networking:contact_create"), {"name": "A", "kind": "recruiter", "phone": "abc"}
    )

    assert response.status_code == 400
    assert "digits, spaces" in body(response)


def test_editing_and_deleting_a_contact(alice_client, alices):
    contact = alices["contact"]

    response = alice_client.post(
        contact.get_absolute_url(), {"name": "Priya S", "kind": "mentor", "company": "Globex"}
    )
    assert response["Location"] == contact.get_absolute_url()
    contact.refresh_from_db()
    assert (contact.name, contact.kind, contact.company, contact.notes) == (
        "Priya S", "mentor", "Globex", "",
    )  # fmt: skip

    bad = alice_client.post(contact.get_absolute_url(), {"name": "", "kind": "mentor"})
    assert bad.status_code == 400 and "Priya S" in body(bad)

    response = alice_client.post(reverse("networking:contact_delete", args=[contact.pk]))
    assert response["Location"] == reverse("networking:contacts")
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert not FollowUp.objects.filter(pk=alices["follow_up"].pk).exists()


def test_a_contact_page_shows_their_follow_ups_and_events(alice_client, alices):
    page = body(alice_client.get(alices["contact"].get_absolute_url()))

    assert "Send my resume to Priya" in page
    assert "Pune mega job fair" in page
    assert f"?contact={alices['contact'].pk}" in page


def test_searching_contacts(alice_client, alice):
    ContactFactory(user=alice, name="Priya", company="Acme")
    ContactFactory(user=alice, name="Ramesh", company="Globex", kind="alumni")

    page = body(alice_client.get(reverse("networking:contacts"), {"q": "globex"}))
    assert "Ramesh" in page and "Priya" not in page and "1 contact" in page

    page = body(alice_client.get(reverse("networking:contacts"), {"kind": "alumni"}))
    assert "Ramesh" in page and "Priya" not in page

    page = body(alice_client.get(reverse("networking:contacts"), {"kind": "boss"}))
    assert "Ramesh" in page and "Priya" in page


def test_the_contact_list_of_a_new_user_explains_it(alice_client):
    page = body(alice_client.get(reverse("networking:contacts")))

    assert "Keep the people who can help you" in page
    assert reverse("networking:contacts_csv") not in page


# CSV export ------------------------------------------------------------------------------------


def test_contacts_export_as_csv_for_excel(alice_client, alice, eve):
    ContactFactory(
        user=alice, name="Zoë D'Souza", company="Acme, Pune", phone="+91 98765 43210",
        notes="Line one\nLine two", job_title="=HYPERLINK(\"http://evil\")",
    )  # fmt: skip
    ContactFactory(user=alice, name="@Ramesh", how_we_met="-1 walk-in")
    ContactFactory(user=eve, name="Eve's friend")

    response = alice_client.get(reverse("networking:contacts_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="contacts-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Who they are", "Company"]
    assert len(rows) == 3
    ramesh, zoe = rows[1], rows[2]
    assert ramesh[0] == "'@Ramesh" and ramesh[7] == "'-1 walk-in"
    assert zoe[0] == "Zoë D'Souza" and zoe[2] == "Acme, Pune"
    assert zoe[3] == '\'=HYPERLINK("http://evil")'
    assert zoe[5] == "'+91 98765 43210"
    assert zoe[8] == "Line one\nLine two"
    assert "Eve's friend" not in response.content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("plain", "plain"), ("", ""), ("a=b", "a=b")],
)  # fmt: skip
def test_csv_cells_that_start_a_formula_are_made_text(value, expected):
    assert safe_cell(value) == expected


# Events --------------------------------------------------------------------------------------


def test_adding_an_event_in_the_users_time_zone(alice_client, alice):
    priya = ContactFactory(user=alice, name="Priya")

    response = alice_client.post(
        reverse("networking:event_create"),
        {"title": "Walk-in drive", "kind": "walk_in", "starts_at": "2026-12-01T10:30",
         "ends_at": "2026-12-01T16:00", "location": "Magarpatta", "contacts": [priya.pk]},
    )  # fmt: skip

    event = Event.objects.get(user=alice)
    assert response["Location"] == event.get_absolute_url()
    # 10:30 in Kolkata is 05:00 UTC.
    assert event.starts_at == datetime.datetime(2026, 12, 1, 5, 0, tzinfo=datetime.UTC)
    assert list(event.contacts.all()) == [priya]
    page = body(alice_client.get(event.get_absolute_url()))
    assert "Tue 1 Dec 2026, 10:30" in page and "16:00" in page
    assert 'value="2026-12-01T10:30"' in page  # the edit form, in her time again


def test_an_event_ending_before_it_starts_is_refused(alice_client):
    response = alice_client.post(
        reverse("networking:event_create"),
        {"title": "Fair", "kind": "job_fair", "starts_at": "2026-12-01T10:30",
         "ends_at": "2026-12-01T09:00"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "The event must end after it starts." in body(response)
    assert not Event.objects.exists()


def test_a_user_without_contacts_has_no_people_field(alice_client):
    page = body(alice_client.get(reverse("networking:event_create")))

    assert "People you met there" not in page


def test_editing_and_deleting_an_event(alice_client, alices):
    event = alices["event"]

    response = alice_client.post(
        event.get_absolute_url(),
        {"title": "Renamed fair", "kind": "workshop", "starts_at": "2026-12-02T09:00"},
    )
    assert response["Location"] == event.get_absolute_url()
    event.refresh_from_db()
    assert (event.title, event.kind, list(event.contacts.all())) == ("Renamed fair", "workshop", [])

    bad = alice_client.post(event.get_absolute_url(), {"title": "", "kind": "workshop"})
    assert bad.status_code == 400 and "Renamed fair" in body(bad)

    response = alice_client.post(reverse("networking:event_delete", args=[event.pk]))
    assert response["Location"] == reverse("networking:events")
    assert not Event.objects.exists()


def test_the_event_list_splits_upcoming_and_past(alice_client, alice):
    EventFactory(user=alice, title="Next week fair", starts_at=timezone.now() + 7 * DAY)
    EventFactory(user=alice, title="Last month webinar", starts_at=timezone.now() - 30 * DAY)

    page = body(alice_client.get(reverse("networking:events")))

    assert page.index("Next week fair") < page.index("Past events")
    assert page.index("Past events") < page.index("Last month webinar")


# Follow-ups ----------------------------------------------------------------------------------


def test_a_follow_up_form_is_prefilled_from_a_contact(alice_client, alices):
    contact = alices["contact"]

    response = alice_client.get(reverse("networking:follow_up_create"), {"contact": contact.pk})

    form = response.context["form"]
    assert form.initial["contact"] == contact.pk
    assert form.initial["title"] == "Follow up with Priya Sharma"
    assert form.initial["due_on"] == timezone.localdate() + 3 * DAY


def test_a_follow_up_form_is_prefilled_from_an_event_or_application(alice_client, alices):
    url = reverse("networking:follow_up_create")
    event, application = alices["event"], alices["application"]

    form = alice_client.get(url, {"event": event.pk}).context["form"]
    assert (form.initial["event"], form.initial["title"]) == (
        event.pk, "Follow up after Pune mega job fair",
    )  # fmt: skip
    form = alice_client.get(url, {"application": application.pk}).context["form"]
    assert form.initial["application"] == application.pk
    assert form.initial["title"].startswith("Follow up on Customer support associate")
    form = alice_client.get(url, {"contact": "x", "event": ""}).context["form"]
    assert "contact" not in form.initial and "title" not in form.initial


def test_adding_a_follow_up_about_a_contact_goes_back_to_them(alice_client, alice, alices):
    contact = alices["contact"]
    due = timezone.localdate() + 4 * DAY

    response = alice_client.post(
        reverse("networking:follow_up_create"),
        {"title": "Call Priya", "due_on": due.isoformat(), "contact": contact.pk},
    )

    assert response["Location"] == contact.get_absolute_url()
    follow_up = FollowUp.objects.get(title="Call Priya")
    assert (follow_up.user, follow_up.due_on, follow_up.contact) == (alice, due, contact)


def test_adding_a_follow_up_about_an_event_or_nothing(alice_client, alices):
    url = reverse("networking:follow_up_create")
    due = timezone.localdate().isoformat()

    response = alice_client.post(url, {"title": "A", "due_on": due, "event": alices["event"].pk})
    assert response["Location"] == alices["event"].get_absolute_url()
    response = alice_client.post(url, {"title": "B", "due_on": due})
    assert response["Location"] == reverse("networking:home")
    response = alice_client.post(url, {"title": "C", "due_on": due, "next": "/goals/"})
    assert response["Location"] == "/goals/"
    response = alice_client.post(url, {"title": "D", "due_on": due, "next": "https://evil.test/"})
    assert response["Location"] == reverse("networking:home")


def test_a_follow_up_without_a_title_or_date_is_refused(alice_client, alices):
    response = alice_client.post(reverse("networking:follow_up_create"), {"due_on": "soon"})

    assert response.status_code == 400
    assert "Enter a date such as" in body(response)
    assert FollowUp.objects.count() == 1


def test_a_follow_up_service_refusal_shows_on_the_form(alice_client, monkeypatch):
    from launchpad.networking.exceptions import NetworkingInputError

    def refuse(**kwargs):
        raise NetworkingInputError("Refused for a reason.")

    monkeypatch.setattr(services, "follow_up_save", refuse)
    response = alice_client.post(
        reverse("networking:follow_up_create"),
        {"title": "A", "due_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 400 and "Refused for a reason." in body(response)


def test_done_reopen_and_delete_a_follow_up(alice_client, alices):
    follow_up = alices["follow_up"]
    done = reverse("networking:follow_up_done", args=[follow_up.pk])

    response = alice_client.post(done, {"next": "/goals/"})
    assert response["Location"] == "/goals/"
    assert FollowUp.objects.get(pk=follow_up.pk).done_at is not None
    page = body(alice_client.get(reverse("networking:home")))
    assert "Recently done (1)" in page and "Not done yet" in page

    response = alice_client.post(reverse("networking:follow_up_reopen", args=[follow_up.pk]))
    assert response["Location"] == reverse("networking:home")
    assert FollowUp.objects.get(pk=follow_up.pk).done_at is None

    alice_client.post(reverse("networking:follow_up_delete", args=[follow_up.pk]))
    assert not FollowUp.objects.filter(pk=follow_up.pk).exists()


def test_follow_up_buttons_only_take_posts(alice_client, alices):
    follow_up = alices["follow_up"]
    for name in ("follow_up_done", "follow_up_reopen", "follow_up_delete"):
        assert (
            alice_client.get(reverse(f"networking:{name}", args=[follow_up.pk])).status_code == 405
        )


# Calendar files --------------------------------------------------------------------------------


def test_an_event_downloads_as_an_ics_file(alice_client, alices):
    event = alices["event"]

    response = alice_client.get(reverse("networking:event_ics", args=[event.pk]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    [item] = vevents(response)
    assert str(item["uid"]) == f"event-{event.pk}@bpo-launchpad"
    assert str(item["summary"]) == "Pune mega job fair"
    assert str(item["location"]) == "Hall 2, Pune"
    assert item.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert str(item["url"]).startswith("http://testserver/network/events/")


def test_a_follow_up_downloads_as_an_all_day_item(alice_client, alices):
    follow_up = alices["follow_up"]

    response = alice_client.get(reverse("networking:follow_up_ics", args=[follow_up.pk]))

    [item] = vevents(response)
    assert str(item["summary"]) == "Follow up: Send my resume to Priya"
    assert item.decoded("dtstart") == follow_up.due_on
    assert item.decoded("dtend") == follow_up.due_on + DAY


def test_an_applications_interview_downloads_and_none_booked_is_not_found(
    alice_client, alice, alices
):
    application = alices["application"]

    response = alice_client.get(reverse("networking:interview_ics", args=[application.pk]))
    [item] = vevents(response)
    assert str(item["summary"]) == "Interview: Customer support associate at Acme Support"
    assert item.decoded("dtstart") == application.interview_at.replace(microsecond=0)

    unbooked = ApplicationFactory(user=alice, interview_at=None)
    assert alice_client.get(
        reverse("networking:interview_ics", args=[unbooked.pk])
    ).status_code == 404  # fmt: skip


def test_the_whole_calendar_downloads(alice_client, alices):
    response = alice_client.get(reverse("networking:calendar_download"))

    assert response["Content-Disposition"] == 'attachment; filename="bpo-launchpad.ics"'
    uids = {str(e["uid"]) for e in vevents(response)}
    assert uids == {
        f"event-{alices['event'].pk}@bpo-launchpad",
        f"interview-{alices['application'].pk}@bpo-launchpad",
        f"follow-up-{alices['follow_up'].pk}@bpo-launchpad",
    }


def test_the_calendar_page_gives_the_feed_addresses(alice_client, alice, alices):
    page = body(alice_client.get(reverse("networking:calendar")))

    token = CalendarFeed.objects.get(user=alice).token
    assert f"http://testserver/network/calendar/{token}.ics" in page
    assert f'href="webcal://testserver/network/calendar/{token}.ics"' in page
    assert reverse("networking:calendar_download") in page
    assert "3 items on it now." in page


def test_the_feed_needs_no_sign_in_and_serves_its_owners_calendar(client, alice, alices):
    token = services.calendar_feed_token(alice)

    response = client.get(reverse("networking:calendar_feed", args=[token]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Disposition" not in response
    assert response["Cache-Control"] == "private, no-cache"
    text = response.content.decode()
    assert "X-PUBLISHED-TTL:PT60M\r\n" in text
    assert len(vevents(response)) == 3


def test_an_unknown_token_or_an_inactive_users_feed_is_not_found(client, alice, alices):
    assert client.get(reverse("networking:calendar_feed", args=["nope"])).status_code == 404
    token = services.calendar_feed_token(alice)
    alice.is_active = False
    alice.save()
    assert client.get(reverse("networking:calendar_feed", args=[token])).status_code == 404


def test_resetting_the_feed_address(alice_client, alice, alices):
    old = services.calendar_feed_token(alice)

    response = alice_client.post(reverse("networking:calendar_reset"), follow=True)

    new = CalendarFeed.objects.get(user=alice).token
    assert new != old
    assert "Your calendar has a new address" in body(response)
    assert new in body(response)
    assert alice_client.get(reverse("networking:calendar_feed", args=[old])).status_code == 404
    assert alice_client.get(reverse("networking:calendar_feed", args=[new])).status_code == 200


def test_service_refusals_show_on_the_contact_and_event_forms(alice_client, alices):
    contact, event = alices["contact"], alices["event"]

    response = alice_client.post(
        contact.get_absolute_url(), {"name": "Priya", "kind": "recruiter", "phone": "abc"}
    )
    assert response.status_code == 400 and "digits, spaces" in body(response)

    # The form takes ftp:// addresses; the service keeps only web links.
    for url in (reverse("networking:event_create"), event.get_absolute_url()):
        response = alice_client.post(
            url,
            {"title": "Fair", "kind": "job_fair", "starts_at": "2026-12-01T10:00",
             "url": "ftp://example.com/fair"},
        )  # fmt: skip
        assert response.status_code == 400, url
        assert "starting with https://" in body(response), url
    assert Event.objects.get(pk=event.pk).title == "Pune mega job fair"


def test_a_follow_up_about_an_application_names_it(alice_client, alice, alices):
    FollowUpFactory(
        user=alice, title="Ask HR", application=alices["application"],
        due_on=timezone.localdate(),
    )  # fmt: skip

    response = alice_client.get(reverse("networking:calendar_download"))

    ask = next(e for e in vevents(response) if str(e["summary"]) == "Follow up: Ask HR")
    assert "About: Customer support associate at Acme Support" in str(ask["description"])
    assert "Customer support associate at Acme Support" in body(
        alice_client.get(reverse("networking:home"))
    )


def test_staff_see_only_who_has_a_feed_and_can_only_revoke_it(client, alice):
    from launchpad.accounts.models import User

    token = services.calendar_feed_token(alice)
    admin = User.objects.create_superuser("admin@example.com", "a-Strong-pass-2026")
    client.force_login(admin)
    feed = CalendarFeed.objects.get(user=alice)

    listing = client.get(reverse("admin:networking_calendarfeed_changelist"))
    detail = client.get(reverse("admin:networking_calendarfeed_change", args=[feed.pk]))
    adding = client.get(reverse("admin:networking_calendarfeed_add"))

    assert listing.status_code == 200 and "Alice Fernandes" in body(listing)
    assert detail.status_code == 200 and token not in body(detail)
    assert adding.status_code == 403
    assert client.post(
        reverse("admin:networking_calendarfeed_delete", args=[feed.pk]), {"post": "yes"}
    ).status_code == 302  # fmt: skip
    assert not CalendarFeed.objects.exists()
    for model in ("contact", "event", "followup"):
        assert client.get(f"/admin/networking/{model}/").status_code == 404, model
