"""The goals API: the same rules as the pages, 422 with messages, 404 for other people's."""

from __future__ import annotations

import pytest

from launchpad.accounts import services as account_services
from launchpad.goals import services
from launchpad.goals.models import Goal
from launchpad.goals.tests.conftest import goal_fields, local_today, years_after

API = "/api/goals"


def test_create_plans_a_goal_and_returns_it_with_milestones_and_feasibility(alice_client, ladder):
    response = alice_client.post(API, goal_fields(), content_type="application/json")

    assert response.status_code == 201
    body = response.json()
    goal = Goal.objects.get()
    assert body["id"] == goal.pk
    assert body["path"] == ["customer-service-rep", "senior-rep", "team-leader"]
    assert body["milestones_total"] == len(body["milestones"]) == goal.milestones.count()
    assert body["milestones"][0]["done"] is False
    assert body["next_milestone_id"] == body["milestones"][0]["id"]
    assert body["feasibility"]["verdict"] == "realistic"
    assert body["feasibility"]["explanation"].startswith("You gave yourself 2 years")
    assert (body["feasibility"]["typical_years_min"], body["feasibility"]["typical_years_max"]) == (
        1.5,
        4.5,
    )


def test_create_as_a_fresher_with_a_null_start(alice_client, ladder):
    response = alice_client.post(API, goal_fields(start_role=None), content_type="application/json")
    assert response.status_code == 201
    assert response.json()["start_role"] is None
    assert response.json()["milestones"][0]["step"] == "Get hired as a Customer Service Rep"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target_role": "astronaut"}, "target_role", "There is no role called"),
        ({"start_role": "data-entry-operator"}, "target_role", "not a step up"),
        ({"start_role": "99"}, "start_role", "Pick your current role"),
        ({"target_date": "2001-01-01"}, "target_date", "Pick a date after today"),
        ({"target_date": "2099-01-01"}, "target_date", "at most 15 years ahead"),
        ({"aspiration": "fame"}, "aspiration", "Select a valid choice"),
        ({"motivation": "x" * 2001}, "motivation", "at most 2000 characters"),
    ],
)
def test_create_answers_422_with_the_forms_messages_and_saves_nothing(
    alice_client, ladder, overrides, field, message
):
    response = alice_client.post(API, goal_fields(**overrides), content_type="application/json")
    assert response.status_code == 422
    assert message in " ".join(response.json()["errors"][field])
    assert not Goal.objects.exists()


def test_an_unreachable_target_lists_reachable_roles(alice_client, ladder):
    response = alice_client.post(
        API, goal_fields(start_role="data-entry-operator"), content_type="application/json"
    )
    assert response.json()["suggestions"] == ["quality-analyst"]


def test_malformed_bodies_are_422(alice_client, ladder):
    for body in (
        {"target_role": "team-leader"},
        goal_fields(target_date="soon"),
        goal_fields(colour="blue"),
    ):
        response = alice_client.post(API, body, content_type="application/json")
        assert response.status_code == 422
    assert not Goal.objects.exists()


def test_list_and_get_return_only_my_goals(alice_client, goal, eve, ladder):
    services.goal_create(
        user=eve,
        target_role=ladder.quality,
        start_role=ladder.rep,
        target_date=years_after(local_today(), 2),
        aspiration="domain",
        today=local_today(),
    )
    listed = alice_client.get(API).json()
    assert [g["id"] for g in listed] == [goal.pk]
    assert listed[0]["milestones_done"] == 0 and listed[0]["progress_percent"] == 0
    detail = alice_client.get(f"{API}/{goal.pk}").json()
    assert detail["target_role_title"] == "Team Leader"


def test_patch_changes_the_date_replans_and_keeps_ticks(alice_client, goal):
    ticked = goal.milestones.get(reference_slug="coaching")
    services.milestone_toggle(milestone=ticked)
    new_date = years_after(local_today(), 1)

    response = alice_client.patch(
        f"{API}/{goal.pk}",
        {"target_date": new_date.isoformat(), "status": "archived"},
        content_type="application/json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["target_date"] == new_date.isoformat() and body["status"] == "archived"
    assert body["feasibility"]["verdict"] == "ambitious"
    assert next(m for m in body["milestones"] if m["reference"] == "coaching")["done"]


def test_patch_with_a_bad_value_is_422_and_changes_nothing(alice_client, goal):
    for body in (
        {"target_role": "data-entry-operator"},
        {"status": "lost"},
        {"target_date": "2001-01-01"},
    ):
        response = alice_client.patch(f"{API}/{goal.pk}", body, content_type="application/json")
        assert response.status_code == 422, body
    goal.refresh_from_db()
    assert (goal.target_role.slug, goal.status) == ("team-leader", "active")


def test_patch_start_null_makes_it_a_fresher_path(alice_client, goal):
    response = alice_client.patch(
        f"{API}/{goal.pk}", {"start_role": None}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["start_role"] is None


def test_toggle_and_delete(alice_client, goal):
    milestone = goal.milestones.first()
    response = alice_client.post(f"{API}/{goal.pk}/milestones/{milestone.pk}/toggle")
    assert response.status_code == 200 and response.json()["done"] is True
    response = alice_client.post(f"{API}/{goal.pk}/milestones/{milestone.pk}/toggle")
    assert response.json()["done"] is False

    assert alice_client.delete(f"{API}/{goal.pk}").status_code == 204
    assert not Goal.objects.exists()


def test_eve_gets_404_for_alices_goal_everywhere(eve_client, goal):
    milestone = goal.milestones.first()
    assert eve_client.get(f"{API}/{goal.pk}").status_code == 404
    assert (
        eve_client.patch(
            f"{API}/{goal.pk}", {"status": "archived"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert eve_client.delete(f"{API}/{goal.pk}").status_code == 404
    assert eve_client.post(f"{API}/{goal.pk}/milestones/{milestone.pk}/toggle").status_code == 404
    assert eve_client.get(API).json() == []
    goal.refresh_from_db()
    assert goal.status == "active" and not goal.milestones.filter(done_at__isnull=False)


def test_a_token_works_like_the_session(client, alice_rep, goal):
    token = account_services.token_create(user=alice_rep, name="script", expires_in_days=30)
    response = client.get(API, headers={"Authorization": f"Bearer {token.raw}"})
    assert response.status_code == 200
    assert [g["id"] for g in response.json()] == [goal.pk]


def test_anonymous_callers_are_refused(client, goal):
    assert client.get(API).status_code == 401
    assert client.get(f"{API}/{goal.pk}").status_code == 401


def test_the_openapi_schema_documents_the_goal_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/goals",
        "/api/goals/{goal_id}",
        "/api/goals/{goal_id}/milestones/{milestone_id}/toggle",
    } <= set(schema["paths"])
    assert {"201", "422"} <= set(schema["paths"]["/api/goals"]["post"]["responses"])
    assert "GoalDetailOut" in schema["components"]["schemas"]
