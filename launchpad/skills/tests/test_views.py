"""Skills lab pages and API: the test page, JSON submission, results, privacy."""

from __future__ import annotations

import json
import math
import random
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from launchpad.skills import services
from launchpad.skills.models import TypingAttempt
from launchpad.skills.tests.conftest import TEXT, keystrokes
from launchpad.skills.views import _read_submission


@pytest.fixture
def attempt(alice, passages, long_ago):
    return services.typing_attempt_start(
        user=alice, mode="text", duration_s=None, kind="prose", rng=random.Random(1),
        now=long_ago,
    )  # fmt: skip


@pytest.fixture
def scored(attempt, thresholds):
    typo = TEXT.replace("lazy", "lazz")
    return services.typing_attempt_submit(
        attempt=attempt, events=keystrokes(typo), now=timezone.now()
    )


def submit(client, attempt, body, content_type="application/json"):
    return client.post(
        reverse("skills:typing_submit", args=[attempt.pk]),
        body if isinstance(body, str | bytes) else json.dumps(body),
        content_type=content_type,
    )


def test_the_lab_and_the_start_page_need_an_account(client, db):
    for name in ("skills:lab", "skills:typing_start", "skills:typing_history"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_starting_a_test_hands_out_a_text_and_opens_the_test_page(alice_client, passages):
    response = alice_client.post(
        reverse("skills:typing_start"), {"length": "60", "kind": "", "difficulty": ""}
    )
    attempt = TypingAttempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()

    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="typing-config"' in page and "typing-test.js" in page
    assert attempt.text[:30] in page


def test_a_bad_start_choice_shows_a_message_and_creates_nothing(alice_client, passages):
    response = alice_client.post(reverse("skills:typing_start"), {"length": "45"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    response = alice_client.post(reverse("skills:typing_start"), {"length": "60", "kind": "email"})
    assert "no passages of that kind" in response.content.decode()
    assert not TypingAttempt.objects.exists()


def test_submitting_the_log_scores_it_and_the_result_page_explains_it(alice_client, attempt,
                                                                      thresholds):  # fmt: skip
    response = submit(alice_client, attempt, {"events": keystrokes(TEXT)})

    assert response.status_code == 200
    assert response.json()["url"] == attempt.get_absolute_url()
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="result-wpm"' in page and "100.0%" in page
    assert "International voice" in page and "Meets it" in page
    assert "How these numbers are worked out" in page


@pytest.mark.parametrize(
    ("body", "message"),
    [("not json", "not valid JSON"), ({"keys": []}, "events list"), ([1, 2], "events list"),
     ({"events": "abc"}, "list")],
)  # fmt: skip
def test_a_bad_submission_gets_a_400_with_a_message_and_changes_nothing(
    alice_client, attempt, body, message
):
    response = submit(alice_client, attempt, body)

    assert response.status_code == 400
    assert message in response.json()["error"]
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_a_second_submission_gets_a_409_pointing_at_the_result(alice_client, scored):
    response = submit(alice_client, scored, {"events": keystrokes(TEXT)})

    assert response.status_code == 409
    assert response.json()["url"] == scored.get_absolute_url()


def test_submit_is_post_only(alice_client, attempt):
    response = alice_client.get(reverse("skills:typing_submit", args=[attempt.pk]))
    assert response.status_code == 405


def test_an_outsider_gets_404_for_every_page_of_someone_elses_attempt(eve_client, scored):
    for name in ("skills:typing_attempt", "skills:typing_drill", "skills:typing_submit"):
        url = reverse(name, args=[scored.pk])
        response = eve_client.post(url) if name != "skills:typing_attempt" else eve_client.get(url)
        assert response.status_code == 404, name
    assert TypingAttempt.objects.filter(user__email="eve@example.com").count() == 0


def test_the_drill_button_starts_a_drill_of_the_mistyped_words(alice_client, scored):
    response = alice_client.post(reverse("skills:typing_drill", args=[scored.pk]))

    drill = TypingAttempt.objects.get(is_drill=True)
    assert response["Location"] == drill.get_absolute_url()
    assert set(drill.text.split()) == {"lazy"}


def test_history_shows_charts_and_stays_within_a_few_queries(
    alice_client, alice, passages, thresholds, django_assert_max_num_queries, long_ago
):
    for _ in range(6):
        attempt = services.typing_attempt_start(
            user=alice, mode="text", duration_s=None, kind="prose", rng=random.Random(),
            now=long_ago,
        )  # fmt: skip
        services.typing_attempt_submit(attempt=attempt, events=keystrokes(TEXT), now=timezone.now())
    with django_assert_max_num_queries(4):
        response = alice_client.get(reverse("skills:typing_history"))
    page = response.content.decode()
    assert page.count("<polyline") == 2
    assert page.count(reverse("skills:typing_attempt", args=[attempt.pk])) == 1


def test_the_api_starts_submits_and_reads_an_attempt(alice_client, passages):
    started = alice_client.post(
        "/api/skills/typing/attempts", {"mode": "text", "kind": "prose"},
        content_type="application/json",
    )  # fmt: skip
    assert started.status_code == 201
    attempt = TypingAttempt.objects.get(pk=started.json()["id"])
    attempt.started_at = attempt.started_at.replace(year=attempt.started_at.year - 1)
    attempt.save(update_fields=["started_at"])

    done = alice_client.post(
        f"/api/skills/typing/attempts/{attempt.pk}/submit", {"events": keystrokes(TEXT)},
        content_type="application/json",
    )  # fmt: skip
    assert done.status_code == 200 and done.json()["accuracy"] == 100
    again = alice_client.post(
        f"/api/skills/typing/attempts/{attempt.pk}/submit", {"events": []},
        content_type="application/json",
    )  # fmt: skip
    assert again.status_code == 409
    assert len(alice_client.get("/api/skills/typing/attempts").json()) == 1


def test_the_api_hides_other_peoples_attempts(eve_client, scored):
    assert eve_client.get(f"/api/skills/typing/attempts/{scored.pk}").status_code == 404
    assert eve_client.get("/api/skills/typing/attempts").json() == []


def test_the_api_scores_a_log_without_storing_it(alice_client, db):
    log = {"text": "hello world", "mode": "text", "events": keystrokes("hello world")}

    response = alice_client.post("/api/skills/typing/score", log, content_type="application/json")

    assert response.status_code == 200 and response.json()["accuracy"] == 100
    bad = alice_client.post(
        "/api/skills/typing/score", {"text": "", "mode": "text", "events": []},
        content_type="application/json",
    )  # fmt: skip
    assert bad.status_code == 422
    assert not TypingAttempt.objects.exists()


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": ")])
def test_the_log_is_stored_as_it_was_sent(alice_client, attempt, separators):
    events = keystrokes(TEXT)
    # As JSON.stringify writes it, and as Python's json.dumps does.
    body = json.dumps({"events": events}, separators=separators)

    assert submit(alice_client, attempt, body).status_code == 200

    attempt.refresh_from_db()
    assert attempt.log == {"text": TEXT, "mode": "text", "events": events}
    assert attempt.result["accuracy"] == 100


