"""Writes for the interview coach. Each refuses bad input with InterviewInputError and then
changes nothing; answers, once submitted, are never overwritten."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.careers.models import Role
from launchpad.core.interview import TRACKS
from launchpad.core.spaced import CardState, plan_session, review
from launchpad.interview import selectors
from launchpad.interview.exceptions import InterviewInputError
from launchpad.interview.models import (
    Answer,
    CoachSettings,
    CompanyNote,
    Kind,
    PracticeSession,
    Question,
    ReviewCard,
    Round,
)

SESSION_SIZES = (3, 5, 10)
# The mock interview day: an HR round, then an operations round, back to back.
MOCK_ROUNDS = ((Round.HR.value, 5), (Round.OPERATIONS.value, 5))
MAX_ANSWER_CHARS = 6000
MAX_DAYS_AHEAD = 366
# The ratings a candidate gives after the feedback, as SM-2 qualities.
RATINGS = {1: _("Again"), 3: _("Hard"), 4: _("Good"), 5: _("Easy")}


def rating_button(quality: int | None) -> int | None:
    """The offered rating nearest a suggested SM-2 quality (0-2 all mean "again")."""
    if quality is None:
        return None
    return 1 if quality < 3 else quality


NOTE_FIELDS = ("name", "services", "client_industries", "locations", "values", "notes")
MAX_NOTE_FIELD = 2000


# Settings and company notes -------------------------------------------------------------------


def _check_track_role(track: str, role: str) -> None:
    if track and track not in TRACKS:
        raise InterviewInputError(_("Choose a track from the list."))
    if role and not Role.objects.filter(slug=role).exists():
        raise InterviewInputError(_("Choose a role from the list."))


def settings_update(
    *, user: User, interview_date: datetime.date | None, track: str, role: str,
    company: CompanyNote | None, today: datetime.date,
) -> CoachSettings:  # fmt: skip
    """Saves the interview date and the track, role and company the candidate practises for.

    The date may be today or up to a year ahead, or empty; `company` must be the user's own.
    """
    if interview_date is not None and interview_date < today:
        raise InterviewInputError(
            _("That date has passed. Choose today or a later date, or leave it empty.")
        )
    if interview_date is not None and (interview_date - today).days > MAX_DAYS_AHEAD:
        raise InterviewInputError(_("Choose an interview date within the next year."))
    _check_track_role(track, role)
    if company is not None and company.user_id != user.pk:
        raise InterviewInputError(_("Choose one of your own company notes."))
    settings, _created = CoachSettings.objects.update_or_create(
        user=user,
        defaults={"interview_date": interview_date, "track": track, "role": role,
                  "company": company},
    )  # fmt: skip
    return settings


def company_note_save(
    *, user: User, fields: Mapping[str, str], note: CompanyNote | None = None
) -> CompanyNote:
    """Creates or updates a research note; the company's name is required and unique (in any
    letter case) among the candidate's notes."""
    values = {name: (fields.get(name) or "").strip() for name in NOTE_FIELDS}
    if not values["name"]:
        raise InterviewInputError(_("Write the company's name."))
    if len(values["name"]) > 120:
        raise InterviewInputError(_("Keep the company's name under 120 characters."))
    for name in NOTE_FIELDS[1:]:
        if len(values[name]) > MAX_NOTE_FIELD:
            raise InterviewInputError(
                _("Keep each note under %(n)s characters.") % {"n": MAX_NOTE_FIELD}
            )
    clash = CompanyNote.objects.filter(user=user, name__iexact=values["name"])
    if note is not None:
        clash = clash.exclude(pk=note.pk)
    if clash.exists():
        raise InterviewInputError(
            _("You already have a note on %(name)s: edit that one.") % {"name": values["name"]}
        )
    if note is None:
        return CompanyNote.objects.create(user=user, **values)
    for name, value in values.items():
        setattr(note, name, value)
    note.save()
    return note


def company_note_delete(*, note: CompanyNote) -> None:
    """Deletes the note; sessions that used it keep their answers and feedback."""
    note.delete()


# Sessions ----------------------------------------------------------------------------------


def _pick(
    pool: list[Question], cards: Mapping[str, CardState], *, count: int,
    today: datetime.date, deadline: datetime.date | None, new_today: int,
    exclude: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Question]:  # fmt: skip
    """`count` questions of `pool`: what the schedule says first (due, then new at the pace
    that covers the bank before the interview), then unseen ones in bank order so a session
    the candidate asked for is never cut short."""
    by_slug = {q.slug: q for q in pool if q.slug not in exclude}
    slugs = list(by_slug)
    chosen = plan_session(
        cards, slugs, today=today, count=count, deadline=deadline, new_today=new_today
    )
    if len(chosen) < count:
        chosen += [s for s in slugs if s not in chosen and s not in cards][: count - len(chosen)]
    return [by_slug[s] for s in chosen]


