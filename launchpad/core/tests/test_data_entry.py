from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.data_entry import (
    DATA_ENTRY_RULES_VERSION,
    EntryMode,
    edit_distance,
    fields_for,
    generate_records,
    score_data_entry,
)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "abc", 0), ("", "abc", 3), ("abc", "", 3), ("abc", "abd", 1),
     ("kitten", "sitting", 3), ("CUST-0042", "CUST-042", 1)],
)  # fmt: skip
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance


def test_records_look_like_indian_and_philippine_customer_data():
    records = generate_records(random.Random(7), 40, EntryMode.RECORDS)

    assert len(records) == 40
    assert {tuple(r) for r in records} == {tuple(f.name for f in fields_for(EntryMode.RECORDS))}
    phones = [r["phone"] for r in records]
    assert any(p.startswith("+91 ") for p in phones) and any(p.startswith("+63 9") for p in phones)
    for record in records:
        assert re.fullmatch(r"CUST-\d{6}", record["customer_id"])
        assert re.fullmatch(r"\d{2}/\d{2}/20\d{2}", record["date"])
        assert re.fullmatch(r"(INR|PHP) [\d,]+\.\d{2}", record["amount"])
        assert re.fullmatch(r"\d{4}|\d{6}", record["postcode"])


def test_the_same_seed_gives_the_same_records_and_ten_key_is_numeric():
    assert generate_records(random.Random(1), 5, EntryMode.TEN_KEY) == generate_records(
        random.Random(1), 5, EntryMode.TEN_KEY
    )
    for record in generate_records(random.Random(3), 20, EntryMode.TEN_KEY):
        assert all(re.fullmatch(r"\d+(\.\d{2})?", value) for value in record.values())


EXPECTED = [
    {"id": "CUST-000123", "name": "Priya Sharma"},
    {"id": "CUST-000456", "name": "Jose Cruz"},
]


def test_a_perfect_entry_scores_every_keystroke_and_field():
    score = score_data_entry(EXPECTED, EXPECTED, seconds=36)

    assert score.field_accuracy == 100
    assert score.correct_keystrokes == score.expected_keystrokes == 43
    assert score.kph == 43 * 3600 / 36
    assert score.errors == ()
    assert score.to_dict()["rules_version"] == DATA_ENTRY_RULES_VERSION


def test_a_slip_costs_its_keystrokes_and_its_field_and_is_listed():
    entered = [{"id": "CUST-000123", "name": "Priya Shrama"}, {"id": "CUST-000456"}]

    score = score_data_entry(EXPECTED, entered, seconds=60)

    assert score.fields_right == 2 and score.field_accuracy == 50
    assert score.correct_keystrokes == 11 + (12 - 2) + 11 + 0
    assert [(e.record, e.field, e.entered) for e in score.errors] == [
        (1, "name", "Priya Shrama"), (2, "name", "")
    ]  # fmt: skip
    assert score.to_dict()["errors"][1] == {
        "record": 2, "field": "name", "expected": "Jose Cruz", "entered": ""
    }  # fmt: skip


def test_trailing_spaces_are_forgiven_and_time_has_a_floor_of_one_second():
    entered = [{"id": "CUST-000123 ", "name": " Priya Sharma"}]

    score = score_data_entry(EXPECTED[:1], entered, seconds=0.2)

    assert score.field_accuracy == 100 and score.seconds == 1.0
    assert score_data_entry([], [], seconds=10).field_accuracy == 0


@given(st.lists(st.text(max_size=30), min_size=1, max_size=6), st.floats(1, 3600))
def test_accuracy_stays_in_range_and_fixing_a_field_never_scores_lower(values, seconds):
    expected = [{f"f{i}": "CUST-000123" for i in range(len(values))}]
    entered = [{f"f{i}": v for i, v in enumerate(values)}]
    score = score_data_entry(expected, entered, seconds=seconds)
    assert 0 <= score.field_accuracy <= 100
    assert 0 <= score.correct_keystrokes <= score.expected_keystrokes

    fixed = [{**entered[0], "f0": "CUST-000123"}]
    better = score_data_entry(expected, fixed, seconds=seconds)
    assert better.kph >= score.kph and better.field_accuracy >= score.field_accuracy
