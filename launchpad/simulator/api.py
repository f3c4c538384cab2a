"""Call simulator API: my runs with their QA totals, and the QA score of a transcript
(stored nowhere, the same as `launchpad call-score`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from launchpad.common.requests import signed_in_user
from launchpad.core import call_qa
from launchpad.simulator import selectors
from launchpad.simulator.models import Scenario

router = Router()


class Error(Schema):
    detail: str


class RunOut(Schema):
    id: int
    scenario: str
    title: str
    channel: str
    mode: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    agent_turns: int
    total: int | None
    passed: bool | None
    outcome: str


class ScoreIn(Schema):
    scenario: str
    turns: list[dict[str, Any]]


@router.get("/runs", response=list[RunOut], summary="My simulation runs, newest first")
def runs(request: HttpRequest) -> Any:
    rows = selectors.runs_of(signed_in_user(request)).order_by("-started_at", "-id")[:100]
    return [
        {"id": r.pk, "scenario": r.scenario.slug, "title": r.scenario.title,
         "channel": r.scenario.channel, "mode": r.mode, "started_at": r.started_at,
         "finished_at": r.finished_at, "agent_turns": len(r.agent_turns), "total": r.total,
         "passed": r.passed, "outcome": r.outcome}
        for r in rows
    ]  # fmt: skip


@router.post(
    "/score",
    response={200: dict[str, Any], 404: Error, 422: Error},
    summary="The QA score of a transcript on a published scenario, stored nowhere",
)
def score(request: HttpRequest, payload: ScoreIn) -> Status[Any]:
    row = Scenario.objects.filter(slug=payload.scenario, is_published=True).first()
    if row is None:
        return Status(404, {"detail": f"No published scenario {payload.scenario!r}."})
    try:
        scenario = row.scenario()
        _, turns = call_qa.parse_transcript({"turns": payload.turns})
    except call_qa.CallQAError as error:
        return Status(422, {"detail": str(error)})
    result = call_qa.score(scenario, turns, selectors.scorecard(), selectors.lexicon())
    return Status(200, result.to_dict())