def _mock_round(
    pool: list[Question], cards: Mapping[str, CardState], *, count: int,
    today: datetime.date, deadline: datetime.date | None,
) -> list[Question]:  # fmt: skip
    """A round opens as a real one does, with an introduction when the round has one."""
    openers = [q for q in pool if q.kind == Kind.INTRODUCTION]
    first = _pick(openers, cards, count=1, today=today, deadline=deadline, new_today=0)
    rest = _pick(
        [q for q in pool if q.kind != Kind.INTRODUCTION], cards, count=count - len(first),
        today=today, deadline=deadline, new_today=0,
    )  # fmt: skip
    return first + rest


@transaction.atomic
def session_start(
    *, user: User, kind: str = PracticeSession.Kind.PRACTICE, round: str = "",
    track: str = "", role: str = "", count: int = 5, company: CompanyNote | None = None,
    question: Question | None = None, today: datetime.date, now: datetime.datetime,
) -> PracticeSession:  # fmt: skip
    """Starts a session and fixes its questions.

    practice: `count` questions of `round` (or the coach's mix) for the track and role, due
    ones first. single: just `question`. mock: an HR round then an operations round.
    Raises InterviewInputError when the choice is invalid or no question fits it.
    """
    if kind not in PracticeSession.Kind.values:
        raise InterviewInputError(_("Choose practice or a mock interview."))
    if round and round not in Round.values:
        raise InterviewInputError(_("Choose a round from the list."))
    if count not in SESSION_SIZES:
        raise InterviewInputError(_("Choose 3, 5 or 10 questions."))
    _check_track_role(track, role)
    if company is not None and company.user_id != user.pk:
        raise InterviewInputError(_("Choose one of your own company notes."))
    settings = selectors.settings_for(user)
    deadline = settings.interview_date
    cards = selectors.card_states(user)
    questions = selectors.active_questions()
    if kind == PracticeSession.Kind.SINGLE:
        if question is None or not question.is_active:
            raise InterviewInputError(_("That question is not in the bank any more."))
        chosen = [question]
        round = question.round
    elif kind == PracticeSession.Kind.MOCK:
        chosen = []
        for mock_round, size in MOCK_ROUNDS:
            pool = selectors.candidates(questions, round=mock_round, track=track, role=role)
            chosen += _mock_round(pool, cards, count=size, today=today, deadline=deadline)
        round = ""
    else:
        pool = selectors.candidates(questions, round=round, track=track, role=role)
        chosen = _pick(
            pool, cards, count=count, today=today, deadline=deadline,
            new_today=selectors.new_introduced_on(user, today),
        )  # fmt: skip
    if not chosen:
        raise InterviewInputError(
            _("No question in the bank fits that choice. Try another round or track.")
        )
    session = PracticeSession.objects.create(
        user=user, kind=kind, round=round, track=track, role=role, company=company,
        started_at=now,
    )  # fmt: skip
    Answer.objects.bulk_create(
        Answer(session=session, question=q, position=n) for n, q in enumerate(chosen, 1)
    )
    return session


def session_delete(*, session: PracticeSession) -> None:
    """Deletes the session with its answers; review schedules stay."""
    session.delete()


def answer_shown(*, answer: Answer, now: datetime.datetime) -> Answer:
    """Records when the question was first put on screen (the timing starts there)."""
    if answer.shown_at is None:
        Answer.objects.filter(pk=answer.pk, shown_at__isnull=True).update(shown_at=now)
        answer.refresh_from_db(fields=["shown_at"])
    return answer


# Answers -----------------------------------------------------------------------------------


def _card_dict(state: CardState) -> dict[str, Any]:
    data = dataclasses.asdict(state)
    data["due"] = state.due.isoformat() if state.due else None
    return data


def _card_state(data: Mapping[str, Any]) -> CardState:
    due = data.get("due")
    return CardState(
        repetitions=int(data["repetitions"]), interval_days=int(data["interval_days"]),
        ease=float(data["ease"]), lapses=int(data.get("lapses", 0)),
        due=datetime.date.fromisoformat(due) if due else None,
    )  # fmt: skip


def _apply(card: ReviewCard, state: CardState, quality: int, today: datetime.date) -> None:
    card.repetitions, card.interval_days, card.ease = (
        state.repetitions, state.interval_days, state.ease,
    )  # fmt: skip
    card.due, card.lapses = state.due, state.lapses
    card.last_quality, card.last_reviewed = quality, today


