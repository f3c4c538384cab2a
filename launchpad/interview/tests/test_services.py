from __future__ import annotations

import datetime

import pytest

from launchpad.careers.tests.factories import RoleFactory
from launchpad.interview import selectors, services
from launchpad.interview.exceptions import InterviewInputError
from launchpad.interview.models import (
    Answer,
    CoachSettings,
    CompanyNote,
    PracticeSession,
    ReviewCard,
)
from launchpad.interview.tests.conftest import STAR_ANSWER
from launchpad.interview.tests.factories import CompanyNoteFactory

DAY = datetime.timedelta(days=1)


def start(user, today, now, **kwargs):
    return services.session_start(user=user, today=today, now=now, **kwargs)


def slugs(session):
    return [a.question.slug for a in session.answers.order_by("position")]


def submit(answer, now, today, text=STAR_ANSWER, **kwargs):
    return services.answer_submit(answer=answer, text=text, now=now, today=today, **kwargs)


# Starting sessions -----------------------------------------------------------------------


def test_practice_of_one_round_asks_that_round_in_bank_order(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)

    assert slugs(session) == ["ops-irate", "ops-refund", "ops-aht"]
    assert session.kind == "practice"
    assert session.finished_at is None


def test_the_coachs_mix_takes_one_question_from_each_round_in_turn(alice, bank, today, now):
    session = start(alice, today, now, count=3)

    rounds = [a.question.round for a in session.answers.order_by("position")]
    assert rounds == ["hr", "operations", "role"]


def test_the_coachs_mix_leaves_out_growth_questions_unless_practising_a_growth_role(
    alice, bank, today, now
):
    RoleFactory(slug="team-leader", level="growth", rank=2)
    plain = start(alice, today, now, count=10)
    leader = start(alice, today, now, count=10, role="team-leader")

    assert "growth-tl-low" not in slugs(plain)
    assert "growth-tl-low" in slugs(leader)


def test_a_track_keeps_only_its_questions(alice, bank, today, now):
    session = start(alice, today, now, round="role", count=3, track="domestic-voice")

    assert slugs(session) == ["role-voice-hold"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"round": "lunch"}, "round"),
        ({"count": 7}, "3, 5 or 10"),
        ({"track": "space"}, "track"),
        ({"role": "astronaut"}, "role"),
        ({"kind": "exam"}, "practice or a mock"),
        ({"round": "sales"}, "No question"),
    ],
)
def test_bad_choices_are_refused_and_create_nothing(alice, bank, today, now, kwargs, message):
    with pytest.raises(InterviewInputError, match=message):
        start(alice, today, now, **kwargs)

    assert not PracticeSession.objects.exists()


def test_someone_elses_company_note_is_refused(alice, eve, bank, today, now):
    note = CompanyNoteFactory(user=eve)

    with pytest.raises(InterviewInputError):
        start(alice, today, now, company=note)
    assert not PracticeSession.objects.exists()


def test_a_mock_interview_is_an_hr_round_opening_with_an_introduction_then_operations(
    alice, bank, today, now
):
    session = start(alice, today, now, kind="mock")
    answers = list(session.answers.order_by("position").select_related("question"))

    assert [a.question.round for a in answers] == ["hr"] * 4 + ["operations"] * 4
    assert answers[0].question.kind == "introduction"
    assert session.kind == "mock"


def test_practising_one_question(alice, bank, today, now):
    session = start(alice, today, now, kind="single", question=bank["aht"])

    assert slugs(session) == ["ops-aht"]
    assert session.round == "operations"


def test_a_retired_question_cannot_be_practised(alice, bank, today, now):
    bank["aht"].is_active = False
    bank["aht"].save()

    with pytest.raises(InterviewInputError, match="not in the bank"):
        start(alice, today, now, kind="single", question=bank["aht"])


# Answering ----------------------------------------------------------------------------------


