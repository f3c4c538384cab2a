"""update_where: one conditional UPDATE that writes what QuerySet.update would write."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError, connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from launchpad.common.db import EncodedJSON, get_where, update_where
from launchpad.skills.models import TypingAttempt

STARTED = datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.UTC)


def open_attempt(user, text="the quick brown fox"):
    return TypingAttempt.objects.create(
        user=user, text=text, mode="timed", duration_s=60, started_at=STARTED
    )


def scored_values(**overrides):
    values = {
        "log": EncodedJSON('{"text": "the quick", "events": [{"t": 0.1, "key": "t"}]}'),
        "result": {"wpm": 61.25, "words": ["café", "₹500"]},
        "rules_version": "typing-1",
        "status": "scored",
        "submitted_at": datetime.datetime(2026, 11, 1, 9, 31, 5, 250_000, tzinfo=datetime.UTC),
        "wpm": 61.25,
        "accuracy": 97.5,
    }
    return {**values, **overrides}


def test_it_sets_the_values_on_the_matching_row_as_the_orm_stores_them(alice, bob):
    mine, other = open_attempt(alice), open_attempt(bob)

    changed = update_where(
        TypingAttempt, where={"id": mine.pk, "status": "started"}, values=scored_values()
    )

    assert changed == 1
    mine.refresh_from_db()
    assert mine.log == {"text": "the quick", "events": [{"t": 0.1, "key": "t"}]}
    assert mine.result == {"wpm": 61.25, "words": ["café", "₹500"]}
    assert (mine.status, mine.rules_version, mine.wpm, mine.accuracy) == (
        "scored",
        "typing-1",
        61.25,
        97.5,
    )
    assert mine.submitted_at == scored_values()["submitted_at"]
    other.refresh_from_db()
    assert other.status == "started" and other.log is None


def test_what_it_stores_reads_back_as_what_queryset_update_stores(alice):
    fast, slow = open_attempt(alice), open_attempt(alice)
    values = scored_values(log={"events": [], "text": "x"}, result={"a": [1, 2.5, None]})

    update_where(TypingAttempt, where={"id": fast.pk}, values=values)
    TypingAttempt.objects.filter(id=slow.pk).update(**values)

    fields = ("log", "result", "status", "rules_version", "submitted_at", "wpm", "accuracy")
    stored_fast, stored_slow = (
        TypingAttempt.objects.filter(pk=pk).values(*fields).get() for pk in (fast.pk, slow.pk)
    )
    assert stored_fast == stored_slow


def test_a_row_that_no_longer_matches_is_left_alone(alice):
    attempt = open_attempt(alice)
    TypingAttempt.objects.filter(pk=attempt.pk).update(
        status="scored", submitted_at=timezone.now(), result={"wpm": 40}
    )

    changed = update_where(
        TypingAttempt, where={"id": attempt.pk, "status": "started"}, values=scored_values()
    )

    assert changed == 0
    attempt.refresh_from_db()
    assert attempt.result == {"wpm": 40} and attempt.log is None


def test_none_stores_null(alice):
    attempt = open_attempt(alice)
    update_where(TypingAttempt, where={"id": attempt.pk}, values={"log": {"a": 1}})

    update_where(TypingAttempt, where={"id": attempt.pk}, values={"log": None})

    attempt.refresh_from_db()
    assert attempt.log is None
    assert TypingAttempt.objects.filter(pk=attempt.pk, log__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_text_that_is_not_json_is_refused_by_the_database_and_nothing_changes(alice):
    attempt = open_attempt(alice)

    with pytest.raises(DatabaseError):
        update_where(
            TypingAttempt,
            where={"id": attempt.pk},
            values={"log": EncodedJSON('{"events": [}'), "wpm": 99.0},
        )

    attempt.refresh_from_db()
    assert attempt.log is None and attempt.wpm is None


def test_it_is_one_statement_built_once(alice):
    first, second = open_attempt(alice), open_attempt(alice)

    with CaptureQueriesContext(connection) as queries:
        update_where(TypingAttempt, where={"id": first.pk}, values={"wpm": 1.0})
        update_where(TypingAttempt, where={"id": second.pk}, values={"wpm": 2.0})

    assert len(queries) == 2
    assert queries[0]["sql"].startswith("UPDATE")


@pytest.mark.parametrize(
    ("where", "values", "message"),
    [
        ({"id": 1}, {"wpm": F("kph")}, "plain values"),
        ({"id": 1}, {"id": 2}, "cannot be set"),
        ({}, {"wpm": 1.0}, "at least one condition"),
    ],
)
def test_what_it_cannot_do_is_refused_before_anything_is_written(alice, where, values, message):
    attempt = open_attempt(alice)

    with pytest.raises(ValueError, match=message):
        update_where(TypingAttempt, where=where, values=values)

    attempt.refresh_from_db()
    assert attempt.wpm is None


# --- get_where --------------------------------------------------------------------------------


def test_get_where_loads_the_row_as_the_orm_loads_it(alice, bob):
    attempt = open_attempt(alice)
    update_where(TypingAttempt, where={"id": attempt.pk}, values=scored_values())
    open_attempt(bob)

    loaded = get_where(TypingAttempt, id=attempt.pk, user_id=alice.pk)

    expected = TypingAttempt.objects.get(pk=attempt.pk)
    assert type(loaded) is TypingAttempt and not loaded._state.adding
    for field in TypingAttempt._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    assert loaded.started_at == STARTED and loaded.started_at.tzinfo is not None
    assert loaded.log["events"] == [{"t": 0.1, "key": "t"}]


def test_get_where_loads_booleans_dates_and_text_of_a_user(alice):
    alice.last_login = datetime.datetime(2026, 11, 2, 8, 0, tzinfo=datetime.UTC)
    alice.save()

    loaded = get_where(type(alice), id=alice.pk)

    assert loaded == alice
    assert loaded.is_active is True and loaded.is_staff is False
    assert loaded.last_login == alice.last_login and loaded.email == alice.email


def test_get_where_finds_nothing_for_a_row_that_does_not_match(alice, bob):
    attempt = open_attempt(alice)

    assert get_where(TypingAttempt, id=attempt.pk, user_id=bob.pk) is None
    assert get_where(TypingAttempt, id=attempt.pk + 1000) is None
    assert get_where(TypingAttempt, id=2**70) is None  # beyond any stored key


def test_get_where_refuses_a_value_its_field_cannot_take(alice):
    with pytest.raises((ValueError, TypeError)):
        get_where(TypingAttempt, id="not a number")


def test_get_where_needs_a_condition():
    with pytest.raises(ValueError, match="at least one condition"):
        get_where(TypingAttempt)
