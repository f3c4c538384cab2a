"""The BPO fields in basics["x-bpo"]: reading, writing, checking and the lines they print."""

from __future__ import annotations

import copy
import datetime

import pytest
import yaml

from launchpad.content.reader import CAREERS_DIR, TRACK_SLUGS
from launchpad.core import knockouts, quiz
from launchpad.core.resume.bpo import (
    CEFR_LEVELS,
    SHIFTS,
    SKILLS_LAB,
    WORK_TYPES,
    BpoFields,
    BpoFieldsError,
    EnglishLevel,
    TypingResult,
    english_line,
    get_bpo,
    preference_lines,
    set_bpo,
    skill_lines,
    typing_line,
    validate_bpo,
)
from launchpad.core.resume.schema import validate_resume

DAY = datetime.date(2026, 11, 20)

FIELDS = BpoFields(
    typing=TypingResult(wpm=38, accuracy=96.5, measured_on=DAY),
    english=EnglishLevel(cefr="B2", source=SKILLS_LAB, measured_on=DAY),
    shifts=("night", "rotational"),
    work_types=("international-voice", "chat-email"),
    notice_period_days=0,
)
FIELDS_JSON = {
    "typing": {
        "wpm": 38,
        "accuracy": 96.5,
        "measuredOn": "2026-11-20",
        "source": "BPO Launchpad skills lab",
    },
    "english": {
        "cefr": "B2",
        "estimate": True,
        "measuredOn": "2026-11-20",
        "source": "BPO Launchpad skills lab",
    },
    "shifts": ["night", "rotational"],
    "workTypes": ["international-voice", "chat-email"],
    "noticePeriodDays": 0,
}


def resume_with(raw):
    return {"basics": {"name": "Ana Santos", "x-bpo": raw}}


def test_set_bpo_writes_the_fields_into_basics_and_get_bpo_reads_them_back():
    resume = {"basics": {"name": "Ana Santos"}, "work": []}
    before = copy.deepcopy(resume)

    written = set_bpo(resume, FIELDS)

    assert written == {"basics": {"name": "Ana Santos", "x-bpo": FIELDS_JSON}, "work": []}
    assert resume == before
    assert get_bpo(written) == FIELDS
    assert validate_resume(written) == []


def test_set_bpo_never_shares_structure_with_its_input():
    resume = {"basics": {"name": "Ana", "profiles": [{"network": "LinkedIn"}]}}

    written = set_bpo(resume, FIELDS)
    written["basics"]["profiles"][0]["network"] = "changed"

    assert resume["basics"]["profiles"][0]["network"] == "LinkedIn"
    assert "x-bpo" not in resume["basics"]


def test_set_bpo_adds_basics_when_missing():
    assert set_bpo({}, BpoFields(notice_period_days=30)) == {
        "basics": {"x-bpo": {"noticePeriodDays": 30}}
    }


def test_empty_fields_remove_the_extension_and_add_nothing():
    written = set_bpo({"basics": {"name": "Ana", "x-bpo": FIELDS_JSON}}, BpoFields())

    assert written == {"basics": {"name": "Ana"}}
    assert set_bpo({"work": []}, BpoFields()) == {"work": []}
    assert BpoFields().is_empty()
    assert not FIELDS.is_empty()


def test_set_bpo_refuses_fields_that_would_not_validate():
    fields = BpoFields(
        typing=TypingResult(wpm=400, accuracy=96, measured_on=DAY, source=""),
        shifts=("evening",),
    )

    with pytest.raises(BpoFieldsError) as raised:
        set_bpo({}, fields)

    assert raised.value.problems == (
        "basics.x-bpo.typing.wpm: 400 is not a typing speed in WPM from 0 to 300",
        "basics.x-bpo.typing.source: should not be empty",
        "basics.x-bpo.shifts[0]: 'evening' is not a shift (day, night or rotational)",
    )
    assert str(raised.value) == "; ".join(raised.value.problems)


def test_set_bpo_refuses_a_resume_whose_basics_is_not_an_object():
    with pytest.raises(BpoFieldsError, match="basics: should be a group of fields, not a list"):
        set_bpo({"basics": []}, FIELDS)


@pytest.mark.parametrize("resume", [{}, {"basics": {"name": "Ana"}}, {"basics": "Ana"}])
def test_a_resume_without_the_extension_has_empty_fields(resume):
    assert get_bpo(resume) == BpoFields()
    assert validate_bpo(resume) == []


def test_get_bpo_refuses_malformed_fields():
    with pytest.raises(BpoFieldsError) as raised:
        get_bpo(resume_with({"noticePeriodDays": "30"}))

    assert raised.value.problems == (
        "basics.x-bpo.noticePeriodDays: should be a whole number of days, not text '30'",
    )


