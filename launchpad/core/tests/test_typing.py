"""The typing test: checking keystroke logs and scoring them by the Monkeytype definitions.

Most cases run over 12 seconds, a fifth of a minute, so net and raw WPM equal the number
of characters counted (characters / 5 per minute).
"""

from __future__ import annotations

import copy
import itertools
import json
import math
import operator
import random
import re
from collections import Counter, OrderedDict
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from launchpad.core.typing import (
    BACKSPACE,
    END_GRACE_S,
    MAX_BURST_KEYS,
    MAX_EVENT_TIME_S,
    MAX_EVENTS,
    MAX_SUSTAINED_KEYS,
    MAX_TEXT_CHARS,
    MIN_ELAPSED_S,
    TYPING_RULES_VERSION,
    CharCounts,
    KeyEvent,
    KeystrokeCounts,
    TypingLog,
    TypingLogError,
    TypingMode,
    TypingScore,
    WordResult,
    WordStatus,
    _plausible_second_starts,
    _read_events,
    _second_starts,
    _seconds_spanned,
    _too_fast,
    _walk_events,
    _walk_timing,
    parse_log,
    read_events_json,
    score_typing,
)

TEXT = TypingMode.TEXT
TIMED = TypingMode.TIMED
SPAN = 12.0  # seconds: a fifth of a minute, so WPM == characters counted


def spread(script: str, over: float = SPAN) -> tuple[KeyEvent, ...]:
    """Keystrokes evenly spaced so the last lands at `over` seconds; '<' is Backspace."""
    count = len(script)
    return tuple(
        KeyEvent(round((index + 1) * over / count, 6), BACKSPACE if char == "<" else char)
        for index, char in enumerate(script)
    )


def at(*pairs: tuple[float, str]) -> tuple[KeyEvent, ...]:
    return tuple(KeyEvent(t, BACKSPACE if key == "<" else key) for t, key in pairs)


def score(
    text: str, script: str, *, mode: TypingMode = TEXT, duration: float | None = None
) -> TypingScore:
    return score_typing(TypingLog(text=text, mode=mode, duration_s=duration, events=spread(script)))


# --- hand-computed cases --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "text", "script", "mode", "duration", "wpm", "raw", "chars", "keys"),
    [
        # chars: all_correct, correct_word, incorrect, extra, missed, spaces, correct_spaces
        # keys: correct, incorrect, backspaces
        (
            "perfect run",
            "the cat sat",
            "the cat sat",
            TEXT,
            None,
            11,
            11,
            (9, 9, 0, 0, 0, 2, 2),
            (11, 0, 0),
        ),
        (
            "a corrected typo costs accuracy, not speed",
            "the cat sat",
            "the cx<at sat",
            TEXT,
            None,
            11,
            11,
            (9, 9, 0, 0, 0, 2, 2),
            (11, 1, 1),
        ),
        (
            # 'cxt' is wrong: neither it nor its space is in the net figure, and the space
            # that submits a wrong word is a wrong keystroke.
            "an uncorrected typo loses the word",
            "the cat sat",
            "the cxt sat",
            TEXT,
            None,
            7,
            11,
            (8, 6, 1, 0, 0, 2, 1),
            (9, 2, 0),
        ),
        (
            "an extra character loses the word and counts in raw",
            "the cat sat",
            "the catt sat",
            TEXT,
            None,
            7,
            12,
            (9, 6, 0, 1, 0, 2, 1),
            (10, 2, 0),
        ),
        (
            "a space pressed early leaves the rest of the word missed",
            "the cat sat",
            "the ca sat",
            TEXT,
            None,
            7,
            10,
            (8, 6, 0, 0, 1, 2, 1),
            (9, 1, 0),
        ),
        (
            "a space on an empty word is ignored",
            "the cat",
            " the  cat",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 0, 0),
        ),
        (
            "backspace goes back across a space into an earlier word",
            "the cat",
            "thx <<e cat",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 2, 2),
        ),
        (
            "backspace with nothing typed does nothing",
            "the cat",
            "<<the cat",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 0, 2),
        ),
        (
            "a timed test credits the last word typed right so far",
            "the cat sat",
            "the cat sa",
            TIMED,
            SPAN,
            10,
            10,
            (8, 8, 0, 0, 0, 2, 2),
            (10, 0, 0),
        ),
        (
            "a timed test does not credit a last word with a mistake, nor count its rest missed",
            "the cat sat",
            "the cat sx",
            TIMED,
            SPAN,
            8,
            10,
            (7, 6, 1, 0, 0, 2, 2),
            (9, 1, 0),
        ),
        (
            "a text test does not credit an unfinished last word and counts its rest missed",
            "the cat sat",
            "the cat sa",
            TEXT,
            None,
            8,
            10,
            (8, 6, 0, 0, 1, 2, 2),
            (10, 0, 0),
        ),
        (
            "a text test with a wrong unfinished last word counts its rest missed",
            "the cat sat",
            "the cat sx",
            TEXT,
            None,
            8,
            10,
            (7, 6, 1, 0, 1, 2, 2),
            (9, 1, 0),
        ),
        (
            "an unfinished word typed in full but not submitted is credited",
            "the cat sat",
            "the cat",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 0, 0),
        ),
        (
            "the text completes with its last word, which needs no space",
            "the cat",
            "the cat",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 0, 0),
        ),
        (
            "a space after the last word submits it and later characters are ignored",
            "the cat",
            "the cat xy",
            TEXT,
            None,
            8,
            8,
            (6, 6, 0, 0, 0, 2, 2),
            (8, 0, 0),
        ),
        (
            "backspace goes back from past the end of the text",
            "the cat",
            "the cax <<t",
            TEXT,
            None,
            7,
            7,
            (6, 6, 0, 0, 0, 1, 1),
            (7, 2, 2),
        ),
        (
            "an all-backspace log scores nothing",
            "the cat",
            "<<<<",
            TEXT,
            None,
            0,
            0,
            (0, 0, 0, 0, 0, 0, 0),
            (0, 0, 4),
        ),
    ],
)
def test_score_typing_counts_by_the_monkeytype_definitions(
    case, text, script, mode, duration, wpm, raw, chars, keys
):
    result = score(text, script, mode=mode, duration=duration)

    assert result.elapsed_s == SPAN
    assert result.wpm == pytest.approx(wpm), case
    assert result.raw_wpm == pytest.approx(raw), case
    assert result.chars == CharCounts(*chars), case
    assert result.keystrokes == KeystrokeCounts(*keys), case
    correct, incorrect, _ = keys
    expected_accuracy = 100 * correct / (correct + incorrect) if correct + incorrect else 0
    assert result.accuracy == pytest.approx(expected_accuracy), case
    assert result.kph == pytest.approx(correct * 3600 / SPAN), case
    assert result.rules_version == TYPING_RULES_VERSION


