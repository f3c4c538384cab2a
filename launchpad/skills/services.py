"""Every write of the skills lab: starting, submitting and drilling typing attempts.

The browser only records keystrokes; the server scores the log with `launchpad.core.typing`
and keeps the log, the scores and the rules version together.
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import orjson
from django.db import transaction
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.common.db import EncodedJSON, update_where
from launchpad.core.data_entry import EntryMode, generate_records, score_data_entry
from launchpad.core.quiz import FormItem, Item, Option, QuizError, assemble_form, score_quiz
from launchpad.core.reply import score_reply
from launchpad.core.typing import TypingLog, TypingLogError, TypingMode, parse_log, score_typing
from launchpad.skills.exceptions import (
    AttemptAlreadySubmittedError,
    InvalidLogError,
    NoPassagesError,
    NothingToDrillError,
)
from launchpad.skills.grammar import grammar_issues
from launchpad.skills.models import (
    DataEntryAttempt,
    QuizAttempt,
    QuizItem,
    ReplyAttempt,
    ReplyScenario,
    ScoredAttempt,
    TypingAttempt,
    TypingPassage,
)

TIMED_DURATIONS = (30, 60, 120, 300)
# A fixed-text attempt may run this long; keystrokes after it are scored as at the limit.
MAX_TEXT_MODE_SECONDS = 600
# Enough text that nobody runs out in a timed test: 150 WPM is 12.5 characters a second,
# well above the fastest BPO cut-off; capped by the scorer's maximum text length.
CHARS_PER_SECOND_NEEDED = 12.5
MAX_TEST_CHARS = 5000
# The keystroke log may not cover more time than passed on the server since the text was
# handed out; this much slack absorbs clock and network jitter.
CLOCK_SLACK_S = 2.0
DRILL_REPEATS = 3
DRILL_MAX_WORDS = 45


A = TypeVar("A", bound=ScoredAttempt)


def _lock_open(attempt: A) -> A:
    """The attempt's row, locked for this transaction; refuses one already submitted.

    Call inside `transaction.atomic()`: two submissions racing for the same attempt are
    serialised here, and the second finds it scored.
    """
    locked = type(attempt)._default_manager.select_for_update().get(pk=attempt.pk)
    if locked.is_scored:
        raise _already_submitted()
    return locked


def _already_submitted() -> AttemptAlreadySubmittedError:
    return AttemptAlreadySubmittedError(
        _("This attempt was already submitted; start a new one to try again.")
    )


def _record_result(
    attempt: ScoredAttempt, *, result: dict[str, Any], rules_version: str, now: datetime.datetime
) -> None:
    """Marks `attempt` scored with `result` (the caller saves it)."""
    attempt.result = result
    attempt.rules_version = rules_version
    attempt.status = ScoredAttempt.Status.SCORED
    attempt.submitted_at = now


def typing_attempt_start(
    *,
    user: User,
    mode: str,
    duration_s: int | None,
    kind: str = "",
    difficulty: str = "",
    rng: random.Random,
    now: datetime.datetime,
) -> TypingAttempt:
    """Hands out a text for a new attempt and records when it was handed out.

    Timed tests join random passages (of the chosen kind and difficulty, when given) until
    nobody could run out of text; fixed-text tests use one passage.
    """
    if mode not in TypingAttempt.Mode.values:
        raise InvalidLogError(_("Choose a timed test or a fixed text."))
    if mode == TypingAttempt.Mode.TIMED and duration_s not in TIMED_DURATIONS:
        raise InvalidLogError(_("Choose a test length of 30 seconds, 1, 2 or 5 minutes."))
    passages = TypingPassage.objects.all()
    if kind:
        passages = passages.filter(kind=kind)
    if difficulty:
        passages = passages.filter(difficulty=difficulty)
    pool = list(passages.order_by("slug"))
    if not pool:
        raise NoPassagesError(
            _("There are no passages of that kind yet. Choose another kind or difficulty.")
        )
    rng.shuffle(pool)
    if mode == TypingAttempt.Mode.TEXT:
        chosen = [pool[0]]
        text = pool[0].text
    else:
        assert duration_s is not None
        needed = min(MAX_TEST_CHARS, int(duration_s * CHARS_PER_SECOND_NEEDED))
        chosen, parts, length = [], [], 0
        while length < needed:
            passage = pool[len(chosen) % len(pool)]
            chosen.append(passage)
            parts.append(passage.text)
            length += len(passage.text) + 1
        text = " ".join(parts)
        if len(text) > MAX_TEST_CHARS:
            text = text[:MAX_TEST_CHARS].rsplit(" ", 1)[0]
    return TypingAttempt.objects.create(
        user=user,
        passage=chosen[0],
        text=text,
        mode=mode,
        duration_s=duration_s if mode == TypingAttempt.Mode.TIMED else None,
        started_at=now,
    )


def typing_drill_start(
    *, user: User, source: TypingAttempt, rng: random.Random, now: datetime.datetime
) -> TypingAttempt:
    """Starts a fixed-text drill made of the words `source` got wrong, each a few times."""
    words = [
        str(entry["word"])
        for entry in (source.result or {}).get("mistyped_words") or []
        if isinstance(entry, dict) and entry.get("word")
    ]
    if not words:
        raise NothingToDrillError(_("This attempt has no mistyped words to practise. Well done!"))
    drill = [word for word in words for _ in range(DRILL_REPEATS)][:DRILL_MAX_WORDS]
    rng.shuffle(drill)
    return TypingAttempt.objects.create(
        user=user, text=" ".join(drill), mode=TypingAttempt.Mode.TEXT, is_drill=True,
        started_at=now,
    )  # fmt: skip


def typing_attempt_submit(
    *,
    attempt: TypingAttempt,
    events: Any,
    now: datetime.datetime,
    events_json: str | None = None,
) -> TypingAttempt:
    """Scores the keystroke `events` of `attempt` and stores log, scores and rules version.

    The text, mode and duration come from the attempt, never from the browser. Keystrokes
    after the time limit are dropped (the answer counts as submitted at the limit). Raises
    AttemptAlreadySubmittedError for a second submission and InvalidLogError for a malformed
    or impossible log; either way nothing changes. Returns `attempt`, now scored.

    `events_json`, when the caller has it, is the JSON text `events` was decoded from; it is
    stored as it is instead of being encoded again (checking and scoring use `events` only).

    The log is checked and scored before anything is written, and then one conditional
    UPDATE both claims the still-open attempt and stores the result: of two submissions
    racing for the same attempt only one can change its row, and the other finds it scored.
    Nothing is locked while a log is scored (on SQLite a lock stops every other writer).
    """
    if attempt.is_scored:
        raise _already_submitted()
    if not isinstance(events, list):
        raise InvalidLogError(_("The keystroke log must be a list of events."))
    limit = _time_limit(attempt)
    # Events come in time order (the scorer rejects any that do not), so keystrokes past
    # the limit are all at the end.
    kept = list(events)
    while kept and isinstance(kept[-1], Mapping) and _after(kept[-1].get("t"), limit):
        kept.pop()
    fields = _log_fields(attempt)
    log_data = {**fields, "events": kept}
    try:
        log = parse_log(log_data)
    except TypingLogError as error:
        raise InvalidLogError(str(error)) from error
    stored = None
    if events_json is not None and len(kept) == len(events):
        stored = _stored_log_text(fields, log.keys, events_json)
    _score_and_claim(attempt, log, log_data if stored is None else stored, now)
    attempt.log = log_data
    return attempt


def typing_attempt_submit_keystrokes(
    *,
    attempt: TypingAttempt,
    keystrokes: tuple[list[float], list[str]],
    events_json: str,
    now: datetime.datetime,
) -> TypingAttempt:
    """Does what typing_attempt_submit does, given the times and keys that
    `launchpad.core.typing.read_events_json` read from `events_json`, the JSON text of the
    events as the test page sent them.

    This is the test page's way in: the keystrokes go to the scorer as they were read and
    the text is stored as it came, with no object made per event (a five-minute test has
    thousands). When the text cannot be stored as it is, or keystrokes past the time limit
    have to be dropped, the events are decoded and go through typing_attempt_submit.

    The returned attempt reads its stored log back from the database when it is used.
    """
    times, keys = keystrokes
    limit = _time_limit(attempt)
    stored = (
        None
        if times and times[-1] > limit
        else _stored_log_text(_log_fields(attempt), keys, events_json)
    )
    if stored is None:
        return typing_attempt_submit(
            attempt=attempt, events=_json_value(events_json), events_json=events_json, now=now
        )
    if attempt.is_scored:
        raise _already_submitted()
    timed = attempt.mode == TypingAttempt.Mode.TIMED
    try:
        log = TypingLog.of_keystrokes(
            attempt.text, TypingMode(attempt.mode), limit if timed else None, times, keys
        )
    except TypingLogError as error:
        raise InvalidLogError(str(error)) from error
    _score_and_claim(attempt, log, stored, now)
    # Deferred: read from the database if anything asks for it.
    del attempt.log
    return attempt


def _time_limit(attempt: TypingAttempt) -> float:
    """The attempt's limit in seconds: its duration, or the fixed-text test's maximum."""
    return float(attempt.duration_s or MAX_TEXT_MODE_SECONDS)


def _log_fields(attempt: TypingAttempt) -> dict[str, Any]:
    """The fields of the attempt's stored log other than its events: text, mode and, in a
    timed test, duration_s (all from the attempt, never from the browser)."""
    fields: dict[str, Any] = {"text": attempt.text, "mode": attempt.mode}
    if attempt.mode == TypingAttempt.Mode.TIMED:
        fields["duration_s"] = _time_limit(attempt)
    return fields


def _score_and_claim(
    attempt: TypingAttempt, log: TypingLog, stored_log: Any, now: datetime.datetime
) -> None:
    """Checks the log's span against the server's clock, scores it, and claims the
    still-open attempt with its result in one conditional UPDATE (see
    typing_attempt_submit); sets the scores on `attempt`."""
    elapsed = (now - attempt.started_at).total_seconds()
    last = log.times[-1] if log.times else 0.0
    if last > elapsed + CLOCK_SLACK_S:
        raise InvalidLogError(
            _(
                "The keystrokes span %(log).1f seconds, but only %(wall).1f seconds passed "
                "since the test started."
            )
            % {"log": last, "wall": elapsed}
        )
    score = score_typing(log)
    result = score.to_dict()
    claimed = update_where(
        TypingAttempt,
        where={"id": attempt.pk, "status": TypingAttempt.Status.STARTED},
        values={
            "log": stored_log,
            "result": _encoded(result),
            "rules_version": score.rules_version,
            "status": TypingAttempt.Status.SCORED,
            "submitted_at": now,
            "wpm": score.wpm,
            "raw_wpm": score.raw_wpm,
            "accuracy": score.accuracy,
            "consistency": score.consistency,
            "kph": score.kph,
        },
    )
    if not claimed:
        raise _already_submitted()
    _record_result(attempt, result=result, rules_version=score.rules_version, now=now)
    attempt.wpm = score.wpm
    attempt.raw_wpm = score.raw_wpm
    attempt.accuracy = score.accuracy
    attempt.consistency = score.consistency
    attempt.kph = score.kph


def _json_value(text: str) -> Any:
    """`text` decoded as json.loads decodes it: by orjson when it accepts the text (see
    the submit view's _read_submission for where the two differ), else by json."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _stored_log_text(
    fields: dict[str, Any], keys: Sequence[str], events_json: str
) -> EncodedJSON | None:
    """The log to store, as JSON text: the log's other `fields` around `events_json`, the
    JSON text of its events as they arrived; None when that text is not safe to store as it is.

    It is safe when it passed the scorer's checks, so each event is an object with exactly
    a finite number `t` and a one-character or Backspace `key` (these are the checked
    `keys`), unless the text hides a repeated field (JSON decoding keeps the last). With no
    backslash in the text (so no escapes), counting the strings "t" and "key" rules that
    out, and then the text holds nothing a database's JSON parser could refuse. Otherwise
    (a key that is a quote or a backslash, say) the log is to be encoded again.
    """
    if (
        "\\" in events_json
        or events_json.count('"key"') != len(keys)
        or events_json.count('"t"') != len(keys) + keys.count("t")
    ):
        return None
    encoded = json.dumps(fields)
    return EncodedJSON(f'{encoded[:-1]}, "events": {events_json}}}')


