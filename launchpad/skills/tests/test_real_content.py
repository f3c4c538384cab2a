"""The packaged skills content loads, and every test can draw a full form from it."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command
from django.utils import timezone

from launchpad.content.skills_reader import read_skills
from launchpad.skills import services
from launchpad.skills.models import QuizItem, SkillThreshold, TypingPassage


def test_the_packaged_files_meet_the_issue_minimums():
    content = read_skills()
    tests = [item.test for item in content.quiz_items]

    assert len(content.passages) >= 60
    assert tests.count("english") >= 150
    assert tests.count("sjt") >= 30
    assert tests.count("computer") >= 60
    assert {s.channel for s in content.reply_scenarios} == {"chat", "email"}
    assert {t.track for t in content.thresholds if t.test == "typing"} == {
        "international-voice", "domestic-voice", "chat-email", "back-office",
        "technical-support", "kpo",
    }  # fmt: skip


@pytest.mark.parametrize("test", ["english", "sjt", "computer"])
def test_every_test_draws_a_full_form_from_the_loaded_content(alice, test):
    call_command("load_content", verbosity=0)
    assert TypingPassage.objects.count() >= 60 and SkillThreshold.objects.exists()

    attempt = services.quiz_start(user=alice, test=test, rng=random.Random(9), now=timezone.now())

    skills = {row.skill for row in QuizItem.objects.filter(test=test)}
    assert {item["skill"] for item in attempt.items} == skills
    timed = services.typing_attempt_start(
        user=alice, mode="timed", duration_s=300, rng=random.Random(9), now=timezone.now()
    )
    assert len(timed.text) >= 300 * services.CHARS_PER_SECOND_NEEDED