def test_reading_fills_defaults_and_keeps_a_numeric_score_as_text():
    fields = get_bpo(
        resume_with(
            {
                "typing": {"wpm": 41.25, "accuracy": 100, "measuredOn": "2026-01-05"},
                "english": {
                    "test": "IELTS Academic",
                    "score": 7.0,
                    "cefr": "C1",
                    "estimate": False,
                },
            }
        )
    )

    assert fields.typing == TypingResult(41.25, 100.0, datetime.date(2026, 1, 5), SKILLS_LAB)
    assert fields.english == EnglishLevel(
        cefr="C1", estimate=False, test="IELTS Academic", score="7.0"
    )


def test_a_test_without_a_cefr_level_is_read_and_written():
    english = EnglishLevel(test="Versant English Test", score="58")

    written = set_bpo({}, BpoFields(english=english))

    assert written["basics"]["x-bpo"] == {
        "english": {"test": "Versant English Test", "score": "58"}
    }
    assert get_bpo(written).english == english


@pytest.mark.parametrize(
    ("raw", "problems"),
    [
        ([], ["basics.x-bpo: should be a group of fields, not a list"]),
        (
            {"shift": ["day"]},
            [
                "basics.x-bpo.shift: is not a field here (expected typing, english, shifts, "
                "workTypes or noticePeriodDays)"
            ],
        ),
        (
            {"typing": None},
            ["basics.x-bpo.typing: should be a group of fields, not null (no value)"],
        ),
        (
            {"typing": {}},
            [
                "basics.x-bpo.typing.wpm: is missing",
                "basics.x-bpo.typing.accuracy: is missing",
                "basics.x-bpo.typing.measuredOn: is missing",
            ],
        ),
        (
            {"typing": {"wpm": True, "accuracy": -1, "measuredOn": "2026-11-31", "source": 3}},
            [
                "basics.x-bpo.typing.wpm: should be a number, not a yes/no value",
                "basics.x-bpo.typing.accuracy: -1 is not a percentage from 0 to 100",
                "basics.x-bpo.typing.measuredOn: '2026-11-31' is not a date like 2026-11-20",
                "basics.x-bpo.typing.source: should be text, not the number 3",
            ],
        ),
        (
            {"typing": {"wpm": "38", "accuracy": 120, "measuredOn": 20261120, "speed": 1}},
            [
                "basics.x-bpo.typing.speed: is not a field here (expected wpm, accuracy, "
                "measuredOn or source)",
                "basics.x-bpo.typing.wpm: should be a number, not text '38'",
                "basics.x-bpo.typing.accuracy: 120 is not a percentage from 0 to 100",
                "basics.x-bpo.typing.measuredOn: the number 20261120 is not a date like 2026-11-20",
            ],
        ),
        (
            {"typing": {"wpm": 38, "accuracy": 96, "measuredOn": "20261120"}},
            ["basics.x-bpo.typing.measuredOn: '20261120' is not a date like 2026-11-20"],
        ),
        (
            {"english": {}},
            [
                "basics.x-bpo.english: needs a CEFR level (cefr) or a test's name and score "
                "(test, score)"
            ],
        ),
        ({"english": "B2"}, ["basics.x-bpo.english: should be a group of fields, not text 'B2'"]),
        (
            {"english": {"cefr": "B3", "estimate": "yes"}},
            [
                "basics.x-bpo.english.cefr: 'B3' is not a CEFR level (A1, A2, B1, B2, C1 or C2)",
                "basics.x-bpo.english.estimate: should be true or false, not text 'yes'",
            ],
        ),
        (
            {"english": {"cefr": "B2", "estimate": False}},
            [
                "basics.x-bpo.english.estimate: should be true: a CEFR level without a test is "
                "an estimate"
            ],
        ),
        (
            {"english": {"test": "Versant"}},
            ["basics.x-bpo.english.score: is missing (a test needs its score)"],
        ),
        (
            {"english": {"score": "58"}},
            ["basics.x-bpo.english.test: is missing (a score needs the test's name)"],
        ),
        (
            {"english": {"test": " ", "score": None, "measuredOn": "soon"}},
            [
                "basics.x-bpo.english.test: should not be empty",
                "basics.x-bpo.english.score: should be text, not null (no value)",
                "basics.x-bpo.english.measuredOn: 'soon' is not a date like 2026-11-20",
            ],
        ),
        ({"shifts": "night"}, ["basics.x-bpo.shifts: should be a list, not text 'night'"]),
        (
            {"shifts": ["night", "night", 1]},
            [
                "basics.x-bpo.shifts[1]: 'night' is listed twice",
                "basics.x-bpo.shifts[2]: the number 1 is not a shift (day, night or rotational)",
            ],
        ),
        (
            {"workTypes": ["voice"]},
            [
                "basics.x-bpo.workTypes[0]: 'voice' is not a work type (international-voice, "
                "domestic-voice, chat-email, back-office, technical-support or kpo)"
            ],
        ),
        (
            {"noticePeriodDays": 400},
            ["basics.x-bpo.noticePeriodDays: 400 is not a notice period from 0 to 365 days"],
        ),
        (
            {"noticePeriodDays": 30.0},
            [
                "basics.x-bpo.noticePeriodDays: should be a whole number of days, "
                "not the number 30.0"
            ],
        ),
        (
            {"noticePeriodDays": {"days": 30}},
            [
                "basics.x-bpo.noticePeriodDays: should be a whole number of days, "
                "not a group of fields"
            ],
        ),
        (
            {"noticePeriodDays": False},
            ["basics.x-bpo.noticePeriodDays: should be a whole number of days, not a yes/no value"],
        ),
    ],
)
def test_problems_are_named_in_plain_words(raw, problems):
    assert validate_bpo(resume_with(raw)) == problems


