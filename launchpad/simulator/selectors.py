"""Reads for the call simulator: the move lexicon and scorecard (read once per process), the
published scenarios, a run's simulation rebuilt by replaying the engine, and a candidate's
runs and score history. Every query of runs is scoped to one user."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import User
from launchpad.core import call_qa
from launchpad.simulator.models import Channel, Scenario, SimulationRun

MOOD_WORDS = {-2: _("Furious"), -1: _("Annoyed"), 0: _("Neutral"), 1: _("Calm"), 2: _("Happy")}


@lru_cache(maxsize=1)
def lexicon() -> call_qa.MoveLexicon:
    return call_qa.load_moves()


@lru_cache(maxsize=1)
def scorecard() -> call_qa.Scorecard:
    return call_qa.load_scorecard()


def dead_air_seconds(channel: str) -> float:
    return float(scorecard().dead_air_seconds.get(channel, call_qa.DEAD_AIR_SECONDS[channel]))


def published(*, track: str = "", channel: str = "") -> list[Scenario]:
    """Published scenarios, optionally for one track and one channel, by title."""
    rows = Scenario.objects.filter(is_published=True).order_by("title", "id")
    if channel:
        rows = rows.filter(channel=channel)
    return [r for r in rows if not track or track in (r.tracks or [])]


def runs_of(user: User) -> QuerySet[SimulationRun]:
    return SimulationRun.objects.filter(user=user).select_related("scenario")


def simulation(run: SimulationRun) -> call_qa.Simulation:
    """The run's state: `start`, then `agent_says` for every stored turn (the engine is
    deterministic, so this is the state the candidate saw). Cached on the run."""
    cached: call_qa.Simulation | None = getattr(run, "_simulation", None)
    if cached is None:
        scenario = run.scenario.scenario()
        cached = call_qa.start(
            scenario, lexicon(), dead_air_seconds=dead_air_seconds(scenario.channel)
        )
        for turn in run.agent_turns:
            if cached.ended:
                break
            cached = call_qa.agent_says(cached, str(turn["text"]), float(turn["at"]))
        run._simulation = cached
    return cached


def last_at(run: SimulationRun) -> float:
    return float(run.agent_turns[-1]["at"]) if run.agent_turns else 0.0


@dataclass(frozen=True)
class TurnView:
    index: int
    speaker: str
    text: str
    at: float


def turns(sim: call_qa.Simulation) -> list[TurnView]:
    return [TurnView(n, t.speaker, t.text, t.at) for n, t in enumerate(sim.transcript)]


def status(run: SimulationRun) -> dict[str, Any]:
    """What the run page shows beside the conversation: mood, hold and timing."""
    sim = simulation(run)
    hold = sim.holds[-1] if sim.on_hold else None
    return {
        "mood": sim.mood,
        "mood_word": MOOD_WORDS[sim.mood],
        "mood_percent": (sim.mood + 2) * 25,
        "on_hold": sim.on_hold,
        "hold_started": hold.start if hold else None,
        "hold_max": scorecard().hold_max_seconds,
        "dead_air": dead_air_seconds(sim.scenario.channel),
        "dead_air_count": len(sim.dead_air),
        "ended": sim.ended,
        "outcome": sim.outcome,
        "last_at": sim.transcript[-1].at,
        "target": sim.scenario.target_handle_seconds,
    }


@dataclass(frozen=True)
class HistoryPoint:
    run: SimulationRun
    total: int
    channel: str


def history(user: User, limit: int = 20) -> list[HistoryPoint]:
    """The candidate's finished runs with their QA totals, newest first."""
    rows = runs_of(user).filter(finished_at__isnull=False, total__isnull=False)
    return [
        HistoryPoint(run=r, total=int(r.total or 0), channel=r.scenario.channel)
        for r in rows.order_by("-finished_at", "-id")[:limit]
    ]


def averages(user: User) -> dict[str, float]:
    """The mean QA total of the candidate's finished runs per channel."""
    sums: dict[str, list[int]] = {}
    for point in history(user, limit=200):
        sums.setdefault(point.channel, []).append(point.total)
    return {str(Channel(c).label): round(sum(v) / len(v), 1) for c, v in sorted(sums.items()) if v}


def group_runs(user: User, group: str) -> list[SimulationRun]:
    """The runs of one multi-chat of this user (empty when there are none)."""
    if not group:
        return []
    return list(runs_of(user).filter(group=group, mode=SimulationRun.Mode.MULTI).order_by("id"))
