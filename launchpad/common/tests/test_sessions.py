"""The session engine: Django's database sessions, read with one prepared query."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from launchpad.common.sessions import SessionStore

pytestmark = pytest.mark.django_db


def expire(key):
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )


def saved_session(**data):
    store = SessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_the_site_uses_it(settings):
    assert settings.SESSION_ENGINE == "launchpad.common.sessions"


def test_it_reads_what_djangos_store_reads():
    key = saved_session(cart=[1, 2.5, "₹"], name="Priya")

    assert SessionStore(key).load() == DjangoSessionStore(key).load()
    assert SessionStore(key)["name"] == "Priya"


@pytest.mark.parametrize("key", ["no-such-session-key-at-all", "short", "", None])
def test_a_missing_or_malformed_key_reads_as_empty_and_is_dropped(key):
    saved_session(name="Priya")
    store = SessionStore(key)

    assert store.load() == {}
    assert store.session_key is None


def test_an_expired_session_is_not_read():
    key = saved_session(name="Priya")
    expire(key)

    store = SessionStore(key)

    assert store.load() == {}
    assert store.session_key is None


def test_saving_after_an_expired_read_starts_a_new_session_and_keeps_the_old_row_untouched():
    key = saved_session(name="Priya")
    expire(key)
    store = SessionStore(key)
    store["name"] = "Someone else"

    store.save()

    assert store.session_key != key
    assert DjangoSessionStore(store.session_key).load() == {"name": "Someone else"}
    assert Session.objects.get(session_key=key).get_decoded() == {"name": "Priya"}


def test_signing_in_and_out_works_through_it(client, alice, password):
    home = reverse("accounts:settings")
    assert (
        client.post(
            reverse("accounts:login"), {"username": alice.email, "password": password}
        ).status_code
        == 302
    )
    assert client.get(home).status_code == 200

    client.post(reverse("accounts:logout"))

    assert client.get(home).status_code == 302
