"""Reads for the interview coach: the bank filtered for a candidate, their review cards and
schedule, sessions and the mock interview report. Every query is scoped to one user."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from launchpad.accounts.models import User
from launchpad.core.interview import (
    TRACKS,
    CompanyFacts,
    Feedback,
    Lexicon,
    answer_feedback,
    load_lexicon,
    mock_summary,
)
from launchpad.core.resume.vocabulary import Vocabulary, load_vocabulary
from launchpad.core.spaced import CardState, Coverage, coverage
from launchpad.interview.models import (
    Answer,
    CoachSettings,
    CompanyNote,
    PracticeSession,
    Question,
    ReviewCard,
    Round,
)

ROUND_ORDER = [value for value, _ in Round.choices]
# Growth questions (team leader, QA, trainer interviews) are for people applying to those
# roles, so the coach mixes them in only when the candidate practises for one of them.
GROWTH_ROLES = frozenset({"team-leader", "quality-analyst", "process-trainer"})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def settings_for(user: User) -> CoachSettings:
    """The candidate's coach settings (unsaved defaults when they have none)."""
    found = CoachSettings.objects.filter(user=user).select_related("company").first()
    return found if found is not None else CoachSettings(user=user)


def _covers_track(question: Question, track: str) -> bool:
    return not track or "all" in question.tracks or track in question.tracks


def _fits_role(question: Question, role: str) -> bool:
    return not question.roles or not role or role in question.roles


def candidates(
    questions: Iterable[Question], *, round: str = "", track: str = "", role: str = ""
) -> list[Question]:
    """The questions to practise for a round (or, with no round, the coach's mix), a track
    and a role, in the order the coach introduces new ones.

    With a round: that round's questions in bank order. With none: the rounds interleaved
    (one HR, one operations, one role question, ...) so new questions come from every round;
    growth questions only for a growth role.
    """
    fitting = [
        q
        for q in questions
        if q.is_active and _covers_track(q, track) and _fits_role(q, role)
        and (not round or q.round == round)
    ]  # fmt: skip
    if round:
        return fitting
    if role not in GROWTH_ROLES:
        fitting = [q for q in fitting if q.round != Round.GROWTH]
    by_round: dict[str, list[Question]] = {r: [] for r in ROUND_ORDER}
    for question in fitting:
        by_round[question.round].append(question)
    mixed: list[Question] = []
    queues = [by_round[r] for r in ROUND_ORDER if by_round[r]]
    index = 0
    while queues:
        for queue in list(queues):
            if index < len(queue):
                mixed.append(queue[index])
            else:
                queues.remove(queue)
        index += 1
    return mixed


def active_questions() -> list[Question]:
    return list(Question.objects.filter(is_active=True))


def card_states(user: User) -> dict[str, CardState]:
    """The SM-2 state of every question the candidate has practised, by question slug."""
    return {
        card.question.slug: state_of(card)
        for card in ReviewCard.objects.filter(user=user).select_related("question")
    }


def state_of(card: ReviewCard) -> CardState:
    return CardState(
        repetitions=card.repetitions, interval_days=card.interval_days, ease=card.ease,
        due=card.due, lapses=card.lapses,
    )  # fmt: skip


def new_introduced_on(user: User, day: datetime.date) -> int:
    return ReviewCard.objects.filter(user=user, first_seen=day).count()


@dataclass(frozen=True)
class Schedule:
    """What the coach has planned: the bank for the candidate's track, what is due today,
    and whether the pace covers the bank before the interview date."""

    coverage: Coverage
    due: list[Question]
    interview_date: datetime.date | None
    track: str
    role: str


def schedule(user: User, *, today: datetime.date) -> Schedule:
    settings = settings_for(user)
    pool = candidates(active_questions(), track=settings.track, role=settings.role)
    cards = card_states(user)
    slugs = [q.slug for q in pool]
    due_slugs = {s for s, c in cards.items() if c.due is not None and c.due <= today}
    due = sorted(
        (q for q in pool if q.slug in due_slugs),
        key=lambda q: (cards[q.slug].due or today, cards[q.slug].ease),
    )
    return Schedule(
        coverage=coverage(cards, slugs, today=today, deadline=settings.interview_date),
        due=due,
        interview_date=settings.interview_date,
        track=settings.track,
        role=settings.role,
    )


def bank(*, round: str = "", track: str = "", role: str = "", query: str = "") -> list[Question]:
    """Active questions matching the filters, in bank order (`query` matches the prompt)."""
    words = query.casefold().split()
    return [
        q
        for q in Question.objects.filter(is_active=True).order_by("order", "id")
        if (not round or q.round == round) and _covers_track(q, track)
        and (not role or role in q.roles)
        and all(w in q.prompt.casefold() for w in words)
    ]  # fmt: skip


def recent_sessions(user: User, limit: int = 10) -> list[PracticeSession]:
    return list(PracticeSession.objects.filter(user=user).order_by("-started_at", "-id")[:limit])


def session_answers(session: PracticeSession) -> list[Answer]:
    return list(session.answers.select_related("question").order_by("position"))


def current_answer(session: PracticeSession) -> Answer | None:
    """The first question of the session not yet answered, or None when all are."""
    return (
        session.answers.filter(submitted_at__isnull=True)
        .select_related("question")
        .order_by("position")
        .first()
    )


def company_facts(note: CompanyNote | None) -> CompanyFacts | None:
    """The note's research as short facts the feedback looks for (each field split on commas,
    semicolons and new lines)."""
    if note is None:
        return None
    facts: list[str] = []
    for text in (note.services, note.client_industries, note.locations, note.values):
        for part in text.replace(";", ",").replace("\n", ",").split(","):
            fact = part.strip(" .-•\t")
            if fact and len(fact) <= 80 and fact.casefold() not in {f.casefold() for f in facts}:
                facts.append(fact)
    return CompanyFacts(name=note.name, facts=tuple(facts[:15]))


@dataclass(frozen=True)
class SessionReport:
    session: PracticeSession
    answers: list[Answer]
    summary: dict[str, Any] | None  # MockSummary.to_dict()
    rounds: list[tuple[str, list[Answer]]]


def answer_feedback_for(answer: Answer) -> Feedback:
    """The feedback on a typed answer, worked out as on submit (same track and company)."""
    session = answer.session
    question = answer.question
    return answer_feedback(
        answer.text, question.guide(), lexicon=lexicon(), vocabulary=vocabulary(),
        track=session.track or None,
        company=company_facts(session.company) if question.about_company else None,
    )  # fmt: skip


def session_report(session: PracticeSession) -> SessionReport:
    """Per answer (the feedback stored when it was submitted) and overall: the summary runs
    over the typed answers, their feedback worked out again because it counts each piece of
    advice by its rule."""
    answers = session_answers(session)
    for answer in answers:
        answer.session = session
    pairs = [(a.question.guide(), answer_feedback_for(a)) for a in answers if a.text]
    summary = mock_summary(pairs).to_dict() if pairs else None
    rounds: list[tuple[str, list[Answer]]] = []
    for answer in answers:
        label = str(Round(answer.question.round).label)
        if rounds and rounds[-1][0] == label:
            rounds[-1][1].append(answer)
        else:
            rounds.append((label, [answer]))
    return SessionReport(session=session, answers=answers, summary=summary, rounds=rounds)


def track_choices() -> Sequence[str]:
    return TRACKS
