"""A candidate takes the typing test by really typing in Chromium (with a corrected typo),
gets a scored result compared with each track's cut-off, and drills the words they missed."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def sign_in(site, email: str, password: str) -> None:
    site.go("/accounts/login/")
    site.page.fill("input[name=username]", email)
    site.page.fill("input[name=password]", password)
    site.page.locator("main button[type=submit]").click()
    site.page.wait_for_url("**/goals/")


def test_a_candidate_types_a_passage_and_gets_an_explained_result(site, alice, password):
    from launchpad.skills.models import TypingAttempt

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/skills/")
    page.get_by_role("link", name="Take a typing test").click()
    site.audit()
    page.check("input[name=length][value=text]")
    page.select_option("select[name=difficulty]", "easy")
    page.get_by_role("button", name="Start the test").click()
    page.wait_for_url(re.compile(r".*/skills/typing/\d+/$"))
    site.audit()

    attempt = TypingAttempt.objects.get(user=alice)
    text = attempt.text
    box = page.locator("#typing-input")
    box.click()
    # About 14 keys a second: quick, but under the scorer's limit for human typing.
    # A typo corrected at once, then the rest of the text with one word left wrong.
    page.keyboard.type(text[:10], delay=70)
    page.keyboard.type("#", delay=70)
    page.keyboard.press("Backspace")
    rest = text[10:]
    last_space = rest.rfind(" ")
    wrong_word = rest[:last_space] + " " + "x" * (len(rest) - last_space - 1)
    page.keyboard.type(wrong_word[:-1], delay=70)
    page.get_by_role("button", name="Finish now").click()

    expect(page.locator("#result-wpm")).to_be_visible(timeout=15000)
    site.audit()
    attempt.refresh_from_db()
    assert attempt.status == "scored"
    assert 0 < attempt.accuracy < 100
    assert attempt.wpm > 0
    assert attempt.log["text"] == text
    assert attempt.result["keystrokes"]["backspaces"] >= 1
    expect(page.locator("main")).to_contain_text("How you compare")
    expect(page.locator("main")).to_contain_text("International voice")
    expect(page.locator("main svg polyline")).to_have_count(1)

    page.get_by_role("button", name="Drill these words").click()
    page.wait_for_url(re.compile(r".*/skills/typing/\d+/$"))
    expect(page.locator("h1")).to_contain_text("drill")
    site.audit()

    site.go("/skills/typing/history/")
    expect(page.locator("main table tbody tr")).to_have_count(1)
