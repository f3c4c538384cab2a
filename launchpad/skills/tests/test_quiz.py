"""Multiple-choice tests: balanced forms, snapshots, scoring, privacy and bad input."""

from __future__ import annotations

import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.skills import services
from launchpad.skills.exceptions import (
    AttemptAlreadySubmittedError,
    InvalidLogError,
    NoPassagesError,
)
from launchpad.skills.models import QuizAttempt, QuizItem


@pytest.fixture
def bank(db):
    for skill in ("irate-customer", "data-privacy"):
        for i in range(3):
            QuizItem.objects.create(
                slug=f"sjt-{skill}-{i}", test="sjt", skill=skill,
                difficulty=("easy", "medium", "hard")[i], passage=f"A customer ({skill} {i}).",
                prompt="What is the best thing to do?",
                options=[{"text": f"best {i}", "score": 3}, {"text": f"ok {i}", "score": 2},
                         {"text": f"weak {i}", "score": 1}, {"text": f"harmful {i}", "score": 0}],
                explanation="Own the problem.",
            )  # fmt: skip


def start(user, **kwargs):
    return services.quiz_start(
        user=user, test="sjt", rng=random.Random(3),
        now=timezone.now() - datetime.timedelta(minutes=1), **kwargs,
    )  # fmt: skip


def best_answers(attempt):
    """The displayed index of each item's best option."""
    answers = {}
    for entry, item in zip(attempt.form, attempt.items, strict=True):
        best = max(range(len(item["options"])), key=lambda i: item["options"][i]["score"])
        answers[entry["slug"]] = entry["order"].index(best)
    return answers


def test_a_form_takes_one_item_per_skill_and_snapshots_them(alice, bank):
    attempt = start(alice)

    assert sorted(i["skill"] for i in attempt.items) == ["data-privacy", "irate-customer"]
    assert attempt.time_limit_s == 12 * 60
    QuizItem.objects.all().delete()
    attempt.refresh_from_db()
    assert attempt.items[0]["prompt"] == "What is the best thing to do?"


def test_best_answers_score_full_marks_and_weaker_ones_partial_credit(alice, bank):
    attempt = start(alice)
    answers = best_answers(attempt)
    slug = attempt.form[0]["slug"]
    weak = attempt.form[0]["order"].index(2)  # the 1-point option
    answers[slug] = weak

    scored = services.quiz_submit(attempt=attempt, answers=answers, now=timezone.now())

    assert scored.result["earned"] == 3 + 1 and scored.result["possible"] == 6
    assert scored.late_by_s == 0 and scored.rules_version == "quiz-1"


def test_a_late_submission_counts_but_is_marked_late(alice, bank):
    attempt = services.quiz_start(
        user=alice, test="sjt", rng=random.Random(1),
        now=timezone.now() - datetime.timedelta(minutes=30),
    )  # fmt: skip
    scored = services.quiz_submit(attempt=attempt, answers={}, now=timezone.now())
    assert scored.late_by_s >= 17 * 60


def test_a_practice_run_focuses_on_one_skill(alice, bank):
    attempt = start(alice, focus_skill="data-privacy")
    assert {i["skill"] for i in attempt.items} == {"data-privacy"} and len(attempt.items) == 3


@pytest.mark.parametrize(("test", "focus"), [("physics", ""), ("sjt", "juggling")])
def test_unknown_tests_and_skills_are_refused(alice, bank, test, focus):
    with pytest.raises(InvalidLogError):
        services.quiz_start(user=alice, test=test, focus_skill=focus, rng=random.Random(),
                            now=timezone.now())  # fmt: skip
    assert not QuizAttempt.objects.exists()


def test_an_empty_bank_says_the_test_is_not_loaded(alice, db):
    with pytest.raises(NoPassagesError):
        services.quiz_start(user=alice, test="english", rng=random.Random(), now=timezone.now())


def test_a_second_submission_and_foreign_answers_are_refused(alice, bank):
    attempt = start(alice)
    with pytest.raises(InvalidLogError):
        services.quiz_submit(attempt=attempt, answers={"not-here": 0}, now=timezone.now())
    services.quiz_submit(attempt=attempt, answers=best_answers(attempt), now=timezone.now())
    with pytest.raises(AttemptAlreadySubmittedError):
        services.quiz_submit(attempt=attempt, answers={}, now=timezone.now())
    attempt.refresh_from_db()
    assert attempt.percent == 100


def test_the_pages_run_a_test_and_mark_every_question(alice_client, alice, bank):
    response = alice_client.post(reverse("skills:quiz_start", args=["sjt"]))
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert page.count('type="radio"') == 8 and "A customer (" in page

    data = {f"q-{slug}": str(index) for slug, index in best_answers(attempt).items()}
    alice_client.post(attempt.get_absolute_url(), data)
    result = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="result-percent"' in result and "100%" in result
    assert "(best answer)" in result and "Own the problem." in result
    assert "Practise my weak spot" in result


def test_a_tampered_answer_changes_nothing_and_says_why(alice_client, alice, bank):
    attempt = start(alice)
    slug = attempt.form[0]["slug"]

    for value in ("abc", "9"):
        response = alice_client.post(attempt.get_absolute_url(), {f"q-{slug}": value}, follow=True)
        assert response.status_code == 200
        assert (
            "nothing was saved" in response.content.decode()
            or "no option" in response.content.decode()
        )
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_an_outsider_gets_404(eve_client, alice, bank):
    attempt = start(alice)
    assert eve_client.get(attempt.get_absolute_url()).status_code == 404
    assert eve_client.post(attempt.get_absolute_url(), {}).status_code == 404
    assert eve_client.get(reverse("skills:quiz_start", args=["physics"])).status_code == 404


def test_the_test_page_charts_each_skill_after_two_attempts(alice_client, alice, bank):
    for _ in range(2):
        attempt = start(alice)
        services.quiz_submit(attempt=attempt, answers=best_answers(attempt), now=timezone.now())

    page = alice_client.get(reverse("skills:quiz_start", args=["sjt"])).content.decode()

    assert "Progress by skill" in page
    assert page.count("<polyline") == 3  # the overall chart and one per skill
    assert "data-privacy over time" in page
