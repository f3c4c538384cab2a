"""Starting, submitting and drilling typing attempts: rules the server enforces."""

from __future__ import annotations

import datetime
import json
import math
import random

import pytest
from django.utils import timezone

from launchpad.common.db import EncodedJSON
from launchpad.core.typing import read_events_json
from launchpad.skills import services
from launchpad.skills.exceptions import (
    AttemptAlreadySubmittedError,
    InvalidLogError,
    NoPassagesError,
    NothingToDrillError,
)
from launchpad.skills.models import TypingAttempt
from launchpad.skills.tests.conftest import TEXT, keystrokes


def start(user, *, mode="text", duration=None, now=None, **filters):
    return services.typing_attempt_start(
        user=user, mode=mode, duration_s=duration, rng=random.Random(1),
        now=now or timezone.now() - datetime.timedelta(minutes=10), **filters,
    )  # fmt: skip


def test_a_fixed_text_attempt_uses_one_passage_and_keeps_its_text(alice, passages):
    attempt = start(alice, kind="prose")

    assert attempt.text == TEXT
    assert attempt.mode == "text" and attempt.duration_s is None
    assert attempt.status == "started"


def test_a_timed_attempt_has_enough_text_that_nobody_runs_out(alice, passages):
    attempt = start(alice, mode="timed", duration=60)

    assert len(attempt.text) >= 60 * services.CHARS_PER_SECOND_NEEDED
    assert "  " not in attempt.text


def test_a_five_minute_test_stays_within_the_scorers_limit(alice, passages):
    attempt = start(alice, mode="timed", duration=300)

    assert 300 * services.CHARS_PER_SECOND_NEEDED <= len(attempt.text) <= services.MAX_TEST_CHARS


@pytest.mark.parametrize(
    ("mode", "duration", "filters"),
    [("timed", 45, {}), ("sprint", None, {}), ("text", None, {"kind": "email"})],
)
def test_bad_start_choices_are_refused_and_create_nothing(alice, passages, mode, duration, filters):
    with pytest.raises((InvalidLogError, NoPassagesError)):
        start(alice, mode=mode, duration=duration, **filters)
    assert not TypingAttempt.objects.exists()


def test_submitting_scores_the_log_and_stores_it_with_the_rules_version(alice, passages):
    attempt = start(alice, kind="prose")

    scored = services.typing_attempt_submit(
        attempt=attempt, events=keystrokes(TEXT), now=timezone.now()
    )

    assert scored.status == "scored" and scored.submitted_at is not None
    assert scored.accuracy == 100
    assert scored.wpm == pytest.approx(scored.result["wpm"], abs=0.01)
    assert scored.rules_version == scored.result["rules_version"]
    assert scored.log["text"] == TEXT and len(scored.log["events"]) == len(TEXT)


def test_the_text_comes_from_the_attempt_not_from_the_browser(alice, passages):
    attempt = start(alice, kind="prose")
    forged = [{"t": 0.1, "key": "x"}]

    scored = services.typing_attempt_submit(attempt=attempt, events=forged, now=timezone.now())

    assert scored.log["text"] == TEXT
    assert scored.accuracy == 0


def test_a_second_submission_is_refused_and_changes_nothing(alice, passages):
    attempt = start(alice, kind="prose")
    services.typing_attempt_submit(attempt=attempt, events=keystrokes(TEXT), now=timezone.now())

    with pytest.raises(AttemptAlreadySubmittedError):
        services.typing_attempt_submit(
            attempt=attempt, events=[{"t": 0.1, "key": "x"}], now=timezone.now()
        )
    attempt.refresh_from_db()
    assert attempt.accuracy == 100


def test_keystrokes_after_the_time_limit_count_as_submitted_at_the_limit(alice, passages):
    attempt = start(alice, mode="timed", duration=30)
    events = keystrokes(attempt.text[:200], gap=0.25)  # 50 seconds of typing

    scored = services.typing_attempt_submit(attempt=attempt, events=events, now=timezone.now())

    assert all(event["t"] <= 30 for event in scored.log["events"])
    assert scored.result["elapsed_s"] == 30


def test_a_log_longer_than_the_time_that_passed_is_impossible(alice, passages):
    attempt = start(alice, kind="prose", now=timezone.now())

    with pytest.raises(InvalidLogError, match="only"):
        services.typing_attempt_submit(
            attempt=attempt, events=keystrokes(TEXT, gap=1.0), now=timezone.now()
        )
    attempt.refresh_from_db()
    assert attempt.status == "started"


