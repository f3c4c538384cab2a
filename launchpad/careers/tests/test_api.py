"""The public career-content API: tracks, roles, role detail, ladder paths, certifications."""

from __future__ import annotations

import pytest

from launchpad.careers.tests.factories import LadderStepFactory, RoleFactory
from launchpad.careers.tests.test_selectors import build_sample_content


@pytest.fixture
def sample(db):
    return build_sample_content()


def get(client, path, **params):
    return client.get(f"/api{path}", params)


def test_tracks_lists_every_track_without_authentication(client, sample):
    response = get(client, "/tracks")
    assert response.status_code == 200
    data = response.json()
    assert [t["slug"] for t in data] == ["international-voice", "chat-email", "technical-support"]
    first = data[0]
    assert first["voice"] is True and first["technical"] is False
    assert first["url"] == "/explore/tracks/international-voice/"
    assert first["sources"] == [
        {"label": "Voice source", "url": "https://example.com/source", "grade": "C"}
    ]


def test_roles_are_paginated_with_a_count(client, sample):
    response = get(client, "/roles")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 5
    assert {
        "slug",
        "title",
        "level",
        "rank",
        "voice",
        "technical",
        "summary",
        "tracks",
        "also_called",
        "url",
    } <= set(data["items"][0])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"voice": "non-voice"}, ["chat-support-associate"]),
        ({"technical": "technical"}, ["technical-support-associate"]),
        ({"level": "growth", "track": "chat-email"}, ["senior-associate", "team-leader"]),
    ],
)
def test_roles_filters_match_the_role_list_page(client, sample, params, expected):
    data = get(client, "/roles", **params).json()
    assert [r["slug"] for r in data["items"]] == expected


def test_roles_rejects_an_unknown_filter_value(client, sample):
    assert get(client, "/roles", voice="sometimes").status_code == 422
    response = get(client, "/roles", track="no-such-track")
    assert response.status_code == 422
    assert "no track called" in response.json()["detail"]


def test_role_detail_includes_skills_certifications_pay_steps_and_onet(client, sample):
    response = get(client, "/roles/customer-service-representative")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Customer service representative"
    assert data["also_called"] == ["CSR", "Call centre agent"]
    assert [s["slug"] for s in data["skills"]] == ["spoken-english", "typing"]
    assert data["skills"][0]["level"] == "strong"
    india = next(s for s in data["salaries"] if s["country"] == "IN")
    assert (india["min"], india["max"], india["year"]) == (260000, 480000, 2024)
    assert india["display"] == "₹2.6–4.8 LPA"
    assert data["next_steps"][0]["slug"] == "senior-associate"
    assert data["next_steps"][0]["years_min"] == 0.5
    assert data["next_steps"][0]["skills"] == ["spoken-english"]
    assert data["onet"] == [
        {"code": "43-4051.00", "title": "Customer Service Representatives", "why": "Closest match"}
    ]


def test_role_detail_of_an_unknown_role_is_a_json_404(client, sample):
    for slug in ("no-such-role", "x" * 300, "%2E%2E"):
        response = get(client, f"/roles/{slug}")
        assert response.status_code == 404
        assert "no role called" in response.json()["detail"]


def test_ladder_path_for_a_fresher(client, sample):
    response = get(client, "/ladder/path", to="team-leader", track="international-voice")
    assert response.status_code == 200
    data = response.json()
    assert data["start"] is None
    assert [r["slug"] for r in data["roles"]] == [
        "customer-service-representative",
        "senior-associate",
        "team-leader",
    ]
    assert data["steps"][1] == {
        "from": "senior-associate",
        "to": "team-leader",
        "years_min": 1.0,
        "years_max": 3.0,
        "asks": ["Coach new agents"],
        "skills": ["coaching"],
        "certifications": ["lean-six-sigma-yellow-belt"],
    }
    assert (data["years_min"], data["years_max"]) == (1.5, 4.5)


def test_ladder_path_from_a_current_role(client, sample):
    data = get(client, "/ladder/path", **{"from": "senior-associate", "to": "team-leader"}).json()
    assert data["start"] == "senior-associate"
    assert [r["slug"] for r in data["roles"]] == ["senior-associate", "team-leader"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"to": "no-such-role"}, 404, "no role called"),
        ({"from": "nope", "to": "team-leader"}, 404, "no role called"),
        ({"from": "team-leader", "to": "customer-service-representative"}, 422, "no route"),
        ({"from": "team-leader", "to": "team-leader"}, 422, "already in this role"),
    ],
)
def test_ladder_path_errors_say_what_is_wrong(client, sample, params, status, words):
    response = get(client, "/ladder/path", **params)
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_ladder_path_reports_steps_without_a_sourced_timeline(client, sample):
    manager = RoleFactory(slug="operations-manager", level="growth", rank=4)
    LadderStepFactory(from_role=sample.team_leader, to_role=manager, years_min=None, years_max=None)
    data = get(client, "/ladder/path", **{"from": "team-leader", "to": "operations-manager"})
    data = data.json()
    assert data["steps"][0]["years_min"] is None
    assert (data["assumed_steps"], data["assumed_years"]) == (1, 2.0)
    assert (data["years_min"], data["years_max"]) == (2.0, 2.0)
    detail = get(client, "/roles/team-leader").json()
    assert detail["next_steps"][0]["years_min"] is None


def test_ladder_path_needs_a_target(client, sample):
    assert get(client, "/ladder/path").status_code == 422


def test_certifications_list_cost_and_the_roles_they_help(client, sample):
    response = get(client, "/certifications")
    assert response.status_code == 200
    itil = next(c for c in response.json() if c["slug"] == "itil-4-foundation")
    assert (itil["cost_min"], itil["cost_max"], itil["cost_currency"]) == (350, 400, "USD")
    assert itil["cost_display"] == "US$350–400"
    assert itil["helps_roles"] == ["technical-support-associate"]


def test_openapi_schema_lists_the_career_operations(client, sample):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/tracks",
        "/api/roles",
        "/api/roles/{slug}",
        "/api/ladder/path",
        "/api/certifications",
    ):
        assert path in paths
