"""The JSON API and the command line: `launchpad readiness USER` and `purge-guests`."""

from __future__ import annotations

import datetime
import io
import json
import zoneinfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from launchpad.accounts.models import User
from launchpad.accounts.services import guest_create, guests_purge, token_create
from launchpad.core.weekly_plan import week_start
from launchpad.readiness import services
from launchpad.readiness.models import KnockoutAnswers, PlanItem, ReadinessCheck
from launchpad.readiness.tests.factories import quiz_result, typing_result
from launchpad.skills.models import TypingAttempt

INDEX = "/api/readiness"
PLAN = "/api/readiness/plan"


# --- API ------------------------------------------------------------------------------------


def test_the_api_gives_the_session_users_index_per_track(alice_client, alice, content):
    english = quiz_result(alice, "english", percent=70)

    response = alice_client.get(INDEX)

    assert response.status_code == 200
    data = response.json()
    assert data["index_version"] == content.published and data["index_label"] == "readiness-2"
    assert len(data["tracks"]) == 6
    voice = next(t for t in data["tracks"] if t["track"] == "international-voice")
    assert voice["index"] is not None and 0 < voice["confidence"] < 1
    assert voice["rules_version"] and voice["version"] == "readiness-2"
    part = next(c for c in voice["components"] if c["key"] == "english")
    assert part["evidence"] == f"quiz:{english.pk}" and part["sources"]
    assert {k["outcome"] for k in voice["knockouts"]} == {"unknown"}


def test_the_api_gives_the_session_users_plan(alice_client, alice, content):
    typing_result(alice, wpm=18, accuracy=85)

    response = alice_client.get(PLAN)

    assert response.status_code == 200
    rows = response.json()
    stored = PlanItem.objects.filter(user=alice)
    assert rows and {row["id"] for row in rows} == set(stored.values_list("pk", flat=True))
    assert set(rows[0]) == {
        "id", "key", "week_start", "kind", "title", "detail", "ref", "status", "postponed_from",
    }  # fmt: skip
    assert [row["week_start"] for row in rows] == sorted(row["week_start"] for row in rows)


def test_without_content_the_api_has_no_tracks_and_no_plan(alice_client):
    assert alice_client.get(INDEX).json()["tracks"] == []
    assert alice_client.get(PLAN).json() == []


@pytest.mark.parametrize("url", [INDEX, PLAN])
def test_the_api_needs_a_user(client, content, url):
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer lp_nonsense"}).status_code == 401
    assert not PlanItem.objects.exists()


def test_a_token_works_like_the_session(client, alice, content):
    token = token_create(user=alice, name="script")
    typing_result(alice)

    response = client.get(INDEX, headers={"Authorization": f"Bearer {token.raw}"})

    assert response.status_code == 200
    assert any(c["evidence"] for t in response.json()["tracks"] for c in t["components"])


def test_a_token_request_plans_from_the_users_own_calendar_day(client, db, content, monkeypatch):
    # Monday 01:00 in Manila is still Sunday in Kolkata (the zone a token request starts in).
    moment = datetime.datetime(2026, 3, 2, 1, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Manila"))
    monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(datetime.UTC))
    maria = User.objects.create_user("maria@example.com", "x", time_zone="Asia/Manila")
    token = token_create(user=maria, name="script")

    rows = client.get(PLAN, headers={"Authorization": f"Bearer {token.raw}"}).json()

    assert rows
    assert min(row["week_start"] for row in rows) == "2026-03-02"
    assert week_start(moment.date()).isoformat() == "2026-03-02"


# --- launchpad readiness USER ---------------------------------------------------------------


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("readiness", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_the_index_as_json(alice, content):
    typing = typing_result(alice, wpm=30, accuracy=95)

    data = json.loads(run("Alice@Example.com"))

    assert data["user"] == "alice@example.com" and data["index_version"] == content.published
    assert len(data["tracks"]) == 6
    for track in data["tracks"]:
        assert track["components"] and "knockouts" in track
        assert {"value", "threshold", "weight", "points", "status", "sources"} <= set(
            track["components"][0]
        )
    chat = next(t for t in data["tracks"] if t["track"] == "chat-email")
    speed = next(c for c in chat["components"] if c["key"] == "typing-speed")
    assert speed["value"] == 30.0 and speed["evidence"] == f"typing:{typing.pk}"
    assert json.loads(run(str(alice.pk)))["user"] == "alice@example.com"


@pytest.mark.parametrize("who", ["nobody@example.com", "99999"])
def test_the_command_refuses_an_unknown_user(content, who):
    with pytest.raises(CommandError, match="No user"):
        run(who)


def test_the_command_says_when_the_content_is_not_loaded(alice):
    with pytest.raises(CommandError, match="not loaded"):
        run("alice@example.com")


# --- Purging guests -------------------------------------------------------------------------


def guest_with_results(days_old: int) -> User:
    guest = guest_create()
    User.objects.filter(pk=guest.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=days_old)
    )
    typing_result(guest)
    services.check_start(user=guest, now=timezone.now())
    KnockoutAnswers.objects.create(user=guest, notice_days=10)
    return guest


def test_purge_guests_deletes_only_old_guests_with_everything_they_hold(alice):
    old = guest_with_results(40)
    recent = guest_with_results(2)
    User.objects.filter(pk=alice.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=400)
    )
    out = io.StringIO()

    call_command("purge_guests", stdout=out)

    assert out.getvalue().strip() == "Deleted 1 guest account."
    assert set(User.objects.values_list("pk", flat=True)) == {alice.pk, recent.pk}
    assert not TypingAttempt.objects.filter(user_id=old.pk).exists()
    assert not ReadinessCheck.objects.filter(user_id=old.pk).exists()
    assert not KnockoutAnswers.objects.filter(user_id=old.pk).exists()
    assert TypingAttempt.objects.filter(user=recent).exists()


def test_purge_guests_takes_the_age_in_days(db):
    guest_with_results(5)
    guest_with_results(12)
    out = io.StringIO()

    call_command("purge_guests", "--days", "3", stdout=out)

    assert out.getvalue().strip() == "Deleted 2 guest accounts."
    assert not User.objects.exists()


def test_a_guest_who_signed_up_is_never_purged(db):
    guest = guest_with_results(60)
    User.objects.filter(pk=guest.pk).update(is_guest=False, email="kept@example.com")

    assert guests_purge(older_than=timezone.now()) == 0
    assert User.objects.filter(pk=guest.pk).exists()
