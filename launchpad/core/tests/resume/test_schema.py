"""JSON Resume validation: the schema's conformance cases, the examples, and the messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from launchpad.core.resume import schema
from launchpad.core.resume.schema import (
    SCHEMA_DIR,
    describe,
    format_path,
    is_email,
    is_uri_reference,
    load_schema,
    problems,
    validate_date,
    validate_job,
    validate_resume,
)

CASES_DIR = SCHEMA_DIR / "conformance-cases"
DATE_CASES = "dates.json"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def read(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def conformance_cases() -> list[tuple[str, str, object, bool]]:
    """Every conformance case as (file, case name, value, whether it must validate).

    Each file in `conformance-cases/` maps case names to values for one part of the schema
    (`work.json` for `work`, `dates.json` for dates, ...). Validity is encoded in the case
    name only: a name containing "invalid", in any case (`workInvalid`, `dateInvalid`, and the
    bare `invalid` of `dates.json` and `schema.json`), must be rejected; every other name must
    validate. That includes names with no "Valid" in them at all: `dates.json`'s
    `yearMonthDay`, `yearMonth` and `year`. Since "invalid" contains "valid", the test looks
    for "invalid" and never for "valid".

    `dates.json` holds bare date strings, checked against the schema's `iso8601` definition
    (`validate_date`); every other file holds whole resume documents (`validate_resume`).
    """
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = read(path)
        assert isinstance(data, dict), path.name
        for name, value in data.items():
            cases.append((path.name, name, value, "invalid" not in name.lower()))
    return cases


CASES = conformance_cases()


@pytest.mark.parametrize(
    ("file", "name", "value", "valid"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_conformance_case(file, name, value, valid):
    found = validate_date(value) if file == DATE_CASES else validate_resume(value)

    if valid:
        assert found == [], f"{file} {name} should validate"
    else:
        assert found, f"{file} {name} should be rejected"


def test_the_conformance_cases_cover_every_file_with_both_kinds():
    files = {path.name for path in CASES_DIR.glob("*.json")}
    assert len(files) == 15
    for file in files:
        kinds = {valid for case_file, _, _, valid in CASES if case_file == file}
        assert kinds == {True, False}, file
    assert len(CASES) == 218


def test_an_invalid_case_is_rejected_for_its_own_field():
    assert validate_resume({"work": [{"endDate": None}]}) == [
        "work[0].endDate: should be text, not null (no value)"
    ]
    assert validate_date("2013-12-021") == [
        "date: '2013-12-021' is not a date like 2024, 2024-06 or 2024-06-15"
    ]


@pytest.mark.parametrize(
    "path",
    [*sorted((SCHEMA_DIR / "examples").glob("*.json")), SCHEMA_DIR / "sample.resume.json"],
    ids=lambda p: p.name,
)
def test_the_examples_and_the_sample_validate(path):
    assert validate_resume(read(path)) == []


def test_the_sample_job_validates():
    assert validate_job(read(SCHEMA_DIR / "sample.job.json")) == []


def test_the_schemas_are_draft_07_and_well_formed():
    for name in (schema.RESUME_SCHEMA_FILE, schema.JOB_SCHEMA_FILE):
        data = load_schema(name)
        assert data["$schema"] == DRAFT_07
        Draft7Validator.check_schema(data)
    assert isinstance(schema._resume_validator(), Draft7Validator)
    assert isinstance(schema._job_validator(), Draft7Validator)


def test_the_licence_ships_beside_the_schemas():
    licence = (SCHEMA_DIR / "LICENSE.md").read_text(encoding="utf-8")
    readme = (SCHEMA_DIR / "README.md").read_text(encoding="utf-8")

    assert "The MIT License" in licence and "JSON Resume" in licence
    assert "MIT" in readme and "LICENSE.md" in readme


@pytest.mark.parametrize("value", ["2013-12", "2013", "2013-12-02", "1999-01-31"])
def test_partial_dates_are_valid(value):
    assert validate_date(value) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2013-1", "'2013-1' is not a date like 2024, 2024-06 or 2024-06-15"),
        ("June 2013", "'June 2013' is not a date like 2024, 2024-06 or 2024-06-15"),
        ("13-12-01", "'13-12-01' is not a date like 2024, 2024-06 or 2024-06-15"),
        ("3013", "'3013' is not a date like 2024, 2024-06 or 2024-06-15"),
        (2013, "should be text, not the number 2013"),
    ],
)
def test_bad_dates_are_named_with_their_path(value, message):
    assert validate_date(value, "work[0].startDate") == [f"work[0].startDate: {message}"]


def test_the_date_pattern_is_the_schemas():
    assert schema.date_pattern() == load_schema("schema.json")["definitions"]["iso8601"]["pattern"]


def test_messages_name_the_path_and_the_problem_in_plain_words():
    resume = {
        "$schema": {},
        "basics": {
            "name": None,
            "email": "richard.mail.com",
            "url": "http://exa mple.com",
            "profiles": [{"url": "https://example.com/%zz"}, {"username": ["a"]}],
            "location": {"city": True},
        },
        "work": [{"startDate": "2013-12-021", "highlights": ["ok", 3]}],
        "skills": {"name": "x"},
    }

    assert validate_resume(resume) == [
        "$schema: should be text, not a group of fields",
        "basics.email: 'richard.mail.com' is not an e-mail address like name@example.com",
        "basics.location.city: should be text, not true (a yes/no value)",
        "basics.name: should be text, not null (no value)",
        "basics.profiles[0].url: 'https://example.com/%zz' is not a web address like "
        "https://example.com",
        "basics.profiles[1].username: should be text, not a list",
        "basics.url: 'http://exa mple.com' is not a web address like https://example.com",
        "skills: should be a list, not a group of fields",
        "work[0].highlights[1]: should be text, not the number 3",
        "work[0].startDate: '2013-12-021' is not a date like 2024, 2024-06 or 2024-06-15",
    ]


def test_problems_are_ordered_by_path_with_numeric_indices():
    resume = {"work": [{}] * 2 + [{"name": 1}] + [{}] * 7 + [{"name": 2}]}

    assert validate_resume(resume) == [
        "work[2].name: should be text, not the number 1",
        "work[10].name: should be text, not the number 2",
    ]


@pytest.mark.parametrize("data", [[], "resume", None, 3])
def test_a_document_that_is_not_an_object_is_one_problem(data):
    found = validate_resume(data)

    assert len(found) == 1
    assert found[0].startswith("resume: should be a group of fields, not ")


def test_a_job_has_its_own_root_and_choices():
    assert validate_job([]) == ["job: should be a group of fields, not a list"]
    assert validate_job({"remote": "Sometimes", "date": "July 2024"}) == [
        "date: 'July 2024' is not a date like 2024, 2024-06 or 2024-06-15",
        "remote: text 'Sometimes' is not one of Full, Hybrid, None",
    ]


def test_the_bpo_fields_are_checked_too():
    resume = {"basics": {"name": "Ana", "x-bpo": {"shifts": ["evening"]}}}

    assert validate_resume(resume) == [
        "basics.x-bpo.shifts[0]: 'evening' is not a shift (day, night or rotational)"
    ]


@pytest.mark.parametrize(
    "value",
    ["richard.hendriks@mail.com", "a+b@sub.example.co.in", "ana@例え.jp", None, 3],
)
def test_email_addresses_that_pass(value):
    assert is_email(value)


@pytest.mark.parametrize(
    "value", ["richard.mail.com", "a@b", "a b@c.com", "a@b.c.", "@example.com", "a@@b.com"]
)
def test_email_addresses_that_fail(value):
    assert not is_email(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://example.com/a?b=c#d",
        "foo-bar-baz",
        "www.example.com",
        "profile-image.png",
        "mailto:ana@example.com",
        "https://例え.jp/パス",
        "localhost:8000/x",
        "/path:with-colon",
        "http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)",
        "https://example.com/%C3%A9",
        "",
        None,
        {},
    ],
)
def test_web_addresses_that_pass(value):
    assert is_uri_reference(value)


@pytest.mark.parametrize(
    "value",
    [
        "http://exa mple.com",
        "https://example.com/%zz",
        "https://example.com/%4",
        "1http://example.com",
        "ht tp://example.com",
        "https://example.com/<script>",
        "C:\\Users\\ana",
        "https://example.com/a|b",
        "https://example.com/\x07",
    ],
)
def test_web_addresses_that_fail(value):
    assert not is_uri_reference(value)


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ((), "resume"),
        (("basics", "name"), "basics.name"),
        (("work", 0, "highlights", 2), "work[0].highlights[2]"),
        ((0,), "[0]"),
        (("basics", "x-bpo", "typing"), "basics.x-bpo.typing"),
        (("basics", "a.b"), 'basics["a.b"]'),
        (("basics", ""), 'basics[""]'),
        (("my key",), '["my key"]'),
    ],
)
def test_paths_read_as_people_write_them(parts, text):
    assert format_path(parts, "resume") == text


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "null (no value)"),
        (False, "false (a yes/no value)"),
        (2.5, "the number 2.5"),
        ("abc", "text 'abc'"),
        ("x" * 80, "text '" + "x" * 59 + "…'"),
        ([1], "a list"),
        ({"a": 1}, "a group of fields"),
    ],
)
def test_values_are_described_in_plain_words(value, words):
    assert describe(value) == words


def test_other_rules_fall_back_to_the_validators_message():
    validator = schema._validator(
        {
            "$schema": DRAFT_07,
            "type": "object",
            "properties": {
                "n": {"minimum": 3},
                "code": {"type": "string", "pattern": "^[A-Z]+$"},
                "either": {"type": ["string", "null"]},
                "when": {"type": "string", "format": "date"},
            },
        }
    )

    assert problems(validator, {"n": 1, "code": "ab", "either": 3, "when": "x"}, "doc") == [
        "code: 'ab' does not match '^[A-Z]+$'",
        "either: should be text or null, not the number 3",
        "n: 1 is less than the minimum of 3",
    ]
