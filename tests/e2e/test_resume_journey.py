"""A candidate uploads a resume, corrects a field, matches it against a pasted job, drafts
and edits a cover letter, tailors a copy for the job and downloads it as PDF and Word."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.test_typing_journey import sign_in

FIXTURES = Path(__file__).resolve().parents[2] / "launchpad/core/tests/resume/fixtures"
JOB = """Chat Support Associate (International process)
Requirements:
- Any graduate with excellent written English
- Typing speed of 30 WPM
- Willing to work night shifts
- Experience with CRM tools such as Zendesk is a plus
Responsibilities:
- Handle customer chats and e-mails
- Meet CSAT and AHT targets
- Escalate unresolved issues to the team leader
"""


def test_a_candidate_uploads_matches_tailors_and_downloads(site, alice, password, tmp_path):
    from launchpad.resumes.models import Resume

    page = site.page
    sign_in(site, alice.email, password)
    site.go("/resumes/")
    page.get_by_role("link", name="Upload a PDF or DOCX").click()
    site.audit()
    page.set_input_files("input[name=file]", str(FIXTURES / "in_fresher_a_single.pdf"))
    page.get_by_role("button", name="Upload and read it").click()
    page.wait_for_url(re.compile(r".*/resumes/uploads/\d+/review/$"))
    site.audit()
    expect(page.locator("input[name=basics-name]")).to_have_value("Ishita Kulkarni")

    page.fill("input[name=basics-label]", "Chat and e-mail support fresher")
    page.get_by_role("button", name="Save as a resume").click()
    page.wait_for_url(re.compile(r".*/resumes/\d+/$"))
    site.audit()
    resume = Resume.objects.get(user=alice)
    assert resume.versions.get().data["basics"]["label"] == "Chat and e-mail support fresher"
    expect(page.locator(".resume-preview")).to_contain_text("Chat and e-mail support fresher")

    page.get_by_role("link", name="What an ATS sees").click()
    site.audit()
    expect(page.locator("main")).to_contain_text("Why it matters")
    page.go_back()

    page.get_by_role("link", name="Match against a job").click()
    site.audit()
    page.fill("input[name=title]", "Chat Support Associate")
    page.fill("input[name=company]", "Example Outsourcing")
    page.fill("textarea[name=text]", JOB)
    page.get_by_role("button", name="Match").click()
    page.wait_for_url(re.compile(r".*/resumes/\d+/match/\d+/$"))
    site.audit()
    score = int(page.locator("#match-score").inner_text().split("/")[0].strip())
    assert 0 <= score <= 100
    expect(page.locator("main")).to_contain_text("How the score is worked out")

    match_url = page.url
    page.get_by_role("button", name="Draft a cover letter for this job").click()
    page.wait_for_url(re.compile(r".*/resumes/letters/\d+/$"))
    site.audit()
    opening = page.locator("textarea[name=paragraph-role]")
    expect(opening).to_contain_text("Chat Support Associate")
    opening.fill("I would like to join Example Outsourcing's chat team.")
    page.get_by_role("button", name="Save the letter").click()
    expect(page.locator("textarea[name=paragraph-role]")).to_have_value(
        "I would like to join Example Outsourcing's chat team."
    )
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    assert info.value.suggested_filename.endswith(".pdf")
    page.goto(match_url)

    page.check("input[name=headline]")
    page.get_by_role("button", name="Tailor a copy for this job").click()
    page.wait_for_url(re.compile(r".*/resumes/\d+/$"))
    site.audit()
    copy = Resume.objects.get(user=alice, source="tailored")
    assert copy.tailored_from == resume and copy.job.title == "Chat Support Associate"
    assert copy.versions.get().data["basics"]["label"] == "Chat Support Associate"

    page.locator("details.exports summary").click()
    for name, extension in (("PDF (classic)", ".pdf"), ("Word (.docx)", ".docx")):
        with page.expect_download() as info:
            page.get_by_role("link", name=name).click()
        download = info.value
        assert download.suggested_filename.endswith(extension)
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        head = saved.read_bytes()[:4]
        assert head == (b"%PDF" if extension == ".pdf" else b"PK\x03\x04")
