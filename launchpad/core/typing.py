"""The typing test: checking a keystroke log and scoring it by the Monkeytype definitions.

The browser records every keystroke with its time and the server scores that log, never a
number the browser computed. A log is

    {"text": "...", "mode": "timed" | "text", "duration_s": 60.0,
     "events": [{"t": 0.131, "key": "h"}, {"t": 0.402, "key": "Backspace"}, ...]}

with `t` in seconds from the start of the test and `key` one printable character (a space
included) or "Backspace". `duration_s` is required in a timed test; in a text test it is
optional and, when given, is the time limit. `parse_log` turns decoded JSON into a
`TypingLog` or raises `TypingLogError` saying what is wrong; `score_typing` scores it.

How the keystrokes are replayed (the same rules the page script shows the candidate):

- The expected words are the text split at whitespace; between two words the candidate
  types one space.
- A character goes into the current word. It is a correct keystroke when it is the
  character expected at that position of the word; a character beyond the end of the word
  is an incorrect keystroke (an extra character, where a space was expected).
- A space submits the current word and moves to the next one. It is a correct keystroke
  only when the word it submits is exactly right (as in Monkeytype); a space early in a word
  leaves the rest of the word missed. A space while the current word is still empty does
  nothing and is not counted (as in Monkeytype).
- Backspace removes the last typed character, a space included, so it can go back into any
  earlier word, right or wrong. (Monkeytype by default goes back only into a word typed
  wrong; a plain text box goes back anywhere, which is what the candidates' work tools do
  and what a page script can mirror simply.) Backspace with nothing typed does nothing.
  Backspace is not a character keystroke: a mistake corrected with it still counts against
  accuracy.
- A space on the last word submits it and ends the text: characters typed after that have
  no word to go to and are ignored (Backspace still goes back). The page ends a test when
  the text is complete, as Monkeytype does; the scorer does not need to, so removing an
  error from a log can never make it score lower.

When the test ends (the elapsed time every rate is divided by):

- Timed test: at `duration_s`; keystrokes in the grace period after it are ignored. If the
  whole text was completed earlier (its last word typed exactly, or submitted with a space)
  the test ended then, at the last keystroke.
- Text test: at the last keystroke (the time limit, when given, only caps the keystrokes).
- Either way a test counts as lasting at least MIN_ELAPSED_S.

The figures (PRODUCT.md, "Definitions to implement exactly"), from the final typed words:

- net WPM = (characters of the words typed exactly right + one space after each such word
  that was submitted) / 5 per minute. In a timed test the last, unfinished word is credited
  with its characters when all typed so far are right; in a text test an unfinished last
  word is not credited and its untyped characters are missed.
- raw WPM = (correct + incorrect + extra characters + the spaces after submitted words)
  / 5 per minute: every typed character except missed ones.
- accuracy = correct keystrokes / character keystrokes, as a percentage (0 when nothing was
  typed; Monkeytype shows 100, but a test with no typing should not look perfect).
- consistency = 100 × (1 - tanh(c + c³/3 + c⁵/5)), c the coefficient of variation
  (population standard deviation / mean) of the per-second raw speed; 0 when nothing was
  typed.
- KPH = correct keystrokes × 3600 / elapsed seconds (the data-entry definition).
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

import msgspec

TYPING_RULES_VERSION = "typing-1"

BACKSPACE = "Backspace"

# Limits on a log. They bound the work the server does for one submission and reject logs
# no person could have produced; each is well above anything an honest test reaches.
# The longest passage: ten minutes at 200 WPM (about 10,000 characters) never runs out.
MAX_TEXT_CHARS = 10_000
# A timed test lasts from 1 second to 10 minutes (the product offers 30 s to 5 minutes).
MIN_DURATION_S = 1.0
MAX_DURATION_S = 600.0
# A text test with no time limit still ends within an hour.
MAX_EVENT_TIME_S = 3_600.0
# Ten minutes at the sustained limit below (12,000 characters) plus room for Backspace.
MAX_EVENTS = 20_000
# Keystrokes this soon after the end of a timed test are timer jitter, not tampering: they
# are accepted and ignored.
END_GRACE_S = 0.5
# Inhuman rates. The fastest typists on record sustain about 300 WPM, which is 25
# characters a second (a word is 5 characters), and hit short bursts somewhat above it;
# keyboard auto-repeat on common settings stays at or under about 30 a second. So no one
# second may hold more than 30 character keystrokes (360 WPM), and no ten seconds more than
# 200 (a mean of 20 a second, 240 WPM). Backspace is left out of both: held down it repeats
# faster than anyone types, and it adds nothing to a score.
BURST_WINDOW_S = 1.0
MAX_BURST_KEYS = 30
SUSTAINED_WINDOW_S = 10.0
MAX_SUSTAINED_KEYS = 200
# A test counts as lasting at least one second, so that a handful of keystrokes at the
# very start cannot claim a speed of thousands of WPM (at most 30 keystrokes fit in a
# second, which is 360 WPM).
MIN_ELAPSED_S = 1.0
# A final partial second at least this long is scaled up to a whole second's rate in the
# per-second raw speed (as Monkeytype does); a shorter one is folded into the second
# before it, whose rate is then taken over its longer span, so a few milliseconds of tail
# never read as a wild speed.
MIN_PARTIAL_SECOND_S = 0.5
MISTYPED_KEYS_SHOWN = 10
CHARS_PER_WORD = 5


class TypingMode(enum.StrEnum):
    TIMED = "timed"
    TEXT = "text"


class WordStatus(enum.StrEnum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    # The unfinished last word, typed right so far: credited in a timed test.
    PARTIAL = "partial"


# Each status as plain text, for JSON (looked up rather than converted, per word).
_STATUS_TEXT = {status: status.value for status in WordStatus}


class TypingLogError(ValueError):
    """A malformed or impossible keystroke log; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class KeyEvent:
    t: float
    key: str