@pytest.mark.parametrize(
    "raw",
    [
        {},
        FIELDS_JSON,
        {"english": {"cefr": "A1"}},
        {"english": {"test": "Versant English Test", "score": "58", "cefr": "B1"}},
        {"shifts": [], "workTypes": []},
        {"noticePeriodDays": 365},
        {"typing": {"wpm": 0, "accuracy": 0, "measuredOn": "2026-02-28"}},
    ],
)
def test_valid_fields_have_no_problems(raw):
    assert validate_bpo(resume_with(raw)) == []


@pytest.mark.parametrize(
    ("wpm", "accuracy", "text"),
    [
        (38, 96, "38 WPM at 96% accuracy"),
        (37.99, 99.96, "37 WPM at 99.9% accuracy"),
        (41.5, 96.5, "41 WPM at 96.5% accuracy"),
        (0, 0, "0 WPM at 0% accuracy"),
        (120, 100, "120 WPM at 100% accuracy"),
        (57.3, 57.3, "57 WPM at 57.3% accuracy"),
    ],
)
def test_the_typing_line_never_rounds_up(wpm, accuracy, text):
    line = typing_line(TypingResult(wpm, accuracy, DAY))

    assert line == f"Typing: {text} (measured 2026-11-20, BPO Launchpad skills lab)"


def test_the_typing_line_names_another_source():
    result = TypingResult(45, 98, DAY, "Placement cell typing test")

    assert typing_line(result).endswith("(measured 2026-11-20, Placement cell typing test)")


@pytest.mark.parametrize(
    ("english", "line"),
    [
        (EnglishLevel(cefr="B2"), "English: CEFR B2 (estimate)"),
        (
            EnglishLevel(cefr="B2", source=SKILLS_LAB, measured_on=DAY),
            "English: CEFR B2 (estimate, BPO Launchpad skills lab, measured 2026-11-20)",
        ),
        (
            EnglishLevel(test="Versant English Test", score="58", cefr="B1"),
            "English: Versant English Test 58 (CEFR B1 estimate)",
        ),
        (
            EnglishLevel(
                test="IELTS Academic", score="7.0", cefr="C1", estimate=False, measured_on=DAY
            ),
            "English: IELTS Academic 7.0 (CEFR C1, measured 2026-11-20)",
        ),
    ],
)
def test_the_english_line_labels_an_estimate(english, line):
    assert english_line(english) == line


def test_a_test_with_nothing_to_add_has_no_brackets():
    line = english_line(EnglishLevel(test="Versant English Test", score="58"))

    assert line == "English: Versant English Test 58"


def test_skill_lines_and_preference_lines():
    assert skill_lines(FIELDS) == [
        "Typing: 38 WPM at 96.5% accuracy (measured 2026-11-20, BPO Launchpad skills lab)",
        "English: CEFR B2 (estimate, BPO Launchpad skills lab, measured 2026-11-20)",
    ]
    assert preference_lines(FIELDS) == [
        "Work types: International voice, Chat and email support",
        "Shifts: Night, Rotational",
        "Notice period: none (can join immediately)",
    ]
    assert skill_lines(BpoFields()) == preference_lines(BpoFields()) == []


@pytest.mark.parametrize(
    ("days", "line"), [(1, "Notice period: 1 day"), (30, "Notice period: 30 days")]
)
def test_the_notice_period_line(days, line):
    assert preference_lines(BpoFields(notice_period_days=days)) == [line]


def test_shifts_print_in_day_night_rotational_order():
    fields = BpoFields(shifts=("rotational", "day", "night"))

    assert preference_lines(fields) == ["Shifts: Day, Night, Rotational"]


def test_the_vocabularies_match_the_rest_of_the_project():
    tracks = yaml.safe_load((CAREERS_DIR / "tracks.yaml").read_text(encoding="utf-8"))

    assert tuple(WORK_TYPES) == TRACK_SLUGS
    assert {t["slug"]: t["name"] for t in tracks} == WORK_TYPES
    assert set(SHIFTS) == knockouts.SHIFTS
    assert set(quiz.CEFR_LEVELS) <= set(CEFR_LEVELS)
