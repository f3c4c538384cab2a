"""The sign-in backend: Django's ModelBackend, loading the signed-in user with SQL built once."""

from __future__ import annotations

import pytest
from django.contrib.auth import backends as django_backends
from django.urls import reverse

from launchpad.accounts.backends import MODEL_BACKEND, ModelBackend

pytestmark = pytest.mark.django_db


def test_the_site_signs_in_with_it(settings):
    assert settings.AUTHENTICATION_BACKENDS == [MODEL_BACKEND]
    assert MODEL_BACKEND == "launchpad.accounts.backends.ModelBackend"


def test_it_loads_the_user_djangos_backend_loads(alice):
    ours = ModelBackend().get_user(alice.pk)

    assert ours == django_backends.ModelBackend().get_user(alice.pk)
    assert ours.email == alice.email and ours.time_zone == alice.time_zone
    assert ModelBackend().get_user(str(alice.pk)) == alice  # as the session stores it


def test_an_inactive_missing_or_malformed_user_is_nobody(alice):
    alice.is_active = False
    alice.save()

    assert ModelBackend().get_user(alice.pk) is None
    assert ModelBackend().get_user(alice.pk + 1000) is None
    assert ModelBackend().get_user("not a number") is None
    assert ModelBackend().get_user(None) is None


def test_a_deactivated_user_is_signed_out_on_the_next_request(client, alice):
    client.force_login(alice)
    page = reverse("accounts:settings")
    assert client.get(page).status_code == 200

    alice.is_active = False
    alice.save()

    assert client.get(page).status_code == 302


def test_a_password_change_elsewhere_signs_out_old_sessions(client, alice):
    client.force_login(alice)
    alice.set_password("a-new-password-2026")
    alice.save()

    assert client.get(reverse("accounts:settings")).status_code == 302
