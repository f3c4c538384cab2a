from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.interview import services
from launchpad.interview.models import Answer, CompanyNote, PracticeSession, ReviewCard
from launchpad.interview.tests.conftest import STAR_ANSWER
from launchpad.interview.tests.factories import CompanyNoteFactory


def started(user, **kwargs):
    return services.session_start(
        user=user, today=timezone.localdate(), now=timezone.now(), **kwargs
    )


def test_every_page_needs_a_sign_in(client, alice, bank):
    session = started(alice, round="hr", count=3)
    answer = session.answers.first()
    note = CompanyNoteFactory(user=alice)
    for url in [
        reverse("interview:home"), reverse("interview:questions"),
        reverse("interview:question", args=["ops-aht"]), reverse("interview:companies"),
        reverse("interview:company", args=[note.pk]), session.get_absolute_url(),
        answer.get_absolute_url(), reverse("interview:report", args=[session.pk]),
        reverse("interview:report_pdf", args=[session.pk]),
    ]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_home_shows_the_schedule_and_the_start_forms(alice_client, bank):
    response = alice_client.get(reverse("interview:home"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Start practice" in body and "Start a mock interview" in body
    assert 'id="due-count">0<' in body


def test_a_practice_round_trip_start_answer_feedback_rate_next(alice_client, alice, bank):
    response = alice_client.post(reverse("interview:start"), {"round": "operations", "count": "3"})
    session = PracticeSession.objects.get(user=alice)
    assert response["Location"] == session.get_absolute_url()

    page = alice_client.get(session.get_absolute_url())
    assert page.status_code == 200
    assert "Question 1 of 3" in page.content.decode()
    answer = session.answers.get(position=1)
    assert Answer.objects.get(pk=answer.pk).shown_at is not None

    response = alice_client.post(
        reverse("interview:answer_submit", args=[answer.pk]),
        {"text": STAR_ANSWER, "think_seconds": "8", "answer_seconds": "60"},
    )
    assert response["Location"] == answer.get_absolute_url()
    feedback = alice_client.get(answer.get_absolute_url())
    body = feedback.content.decode()
    assert "Talking points" in body and "covered" in body
    assert "a guide" in body.lower()

    response = alice_client.post(
        reverse("interview:answer_rate", args=[answer.pk]), {"quality": "4"}
    )
    assert response["Location"] == session.get_absolute_url()
    assert ReviewCard.objects.get(user=alice).last_quality == 4
    assert "Question 2 of 3" in alice_client.get(session.get_absolute_url()).content.decode()


def test_a_blank_answer_is_refused_with_a_message_and_nothing_saved(alice_client, alice, bank):
    session = started(alice, round="operations", count=3)
    answer = session.answers.get(position=1)

    response = alice_client.post(
        reverse("interview:answer_submit", args=[answer.pk]), {"text": "  "}
    )

    assert response.status_code == 400
    assert "Type your answer, or record it" in response.content.decode()
    assert Answer.objects.get(pk=answer.pk).submitted_at is None


def test_a_second_submission_keeps_the_first_answer(alice_client, alice, bank):
    session = started(alice, round="operations", count=3)
    answer = session.answers.get(position=1)
    url = reverse("interview:answer_submit", args=[answer.pk])
    alice_client.post(url, {"text": STAR_ANSWER})

    response = alice_client.post(url, {"text": "A different answer."}, follow=True)

    assert "already saved" in response.content.decode()
    assert Answer.objects.get(pk=answer.pk).text == STAR_ANSWER


def test_a_mock_interview_gives_no_feedback_until_the_report(alice_client, alice, bank):
    alice_client.post(reverse("interview:mock"))
    session = PracticeSession.objects.get(user=alice, kind="mock")
    answers = list(session.answers.order_by("position"))

    for answer in answers:
        page = alice_client.get(session.get_absolute_url())
        assert "How did it go?" not in page.content.decode()
        response = alice_client.post(
            reverse("interview:answer_submit", args=[answer.pk]), {"text": STAR_ANSWER}
        )
        assert response["Location"] == session.get_absolute_url()

    response = alice_client.get(session.get_absolute_url())
    assert response["Location"] == reverse("interview:report", args=[session.pk])
    report = alice_client.get(response["Location"]).content.decode()
    assert "Mock interview report" in report and "Overall" in report
    assert "HR round" in report and "Operations round" in report

    pdf = alice_client.get(reverse("interview:report_pdf", args=[session.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert 'filename="mock-interview-' in pdf["Content-Disposition"]


def test_bad_start_choices_come_back_as_messages(alice_client, alice, bank):
    response = alice_client.post(
        reverse("interview:start"), {"round": "lunch", "count": "7"}, follow=True
    )

    body = response.content.decode()
    assert "Choose 3, 5 or 10 questions." in body
    assert not PracticeSession.objects.exists()


def test_settings_are_saved_and_a_past_date_is_refused(alice_client, alice, bank):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    alice_client.post(
        reverse("interview:settings"), {"settings-interview_date": tomorrow.isoformat()}
    )
    response = alice_client.post(
        reverse("interview:settings"), {"settings-interview_date": "2020-01-01"}, follow=True
    )

    assert "That date has passed" in response.content.decode()
    assert alice.interview_settings.interview_date == tomorrow


def test_company_notes_can_be_added_edited_and_deleted(alice_client, alice):
    response = alice_client.post(
        reverse("interview:companies"), {"name": "Acme Support", "services": "Inbound voice"}
    )
    note = CompanyNote.objects.get(user=alice)
    assert response.status_code == 302

    duplicate = alice_client.post(reverse("interview:companies"), {"name": "acme support"})
    assert duplicate.status_code == 400
    assert "already have a note" in duplicate.content.decode()

    alice_client.post(
        reverse("interview:company", args=[note.pk]), {"name": "Acme", "locations": "Pune"}
    )
    note.refresh_from_db()
    assert (note.name, note.locations, note.services) == ("Acme", "Pune", "")

    alice_client.post(reverse("interview:company_delete", args=[note.pk]))
    assert not CompanyNote.objects.exists()


def test_the_bank_filters_by_round_track_and_words(alice_client, bank):
    page = alice_client.get(reverse("interview:questions"), {"round": "role"})
    body = page.content.decode()
    assert bank["hold"].prompt in body and bank["aht"].prompt not in body

    page = alice_client.get(reverse("interview:questions"), {"q": "ops aht"})
    assert "1 question" in page.content.decode()

    detail = alice_client.get(bank["aht"].get_absolute_url())
    assert "Common mistakes" in detail.content.decode()


def test_practising_one_question_from_the_bank(alice_client, alice, bank):
    response = alice_client.post(reverse("interview:practise", args=["ops-aht"]))

    session = PracticeSession.objects.get(user=alice)
    assert response["Location"] == session.get_absolute_url()
    assert session.kind == "single"


def test_deleting_a_session_removes_its_answers_and_keeps_the_schedule(alice_client, alice, bank):
    session = started(alice, round="operations", count=3)
    alice_client.post(
        reverse("interview:answer_submit", args=[session.answers.get(position=1).pk]),
        {"text": STAR_ANSWER},
    )

    alice_client.post(reverse("interview:session_delete", args=[session.pk]))

    assert not PracticeSession.objects.exists() and not Answer.objects.exists()
    assert ReviewCard.objects.filter(user=alice).count() == 1


# Privacy: eve sees and changes nothing of alice's -----------------------------------------------


@pytest.fixture
def alices_work(alice, bank):
    session = started(alice, round="operations", count=3)
    answer = session.answers.get(position=1)
    services.answer_submit(
        answer=answer, text=STAR_ANSWER, now=timezone.now(), today=timezone.localdate()
    )
    note = CompanyNoteFactory(user=alice, name="Acme")
    return session, Answer.objects.get(pk=answer.pk), note


def test_eve_cannot_see_alices_sessions_answers_reports_or_notes(eve_client, alices_work):
    session, answer, note = alices_work
    for url in [
        session.get_absolute_url(), answer.get_absolute_url(),
        reverse("interview:report", args=[session.pk]),
        reverse("interview:report_pdf", args=[session.pk]),
        reverse("interview:company", args=[note.pk]),
    ]:  # fmt: skip
        assert eve_client.get(url).status_code == 404, url
    home = eve_client.get(reverse("interview:home")).content.decode()
    companies = eve_client.get(reverse("interview:companies")).content.decode()
    assert "Acme" not in home and "Acme" not in companies


def test_eve_cannot_answer_rate_or_delete_alices_things(eve_client, alices_work):
    session, answer, note = alices_work
    second = session.answers.get(position=2)
    posts = [
        (reverse("interview:answer_submit", args=[second.pk]), {"text": "Eve was here."}),
        (reverse("interview:answer_rate", args=[answer.pk]), {"quality": "0"}),
        (reverse("interview:session_delete", args=[session.pk]), {}),
        (reverse("interview:company", args=[note.pk]), {"name": "Eve Corp"}),
        (reverse("interview:company_delete", args=[note.pk]), {}),
    ]
    for url, data in posts:
        assert eve_client.post(url, data).status_code == 404, url

    assert Answer.objects.get(pk=second.pk).submitted_at is None
    assert Answer.objects.get(pk=answer.pk).quality is None
    assert PracticeSession.objects.filter(pk=session.pk).exists()
    assert CompanyNote.objects.get(pk=note.pk).name == "Acme"


def test_eve_cannot_start_a_session_with_alices_company_note(eve_client, eve, alices_work):
    _, _, note = alices_work

    eve_client.post(
        reverse("interview:start"), {"round": "hr", "count": "3", "company": str(note.pk)}
    )

    assert not PracticeSession.objects.filter(user=eve).exists()


def test_the_question_page_stays_within_a_fixed_number_of_queries(
    alice_client, alice, bank, django_assert_max_num_queries
):
    session = started(alice, round="operations", count=3)
    alice_client.get(session.get_absolute_url())

    with django_assert_max_num_queries(12):
        alice_client.get(session.get_absolute_url())
