from __future__ import annotations

import datetime
import hashlib
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts import services
from launchpad.accounts.exceptions import TokenInvalid, TokenNotFound
from launchpad.accounts.models import CandidateProfile, LanguageSkill, PersonalAccessToken

pytestmark = pytest.mark.django_db

TOKENS_URL = reverse("accounts:tokens")
API_URL = "/api/profile"


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def test_creating_a_token_shows_it_once_and_stores_only_its_digest(alice_client, alice):
    response = alice_client.post(TOKENS_URL, {"name": "attendance script", "expires": "90"})

    assert response.status_code == 200
    raw = response.context["new_token"].raw
    assert raw.startswith("lp_")
    assert raw in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = PersonalAccessToken.objects.get(user=alice)
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:8]
    assert raw not in (token.digest, token.prefix, token.name)
    expected_expiry = timezone.now() + datetime.timedelta(days=90)
    assert abs((token.expires_at - expected_expiry).total_seconds()) < 60

    listing = alice_client.get(TOKENS_URL).content.decode()
    assert raw not in listing
    assert token.prefix in listing


def test_a_token_can_be_created_that_never_expires(alice_client, alice):
    alice_client.post(TOKENS_URL, {"name": "forever", "expires": "never"})

    assert PersonalAccessToken.objects.get(user=alice).expires_at is None


def test_token_create_rejects_a_blank_name_and_an_expiry_out_of_range(alice_client, alice):
    response = alice_client.post(TOKENS_URL, {"name": "  ", "expires": "90"})
    assert "Give the token a name" in response.content.decode()
    with pytest.raises(TokenInvalid):
        services.token_create(user=alice, name="x", expires_in_days=366)
    with pytest.raises(TokenInvalid):
        services.token_create(user=alice, name="x", expires_in_days=0)
    assert not PersonalAccessToken.objects.exists()


def test_an_api_call_with_a_token_reads_my_profile(client, alice, alice_token):
    response = client.get(API_URL, headers=bearer(alice_token.raw))

    assert response.status_code == 200
    data = response.json()
    assert data["email"] == "alice@example.com"
    assert data["city"] == "Pune"
    assert data["languages"] == []


def test_a_token_records_when_it_was_last_used_at_most_once_a_minute(client, alice, alice_token):
    client.get(API_URL, headers=bearer(alice_token.raw))
    alice_token.token.refresh_from_db()
    first = alice_token.token.last_used_at
    assert first is not None

    client.get(API_URL, headers=bearer(alice_token.raw))
    alice_token.token.refresh_from_db()
    assert alice_token.token.last_used_at == first

    later = first + datetime.timedelta(minutes=2)
    assert services.token_authenticate(raw_token=alice_token.raw, now=later) == alice
    alice_token.token.refresh_from_db()
    assert alice_token.token.last_used_at == later


def test_eves_token_reads_eves_own_profile_never_alices(client, alice, eve, eve_token):
    response = client.get(API_URL, headers=bearer(eve_token.raw))

    assert response.status_code == 200
    assert response.json()["email"] == "eve@example.com"
    assert "Pune" not in response.content.decode()


def test_a_revoked_token_gets_401(alice_client, alice, alice_token):
    response = alice_client.post(
        reverse("accounts:token_revoke", args=[alice_token.token.pk]), follow=True
    )
    assert "The token has been revoked" in response.content.decode()
    assert not PersonalAccessToken.objects.filter(pk=alice_token.token.pk).exists()

    assert Client().get(API_URL, headers=bearer(alice_token.raw)).status_code == 401