def _encoded(data: dict[str, Any]) -> Any:
    """What to store as `data` in a JSONField: the same JSON value, encoded by orjson.

    The field would encode it with json.dumps, which takes about 0.25 ms for a five-minute
    typing result; orjson takes a tenth of that. orjson writes the same values (floats as
    their shortest exact form too), but writes NaN and infinities as null, where json.dumps
    writes words no database reads as JSON, and refuses what json.dumps would convert (an
    integer key, an integer beyond 64 bits): `data` whose encoding holds a null anywhere,
    or that orjson refuses, is left to the field, to be encoded as before.
    """
    try:
        text = orjson.dumps(data)
    except orjson.JSONEncodeError:
        return data
    if b"null" in text:
        return data
    return EncodedJSON(text.decode())


def _after(t: object, limit: float) -> bool:
    return isinstance(t, int | float) and not isinstance(t, bool) and t > limit


DATA_ENTRY_TIME_LIMIT_S = 300
DATA_ENTRY_RECORDS = {"records": 6, "ten-key": 10}


def data_entry_start(
    *, user: User, mode: str, rng: random.Random, now: datetime.datetime
) -> DataEntryAttempt:
    """Generates the records for a new data-entry attempt and starts its server clock."""
    if mode not in DataEntryAttempt.Mode.values:
        raise InvalidLogError(_("Choose customer records or 10-key numbers."))
    seed = rng.randrange(2**31)
    records = generate_records(random.Random(seed), DATA_ENTRY_RECORDS[mode], EntryMode(mode))
    return DataEntryAttempt.objects.create(
        user=user, mode=mode, seed=seed, records=list(records),
        time_limit_s=DATA_ENTRY_TIME_LIMIT_S, started_at=now,
    )  # fmt: skip