def test_accuracy_counts_corrected_mistakes_as_typed():
    result = score("the cat sat", "the cx<at sat")

    assert result.accuracy == pytest.approx(100 * 11 / 12)
    assert result.mistyped_keys == (("a", 1),)
    assert result.mistyped_words == ()


def test_kph_is_correct_keystrokes_per_hour():
    # 9 correct keystrokes in 12 seconds: 9 × 3600 / 12.
    assert score("the cat sat", "the cxt sat").kph == pytest.approx(2700)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("the cat sat", ("correct", "correct", "correct")),
        ("the cxt sat", ("correct", "incorrect", "correct")),
        ("the catt sa", ("correct", "incorrect", "partial")),
        ("the ca sx", ("correct", "incorrect", "incorrect")),
        ("the cat ", ("correct", "correct")),
    ],
)
def test_each_typed_word_gets_a_status(script, expected):
    result = score("the cat sat", script)

    assert tuple(word.status.value for word in result.words) == expected
    assert [word.expected for word in result.words] == ["the", "cat", "sat"][: len(expected)]


def test_word_results_keep_what_was_typed():
    result = score("the cat sat", "the catt s")

    assert result.words == (
        WordResult("the", "the", WordStatus.CORRECT),
        WordResult("cat", "catt", WordStatus.INCORRECT),
        WordResult("sat", "s", WordStatus.PARTIAL),
    )


def test_zero_keystrokes_score_zero_over_the_shortest_test():
    result = score_typing(TypingLog(text="the cat", mode=TEXT))

    assert result.elapsed_s == MIN_ELAPSED_S
    assert (result.wpm, result.raw_wpm, result.accuracy, result.consistency, result.kph) == (
        0,
        0,
        0,
        0,
        0,
    )
    assert result.raw_per_second == (0.0,)
    assert result.words == ()


def test_a_timed_test_with_no_keystrokes_lasts_its_duration():
    result = score_typing(TypingLog(text="the cat", mode=TIMED, duration_s=30))

    assert result.elapsed_s == 30
    assert result.raw_per_second == (0.0,) * 30
    assert result.consistency == 0


def test_a_timed_test_whose_text_runs_out_ends_at_the_last_keystroke():
    result = score("the cat", "the cat", mode=TIMED, duration=60)

    assert result.elapsed_s == SPAN
    assert result.wpm == pytest.approx(7)


def test_a_timed_test_whose_last_word_is_submitted_ends_at_that_space():
    result = score("the cat", "the cax ", mode=TIMED, duration=60)

    assert result.elapsed_s == SPAN
    assert result.wpm == pytest.approx(4)  # 'the' and its space; 'cax' is wrong


def test_keystrokes_in_the_grace_period_after_a_timed_test_are_ignored():
    log = TypingLog(
        text="the cat",
        mode=TIMED,
        duration_s=2,
        events=at((0.5, "t"), (2.0, "h"), (2.0 + END_GRACE_S, "e")),
    )

    result = score_typing(log)

    assert result.keystrokes.correct == 2
    assert result.words == (WordResult("the", "th", WordStatus.PARTIAL),)
    # The keystroke at exactly the end counts in the last second.
    assert result.raw_per_second == (12.0, 12.0)


def test_a_text_test_with_a_time_limit_ignores_keystrokes_after_it():
    log = TypingLog(
        text="the cat",
        mode=TEXT,
        duration_s=2,
        events=at((0.5, "t"), (1.5, "h"), (2.4, "e")),
    )

    result = score_typing(log)

    assert result.elapsed_s == 1.5
    assert result.keystrokes.correct == 2


def test_a_very_short_text_test_counts_as_one_second():
    log = TypingLog(text="a", mode=TEXT, events=at((0.01, "a")))

    result = score_typing(log)

    assert result.elapsed_s == MIN_ELAPSED_S
    assert result.wpm == pytest.approx(12)  # one character in one second


def test_mistyped_words_are_most_frequent_first_then_in_order():
    result = score("dog the cat the dog the", "dxg thx cat txe dog the")

    assert result.mistyped_words == (("the", 2), ("dog", 1))


def test_mistyped_keys_name_the_expected_character_and_keep_the_top_ten():
    text = "abcdefghijkl"
    # Each of the twelve characters mistyped once and corrected, 'a' twice.
    result = score(text, "x<" + "".join(f"Z<{char}" for char in text))

    assert result.mistyped_keys[0] == ("a", 2)
    assert [key for key, _ in result.mistyped_keys] == list("abcdefghij")
    assert result.keystrokes.incorrect == 13


