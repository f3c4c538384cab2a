"""BPO Launchpad's own resume fields, kept in the JSON Resume extension key `basics["x-bpo"]`.

BPO recruiters screen on things JSON Resume has no field for: a measured typing speed, an
English level, which shifts the candidate can work, the kinds of BPO work wanted and the notice
period. They live in one namespaced object inside `basics`:

    "basics": {
      "name": "Ana Santos", ...,
      "x-bpo": {
        "typing": {"wpm": 38, "accuracy": 96.5, "measuredOn": "2026-11-20",
                   "source": "BPO Launchpad skills lab"},
        "english": {"cefr": "B2", "estimate": true, "source": "BPO Launchpad skills lab"},
        "shifts": ["day", "night"],
        "workTypes": ["international-voice", "chat-email"],
        "noticePeriodDays": 30
      }
    }

Why `basics`: the schema allows extra properties on every object (`additionalProperties: true`),
so any place is valid. These fields describe the candidate, which is what `basics` holds;
`meta` is for the document and its tooling (version, canonical URL, last change). The `x-`
prefix (as in OpenAPI extensions) cannot clash with a future standard key, and JSON Resume
themes and tools ignore keys they do not know, so the document stays portable. Keys are
camelCase like the rest of JSON Resume. Languages and their fluency stay in the standard
`languages` section; they are not repeated here.

English: either a CEFR level, which without a test is always labelled an estimate (`estimate`
is true, e.g. the skills lab's estimate), or a test's name and score, optionally with the CEFR
level the test reports (`estimate` false) or that we estimated from it (`estimate` true).

`get_bpo` reads the fields (raising `BpoFieldsError` when they are malformed), `set_bpo` writes
them into a copy of the resume and `validate_bpo` lists the problems in plain words, each with
its path, e.g. `basics.x-bpo.typing.accuracy: 120 is not a percentage from 0 to 100`.
"""

from __future__ import annotations

import copy
import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from launchpad.core.resume.types import ResumeData

BPO_KEY = "x-bpo"
ROOT = f"basics.{BPO_KEY}"
SKILLS_LAB = "BPO Launchpad skills lab"

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
SHIFTS = {"day": "Day", "night": "Night", "rotational": "Rotational"}
# The six tracks (slugs as in the career content, names as in tracks.yaml).
WORK_TYPES = {
    "international-voice": "International voice",
    "domestic-voice": "Domestic voice",
    "chat-email": "Chat and email support",
    "back-office": "Back office and data entry",
    "technical-support": "Technical support",
    "kpo": "KPO (research and analytics)",
}
WPM_MAX = 300
NOTICE_MAX_DAYS = 365

