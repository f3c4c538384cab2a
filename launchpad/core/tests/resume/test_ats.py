"""What an ATS sees: each check on hand-built resumes and layouts, and the report's shape."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from launchpad.core.resume.ats import (
    ATS_RULES_VERSION,
    LAYOUT_CHECKS,
    MISSPELLINGS,
    AtsReport,
    Finding,
    Severity,
    ats_check,
)
from launchpad.core.resume.types import Layout

PROBLEM, WARNING, GOOD = Severity.PROBLEM, Severity.WARNING, Severity.GOOD

# A fresher in India with a one-page resume: every check passes on it.
BULLETS = [
    "Answered 40+ student e-mails a day at the college help desk",
    "Resolved fee and timetable queries for 300 students",
    "Trained 5 juniors on the library's ticket tracker",
]
FRESHER = {
    "basics": {
        "name": "Priya Sharma",
        "label": "Fresher seeking a chat support role",
        "email": "priya.sharma@example.com",
        "phone": "+91 98765 43210",
        "summary": "Commerce graduate with clear written English and a 38 WPM typing speed.",
    },
    "education": [{"institution": "Mount Carmel College", "studyType": "B.Com",
                   "startDate": "2021-06", "endDate": "2024-05"}],
    "projects": [{"name": "College help desk", "highlights": BULLETS}],
    "skills": [{"name": "Computer", "keywords": ["MS Excel", "Google Sheets"]}],
}  # fmt: skip
BODY = "\n".join(["Priya Sharma", "priya.sharma@example.com", "+91 98765 43210", "Summary",
                  *(["Commerce graduate with clear written English."] * 40), "Education",
                  "Skills", *BULLETS])  # fmt: skip
LAYOUT = Layout(
    file_type="pdf",
    file_size=180_000,
    pages=1,
    columns=1,
    word_count=420,
    headings=("Summary", "Education", "Projects", "Skills"),
)


def resume(**changes):
    data = copy.deepcopy(FRESHER)
    data.update(changes)
    return data


def basics(**changes):
    return resume(basics={**FRESHER["basics"], **changes})


def layout(**changes):
    return dataclasses.replace(LAYOUT, **changes)


def check(key, data=None, the_layout=LAYOUT, text=BODY) -> Finding:
    return ats_check(FRESHER if data is None else data, the_layout, text).finding(key)


def test_a_clean_fresher_resume_has_only_good_findings():
    report = ats_check(FRESHER, LAYOUT, BODY)
    assert [f.key for f in report.findings] == [
        "contact", "contact_placement", "headings", "dates", "columns", "images", "file_size",
        "tables", "length", "action_verbs", "quantified", "spelling",
    ]  # fmt: skip
    assert {f.severity for f in report.findings} == {GOOD}, [
        f.detail for f in report.findings if f.severity is not GOOD
    ]
    assert report.summary() == {"problem": 0, "warning": 0, "good": 12, "skipped": 0}


def test_every_finding_explains_itself_and_every_non_good_one_says_how_to_fix_it():
    bad = resume(basics={"name": ""}, work=[{"position": "Agent", "startDate": "June 2022"}])
    report = ats_check(bad, layout(columns=2, images=3, image_only_pages=1, tables=1,
                                   file_size=6_000_000, pages=3), "recieve the the")  # fmt: skip
    for finding in report.findings:
        assert finding.title and finding.detail and finding.why_it_matters
        if finding.severity is not GOOD:
            assert finding.how_to_fix, finding.key


# ------------------------------------------------------------------ contact details


@pytest.mark.parametrize(
    ("data", "text", "severity", "detail"),
    [
        (FRESHER, BODY, GOOD, "Name 'Priya Sharma', e-mail priya.sharma@example.com, phone"),
        (basics(name=""), BODY, PROBLEM, "Missing: name."),
        (basics(email="", phone=""), "no details here", PROBLEM, "Missing: e-mail, phone."),
        (basics(email="priya@"), BODY, PROBLEM, "The e-mail 'priya@' is not a valid address."),
        (basics(email=""), "Mail me: priya@example.com", WARNING,
         "An e-mail (priya@example.com) is in the text but was not read as your contact e-mail"),
        (basics(phone=""), "Call +63 917 555 0123 after 6", WARNING,
         "A phone number (+63 917 555 0123) is in the text but was not read"),
        (basics(phone="555-1234"), BODY, WARNING, "The phone '555-1234' has 7 digits"),
        (basics(name="", phone="12345"), BODY, PROBLEM, "Missing: name; the phone '12345' has 5"),
        (resume(basics="not a mapping"), "", PROBLEM, "Missing: name, e-mail, phone."),
    ],
)  # fmt: skip
def test_contact_details_are_present_and_well_formed(data, text, severity, detail):
    finding = check("contact", data, text=text)
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


@pytest.mark.parametrize(
    ("header", "text", "severity", "detail"),
    [
        ("", BODY, GOOD, "The file has no header or footer text."),
        ("Priya Sharma | Resume", BODY, GOOD, "Your contact details are in the body of the page."),
        ("Priya Sharma\npriya.sharma@example.com | +91 98765 43210",
         "Priya Sharma\npriya.sharma@example.com | +91 98765 43210\nSummary\nEducation", PROBLEM,
         "Only in the page header or footer: name (Priya Sharma), e-mail "
         "(priya.sharma@example.com), phone (+91 98765 43210)."),
        ("Tel. 98765 43210", "Priya Sharma\npriya.sharma@example.com\nTel. 98765 43210", PROBLEM,
         "Only in the page header or footer: phone (+91 98765 43210)."),
    ],
)  # fmt: skip
def test_contact_details_only_in_headers_or_footers_are_a_problem(header, text, severity,
                                                                    detail):  # fmt: skip
    finding = check("contact_placement", the_layout=layout(header_footer_text=header), text=text)
    assert (finding.severity, finding.detail) == (severity, detail)


def test_contact_placement_reads_a_resume_without_basics():
    finding = check("contact_placement", resume(basics=None), layout(header_footer_text="x"))
    assert finding.severity is GOOD


# ------------------------------------------------------------------ headings


@pytest.mark.parametrize(
    ("headings", "severity", "detail"),
    [
        (("PROFILE", "Work Experience & Internships", "Educational Qualifications",
          "Key Skills", "Languages Known", "Declaration"), GOOD, "All headings are standard"),
        ((), WARNING, "We found no section headings in the file."),
        (("My Journey", "Education", "Toolbox"), WARNING,
         "Headings an ATS may not recognise: 'My Journey', 'Toolbox'; no skills heading."),
        (("Summary", "Experience"), WARNING, "No education or skills heading."),
    ],
)  # fmt: skip
def test_headings_are_compared_with_the_standard_names(headings, severity, detail):
    finding = check("headings", the_layout=layout(headings=headings))
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


def test_without_a_file_the_resume_sections_stand_for_the_headings():
    assert check("headings", the_layout=None).detail == (
        "Sections filled in: summary, education, skills, projects. The app's exports print "
        "them under standard headings."
    )
    thin = resume(basics={"name": "A"}, skills=[])
    finding = check("headings", thin, the_layout=None)
    assert finding.severity is WARNING
    assert finding.detail == "Sections filled in: education, projects. Missing: skills."
    empty = ats_check({}, None, "").finding("headings")
    assert empty.detail == "Sections filled in: none. Missing: education, skills."


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("changes", "severity", "detail"),
    [
        ({}, GOOD, "Every job and course has dates we can read."),
        ({"work": [{"position": "Intern", "startDate": "2023-05", "endDate": "2023-07-31"}]},
         GOOD, "Every job"),
        ({"work": [{"position": "Intern", "endDate": "2023"}]}, WARNING,
         "Work[0] has no start date."),
        ({"education": [{"institution": "X"}]}, WARNING, "Education[0] has no dates."),
        ({"work": [{"startDate": "June 2022"}]}, PROBLEM,
         "Unreadable: work[0].startDate 'June 2022'."),
        ({"work": [{"startDate": "2022-13"}]}, PROBLEM, "Unreadable: work[0].startDate '2022-13'"),
        ({"work": [{"startDate": "2022-02-30"}]}, PROBLEM, "Unreadable: work[0].startDate"),
        ({"work": [{"startDate": 2022}]}, PROBLEM, "Unreadable: work[0].startDate '2022'."),
        ({"awards": [{"title": "Best", "date": "last year"}]}, PROBLEM,
         "Unreadable: awards[0].date 'last year'."),
        ({"work": [{"startDate": "2023", "endDate": "2022-05"}]}, PROBLEM,
         "Work[0] ends before it starts."),
        ({"work": [{"startDate": "2023-06", "endDate": "2023-02"}]}, PROBLEM,
         "Work[0] ends before it starts."),
        ({"work": [{"startDate": "2023-06-20", "endDate": "2023-06-02"}]}, PROBLEM,
         "Work[0] ends before it starts."),
        ({"work": [{"startDate": "2023-06", "endDate": "2023"}]}, GOOD, "Every job"),
        ({"work": [{"startDate": "x"}, {"endDate": "2020"}], "education": [{}]}, PROBLEM,
         "Unreadable: work[0].startDate 'x'. Work[1] has no start date; education[0] has no "
         "dates."),
    ],
)  # fmt: skip
def test_dates_are_readable_and_every_job_and_course_has_them(changes, severity, detail):
    finding = check("dates", resume(**changes))
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


def test_a_long_list_of_date_issues_is_shortened():
    work = [{"position": f"Job {n}"} for n in range(7)]
    finding = check("dates", resume(work=work))
    assert finding.detail.endswith("work[4] has no start date; and 2 more.")


# ------------------------------------------------------------------ the file's layout


@pytest.mark.parametrize(
    ("changes", "key", "severity", "detail"),
    [
        ({"columns": 2}, "columns", WARNING, "The text sits in 2 columns."),
        ({}, "columns", GOOD, "The text is in a single column."),
        ({"images": 2, "image_only_pages": 1, "pages": 2}, "images", PROBLEM,
         "1 of 2 page(s) are images with no text we can read"),
        ({"images": 1}, "images", WARNING, "The file has 1 image(s) (a photo, logo or icons)."),
        ({}, "images", GOOD, "The file has no images."),
        ({"file_size": 6 * 1024 * 1024}, "file_size", PROBLEM,
         "The file is 6.0 MB, over the 5 MB limit many portals set."),
        ({"file_size": 3 * 1024 * 1024}, "file_size", WARNING, "The file is 3.0 MB, over 2 MB."),
        ({"file_size": 2 * 1024 * 1024}, "file_size", GOOD, "The file is 2.0 MB."),
        ({}, "file_size", GOOD, "The file is 176 KB."),
        ({"tables": 2, "file_type": "docx"}, "tables", WARNING, "The DOCX file has 2 table(s)."),
        ({}, "tables", GOOD, "The file has no tables."),
    ],
)  # fmt: skip
def test_the_file_layout_checks(changes, key, severity, detail):
    finding = check(key, the_layout=layout(**changes))
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


def test_without_a_layout_the_layout_checks_are_skipped_and_said_so():
    report = ats_check(FRESHER, None, "")
    assert [s.key for s in report.skipped] == list(LAYOUT_CHECKS)
    assert all("built in the app" in s.reason for s in report.skipped)
    assert not {f.key for f in report.findings} & set(LAYOUT_CHECKS)
    assert report.summary()["skipped"] == 5


# ------------------------------------------------------------------ length


WORK = [{"name": "Acme BPO", "position": "Customer Care Executive", "startDate": "2022-01",
         "highlights": BULLETS}]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "changes", "severity", "detail"),
    [
        (FRESHER, {}, GOOD, "420 words on 1 page(s): a good length."),
        (FRESHER, {"word_count": 700}, WARNING,
         "700 words on 1 page(s); you are a fresher (no work entries other than internships or "
         "training), so aim for one page of 250-600 words."),
        (FRESHER, {"pages": 2, "word_count": 550}, WARNING, "550 words on 2 page(s); you are"),
        (resume(work=WORK), {"pages": 2, "word_count": 800}, GOOD, "800 words on 2 page(s)"),
        (resume(work=WORK), {"pages": 3, "word_count": 1300}, WARNING,
         "1300 words on 3 page(s): more than 2 pages."),
        (FRESHER, {"word_count": 120}, WARNING, "120 words on 1 page(s): thin, under 250 words."),
        (resume(work=[{"position": "OJT trainee", "name": "Call centre"}]), {"word_count": 700},
         WARNING, "700 words on 1 page(s); you are a fresher"),
    ],
)  # fmt: skip
def test_length_fits_a_fresher_on_one_page_and_anyone_on_two(data, changes, severity, detail):
    finding = check("length", data, layout(**changes))
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


def test_without_a_layout_length_counts_the_text_or_the_resume_itself():
    words = " ".join(["word"] * 1200)
    assert check("length", resume(work=WORK), None, words).detail.startswith(
        "1200 words (about 3 page(s) at 500 words a page): more than 2 pages."
    )
    from_resume = check("length", FRESHER, None, "")
    assert from_resume.detail.startswith("57 words (about 1 page(s)")
    assert from_resume.severity is WARNING


# ------------------------------------------------------------------ bullet points


def test_bullets_that_start_with_an_action_verb_are_good():
    finding = check("action_verbs")
    assert (finding.severity, finding.detail) == (
        GOOD, "3 of 3 bullet points start with an action verb.")  # fmt: skip


def test_bullets_with_weak_openers_are_listed():
    weak = [
        "Responsible for answering calls",
        "Handling 60 calls a day",
        "Billing and chats",
        "Helped the team lead",
        "- Worked on billing queries",
        "Resolved 30 chats a day",
    ]
    finding = check("action_verbs", resume(projects=[{"name": "P", "highlights": weak}]))
    assert finding.severity is WARNING
    assert finding.detail == (
        "3 of 6 bullet points start with an action verb; these do not: projects[0].highlights[0] "
        "'Responsible for answering calls'; projects[0].highlights[2] 'Billing and chats'; "
        "projects[0].highlights[4] '- Worked on billing queries'."
    )


def test_a_resume_without_bullets_is_told_to_add_them():
    bare = resume(projects=[{"name": "P", "highlights": "not a list"}])
    for key in ("action_verbs", "quantified"):
        finding = check(key, bare)
        assert finding.severity is WARNING
        assert "no bullet points" in finding.detail


def test_bullets_across_work_volunteering_and_projects_are_read():
    data = resume(work=[{"highlights": ["Handled 50 calls a day", "  "]}],
                  volunteer=[{"highlights": ["Taught 20 children to type"]}])  # fmt: skip
    assert check("action_verbs", data).detail == "5 of 5 bullet points start with an action verb."


@pytest.mark.parametrize(
    ("bullets", "severity", "detail"),
    [
        (BULLETS, GOOD, "3 of 3 bullet points hold a number or a KPI (projects[0].highlights[0]; "
         "projects[0].highlights[1]; projects[0].highlights[2])."),
        (["Kept CSAT high", "Answered calls", "Helped customers"], GOOD,
         "1 of 3 bullet points hold a number or a KPI"),
        (["Answered calls", "Helped customers", "Resolved chats", "Closed tickets"], WARNING,
         "0 of 4 bullet points hold a number or a KPI."),
        (["Cut AHT", "Answered calls", "Helped customers", "Resolved chats"], WARNING,
         "1 of 4 bullet points hold a number or a KPI."),
    ],
)  # fmt: skip
def test_achievements_are_quantified(bullets, severity, detail):
    finding = check("quantified", resume(projects=[{"name": "P", "highlights": bullets}]))
    assert finding.severity is severity
    assert finding.detail.startswith(detail), finding.detail


# ------------------------------------------------------------------ spelling


def test_common_misspellings_and_repeated_words_are_flagged():
    text = "I recieve calls. Recieve the the chats and had had lunch. Custmer care, that that."
    finding = check("spelling", text=text)
    assert finding.severity is WARNING
    assert finding.detail.startswith(
        "Misspelt: 'custmer' (→ customer), 'recieve' (→ receive) ×2; repeated: 'the the'. We "
        f"check a list of {len(MISSPELLINGS)} common misspellings"
    )
    assert "not a full spell check" in finding.detail


def test_spelling_without_text_reads_the_resume_and_admits_its_limits():
    data = resume(projects=[{"name": "P", "highlights": ["Acheived targets"]}])
    assert check("spelling", data, text="").detail.startswith("Misspelt: 'acheived' (→ achieved)")
    good = check("spelling", text="Handled customer calls.")
    assert good.severity is GOOD
    assert "not a full spell check" in good.detail
    assert check("spelling", text="Is is").detail.startswith("Repeated: 'Is is'.")


# ------------------------------------------------------------------ the report


def test_the_report_is_json_ready_and_carries_the_rules_version():
    report = ats_check(basics(name=""), None, "")
    data = report.to_dict()
    assert data["version"] == ATS_RULES_VERSION
    assert data["summary"] == report.summary()
    assert data["summary"]["problem"] == 1
    assert data["findings"][0] == {
        "key": "contact", "severity": "problem", "title": "Contact details",
        "detail": "Missing: name.", "why_it_matters": report.findings[0].why_it_matters,
        "how_to_fix": report.findings[0].how_to_fix,
    }  # fmt: skip
    assert data["skipped"][0]["key"] == "contact_placement"
    assert isinstance(report, AtsReport)
