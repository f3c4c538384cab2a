from __future__ import annotations

import shutil

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from ninja.testing import TestClient

from launchpad.content.reader import ContentError
from launchpad.core.call_qa import SCENARIOS_DIR
from launchpad.simulator import services
from launchpad.simulator.api import router
from launchpad.simulator.loader import load_simulator, read_simulator
from launchpad.simulator.models import Scenario, normalise_spec
from launchpad.simulator.tests.conftest import GOOD_BILLING, START, at, spec_of

# --- the model and the admin -----------------------------------------------------------------


def test_clean_lists_the_core_problems_and_copies_title_channel_tracks(db):
    row = Scenario(slug="billing-double-charge", spec=spec_of("billing-double-charge"))
    row.full_clean()
    assert row.title == "Charged twice on one bill" and row.channel == "voice"
    assert row.tracks == ["international-voice", "domestic-voice"]
    row.spec["nodes"]["opening"]["on"]["greet"] = "nowhere"
    with pytest.raises(ValidationError) as info:
        row.full_clean()
    assert any("nowhere" in p for p in info.value.message_dict["spec"])
    row.is_published = False
    row.full_clean()  # an unpublished draft may be invalid
    other = Scenario(slug="other-slug", spec=spec_of("billing-double-charge"))
    with pytest.raises(ValidationError, match="must equal the slug"):
        other.full_clean()


def test_normalise_spec_turns_yaml_on_into_text():
    assert normalise_spec({"nodes": {"a": {True: {"greet": "b"}}}}) == {
        "nodes": {"a": {"on": {"greet": "b"}}}
    }


@pytest.fixture
def admin_client(client, django_user_model):
    staff = django_user_model.objects.create_superuser("staff@example.com", "a-Strong-pass-2026")
    client.force_login(staff)
    return client


def _post(client, url, spec, published):
    import json

    data = {"slug": "billing-double-charge", "spec": json.dumps(spec)}
    if published:
        data["is_published"] = "on"
    return client.post(url, data)


def test_admin_refuses_to_publish_an_invalid_spec(admin_client):
    add = reverse("admin:simulator_scenario_add")
    bad = spec_of("billing-double-charge")
    del bad["nodes"]["resolved-end"]
    response = _post(admin_client, add, bad, published=True)
    assert response.status_code == 200 and "cannot be published" in response.content.decode()
    assert not Scenario.objects.exists()
    response = _post(admin_client, add, bad, published=False)  # saved as a draft
    assert response.status_code == 302
    row = Scenario.objects.get()
    assert not row.is_published
    change = reverse("admin:simulator_scenario_change", args=[row.pk])
    response = _post(admin_client, change, bad, published=True)
    assert response.status_code == 200 and not Scenario.objects.get().is_published
    response = _post(admin_client, change, spec_of("billing-double-charge"), published=True)
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.is_published and row.title == "Charged twice on one bill"


# --- the loader --------------------------------------------------------------------------------


def _folder(tmp_path, names):
    scenarios = tmp_path / "simulator" / "scenarios"
    scenarios.mkdir(parents=True)
    for name in names:
        shutil.copy(SCENARIOS_DIR / f"{name}.yaml", scenarios / f"{name}.yaml")
    return tmp_path / "simulator"


def test_loader_is_idempotent_and_unpublishes_removed_files(db, tmp_path, alice):
    folder = _folder(tmp_path, ["billing-double-charge", "slow-laptop-chat"])
    report = load_simulator(read_simulator(folder))
    assert (report.created, report.updated, report.unpublished) == (2, 0, 0)
    row = Scenario.objects.get(slug="billing-double-charge")
    assert row.is_published and row.channel == "voice" and row.scenario().id == row.slug
    assert "on" in row.spec["nodes"]["opening"]  # stored as JSON text, not a boolean key
    services.run_start(user=alice, scenario=row, now=START)
    again = load_simulator(read_simulator(folder))
    assert (again.created, again.updated, again.unpublished) == (0, 2, 0)
    (folder / "scenarios" / "billing-double-charge.yaml").unlink()
    gone = load_simulator(read_simulator(folder))
    assert (gone.created, gone.updated, gone.unpublished) == (0, 1, 1)
    assert Scenario.objects.count() == 2 and not Scenario.objects.get(pk=row.pk).is_published


def test_loader_reports_every_problem_and_absent_folder_is_empty(tmp_path):
    folder = _folder(tmp_path, ["billing-double-charge"])
    (folder / "scenarios" / "renamed.yaml").write_text(
        (SCENARIOS_DIR / "slow-laptop-chat.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "scenarios" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_simulator(folder)
    assert any("renamed.yaml" in p for p in info.value.problems)
    assert any("broken.yaml" in p for p in info.value.problems)
    assert read_simulator(tmp_path / "nothing").scenarios == ()


def test_load_content_check_counts_the_scenarios(db, capsys):
    call_command("load_content", "--check")
    assert "22 simulator scenarios" in capsys.readouterr().out


# --- the API -----------------------------------------------------------------------------------


def test_api_lists_only_my_runs_with_totals(alice, eve, billing):
    run = services.run_start(user=alice, scenario=billing, now=START)
    for text, seconds in GOOD_BILLING:
        run = services.run_say(run=run, text=text, at_seconds=seconds, now=at(seconds + 1))
    api = TestClient(router)
    rows = api.get("/runs", user=alice).json()
    assert rows[0]["total"] == 100 and rows[0]["channel"] == "voice" and rows[0]["passed"]
    assert api.get("/runs", user=eve).json() == []


def test_api_scores_a_transcript_and_stores_nothing(alice, billing):
    api = TestClient(router)
    turns = [{"speaker": "customer", "text": "Hi", "at": 0}]
    turns += [{"speaker": "agent", "text": t, "at": s} for t, s in GOOD_BILLING]
    response = api.post("/score", json={"scenario": billing.slug, "turns": turns}, user=alice)
    assert response.status_code == 200 and response.json()["total"] > 0
    assert response.json()["lines"][0]["key"] == "opening"
    missing = api.post("/score", json={"scenario": "nope", "turns": turns}, user=alice)
    assert missing.status_code == 404
    bad = api.post("/score", json={"scenario": billing.slug, "turns": []}, user=alice)
    assert bad.status_code == 422
    assert not alice.simulation_runs.exists()