def test_an_early_space_is_a_mistyped_key_but_a_space_after_a_wrong_word_is_not():
    assert score("the cat", "th cat").mistyped_keys == (("e", 1),)
    assert score("the cat", "thx cat").mistyped_keys == (("e", 1),)
    assert score("the cat", "thee cat").mistyped_keys == ((" ", 1),)


# --- per-second raw speed and consistency ---------------------------------------------------


def test_raw_speed_is_measured_in_each_second_including_idle_ones():
    log = TypingLog(
        text="the cat sat",
        mode=TIMED,
        duration_s=3,
        events=at((0.1, "t"), (0.2, "h"), (2.1, "e"), (2.2, " "), (2.3, "c"), (2.4, "a")),
    )

    result = score_typing(log)

    assert result.raw_per_second == (24.0, 0.0, 48.0)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # Ends 2.5 s in: the final half second is scaled to a whole second's rate.
        (2.5, (24.0, 12.0, 24.0)),
        # Ends 2.2 s in: the final 0.2 s is folded into the second before it (1.2 s).
        (2.2, (24.0, pytest.approx(20.0))),
        # Ends on a whole second.
        (2.0, (24.0, 24.0)),
    ],
)
def test_a_final_partial_second_is_scaled_or_folded(last, expected):
    log = TypingLog(
        text="the cat sat",
        mode=TEXT,
        events=at((0.1, "t"), (0.2, "h"), (1.1, "e"), (last, " ")),
    )

    assert score_typing(log).raw_per_second == expected


def test_backspace_is_not_counted_in_raw_speed():
    log = TypingLog(text="the", mode=TIMED, duration_s=1, events=at((0.1, "x"), (0.2, "<")))

    assert score_typing(log).raw_per_second == (12.0,)


def test_perfectly_even_typing_is_fully_consistent():
    text = " ".join(["abcd"] * 12)
    events = tuple(
        KeyEvent(second + 0.1 * (index + 1), text[second * 5 + index])
        for second in range(10)
        for index in range(5)
    )

    result = score_typing(TypingLog(text=text, mode=TIMED, duration_s=10, events=events))

    assert result.raw_per_second == (60.0,) * 10
    assert result.consistency == 100


@pytest.mark.parametrize(
    ("per_second", "c"),
    [
        ((10, 0), 1.0),  # 120 and 0 WPM: mean 60, deviation 60
        ((10, 5), 1 / 3),  # 120 and 60 WPM: mean 90, deviation 30
        ((2, 4, 6), math.sqrt(8 / 3) / 4),  # 24, 48, 72 WPM
    ],
)
def test_uneven_typing_is_less_consistent_by_the_kogasa_formula(per_second, c):
    text = " ".join(["abcd"] * 10)
    events = []
    position = 0
    for second, count in enumerate(per_second):
        for index in range(count):
            events.append(KeyEvent(second + 0.05 * (index + 1), text[position]))
            position += 1
    log = TypingLog(text=text, mode=TIMED, duration_s=len(per_second), events=tuple(events))

    result = score_typing(log)

    expected = 100 * (1 - math.tanh(c + c**3 / 3 + c**5 / 5))
    assert result.consistency == pytest.approx(expected)
    assert 0 < result.consistency < 100


# --- to_dict --------------------------------------------------------------------------------


def test_to_dict_is_json_ready_and_rounded():
    result = score("the cat sat", "the cx<at sat")

    data = result.to_dict()

    assert data["rules_version"] == "typing-1"
    assert data["mode"] == "text"
    assert data["wpm"] == 11
    assert data["accuracy"] == 91.67
    assert data["chars"] == {
        "all_correct": 9,
        "correct_word": 9,
        "incorrect": 0,
        "extra": 0,
        "missed": 0,
        "spaces": 2,
        "correct_spaces": 2,
    }
    assert data["keystrokes"] == {"correct": 11, "incorrect": 1, "backspaces": 1}
    assert data["mistyped_keys"] == [{"key": "a", "count": 1}]
    assert data["mistyped_words"] == []
    assert data["words"][0] == {"expected": "the", "typed": "the", "status": "correct"}
    assert len(data["raw_per_second"]) == 12
    assert data["elapsed_s"] == 12
    assert {"raw_wpm", "consistency", "kph"} <= set(data)
    # Rounding happens here only: the score keeps the exact figure.
    assert result.accuracy == pytest.approx(91.6666, abs=1e-3)


def test_to_dict_lists_mistyped_words_with_counts():
    data = score("the cat the", "thx cat thx").to_dict()

    assert data["mistyped_words"] == [{"word": "the", "count": 2}]


# --- checking logs --------------------------------------------------------------------------


def valid(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": "the cat sat",
        "mode": "timed",
        "duration_s": 30,
        "events": [{"t": 0.1, "key": "t"}, {"t": 0.4, "key": "h"}],
    }
    data.update(changes)
    return data


def keyed(*pairs: tuple[Any, Any]) -> list[dict[str, Any]]:
    return [{"t": t, "key": key} for t, key in pairs]


def without(name: str) -> dict[str, Any]:
    data = valid()
    del data[name]
    return data