def test_an_answer_gets_feedback_and_schedules_the_question(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)
    services.answer_shown(answer=answer, now=now)

    submit(answer, now + datetime.timedelta(seconds=90), today, think_seconds=12, answer_seconds=70)

    answer.refresh_from_db()
    assert answer.feedback["word_count"] > 60
    assert answer.feedback["star"]["result"]["found"] is True
    assert 0 <= answer.suggested_quality <= 5
    assert (answer.think_seconds, answer.answer_seconds) == (12, 70)
    card = ReviewCard.objects.get(user=alice, question=answer.question)
    assert card.reviews == 1
    assert card.first_seen == today
    assert card.due is not None and card.due > today
    assert answer.card_before["repetitions"] == 0


def test_times_the_browser_sends_are_kept_within_what_the_server_saw(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)
    services.answer_shown(answer=answer, now=now)

    submit(
        answer, now + datetime.timedelta(seconds=30), today, think_seconds=500, answer_seconds=900
    )

    answer.refresh_from_db()
    assert answer.think_seconds == 35.0
    assert answer.answer_seconds == 0.0


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "Type your answer"), ("word " * 1500, "under 6000 characters")],
)
def test_empty_or_overlong_answers_are_refused_and_nothing_is_saved(
    alice, bank, today, now, text, message
):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)

    with pytest.raises(InterviewInputError, match=message):
        submit(answer, now, today, text=text)

    answer.refresh_from_db()
    assert answer.submitted_at is None and answer.text == ""
    assert not ReviewCard.objects.exists()


def test_a_saved_answer_is_never_overwritten(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)
    submit(answer, now, today)

    with pytest.raises(InterviewInputError, match="already saved"):
        submit(Answer.objects.get(pk=answer.pk), now, today, text="Something else entirely.")

    assert Answer.objects.get(pk=answer.pk).text == STAR_ANSWER
    assert ReviewCard.objects.get().reviews == 1


def test_a_recorded_only_answer_is_kept_without_feedback_or_schedule(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)

    submit(answer, now, today, text="", spoken_only=True)

    answer.refresh_from_db()
    assert answer.submitted_at == now and answer.feedback is None
    card = ReviewCard.objects.get()
    assert card.reviews == 0 and card.due is None


def test_the_last_answer_finishes_the_session(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    for answer in session.answers.all():
        submit(answer, now, today)

    session.refresh_from_db()
    assert session.finished_at == now


def test_a_company_question_checks_the_research_notes(alice, bank, today, now):
    note = CompanyNoteFactory(user=alice, name="Acme Support", client_industries="Telecom")
    session = start(alice, today, now, kind="single", question=bank["company"], company=note)
    answer = session.answers.get()

    submit(
        answer,
        now,
        today,
        text="I want to join Acme Support because you serve telecom "
        "clients and I studied telecom networks in college, so I can learn quickly there.",
    )

    answer.refresh_from_db()
    assert answer.feedback["company"]["name"] == "Acme Support"
    assert answer.feedback["company"]["mentioned"] is True
    assert "Telecom" in answer.feedback["company"]["facts_used"]


# Rating and the schedule ----------------------------------------------------------------------


def test_the_candidates_rating_replaces_the_suggested_one(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)
    submit(answer, now, today)

    services.answer_rate(answer=Answer.objects.get(pk=answer.pk), quality=1, today=today)

    card = ReviewCard.objects.get()
    assert card.last_quality == 1
    assert card.due == today + DAY
    assert card.lapses == 1
    assert card.reviews == 1
    assert Answer.objects.get(pk=answer.pk).quality == 1


@pytest.mark.parametrize("quality", [-1, 6, 99])
def test_a_rating_outside_the_scale_is_refused(alice, bank, today, now, quality):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=1)
    submit(answer, now, today)
    before = ReviewCard.objects.values().get()

    with pytest.raises(InterviewInputError):
        services.answer_rate(answer=Answer.objects.get(pk=answer.pk), quality=quality, today=today)

    assert ReviewCard.objects.values().get() == before


def test_an_answer_not_yet_submitted_cannot_be_rated(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)

    with pytest.raises(InterviewInputError, match="Submit the answer"):
        services.answer_rate(answer=session.answers.get(position=1), quality=4, today=today)


