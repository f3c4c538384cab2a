"""The tracker's pages: the board and moving cards (a plain POST and htmx), refusals with
their reason, undo, the list, adding, tracking a posting, the detail page, details,
documents, the offer and its comparison, the funnel and the CSV export."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.applications import services
from launchpad.applications.models import Application, Offer
from launchpad.applications.tests.conftest import move
from launchpad.applications.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    PostingFactory,
    ResumeFactory,
)

pytestmark = pytest.mark.urls("launchpad.applications.tests.urls")

HTMX = {"HTTP_HX_REQUEST": "true"}
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")


def alice_today() -> datetime.date:
    """The day in alice's time zone, which her requests use."""
    return timezone.localdate(timezone=KOLKATA)


def url(name, *args):
    return reverse(f"applications:{name}", args=args)


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def card(alice):
    return ApplicationFactory(user=alice, title="Voice associate", company="Acme", stage="applied")


def test_every_page_needs_a_sign_in(client, card):
    pages = ["board", "list", "new", "offers", "funnel", "export"]
    urls = [url(name) for name in pages] + [
        url(name, card.pk) for name in ("detail", "edit", "offer", "delete")
    ]
    for address in urls:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("accounts:login")), address
    response = client.post(url("move", card.pk), {"to_stage": "hr_screen"})
    assert response.status_code == 302
    assert Application.objects.get(pk=card.pk).stage == "applied"


# Board ---------------------------------------------------------------------------------------


def test_the_board_shows_a_column_per_stage_and_each_card_with_its_moves(alice_client, card):
    response = alice_client.get(url("board"))
    assert response.status_code == 200
    page = body(response)
    for label in ("Saved", "HR screen", "Operations round", "Mock call", "Production"):
        assert label in page
    assert f'id="application-{card.pk}"' in page
    assert f'hx-post="{url("move", card.pk)}"' in page
    assert 'id="column-hr_screen"' in page
    # The moves the rules allow come first; the others are listed and explained if chosen.
    allowed, others = (
        page.split(f'id="move-{card.pk}"')[1].split("</select>")[0].split("Not possible now")
    )
    assert '<option value="hr_screen">HR screen</option>' in allowed
    assert 'value="saved"' not in allowed and 'value="saved"' in others
    assert 'value="applied"' not in others  # its own stage
    assert "js/board.js" in page and 'aria-live="polite"' in page
    assert "Rejected or withdrawn (0)" in page


def test_an_empty_board_invites_adding_one(alice_client):
    assert "Nothing tracked yet" in body(alice_client.get(url("board")))