def steady(count: int, per_second: float, key: str = "a") -> list[dict[str, Any]]:
    return [{"t": round(index / per_second, 6), "key": key} for index in range(count)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "a typing log must be a JSON object, not a list"),
        ("log", "a typing log must be a JSON object, not a string"),
        (None, "a typing log must be a JSON object, not null"),
        (without("events"), "missing field 'events'"),
        ({"text": "a"}, "missing fields 'mode', 'events'"),
        (
            valid(score=99),
            "unexpected field 'score' (a log has text, mode, duration_s and events)",
        ),
        (valid(a=1, b=2), "unexpected fields 'a', 'b'"),
        (valid(text=5), "text must be a string, not a number"),
        (valid(text=["the"]), "text must be a string, not a list"),
        (valid(text={"the"}), "text must be a string, not set"),
        (valid(text=""), "text is empty: there is nothing to type"),
        (valid(text="  \n "), "text is empty"),
        (
            valid(text="a" * (MAX_TEXT_CHARS + 1)),
            "text is too long: 10,001 characters (at most 10,000)",
        ),
        (valid(mode="speed"), "mode must be 'timed' or 'text', not 'speed'"),
        (valid(mode=1), "mode must be 'timed' or 'text', not a number"),
        (valid(mode=None), "mode must be 'timed' or 'text', not null"),
        (valid(duration_s="30"), "duration_s must be a number of seconds, not a string"),
        (valid(duration_s=True), "duration_s must be a number of seconds, not true or false"),
        (without("duration_s"), "a timed test needs duration_s, its length in seconds"),
        (valid(duration_s=None), "a timed test needs duration_s"),
        (valid(duration_s=0), "duration_s must be at least 1 second (got 0)"),
        (valid(duration_s=-30), "duration_s must be at least 1 second (got -30)"),
        (valid(duration_s=0.5), "duration_s must be at least 1 second (got 0.5)"),
        (valid(duration_s=900), "duration_s is too long: 900 s (at most 600 s)"),
        (valid(duration_s=math.nan), "duration_s must be a finite number of seconds, not nan"),
        (valid(duration_s=10**400), "duration_s must be a finite number of seconds, not inf"),
        (valid(mode="text", duration_s=0), "duration_s must be at least 1 second"),
        (valid(events={}), "events must be a list, not an object"),
        (valid(events="th"), "events must be a list, not a string"),
        (
            valid(events=[{"t": 0, "key": BACKSPACE}] * (MAX_EVENTS + 1)),
            "too many events: 20,001 (at most 20,000)",
        ),
        (valid(events=["t"]), "event 1: must be an object with t and key, not a string"),
        (valid(events=[{"t": 0.1}]), "event 1: missing field 'key'"),
        (valid(events=[{}]), "event 1: missing fields 't', 'key'"),
        (
            valid(events=[{"t": 0.1, "key": "t", "code": "KeyT"}]),
            "event 1: unexpected field 'code' (an event has t and key)",
        ),
        (
            valid(events=keyed((0.1, "t"), ("0.2", "h"))),
            "event 2: t must be a number of seconds, not a string",
        ),
        (valid(events=keyed((None, "t"))), "event 1: t must be a number of seconds, not null"),
        (
            valid(events=keyed((True, "t"))),
            "event 1: t must be a number of seconds, not true or false",
        ),
        (valid(events=keyed((0.1, 84))), "event 1: key must be a string, not a number"),
        (valid(events=keyed((0.1, ["t"]))), "event 1: key must be a string, not a list"),
        (
            valid(events=keyed((0.1, "t"), (0.2, "h"), (False, "e"))),
            "event 3: t must be a number of seconds, not true or false",
        ),
        (valid(events=keyed((0.1, None))), "event 1: key must be a string, not null"),
        (valid(events=keyed((math.nan, "t"))), "event 1: t must be a finite number, not nan"),
        (valid(events=keyed((math.inf, "t"))), "event 1: t must be a finite number, not inf"),
        (valid(events=keyed((10**400, "t"))), "event 1: t must be a finite number, not inf"),
        (valid(events=keyed((-0.5, "t"))), "event 1: t is negative (-0.500 s)"),
        (
            valid(events=keyed((1.0, "t"), (3.2, "h"), (3.104, "e"))),
            "event 3: time goes backwards (3.104 s after 3.200 s)",
        ),
        (
            valid(events=keyed((1.0, "t"), (30.6, "h"))),
            "event 2: at 30.600 s, after the end of the 30 s test",
        ),
        (
            valid(mode="text", duration_s=20, events=keyed((20.75, "t"))),
            "event 1: at 20.750 s, after the end of the 20 s test",
        ),
        (
            valid(mode="text", duration_s=None, events=keyed((3600.5, "t"))),
            "event 1: at 3600.500 s, after the longest allowed test (3600 s)",
        ),
        (
            valid(events=keyed((0.1, "Shift"))),
            "event 1: unknown key 'Shift' (a key is one printable character, a space, or "
            "'Backspace')",
        ),
        (valid(events=keyed((0.1, "backspace"))), "event 1: unknown key 'backspace'"),
        (valid(events=keyed((0.1, "th"))), "event 1: unknown key 'th'"),
        (valid(events=keyed((0.1, ""))), "event 1: unknown key ''"),
        (valid(events=keyed((0.1, "\n"))), "event 1: unknown key '\\n'"),
        (valid(events=keyed((0.1, "\t"))), "event 1: unknown key '\\t'"),
        (valid(events=keyed((0.1, "\x00"))), "event 1: unknown key '\\x00'"),
        (valid(events=keyed((0.1, "\u00a0"))), "event 1: unknown key '\\xa0'"),
        (
            valid(events=steady(MAX_BURST_KEYS + 1, 31)),
            "event 31: inhuman typing rate: 31 keystrokes between 0.000 s and 0.968 s "
            "(at most 30 fit in any 1 s)",
        ),
        (
            valid(events=steady(MAX_SUSTAINED_KEYS + 1, 21)),
            "event 201: inhuman typing rate: 201 keystrokes between 0.000 s and 9.524 s "
            "(at most 200 fit in any 10 s)",
        ),
        (
            valid(events=[{"t": 0, "key": BACKSPACE}, *steady(31, 31)]),
            "event 32: inhuman typing rate",
        ),
    ],
)
def test_parse_log_says_what_is_wrong(data, message):
    with pytest.raises(TypingLogError, match="^" + re.escape(message)):
        parse_log(data)


