"""A guest who took the readiness check and then signs in to an existing account keeps the
results: they move to the account and the guest is deleted."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts.models import User
from launchpad.accounts.services import guest_create, guest_merge
from launchpad.readiness.models import KnockoutAnswers, ReadinessCheck
from launchpad.skills.models import QuizAttempt

pytestmark = pytest.mark.django_db


def _quiz(user: User) -> QuizAttempt:
    return QuizAttempt.objects.create(
        user=user, test="english", form=[], items=[], time_limit_s=60, started_at=timezone.now()
    )


def test_signing_in_as_a_guest_moves_the_results_to_the_account(client, alice, password):
    guest = guest_create()
    attempt = _quiz(guest)
    check = ReadinessCheck.objects.create(user=guest, started_at=timezone.now())
    KnockoutAnswers.objects.create(user=guest, notice_days=0)
    client.force_login(guest)

    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200  # a guest is shown the form, not sent away
    response = client.post(
        reverse("accounts:login"), {"username": alice.email, "password": password}, follow=True
    )

    assert response.context["user"] == alice
    attempt.refresh_from_db()
    check.refresh_from_db()
    assert attempt.user == alice and check.user == alice
    assert KnockoutAnswers.objects.get(user=alice).notice_days == 0
    assert not User.objects.filter(pk=guest.pk).exists()
    assert "now in your account" in response.content.decode()


def test_the_accounts_own_knockout_answers_win(alice):
    KnockoutAnswers.objects.create(user=alice, notice_days=60)
    guest = guest_create()
    KnockoutAnswers.objects.create(user=guest, notice_days=0)
    guest_merge(guest=guest, into=alice)
    assert KnockoutAnswers.objects.get(user=alice).notice_days == 60
    assert KnockoutAnswers.objects.count() == 1


def test_only_a_guest_can_be_merged(alice, bob):
    with pytest.raises(ValueError):
        guest_merge(guest=bob, into=alice)
    guest = guest_create()
    with pytest.raises(ValueError):
        guest_merge(guest=guest, into=guest)
    assert User.objects.filter(pk=guest.pk).exists()


def test_a_signed_in_account_is_still_sent_away_from_the_login_page(alice_client):
    response = alice_client.get(reverse("accounts:login"))
    assert response.status_code == 302


def test_a_failed_sign_in_leaves_the_guest_and_its_results(client, alice):
    guest = guest_create()
    attempt = _quiz(guest)
    client.force_login(guest)
    client.post(reverse("accounts:login"), {"username": alice.email, "password": "wrong"})
    attempt.refresh_from_db()
    assert attempt.user == guest and User.objects.filter(pk=guest.pk).exists()
    assert guest.date_joined > timezone.now() - datetime.timedelta(minutes=5)


@pytest.mark.parametrize("email", ["me@guest.invalid", "someone@example.invalid"])
def test_sign_up_refuses_addresses_that_cannot_receive_mail(client, email, password):
    response = client.post(
        reverse("accounts:signup"),
        {"full_name": "X", "email": email, "password1": password, "password2": password,
         "role": "candidate", "time_zone": "Asia/Kolkata"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "an e-mail address you can read" in response.content.decode()
    assert not User.objects.filter(email=email).exists()
