"""The resume parser's pieces, table-driven: phones, dates, headings, degrees, scores, lists,
places, and small documents built in the test for the layouts the fixtures do not cover."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st
from weasyprint import HTML

from launchpad.core.resume.parse import parse_bytes
from launchpad.core.resume.parse_basics import normalise_phone
from launchpad.core.resume.parse_common import (
    find_place,
    is_sensitive,
    join_broken,
    title_case,
)
from launchpad.core.resume.parse_dates import find_range, mend_split_range, mend_wrapped_row
from launchpad.core.resume.parse_entries import find_degree
from launchpad.core.resume.parse_fields import build_resume
from launchpad.core.resume.parse_pdf import Word, find_gutter
from launchpad.core.resume.parse_sections import classify_heading, split_sections
from launchpad.core.resume.parse_types import Extraction, Line, strip_bullet
from launchpad.core.resume.schema import validate_resume
from launchpad.core.resume.types import Layout

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def resume_from(*texts: str, **line_options) -> tuple[dict, dict, tuple, tuple]:
    """Build a resume from lines of text (as a DOCX reader would give them); "- " starts a
    bullet, "**" a bold line."""
    lines = tuple(
        Line(text[2:], bullet=True, **line_options)
        if text.startswith("- ")
        else Line(text[2:], bold=True, **line_options)
        if text.startswith("**")
        else Line(text, **line_options)
        for text in texts
    )
    layout = Layout("docx", 1000, 1, 1, 100)
    resume, fields, headings, warnings = build_resume(Extraction(lines, layout))
    assert validate_resume(resume) == []
    return resume, {f.path: f for f in fields}, headings, warnings


def math_bold(text: str) -> str:
    """`text` in MATHEMATICAL BOLD letters (outside the BMP), as some resumes style names."""
    return "".join(
        chr(0x1D400 + ord(c) - ord("A"))
        if c.isupper()
        else chr(0x1D41A + ord(c) - ord("a"))
        if c.islower()
        else c
        for c in text
    )


def pdf(html: str) -> bytes:
    return HTML(
        string=f"<html><body style='font-family: DejaVu Sans'>{html}</body></html>"
    ).write_pdf()


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- phones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("+91 98765 43210", None, "+91 98765 43210"),
        ("+91-98765-43210", None, "+91 98765 43210"),
        ("0091 98765 43210", None, "+91 98765 43210"),
        ("098765-43210", None, "+91 98765 43210"),
        ("08123456789", None, "+91 81234 56789"),
        ("9876543210", None, "+91 98765 43210"),
        ("98765 43210", "PH", "+91 98765 43210"),  # grouped 5-5: Indian even here
        ("917 123 4567", "PH", "+63 917 123 4567"),
        ("919876543210", None, "+91 98765 43210"),
        ("639171234567", None, "+63 917 123 4567"),
        ("+63 917 123 4567", None, "+63 917 123 4567"),
        ("+639171234567", None, "+63 917 123 4567"),
        ("0917 123 4567", None, "+63 917 123 4567"),
        ("09171234567", "PH", "+63 917 123 4567"),
        ("09171234567", None, "+91 91712 34567"),
        ("+1 (415) 555-0142", None, "+1 (415) 555-0142"),
        ("(123) 456-7890", None, "(123) 456-7890"),
        ("022 2345 6789", None, "022 2345 6789"),
    ],
)
def test_phone_numbers_are_normalised_for_india_and_the_philippines(raw, country, expected):
    phone = normalise_phone(raw, country)

    assert phone is not None
    assert phone.value == expected


@pytest.mark.parametrize("raw", ["123 45 678", "2019 2020 2021 2022"])
def test_too_few_or_too_many_digits_are_not_a_phone(raw):
    assert normalise_phone(raw, None) is None


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("Jun 2022 – Present", "2022-06", None, True),
        ("06/2022 - 03/2024", "2022-06", "2024-03", False),
        ("2021-2023", "2021", "2023", False),
        ("2020-23", "2020", "2023", False),
        ("2022-06", None, "2022-06", False),
        ("Jun'22 to Mar'24", "2022-06", "2024-03", False),
        ("15 June 2022", None, "2022-06", False),
        ("Sept. 2020 – Current", "2020-09", None, True),
        ("2019 till date", "2019", None, True),
        ("Expected 2025", None, "2025", False),
        ("Working here since March 2021", "2021-03", None, True),
    ],
)
def test_date_ranges_become_iso_dates(text, start, end, ongoing):
    found = find_range(text)

    assert found is not None
    assert (found.start, found.end, found.ongoing) == (start, end, ongoing)


def test_text_without_a_date_has_no_range():
    assert find_range("Customer care executive") is None


def test_a_range_broken_over_two_lines_is_mended():
    assert mend_split_range("2017 – Product Manager, Google", "Present Leading teams") == (
        "2017 – Present   Product Manager, Google",
        "Leading teams",
    )
    assert mend_split_range("2017 – 2019 Product Manager", "Led teams") is None


def test_a_wrapped_row_is_mended_only_when_its_first_line_breaks_a_range():
    assert mend_wrapped_row(["Title — Company March", "Inc., Pune 2022 –", "City   Present"]) == (
        "Title — Company Inc., Pune City",
        "March 2022 – Present",
    )
    assert mend_wrapped_row(["Class XII (HSC), 2020", "B.Com 2020 – 2023"]) is None
    assert mend_wrapped_row(["Intern, 2019 – 2020", "Pune"]) is None
    assert mend_wrapped_row(["Intern – ", "Pune"]) is None
    assert mend_wrapped_row(["Intern"]) is None


# --- small helpers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Answered calls", (True, "Answered calls")),
        ("- Answered calls", (True, "Answered calls")),
        ("o Answered calls", (True, "Answered calls")),
        ("– 2019", (False, "– 2019")),
        ("Answered calls", (False, "Answered calls")),
    ],
)
def test_bullets_are_stripped(text, expected):
    assert strip_bullet(text) == expected


@pytest.mark.parametrize(
    ("previous", "text", "expected"),
    [
        ("Devel\u00ad", "oping", "Developing"),
        ("De\u00ad", "escalation", "De-escalation"),
        ("open\u00ad", "source", "open-source"),
        ("cloud-", "native", "cloud-native"),
        ("Answered", "calls", "Answered calls"),
    ],
)
def test_words_broken_at_a_line_end_are_joined(previous, text, expected):
    assert join_broken(previous, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maharashtra", (None, "Maharashtra", "IN")),
        ("Living in the Philippines", (None, None, "PH")),
        ("San Fernando, La Union", ("San Fernando", "La Union", "PH")),
        ("Bangalore", ("Bengaluru", "Karnataka", "IN")),
        ("Makati City", ("Makati", "Metro Manila", "PH")),
        ("Los Angeles, CA", None),
    ],
)
def test_places_are_found(text, expected):
    place = find_place(text)

    assert (None if place is None else (place.city, place.region, place.country)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of Birth: 14/08/2002", True),
        ("Father's Name - Suresh", True),
        ("Civil Status   Single", True),
        ("Date of birth 14/08/2002", True),
        ("Agent of the month", False),
        ("Languages Known: Hindi", False),
    ],
)
def test_personal_details_are_recognised(text, expected):
    assert is_sensitive(text) is expected


def test_title_case_keeps_roman_numerals_and_mixed_case():
    assert title_case("JUAN DELA CRUZ III") == "Juan Dela Cruz III"
    assert title_case("Priya Sharma") == "Priya Sharma"
    assert title_case("1234") == "1234"


# --- degrees --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "study_type", "area"),
    [
        ("B.com (Hons), 2021", "IN", "B.Com", "Hons"),
        ("BS Psychology, Cebu Normal College", "PH", "BS", "Psychology"),
        ("AB Communication, 2019", "PH", "AB", "Communication"),
        ("Bachelor of Science in Computer Science", None, "BS", "Computer Science"),
        ("Bachelor of Science in Physics", "IN", "B.Sc", "Physics"),
        ("BSIT, Cavite State College", "PH", "BSIT", None),
        ("Senior High School – ABM Strand", "PH", "Senior High School", "ABM"),
        ("12th (CBSE), Science, 2019", "IN", "Class XII", "Science"),
        ("SSC – 2017 – 88%", "IN", "Class X", None),
        ("Diploma in Hotel Management", "IN", "Diploma", "Hotel Management"),
        ("MBA (HSC)", "IN", "MBA", None),
        ("B.Tech in Computer Science from Pune Institute", "IN", "B.Tech", "Computer Science"),
        ("BBA University of Delhi", "IN", "BBA", None),
        ("PhD in Linguistics", None, "PhD", "Linguistics"),
    ],
)
def test_degrees_are_canonicalised_with_their_field(text, country, study_type, area):
    degree = find_degree(text, country)

    assert degree is not None
    assert (degree.study_type, degree.area) == (study_type, area)


@pytest.mark.parametrize("text", ["Quezon City National High School", "Customer care executive"])
def test_a_school_name_or_a_job_is_not_a_degree(text):
    assert find_degree(text, "PH") is None


# --- headings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "known_seen", "expected"),
    [
        (Line("EDUCATION"), False, "education"),
        (Line("Work Experience:"), False, "work"),
        (Line("Skills & Awards", bold=True), False, "skills"),
        (Line("Leadership"), True, None),  # a weak phrase needs a heading's look
        (Line("LEADERSHIP", bold=True), True, "volunteer"),
        (Line("Languages: Python, Java"), True, None),
        (Line("Languages Known: Hindi, English"), True, "languages"),
        (Line("PUBLICATIONS", bold=True), True, "other"),
        (Line("PUBLICATIONS", bold=True), False, None),
        (Line("Internship Programs Attended", size=16, style="Heading 2"), True, "internships"),
        (Line("Education", bullet=True), True, None),
        (Line("Education", region="header"), True, None),
        (
            Line("A very long line that mentions education and many other things at length"),
            True,
            None,
        ),
    ],
)
def test_headings_are_recognised_whatever_their_style(line, known_seen, expected):
    found = classify_heading(line, 10.0, known_seen)

    assert (None if found is None else found[0]) == expected


def test_page_header_lines_join_the_top_even_when_the_body_starts_with_a_heading():
    sections = split_sections(
        (Line("Priya Sharma", region="header"), Line("SUMMARY"), Line("Chat support."))
    )

    assert [(s.key, [line.text for line in s.lines]) for s in sections] == [
        ("top", ["Priya Sharma"]),
        ("summary", ["Chat support."]),
    ]


# --- fields from lines ----------------------------------------------------------------


def test_a_labelled_name_address_portfolio_and_untitled_summary():
    resume, fields, _, warnings = resume_from(
        "Curriculum Vitae",
        "Experienced chat support associate who resolves billing queries quickly and keeps "
        "customers happy across three shifts",
        "SKILLS",
        "- Typing (Advanced)",
        "- Typing (Advanced)",
        "- Zendesk, Freshdesk",
        "- 2023",
        "PERSONAL DETAILS",
        "Name: ROHAN MEHTA",
        "Mobile: 0 98765 43210",
        "Portfolio: www.example.com/rohan.",
        "Location: Navi Mumbai",
        "Gender: Male",
    )

    basics = resume["basics"]
    assert basics["name"] == "Rohan Mehta"
    assert fields["basics.name"].reasons == ("labelled 'Name:'",)
    assert basics["phone"] == "+91 98765 43210"
    assert "labelled as a phone number" in fields["basics.phone"].reasons
    assert basics["url"] == "https://www.example.com/rohan"
    assert basics["location"] == {
        "city": "Navi Mumbai",
        "region": "Maharashtra",
        "countryCode": "IN",
    }
    assert basics["summary"].startswith("Experienced chat support associate")
    assert fields["basics.summary"].confidence == 0.5
    assert "label" not in basics
    assert resume["skills"][:2] == [{"name": "Typing", "level": "Advanced"}, {"name": "Zendesk"}]
    assert "no e-mail address found" in warnings
    assert "Gender" in warnings[0]


def test_names_are_scored_and_other_top_lines_are_not_names():
    resume, fields, *_ = resume_from(
        " | ",
        "Customer Care Executive",
        "Navi Mumbai",
        "Juan Miguel Dela Cruz Santos",
        "juan.santos@example.com",
        "EXPERIENCE",
        "Chat Support Associate, Horizon BPO Services, Cebu City   2022 – Present",
    )

    assert resume["basics"]["name"] == "Juan Miguel Dela Cruz Santos"
    assert fields["basics.name"].confidence < 0.5  # five words, not the first line
    assert resume["work"][0]["location"] == "Cebu City"


def test_an_address_line_gives_the_location_when_the_top_has_none():
    resume, fields, *_ = resume_from(
        "Aarav Mehta",
        "EXPERIENCE",
        "Telecaller, Sunrise Services Pvt Ltd   2021 – 2022",
        "Address: 12 Lake Road, Kolkata",
    )

    assert resume["basics"]["location"]["city"] == "Kolkata"
    assert "on an address line" in fields["basics.location"].reasons


def test_a_region_alone_is_a_location_with_lower_confidence():
    resume, fields, *_ = resume_from("Aarav Mehta", "Maharashtra, India")

    assert resume["basics"]["location"] == {"region": "Maharashtra", "countryCode": "IN"}
    assert fields["basics.location"].confidence == 0.6


def test_list_sections_in_detail():
    resume, fields, *_ = resume_from(
        "Mae Garcia",
        "CERTIFICATIONS",
        "Six Sigma Yellow Belt (IASSC)",
        "ITIL 4 Foundation by PeopleCert, March 2023",
        "Customer Service Essentials, Zendesk",
        "Google Data Analytics Certificate",
        "Typing Master",
        "2023",
        "LANGUAGES",
        "English and Filipino",
        "English",
        "Cebuano | Conversational",
        "Spanish | Good",
        "HOBBIES",
        "Reading, Chess",
        "AWARDS",
        "Dean's Lister, 2019 – 2020",
    )

    certificates = resume["certificates"]
    assert certificates[0] == {"name": "Six Sigma Yellow Belt", "issuer": "IASSC"}
    assert certificates[1] == {
        "name": "ITIL 4 Foundation",
        "issuer": "PeopleCert",
        "date": "2023-03",
    }
    assert certificates[2] == {"name": "Customer Service Essentials", "issuer": "Zendesk"}
    assert certificates[3]["issuer"] == "Google"
    assert certificates[4] == {"name": "Typing Master"}
    assert len(certificates) == 5  # "2023" alone names nothing
    assert resume["languages"] == [
        {"language": "English"},
        {"language": "Filipino"},
        {"language": "Cebuano", "fluency": "Conversational"},
        {"language": "Spanish", "fluency": "Good"},
    ]
    assert fields["languages[2].fluency"].reasons[-1] == "the next cell"
    assert resume["interests"] == [{"name": "Reading"}, {"name": "Chess"}]
    assert resume["awards"] == [{"title": "Dean's Lister", "date": "2020"}]


def test_work_volunteer_and_projects_entries():
    resume, fields, _, warnings = resume_from(
        "Mae Garcia",
        "WORK EXPERIENCE",
        "- Handled escalations before any job title was written",
        "Team Leader at Horizon BPO Services   Jan 2023 – Present",
        "- Led a team of 15 chat associates",
        "Quality Analyst",
        "Horizon BPO Services",
        "Cebu City",
        "Audited 40 chats a week against the QA form and coached the agents who scored below "
        "85 percent.",
        "VOLUNTEER",
        "- Organised a blood donation drive with the Red Cross Youth Club, 2019",
        "- Tutored children",
        "Member, Cebu Reading Circle   2018 – 2019",
        "- Ran weekly reading sessions",
        "PROJECTS",
        "- A project with no title line",
        "Call Centre Script Analysis   2021",
        "Team member",
        "- Tagged 500 call transcripts by reason",
        "**PUBLICATIONS",
        "A paper",
    )

    work = resume["work"]
    assert work[0] == {"name": "Horizon BPO Services", "position": "Team Leader",
                       "startDate": "2023-01",
                       "highlights": ["Led a team of 15 chat associates"]}  # fmt: skip
    assert work[1]["position"] == "Quality Analyst"
    assert work[1]["name"] == "Horizon BPO Services"
    assert work[1]["location"] == "Cebu City"
    assert work[1]["highlights"][0].startswith("Audited 40 chats")
    volunteer = resume["volunteer"]
    assert volunteer[0]["organization"] == "Red Cross Youth Club"
    assert volunteer[0]["endDate"] == "2019"
    assert volunteer[1] == {"summary": "Tutored children"}
    assert volunteer[2]["position"] == "Member"
    assert volunteer[2]["organization"] == "Cebu Reading Circle"
    projects = resume["projects"]
    assert projects[0] == {"name": "A project with no title line"}
    assert fields["projects[0].name"].confidence == 0.5
    assert projects[1]["name"] == "Call Centre Script Analysis"
    assert projects[1]["roles"] == ["Team member"]
    assert projects[1]["endDate"] == "2021"
    assert "headings not recognised (their text was not assigned): 'PUBLICATIONS'" in warnings


def test_education_entries_in_detail():
    resume, fields, *_ = resume_from(
        "Mae Garcia",
        "EDUCATION",
        "Relevant coursework: Accounting, Statistics",
        "Degree | Board / University | Year | Percentage",
        "Cebu Normal College",
        "BS Psychology, 2015 – 2019, GWA 1.6",
        "Relevant coursework: Abnormal Psychology, Statistics",
        "Thesis on call centre stress",
        "Cebu City",
        "B.Sc, CGPA 3.4, 2012",
        "MBA, Pune, 2014",
        "M.Com, CPI 8.5/10",
        "HSC (Commerce), 2010, Marks: 82",
        "Westbrook Academy",
        "Westfield Institute",
        "2008 – 2010",
        "UC Berkeley   2019",
        "Bachelor of Arts, Economics",
    )

    education = resume["education"]
    assert education[0] == {
        "institution": "Cebu Normal College",
        "studyType": "BS",
        "area": "Psychology",
        "startDate": "2015",
        "endDate": "2019",
        "score": "GWA 1.6",
        "courses": ["Abnormal Psychology", "Statistics"],
    }
    assert education[1] == {"studyType": "B.Sc", "endDate": "2012", "score": "CGPA 3.4"}
    assert education[2]["studyType"] == "MBA"
    assert "institution" not in education[2]  # Pune is a place, not a school
    assert education[3]["score"] == "CPI 8.5/10"
    assert education[4]["score"] == "82%"
    assert education[4]["institution"] == "Westbrook Academy"
    assert education[5] == {
        "institution": "Westfield Institute",
        "startDate": "2008",
        "endDate": "2010",
    }
    assert education[6] == {
        "institution": "UC Berkeley",
        "studyType": "B.A.",
        "area": "Economics",
        "endDate": "2019",
    }
    assert fields["education[6].institution"].confidence == 0.5


def test_odd_lines_in_education_projects_skills_and_contact():
    resume, *_ = resume_from(
        "Ravi Kumar",
        "(12) 345-678 | 98450 12345",
        "EDUCATION",
        "2008 – 2010",
        "2011 – 2012",
        "B.Com Accounting, CGPA 7.6",
        "SKILLS",
        "- " + "Handles long calls " * 6,
        "- MS Excel",
        "PROJECTS",
        "2021",
    )

    assert resume["basics"]["phone"] == "+91 98450 12345"
    assert len(resume["education"]) == 1  # "2008 – 2010" alone names no school
    assert resume["education"][0]["studyType"] == "B.Com"
    assert "area" not in resume["education"][0]  # no "in" or "(...)" after B.Com
    assert resume["education"][0]["score"] == "CGPA 7.6/10"
    assert resume["skills"] == [{"name": "MS Excel"}]
    assert "projects" not in resume


def test_a_plain_indian_resume_without_any_styling():
    resume, _, headings, _ = resume_from(
        "RESUME",
        "PRIYA PATIL",
        "Mob: 9820012345",
        "Email: priya.patil@example.com",
        "Address: Room 5, Shanti Nagar, Thane (W) - 400601",
        "CAREER OBJECTIVE",
        "To work in a challenging environment where I can use my communication skills.",
        "ACADEMIC QUALIFICATION",
        "Examination | Board/University | Year of Passing | Percentage",
        "B.Com | University of Mumbai | 2023 | 65%",
        "HSC | Maharashtra Board | 2020 | 71.50%",
        "SSC | Maharashtra Board | 2018 | 82.40%",
        "WORK EXPERIENCE",
        "Worked as Telecaller in Shree Sai Enterprises from June 2023 to till date.",
        "COMPUTER KNOWLEDGE",
        "MS-CIT, Tally ERP 9, Typing 30 WPM",
        "STRENGTHS",
        "Quick learner, Hard working, Punctual",
        "PERSONAL PROFILE",
        "Father's Name : Ramesh Patil",
        "Date of Birth : 05/06/2002",
        "Languages Known : English, Hindi, Marathi",
        "Hobbies : Music, Cooking",
        "DECLARATION",
        "I hereby declare that above information is true.",
        "Place: Thane",
        "(PRIYA PATIL)",
    )

    basics = resume["basics"]
    assert (basics["name"], basics["phone"]) == ("Priya Patil", "+91 98200 12345")
    assert basics["location"] == {"city": "Thane", "region": "Maharashtra", "countryCode": "IN"}
    assert [(e["studyType"], e["institution"], e["score"]) for e in resume["education"]] == [
        ("B.Com", "University of Mumbai", "65%"),
        ("Class XII", "Maharashtra Board", "71.50%"),
        ("Class X", "Maharashtra Board", "82.40%"),
    ]
    assert resume["work"] == [
        {"name": "Shree Sai Enterprises", "position": "Telecaller", "startDate": "2023-06"}
    ]
    assert [s["name"] for s in resume["skills"]][:3] == ["MS-CIT", "Tally ERP 9", "Typing 30 WPM"]
    assert [language["language"] for language in resume["languages"]] == [
        "English",
        "Hindi",
        "Marathi",
    ]
    assert "Ramesh" not in str(resume)
    assert "COMPUTER KNOWLEDGE" in headings


def test_math_bold_letters_and_ligatures_read_as_plain_text():
    resume, *_ = resume_from(
        math_bold("Priya Sharma"), "priya@example.com", "SKILLS", "- Con\ufb01dent speaker"
    )

    assert resume["basics"]["name"] == "Priya Sharma"
    assert resume["skills"] == [{"name": "Confident speaker"}]


# --- PDFs built in the test -----------------------------------------------------------


def test_pdf_page_numbers_running_headers_and_image_pages():
    picture = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
        "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    style = (
        "<style>@page { size: A4; margin: 2.5cm 2cm;"
        " @top-center { content: 'Neha Iyer | neha@example.com' }"
        " @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages) } }"
        " @page scan { @top-center { content: none } @bottom-center { content: none } }"
        " .scan { page: scan }</style>"
    )
    body = (
        "<h1>Neha Iyer</h1><h2>Experience</h2>"
        + "".join(f"<p>Resolved customer chat {n} within the SLA.</p>" for n in range(40))
        + f"<div class='scan'><img src='{picture}' width='200'></div>"
        + f"<p style='page-break-before: always'>Math {math_bold('AB')} and \U0001f600 end</p>"
    )
    result = parse_bytes(pdf(style + body), "neha.pdf")
    layout = result.layout

    assert layout.pages == 4
    assert layout.image_only_pages == 1
    assert layout.images == 1
    assert "Page 1 of 4" in layout.header_footer_text
    assert result.text.count("neha@example.com") == 1  # the running header kept once
    assert "Page 2 of 4" not in result.text
    assert "1 page(s) hold only images (scans?): their text cannot be read" in result.warnings
    assert f"Math {math_bold('AB')} and \U0001f600 end" in result.text


def test_find_gutter_needs_four_lines_starting_at_one_edge():
    def line(*parts: tuple[str, float]) -> tuple[Word, ...]:
        return tuple(Word(text, x, x + 40, 0, 10, 10, False) for text, x in parts)

    lines = tuple(line(("left", 50), ("right", 320)) for _ in range(3)) + tuple(
        line(("full", 50)) for _ in range(5)
    )
    assert find_gutter(lines, 600) is None
    assert find_gutter(lines[:5], 600) is None
    crossing = tuple((Word("across the page", 50, 500, 0, 10, 10, False),) for _ in range(20))
    split = tuple(line(("left", 50), ("right", 320)) for _ in range(4))
    assert find_gutter(split + crossing, 600) is None  # four lines are too few
    assert find_gutter(tuple(line(("a", 50), ("b", 100)) for _ in range(8)), 600) is None


# --- DOCX built in the test -----------------------------------------------------------


def test_docx_text_boxes_content_controls_columns_and_fonts():
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    first = document.add_paragraph("Vikram Rao")
    first.runs[0].font.name = "Georgia"
    first._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-'
            'compatibility/2006"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            "<wps:txbx><w:txbxContent><w:p><w:r><w:t>vikram.rao@example.com</w:t></w:r></w:p>"
            "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            "<w:txbxContent><w:p><w:r><w:t>vikram.rao@example.com</w:t></w:r></w:p>"
            "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.element.body.insert(
        1,
        parse_xml(
            f'<w:sdt xmlns:w="{W}"><w:sdtContent><w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>MS Excel, Tally</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    document.element.body.insert(1, parse_xml(f'<w:sdt xmlns:w="{W}"/>'))
    section = document.sections[0]._sectPr
    section.append(parse_xml(f'<w:cols xmlns:w="{W}" w:num="2"/>'))
    nested = document.add_table(rows=1, cols=1)
    inner = nested.rows[0].cells[0].add_table(rows=1, cols=1)
    inner.rows[0].cells[0].text = "Hindi"

    result = parse_bytes(docx_bytes(document), "vikram.docx")

    assert result.resume["basics"]["email"] == "vikram.rao@example.com"
    assert result.text.count("vikram.rao@example.com") == 1
    assert result.resume["skills"][:2] == [{"name": "MS Excel"}, {"name": "Tally"}]
    assert result.layout.columns == 2
    assert "2 newspaper columns: read in document order" in result.warnings
    assert "1 text box(es): some applicant tracking systems skip them" in result.warnings
    assert {"Arial", "Georgia"} <= set(result.layout.fonts)
    assert result.layout.tables == 2


def test_docx_without_a_theme_lists_no_fonts():
    data = docx_bytes(Document())
    document = Document(io.BytesIO(data))
    document.add_paragraph("Kavya Nair")
    data = docx_bytes(document)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                content = re.sub(rb"<Relationship [^>]*theme[^>]*/>", b"", content)
            if item.filename == "docProps/app.xml":
                content = re.sub(rb"<Pages>\d+</Pages>", b"", content)
            if item.filename == "word/theme/theme1.xml":
                continue
            target.writestr(item, content)

    result = parse_bytes(buffer.getvalue(), "kavya.docx")

    assert result.layout.fonts == ()
    assert result.layout.pages == 1  # no page count recorded: estimated from the words
    assert result.resume["basics"] == {"name": "Kavya Nair"}


# --- invariants -----------------------------------------------------------------------

ISO = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$")
RESUME_WORDS = (
    "EDUCATION", "Experience", "Skills:", "Languages", "B.Com", "BSBA", "CGPA 8.1", "78%",
    "GWA 1.5", "Jun 2022", "–", "Present", "2019", "06/2021", "+91", "98765", "43210",
    "0917", "555", "0148", "Pune", "Cebu City", "Team Leader", "Pvt Ltd", "•", "|", ",",
    "Hindi (Native)", "TESDA", "Date of Birth:", "priya@example.com", "linkedin.com/in/x",
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(RESUME_WORDS) | st.text(max_size=8), max_size=9),
                max_size=25))  # fmt: skip
def test_any_lines_give_a_schema_valid_resume(rows):
    texts = [" ".join(words) for words in rows]
    lines = tuple(Line(text, bullet=text.startswith("•")) for text in texts if text.strip())
    resume, fields, _, _ = build_resume(Extraction(lines, Layout("pdf", 1, 1, 1, 1)))

    assert validate_resume(resume) == []
    assert all(0 <= f.confidence <= 1 for f in fields)


@given(st.text(alphabet=st.sampled_from("0123456789 -–/'JunPresto20"), max_size=30))
def test_dates_found_are_always_iso(text):
    found = find_range(text)

    if found is not None:
        assert all(ISO.match(d) for d in (found.start, found.end) if d is not None)


@pytest.mark.parametrize(
    "line",
    [
        "Customer Service Representative, Northstar Contact Solutions Pvt. Ltd.",
        "Customer Service Representative, Northstar Contact Solutions Inc.",
        "Senior Process Associate at Lakeshore Outsourcing Pte. Ltd.",
    ],
)
def test_a_head_line_ending_in_a_company_form_is_not_a_sentence(line):
    from launchpad.core.resume.parse_entries import _is_sentence

    assert not _is_sentence(line)
    assert _is_sentence("Answered billing questions for a telecom client every day.")