def test_a_move_by_plain_post_redirects_to_the_card_with_a_message(alice_client, card):
    response = alice_client.post(
        url("move", card.pk), {"to_stage": "hr_screen", "next": "board"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("board") + f"#application-{card.pk}"
    assert "Moved to HR screen." in body(response)
    card.refresh_from_db()
    assert card.stage == "hr_screen" and card.stage_changed_on == alice_today()


def test_a_move_with_htmx_returns_the_board_and_announces_it(alice_client, card):
    response = alice_client.post(url("move", card.pk), {"to_stage": "assessment"}, **HTMX)
    assert response.status_code == 200
    page = body(response)
    assert page.lstrip().startswith('<div id="board"')
    assert "<html" not in page
    event = json.loads(response["HX-Trigger-After-Settle"])["board-status"]
    assert event == {"message": "Moved to Assessment", "card": f"application-{card.pk}"}
    assert Application.objects.get(pk=card.pk).stage == "assessment"


def test_an_illegal_move_with_htmx_swaps_nothing_and_gives_the_reason(alice_client, card):
    response = alice_client.post(url("move", card.pk), {"to_stage": "production"}, **HTMX)
    assert response.status_code == 200 and response["HX-Reswap"] == "none"
    reason = "Production comes after Offer: move it to Offer first."
    assert body(response) == f"<p>{reason}</p>"
    assert json.loads(response["HX-Trigger"])["board-status"] == {
        "message": reason,
        "refused": True,
    }
    card.refresh_from_db()
    assert card.stage == "applied" and card.stage_changes.count() == 1


def test_an_illegal_move_by_plain_post_shows_the_reason(alice_client, card):
    move(card, "offer")
    response = alice_client.post(url("move", card.pk), {"to_stage": "hr_screen"}, follow=True)
    assert "Stages only move forward; undo the last move if it was a mistake." in body(response)
    assert Application.objects.get(pk=card.pk).stage == "offer"
    response = alice_client.post(url("move", card.pk), {"to_stage": "nowhere"}, **HTMX)
    assert response["HX-Reswap"] == "none" and "Choose a stage from the list." in body(response)


def test_a_move_from_the_detail_page_takes_a_date_note_and_tests(alice_client, card):
    yesterday = alice_today() - datetime.timedelta(days=1)
    response = alice_client.post(
        url("move", card.pk),
        {"to_stage": "assessment", "on": yesterday.isoformat(), "note": "Versant at 3 pm",
         "with_assessments": "1", "assessments": ["english", "typing"], "next": "detail"},
    )  # fmt: skip
    assert response["Location"] == url("detail", card.pk)
    card.refresh_from_db()
    assert card.stage_changed_on == yesterday and card.assessments == ["typing", "english"]
    assert card.stage_changes.last().note == "Versant at 3 pm"


def test_undo_and_reopen(alice_client, card):
    move(card, "hr_screen", "rejected")
    page = body(alice_client.get(url("board")))
    assert '<option value="reopen">Reopen: back to HR screen</option>' in page
    response = alice_client.post(url("undo", card.pk), follow=True)
    assert "Undone: it is back at HR screen." in body(response)
    assert Application.objects.get(pk=card.pk).stage == "hr_screen"
    alice_client.post(url("undo", card.pk))
    response = alice_client.post(url("undo", card.pk), {"next": "board"}, follow=True)
    assert response.redirect_chain[-1][0] == url("board") + f"#application-{card.pk}"
    assert "There is no move to undo." in body(response)
    assert Application.objects.get(pk=card.pk).stage == "applied"


# List and adding -----------------------------------------------------------------------------


def test_the_list_sorts_by_its_column_headings(alice_client, alice):
    ApplicationFactory(user=alice, title="Alpha", company="Zulu")
    ApplicationFactory(user=alice, title="Bravo", company="Alpha Corp", stage="offer")
    page = body(alice_client.get(url("list"), {"sort": "title"}))
    assert page.index("Alpha") < page.index("Bravo")
    assert 'aria-sort="ascending"' in page and "sort=-title" in page
    page = body(alice_client.get(url("list"), {"sort": "-title"}))
    assert page.index(">Bravo<") < page.index(">Alpha<")
    assert 'aria-sort="descending"' in page
    page = body(alice_client.get(url("list"), {"stage": "offer"}))
    assert ">Bravo<" in page and ">Alpha<" not in page
    assert "No application matches" in body(alice_client.get(url("list"), {"q": "nothing"}))
    assert "Nothing tracked yet" not in page


def test_adding_an_application_by_hand(alice_client, alice):
    response = alice_client.post(
        url("new"),
        {"title": "Back office", "company": "Zen", "stage": "applied", "channel": "hiring_drive",
         "on": alice_today().isoformat()},
    )  # fmt: skip
    application = Application.objects.get(user=alice)
    assert response["Location"] == url("detail", application.pk)
    assert (application.stage, application.channel) == ("applied", "hiring_drive")
    response = alice_client.post(url("new"), {"title": "", "stage": "saved", "on": "soon"})
    assert response.status_code == 400
    assert "Enter a date such as 2026-12-01." in body(response)
    tomorrow = alice_today() + datetime.timedelta(days=1)
    response = alice_client.post(url("new"), {"title": "X", "stage": "saved", "on": tomorrow})
    assert response.status_code == 400 and "The date is in the future" in body(response)
    assert alice_client.get(url("new")).status_code == 200


def test_tracking_a_posting_opens_the_same_card_the_second_time(alice_client, alice):
    posting = PostingFactory(title="Chat support", company="Northwind")
    response = alice_client.post(url("from_posting", posting.pk), follow=True)
    application = Application.objects.get(user=alice)
    assert response.redirect_chain[-1][0] == url("detail", application.pk)
    assert "Saved to your applications." in body(response)
    response = alice_client.post(url("from_posting", posting.pk), follow=True)
    assert "You already track this job" in body(response)
    assert Application.objects.count() == 1
    own = PostingFactory(owner=alice)
    assert alice_client.post(url("from_posting", own.pk)).status_code == 302
    gone = PostingFactory(is_active=False)
    assert alice_client.post(url("from_posting", gone.pk)).status_code == 404
    assert alice_client.get(url("from_posting", posting.pk)).status_code == 405


# Detail, details, documents ------------------------------------------------------------------


def test_the_detail_page_shows_history_documents_and_practice(alice_client, card):
    move(card, "assessment")
    page = body(alice_client.get(url("detail", card.pk)))
    assert "Stage history" in page and "Applied → Assessment" in page
    assert 'id="documents-assessment"' in page and 'id="documents-applied"' in page
    assert "Test invitation and login details" in page
    assert 'href="/skills/"' in page and "Skills lab" in page
    assert "Undo the last move" in page
    assert 'name="assessments"' not in page  # already at the assessment
    assert "Record the offer" not in page


def test_the_detail_page_of_a_closed_card_points_at_the_stage_it_stopped(alice_client, card):
    move(card, "assessment", "rejected")
    page = body(alice_client.get(url("detail", card.pk)))
    assert "Getting ready for: Assessment" in page
    assert "Reopen: back to Assessment" in page


def test_editing_the_details(alice_client, alice, card):
    resume = ResumeFactory(user=alice, title="My voice resume")
    contact = ContactFactory(user=alice, name="Priya Recruiter")
    assert alice_client.get(url("edit", card.pk)).status_code == 200
    response = alice_client.post(
        url("edit", card.pk),
        {"title": "Voice associate", "company": "Acme", "channel": "referral",
         "next_action": "Send documents", "next_action_due": "2026-12-01",
         "interview_at": "2026-12-02T10:30", "resume": resume.pk, "contacts": [contact.pk],
         "notes": "Night shift"},
    )  # fmt: skip
    assert response["Location"] == url("detail", card.pk)
    card.refresh_from_db()
    assert card.resume == resume and list(card.contacts.all()) == [contact]
    # Entered in alice's time zone.
    kolkata = timezone.localtime(card.interview_at, KOLKATA)
    assert kolkata.strftime("%Y-%m-%d %H:%M") == "2026-12-02 10:30"
    page = body(alice_client.get(url("detail", card.pk)))
    assert "My voice resume" in page and "Priya Recruiter" in page and "Send documents" in page
    assert 'value="2026-12-02T10:30"' in body(alice_client.get(url("edit", card.pk)))
    response = alice_client.post(
        url("edit", card.pk), {"title": "Voice associate", "next_action_due": "2026-12-01"}
    )
    assert response.status_code == 400
    assert "Write the next step that is due on that date." in body(response)


def test_documents_checklist(alice_client, card):
    response = alice_client.post(
        url("documents", card.pk), {"stage": "applied", "done": ["resume", "photo"]}
    )
    assert response["Location"] == url("detail", card.pk) + "#documents-applied"
    card.refresh_from_db()
    assert card.documents == {"applied": {"photo": True, "resume": True}}
    response = alice_client.post(
        url("documents", card.pk), {"stage": "background", "done": ["pan"]}, follow=True
    )
    assert "Tick documents of the current stage" in body(response)
    response = alice_client.post(url("documents", card.pk), {"stage": "x"}, follow=True)
    assert "Select a valid choice" in body(response)


# Offer ---------------------------------------------------------------------------------------


def offer_post(**changes):
    values = {
        "currency": "PHP", "base_monthly": "20000", "shift": "night", "shift_start": "22:00",
        "shift_end": "07:00", "working_days_per_month": "22", "allowance_1_label": "Rice",
        "allowance_1_monthly": "1500", "transport": "Shuttle", "location": "Makati",
    }  # fmt: skip
    return {**values, **changes}


def test_the_offer_page_needs_the_offer_stage(alice_client, card):
    response = alice_client.get(url("offer", card.pk), follow=True)
    assert "Move the application to Offer before you record the offer." in body(response)


def test_recording_an_offer_shows_the_night_differential(alice_client, card):
    move(card, "offer")
    page = body(alice_client.get(url("offer", card.pk)))
    assert 'value="INR" selected' in page  # alice is in India
    response = alice_client.post(url("offer", card.pk), offer_post())
    assert response["Location"] == url("offer", card.pk)
    page = body(alice_client.get(url("offer", card.pk)))
    assert "2,022.99" in page and "Philippine statutory minimum" in page
    assert "23,522.99" in page  # 20000 + 2022.99 + 1500
    assert 'value="Rice"' in page
    assert "See or edit the offer" in body(alice_client.get(url("detail", card.pk)))
    response = alice_client.post(url("offer", card.pk), offer_post(night_differential_percent="5"))
    assert "below the legal minimum" in body(alice_client.get(url("offer", card.pk)))
    assert Offer.objects.get().night_differential_rate == Decimal("0.050")
    assert 'value="5"' in body(alice_client.get(url("offer", card.pk)))
    response = alice_client.post(url("offer", card.pk), offer_post(shift_end="22:00"))
    assert response.status_code == 400
    assert "A shift cannot start and end at the same time." in body(response)


def test_the_offer_comparison_side_by_side_per_currency(alice_client, alice):
    for title, currency, base in [("PH one", "PHP", "20000"), ("PH two", "PHP", "22000"),
                                  ("India one", "INR", "30000")]:  # fmt: skip
        application = ApplicationFactory(user=alice, title=title, stage="offer")
        alice_client.post(url("offer", application.pk), offer_post(currency=currency,
                                                                   base_monthly=base))  # fmt: skip
    page = body(alice_client.get(url("offers")))
    assert "Offers in PHP" in page and "Offers in INR" in page
    assert "different currencies" in page
    assert page.count('class="num best"') >= 2
    assert "not stated" in page  # no differential stated in India
    assert "No offer recorded yet" in body(_empty_offers(alice_client, alice))


def _empty_offers(client, alice):
    Offer.objects.filter(application__user=alice).delete()
    return client.get(url("offers"))


# Funnel and export ---------------------------------------------------------------------------


def test_the_funnel_links_the_biggest_drop_to_its_practice(alice_client, alice):
    assert "Track your applications" in body(alice_client.get(url("funnel")))
    for _n in range(3):
        move(ApplicationFactory(user=alice), "assessment", "rejected")
    move(ApplicationFactory(user=alice), "hr_screen", "rejected")
    page = body(alice_client.get(url("funnel")))
    assert "Most of them stop at: Assessment" in page
    assert "3 rejections out of 3 that got this far (100%)." in page
    assert 'href="/skills/">Practise in the Skills lab' in page
    assert 'class="drop-row"' in page


def test_the_funnel_without_rejections(alice_client, alice):
    ApplicationFactory(user=alice)
    assert "No rejection recorded" in body(alice_client.get(url("funnel")))


def read_csv(response):
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_csv_export_has_every_application_escaped(alice_client, alice):
    application = ApplicationFactory(
        user=alice, title="=HYPERLINK(\"http://evil\")", company="+Acme, Ltd",
        notes="-2+3\nsecond line", stage="offer",
    )  # fmt: skip
    resume = ResumeFactory(user=alice, title="@resume")
    services.application_update(
        application=application, title=application.title, company=application.company,
        channel="walk_in", notes=application.notes, next_action="Call Ramesh",
        next_action_due=datetime.date(2026, 12, 1), interview_at=None, resume=resume,
        cover_letter=None,
    )  # fmt: skip
    application.contacts.add(ContactFactory(user=alice, name="Señora Dela Cruz"))
    ApplicationFactory(user=alice, title="Chat – नौकरी", stage="applied")
    response = alice_client.get(url("export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="applications-')
    rows = read_csv(response)
    header = rows[0]
    assert header[:3] == ["Title", "Company", "Stage"] and len(rows) == 3
    first = dict(zip(header, rows[1], strict=True))
    assert first["Title"] == '\'=HYPERLINK("http://evil")'
    assert first["Company"] == "'+Acme, Ltd"
    assert first["Notes"] == "'-2+3\nsecond line"
    assert first["Resume"] == "'@resume"
    assert first["Stage"] == "Offer" and first["Channel"] == "Walk-in"
    assert first["Next action due"] == "2026-12-01"
    assert first["Contacts"] == "Señora Dela Cruz"
    assert dict(zip(header, rows[2], strict=True))["Title"] == "Chat – नौकरी"


def test_delete_asks_then_deletes(alice_client, card):
    assert "cannot be undone" in body(alice_client.get(url("delete", card.pk)))
    response = alice_client.post(url("delete", card.pk))
    assert response["Location"] == url("board")
    assert not Application.objects.exists()


def test_a_hired_card_offers_no_move_and_a_closed_one_without_history_shows_none(
    alice_client, alice
):
    hired = ApplicationFactory(user=alice, title="Hired job", stage="offer")
    move(hired, "training", "production")
    Application.objects.create(
        user=alice, title="Imported", stage="rejected", stage_changed_on=alice_today()
    )
    page = body(alice_client.get(url("board")))
    assert page.count("Hired: the last stage.") == 1
    assert f'action="{url("move", hired.pk)}"' not in page
    assert "Congratulations" in body(alice_client.get(url("detail", hired.pk)))
