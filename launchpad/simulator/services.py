"""Writes for the call simulator. Each refuses bad input with SimulatorInputError and then
changes nothing; a finished run is never changed again."""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.core import call_qa
from launchpad.simulator import selectors
from launchpad.simulator.exceptions import SimulatorInputError
from launchpad.simulator.models import Channel, Scenario, SimulationRun

MAX_TURN_CHARS = 1000
CLOCK_SLACK_SECONDS = 5.0  # how far the browser's clock may run ahead of the server's
MULTI_SIZES = (2, 3)


def _playable(scenario: Scenario) -> call_qa.Scenario:
    if not scenario.is_published:
        raise SimulatorInputError(_("That scenario is not available any more."))
    try:
        return scenario.scenario()
    except call_qa.ScenarioError as error:
        raise SimulatorInputError(_("That scenario is not available any more.")) from error


def run_start(
    *, user: User, scenario: Scenario, now: datetime.datetime,
    mode: str = SimulationRun.Mode.SINGLE, group: str = "",
) -> SimulationRun:  # fmt: skip
    """Starts a simulation of a published scenario; the customer's first line is at 0 s."""
    _playable(scenario)
    return SimulationRun.objects.create(
        user=user, scenario=scenario, mode=mode, group=group, started_at=now
    )


@transaction.atomic
def multi_start(
    *, user: User, scenarios: Sequence[Scenario], now: datetime.datetime
) -> list[SimulationRun]:
    """Starts two or three different chat scenarios at once, sharing a group id."""
    if len(scenarios) not in MULTI_SIZES or len({s.pk for s in scenarios}) != len(scenarios):
        raise SimulatorInputError(_("Choose two or three different chats."))
    for scenario in scenarios:
        _playable(scenario)
        if scenario.channel != Channel.CHAT:
            raise SimulatorInputError(_("Only chat scenarios can run side by side."))
    group = uuid.uuid4().hex[:16]
    return [
        run_start(user=user, scenario=s, now=now, mode=SimulationRun.Mode.MULTI, group=group)
        for s in scenarios
    ]


def _finish(run: SimulationRun, sim: call_qa.Simulation, now: datetime.datetime) -> None:
    result = call_qa.score(sim.scenario, sim.transcript, selectors.scorecard(), selectors.lexicon())
    run.finished_at = now
    run.total = max(0, min(100, round(result.total)))
    run.passed = result.passed
    run.outcome = sim.outcome or ""
    run.score = result.to_dict()


def _elapsed(run: SimulationRun, now: datetime.datetime) -> float:
    return max(0.0, (now - run.started_at).total_seconds())


def run_say(
    *, run: SimulationRun, text: str, at_seconds: float | None, now: datetime.datetime
) -> SimulationRun:
    """The candidate's reply at `at_seconds` (the browser's clock; None: the server's) and
    the customer's answer from the engine. When the engine ends the conversation the run is
    finished and scored.

    Refuses an empty or over-long reply, a finished run, and a time earlier than the last
    reply or more than CLOCK_SLACK_SECONDS after the server's clock (a time just ahead of
    the server's is brought back to it)."""
    text = text.strip()
    if not text:
        raise SimulatorInputError(_("Type your reply before you send it."))
    if len(text) > MAX_TURN_CHARS:
        raise SimulatorInputError(
            _("Keep each reply under %(n)s characters.") % {"n": MAX_TURN_CHARS}
        )
    with transaction.atomic():
        locked = SimulationRun.objects.select_for_update().get(pk=run.pk)
        if locked.is_finished:
            raise SimulatorInputError(_("This conversation has ended."))
        elapsed = _elapsed(locked, now)
        previous = selectors.last_at(locked)
        at = max(elapsed, previous) if at_seconds is None else float(at_seconds)
        if not math.isfinite(at) or at < previous:
            raise SimulatorInputError(_("The clock went backwards. Reload the page."))
        if at > elapsed + CLOCK_SLACK_SECONDS:
            raise SimulatorInputError(_("The clock is ahead of the server's. Reload the page."))
        at = round(max(previous, min(at, elapsed)), 1)
        locked.scenario = run.scenario
        sim = selectors.simulation(locked)
        if sim.ended:
            raise SimulatorInputError(_("This conversation has ended."))
        sim = call_qa.agent_says(sim, text, at)
        locked.agent_turns = [*locked.agent_turns, {"text": text, "at": at}]
        locked._simulation = sim
        fields = ["agent_turns"]
        if sim.ended:
            _finish(locked, sim, now)
            fields += ["finished_at", "total", "passed", "outcome", "score"]
        locked.save(update_fields=fields)
    return locked


def run_finish(*, run: SimulationRun, now: datetime.datetime) -> SimulationRun:
    """The candidate ends the conversation early: what there is, is scored."""
    with transaction.atomic():
        locked = SimulationRun.objects.select_for_update().get(pk=run.pk)
        if locked.is_finished:
            raise SimulatorInputError(_("This conversation has ended."))
        locked.scenario = run.scenario
        _finish(locked, selectors.simulation(locked), now)
        locked.save(update_fields=["finished_at", "total", "passed", "outcome", "score"])
    return locked


def run_delete(*, run: SimulationRun) -> None:
    run.delete()
