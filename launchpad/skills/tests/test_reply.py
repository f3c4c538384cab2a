"""The written reply test: a scenario handed out, a reply checked offline and marked."""

from __future__ import annotations

import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.skills import services
from launchpad.skills.exceptions import AttemptAlreadySubmittedError, InvalidLogError
from launchpad.skills.models import ReplyAttempt, ReplyScenario

REPLY = (
    "Hi Maria,\nI am sorry about the double charge, and I understand how frustrating this is. "
    "I have raised a refund of INR 499 under reference ORD-58213; you will see it within 5 "
    "working days.\nIs there anything else I can help you with?\nRegards,\nAnil"
)


@pytest.fixture
def scenario(db):
    return ReplyScenario.objects.create(
        slug="reply-double-charge", channel="email", difficulty="easy", title="Double charge",
        customer_name="Maria Santos", message="I was charged twice for order ORD-58213!",
        facts=["The second charge of INR 499 is a duplicate."],
        key_points=["Apologise", "Confirm the refund", "Give the reference"],
    )  # fmt: skip


@pytest.fixture
def attempt(alice, scenario):
    return services.reply_start(
        user=alice, channel="email", rng=random.Random(1),
        now=timezone.now() - datetime.timedelta(minutes=2),
    )  # fmt: skip


def test_a_good_reply_scores_high_and_keeps_the_scenario_shown(attempt):
    scored = services.reply_submit(attempt=attempt, text=REPLY, now=timezone.now())

    assert scored.total > 90 and scored.late_by_s == 0
    assert scored.result["rules_version"] == "reply-2"
    assert scored.shown["message"].startswith("I was charged twice")


def test_the_offline_checker_finds_grammar_slips(attempt):
    slips = REPLY.replace("I am sorry", "i has been sorry")
    scored = services.reply_submit(attempt=attempt, text=slips, now=timezone.now())

    assert scored.result["issues"]
    assert scored.result["criteria"][0]["score"] < 100


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_an_empty_or_huge_reply_is_refused_and_changes_nothing(attempt, text):
    with pytest.raises(InvalidLogError):
        services.reply_submit(attempt=attempt, text=text, now=timezone.now())
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_a_second_submission_is_refused(attempt):
    services.reply_submit(attempt=attempt, text=REPLY, now=timezone.now())
    with pytest.raises(AttemptAlreadySubmittedError):
        services.reply_submit(attempt=attempt, text="Hello", now=timezone.now())


def test_a_late_reply_counts_and_is_marked_late(alice, scenario):
    late = services.reply_start(user=alice, channel="email", rng=random.Random(),
                                now=timezone.now() - datetime.timedelta(minutes=30))  # fmt: skip
    scored = services.reply_submit(attempt=late, text=REPLY, now=timezone.now())
    assert scored.late_by_s >= 19 * 60


def test_the_pages_run_the_test_and_mark_the_reply(alice_client, scenario):
    response = alice_client.post(reverse("skills:reply_start"), {"channel": "email"})
    attempt = ReplyAttempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    assert "I was charged twice" in alice_client.get(attempt.get_absolute_url()).content.decode()

    empty = alice_client.post(attempt.get_absolute_url(), {"reply": "  "})
    assert empty.status_code == 400 and "Write a reply" in empty.content.decode()
    alice_client.post(attempt.get_absolute_url(), {"reply": REPLY})
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="result-total"' in page and "Ownership and next steps" in page
    assert "Give the reference" in page


def test_bad_channels_and_outsiders_get_nothing(alice_client, eve_client, attempt):
    response = alice_client.post(reverse("skills:reply_start"), {"channel": "fax"}, follow=True)
    assert "Choose chat or e-mail" in response.content.decode()
    assert eve_client.get(attempt.get_absolute_url()).status_code == 404
    assert eve_client.post(attempt.get_absolute_url(), {"reply": REPLY}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_export_carries_quiz_and_reply_attempts(alice, attempt):
    from launchpad.accounts.services import account_export

    services.reply_submit(attempt=attempt, text=REPLY, now=timezone.now())
    exported = account_export(user=alice)

    assert exported["reply_attempts"][0]["text"] == REPLY
    assert exported["reply_attempts"][0]["scenario"]["title"] == "Double charge"
    assert exported["quiz_attempts"] == []


def test_the_result_names_the_weakest_criterion_with_a_tip_and_offers_practice(
    alice_client, attempt
):
    curt = "Refund done. Bye"
    services.reply_submit(attempt=attempt, text=curt, now=timezone.now())

    page = alice_client.get(attempt.get_absolute_url()).content.decode()

    assert "Work on:" in page
    assert "Practise: write another reply" in page
