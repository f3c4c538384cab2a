"""A candidate takes the customer-service judgment test from the keyboard, sees every
question marked with the reasoning, and starts a practice run on the weakest skill."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in


def test_a_candidate_answers_the_judgment_test_and_practises_the_weak_spot(site, alice, password):
    from launchpad.skills.models import QuizAttempt

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/skills/")
    page.get_by_role("link", name="Take the judgment test").click()
    site.audit()
    page.get_by_role("button", name="Start the test").click()
    page.wait_for_url(re.compile(r".*/skills/attempts/\d+/$"))
    site.audit()

    groups = page.locator("fieldset.quiz-item")
    count = groups.count()
    assert count >= 8
    for index in range(count):
        # Keyboard only: focus the group's first option and pick it with the space bar.
        groups.nth(index).locator("input[type=radio]").first.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Submit my answers").click()

    expect(page.locator("#result-percent")).to_be_visible()
    site.audit()
    attempt = QuizAttempt.objects.get(user=alice)
    assert attempt.status == "scored" and attempt.result["answered"] == count
    expect(page.locator("main")).to_contain_text("(your answer)")
    expect(page.locator("main")).to_contain_text("(best answer)")

    page.get_by_role("button", name=re.compile("Practise my weak spot")).click()
    page.wait_for_url(re.compile(r".*/skills/attempts/\d+/$"))
    practice = QuizAttempt.objects.filter(user=alice).exclude(pk=attempt.pk).get()
    assert practice.focus_skill == attempt.result["weakest_skill"]
    expect(page.locator("h1")).to_contain_text("practising")
