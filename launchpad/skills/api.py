"""Skills lab API: typing attempts (start, submit, read) and stateless log scoring."""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Body, Router, Schema, Status

from launchpad.common.requests import signed_in_user
from launchpad.core.typing import TypingLogError, parse_log, score_typing
from launchpad.skills import selectors, services
from launchpad.skills.exceptions import (
    AttemptAlreadySubmittedError,
    InvalidLogError,
    NoPassagesError,
)

router = Router()
_rng = random.Random()


class Error(Schema):
    detail: str


class AttemptIn(Schema):
    mode: str = "timed"
    duration_s: int | None = 60
    kind: str = ""
    difficulty: str = ""


class AttemptOut(Schema):
    id: int
    mode: str
    duration_s: int | None
    is_drill: bool
    status: str
    text: str
    started_at: datetime.datetime
    submitted_at: datetime.datetime | None
    rules_version: str
    wpm: float | None
    raw_wpm: float | None
    accuracy: float | None
    consistency: float | None
    kph: float | None
    result: dict[str, Any] | None


class SubmitIn(Schema):
    events: list[Any]


@router.get("/typing/attempts", response=list[AttemptOut], summary="My scored typing attempts")
def list_attempts(request: HttpRequest) -> Any:
    return selectors.recent_typing_attempts(signed_in_user(request), with_results=True)


@router.post(
    "/typing/attempts",
    response={201: AttemptOut, 422: Error},
    summary="Start a typing attempt (the server hands out the text and starts the clock)",
)
def start_attempt(request: HttpRequest, payload: AttemptIn) -> Status[Any]:
    try:
        attempt = services.typing_attempt_start(
            user=signed_in_user(request),
            mode=payload.mode,
            duration_s=payload.duration_s,
            kind=payload.kind,
            difficulty=payload.difficulty,
            rng=_rng,
            now=timezone.now(),
        )
    except (InvalidLogError, NoPassagesError) as error:
        return Status(422, {"detail": str(error)})
    return Status(201, attempt)


@router.get("/typing/attempts/{attempt_id}", response=AttemptOut, summary="One of my attempts")
def get_attempt(request: HttpRequest, attempt_id: int) -> Any:
    return selectors.typing_attempt_for(request.user, attempt_id)


@router.post(
    "/typing/attempts/{attempt_id}/submit",
    response={200: AttemptOut, 409: Error, 422: Error},
    summary="Submit the keystroke log of an attempt; the server scores it",
)
def submit_attempt(request: HttpRequest, attempt_id: int, payload: SubmitIn) -> Status[Any]:
    attempt = selectors.typing_attempt_for(request.user, attempt_id)
    try:
        attempt = services.typing_attempt_submit(
            attempt=attempt, events=payload.events, now=timezone.now()
        )
    except AttemptAlreadySubmittedError as error:
        return Status(409, {"detail": str(error)})
    except InvalidLogError as error:
        return Status(422, {"detail": str(error)})
    return Status(200, attempt)


@router.post(
    "/typing/score",
    response={200: dict[str, Any], 422: Error},
    summary="Score a keystroke log without storing it (the same as `launchpad typing-score`)",
)
def score_log(
    request: HttpRequest,
    payload: dict[str, Any] = Body(...),  # type: ignore[type-arg]  # noqa: B008
) -> Status[Any]:
    try:
        return Status(200, score_typing(parse_log(payload)).to_dict())
    except TypingLogError as error:
        return Status(422, {"detail": str(error)})
