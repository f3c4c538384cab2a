"""A trainer imports a file of postings (one bad row is skipped with its reason); a candidate
searches them ranked by her resume, opens a match, tracks a job and moves its card through
the hiring stages on the board (an illegal move is refused), adds a recruiter and a
follow-up, sees it on the dashboard and downloads her calendar file."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in

POSTINGS = Path(__file__).resolve().parent / "fixtures" / "postings.csv"
RESUME = {
    "basics": {"name": "Alice Fernandes", "label": "Chat support fresher",
               "email": "alice@example.com"},
    "work": [{"name": "Acme Retail", "position": "Customer support intern",
              "startDate": "2025-06", "endDate": "2025-12",
              "highlights": ["Handled customer chats and e-mails in Zendesk",
                             "Kept CSAT above 90% for three months"]}],
    "education": [{"institution": "Pune University", "studyType": "B.Com", "area": "Commerce",
                   "endDate": "2025-05"}],
    "skills": [{"name": "Customer support", "keywords": ["Zendesk", "Typing 40 WPM"]}],
}  # fmt: skip


def test_import_search_track_move_network_and_calendar(site, alice, bob, password):
    from launchpad.applications.models import Application
    from launchpad.resumes.services import resume_create

    page = site.page
    # A trainer imports the postings.
    site.go("/accounts/login/")
    page.fill("input[name=username]", bob.email)
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    site.go("/jobs/import/")
    page.set_input_files("input[name=file]", str(POSTINGS))
    page.get_by_role("button", name="Import the file").click()
    page.wait_for_url(re.compile(r".*/jobs/import/\d+/$"))
    site.audit()
    expect(page.locator("#run-created")).to_have_text("3")
    expect(page.locator("#run-skipped")).to_have_text("1")
    expect(page.locator("#skipped-rows")).to_contain_text("title")
    page.context.clear_cookies()

    # The candidate searches, ranked by her resume.
    resume_create(user=alice, title="Chat support resume", data=RESUME)
    sign_in(site, alice.email, password)
    site.go("/jobs/")
    expect(page.locator("#result-count")).to_contain_text("3 jobs")
    page.locator("form.job-search input[name=q]").fill("chat")
    page.locator("form.job-search button[type=submit]").click()
    page.wait_for_load_state()
    site.audit()
    expect(page.locator("#result-count")).to_contain_text("1 job")
    expect(page.locator(".job-match").first).to_contain_text("/ 100")
    page.get_by_role("link", name="Chat Support Associate").click()
    page.wait_for_url(re.compile(r".*/jobs/\d+/$"))
    site.audit()
    expect(page.locator("#match-score")).to_have_text(re.compile(r"^\d+$"))

    page.get_by_role("button", name="Open the full match in the resume studio").click()
    page.wait_for_url(re.compile(r".*/resumes/\d+/match/\d+/$"))
    site.audit()
    page.go_back()

    # Track it and move the card through the stages.
    page.get_by_role("button", name="Track this job in my applications").click()
    page.wait_for_load_state()
    application = Application.objects.get(user=alice)
    assert application.title == "Chat Support Associate"
    site.go("/applications/")
    card = page.locator(f"#application-{application.pk}")
    for stage in ("applied", "hr_screen", "assessment"):
        card.locator("select[name=to_stage]").select_option(stage)
        card.get_by_role("button", name=re.compile("^Move")).click()
        expect(page.locator(f"#column-{stage} #application-{application.pk}")).to_be_visible()
        card = page.locator(f"#application-{application.pk}")
    site.audit()
    card.locator("select[name=to_stage]").select_option("production")
    card.get_by_role("button", name=re.compile("^Move")).click()
    expect(page.locator("#board-status")).to_contain_text(re.compile("offer", re.I))
    expect(page.locator(f"#column-assessment #application-{application.pk}")).to_be_visible()
    application.refresh_from_db()
    assert application.stage == "assessment"
    assert list(application.stage_changes.values_list("to_stage", flat=True)) == [
        "saved", "applied", "hr_screen", "assessment",
    ]  # fmt: skip

    # A recruiter and a follow-up, on the dashboard and in the calendar.
    site.go("/network/contacts/new/")
    page.get_by_label("Name", exact=True).fill("Ravi Kumar")
    page.get_by_label("Company").fill("Globex Services")
    page.get_by_role("button", name="Save the contact").click()
    page.wait_for_url(re.compile(r".*/network/contacts/\d+/$"))
    site.audit()
    page.get_by_role("link", name="Add a follow-up").click()
    page.wait_for_load_state()
    site.audit()
    page.get_by_label("What to do").fill("Send Ravi my resume")
    page.get_by_role("button", name="Save the follow-up").click()
    page.wait_for_url(re.compile(r".*/network/contacts/\d+/$"))
    expect(page.locator("main")).to_contain_text("Send Ravi my resume")
    site.go("/goals/")
    expect(page.locator("main")).to_contain_text("Send Ravi my resume")

    site.go("/network/calendar/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the calendar file (.ics)").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Follow up: Send Ravi my resume" in unfolded
    assert text.rstrip().endswith("END:VCALENDAR")
