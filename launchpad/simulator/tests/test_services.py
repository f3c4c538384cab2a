from __future__ import annotations

import pytest

from launchpad.simulator import selectors, services
from launchpad.simulator.exceptions import SimulatorInputError
from launchpad.simulator.models import SimulationRun
from launchpad.simulator.tests.conftest import GOOD_BILLING, START, at


def _play(run, turns):
    for text, seconds in turns:
        run = services.run_say(run=run, text=text, at_seconds=seconds, now=at(seconds + 1))
    return run


def test_start_and_a_full_call_is_finished_and_scored(alice, billing):
    run = services.run_start(user=alice, scenario=billing, now=START)
    assert run.agent_turns == [] and not run.is_finished
    sim = selectors.simulation(run)
    assert sim.node == "opening" and sim.transcript[0].speaker == "customer"
    run = _play(run, GOOD_BILLING[:2])
    run.refresh_from_db()
    assert [t["at"] for t in run.agent_turns] == [4, 9]
    assert selectors.simulation(run).node == "verified"
    run = _play(run, GOOD_BILLING[2:])
    run.refresh_from_db()
    assert run.is_finished and run.finished_at == at(91)
    assert (run.total, run.passed, run.outcome) == (100, True, "resolved")
    assert run.score["total"] == 100.0 and run.score["lines"][0]["key"] == "opening"
    assert len(selectors.simulation(run).transcript) == 15


def test_the_candidate_ends_early_and_what_there_is_is_scored(alice, billing):
    run = services.run_start(user=alice, scenario=billing, now=START)
    run = services.run_say(run=run, text="Yes?", at_seconds=15, now=at(16))
    run = services.run_finish(run=run, now=at(20))
    assert run.is_finished and run.outcome == "" and run.total is not None
    assert run.total < 50 and run.passed is False
    with pytest.raises(SimulatorInputError):
        services.run_finish(run=run, now=at(21))


@pytest.mark.parametrize(
    ("text", "seconds", "now_seconds", "message"),
    [
        ("   ", 5, 6, "Type your reply"),
        ("x" * 1001, 5, 6, "under 1000"),
        ("Hello", 2, 6, "backwards"),  # earlier than the previous turn (at 4)
        ("Hello", 30, 10, "ahead"),  # more than 5 s after the server's clock
        ("Hello", float("nan"), 10, "backwards"),
    ],
)
def test_refusals_change_nothing(alice, billing, text, seconds, now_seconds, message):
    run = services.run_start(user=alice, scenario=billing, now=START)
    run = services.run_say(run=run, text="Hello, Northwind Mobile.", at_seconds=4, now=at(5))
    before = list(run.agent_turns)
    with pytest.raises(SimulatorInputError, match=message):
        services.run_say(run=run, text=text, at_seconds=seconds, now=at(now_seconds))
    run.refresh_from_db()
    assert run.agent_turns == before and not run.is_finished


def test_a_browser_clock_slightly_ahead_is_brought_back_and_none_uses_the_server(alice, billing):
    run = services.run_start(user=alice, scenario=billing, now=START)
    run = services.run_say(run=run, text="Hello", at_seconds=13, now=at(10))
    assert run.agent_turns[-1]["at"] == 10.0
    run = services.run_say(run=run, text="Hello again", at_seconds=None, now=at(12.5))
    assert run.agent_turns[-1]["at"] == 12.5


def test_a_finished_run_refuses_more_turns(alice, billing):
    run = _play(services.run_start(user=alice, scenario=billing, now=START), GOOD_BILLING)
    with pytest.raises(SimulatorInputError, match="ended"):
        services.run_say(run=run, text="Hello?", at_seconds=95, now=at(96))


def test_unpublished_or_invalid_scenarios_cannot_start(alice, billing):
    billing.is_published = False
    billing.save()
    with pytest.raises(SimulatorInputError):
        services.run_start(user=alice, scenario=billing, now=START)
    billing.is_published = True
    billing.spec = {**billing.spec, "start": "nowhere"}
    billing.save()
    billing.refresh_from_db()
    with pytest.raises(SimulatorInputError):
        services.run_start(user=alice, scenario=billing, now=START)
    assert not SimulationRun.objects.exists()


def test_multi_start_needs_two_or_three_different_chats(alice, billing, chats):
    runs = services.multi_start(user=alice, scenarios=chats[:2], now=START)
    assert len(runs) == 2 and runs[0].group and runs[0].group == runs[1].group
    assert {r.mode for r in runs} == {"multi"}
    for bad in ([chats[0]], [chats[0], chats[0]], [chats[0], billing], [*chats, chats[0]]):
        with pytest.raises(SimulatorInputError):
            services.multi_start(user=alice, scenarios=bad, now=START)
    assert SimulationRun.objects.count() == 2


def test_run_delete(alice, billing):
    run = services.run_start(user=alice, scenario=billing, now=START)
    services.run_delete(run=run)
    assert not SimulationRun.objects.exists()