@pytest.mark.parametrize(
    "events",
    ["not a list", [{"t": "soon", "key": "a"}], [{"t": 1.0, "key": "a"}, {"t": 0.5, "key": "b"}],
     [{"t": 0.1, "key": "Enter"}]],
)  # fmt: skip
def test_a_malformed_log_is_refused_with_a_message_and_changes_nothing(alice, passages, events):
    attempt = start(alice, kind="prose")

    with pytest.raises(InvalidLogError) as caught:
        services.typing_attempt_submit(attempt=attempt, events=events, now=timezone.now())
    assert str(caught.value)
    attempt.refresh_from_db()
    assert attempt.status == "started" and attempt.log is None


# --- the test page's way in: keystrokes read straight from the JSON text ----------------------


def submit_text(attempt, events, *, now=None):
    """Submits `events` as the test page does: their JSON text, read by read_events_json."""
    text = json.dumps(events)
    return services.typing_attempt_submit_keystrokes(
        attempt=attempt, keystrokes=read_events_json(text), events_json=text,
        now=now or timezone.now(),
    )  # fmt: skip


STORED = ("status", "log", "result", "rules_version", "wpm", "raw_wpm", "accuracy", "kph")


def stored(attempt):
    return TypingAttempt.objects.values(*STORED).get(pk=attempt.pk)


@pytest.mark.parametrize(
    ("mode", "duration", "kind", "typed", "gap"),
    [
        ("text", None, "prose", TEXT.replace("lazy", "lazz"), 0.2),
        ("timed", 30, None, None, 0.2),
        # Keystrokes past the limit are dropped: this way goes through typing_attempt_submit.
        ("timed", 30, None, None, 0.25),
    ],
)
def test_submitting_read_keystrokes_stores_what_submitting_the_events_stores(
    alice, passages, mode, duration, kind, typed, gap
):
    filters = {"kind": kind} if kind else {}
    fast, slow = (start(alice, mode=mode, duration=duration, **filters) for _ in range(2))
    slow.text = fast.text
    slow.save()
    events = keystrokes(typed or fast.text[:200], gap=gap)

    scored = submit_text(fast, events)
    services.typing_attempt_submit(
        attempt=slow, events=events, events_json=json.dumps(events), now=timezone.now()
    )

    assert stored(fast) == stored(slow)
    assert stored(fast)["status"] == "scored"
    assert scored.accuracy == stored(fast)["accuracy"] and scored.result == stored(fast)["result"]
    # The returned attempt reads its log back from the database.
    assert scored.log == stored(fast)["log"]


def test_a_log_with_a_quote_or_backslash_key_is_stored_encoded_again(alice, passages):
    attempt = start(alice, kind="prose")
    attempt.text = 'say "hi" or \\ then'
    attempt.save()

    scored = submit_text(attempt, keystrokes(attempt.text))

    assert scored.accuracy == 100
    assert [event["key"] for event in stored(attempt)["log"]["events"]] == list(attempt.text)


def test_read_keystrokes_for_a_scored_attempt_are_refused_and_change_nothing(alice, passages):
    attempt = start(alice, kind="prose")
    submit_text(attempt, keystrokes(TEXT))
    before = stored(attempt)

    with pytest.raises(AttemptAlreadySubmittedError):
        submit_text(attempt, [{"t": 0.1, "key": "x"}])

    assert stored(attempt) == before


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([{"t": 1.0, "key": "a"}, {"t": 0.5, "key": "b"}], "backwards"),
        ([{"t": 0.1, "key": "Enter"}], "unknown key"),
        ([{"t": 0.001 * n, "key": "a"} for n in range(40)], "inhuman"),
    ],
)
def test_impossible_read_keystrokes_are_refused_and_change_nothing(
    alice, passages, events, message
):
    attempt = start(alice, kind="prose")

    with pytest.raises(InvalidLogError, match=message):
        submit_text(attempt, events)

    assert stored(attempt)["status"] == "started" and stored(attempt)["log"] is None


def test_read_keystrokes_longer_than_the_time_that_passed_are_refused(alice, passages):
    attempt = start(alice, kind="prose", now=timezone.now())

    with pytest.raises(InvalidLogError, match="only"):
        submit_text(attempt, keystrokes(TEXT, gap=1.0))

    assert stored(attempt)["status"] == "started"