@dataclass(frozen=True, init=False)
class TypingLog:
    """A checked keystroke log: constructing one raises TypingLogError if it is impossible.

    `words` are the expected words, the text split at whitespace. The keystrokes are kept as
    two parallel tuples, `times` (seconds, in order) and `keys`, rather than an object per
    keystroke, so that checking and scoring a log of thousands of keystrokes stays cheap;
    `events` gives them as KeyEvent objects.
    """

    text: str
    mode: TypingMode
    times: tuple[float, ...]
    keys: tuple[str, ...]
    duration_s: float | None
    words: tuple[str, ...] = field(repr=False, compare=False)
    # `_second_starts` of the character keystrokes, worked out while checking the timing
    # (None if the checks did not need them).
    _second_starts: tuple[int, ...] | None = field(repr=False, compare=False)

    def __init__(
        self,
        *,
        text: str,
        mode: TypingMode,
        events: Iterable[KeyEvent] = (),
        duration_s: float | None = None,
    ) -> None:
        events = tuple(events)
        self._fill(text, mode, duration_s, [e.t for e in events], [e.key for e in events])

    @classmethod
    def of_keystrokes(
        cls,
        text: str,
        mode: TypingMode,
        duration_s: float | None,
        times: list[float],
        keys: list[str],
    ) -> TypingLog:
        """The log of parallel lists of times and keys (as parse_log and read_events_json
        read them), checked: raises TypingLogError as parse_log does."""
        log = cls.__new__(cls)
        log._fill(text, mode, duration_s, times, keys)
        return log

    def _fill(
        self,
        text: str,
        mode: TypingMode,
        duration_s: float | None,
        times: list[float],
        keys: list[str],
    ) -> None:
        words = tuple(text.split())
        if not words:
            raise TypingLogError("text is empty: there is nothing to type")
        if len(text) > MAX_TEXT_CHARS:
            raise TypingLogError(
                f"text is too long: {len(text):,} characters (at most {MAX_TEXT_CHARS:,})"
            )
        _check_duration(mode, duration_s)
        second_starts = _check_events(times, keys, duration_s)
        # Frozen: set the way dataclasses do.
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "times", tuple(times))
        object.__setattr__(self, "keys", tuple(keys))
        object.__setattr__(self, "duration_s", duration_s)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "_second_starts", second_starts)

    @property
    def events(self) -> tuple[KeyEvent, ...]:
        """The keystrokes as KeyEvent objects, in order (built on each call)."""
        return tuple(map(KeyEvent, self.times, self.keys))