@pytest.mark.parametrize(
    ("data", "expected_events"),
    [
        # The end of a timed test allows a short grace period for timer jitter.
        (valid(events=keyed((30.5, "t"))), 1),
        # Several keys at the same moment (rolled keys) are fine.
        (valid(events=keyed((1.0, "t"), (1.0, "h"), (1.0, "e"))), 3),
        # Exactly 30 keystrokes in a second, and 20 a second for ten seconds, are human.
        (valid(events=steady(MAX_BURST_KEYS, 30.5)), MAX_BURST_KEYS),
        (valid(events=steady(MAX_SUSTAINED_KEYS, 20)), MAX_SUSTAINED_KEYS),
        # Held-down Backspace repeats faster than anyone types and is not rate-limited.
        (valid(events=steady(60, 60, BACKSPACE)), 60),
        # Space, punctuation, digits and non-English letters are keys.
        (valid(events=keyed((0.1, " "), (0.2, "."), (0.3, "9"), (0.4, "é"), (0.5, "₹"))), 5),
        (valid(mode="text", duration_s=None, events=keyed((3599.0, "t"))), 1),
        (valid(mode="text", events=[]), 0),
        (valid(duration_s=30.0), 2),
    ],
)
def test_parse_log_accepts_logs_a_person_could_type(data, expected_events):
    log = parse_log(data)

    assert len(log.events) == expected_events
    assert isinstance(log.mode, TypingMode)


def test_parse_log_builds_the_log_it_describes():
    log = parse_log(
        {
            "text": "the  cat\nsat",
            "mode": "text",
            "events": [{"t": 0, "key": "t"}, {"t": 0.25, "key": "Backspace"}],
        }
    )

    assert log == TypingLog(
        text="the  cat\nsat",
        mode=TEXT,
        duration_s=None,
        events=(KeyEvent(0.0, "t"), KeyEvent(0.25, BACKSPACE)),
    )
    assert log.words == ("the", "cat", "sat")
    assert isinstance(log.events[0].t, float)


def test_a_log_keeps_its_keystrokes_as_times_and_keys():
    log = TypingLog(text="a b", mode=TEXT, events=at((0.5, "a"), (0.75, " "), (1.0, "<")))

    assert log.times == (0.5, 0.75, 1.0)
    assert log.keys == ("a", " ", BACKSPACE)
    assert log.events == (KeyEvent(0.5, "a"), KeyEvent(0.75, " "), KeyEvent(1.0, BACKSPACE))


def test_parse_log_reads_whole_seconds_and_objects_of_any_dict_type():
    events: list[Any] = [OrderedDict(t=0, key="t"), {"t": 1, "key": "h"}, {"t": 1.5, "key": "e"}]

    log = parse_log(valid(events=events))

    assert log.times == (0.0, 1.0, 1.5) and all(type(t) is float for t in log.times)
    assert log.keys == ("t", "h", "e")


def test_parse_log_does_not_change_its_input():
    data = valid()
    before = copy.deepcopy(data)

    parse_log(data)

    assert data == before


def test_a_log_built_directly_is_checked_too():
    with pytest.raises(TypingLogError, match="too many events"):
        TypingLog(text="a", mode=TEXT, events=(KeyEvent(0.0, BACKSPACE),) * (MAX_EVENTS + 1))
    with pytest.raises(TypingLogError, match="event 2: time goes backwards"):
        TypingLog(text="a", mode=TEXT, events=at((1.0, "a"), (0.5, "a")))


def test_typing_log_error_is_a_value_error():
    with pytest.raises(ValueError, match="events must be a list"):
        parse_log(valid(events="x"))


# --- properties -----------------------------------------------------------------------------

ALPHABET = "abc"
KEYS = [*ALPHABET, "x", " ", BACKSPACE]


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8))
    return " ".join(words)


@st.composite
def gaps(draw: st.DrawFn, count: int) -> list[float]:
    """Times in milliseconds-exact seconds, at most ~16 keys a second (always human)."""
    steps = draw(st.lists(st.integers(60, 1500), min_size=count, max_size=count))
    times, total = [], draw(st.integers(0, 500))
    for step in steps:
        total += step
        times.append(total / 1000)
    return times


@st.composite
def logs(draw: st.DrawFn) -> TypingLog:
    text = draw(texts())
    keys = draw(st.lists(st.sampled_from(KEYS), max_size=60))
    return timed_log(draw, text, keys, most_seconds=40, fractions=(0, 0.25, 0.5, 0.75))


def timed_log(
    draw: st.DrawFn, text: str, keys: list[str], *, most_seconds: int,
    fractions: tuple[float, ...],
) -> TypingLog:  # fmt: skip
    """`keys` typed at drawn times in a drawn mode (timed, or fixed text with or without a
    limit), the keystrokes after the limit's grace dropped."""
    times = draw(gaps(len(keys)))
    mode = draw(st.sampled_from(TypingMode))
    duration = None
    if mode is TIMED or draw(st.booleans()):
        duration = draw(st.integers(1, most_seconds)) + draw(st.sampled_from(fractions))
    limit = math.inf if duration is None else duration + END_GRACE_S
    events = tuple(KeyEvent(t, key) for t, key in zip(times, keys, strict=True) if t <= limit)
    return TypingLog(text=text, mode=mode, duration_s=duration, events=events)


