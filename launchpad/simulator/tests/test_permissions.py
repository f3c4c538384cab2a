"""eve sees nothing of alice's runs: every URL of them is a 404, and posting changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from launchpad.simulator import services
from launchpad.simulator.models import SimulationRun
from launchpad.simulator.tests.conftest import GOOD_BILLING, START, at


@pytest.fixture
def alice_runs(alice, billing, chats):
    single = services.run_start(user=alice, scenario=billing, now=START)
    finished = services.run_start(user=alice, scenario=billing, now=START)
    for text, seconds in GOOD_BILLING:
        finished = services.run_say(run=finished, text=text, at_seconds=seconds,
                                    now=at(seconds + 1))  # fmt: skip
    multi = services.multi_start(user=alice, scenarios=chats[:2], now=START)
    return single, finished, multi


def test_eve_gets_404_on_every_alice_url(eve_client, alice_runs):
    single, finished, multi = alice_runs
    for run in (single, finished, *multi):
        for name in ("run", "result"):
            assert eve_client.get(reverse(f"simulator:{name}", args=[run.pk])).status_code == 404
        for name in ("say", "end", "delete"):
            url = reverse(f"simulator:{name}", args=[run.pk])
            assert eve_client.post(url, {"text": "Hi"}).status_code == 404
            assert eve_client.post(url, {"text": "Hi"}, HTTP_HX_REQUEST="true").status_code == 404
    assert eve_client.get(reverse("simulator:multi", args=[multi[0].group])).status_code == 404
    single.refresh_from_db()
    assert single.agent_turns == [] and not single.is_finished
    assert SimulationRun.objects.filter(user__email="alice@example.com").count() == 4


def test_eve_sees_none_of_alices_runs_in_her_lists(eve_client, alice_runs):
    page = eve_client.get(reverse("simulator:home")).content.decode()
    assert "Charged twice on one bill" in page  # the scenario is public ...
    assert 'id="qa-history"' not in page  # ... alice's scores are not
    assert "Unfinished conversations" not in page