def data_entry_submit(
    *, attempt: DataEntryAttempt, entered: list[dict[str, str]], now: datetime.datetime
) -> DataEntryAttempt:
    """Scores what was keyed against the attempt's records, timed by the server's clock.

    An answer after the time limit counts as submitted at the limit. A second submission
    raises AttemptAlreadySubmittedError and changes nothing.
    """
    with transaction.atomic():
        locked = _lock_open(attempt)
        seconds = min((now - locked.started_at).total_seconds(), float(locked.time_limit_s))
        score = score_data_entry(locked.records, entered, seconds=seconds)
        locked.entered = entered
        locked.kph = score.kph
        locked.field_accuracy = score.field_accuracy
        _record_result(locked, result=score.to_dict(), rules_version=score.rules_version, now=now)
        locked.save()
    return locked


# How each multiple-choice test is drawn: items per skill and the time allowed. A practice
# run on one weak skill draws FOCUS_ITEMS of that skill instead.
QUIZ_SPECS: dict[str, dict[str, Any]] = {
    "english": {"per_skill": {"grammar": 8, "vocabulary": 8, "reading": 8}, "minutes": 20},
    "sjt": {"per_skill": 1, "minutes": 12},
    "computer": {"per_skill": 2, "minutes": 15},
}
FOCUS_ITEMS = 8
FOCUS_MINUTES = 8
# The readiness check's mini tests (issue 4): English 10 items, judgment and computer 5 each,
# the latter two one item from each of five skills drawn at random.
MINI_SPECS: dict[str, dict[str, Any]] = {
    "english": {"per_skill": {"grammar": 4, "vocabulary": 3, "reading": 3}, "minutes": 8},
    "sjt": {"per_skill": 5, "minutes": 5},
    "computer": {"per_skill": 5, "minutes": 5},
}


