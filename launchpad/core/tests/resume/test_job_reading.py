"""A job read once and stored: the reading gives the same match as the job itself, survives
a round trip through JSON unchanged, and is refused when it is stale or damaged."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from launchpad.core.resume.match import (
    JobReading,
    StaleReadingError,
    match,
    read_job,
    read_resume,
    reading_stamp,
)
from launchpad.core.resume.vocabulary import VOCABULARY_PATH, load_vocabulary, parse_vocabulary
from launchpad.core.tests.resume.test_match import CASES, KPO_JD, VOCABULARY

ROUND_TRIP_LINES = [
    "Handle inbound calls for a telecom client and resolve billing issues",
    "Any graduate; typing speed of 35 WPM; willing to work night or rotational shifts",
    "CRM tools such as Salesforce, Zendesk or Freshdesk",
    "Escalate complex cases to the team leader",
    "Excellent written English and grammar",
    "Immediate joiners preferred",
    "Knowledge of MS Excel is a plus",
    "",
]


@pytest.mark.parametrize("name", sorted(CASES))
def test_matching_a_reading_gives_the_same_result_as_the_job(name):
    resume, job, profile = CASES[name]
    reading = read_job(job, VOCABULARY)
    assert match(resume, reading, VOCABULARY, profile) == match(resume, job, VOCABULARY, profile)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_resume_read_once_gives_the_same_result(name):
    resume, job, profile = CASES[name]
    read = read_resume(resume, VOCABULARY)
    assert match(resume, job, VOCABULARY, profile, resume_reading=read) == match(
        resume, job, VOCABULARY, profile
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_reading_survives_json_unchanged(name):
    _, job, _ = CASES[name]
    reading = read_job(job, VOCABULARY)
    stored = json.loads(json.dumps(reading.to_data()))
    assert JobReading.from_data(stored, VOCABULARY) == reading


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.sampled_from(["Chat Support Executive", "Senior Process Associate - KPO", "", "CSR"]),
    lines=st.lists(st.sampled_from(ROUND_TRIP_LINES), max_size=6),
    description=st.text(max_size=60),
)
def test_any_pasted_job_round_trips_and_matches_the_same(title, lines, description):
    text = "\n".join([title, "Requirements:", *(f"- {line}" for line in lines), description])
    reading = read_job(text, VOCABULARY)
    again = JobReading.from_data(json.loads(json.dumps(reading.to_data())), VOCABULARY)
    assert again == reading
    resume, _, profile = CASES[sorted(CASES)[0]]
    assert match(resume, again, VOCABULARY, profile) == match(resume, text, VOCABULARY, profile)


def test_the_stamp_names_the_rules_and_the_vocabulary():
    stamp = reading_stamp(VOCABULARY)
    assert stamp.startswith("job-reading-") and VOCABULARY.fingerprint in stamp
    assert reading_stamp(load_vocabulary()) == stamp  # the same content, the same stamp


def test_a_reading_made_with_another_vocabulary_is_stale():
    reading = read_job(KPO_JD, VOCABULARY)
    data = yaml.safe_load(VOCABULARY_PATH.read_text(encoding="utf-8"))
    data["terms"][0]["synonyms"] = [*data["terms"][0].get("synonyms", []), "a new way to say it"]
    changed = parse_vocabulary(data)
    assert changed.version == VOCABULARY.version
    assert changed.fingerprint != VOCABULARY.fingerprint
    with pytest.raises(StaleReadingError, match="other rules"):
        JobReading.from_data(reading.to_data(), changed)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("job"),
        lambda d: d["lines"].append([999, 1, 0, []]),
        lambda d: d["lines"].append(["x"]),
        lambda d: d["titles"].append([]),
        lambda d: d["job"]["knockouts"].append({"kind": "shift", "colour": "red"}),
        lambda d: d["lines"][0][3].append([["zz", "a", "b", "c"]]),
        lambda d: d["lines"][0][3].append([]),
        lambda d: d["lines"][0][3].append([["term", "no-such-term", " x ", " x "]]),
        lambda d: d["lines"].append([0, 0, 0, 99]),  # the same concepts as a later line
    ],
)
def test_a_damaged_reading_is_refused_not_used(damage):
    data = read_job(KPO_JD, VOCABULARY).to_data()
    damaged = copy.deepcopy(data)
    damage(damaged)
    with pytest.raises(StaleReadingError, match="damaged"):
        JobReading.from_data(damaged, VOCABULARY)


@pytest.mark.parametrize("data", [None, [], "text", {"stamp": "job-reading-0/x/y"}])
def test_anything_but_a_current_reading_is_stale(data):
    with pytest.raises(StaleReadingError):
        JobReading.from_data(data, VOCABULARY)


def test_lines_read_with_and_without_job_titles_are_stored_once_when_the_same():
    data = read_job(KPO_JD, VOCABULARY).to_data()
    references = [line for line in data["lines"] if isinstance(line[3], int)]
    assert references and all(line[3] < data["lines"].index(line) for line in references)


def test_jobs_read_together_share_a_memo_and_read_the_same():
    memo: dict = {}
    texts = [CASES[name][1] for name in sorted(CASES)] * 2
    together = [read_job(text, VOCABULARY, memo=memo) for text in texts]
    assert together == [read_job(text, VOCABULARY) for text in texts]
    assert memo  # lines and titles were kept