def _clamp(value: float | None, upper: float) -> float | None:
    if value is None:
        return None
    return round(min(max(value, 0.0), max(upper, 0.0)), 1)


def answer_submit(
    *, answer: Answer, text: str, now: datetime.datetime, today: datetime.date,
    think_seconds: float | None = None, answer_seconds: float | None = None,
    spoken_only: bool = False,
) -> Answer:  # fmt: skip
    """Keeps the typed answer, works out its feedback and schedules the question's next
    review from the suggested rating. `spoken_only` accepts an empty answer the candidate
    recorded in the browser instead (no feedback, and no schedule until they rate it).

    Times the browser measured are kept within what the server saw (shown to submitted).
    Raises InterviewInputError, storing nothing, for an answer already submitted, an empty
    or over-long answer.
    """
    text = text.strip()
    if answer.is_submitted:
        raise InterviewInputError(
            _("This answer is already saved. Practise the question again to write a new one.")
        )
    if not text and not spoken_only:
        raise InterviewInputError(_("Type your answer, or record it, before you submit."))
    if len(text) > MAX_ANSWER_CHARS:
        raise InterviewInputError(
            _("Keep the answer under %(n)s characters.") % {"n": MAX_ANSWER_CHARS}
        )
    session = answer.session
    question = answer.question
    answer.text = text
    feedback = selectors.answer_feedback_for(answer) if text else None
    elapsed = (now - answer.shown_at).total_seconds() if answer.shown_at else None
    limit = elapsed + 5 if elapsed is not None else 24 * 3600.0
    think = _clamp(think_seconds, limit)
    spoken = _clamp(answer_seconds, limit - (think or 0))
    if spoken is None and elapsed is not None:
        spoken = round(max(elapsed - (think or 0), 0.0), 1)
    deadline = selectors.settings_for(session.user).interview_date
    with transaction.atomic():
        locked = Answer.objects.select_for_update().get(pk=answer.pk)
        if locked.is_submitted:
            raise InterviewInputError(
                _("This answer is already saved. Practise the question again to write a new one.")
            )
        card, _created = ReviewCard.objects.select_for_update().get_or_create(
            user=session.user, question=question, defaults={"first_seen": today}
        )
        before = selectors.state_of(card)
        answer.text, answer.think_seconds, answer.answer_seconds = text, think, spoken
        answer.submitted_at = now
        answer.feedback = feedback.to_dict() if feedback else None
        answer.suggested_quality = feedback.suggested_quality if feedback else None
        answer.card_before = _card_dict(before)
        if feedback is not None:
            quality = feedback.suggested_quality
            _apply(card, review(before, quality, today=today, deadline=deadline), quality, today)
            card.reviews += 1
            card.save()
        answer.save(
            update_fields=["text", "think_seconds", "answer_seconds", "submitted_at",
                           "feedback", "suggested_quality", "card_before"]
        )  # fmt: skip
        if not session.answers.filter(submitted_at__isnull=True).exists():
            PracticeSession.objects.filter(pk=session.pk).update(finished_at=now)
            session.finished_at = now
    return answer


def answer_rate(*, answer: Answer, quality: int, today: datetime.date) -> Answer:
    """The candidate's own rating of how the answer went: it replaces the suggested rating
    in the question's schedule (SM-2 is replayed from the state before this answer).

    Raises InterviewInputError for a rating outside 0-5, an answer not yet submitted, or
    when a newer answer to the same question has already set the schedule.
    """
    if quality not in range(6):
        raise InterviewInputError(_("Choose one of the ratings."))
    if not answer.is_submitted or answer.card_before is None:
        raise InterviewInputError(_("Submit the answer before you rate it."))
    session = answer.session
    newer = Answer.objects.filter(
        session__user=session.user, question=answer.question,
        submitted_at__gt=answer.submitted_at,
    ).exists()  # fmt: skip
    if newer:
        raise InterviewInputError(
            _("You answered this question again since: rate that newer answer instead.")
        )
    deadline = selectors.settings_for(session.user).interview_date
    with transaction.atomic():
        card, _created = ReviewCard.objects.select_for_update().get_or_create(
            user=session.user, question=answer.question, defaults={"first_seen": today}
        )
        state = review(_card_state(answer.card_before), quality, today=today, deadline=deadline)
        if answer.suggested_quality is None:
            card.reviews += 1
        _apply(card, state, quality, today)
        card.save()
        answer.quality = quality
        answer.save(update_fields=["quality"])
    return answer
