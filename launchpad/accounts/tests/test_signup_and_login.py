from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from launchpad.accounts.models import CandidateProfile, User

pytestmark = pytest.mark.django_db

SIGNUP_URL = reverse("accounts:signup")


def signup_data(**overrides: str) -> dict[str, str]:
    data = {
        "full_name": "Priya Sharma",
        "email": "Priya.Sharma@Example.com",
        "password1": "Blue-river-morning-42",
        "password2": "Blue-river-morning-42",
        "role": "candidate",
        "time_zone": "Asia/Kolkata",
    }
    data.update(overrides)
    return data


def test_signup_creates_the_user_and_an_empty_profile_then_opens_the_profile(client):
    response = client.post(SIGNUP_URL, signup_data(), follow=True)

    user = User.objects.get(email="priya.sharma@example.com")
    assert user.full_name == "Priya Sharma"
    assert user.role == User.Role.CANDIDATE
    assert user.time_zone == "Asia/Kolkata"
    assert user.check_password("Blue-river-morning-42")
    assert CandidateProfile.objects.filter(user=user).exists()
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert int(client.session[SESSION_KEY]) == user.pk
    assert "Welcome to BPO Launchpad, Priya Sharma!" in response.content.decode()


def test_signup_can_create_a_trainer_in_the_manila_time_zone(client):
    client.post(SIGNUP_URL, signup_data(role="trainer", time_zone="Asia/Manila"))

    user = User.objects.get(email="priya.sharma@example.com")
    assert (user.role, user.time_zone) == (User.Role.TRAINER, "Asia/Manila")


def test_signup_form_lists_india_and_philippines_zones_first_and_labels_every_input(client):
    response = client.get(SIGNUP_URL)

    html = response.content.decode()
    assert (
        html.index("Asia/Kolkata (IST)")
        < html.index("Asia/Manila (PHT)")
        < html.index("Africa/Abidjan")
    )
    for name in ["full_name", "email", "password1", "password2", "time_zone"]:
        assert f'<label for="id_{name}"' in html
    assert 'autocomplete="new-password"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="name"' in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "ALICE@example.COM"}, "email", "An account with this e-mail already exists"),
        (
            {"password1": "password", "password2": "password"},
            "password1",
            "This password is too common",
        ),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1", "entirely numeric"),
        ({"password1": "Ab1-x", "password2": "Ab1-x"}, "password1", "too short"),
        ({"password2": "Blue-river-morning-43"}, "password2", "The two passwords do not match"),
        ({"role": "staff"}, "role", "Select a valid choice"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose a time zone from the list"),
        ({"email": "not-an-address"}, "email", "Enter an e-mail address like name@example.com"),
        ({"full_name": ""}, "full_name", "Enter your full name"),
    ],
)
def test_signup_rejects_bad_input_and_creates_nothing(client, alice, overrides, field, message):
    users_before = User.objects.count()

    response = client.post(SIGNUP_URL, signup_data(**overrides))

    assert response.status_code == 200
    assert any(message in str(error) for error in response.context["form"].errors[field])
    assert User.objects.count() == users_before
    assert CandidateProfile.objects.count() == 1  # alice's only
    assert SESSION_KEY not in client.session
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    if field not in {"role"}:
        assert re.search(rf'aria-describedby="[^"]*id_{field}_error', html)


def test_signup_redirects_someone_already_logged_in(alice_client):
    response = alice_client.get(SIGNUP_URL)

    assert response.status_code == 302


def test_login_accepts_the_email_in_any_letter_case(client, alice, password):
    response = client.post(
        reverse("accounts:login"), {"username": "  ALICE@Example.Com ", "password": password}
    )

    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == alice.pk


def test_login_with_a_wrong_password_explains_and_does_not_sign_in(client, alice):
    response = client.post(
        reverse("accounts:login"), {"username": "alice@example.com", "password": "wrong"}
    )

    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_login_page_has_email_and_current_password_autocomplete(client):
    html = client.get(reverse("accounts:login")).content.decode()

    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in html
    assert reverse("accounts:password_reset") in html


def test_logout_refuses_get_and_keeps_the_user_logged_in(alice_client):
    response = alice_client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert SESSION_KEY in alice_client.session


def test_logout_by_post_signs_out_and_returns_home(alice_client):
    response = alice_client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert SESSION_KEY not in alice_client.session


def test_password_change_needs_the_old_password_and_then_takes_the_new_one(
    alice_client, alice, password
):
    url = reverse("accounts:password_change")
    wrong = alice_client.post(
        url,
        {
            "old_password": "not-it",
            "new_password1": "Green-valley-sunrise-7",
            "new_password2": "Green-valley-sunrise-7",
        },
    )
    assert wrong.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(password)

    response = alice_client.post(
        url,
        {
            "old_password": password,
            "new_password1": "Green-valley-sunrise-7",
            "new_password2": "Green-valley-sunrise-7",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_change_done")
    alice.refresh_from_db()
    assert alice.check_password("Green-valley-sunrise-7")
    assert SESSION_KEY in alice_client.session  # still signed in on this device


def test_password_reset_queues_the_email_through_the_background_task(client, alice, monkeypatch):
    from launchpad.accounts import tasks

    calls: list[dict] = []
    real_enqueue = tasks.send_email_task.enqueue

    class RecordingTask:
        def enqueue(self, **kwargs):
            calls.append(kwargs)
            return real_enqueue(**kwargs)

    monkeypatch.setattr(tasks, "send_email_task", RecordingTask())

    client.post(reverse("accounts:password_reset"), {"email": "Alice@Example.com"})

    assert len(calls) == 1
    assert calls[0]["to"] == ["alice@example.com"]
    assert len(mail.outbox) == 1


def test_password_reset_email_link_lets_the_user_choose_a_new_password(client, alice):
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert "BPO Launchpad" in message.subject
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert link is not None

    form_page = client.get(link.group(1), follow=True)
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "Orange-kite-evening-9", "new_password2": "Orange-kite-evening-9"},
    )

    assert done.status_code == 302
    assert done.url == reverse("accounts:password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password("Orange-kite-evening-9")
    # The link works only once.
    again = client.get(link.group(1), follow=True)
    assert again.context["validlink"] is False


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, alice):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name", ["profile", "settings", "export", "delete", "tokens", "password_change"]
)
def test_anonymous_visitors_are_sent_to_login_for_account_pages(client, name):
    url = reverse(f"accounts:{name}")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "next=" in response.url