def _core_item(row: QuizItem | dict[str, Any]) -> Item:
    data = row if isinstance(row, dict) else _item_snapshot(row)
    return Item(
        slug=data["slug"], skill=data["skill"], difficulty=data["difficulty"],
        prompt=data["prompt"], explanation=data["explanation"], passage=data["passage"],
        cefr=data["cefr"],
        options=tuple(Option(o["text"], int(o["score"])) for o in data["options"]),
    )  # fmt: skip


def _item_snapshot(row: QuizItem) -> dict[str, Any]:
    return {
        "slug": row.slug, "skill": row.skill, "difficulty": row.difficulty, "cefr": row.cefr,
        "passage": row.passage, "prompt": row.prompt, "options": row.options,
        "explanation": row.explanation,
    }  # fmt: skip


def quiz_start(
    *,
    user: User,
    test: str,
    focus_skill: str = "",
    mini: bool = False,
    rng: random.Random,
    now: datetime.datetime,
) -> QuizAttempt:
    """Draws a balanced form for `test` (or a practice run of one skill) and starts the clock.

    `mini` draws the readiness check's short form instead (see MINI_SPECS). The attempt
    keeps a snapshot of the items it shows, so content edits never change a result. Raises
    InvalidLogError for an unknown test or skill, NoPassagesError when the item bank is too
    small.
    """
    spec = QUIZ_SPECS.get(test)
    if spec is None:
        raise InvalidLogError(_("There is no such test."))
    rows = list(QuizItem.objects.filter(test=test))
    skills = sorted({row.skill for row in rows})
    if focus_skill:
        if focus_skill not in skills:
            raise InvalidLogError(_("This test has no such skill to practise."))
        per_skill = {focus_skill: min(FOCUS_ITEMS, sum(r.skill == focus_skill for r in rows))}
        minutes = FOCUS_MINUTES
    elif mini:
        wanted = MINI_SPECS[test]["per_skill"]
        if isinstance(wanted, dict):
            per_skill = wanted
        else:
            per_skill = dict.fromkeys(rng.sample(skills, min(wanted, len(skills))), 1)
        minutes = MINI_SPECS[test]["minutes"]
    else:
        wanted = spec["per_skill"]
        per_skill = wanted if isinstance(wanted, dict) else dict.fromkeys(skills, wanted)
        minutes = spec["minutes"]
    try:
        form = assemble_form([_core_item(r) for r in rows], per_skill=per_skill, rng=rng)
    except QuizError as error:
        raise NoPassagesError(
            _("The question bank for this test is not loaded yet (%(why)s).") % {"why": error}
        ) from error
    if not form:
        raise NoPassagesError(_("The question bank for this test is not loaded yet."))
    by_slug = {row.slug: row for row in rows}
    return QuizAttempt.objects.create(
        user=user, test=test, focus_skill=focus_skill, is_mini=mini and not focus_skill,
        form=[{"slug": entry.slug, "order": list(entry.order)} for entry in form],
        items=[_item_snapshot(by_slug[entry.slug]) for entry in form],
        time_limit_s=minutes * 60, started_at=now,
    )  # fmt: skip