@pytest.mark.parametrize(
    ("events_json", "stored"),
    [
        # A key that is a quote or a backslash is escaped in JSON.
        ('[{"t": 0.1, "key": "\\""}, {"t": 0.2, "key": "\\\\"}]', [{"t": 0.1, "key": '"'},
                                                                  {"t": 0.2, "key": "\\"}]),
        # A repeated field is read as its last value; the first could be anything, even
        # what Python reads but no database stores as JSON.
        ('[{"t": NaN, "t": 0.1, "key": "t"}]', [{"t": 0.1, "key": "t"}]),
        ('[{"t": 0.1, "key": "\\u0000", "key": "t"}]', [{"t": 0.1, "key": "t"}]),
        ('[{"t": 1e0, "key": "t"}]', [{"t": 1.0, "key": "t"}]),
    ],
)  # fmt: skip
def test_a_log_in_an_unusual_form_is_stored_as_it_reads(alice_client, attempt, events_json,
                                                         stored):  # fmt: skip
    response = submit(alice_client, attempt, '{"events": ' + events_json + "}")

    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.log["events"] == stored


@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"events": keystrokes(TEXT), "sent_at": 1}).encode(),
        b"\xef\xbb\xbf" + json.dumps({"events": keystrokes(TEXT)}).encode(),  # a UTF-8 BOM
        json.dumps({"events": keystrokes(TEXT)}).encode("utf-16"),
        b'\n {"events" :' + json.dumps(keystrokes(TEXT)).encode() + b" }\r\n",
    ],
)
def test_any_json_body_with_an_events_list_is_read(alice_client, attempt, body):
    assert submit(alice_client, attempt, body).status_code == 200

    attempt.refresh_from_db()
    assert attempt.log["events"] == keystrokes(TEXT)


@pytest.mark.parametrize(
    "body",
    [
        b'{"events": []} x',
        b'{"events": [{"t": 0.1, "key": "t"}',
        b'{"events": [] "x"}',
        b'{"events": [{"t": 1' + b"0" * 5000 + b', "key": "t"}]}',  # too many digits
        b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # nested too deep
    ],
)
def test_a_body_that_is_not_json_is_refused(alice_client, attempt, body):
    response = submit(alice_client, attempt, body)

    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]


def test_submitting_takes_four_queries(alice_client, attempt, django_assert_num_queries):
    # The session, the user, the attempt, and one UPDATE that claims it and stores the result.
    with django_assert_num_queries(4):
        response = submit(alice_client, attempt, {"events": keystrokes(TEXT)})
    assert response.status_code == 200


# --- reading the body: orjson where it reads as json does -------------------------------------