def test_an_expired_token_gets_401(client, alice, alice_token):
    PersonalAccessToken.objects.filter(pk=alice_token.token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert client.get(API_URL, headers=bearer(alice_token.raw)).status_code == 401


@pytest.mark.parametrize(
    "header", ["Bearer lp_not-a-real-token", "Bearer ", "Bearer " + "x" * 500, "Token abc"]
)
def test_a_wrong_or_malformed_token_gets_401(client, alice, header):
    assert client.get(API_URL, headers={"Authorization": header}).status_code == 401


def test_a_deactivated_users_token_gets_401(client, alice, alice_token):
    alice.is_active = False
    alice.save(update_fields=["is_active"])

    assert client.get(API_URL, headers=bearer(alice_token.raw)).status_code == 401


def test_anonymous_api_request_gets_401(client):
    assert client.get(API_URL).status_code == 401
    assert client.patch(API_URL, "{}", content_type="application/json").status_code == 401


def test_the_session_also_authenticates_the_api(alice_client):
    response = alice_client.get(API_URL)

    assert response.status_code == 200
    assert response.json()["email"] == "alice@example.com"


def test_eve_cannot_revoke_alices_token(eve_client, eve, alice_token):
    response = eve_client.post(reverse("accounts:token_revoke", args=[alice_token.token.pk]))

    assert response.status_code == 404
    assert PersonalAccessToken.objects.filter(pk=alice_token.token.pk).exists()
    with pytest.raises(TokenNotFound):
        services.token_revoke(user=eve, token_id=alice_token.token.pk)


def test_revoking_needs_a_post(alice_client, alice_token):
    response = alice_client.get(reverse("accounts:token_revoke", args=[alice_token.token.pk]))

    assert response.status_code == 405
    assert PersonalAccessToken.objects.filter(pk=alice_token.token.pk).exists()


def test_token_list_query_count_does_not_grow_with_the_number_of_tokens(alice_client, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.token_create(user=alice, name="one")
    with CaptureQueriesContext(connection) as few:
        alice_client.get(TOKENS_URL)
    for number in range(5):
        services.token_create(user=alice, name=f"more {number}")
    with CaptureQueriesContext(connection) as many:
        alice_client.get(TOKENS_URL)

    assert len(many) == len(few)


# PATCH /api/profile ----------------------------------------------------------------------------


def patch(client, payload, **headers):
    return client.patch(
        API_URL, json.dumps(payload), content_type="application/json", headers=headers
    )


def test_patch_changes_only_the_fields_sent(client, alice, alice_token, role):
    response = patch(
        client,
        {
            "phone": "98765 43210",
            "score_type": "percentage",
            "score_value": 72.5,
            "current_role": role.slug,
            "shift_availability": ["night"],
            "languages": [{"language": "English", "level": "fluent"}],
        },
        **bearer(alice_token.raw),
    )

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["phone"] == "+919876543210"
    assert data["city"] == "Pune"  # untouched
    assert data["country"] == "IN"
    assert data["score_value"] == 72.5
    assert data["current_role"] == role.slug
    assert data["languages"] == [{"language": "English", "level": "fluent", "self_rated": True}]
    profile = CandidateProfile.objects.get(user=alice)
    assert profile.shift_availability == ["night"]
    assert profile.city == "Pune"


def test_patch_without_languages_keeps_them(alice_client, alice):
    LanguageSkill.objects.create(profile=alice.profile, language="Hindi", level="native")

    response = patch(alice_client, {"city": "Mumbai"})

    assert response.status_code == 200
    assert response.json()["languages"][0]["language"] == "Hindi"


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"score_type": "cgpa", "score_value": 11}, "score_value", "A CGPA is between 0 and 10"),
        (
            {"score_type": "percentage", "score_value": 120},
            "score_value",
            "A percentage is between 0 and 100",
        ),
        ({"score_value": 70}, "score_type", "choose whether it is a CGPA"),
        ({"phone": "+91 12345 67890"}, "phone", "India +91"),
        ({"country": "PH", "phone": "0817 123 4567"}, "phone", "Philippines +63"),
        ({"graduation_year": 1900}, "graduation_year", "Enter a year from 1960"),
        ({"years_experience": -1}, "years_experience", "cannot be negative"),
        (
            {
                "languages": [
                    {"language": "Hindi", "level": "native"},
                    {"language": "HINDI", "level": "basic"},
                ]
            },
            "languages",
            "twice",
        ),
        ({"work_types": ["astronaut"]}, "work_types", "Choose kinds of work"),
    ],
)
def test_patch_with_bad_input_answers_422_with_messages_and_changes_nothing(
    alice_client, alice, payload, field, message
):
    before = CandidateProfile.objects.get(user=alice)

    response = patch(alice_client, {"city": "Changed", **payload})

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any(message in text for text in errors[field]), errors
    after = CandidateProfile.objects.get(user=alice)
    assert (after.city, after.phone, after.score_value, after.updated_at) == (
        before.city,
        before.phone,
        before.score_value,
        before.updated_at,
    )


def test_patch_with_an_unknown_field_or_wrong_type_is_rejected(alice_client, alice):
    assert patch(alice_client, {"password": "x"}).status_code == 422
    assert patch(alice_client, {"graduation_year": "soon"}).status_code == 422
    assert CandidateProfile.objects.get(user=alice).city == "Pune"


def test_session_api_writes_need_the_csrf_token(alice, password):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    response = patch(browser, {"city": "Mumbai"})

    assert response.status_code in {401, 403}
    assert CandidateProfile.objects.get(user=alice).city == "Pune"


def test_token_api_writes_need_no_csrf_token(alice, alice_token):
    script = Client(enforce_csrf_checks=True)

    response = patch(script, {"city": "Mumbai"}, **bearer(alice_token.raw))

    assert response.status_code == 200
    assert CandidateProfile.objects.get(user=alice).city == "Mumbai"


def test_the_profile_endpoints_are_documented_in_openapi(client, db):
    schema = client.get("/api/openapi.json").json()

    assert {"get", "patch"} <= set(schema["paths"]["/api/profile"])
    assert "TokenAuth" in schema["components"]["securitySchemes"]
