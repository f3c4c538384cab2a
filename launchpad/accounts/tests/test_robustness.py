"""Garbage and hostile input never causes a server error."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

GARBAGE = [
    {},
    {"email": "\x00", "password": ["a", "b"], "unexpected": "x" * 10_000},
    {"languages-TOTAL_FORMS": "100000", "languages-INITIAL_FORMS": "-4"},
    {"languages-TOTAL_FORMS": "abc", "graduation_year": "1e9", "score_value": "NaN"},
    {"score_value": "Infinity", "years_experience": "1e400", "time_zone": "../../etc/passwd"},
    {"current_role": "' OR 1=1 --", "shift_availability": "night", "expires": "-5"},
]


@pytest.mark.parametrize("data", GARBAGE)
@pytest.mark.parametrize("name", ["signup", "login", "password_reset"])
def test_anonymous_forms_survive_garbage(client, name, data):
    response = client.post(reverse(f"accounts:{name}"), data)

    assert response.status_code < 500


@pytest.mark.parametrize("data", GARBAGE)
@pytest.mark.parametrize(
    "name", ["profile", "settings", "delete", "tokens", "password_change", "export"]
)
def test_signed_in_forms_survive_garbage(alice_client, alice, name, data):
    response = alice_client.post(reverse(f"accounts:{name}"), data)

    assert response.status_code < 500
    alice.refresh_from_db()
    assert alice.is_active


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        "null",
        '{"languages": "English"}',
        '{"languages": [1, 2]}',
        '{"score_value": "NaN", "score_type": "cgpa"}',
        '{"graduation_year": 1e30}',
    ],
)
def test_the_profile_api_survives_garbage(alice_client, body):
    response = alice_client.patch("/api/profile", body, content_type="application/json")

    assert 400 <= response.status_code < 500


def test_revoking_a_token_that_does_not_exist_is_a_404(alice_client):
    response = alice_client.post(reverse("accounts:token_revoke", args=[999_999]))

    assert response.status_code == 404
