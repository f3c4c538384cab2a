from __future__ import annotations

import collections
import json

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts.services import account_delete, account_export, guest_create, guest_merge
from launchpad.content.interview_reader import InterviewContent
from launchpad.interview import services
from launchpad.interview.loader import load_interview
from launchpad.interview.models import (
    Answer,
    CompanyNote,
    PracticeSession,
    Question,
    ReviewCard,
)
from launchpad.interview.tests.conftest import STAR_ANSWER, packaged
from launchpad.interview.tests.factories import CompanyNoteFactory, QuestionFactory

# The packaged bank ----------------------------------------------------------------------------


def test_the_packaged_bank_has_150_valid_questions_over_every_round():
    content = packaged()
    rounds = collections.Counter(q.round for q in content.questions)

    assert len(content.questions) >= 150
    assert set(rounds) == {"hr", "operations", "role", "growth", "sales"}
    assert rounds["hr"] >= 30 and rounds["operations"] >= 30
    assert any(q.about_company for q in content.questions)
    assert content.lexicon is not None
    assert all(q.sources for q in content.questions)


def test_every_track_has_role_questions_and_a_mock_interview_can_be_drawn_for_it():
    questions = packaged().questions
    for track in ("international-voice", "domestic-voice", "chat-email", "back-office",
                  "technical-support", "kpo"):  # fmt: skip
        fitting = [q for q in questions if track in q.tracks]
        assert any(q.round == "role" for q in fitting), track
        assert sum(q.round == "hr" for q in fitting) >= 5, track
        assert sum(q.round == "operations" for q in fitting) >= 5, track


def test_loading_is_idempotent_and_retires_questions_gone_from_the_files(db):
    content = packaged()
    first = load_interview(content)
    again = load_interview(content)
    smaller = InterviewContent(questions=content.questions[1:], lexicon=content.lexicon)
    last = load_interview(smaller)

    assert first.created == len(content.questions)
    assert (again.created, again.updated, again.retired) == (0, len(content.questions), 0)
    assert last.retired == 1
    gone = Question.objects.get(slug=content.questions[0].id)
    assert gone.is_active is False
    assert gone.guide() == content.questions[0]


def test_a_loaded_question_round_trips_to_the_same_guide(db):
    load_interview(packaged())
    question = Question.objects.get(slug=packaged().questions[5].id)

    assert question.guide() == packaged().questions[5]


def test_the_admin_refuses_an_invalid_question_with_every_problem(db):
    question = QuestionFactory.build(slug="ops-bad", talking_points=[], min_words=300)

    with pytest.raises(ValidationError) as error:
        question.full_clean()

    text = " ".join(error.value.messages)
    assert "talking_points" in text and "words" in text
    assert Question in admin_site._registry


def test_a_question_with_answers_cannot_be_deleted(alice, bank):
    session = services.session_start(
        user=alice, kind="single", question=bank["aht"], today=timezone.localdate(),
        now=timezone.now(),
    )  # fmt: skip
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        bank["aht"].delete()
    assert session.answers.count() == 1


# API ----------------------------------------------------------------------------------------


def test_the_feedback_api_answers_for_a_bank_question(alice_client, bank):
    response = alice_client.post(
        "/api/interview/feedback",
        json.dumps({"question": "ops-irate", "answer": STAR_ANSWER}),
        content_type="application/json",
    )

    assert response.status_code == 200
    data = response.json()
    assert data["star"]["action"]["found"] is True
    assert {"word_count", "fillers", "job_terms_used", "talking_points_missed"} <= set(data)
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"question": "nope", "answer": "Hello."}, 404),
        ({"question": "ops-irate", "answer": "   "}, 422),
        ({"question": "ops-irate", "answer": "Hi.", "track": "mars"}, 422),
    ],
)
def test_the_feedback_api_refuses_bad_input(alice_client, bank, payload, status):
    response = alice_client.post(
        "/api/interview/feedback", json.dumps(payload), content_type="application/json"
    )

    assert response.status_code == status
    assert response.json()["detail"]


def test_the_schedule_and_sessions_api_show_only_my_own(alice, eve_client, alice_client, bank):
    session = services.session_start(
        user=alice, round="operations", count=3, today=timezone.localdate(), now=timezone.now()
    )
    services.answer_submit(
        answer=session.answers.get(position=1), text=STAR_ANSWER, now=timezone.now(),
        today=timezone.localdate(),
    )  # fmt: skip

    mine = alice_client.get("/api/interview/sessions").json()
    theirs = eve_client.get("/api/interview/sessions").json()
    schedule = eve_client.get("/api/interview/schedule").json()

    assert [(s["id"], s["answers"], s["answered"]) for s in mine] == [(session.pk, 3, 1)]
    assert theirs == []
    assert schedule["seen"] == 0 and schedule["due"] == []


def test_the_api_needs_a_sign_in(client, bank):
    assert client.get("/api/interview/schedule").status_code == 401
    response = client.post(
        "/api/interview/feedback",
        json.dumps({"question": "ops-irate", "answer": STAR_ANSWER}),
        content_type="application/json",
    )
    assert response.status_code == 401


# Accounts: export, guest merge, delete ----------------------------------------------------------


def test_the_account_export_holds_the_interview_data(alice, bank):
    note = CompanyNoteFactory(user=alice, name="Acme")
    session = services.session_start(
        user=alice, kind="single", question=bank["company"], company=note,
        today=timezone.localdate(), now=timezone.now(),
    )  # fmt: skip
    services.answer_submit(
        answer=session.answers.get(), text=STAR_ANSWER, now=timezone.now(),
        today=timezone.localdate(),
    )  # fmt: skip

    data = account_export(user=alice)

    assert data["company_notes"][0]["name"] == "Acme"
    answer = data["interview_sessions"][0]["answers"][0]
    assert answer["text"] == STAR_ANSWER and answer["feedback"]["word_count"] > 0
    assert data["interview_schedule"][0]["question"] == "hr-why-us"


def test_a_guest_signing_in_brings_their_practice_into_the_account(alice, bank):
    guest = guest_create()
    CompanyNoteFactory(user=guest, name="Acme")
    CompanyNoteFactory(user=alice, name="ACME")
    CompanyNoteFactory(user=guest, name="Globex")
    session = services.session_start(
        user=guest, round="operations", count=3, today=timezone.localdate(), now=timezone.now()
    )
    services.answer_submit(
        answer=session.answers.get(position=1), text=STAR_ANSWER, now=timezone.now(),
        today=timezone.localdate(),
    )  # fmt: skip

    guest_merge(guest=guest, into=alice)

    assert PracticeSession.objects.get().user == alice
    assert ReviewCard.objects.get().user == alice
    assert sorted(CompanyNote.objects.filter(user=alice).values_list("name", flat=True)) == [
        "ACME", "Globex",
    ]  # fmt: skip


def test_deleting_the_account_deletes_the_interview_data(alice, bank):
    session = services.session_start(
        user=alice, round="operations", count=3, today=timezone.localdate(), now=timezone.now()
    )
    services.answer_submit(
        answer=session.answers.get(position=1), text=STAR_ANSWER, now=timezone.now(),
        today=timezone.localdate(),
    )  # fmt: skip
    CompanyNoteFactory(user=alice)

    account_delete(user=alice)

    assert not PracticeSession.objects.exists() and not Answer.objects.exists()
    assert not ReviewCard.objects.exists() and not CompanyNote.objects.exists()
    assert Question.objects.count() == len(bank)


def test_the_nav_links_to_the_coach(alice_client):
    body = alice_client.get(reverse("goals:dashboard")).content.decode()

    assert reverse("interview:home") in body
