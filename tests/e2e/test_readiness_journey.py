"""A first-time visitor runs the whole readiness check without an account (a short profile,
then the four mini tests), signs up at the end, and finds the same report and a plan."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def _answer_quiz(site) -> None:
    page = site.page
    groups = page.locator("fieldset.quiz-item")
    for index in range(groups.count()):
        groups.nth(index).locator("input[type=radio]").first.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator("#result-percent")).to_be_visible()
    site.audit()


def _next_step(site, name: str) -> None:
    page = site.page
    page.get_by_role("button", name=re.compile(name)).click()
    site.audit()


def test_a_visitor_checks_readiness_signs_up_and_keeps_everything(site, password):
    from launchpad.accounts.models import User
    from launchpad.skills.models import QuizAttempt, TypingAttempt

    page = site.page
    site.go("/readiness/")
    page.get_by_role("button", name="Start the readiness check").click()
    page.wait_for_url("**/readiness/check/")
    site.audit()
    guest = User.objects.get(is_guest=True)
    expect(page.locator("main")).to_contain_text("0 of 5 steps done")

    page.get_by_role("link", name=re.compile("your short profile")).click()
    site.audit()
    page.select_option("select[name=country]", "IN")
    page.select_option("select[name=education_level]", "undergraduate")
    page.check("input[name=shift_availability][value=night]")
    page.check("input[name=work_types][value=chat-email]")
    page.select_option("select[name=english_level]", "fluent")
    page.check("input[name=adult][value=yes]")
    page.check("input[name=on_site][value=yes]")
    page.fill("input[name=notice_days]", "0")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/readiness/check/")
    expect(page.locator("main")).to_contain_text("1 of 5 steps done")

    # Leaving and coming back resumes where the visitor was.
    site.go("/explore/")
    site.go("/readiness/")
    page.get_by_role("button", name="Continue where you left off").click()
    page.wait_for_url("**/readiness/check/")

    _next_step(site, "Typing, 1 minute")
    page.wait_for_url(re.compile(r".*/skills/typing/\d+/$"))
    attempt = TypingAttempt.objects.get(user=guest)
    page.locator("#typing-input").click()
    page.keyboard.type(attempt.text[:60], delay=70)
    page.get_by_role("button", name="Finish now").click()
    expect(page.locator("#result-wpm")).to_be_visible(timeout=15000)
    site.audit()
    page.get_by_role("link", name="Continue the readiness check").click()

    for step in ("English, 10 questions", "Customer-service judgment", "Computer skills"):
        _next_step(site, step)
        page.wait_for_url(re.compile(r".*/skills/attempts/\d+/$"))
        _answer_quiz(site)
        page.get_by_role("link", name="Continue the readiness check").click()

    page.wait_for_url("**/readiness/report/")
    site.audit()
    assert QuizAttempt.objects.filter(user=guest, is_mini=True, status="scored").count() == 3
    expect(page.locator("main")).to_contain_text("Best fit for you now")
    best_fit = page.locator("ol.best-fit").inner_text()
    first_index = page.locator(".track-report .index-value").first.inner_text()
    expect(page.locator(".track-report").first.locator(".knockouts")).to_contain_text("Pass")

    page.get_by_role("link", name="Sign up to keep my results").click()
    site.audit()
    page.fill("input[name=full_name]", "Priya Nair")
    page.fill("input[name=email]", "priya@example.com")
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/readiness/report/")
    site.audit()

    guest.refresh_from_db()
    assert not guest.is_guest and guest.email == "priya@example.com"
    assert page.locator("ol.best-fit").inner_text() == best_fit
    assert page.locator(".track-report .index-value").first.inner_text() == first_index
    expect(page.locator("#guest-signup")).to_have_count(0)

    site.go("/goals/")
    expect(page.locator("main")).to_contain_text("How ready you are")
    expect(page.locator("main")).to_contain_text("This week's plan")
    assert page.locator("main .plan-items li").count() >= 1
    page.get_by_role("link", name="See the whole plan").click()
    site.audit()
    first = page.locator(".plan-item").first
    first.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.locator(".plan-item").first).to_contain_text("Done")
    expect(
        page.locator(".plan-item").first.get_by_role("button", name=re.compile("^Undo"))
    ).to_be_visible()