def test_a_drill_repeats_the_mistyped_words(alice, passages):
    attempt = start(alice, kind="prose")
    typo = TEXT.replace("quick", "quack").replace("lazy", "lazz")
    scored = services.typing_attempt_submit(
        attempt=attempt, events=keystrokes(typo), now=timezone.now()
    )

    drill = services.typing_drill_start(
        user=alice, source=scored, rng=random.Random(2), now=timezone.now()
    )

    assert drill.is_drill and drill.mode == "text"
    assert sorted(drill.text.split()) == sorted(["quick"] * 3 + ["lazy"] * 3)


def test_a_perfect_attempt_has_nothing_to_drill(alice, passages):
    attempt = start(alice, kind="prose")
    scored = services.typing_attempt_submit(
        attempt=attempt, events=keystrokes(TEXT), now=timezone.now()
    )

    with pytest.raises(NothingToDrillError):
        services.typing_drill_start(
            user=alice, source=scored, rng=random.Random(), now=timezone.now()
        )


def test_export_holds_my_typing_attempts_with_their_logs_and_not_anyone_elses(alice, eve, passages):
    from launchpad.accounts.services import account_export

    mine = start(alice, kind="prose")
    services.typing_attempt_submit(attempt=mine, events=keystrokes(TEXT), now=timezone.now())
    start(eve, kind="prose")

    exported = account_export(user=alice)["typing_attempts"]

    assert len(exported) == 1
    assert exported[0]["log"]["events"][0] == {"t": 0.0, "key": "t"}
    assert exported[0]["result"]["accuracy"] == 100
    assert account_export(user=eve)["typing_attempts"][0]["status"] == "started"


def test_deleting_the_account_removes_its_typing_attempts(alice, passages):
    from launchpad.accounts.services import account_delete

    start(alice, kind="prose")
    account_delete(user=alice)

    assert not TypingAttempt.objects.exists()


def test_of_two_racing_submissions_only_one_is_scored(alice, passages):
    attempt = start(alice, kind="prose")
    # Each request loads the attempt before either has stored anything.
    first, second = (TypingAttempt.objects.get(pk=attempt.pk) for _ in range(2))
    services.typing_attempt_submit(attempt=first, events=keystrokes(TEXT), now=timezone.now())

    with pytest.raises(AttemptAlreadySubmittedError):
        services.typing_attempt_submit(
            attempt=second, events=[{"t": 0.1, "key": "x"}], now=timezone.now()
        )
    attempt.refresh_from_db()
    assert attempt.accuracy == 100 and len(attempt.log["events"]) == len(TEXT)
    assert not second.is_scored


def test_the_log_text_is_stored_without_the_keystrokes_after_the_time_limit(alice, passages):
    import json

    attempt = start(alice, mode="timed", duration=30)
    events = keystrokes(attempt.text[:200], gap=0.25)  # 50 seconds of typing

    services.typing_attempt_submit(
        attempt=attempt, events=events, events_json=json.dumps(events), now=timezone.now()
    )

    attempt.refresh_from_db()
    assert attempt.log["events"] == [event for event in events if event["t"] <= 30]
    assert attempt.log["duration_s"] == 30.0


def test_the_result_is_stored_as_the_same_json_value_non_ascii_included(alice, passages):
    attempt = start(alice, kind="prose")
    attempt.text = "Café naïve ₹500 “quoted” the"
    attempt.save()

    scored = services.typing_attempt_submit(
        attempt=attempt, events=keystrokes("Café naive ₹500 “quoted”"), now=timezone.now()
    )

    stored = TypingAttempt.objects.get(pk=attempt.pk)
    assert stored.result == scored.result
    assert stored.result["mistyped_words"] == [{"word": "naïve", "count": 1}]
    assert stored.result["words"][2]["typed"] == "₹500"


@pytest.mark.parametrize(
    "data",
    [
        {"wpm": math.nan},  # orjson would write null, json.dumps NaN
        {"raw_per_second": [12.0, math.inf]},
        {"wpm": None},
        {1: "an integer key"},  # orjson refuses it, json.dumps writes "1"
        {"count": 2**70},  # beyond 64 bits
    ],
)
def test_data_orjson_would_not_encode_as_json_dumps_is_left_to_the_field(data):
    assert services._encoded(data) is data


def test_data_orjson_encodes_as_the_same_json_value_is_stored_as_its_text():
    data = {"wpm": 61.25, "raw": [12.0, -0.0, 1e-07, 1e16], "word": "café ₹", "ok": True}

    encoded = services._encoded(data)

    assert isinstance(encoded, EncodedJSON)
    assert json.loads(encoded) == data