FIELDS = ("typing", "english", "shifts", "workTypes", "noticePeriodDays")
TYPING_FIELDS = ("wpm", "accuracy", "measuredOn", "source")
ENGLISH_FIELDS = ("cefr", "estimate", "test", "score", "measuredOn", "source")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BpoFieldsError(ValueError):
    """The BPO fields are malformed; `problems` lists each in plain words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class TypingResult:
    """A typing test result: net words per minute, accuracy in percent, the day and where."""

    wpm: float
    accuracy: float
    measured_on: datetime.date
    source: str = SKILLS_LAB

    def to_json(self) -> dict[str, Any]:
        return {
            "wpm": _json_number(self.wpm),
            "accuracy": _json_number(self.accuracy),
            "measuredOn": self.measured_on.isoformat(),
            "source": self.source,
        }


@dataclass(frozen=True)
class EnglishLevel:
    """An English level: a CEFR level (an estimate unless a test certifies it), a test and its
    score, or both."""

    cefr: str | None = None
    estimate: bool = True
    test: str | None = None
    score: str | None = None
    measured_on: datetime.date | None = None
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.cefr is not None:
            data["cefr"] = self.cefr
            data["estimate"] = self.estimate
        if self.test is not None:
            data["test"] = self.test
        if self.score is not None:
            data["score"] = self.score
        if self.measured_on is not None:
            data["measuredOn"] = self.measured_on.isoformat()
        if self.source is not None:
            data["source"] = self.source
        return data


@dataclass(frozen=True)
class BpoFields:
    """The BPO fields of one resume; an empty value means "not given"."""

    typing: TypingResult | None = None
    english: EnglishLevel | None = None
    shifts: tuple[str, ...] = ()  # keys of SHIFTS
    work_types: tuple[str, ...] = ()  # keys of WORK_TYPES
    notice_period_days: int | None = None

    def is_empty(self) -> bool:
        return not self.to_json()

    def to_json(self) -> dict[str, Any]:
        """The JSON kept in `basics["x-bpo"]`: only the fields given."""
        data: dict[str, Any] = {}
        if self.typing is not None:
            data["typing"] = self.typing.to_json()
        if self.english is not None:
            data["english"] = self.english.to_json()
        if self.shifts:
            data["shifts"] = list(self.shifts)
        if self.work_types:
            data["workTypes"] = list(self.work_types)
        if self.notice_period_days is not None:
            data["noticePeriodDays"] = self.notice_period_days
        return data


def _json_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _describe(value: object) -> str:
    if value is None:
        return "null (no value)"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def _either(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


class _Reader:
    """Reads the raw JSON, collecting every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def group(self, raw: object, path: str, known: tuple[str, ...]) -> Mapping[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.add(path, f"should be a group of fields, not {_describe(raw)}")
            return None
        for key in raw:
            if key not in known:
                self.add(f"{path}.{key}", f"is not a field here (expected {_either(list(known))})")
        return raw

    def number(
        self, raw: Mapping[str, Any], key: str, path: str, high: float, words: str
    ) -> float | None:
        where = f"{path}.{key}"
        if key not in raw:
            self.add(where, "is missing")
            return None
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(where, f"should be a number, not {_describe(value)}")
            return None
        if not 0 <= value <= high:
            self.add(where, f"{value} is not {words} from 0 to {high}")
            return None
        return float(value)

    def text(
        self, raw: Mapping[str, Any], key: str, path: str, *, numbers: bool = False
    ) -> str | None:
        """The text at `key`, stripped (None when absent); with `numbers`, a number is read
        as its text (a test score such as 7.0)."""
        if key not in raw:
            return None
        value = raw[key]
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.add(f"{path}.{key}", f"should be text, not {_describe(value)}")
            return None
        if not value.strip():
            self.add(f"{path}.{key}", "should not be empty")
            return None
        return value.strip()

    def date(
        self, raw: Mapping[str, Any], key: str, path: str, *, required: bool
    ) -> datetime.date | None:
        where = f"{path}.{key}"
        if key not in raw:
            if required:
                self.add(where, "is missing")
            return None
        value = raw[key]
        if isinstance(value, str) and ISO_DATE_RE.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        shown = repr(value) if isinstance(value, str) else _describe(value)
        self.add(where, f"{shown} is not a date like 2026-11-20")
        return None

    def choices(
        self, raw: Mapping[str, Any], key: str, allowed: Mapping[str, str], what: str
    ) -> tuple[str, ...]:
        where = f"{ROOT}.{key}"
        if key not in raw:
            return ()
        value = raw[key]
        if not isinstance(value, list):
            self.add(where, f"should be a list, not {_describe(value)}")
            return ()
        chosen: list[str] = []
        for index, item in enumerate(value):
            item_where = f"{where}[{index}]"
            if not isinstance(item, str) or item not in allowed:
                shown = repr(item) if isinstance(item, str) else _describe(item)
                self.add(item_where, f"{shown} is not {what} ({_either(list(allowed))})")
            elif item in chosen:
                self.add(item_where, f"{item!r} is listed twice")
            else:
                chosen.append(item)
        return tuple(chosen)

    def notice(self, raw: Mapping[str, Any]) -> int | None:
        where = f"{ROOT}.noticePeriodDays"
        if "noticePeriodDays" not in raw:
            return None
        value = raw["noticePeriodDays"]
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"should be a whole number of days, not {_describe(value)}")
            return None
        if not 0 <= value <= NOTICE_MAX_DAYS:
            self.add(where, f"{value} is not a notice period from 0 to {NOTICE_MAX_DAYS} days")
            return None
        return value


def _typing(reader: _Reader, raw: object) -> TypingResult | None:
    path = f"{ROOT}.typing"
    group = reader.group(raw, path, TYPING_FIELDS)
    if group is None:
        return None
    wpm = reader.number(group, "wpm", path, WPM_MAX, "a typing speed in WPM")
    accuracy = reader.number(group, "accuracy", path, 100, "a percentage")
    measured_on = reader.date(group, "measuredOn", path, required=True)
    source = reader.text(group, "source", path)
    if wpm is None or accuracy is None or measured_on is None:
        return None
    return TypingResult(wpm, accuracy, measured_on, source or SKILLS_LAB)


def _english(reader: _Reader, raw: object) -> EnglishLevel | None:
    path = f"{ROOT}.english"
    group = reader.group(raw, path, ENGLISH_FIELDS)
    if group is None:
        return None
    before = len(reader.problems)
    cefr = reader.text(group, "cefr", path)
    if cefr is not None and cefr not in CEFR_LEVELS:
        reader.add(f"{path}.cefr", f"{cefr!r} is not a CEFR level ({_either(list(CEFR_LEVELS))})")
    estimate = group.get("estimate", True)
    if not isinstance(estimate, bool):
        reader.add(f"{path}.estimate", f"should be true or false, not {_describe(estimate)}")
    test = reader.text(group, "test", path)
    score = reader.text(group, "score", path, numbers=True)
    measured_on = reader.date(group, "measuredOn", path, required=False)
    source = reader.text(group, "source", path)
    if "score" in group and "test" not in group:
        reader.add(f"{path}.test", "is missing (a score needs the test's name)")
    elif "test" in group and "score" not in group:
        reader.add(f"{path}.score", "is missing (a test needs its score)")
    elif "cefr" not in group and "test" not in group:
        reader.add(path, "needs a CEFR level (cefr) or a test's name and score (test, score)")
    elif "test" not in group and estimate is False:
        reader.add(f"{path}.estimate", "should be true: a CEFR level without a test is an estimate")
    if len(reader.problems) > before:
        return None
    return EnglishLevel(
        cefr=cefr,
        estimate=bool(estimate),
        test=test,
        score=score,
        measured_on=measured_on,
        source=source,
    )


