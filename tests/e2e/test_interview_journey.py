"""A candidate practises three operations questions (recording the first one), reads the
feedback and rates each; comes back the next day (the server's clock moved) to find them due
and the coach asking one of them first; then runs a mock interview day and downloads its
report as a PDF."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in

ANSWER = (
    "Last year at my previous job in a telecom process, a customer called very angry about a "
    "double charge. My job was to calm him down and fix the bill on that call. I listened "
    "without interrupting, I apologised, I checked his account and I raised a refund, then I "
    "explained when he would see it. As a result he thanked me, the issue was resolved on the "
    "first call and our team's CSAT went up by 5% that month."
)


@pytest.fixture
def tomorrow(monkeypatch):
    """Moves the server's clock (the live server runs in this process) one day ahead."""
    from django.utils import timezone

    real_now = timezone.now

    def move() -> None:
        monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=1))

    return move


def answer_question(site, text: str = ANSWER) -> str:
    page = site.page
    prompt = page.locator("#question-prompt").inner_text()
    expect(page.locator("#timer-clock")).to_be_visible()
    page.fill("textarea[name=text]", text)
    expect(page.locator("#word-count")).to_contain_text("words")
    return prompt


def test_practise_feedback_next_day_review_and_mock_report(site, alice, password, tomorrow):
    from launchpad.interview.models import Answer, ReviewCard

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/interview/")
    page.select_option("select[name=round]", "operations")
    page.get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Start practice").click()
    page.wait_for_url(re.compile(r".*/interview/sessions/\d+/$"))
    site.audit()

    practised = []
    for number in range(1, 4):
        expect(page.locator("#progress-label")).to_have_text(f"Question {number} of 3")
        practised.append(answer_question(site))
        if number == 1:
            page.get_by_role("button", name="Record my answer").click()
            expect(page.locator("#record-status")).to_contain_text("Recording")
            page.wait_for_timeout(1200)
            page.get_by_role("button", name="Stop recording").click()
            expect(page.locator("#record-preview")).to_be_visible()
        page.get_by_role("button", name="Submit and see feedback").click()
        page.wait_for_url(re.compile(r".*/interview/answers/\d+/$"))
        site.audit()
        expect(page.locator(".feedback")).to_contain_text("Talking points")
        expect(page.locator(".feedback")).to_contain_text("Structure: situation, task")
        if number == 1:
            expect(page.locator("#playback")).to_be_visible()
            expect(page.locator("#playback-audio")).to_have_attribute("src", re.compile("^blob:"))
        page.get_by_role("button", name=re.compile("^Good")).click()

    page.wait_for_url(re.compile(r".*/interview/sessions/\d+/report/$"))
    site.audit()
    expect(page.locator("main")).to_contain_text("Talking points covered")
    assert ReviewCard.objects.filter(user=alice, last_quality=4).count() == 3
    assert Answer.objects.filter(session__user=alice, feedback__isnull=False).count() == 3

    tomorrow()
    site.go("/interview/")
    expect(page.locator("#due-count")).to_have_text("3")
    page.get_by_role("button", name="Start practice").click()
    page.wait_for_url(re.compile(r".*/interview/sessions/\d+/$"))
    assert page.locator("#question-prompt").inner_text() in practised

    site.go("/interview/")
    page.get_by_role("button", name="Start a mock interview").click()
    page.wait_for_url(re.compile(r".*/interview/sessions/\d+/$"))
    site.audit()
    expect(page.locator(".session-meta")).to_contain_text("Mock interview")
    total = int(re.search(r"of (\d+)", page.locator("#progress-label").inner_text()).group(1))
    assert total == 10
    for _ in range(total):
        answer_question(site)
        page.get_by_role("button", name="Submit and go on").click()
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r".*/interview/sessions/\d+/report/$"))
    site.audit()
    expect(page.locator("h1")).to_have_text("Mock interview report")
    expect(page.locator("main")).to_contain_text("HR round")
    expect(page.locator("main")).to_contain_text("Operations round")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download the report (PDF)").click()
    download = info.value
    assert download.suggested_filename.startswith("mock-interview-")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
