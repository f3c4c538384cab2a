"""A candidate handles the same chat scenario twice: once well (greeting with the brand and
her name, verification before any account detail, the reset link and how long it lasts, a
proper close) and once badly (no greeting, the customer's e-mail given out before
verification, a rude line). The first scores high with each scorecard line citing its
turns; the second fails on the compliance item, and the reason cites the turn."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in

SCENARIO = "Locked out of net banking"
GOOD = [
    "Hello, welcome to Lumen Bank chat, my name is Asha. I'm sorry you're locked out, "
    "I'll help you get back in.",
    "To verify your identity, please confirm your registered email and date of birth.",
    "Thank you. I can send a password reset link to your registered email now.",
    "The reset link is valid for 30 minutes, so please use it right away.",
    "Is there anything else I can help you with? Thank you for chatting with Lumen Bank.",
]
BAD = [
    "what",
    "I'll send the link to k.rao@example.com.",
    "That's your problem, stupid.",
]


def play(site, replies: list[str]) -> None:
    page = site.page
    site.go("/simulator/")
    page.locator("a[href$='/scenarios/password-reset-verification/']").click()
    site.audit()
    page.get_by_role("button", name="Start the chat").click()
    page.wait_for_url(re.compile(r".*/simulator/runs/\d+/$"))
    site.audit()
    expect(page.locator("[id$='-mood-word']").first).not_to_be_empty()
    for number, text in enumerate(replies, 1):
        page.get_by_label("Your reply").fill(text)
        page.get_by_role("button", name="Send").click()
        expect(page.locator(f"[id$='-turn-{2 * number}']")).to_be_visible()
        if page.get_by_role("link", name="See your QA score").count():
            break
    if page.get_by_role("link", name="See your QA score").count():
        page.get_by_role("link", name="See your QA score").click()
    else:
        page.get_by_role("button", name="End the chat").click()
    page.wait_for_url(re.compile(r".*/simulator/runs/\d+/result/$"))
    site.audit()


def test_a_good_and_a_bad_chat_get_different_scores_with_evidence(site, alice, password):
    from launchpad.simulator.models import SimulationRun

    page = site.page
    sign_in(site, alice.email, password)

    play(site, GOOD)
    good = float(page.locator("#qa-total").inner_text())
    assert good >= 70
    expect(page.locator("#qa-fatal")).to_have_count(0)
    opening = page.locator("#line-opening")
    expect(opening).to_contain_text("your own name in the opening")
    opening.get_by_role("link").first.click()
    assert re.search(r"#turn-\d+$", page.url)

    play(site, BAD)
    bad = float(page.locator("#qa-total").inner_text())
    assert bad == 0 < good
    expect(page.locator("#qa-fatal")).to_contain_text(
        "gave the registered email before verification"
    )
    expect(page.locator("#qa-fatal")).to_contain_text("rude language")
    expect(page.locator("#qa-improve")).to_be_visible()

    runs = SimulationRun.objects.filter(user=alice).order_by("started_at")
    assert [r.total for r in runs] == [round(good), 0]
    site.go("/simulator/")
    expect(page.locator("#qa-history")).to_contain_text(str(runs[0].total))
