from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.reply import (
    REPLY_RULES_VERSION,
    GrammarIssue,
    reading_ease,
    score_reply,
    syllables,
)

GOOD = (
    "Hi Maria,\n"
    "I am sorry about the double charge on your bill, and I understand how frustrating "
    "this is. I have raised a refund of INR 499 under reference ORD-58213, and you will "
    "see it within 5 working days.\n"
    "Is there anything else I can help you with?\n"
    "Regards,\nAnil"
)
POOR = "pls wait. u shud have read the policy. NOT MY problem!! SERIOUSLY"


def by_key(score):
    return {c.key: c for c in score.criteria}


def test_a_complete_reply_earns_every_criterion():
    score = score_reply(GOOD, issues=[], seconds=120)
    criteria = by_key(score)

    assert criteria["greeting_closing"].score == 100
    assert criteria["empathy"].score == 100
    assert criteria["ownership"].score == 100
    assert criteria["tone"].score == 100
    assert criteria["grammar"].score == 100
    assert score.total > 95
    assert score.to_dict()["rules_version"] == REPLY_RULES_VERSION
    assert score.wpm == pytest.approx(len(GOOD) / 5 / 2)


def test_a_careless_reply_loses_tone_greeting_empathy_and_ownership():
    criteria = by_key(score_reply(POOR, issues=[], seconds=30))

    assert criteria["tone"].score == 0
    assert "pls" in criteria["tone"].found
    assert criteria["greeting_closing"].score == 0
    assert criteria["empathy"].score == 0
    assert criteria["ownership"].score == 0


def test_grammar_issues_cost_points_per_hundred_words():
    issue = GrammarIssue("Agreement", "The verb must agree.", "has")
    reply = score_reply(GOOD, issues=[issue, issue], seconds=60)
    grammar = by_key(reply)["grammar"]

    assert grammar.score == pytest.approx(100 - 12 * 200 / reply.words)
    assert "2 issue(s)" in grammar.found


def test_long_sentences_lose_clarity_and_an_empty_reply_scores_nothing():
    rambling = (
        "Hello, "
        + " ".join(["we are investigating the discrepancy comprehensively"] * 8)
        + ". Thanks."
    )
    assert by_key(score_reply(rambling, issues=[], seconds=60))["clarity"].score < 50
    empty = score_reply("   ", issues=[], seconds=0)
    assert empty.total == 0 and empty.words == 0 and empty.sentences == 0


@given(st.text(max_size=400), st.integers(0, 5), st.floats(0, 600))
def test_every_score_stays_between_0_and_100(text, issue_count, seconds):
    issues = [GrammarIssue("Spelling", "x", "y")] * issue_count
    score = score_reply(text, issues=issues, seconds=seconds)
    assert 0 <= score.total <= 100
    assert all(0 <= c.score <= 100 for c in score.criteria)


@pytest.mark.parametrize(
    ("word", "count"),
    [("cat", 1), ("refund", 2), ("escalate", 3), ("inconvenience", 4), ("table", 2), ("free", 1),
     ("rhythm", 1), ("I'll", 1)],
)  # fmt: skip
def test_syllables_are_estimated_from_vowel_groups(word, count):
    assert syllables(word) == count


def test_plain_words_read_more_easily_than_long_ones():
    plain = reading_ease(["we", "will", "fix", "it", "today"], 1)
    dense = reading_ease(["reimbursement", "authorisation", "consequently", "necessitates"], 1)
    assert plain > 90 > 0 > dense
    assert reading_ease([], 0) == 0
