from __future__ import annotations

import pytest
from django.urls import reverse

from launchpad.accounts import services
from launchpad.accounts.models import CandidateProfile, LanguageSkill, User

pytestmark = pytest.mark.django_db

SETTINGS_URL = reverse("accounts:settings")


def settings_post(**overrides: str) -> dict[str, str]:
    data = {"full_name": "Alice F.", "email": "alice@example.com", "time_zone": "Asia/Manila"}
    data.update(overrides)
    return data


def test_settings_page_says_which_time_zone_times_are_shown_in(alice_client):
    html = alice_client.get(SETTINGS_URL).content.decode()

    assert "Times are shown in Asia/Kolkata" in html
    for name in ["password_change", "tokens", "export", "delete"]:
        assert reverse(f"accounts:{name}") in html


def test_settings_change_name_and_time_zone(alice_client, alice):
    response = alice_client.post(SETTINGS_URL, settings_post(), follow=True)

    alice.refresh_from_db()
    assert (alice.full_name, alice.time_zone) == ("Alice F.", "Asia/Manila")
    assert "Times are shown in Asia/Manila" in response.content.decode()


def test_changing_the_email_needs_the_current_password(alice_client, alice, password):
    refused = alice_client.post(SETTINGS_URL, settings_post(email="new@example.com"))
    assert "Enter your current password" in refused.content.decode()
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"

    alice_client.post(
        SETTINGS_URL, settings_post(email="New@Example.com", current_password=password)
    )
    alice.refresh_from_db()
    assert alice.email == "new@example.com"


def test_settings_refuse_an_email_another_account_uses(alice_client, alice, eve, password):
    response = alice_client.post(
        SETTINGS_URL, settings_post(email="EVE@example.com", current_password=password)
    )

    assert "An account with this e-mail already exists" in response.content.decode()
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_settings_refuse_an_unknown_time_zone(alice_client, alice):
    response = alice_client.post(SETTINGS_URL, settings_post(time_zone="Mars/Base"))

    assert "Choose a time zone from the list" in response.content.decode()
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Kolkata"


def test_the_database_refuses_two_accounts_differing_only_in_letter_case(alice):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="ALICE@example.com")])


def test_user_signup_service_refuses_staff_accounts(db):
    with pytest.raises(ValueError):
        services.user_signup(
            email="x@example.com",
            password="Blue-river-morning-42",
            full_name="X",
            role=User.Role.STAFF,
            time_zone="Asia/Kolkata",
        )


@pytest.fixture
def admin_client_(client, db):
    admin = User.objects.create_superuser("admin@example.com", "Admin-pass-2026-x")
    client.force_login(admin)
    return client


def test_admin_pages_for_accounts_load(admin_client_, alice, alice_token):
    LanguageSkill.objects.create(profile=alice.profile, language="English", level="fluent")
    profile = CandidateProfile.objects.get(user=alice)
    urls = [
        reverse("admin:accounts_user_changelist") + "?q=alice",
        reverse("admin:accounts_user_change", args=[alice.pk]),
        reverse("admin:accounts_user_add"),
        reverse("admin:accounts_candidateprofile_changelist"),
        reverse("admin:accounts_candidateprofile_change", args=[profile.pk]),
        reverse("admin:accounts_personalaccesstoken_changelist"),
        reverse("admin:accounts_personalaccesstoken_change", args=[alice_token.token.pk]),
    ]
    for url in urls:
        response = admin_client_.get(url)
        assert response.status_code == 200, url
    token_page = admin_client_.get(urls[-1]).content.decode()
    assert alice_token.token.digest not in token_page


def test_admin_can_create_a_user_with_an_email(admin_client_):
    response = admin_client_.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Trainer@Example.com",
            "full_name": "New Trainer",
            "role": "trainer",
            "time_zone": "Asia/Manila",
            "usable_password": "true",
            "password1": "Blue-river-morning-42",
            "password2": "Blue-river-morning-42",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert User.objects.filter(email__iexact="trainer@example.com").exists()
