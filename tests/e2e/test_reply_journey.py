"""A candidate answers a customer's e-mail in the written reply test and reads the marking."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in


def test_a_candidate_writes_a_reply_and_sees_the_rubric(site, alice, password):
    from launchpad.skills.models import ReplyAttempt

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/skills/")
    page.get_by_role("link", name="Write a reply").click()
    site.audit()
    page.get_by_role("button", name=re.compile("An e-mail")).click()
    page.wait_for_url(re.compile(r".*/skills/reply/\d+/$"))
    site.audit()

    attempt = ReplyAttempt.objects.get(user=alice)
    name = attempt.shown["customer_name"].split()[0]
    page.fill(
        "#reply",
        f"Dear {name},\nI am sorry for the trouble, and I understand how frustrating this is. "
        "I have raised your request and I will update you within 2 working days.\n"
        "Regards,\nAsha",
    )
    page.get_by_role("button", name="Send my reply").click()

    expect(page.locator("#result-total")).to_be_visible()
    site.audit()
    attempt.refresh_from_db()
    assert attempt.status == "scored" and attempt.total > 80
    expect(page.locator("main")).to_contain_text("What a strong reply covers")