def test_an_older_answer_cannot_reset_a_newer_schedule(alice, bank, today, now):
    first = start(alice, today, now, kind="single", question=bank["aht"]).answers.get()
    submit(first, now, today)
    second = start(alice, today, now, kind="single", question=bank["aht"]).answers.get()
    submit(second, now + DAY, today + DAY)

    with pytest.raises(InterviewInputError, match="newer answer"):
        services.answer_rate(answer=Answer.objects.get(pk=first.pk), quality=5, today=today + DAY)


def test_a_practised_question_is_due_on_the_day_sm2_gives_and_comes_first(alice, bank, today, now):
    session = start(alice, today, now, round="operations", count=3)
    answer = session.answers.get(position=3)  # ops-aht
    submit(answer, now, today)
    services.answer_rate(answer=Answer.objects.get(pk=answer.pk), quality=4, today=today)

    assert selectors.schedule(alice, today=today).due == []
    tomorrow = selectors.schedule(alice, today=today + DAY)
    assert [q.slug for q in tomorrow.due] == ["ops-aht"]
    following = start(alice, today + DAY, now + DAY, round="operations", count=3)
    assert slugs(following)[0] == "ops-aht"


def test_the_interview_date_brings_every_question_back_before_it(alice, bank, today, now):
    services.settings_update(
        user=alice, interview_date=today + 3 * DAY, track="", role="", company=None, today=today
    )
    for _ in range(3):  # three good reviews would normally push the next one weeks away
        answer = start(alice, today, now, kind="single", question=bank["aht"]).answers.get()
        submit(answer, now, today)
        services.answer_rate(answer=Answer.objects.get(pk=answer.pk), quality=5, today=today)

    assert ReviewCard.objects.get().due <= today + 2 * DAY


def test_new_questions_are_paced_to_cover_the_bank_before_the_interview(alice, bank, today, now):
    services.settings_update(
        user=alice, interview_date=today + 2 * DAY, track="", role="", company=None, today=today
    )
    schedule = selectors.schedule(alice, today=today)

    assert schedule.coverage.total == 10  # the growth question is not in the mix
    assert schedule.coverage.new_per_day >= 5
    assert schedule.interview_date == today + 2 * DAY


# Settings and notes ---------------------------------------------------------------------------


def test_settings_refuse_a_past_interview_date_and_keep_the_old_one(alice, today):
    services.settings_update(
        user=alice, interview_date=today + DAY, track="", role="", company=None, today=today
    )

    with pytest.raises(InterviewInputError, match="passed"):
        services.settings_update(
            user=alice, interview_date=today - DAY, track="", role="", company=None, today=today
        )
    with pytest.raises(InterviewInputError, match="within the next year"):
        services.settings_update(
            user=alice, interview_date=today + 400 * DAY, track="", role="", company=None,
            today=today,
        )  # fmt: skip

    assert CoachSettings.objects.get(user=alice).interview_date == today + DAY


def test_company_notes_are_unique_per_person_in_any_letter_case(alice, eve):
    services.company_note_save(user=alice, fields={"name": "Acme Support"})
    services.company_note_save(user=eve, fields={"name": "Acme Support"})

    with pytest.raises(InterviewInputError, match="already have a note"):
        services.company_note_save(user=alice, fields={"name": "ACME support "})
    with pytest.raises(InterviewInputError, match="name"):
        services.company_note_save(user=alice, fields={"name": "  "})
    with pytest.raises(InterviewInputError, match="under 2000"):
        services.company_note_save(user=alice, fields={"name": "Beta", "notes": "x" * 2001})

    assert CompanyNote.objects.filter(user=alice).count() == 1


def test_deleting_a_note_keeps_the_sessions_that_used_it(alice, bank, today, now):
    note = CompanyNoteFactory(user=alice)
    session = start(alice, today, now, kind="single", question=bank["company"], company=note)

    services.company_note_delete(note=note)

    session.refresh_from_db()
    assert session.company is None
    assert session.answers.count() == 1


def test_company_facts_split_the_notes_into_short_facts():
    note = CompanyNote(
        name="Acme", services="Inbound voice; chat\nemail", client_industries="Telecom, telecom",
        locations="", values="",
    )  # fmt: skip

    facts = selectors.company_facts(note)

    assert facts.name == "Acme"
    assert facts.facts == ("Inbound voice", "chat", "email", "Telecom")
    assert selectors.company_facts(None) is None
