"""A candidate keys customer records from the source document into the form in Chromium,
with one slip, and gets KPH, field accuracy and the field to check."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in


def test_a_candidate_keys_records_and_sees_kph_and_the_field_to_fix(site, alice, password):
    from launchpad.skills.models import DataEntryAttempt

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/skills/")
    page.get_by_role("link", name="Take a data entry test").click()
    site.audit()
    page.check("input[name=mode][value=records]")
    page.get_by_role("button", name="Show the records and start").click()
    page.wait_for_url(re.compile(r".*/skills/data-entry/\d+/$"))
    site.audit()

    attempt = DataEntryAttempt.objects.get(user=alice)
    for index, record in enumerate(attempt.records, 1):
        for name, value in record.items():
            typed = value.upper() if (index, name) == (1, "name") else value
            page.locator(f"#r{index}-{name}").press_sequentially(typed, delay=5)
    page.get_by_role("button", name="Submit my entries").click()

    expect(page.locator("#result-kph")).to_be_visible()
    site.audit()
    attempt.refresh_from_db()
    fields = len(attempt.records) * len(attempt.records[0])
    assert attempt.result["fields_right"] == fields - 1
    assert attempt.kph > 0
    expect(page.locator("main")).to_contain_text(attempt.records[0]["name"].upper())
    expect(page.locator("main")).to_contain_text("Fields to check")