class WordResult(NamedTuple):
    """One expected word, what was typed for it, and how it counted.

    A named tuple rather than a frozen dataclass: a five-minute test makes hundreds, and a
    tuple is made in about half the time."""

    expected: str
    typed: str
    status: WordStatus


@dataclass(frozen=True)
class CharCounts:
    """The Monkeytype character classes of the final typed words.

    `all_correct`: characters typed right, whether or not their word was right;
    `correct_word`: characters of words typed exactly right (plus a timed test's credited
    last word); `incorrect`: wrong characters within a word's length; `extra`: characters
    beyond a word's length; `missed`: characters of a word not typed when it was submitted;
    `spaces`: spaces after submitted words; `correct_spaces`: those after words typed right.
    """

    all_correct: int
    correct_word: int
    incorrect: int
    extra: int
    missed: int
    spaces: int
    correct_spaces: int


@dataclass(frozen=True)
class KeystrokeCounts:
    """Character keystrokes as typed (corrected mistakes included) and Backspace presses."""

    correct: int
    incorrect: int
    backspaces: int


@dataclass(frozen=True)
class TypingScore:
    """A scored typing test. Figures are unrounded; `to_dict` rounds them for display."""

    mode: TypingMode
    wpm: float
    raw_wpm: float
    accuracy: float
    consistency: float
    kph: float
    elapsed_s: float
    chars: CharCounts
    keystrokes: KeystrokeCounts
    raw_per_second: tuple[float, ...]
    words: tuple[WordResult, ...]
    # Expected words typed wrong, and expected characters mistyped, with how often: most
    # frequent first, ties in the order they first happened.
    mistyped_words: tuple[tuple[str, int], ...]
    mistyped_keys: tuple[tuple[str, int], ...]
    rules_version: str = TYPING_RULES_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data, figures rounded to two decimals."""
        return {
            "rules_version": self.rules_version,
            "mode": self.mode.value,
            "wpm": round(self.wpm, 2),
            "raw_wpm": round(self.raw_wpm, 2),
            "accuracy": round(self.accuracy, 2),
            "consistency": round(self.consistency, 2),
            "kph": round(self.kph, 2),
            "elapsed_s": round(self.elapsed_s, 2),
            "chars": {
                "all_correct": self.chars.all_correct,
                "correct_word": self.chars.correct_word,
                "incorrect": self.chars.incorrect,
                "extra": self.chars.extra,
                "missed": self.chars.missed,
                "spaces": self.chars.spaces,
                "correct_spaces": self.chars.correct_spaces,
            },
            "keystrokes": {
                "correct": self.keystrokes.correct,
                "incorrect": self.keystrokes.incorrect,
                "backspaces": self.keystrokes.backspaces,
            },
            # Whole numbers (every whole second's speed is one) are already rounded.
            "raw_per_second": [
                speed if speed.is_integer() else round(speed, 2) for speed in self.raw_per_second
            ],
            "mistyped_words": [{"word": w, "count": n} for w, n in self.mistyped_words],
            "mistyped_keys": [{"key": k, "count": n} for k, n in self.mistyped_keys],
            "words": [
                {"expected": expected, "typed": typed, "status": _STATUS_TEXT[status]}
                for expected, typed, status in self.words
            ],
        }


# --- checking a log -------------------------------------------------------------------------

_LOG_FIELDS = ("text", "mode", "duration_s", "events")
_REQUIRED_FIELDS = ("text", "mode", "events")
_EVENT_FIELDS = ("t", "key")
_EVENT_KEYS = frozenset(_EVENT_FIELDS)
_DICT = frozenset({dict})
_STR = frozenset({str})
_NUMBER = frozenset({float, int})
_GET_T = operator.itemgetter("t")
_GET_KEY = operator.itemgetter("key")

# A log is checked in two ways that accept exactly the same logs. First in bulk, with
# built-in functions over whole lists (a submission holds thousands of keystrokes, and a
# Python loop over them costs milliseconds); a log that passes is accepted as it is. A log
# that does not (or has anything unusual) is then walked event by event, which decides and
# names the first problem; those walks are the rules, and the bulk checks only ever accept
# what they would.


def parse_log(data: object) -> TypingLog:
    """Checks decoded JSON and returns the TypingLog it describes.

    Raises TypingLogError naming the first problem: a wrong shape or type, a missing or
    unexpected field, an unknown mode or key, an impossible duration or timing, or an
    inhuman typing rate. Events are numbered from 1 in messages.
    """
    if not isinstance(data, dict):
        raise TypingLogError(f"a typing log must be a JSON object, not {_kind(data)}")
    missing = [name for name in _REQUIRED_FIELDS if name not in data]
    if missing:
        raise TypingLogError(f"missing {_fields(missing)}")
    unexpected = [name for name in data if name not in _LOG_FIELDS]
    if unexpected:
        raise TypingLogError(
            f"unexpected {_fields(unexpected)} (a log has text, mode, duration_s and events)"
        )
    text, mode, events = data["text"], data["mode"], data["events"]
    if not isinstance(text, str):
        raise TypingLogError(f"text must be a string, not {_kind(text)}")
    if mode not in tuple(TypingMode):
        raise TypingLogError(f"mode must be 'timed' or 'text', not {_show(mode)}")
    duration = data.get("duration_s")
    if duration is not None and not _is_number(duration):
        raise TypingLogError(f"duration_s must be a number of seconds, not {_kind(duration)}")
    if not isinstance(events, list):
        raise TypingLogError(f"events must be a list, not {_kind(events)}")
    if len(events) > MAX_EVENTS:
        raise TypingLogError(f"too many events: {len(events):,} (at most {MAX_EVENTS:,})")
    times, keys = _read_events(events) or _walk_events(events)
    return TypingLog.of_keystrokes(
        text, TypingMode(mode), None if duration is None else _seconds(duration), times, keys
    )


def _read_events(events: list[Any]) -> tuple[list[float], list[str]] | None:
    """The times and keys of `events` when every event is plainly well formed, else None.

    Well formed: a dict with exactly the fields t and key, t a float or an int (a JSON
    number), key a string.
    """
    if not set(map(type, events)) <= _DICT or max(map(len, events), default=2) != 2:
        return None
    try:
        times = list(map(_GET_T, events))
        keys = list(map(_GET_KEY, events))
        key_types = set(map(type, set(keys)))  # unhashable keys are not strings either
    except (KeyError, TypeError):  # a field is missing (so another one is unexpected)
        return None
    time_types = set(map(type, times))
    if not time_types <= _NUMBER or not key_types <= _STR:
        return None
    if int in time_types:
        times = [_seconds(t) for t in times]
    return times, keys


class _Keystroke(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    t: float
    key: str


_KEYSTROKES = msgspec.json.Decoder(list[_Keystroke])
_TIME_OF = operator.attrgetter("t")
_KEY_OF = operator.attrgetter("key")


def read_events_json(text: str | bytes) -> tuple[list[float], list[str]] | None:
    """The times and keys of `text`, the JSON text of a log's events, when every event is
    plainly well formed; None for anything else, which is for parse_log to judge once the
    text is decoded.

    Plainly well formed, as for parse_log's bulk reading: a list of objects with exactly the
    fields t, a number, and key, a string. The times and keys are what parse_log reads from
    the events `json.loads(text)` gives: a repeated field counts with its last value, as
    there, and t is the same float (an integer read as the float it converts to). Reading
    the text straight into them, with no object per event, takes less than half the time of
    decoding it and then reading the events (about 0.4 ms for a five-minute test).
    Anything unusual (a number beyond a float's range, NaN, text after the list, a lone
    surrogate escape) returns None, as does text that is not JSON.
    """
    try:
        events = _KEYSTROKES.decode(text)
    except msgspec.DecodeError:  # not JSON, or not events of that shape
        return None
    return list(map(_TIME_OF, events)), list(map(_KEY_OF, events))


def _walk_events(events: list[Any]) -> tuple[list[float], list[str]]:
    """The times and keys of `events`, checked one by one; raises at the first bad one."""
    times: list[float] = []
    keys: list[str] = []
    for number, event in enumerate(events, 1):
        if not isinstance(event, dict):
            raise TypingLogError(
                f"event {number}: must be an object with t and key, not {_kind(event)}"
            )
        if event.keys() != _EVENT_KEYS:
            missing = [name for name in _EVENT_FIELDS if name not in event]
            if missing:
                raise TypingLogError(f"event {number}: missing {_fields(missing)}")
            unexpected = [name for name in event if name not in _EVENT_FIELDS]
            raise TypingLogError(
                f"event {number}: unexpected {_fields(unexpected)} (an event has t and key)"
            )
        t, key = event["t"], event["key"]
        if not _is_number(t):
            raise TypingLogError(f"event {number}: t must be a number of seconds, not {_kind(t)}")
        if not isinstance(key, str):
            raise TypingLogError(f"event {number}: key must be a string, not {_kind(key)}")
        times.append(_seconds(t))
        keys.append(key)
    return times, keys


def _check_duration(mode: TypingMode, duration: float | None) -> None:
    if duration is None:
        if mode is TypingMode.TIMED:
            raise TypingLogError("a timed test needs duration_s, its length in seconds")
        return
    if not math.isfinite(duration):
        raise TypingLogError(f"duration_s must be a finite number of seconds, not {duration}")
    if duration < MIN_DURATION_S:
        raise TypingLogError(
            f"duration_s must be at least {MIN_DURATION_S:g} second (got {duration:g})"
        )
    if duration > MAX_DURATION_S:
        raise TypingLogError(
            f"duration_s is too long: {duration:g} s (at most {MAX_DURATION_S:g} s)"
        )


def _check_events(
    times: list[float], keys: list[str], duration: float | None
) -> tuple[int, ...] | None:
    """Checks the keystrokes' timing and keys; returns `_second_starts` of the character
    keystrokes, the counts the scorer needs too (None if they were checked another way)."""
    if len(times) > MAX_EVENTS:
        raise TypingLogError(f"too many events: {len(times):,} (at most {MAX_EVENTS:,})")
    latest = MAX_EVENT_TIME_S if duration is None else duration + END_GRACE_S
    starts = _plausible_second_starts(times, keys, latest)
    if starts is None:
        _walk_timing(times, keys, duration, latest)
    return starts


def _plausible_second_starts(
    times: list[float], keys: list[str], latest: float
) -> tuple[int, ...] | None:
    """`_second_starts` of the character keystrokes when they pass every timing and key
    rule, checked in bulk; None when they do not.

    Times that start at 0 or later, never go down and end by `latest` (a finite number)
    are all finite, none negative, none backwards and none after the end: a NaN fails a
    comparison and an infinity the first or last bound.
    """
    if times and not (
        times[0] >= 0 and times[-1] <= latest and all(map(operator.le, times, times[1:]))
    ):
        return None
    if not all(map(_is_key, set(keys))):
        return None
    chars = _char_times(times, keys)
    starts = _second_starts(chars, _seconds_spanned(times))
    if _too_fast(chars, starts, MAX_BURST_KEYS, BURST_WINDOW_S) or _too_fast(
        chars, starts, MAX_SUSTAINED_KEYS, SUSTAINED_WINDOW_S
    ):
        return None
    return starts


def _char_times(times: Sequence[float], keys: Sequence[str]) -> list[float]:
    """The times of the character keystrokes (Backspace aside) among `times`."""
    return list(itertools.compress(times, map(operator.ne, keys, itertools.repeat(BACKSPACE))))


def _seconds_spanned(times: Sequence[float]) -> int:
    """The whole seconds from the start to the last keystroke, that one's included (checked
    times: finite, from 0)."""
    return int(times[-1]) + 1 if times else 1


def _second_starts(times: list[float], seconds: int) -> tuple[int, ...]:
    """Where each whole second begins among `times` (in order, each from 0 to below
    `seconds`): entry s is how many come before second s, for s from 0 to `seconds`, so
    second s holds entry s + 1 minus entry s of them (those with int(t) == s)."""
    if seconds > len(times):  # few keystrokes over a long time: count them one by one
        counts = [0] * seconds
        for t in times:
            counts[int(t)] += 1
        return tuple(itertools.accumulate(counts, initial=0))
    inner = map(bisect.bisect_left, itertools.repeat(times), map(float, range(1, seconds)))
    return (0, *inner, len(times))


def _too_fast(times: list[float], starts: tuple[int, ...], most: int, window: float) -> bool:
    # `most + 1` keystrokes spanning less than `window` seconds break the limit. Any such
    # keystrokes fall within ceil(window) + 1 whole seconds in a row, so when no such run of
    # seconds (`starts` counts them) holds more than `most`, none break it. Otherwise the
    # keystrokes decide: they are in order, so comparing each with the one `most` places
    # earlier finds it.
    span = math.ceil(window) + 1
    if max(map(operator.sub, starts[span:], starts), default=starts[-1]) <= most:
        return False
    return min(map(operator.sub, times[most:], times), default=window) < window


def _walk_timing(
    times: list[float], keys: list[str], duration: float | None, latest: float
) -> None:
    """Checks the keystrokes one by one; raises at the first that breaks a rule."""
    if duration is None:
        past_end = f"after the longest allowed test ({MAX_EVENT_TIME_S:g} s)"
    else:
        past_end = f"after the end of the {duration:g} s test"
    previous = 0.0
    char_times: list[float] = []
    char_numbers: list[int] = []
    for number, (t, key) in enumerate(zip(times, keys, strict=True), 1):
        if not math.isfinite(t):
            raise TypingLogError(f"event {number}: t must be a finite number, not {t}")
        if t < 0:
            raise TypingLogError(f"event {number}: t is negative ({t:.3f} s)")
        if t < previous:
            raise TypingLogError(
                f"event {number}: time goes backwards ({t:.3f} s after {previous:.3f} s)"
            )
        if t > latest:
            raise TypingLogError(f"event {number}: at {t:.3f} s, {past_end}")
        if key != BACKSPACE:
            if not _is_key(key):
                raise TypingLogError(
                    f"event {number}: unknown key {key!r} (a key is one printable character, "
                    "a space, or 'Backspace')"
                )
            char_times.append(t)
            char_numbers.append(number)
        previous = t
    _walk_rate(char_times, char_numbers, MAX_BURST_KEYS, BURST_WINDOW_S)
    _walk_rate(char_times, char_numbers, MAX_SUSTAINED_KEYS, SUSTAINED_WINDOW_S)


def _walk_rate(times: list[float], numbers: list[int], most: int, window: float) -> None:
    for index in range(most, len(times)):
        first = times[index - most]
        if times[index] - first < window:
            raise TypingLogError(
                f"event {numbers[index]}: inhuman typing rate: {most + 1} keystrokes between "
                f"{first:.3f} s and {times[index]:.3f} s (at most {most} fit in any "
                f"{window:g} s)"
            )


def _is_key(key: str) -> bool:
    return key == BACKSPACE or (len(key) == 1 and key.isprintable())


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _seconds(value: Any) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer too large for a float
        return math.inf


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if _is_number(value):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else _kind(value)


def _fields(names: list[Any]) -> str:
    label = "field" if len(names) == 1 else "fields"
    return f"{label} {', '.join(repr(name) for name in names)}"


# --- scoring --------------------------------------------------------------------------------


def score_typing(log: TypingLog) -> TypingScore:
    """Replays the keystrokes into words and scores them (see the module docstring).

    Linear in the number of events and the length of the text.
    """
    words = log.words
    word_count = len(words)
    limit = math.inf if log.duration_s is None else log.duration_s
    times, keys = log.times, log.keys
    # Times are in order: keystrokes after `counted` are in the grace period after a timed
    # test, and ignored.
    counted = bisect.bisect_right(times, limit)
    last_t = times[counted - 1] if counted else 0.0

    typed: list[str] = []  # the input so far, spaces between words included
    # The current word: its index, text and length, where it begins in `typed`, how much of
    # it is typed and how many of its typed characters are wrong; where each earlier word
    # begins and how many of its characters are wrong, on stacks (Backspace over a space
    # goes back into the word before). A typed character is wrong exactly when it is not the
    # word's character at its position, so Backspace can tell what it removes.
    index, word, word_len, start, position, wrong = 0, words[0], len(words[0]), 0, 0, 0
    starts: list[int] = []
    wrongs: list[int] = []
    idle: list[float] = []  # character keystrokes that changed nothing
    mistyped_keys: Counter[str] = Counter()
    correct = incorrect = 0

    for t, key in zip(times[:counted], keys[:counted], strict=True):
        if key == BACKSPACE:
            if typed:
                removed = typed.pop()
                if removed == " ":
                    index -= 1
                    word = words[index]
                    word_len = len(word)
                    start = starts.pop()
                    wrong = wrongs.pop()
                    position = len(typed) - start
                else:
                    position -= 1
                    if position >= word_len or word[position] != removed:
                        wrong -= 1
            continue
        if index == word_count:  # the last word was submitted: nothing left to type
            idle.append(t)
            continue
        if key == " ":
            if position == 0:  # a space on an empty word does nothing
                idle.append(t)
                continue
            if position == word_len and wrong == 0:
                correct += 1
            else:
                incorrect += 1
                if position < word_len:
                    mistyped_keys[word[position]] += 1
            typed.append(" ")
            starts.append(start)
            wrongs.append(wrong)
            index += 1
            word = words[index] if index < word_count else ""
            word_len = len(word)
            start = len(typed)
            position = wrong = 0
        else:
            typed.append(key)
            if position < word_len and word[position] == key:
                correct += 1
            else:
                incorrect += 1
                wrong += 1
                # Past the end of the word a space was expected.
                mistyped_keys[word[position] if position < word_len else " "] += 1
            position += 1

    # Character keystrokes (the idle ones aside) per whole second from the start, by int(t):
    # checking the log counted them, unless some are in the grace period after the test.
    second_starts = log._second_starts
    if second_starts is None or counted < len(times):
        second_starts = _second_starts(_char_times(times[:counted], keys), _seconds_spanned(times))
    backspaces = counted - second_starts[-1]
    per_second = list(map(operator.sub, second_starts[1:], second_starts))
    for t in idle:
        per_second[int(t)] -= 1
    text_done = index == word_count or (
        index == word_count - 1 and wrong == 0 and position == word_len
    )
    # A timed test runs to its limit unless the text ran out first.
    end = limit if log.mode is TypingMode.TIMED and not text_done else last_t
    elapsed = max(end, MIN_ELAPSED_S)

    chars, results, wrong_words = _count_chars(
        words, "".join(typed), timed=log.mode is TypingMode.TIMED
    )
    minutes = elapsed / 60
    wpm = (chars.correct_word + chars.correct_spaces) / CHARS_PER_WORD / minutes
    raw_wpm = (
        (chars.all_correct + chars.incorrect + chars.extra + chars.spaces)
        / CHARS_PER_WORD
        / minutes
    )
    keystrokes = correct + incorrect
    raw_per_second = _raw_per_second(per_second, elapsed)
    mistyped_words = Counter(wrong_words)
    return TypingScore(
        mode=log.mode,
        wpm=wpm,
        raw_wpm=raw_wpm,
        accuracy=100 * correct / keystrokes if keystrokes else 0.0,
        consistency=_consistency(raw_per_second),
        kph=correct * 3600 / elapsed,
        elapsed_s=elapsed,
        chars=chars,
        keystrokes=KeystrokeCounts(correct=correct, incorrect=incorrect, backspaces=backspaces),
        raw_per_second=raw_per_second,
        words=results,
        mistyped_words=tuple(mistyped_words.most_common()),
        mistyped_keys=tuple(mistyped_keys.most_common(MISTYPED_KEYS_SHOWN)),
    )


def _count_chars(
    words: tuple[str, ...], typed: str, *, timed: bool
) -> tuple[CharCounts, tuple[WordResult, ...], list[str]]:
    """Sorts the final typed characters into the Monkeytype classes, word by word; returns
    the counts, a result per word typed and the expected words typed wrong, in order.

    Words typed right, most of them, are counted together; the others one by one.
    """
    inputs = typed.split(" ")
    submitted = len(inputs) - 1  # every input but the last was followed by a space
    if not inputs[-1]:  # nothing typed of the current word
        inputs.pop()
    right_words = list(map(operator.eq, inputs, words))
    typed_right = list(itertools.compress(inputs, right_words))
    all_correct = correct_word = sum(map(len, typed_right))
    spaces = submitted
    correct_spaces = right_words[:submitted].count(True)
    incorrect = extra = missed = 0
    wrong_words: list[str] = []
    # Results are immutable, so each word typed right shares one (texts repeat words a lot);
    # the places of the other words are filled in below.
    shared = {got: WordResult(got, got, WordStatus.CORRECT) for got in dict.fromkeys(typed_right)}
    results = cast(list[WordResult], list(map(shared.get, inputs)))
    for index in itertools.compress(range(len(inputs)), map(operator.not_, right_words)):
        got, expected = inputs[index], words[index]
        right = sum(1 for a, b in zip(got, expected, strict=False) if a == b)
        wrong = min(len(got), len(expected)) - right
        beyond = max(len(got) - len(expected), 0)
        short = max(len(expected) - len(got), 0)
        all_correct += right
        incorrect += wrong
        extra += beyond
        status = WordStatus.INCORRECT
        if index < submitted:
            missed += short
        else:
            if wrong == 0 and beyond == 0:
                status = WordStatus.PARTIAL
                if timed:  # the timer stopped the word: credit what was typed
                    correct_word += right
            if not timed:  # the candidate stopped: the rest of the word is missed
                missed += short
        if status is WordStatus.INCORRECT:
            wrong_words.append(expected)
        results[index] = WordResult(expected, got, status)
    counts = CharCounts(
        all_correct=all_correct,
        correct_word=correct_word,
        incorrect=incorrect,
        extra=extra,
        missed=missed,
        spaces=spaces,
        correct_spaces=correct_spaces,
    )
    return counts, tuple(results), wrong_words


def _raw_per_second(per_second: list[int], elapsed: float) -> tuple[float, ...]:
    """Raw WPM in each second of the test, from the character keystrokes typed in it.

    Every second up to the end counts, idle ones included. A final partial second of at
    least MIN_PARTIAL_SECOND_S is scaled to a whole second; a shorter one is folded into
    the second before it (elapsed is at least MIN_ELAPSED_S, so there is one).
    """
    whole = int(elapsed)
    tail = elapsed - whole
    if tail >= MIN_PARTIAL_SECOND_S:
        spans = [1.0] * whole + [tail]
    else:
        spans = [1.0] * (whole - 1) + [1.0 + tail]
    buckets = len(spans)
    counts = per_second[:buckets] + [0] * (buckets - len(per_second))
    counts[-1] += sum(per_second[buckets:])  # keystrokes at the very end, t == elapsed
    return tuple(
        count * 60 / CHARS_PER_WORD / span for count, span in zip(counts, spans, strict=True)
    )


def _consistency(speeds: tuple[float, ...]) -> float:
    """Monkeytype's consistency of the per-second raw speed, 0 to 100 (0 with no typing)."""
    mean = sum(speeds) / len(speeds)
    if mean == 0:
        return 0.0
    deviation = math.sqrt(sum((speed - mean) ** 2 for speed in speeds) / len(speeds))
    c = deviation / mean
    return min(max(100 * (1 - math.tanh(c + c**3 / 3 + c**5 / 5)), 0.0), 100.0)