@settings(max_examples=400, deadline=None)
@given(log=logs())
def test_scores_stay_in_range(log):
    result = score_typing(log)

    assert 0 <= result.accuracy <= 100
    assert 0 <= result.consistency <= 100
    assert 0 <= result.wpm <= result.raw_wpm + 1e-9
    assert result.kph >= 0
    assert result.elapsed_s >= MIN_ELAPSED_S
    assert all(speed >= 0 for speed in result.raw_per_second)
    assert result.chars.correct_word <= result.chars.all_correct
    assert result.chars.correct_spaces <= result.chars.spaces
    assert sum(n for _, n in result.mistyped_keys) <= result.keystrokes.incorrect


@settings(max_examples=200, deadline=None)
@given(log=logs())
def test_scoring_is_deterministic(log):
    assert score_typing(log) == score_typing(log)
    assert score_typing(log).to_dict() == score_typing(log).to_dict()


@settings(max_examples=200, deadline=None)
@given(log=logs())
def test_a_log_survives_a_round_trip_through_json_data(log):
    data = {
        "text": log.text,
        "mode": log.mode.value,
        "events": [{"t": e.t, "key": e.key} for e in log.events],
    }
    if log.duration_s is not None:
        data["duration_s"] = log.duration_s

    assert parse_log(data) == log


# Anything a JSON event list may hold, mostly well formed.
json_values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 2), st.floats(allow_nan=True), st.text(max_size=3)
)
raw_events = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {"t": st.floats(0, 40, allow_nan=False), "key": st.sampled_from(KEYS)}
        ),
        st.fixed_dictionaries({"t": st.integers(0, 40), "key": st.sampled_from(KEYS)}),
        st.dictionaries(st.sampled_from(["t", "key", "code"]), json_values, max_size=3),
        json_values,
    ),
    max_size=12,
)


def outcome(check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except TypingLogError as error:
        return str(error)


@settings(max_examples=400, deadline=None)
@given(events=raw_events)
def test_reading_events_in_bulk_agrees_with_reading_them_one_by_one(events):
    walked = outcome(_walk_events, events)
    read = _read_events(events)

    # In bulk every plain, well-formed list is read, and read as the walk reads it.
    assert read == (walked if isinstance(walked, tuple) else None)


@settings(max_examples=400, deadline=None)
@given(events=raw_events, indent=st.sampled_from([None, 0, 2]))
def test_reading_events_json_reads_what_decoding_and_reading_in_bulk_reads(events, indent):
    text = json.dumps(events, indent=indent)
    decoded = _read_events(json.loads(text))

    read = read_events_json(text)

    # Every plainly well-formed list of finite numbers is read; nothing else is.
    finite = decoded is not None and all(map(math.isfinite, decoded[0]))
    assert (read is not None) == finite
    if read is not None:
        assert read == decoded
        assert all(type(t) is float for t in read[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", ([], [])),
        (' [ {"t": 0.25, "key": "a"} , {"key": " ", "t": 1} ] ', ([0.25, 1.0], ["a", " "])),
        ('[{"t": 1, "t": 2, "key": "a", "key": "b"}]', ([2.0], ["b"])),  # the last counts
        ('[{"t": 0.5, "key": "\\u00e9"}]', ([0.5], ["\u00e9"])),
        (b'[{"t": 0.5, "key": "Backspace"}]', ([0.5], ["Backspace"])),
        ('[{"t": 123456789012345678901234567890, "key": "a"}]', ([1.2345678901234568e29], ["a"])),
    ],
)
def test_reading_events_json_reads_plain_events(text, expected):
    assert read_events_json(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "{}",
        '[{"t": 0.5, "key": "a"}] x',
        '[{"t": 0.5, "key": "a"}',
        '[{"t": 0.5}]',
        '[{"t": 0.5, "key": "a", "code": "KeyA"}]',
        '[{"t": "0.5", "key": "a"}]',
        '[{"t": true, "key": "a"}]',
        '[{"t": null, "key": "a"}]',
        '[{"t": 0.5, "key": 1}]',
        '[{"t": NaN, "key": "a"}]',
        '[{"t": 1e400, "key": "a"}]',
        '[{"t": 0.5, "key": "\\ud800"}]',
        '[[0.5, "a"]]',
        '{"events": [{"t": 0.5, "key": "a"}]}',
    ],
)
def test_reading_events_json_leaves_anything_unusual_to_parse_log(text):
    assert read_events_json(text) is None


def test_a_log_of_read_keystrokes_is_the_log_parse_log_makes():
    events = [{"t": 0.1 * n, "key": key} for n, key in enumerate("the quick", 1)]
    times, keys = read_events_json(json.dumps(events))

    log = TypingLog.of_keystrokes("the quick", TIMED, 30.0, times, keys)

    assert log == parse_log(
        {"text": "the quick", "mode": "timed", "duration_s": 30, "events": events}
    )
    with pytest.raises(TypingLogError, match="backwards"):
        TypingLog.of_keystrokes("the quick", TIMED, 30.0, [0.5, 0.2], ["t", "h"])


@settings(max_examples=600, deadline=None)
@given(
    steps=st.lists(
        st.one_of(st.floats(0, 0.2), st.floats(-0.5, 1.5), st.just(math.nan)), max_size=60
    ),
    keys=st.lists(st.sampled_from([*KEYS, "Shift", "", "\t", "é"]), min_size=60, max_size=60),
    duration=st.one_of(st.none(), st.floats(1, 5)),
)
def test_checking_timing_in_bulk_agrees_with_checking_it_event_by_event(steps, keys, duration):
    times = [sum(steps[: index + 1]) for index in range(len(steps))]
    keys = keys[: len(times)]
    latest = MAX_EVENT_TIME_S if duration is None else duration + END_GRACE_S

    walked = outcome(_walk_timing, times, keys, duration, latest)

    assert (_plausible_second_starts(times, keys, latest) is not None) is (walked is None)


