"""The data-entry test: realistic records to key in, and their scoring.

Records are generated from a seeded `random.Random` (names from India and the Philippines,
addresses with PIN and ZIP codes, +91/+63 mobiles, amounts, dates and IDs), so an attempt
can be regenerated exactly from its seed. Scoring follows the fact sheet's definitions:
keystrokes per hour (KPH) = correct keystrokes × 3600 / seconds, and field accuracy =
fields entered exactly right / fields.

A field's correct keystrokes are its expected length minus the edits needed to turn what was
entered into what was expected (Levenshtein distance), never below zero: a slip costs the
keystrokes it spoils, not the whole field.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DATA_ENTRY_RULES_VERSION = "data-entry-1"
MAX_FIELD_CHARS = 200

INDIAN_FIRST = ("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya",
                "Rahul", "Meera", "Sanjay", "Divya", "Karthik", "Pooja", "Imran",
                "Fatima")  # fmt: skip
INDIAN_LAST = ("Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Khan", "Das", "Menon",
               "Joshi", "Singh", "Rao", "Mukherjee", "Pillai", "Verma", "Kulkarni")  # fmt: skip
FILIPINO_FIRST = ("Maria", "Jose", "Angelica", "Mark", "Kristine", "John Paul", "Mae",
                  "Carlo", "Jasmine", "Paolo", "Rhea", "Miguel", "Bea", "Rafael")  # fmt: skip
FILIPINO_LAST = ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz",
                 "Villanueva", "Ramos", "Aquino", "Castillo", "Navarro", "Torres")  # fmt: skip
INDIAN_CITIES = (("Mumbai", "400"), ("Pune", "411"), ("Bengaluru", "560"),
                 ("Chennai", "600"), ("Hyderabad", "500"), ("Kolkata", "700"),
                 ("Noida", "201"), ("Jaipur", "302"))  # fmt: skip
PHILIPPINE_CITIES = (("Quezon City", "11"), ("Makati", "12"), ("Cebu City", "60"),
                     ("Davao City", "80"), ("Pasig", "16"), ("Iloilo City", "50"))  # fmt: skip
STREETS = ("MG Road", "Station Road", "Rizal Street", "Mabini Avenue", "Park Street",
           "Lake View Road", "Bonifacio Drive", "Gandhi Nagar", "Luna Street")  # fmt: skip


class EntryMode(enum.StrEnum):
    RECORDS = "records"
    TEN_KEY = "ten-key"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    numeric: bool = False


RECORD_FIELDS = (
    FieldSpec("customer_id", "Customer ID"),
    FieldSpec("name", "Full name"),
    FieldSpec("phone", "Mobile"),
    FieldSpec("address", "Address"),
    FieldSpec("postcode", "PIN / ZIP code", numeric=True),
    FieldSpec("amount", "Amount"),
    FieldSpec("date", "Date (DD/MM/YYYY)"),
)
TEN_KEY_FIELDS = tuple(FieldSpec(f"n{i}", f"Number {i}", numeric=True) for i in range(1, 6))


def fields_for(mode: EntryMode) -> tuple[FieldSpec, ...]:
    return RECORD_FIELDS if mode == EntryMode.RECORDS else TEN_KEY_FIELDS


def generate_records(rng: random.Random, count: int, mode: EntryMode) -> tuple[dict[str, str], ...]:
    """`count` records for `mode`, each a mapping of field name to the text to key in."""
    if mode == EntryMode.TEN_KEY:
        return tuple({spec.name: _number(rng) for spec in TEN_KEY_FIELDS} for _ in range(count))
    return tuple(_record(rng) for _ in range(count))


def _number(rng: random.Random) -> str:
    whole = rng.randint(1, 99999)
    return f"{whole}.{rng.randint(0, 99):02d}" if rng.random() < 0.6 else str(whole)


def _record(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.5:
        name = f"{rng.choice(INDIAN_FIRST)} {rng.choice(INDIAN_LAST)}"
        phone = f"+91 {rng.choice('6789')}{rng.randint(1000, 9999)} {rng.randint(10000, 99999)}"
        city, prefix = rng.choice(INDIAN_CITIES)
        postcode = f"{prefix}{rng.randint(0, 999):03d}"
        amount = f"INR {rng.randint(100, 99999):,}.{rng.randint(0, 99):02d}"
    else:
        name = f"{rng.choice(FILIPINO_FIRST)} {rng.choice(FILIPINO_LAST)}"
        phone = f"+63 9{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        city, prefix = rng.choice(PHILIPPINE_CITIES)
        postcode = f"{prefix}{rng.randint(0, 99):02d}"
        amount = f"PHP {rng.randint(100, 99999):,}.{rng.randint(0, 99):02d}"
    return {
        "customer_id": f"CUST-{rng.randint(0, 999999):06d}",
        "name": name,
        "phone": phone,
        "address": f"{rng.randint(1, 999)} {rng.choice(STREETS)}, {city}",
        "postcode": postcode,
        "amount": amount,
        "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2024, 2026)}",
    }


@dataclass(frozen=True)
class FieldError:
    record: int
    field: str
    expected: str
    entered: str


@dataclass(frozen=True)
class DataEntryScore:
    kph: float
    field_accuracy: float
    correct_keystrokes: int
    expected_keystrokes: int
    fields_right: int
    fields_total: int
    seconds: float
    errors: tuple[FieldError, ...]
    rules_version: str = DATA_ENTRY_RULES_VERSION

    def to_dict(self) -> dict[str, object]:
        return {
            "kph": round(self.kph, 2),
            "field_accuracy": round(self.field_accuracy, 2),
            "correct_keystrokes": self.correct_keystrokes,
            "expected_keystrokes": self.expected_keystrokes,
            "fields_right": self.fields_right,
            "fields_total": self.fields_total,
            "seconds": round(self.seconds, 2),
            "errors": [
                {"record": e.record, "field": e.field, "expected": e.expected, "entered": e.entered}
                for e in self.errors
            ],
            "rules_version": self.rules_version,
        }


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: the fewest insertions, deletions and substitutions from a to b."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))  # fmt: skip
        previous = current
    return previous[-1]


def score_data_entry(
    expected: Sequence[Mapping[str, str]],
    entered: Sequence[Mapping[str, str]],
    *,
    seconds: float,
) -> DataEntryScore:
    """Scores what was `entered` against the `expected` records over `seconds`.

    Fields are compared exactly after trimming the ends (a stray space at the end of a
    field is not an error a reader would see). A record or field that was not entered counts
    as entered empty. `seconds` below one second counts as one, so a few keys cannot claim
    an absurd rate.
    """
    correct = total = right = fields = 0
    errors: list[FieldError] = []
    for index, record in enumerate(expected):
        typed = entered[index] if index < len(entered) else {}
        for name, want in record.items():
            got = str(typed.get(name, ""))[:MAX_FIELD_CHARS].strip()
            fields += 1
            total += len(want)
            if got == want:
                right += 1
                correct += len(want)
            else:
                correct += max(0, len(want) - edit_distance(got, want))
                errors.append(FieldError(index + 1, name, want, got))
    elapsed = max(seconds, 1.0)
    return DataEntryScore(
        kph=correct * 3600 / elapsed,
        field_accuracy=100 * right / fields if fields else 0.0,
        correct_keystrokes=correct,
        expected_keystrokes=total,
        fields_right=right,
        fields_total=fields,
        seconds=elapsed,
        errors=tuple(errors),
    )
