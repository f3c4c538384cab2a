"""Interview coach API: my schedule and sessions, and feedback on an answer (stored nowhere,
the same as `launchpad interview-feedback`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from launchpad.common.requests import signed_in_user, user_today
from launchpad.core.interview import TRACKS, answer_feedback
from launchpad.interview import selectors
from launchpad.interview.models import Question

router = Router()


class Error(Schema):
    detail: str


class FeedbackIn(Schema):
    question: str
    answer: str
    track: str | None = None


class DueOut(Schema):
    question: str
    prompt: str
    round: str
    due: datetime.date | None


class ScheduleOut(Schema):
    total: int
    seen: int
    due_today: int
    days_left: int | None
    new_per_day: int
    on_track: bool
    interview_date: datetime.date | None
    due: list[DueOut]


class SessionOut(Schema):
    id: int
    kind: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    answers: int
    answered: int


@router.get("/schedule", response=ScheduleOut, summary="What the coach has due for me today")
def schedule(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    plan = selectors.schedule(user, today=user_today(user))
    cards = {c.question_id: c.due for c in user.interview_cards.all()}
    return {
        **{k: getattr(plan.coverage, k) for k in
           ("total", "seen", "due_today", "days_left", "new_per_day", "on_track")},
        "interview_date": plan.interview_date,
        "due": [
            {"question": q.slug, "prompt": q.prompt, "round": q.round, "due": cards.get(q.pk)}
            for q in plan.due
        ],
    }  # fmt: skip


@router.get("/sessions", response=list[SessionOut], summary="My practice sessions, newest first")
def sessions(request: HttpRequest) -> Any:
    rows = selectors.recent_sessions(signed_in_user(request), limit=50)
    counts = {
        s.pk: (s.answers.count(), s.answers.filter(submitted_at__isnull=False).count())
        for s in rows
    }
    return [
        {"id": s.pk, "kind": s.kind, "started_at": s.started_at, "finished_at": s.finished_at,
         "answers": counts[s.pk][0], "answered": counts[s.pk][1]}
        for s in rows
    ]  # fmt: skip


@router.post(
    "/feedback",
    response={200: dict[str, Any], 404: Error, 422: Error},
    summary="Feedback on an answer to a bank question, stored nowhere",
)
def feedback(request: HttpRequest, payload: FeedbackIn) -> Status[Any]:
    question = Question.objects.filter(slug=payload.question, is_active=True).first()
    if question is None:
        return Status(404, {"detail": f"No question {payload.question!r} in the bank."})
    if payload.track and payload.track not in TRACKS:
        return Status(422, {"detail": f"Unknown track {payload.track!r}."})
    try:
        result = answer_feedback(
            payload.answer, question.guide(), lexicon=selectors.lexicon(),
            vocabulary=selectors.vocabulary(), track=payload.track,
        )  # fmt: skip
    except ValueError as error:
        return Status(422, {"detail": str(error)})
    return Status(200, result.to_dict())