@st.composite
def logs_with_an_error(draw: st.DrawFn) -> tuple[TypingLog, int, str]:
    """A log typed along the text with letter-for-letter mistakes and Backspace.

    Returns the log, the index of one wrong keystroke and the key that was expected there.
    Spaces are typed where the text has them, so the typed input stays aligned with the
    text and the expected key at each moment is the text's character at that place.
    """
    text = draw(texts())
    actions = draw(
        st.lists(st.sampled_from(["right", "right", "wrong", "back"]), min_size=1, max_size=60)
    )
    keys: list[str] = []
    errors: list[tuple[int, str]] = []
    place = 0
    for action in actions:
        if action == "back":
            keys.append(BACKSPACE)
            place = max(place - 1, 0)
            continue
        if place == len(text):
            continue
        expected = text[place]
        if action == "wrong" and expected != " ":
            errors.append((len(keys), expected))
            keys.append("x")
        else:
            keys.append(expected)
        place += 1
    assume(errors)
    index, expected = draw(st.sampled_from(errors))
    times = draw(gaps(len(keys)))
    mode = draw(st.sampled_from(TypingMode))
    duration = None
    if mode is TIMED:
        duration = math.ceil(times[-1]) + draw(st.integers(0, 5))
    events = tuple(KeyEvent(t, key) for t, key in zip(times, keys, strict=True))
    return TypingLog(text=text, mode=mode, duration_s=duration, events=events), index, expected


@settings(max_examples=400, deadline=None)
@given(case=logs_with_an_error())
def test_one_fewer_error_never_scores_lower(case):
    log, index, expected = case
    events = list(log.events)
    events[index] = KeyEvent(events[index].t, expected)
    better = TypingLog(
        text=log.text, mode=log.mode, duration_s=log.duration_s, events=tuple(events)
    )

    before, after = score_typing(log), score_typing(better)

    assert after.wpm >= before.wpm - 1e-9
    assert after.accuracy >= before.accuracy - 1e-9
    assert after.keystrokes.incorrect < before.keystrokes.incorrect


# --- the faster scorer against a plain replay -----------------------------------------------
#
# `score_typing` counts the words typed right together and takes the keystrokes per second
# from checking the log; `reference_score` below is the scorer as it was before that, every
# figure worked out keystroke by keystroke and word by word. They must agree on every log.


def reference_score(log: TypingLog) -> TypingScore:
    words = log.words
    word_count = len(words)
    limit = math.inf if log.duration_s is None else log.duration_s
    events = [e for e in log.events if e.t <= limit]
    typed: list[str] = []
    index, position, start, wrong = 0, 0, 0, 0
    starts: list[int] = []
    wrongs: list[int] = []
    idle: list[float] = []
    mistyped_keys: Counter[str] = Counter()
    correct = incorrect = backspaces = 0

    def expected(at: int) -> str | None:
        return words[index][at] if at < len(words[index]) else None

    for event in events:
        if event.key == BACKSPACE:
            backspaces += 1
            if typed:
                removed = typed.pop()
                if removed == " ":
                    index -= 1
                    start, wrong = starts.pop(), wrongs.pop()
                    position = len(typed) - start
                else:
                    position -= 1
                    if expected(position) != removed:
                        wrong -= 1
            continue
        if index == word_count or (event.key == " " and position == 0):
            idle.append(event.t)
            continue
        if event.key == " ":
            if position == len(words[index]) and wrong == 0:
                correct += 1
            else:
                incorrect += 1
                if expected(position) is not None:
                    mistyped_keys[words[index][position]] += 1
            typed.append(" ")
            starts.append(start)
            wrongs.append(wrong)
            index += 1
            start, position, wrong = len(typed), 0, 0
            continue
        typed.append(event.key)
        if expected(position) == event.key:
            correct += 1
        else:
            incorrect += 1
            wrong += 1
            mistyped_keys[expected(position) or " "] += 1
        position += 1

    last_t = events[-1].t if events else 0.0
    seconds = int(log.times[-1]) + 1 if log.times else 1
    per_second = [0] * seconds
    for event in events:
        if event.key != BACKSPACE:
            per_second[int(event.t)] += 1
    for t in idle:
        per_second[int(t)] -= 1
    text_done = index == word_count or (
        index == word_count - 1 and wrong == 0 and position == len(words[index])
    )
    end = limit if log.mode is TIMED and not text_done else last_t
    elapsed = max(end, MIN_ELAPSED_S)

    counts = Counter[str]()
    results: list[WordResult] = []
    inputs = "".join(typed).split(" ")
    submitted = len(inputs) - 1
    for place, got in enumerate(inputs):
        if place == submitted and not got:
            break
        want = words[place]
        right = sum(a == b for a, b in zip(got, want, strict=False))
        wrong_chars = min(len(got), len(want)) - right
        beyond = max(len(got) - len(want), 0)
        short = max(len(want) - len(got), 0)
        counts["all_correct"] += right
        counts["incorrect"] += wrong_chars
        counts["extra"] += beyond
        if got == want:
            status = WordStatus.CORRECT
            counts["correct_word"] += len(got)
        elif place == submitted and wrong_chars == 0 and beyond == 0:
            status = WordStatus.PARTIAL
            counts["correct_word"] += right if log.mode is TIMED else 0
        else:
            status = WordStatus.INCORRECT
        if place < submitted:
            counts["spaces"] += 1
            counts["correct_spaces"] += got == want
            counts["missed"] += short
        elif log.mode is TEXT:
            counts["missed"] += short
        results.append(WordResult(want, got, status))
    chars = CharCounts(**{name: counts[name] for name in CharCounts.__dataclass_fields__})

    whole = int(elapsed)
    tail = elapsed - whole
    spans = [1.0] * whole + [tail] if tail >= 0.5 else [1.0] * (whole - 1) + [1.0 + tail]
    buckets = per_second[: len(spans)] + [0] * (len(spans) - len(per_second))
    buckets[-1] += sum(per_second[len(spans) :])
    raw_per_second = tuple(n * 60 / 5 / span for n, span in zip(buckets, spans, strict=True))
    mean = sum(raw_per_second) / len(raw_per_second)
    if mean == 0:
        consistency = 0.0
    else:
        c = math.sqrt(sum((s - mean) ** 2 for s in raw_per_second) / len(raw_per_second)) / mean
        consistency = min(max(100 * (1 - math.tanh(c + c**3 / 3 + c**5 / 5)), 0.0), 100.0)
    minutes = elapsed / 60
    keystrokes = correct + incorrect
    return TypingScore(
        mode=log.mode,
        wpm=(chars.correct_word + chars.correct_spaces) / 5 / minutes,
        raw_wpm=(chars.all_correct + chars.incorrect + chars.extra + chars.spaces) / 5 / minutes,
        accuracy=100 * correct / keystrokes if keystrokes else 0.0,
        consistency=consistency,
        kph=correct * 3600 / elapsed,
        elapsed_s=elapsed,
        chars=chars,
        keystrokes=KeystrokeCounts(correct, incorrect, backspaces),
        raw_per_second=raw_per_second,
        words=tuple(results),
        mistyped_words=tuple(
            Counter(r.expected for r in results if r.status is WordStatus.INCORRECT).most_common()
        ),
        mistyped_keys=tuple(mistyped_keys.most_common(10)),
    )