def quiz_submit(
    *, attempt: QuizAttempt, answers: Mapping[str, int | None], now: datetime.datetime
) -> QuizAttempt:
    """Scores `answers` (item slug → displayed option index) and stores them with the result.

    An answer sent after the time limit is accepted and marked late by how many seconds
    (the form cannot tell which answers came after the limit). A second submission raises
    AttemptAlreadySubmittedError and an answer that is not on the form InvalidLogError;
    either way nothing changes.
    """
    with transaction.atomic():
        locked = _lock_open(attempt)
        items = {data["slug"]: _core_item(data) for data in locked.items}
        form = [FormItem(entry["slug"], tuple(entry["order"])) for entry in locked.form]
        try:
            score = score_quiz(items, form, answers)
        except QuizError as error:
            raise InvalidLogError(str(error)) from error
        elapsed = (now - locked.started_at).total_seconds()
        locked.late_by_s = max(0, int(elapsed - locked.time_limit_s))
        locked.answers = dict(answers)
        locked.percent = score.percent
        _record_result(locked, result=score.to_dict(), rules_version=score.rules_version, now=now)
        locked.save()
    return locked


REPLY_TIME_LIMITS = {"chat": 5 * 60, "email": 10 * 60}
MAX_REPLY_CHARS = 5000