def _read(raw: object) -> tuple[BpoFields, list[str]]:
    reader = _Reader()
    group = reader.group(raw, ROOT, FIELDS)
    if group is None:
        return BpoFields(), reader.problems
    fields = BpoFields(
        typing=_typing(reader, group["typing"]) if "typing" in group else None,
        english=_english(reader, group["english"]) if "english" in group else None,
        shifts=reader.choices(group, "shifts", SHIFTS, "a shift"),
        work_types=reader.choices(group, "workTypes", WORK_TYPES, "a work type"),
        notice_period_days=reader.notice(group),
    )
    return fields, reader.problems


def _raw_bpo(resume: Mapping[str, Any]) -> tuple[bool, object]:
    basics = resume.get("basics")
    if not isinstance(basics, Mapping) or BPO_KEY not in basics:
        return False, None
    return True, basics[BPO_KEY]


def validate_bpo(resume: Mapping[str, Any]) -> list[str]:
    """The problems in the resume's BPO fields (empty when they are valid or absent)."""
    present, raw = _raw_bpo(resume)
    return _read(raw)[1] if present else []


def get_bpo(resume: Mapping[str, Any]) -> BpoFields:
    """The resume's BPO fields; empty `BpoFields` when it has none.

    Raises `BpoFieldsError` when they are malformed (see `validate_bpo`): never guesses."""
    present, raw = _raw_bpo(resume)
    if not present:
        return BpoFields()
    fields, problems = _read(raw)
    if problems:
        raise BpoFieldsError(problems)
    return fields


def set_bpo(resume: Mapping[str, Any], fields: BpoFields) -> ResumeData:
    """A copy of the resume with `fields` as its BPO fields; the input is never changed.

    Empty fields remove `basics["x-bpo"]` (and add no `basics`). Raises `BpoFieldsError` when
    `fields` would not pass `validate_bpo` or when `basics` is not an object."""
    raw = fields.to_json()
    problems = _read(raw)[1]
    if problems:
        raise BpoFieldsError(problems)
    data = copy.deepcopy(dict(resume))
    basics = data.get("basics", {})
    if not isinstance(basics, dict):
        raise BpoFieldsError([f"basics: should be a group of fields, not {_describe(basics)}"])
    if raw:
        basics[BPO_KEY] = raw
        data["basics"] = basics
    else:
        basics.pop(BPO_KEY, None)
    return data


def _floor(value: float, places: int = 0) -> str:
    """`value` cut (never rounded up, so a resume never overstates) to `places` decimals."""
    scale = 10**places
    text = f"{math.floor(round(value * scale, 6)) / scale:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def typing_line(result: TypingResult) -> str:
    """`Typing: 38 WPM at 96.5% accuracy (measured 2026-11-20, BPO Launchpad skills lab)`."""
    return (
        f"Typing: {_floor(result.wpm)} WPM at {_floor(result.accuracy, 1)}% accuracy "
        f"(measured {result.measured_on.isoformat()}, {result.source})"
    )


def english_line(level: EnglishLevel) -> str:
    """`English: CEFR B2 (estimate, BPO Launchpad skills lab)` or
    `English: Versant English Test 58 (CEFR B1, measured 2026-10-01)`."""
    notes: list[str] = []
    if level.test is not None:
        head = f"English: {level.test} {level.score}"
        if level.cefr is not None:
            notes.append(f"CEFR {level.cefr}" + (" estimate" if level.estimate else ""))
    else:
        head = f"English: CEFR {level.cefr}"
        notes.append("estimate")
    if level.source is not None:
        notes.append(level.source)
    if level.measured_on is not None:
        notes.append(f"measured {level.measured_on.isoformat()}")
    return f"{head} ({', '.join(notes)})" if notes else head


def skill_lines(fields: BpoFields) -> list[str]:
    """The measured skills, for the Skills section: typing, then English."""
    lines: list[str] = []
    if fields.typing is not None:
        lines.append(typing_line(fields.typing))
    if fields.english is not None:
        lines.append(english_line(fields.english))
    return lines


def preference_lines(fields: BpoFields) -> list[str]:
    """The job preferences: work types, shifts (day, night, rotational order), notice."""
    lines: list[str] = []
    if fields.work_types:
        lines.append("Work types: " + ", ".join(WORK_TYPES[w] for w in fields.work_types))
    if fields.shifts:
        shifts = [label for key, label in SHIFTS.items() if key in fields.shifts]
        lines.append("Shifts: " + ", ".join(shifts))
    days = fields.notice_period_days
    if days == 0:
        lines.append("Notice period: none (can join immediately)")
    elif days is not None:
        lines.append(f"Notice period: {days} day{'s' if days != 1 else ''}")
    return lines