@st.composite
def long_logs(draw: st.DrawFn) -> TypingLog:
    """Logs typed mostly along the text, long enough to have stretches typed right, with
    mistakes, Backspace over spaces, idle spaces and keystrokes after the last word."""
    text = draw(texts())
    actions = draw(
        st.lists(st.sampled_from(["right"] * 6 + ["wrong", "back", "space", "extra"]), max_size=120)
    )
    keys: list[str] = []
    place = 0
    for action in actions:
        if action == "back":
            keys.append(BACKSPACE)
            place = max(place - 1, 0)
        elif action == "space":
            keys.append(" ")
        elif action == "extra":
            keys.append("x")
        elif place < len(text):
            keys.append(text[place] if action == "right" else "x")
            place += 1
        else:
            keys.append(draw(st.sampled_from(["a", " "])))
    return timed_log(draw, text, keys, most_seconds=60, fractions=(0, 0.3, 0.5, 0.9))


@settings(max_examples=500, deadline=None)
@given(log=st.one_of(logs(), long_logs()))
def test_scoring_agrees_with_a_plain_replay_of_each_keystroke(log):
    assert score_typing(log) == reference_score(log)


def test_scoring_a_realistic_five_minute_log_agrees_with_a_plain_replay():
    from bench.scoring import realistic_log

    for seed in (1, 2026):
        data = realistic_log(random.Random(seed))
        for mode, duration in ((TIMED, 300.0), (TIMED, 60.0), (TEXT, None), (TEXT, 120.0)):
            limit = math.inf if duration is None else duration + END_GRACE_S
            log = TypingLog(
                text=data["text"],
                mode=mode,
                duration_s=duration,
                events=(KeyEvent(e["t"], e["key"]) for e in data["events"] if e["t"] <= limit),
            )
            assert score_typing(log) == reference_score(log)
            assert score_typing(log).to_dict() == reference_score(log).to_dict()


@settings(max_examples=200, deadline=None)
@given(log=st.one_of(logs(), long_logs()))
def test_raw_speeds_are_rounded_to_two_decimals_in_the_json_data(log):
    result = score_typing(log)

    assert result.to_dict()["raw_per_second"] == [round(s, 2) for s in result.raw_per_second]


@settings(max_examples=150, deadline=None)
@given(
    steps=st.lists(
        st.one_of(st.sampled_from([0.03, 0.04, 0.05, 0.06]), st.floats(0, 0.12)),
        min_size=150,
        max_size=450,
    ),
    backspace_every=st.integers(3, 40),
)
def test_checking_fast_typing_in_bulk_agrees_with_checking_it_event_by_event(
    steps, backspace_every
):
    # Around the limits: 30 keystrokes in a second, 200 in ten seconds.
    times = list(itertools.accumulate(steps))
    keys = [BACKSPACE if i % backspace_every == 0 else "a" for i in range(len(times))]

    walked = outcome(_walk_timing, times, keys, None, MAX_EVENT_TIME_S)

    assert (_plausible_second_starts(times, keys, MAX_EVENT_TIME_S) is not None) is (walked is None)


@settings(max_examples=600, deadline=None)
@given(
    bursts=st.lists(
        st.tuples(st.integers(1, 45), st.floats(0.001, 0.06), st.floats(0, 3)), max_size=12
    ),
    limit=st.sampled_from([(MAX_BURST_KEYS, 1.0), (MAX_SUSTAINED_KEYS, 10.0)]),
)
def test_the_quick_rate_check_by_whole_seconds_decides_as_the_exact_one(bursts, limit):
    # Bursts of keystrokes with pauses between them, so that some whole seconds are full
    # and the seconds around them nearly empty.
    times: list[float] = []
    t = 0.0
    for count, gap, pause in bursts:
        for _ in range(count):
            t += gap
            times.append(t)
        t += pause
    most, window = limit
    starts = _second_starts(times, _seconds_spanned(times))

    exact = min(map(operator.sub, times[most:], times), default=window) < window

    assert _too_fast(times, starts, most, window) is exact