def reply_start(
    *, user: User, channel: str, rng: random.Random, now: datetime.datetime
) -> ReplyAttempt:
    """Picks a customer message of `channel` and starts the clock for the reply."""
    if channel not in REPLY_TIME_LIMITS:
        raise InvalidLogError(_("Choose chat or e-mail."))
    scenarios = list(ReplyScenario.objects.filter(channel=channel).order_by("slug"))
    if not scenarios:
        raise NoPassagesError(_("There are no customer messages for this channel yet."))
    scenario = rng.choice(scenarios)
    shown = {
        "slug": scenario.slug, "channel": scenario.channel, "title": scenario.title,
        "customer_name": scenario.customer_name, "message": scenario.message,
        "facts": scenario.facts, "key_points": scenario.key_points,
    }  # fmt: skip
    return ReplyAttempt.objects.create(
        user=user, scenario=scenario, shown=shown, time_limit_s=REPLY_TIME_LIMITS[channel],
        started_at=now,
    )  # fmt: skip


def reply_submit(*, attempt: ReplyAttempt, text: str, now: datetime.datetime) -> ReplyAttempt:
    """Scores the reply with the offline grammar checker and the rubric, and stores both.

    A reply sent after the time limit still counts and is marked late. An empty or
    over-long reply raises InvalidLogError and a second submission
    AttemptAlreadySubmittedError; either way nothing changes.
    """
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise InvalidLogError(_("Write a reply before sending it."))
    if len(text) > MAX_REPLY_CHARS:
        raise InvalidLogError(
            _("Keep the reply under %(limit)d characters.") % {"limit": MAX_REPLY_CHARS}
        )
    issues = grammar_issues(text)
    with transaction.atomic():
        locked = _lock_open(attempt)
        elapsed = (now - locked.started_at).total_seconds()
        score = score_reply(text, issues=issues, seconds=min(elapsed, locked.time_limit_s))
        locked.late_by_s = max(0, int(elapsed - locked.time_limit_s))
        locked.text = text
        locked.total = score.total
        _record_result(locked, result=score.to_dict(), rules_version=score.rules_version, now=now)
        locked.save()
    return locked


def data_entry_drill(
    *, user: User, source: DataEntryAttempt, now: datetime.datetime
) -> DataEntryAttempt:
    """A new attempt made of the records in which `source` had a wrong field."""
    wrong = sorted({int(e["record"]) for e in (source.result or {}).get("errors", [])})
    if not wrong:
        raise NothingToDrillError(_("Every field was right: there is nothing to drill."))
    records = [source.records[number - 1] for number in wrong]
    return DataEntryAttempt.objects.create(
        user=user, mode=source.mode, seed=source.seed, records=records,
        time_limit_s=DATA_ENTRY_TIME_LIMIT_S, started_at=now,
    )  # fmt: skip