def read_with_json_only(body: bytes) -> tuple[Any, str | None]:
    """How the submit view read a body before it used orjson (json alone)."""
    try:
        text = body.decode()
    except UnicodeDecodeError:
        return json.loads(body), None
    opening = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*"events"[ \t\n\r]*:[ \t\n\r]*').match(text)
    if opening:
        try:
            events, end = json.JSONDecoder().raw_decode(text, opening.end())
        except json.JSONDecodeError:
            events, end = None, -1
        if end > 0 and text[end:].strip(" \t\n\r") == "}":
            return {"events": events}, text[opening.end() : end]
    return json.loads(body), None


def same_data(value: Any) -> Any:
    """`value` in a form that compares types too (1 and 1.0 differ, NaN equals NaN), with an
    integer beyond 64 bits as the nearest float, which is how orjson reads one."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int):
        if -(2**63) <= value < 2**64:
            return ("int", value)
        try:
            value = float(value)
        except OverflowError:
            value = math.copysign(math.inf, value)
    if isinstance(value, float):
        return ("float", repr(value))
    if isinstance(value, list):
        return [same_data(item) for item in value]
    return [(key, same_data(item)) for key, item in value.items()]


def reading(read: Any, body: bytes) -> Any:
    try:
        value, events_json = read(body)
    except (ValueError, RecursionError) as error:
        return type(error)
    return same_data(value), events_json


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(2**63 - 2, 2**65) | st.integers(-(2**65), -(2**63) + 2),
        st.floats(),  # NaN and infinities included: json writes them as words
        st.text(max_size=4),
    ),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["t", "key", "code"]), inner, max_size=3)
    ),
    max_leaves=12,
)
json_space = st.sampled_from(["", " ", "\n", " \t\r\n"])


@st.composite
def submission_bodies(draw: st.DrawFn) -> bytes:
    """Bodies like the page's, with what json reads and orjson does not, and broken ones."""
    events = json.dumps(
        draw(json_values),
        ensure_ascii=draw(st.booleans()),
        separators=draw(st.sampled_from([(",", ":"), (", ", ": ")])),
    )
    events = draw(
        st.sampled_from(
            [
                events,
                events[: len(events) // 2],  # cut short
                f'[{events}, "\\ud800"]',  # a lone surrogate
                f'[{events}, {{"t": 1e400, "key": "t"}}]',  # out of a float's range
                f'[{events}, {{"t": 0.5, "key": "t", "t": 0.25}}]',  # a repeated field
                f"[{events}, 1{'0' * 30}, -1{'0' * 19}]",  # integers beyond 64 bits
                f'{events}, "more": 1',  # a second field
                f"{events} x",
            ]
        )
    )
    body = "".join(
        [draw(json_space), "{", draw(json_space), '"events"', draw(json_space), ":",
         draw(json_space), events, draw(json_space), "}", draw(json_space)]
    )  # fmt: skip
    return body.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16"])))


@settings(max_examples=1000, deadline=None)
@given(body=submission_bodies())
def test_the_body_is_read_as_json_alone_read_it(body):
    assert reading(_read_submission, body) == reading(read_with_json_only, body)


@pytest.mark.parametrize(
    ("events_json", "message"),
    [
        # json reads these, orjson does not: they are read by json, and refused as before.
        ('[{"t": NaN, "key": "t"}]', "event 1: t must be a finite number, not nan"),
        ('[{"t": Infinity, "key": "t"}, {"t": 0.2, "key": "h"}]',
         "event 1: t must be a finite number, not inf"),
        ('[{"t": 1e400, "key": "t"}, {"t": 0.2, "key": "h"}]',
         "event 1: t must be a finite number, not inf"),
        ('[{"t": 0.1, "key": "\\ud800"}]', "event 1: unknown key '\\ud800'"),
        # orjson reads an integer beyond 64 bits as a float: the same number of seconds.
        ('[{"t": 123456789012345678901234567890, "key": "t"}, {"t": 0.2, "key": "h"}]',
         "event 1: at 123456789012345677877719597056.000 s, after the longest"),
    ],
)  # fmt: skip
def test_a_log_only_json_reads_is_refused_as_before(alice_client, attempt, events_json, message):
    response = submit(alice_client, attempt, '{"events": ' + events_json + "}")

    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_a_last_keystroke_at_an_absurd_time_counts_as_after_the_limit(alice_client, attempt):
    # As before orjson: keystrokes after the time limit are dropped, however late.
    body = '{"events": [{"t": 0.1, "key": "t"}, {"t": 1' + "0" * 25 + ', "key": "h"}]}'

    assert submit(alice_client, attempt, body).status_code == 200

    attempt.refresh_from_db()
    assert attempt.log["events"] == [{"t": 0.1, "key": "t"}]


def test_the_result_is_stored_as_the_scorer_made_it(alice_client, attempt):
    response = submit(alice_client, attempt, {"events": keystrokes(TEXT.replace("lazy", "lazz"))})
    assert response.status_code == 200

    stored = TypingAttempt.objects.get(pk=attempt.pk)
    assert stored.result["words"][7] == {"expected": "lazy", "typed": "lazz",
                                         "status": "incorrect"}  # fmt: skip
    assert stored.result["wpm"] == round(stored.wpm, 2)
