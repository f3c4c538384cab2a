"""The resume parser on our own test resumes: two invented candidates in six layouts each.

The files are made by make_fixtures.py (WeasyPrint, python-docx and LibreOffice) and
committed, so these tests need none of those tools.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from launchpad.core.resume.parse import parse_bytes, parse_file
from launchpad.core.resume.schema import validate_resume
from launchpad.core.resume.types import ParsedResume

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LAYOUTS = {
    "a": "a_single.pdf",
    "b": "b_two_column.pdf",
    "c": "c_headings.docx",
    "d": "d_header_table.docx",
    "e_c": "e_c_headings_libreoffice.pdf",
    "e_d": "e_d_header_table_libreoffice.pdf",
}
INDIA = [f"in_fresher_{name}" for name in LAYOUTS.values()]
PHILIPPINES = [f"ph_shifter_{name}" for name in LAYOUTS.values()]
_CACHE: dict[str, ParsedResume] = {}


def parsed(name: str) -> ParsedResume:
    if name not in _CACHE:
        _CACHE[name] = parse_file(FIXTURES / name)
    return _CACHE[name]


def guess(result: ParsedResume, path: str) -> tuple[object, float, tuple[str, ...]]:
    found = next(f for f in result.fields if f.path == path)
    return found.value, found.confidence, found.reasons


@pytest.mark.parametrize("name", INDIA + PHILIPPINES + ["two_page.pdf"])
def test_every_fixture_parses_to_a_schema_valid_resume(name):
    result = parsed(name)

    assert validate_resume(result.resume) == []
    assert all(0 <= f.confidence <= 1 and f.reasons for f in result.fields)
    assert len({f.path for f in result.fields}) == len(result.fields)
    json.dumps(result.resume)  # plain JSON-ready data


@pytest.mark.parametrize("name", INDIA)
def test_indian_fresher_contact_details_are_found_and_normalised(name):
    result = parsed(name)
    basics = result.resume["basics"]

    assert basics["name"] == "Ishita Kulkarni"
    assert basics["email"] == "ishita.kulkarni@example.com"
    assert basics["phone"] == "+91 98220 45671"
    assert basics["location"] == {"city": "Pune", "region": "Maharashtra", "countryCode": "IN"}
    assert basics["profiles"][0]["username"] == "ishita-kulkarni-example"
    assert basics["summary"].startswith("Commerce graduate looking for")
    assert result.confidence("basics.name") >= 0.6
    assert result.confidence("basics.email") >= 0.85
    assert result.confidence("basics.phone") >= 0.85


@pytest.mark.parametrize("name", INDIA)
def test_indian_fresher_education_reads_degree_cgpa_and_class_xii(name):
    education = parsed(name).resume["education"]

    assert education[0]["studyType"] == "B.Com"
    assert education[0]["institution"].startswith("Sahyadri College")
    assert education[0]["score"] == "CGPA 8.2/10"
    assert education[0]["endDate"] == "2023"
    assert education[1]["studyType"] == "Class XII"
    assert education[1]["score"] == "78.4%"
    assert education[1]["endDate"] == "2020"


@pytest.mark.parametrize("name", INDIA)
def test_indian_fresher_internship_goes_to_work_with_a_note(name):
    result = parsed(name)
    work = result.resume["work"]

    assert len(work) == 1
    assert work[0]["position"] == "Customer Support Intern"
    assert work[0]["name"] == "BrightPath Telecom Services Pvt Ltd"
    assert (work[0]["startDate"], work[0]["endDate"]) == ("2022-06", "2022-08")
    assert len(work[0]["highlights"]) == 3
    _, confidence, reasons = guess(result, "work[0].position")
    assert "an internship, listed under work" in reasons
    assert confidence >= 0.7


@pytest.mark.parametrize("name", INDIA)
def test_indian_fresher_languages_skills_and_certificates(name):
    resume = parsed(name).resume

    assert resume["languages"] == [
        {"language": "English", "fluency": "Fluent"},
        {"language": "Hindi", "fluency": "Native"},
        {"language": "Marathi", "fluency": "Native"},
    ]
    assert resume["skills"][0] == {
        "name": "Communication",
        "keywords": ["Spoken English", "Active listening", "Empathy"],
    }
    assert resume["certificates"][0] == {
        "name": "CRM Domestic Voice Foundation",
        "issuer": "Sector Skill Council",
        "date": "2023",
    }


@pytest.mark.parametrize("name", [n for n in INDIA if "two_column" not in n])
def test_personal_details_never_reach_the_resume(name):
    result = parsed(name)
    dumped = json.dumps(result.resume)

    for detail in ("14/08/2002", "Suresh", "Indian", "Single", "hereby"):
        assert detail not in dumped
    assert any(w.startswith("personal details left out") for w in result.warnings)
    assert "Date of Birth" in " ".join(result.warnings)


@pytest.mark.parametrize("name", PHILIPPINES)
def test_philippine_career_shifter_contact_details(name):
    basics = parsed(name).resume["basics"]

    assert basics["name"] == "Carmela Joy Bautista"
    assert basics["email"] == "carmela.bautista@example.com"
    assert basics["phone"] == "+63 917 555 0148"
    assert basics["location"] == {
        "city": "Quezon City",
        "region": "Metro Manila",
        "countryCode": "PH",
    }


@pytest.mark.parametrize("name", PHILIPPINES)
def test_philippine_career_shifter_work_history(name):
    result = parsed(name)
    work = result.resume["work"]

    assert [w["position"] for w in work] == ["Customer Service Representative", "Store Supervisor"]
    assert work[0]["name"] == "Northstar Contact Solutions Inc."
    assert work[0]["startDate"] == "2022-03"
    assert "endDate" not in work[0]  # "Present"
    assert work[1]["name"] == "Sampaguita Retail Corp."
    assert (work[1]["startDate"], work[1]["endDate"]) == ("2017-06", "2022-02")
    _, confidence, reasons = guess(result, "work[0].position")
    assert confidence == 0.9
    assert "a known BPO job title" in reasons
    assert "ongoing ('Present'): no end date" in guess(result, "work[0].startDate")[2]


@pytest.mark.parametrize("name", PHILIPPINES)
def test_philippine_career_shifter_education_languages_and_privacy(name):
    result = parsed(name)
    resume = result.resume

    assert resume["education"][0]["score"] == "GWA 1.75"
    assert (resume["education"][0]["startDate"], resume["education"][0]["endDate"]) == (
        "2013",
        "2017",
    )
    assert resume["languages"] == [
        {"language": "English", "fluency": "Fluent"},
        {"language": "Tagalog", "fluency": "Native"},
        {"language": "Cebuano", "fluency": "Conversational"},
    ]
    dumped = json.dumps(resume)
    for detail in ("1996", "Roman Catholic", "Civil Status", "Available upon request"):
        assert detail not in dumped


@pytest.mark.parametrize("name", [n for n in PHILIPPINES if "e_d_" not in n])
def test_philippine_bsba_and_tesda_certificate(name):
    resume = parsed(name).resume

    assert resume["education"][0]["studyType"] == "BSBA"
    assert resume["education"][0]["area"] == "Marketing Management"
    assert resume["education"][0]["institution"] == "Rizal Heights State University"
    assert resume["certificates"][0] == {
        "name": "Contact Center Services NC II",
        "issuer": "TESDA",
        "date": "2021",
    }


def test_single_column_pdf_layout():
    layout = parsed("in_fresher_a_single.pdf").layout

    assert (layout.file_type, layout.columns, layout.tables, layout.images) == ("pdf", 1, 0, 0)
    assert layout.header_footer_text == ""
    assert layout.headings[:3] == ("Career Objective", "Internships", "Education")
    assert "DejaVu-Sans-Bold" in layout.fonts
    assert layout.word_count > 200


def test_two_column_pdf_is_read_left_column_first():
    result = parsed("ph_shifter_b_two_column.pdf")

    assert result.layout.columns == 2
    assert result.warnings[0] == (
        "two columns on page 1: read the left column first, then the right one"
    )
    text = result.text
    # The side bar (contact, skills, languages) comes before the main column.
    assert text.index("CONTACT") < text.index("SKILLS") < text.index("PROFESSIONAL SUMMARY")
    assert text.index("Tagalog") < text.index("Northstar")


def test_docx_with_heading_styles():
    result = parsed("ph_shifter_c_headings.docx")

    assert result.layout.file_type == "docx"
    assert result.layout.columns == 1
    assert result.layout.headings[0] == "Professional Summary"
    assert set(result.layout.fonts) == {"Calibri", "Cambria"}  # the template's theme fonts
    _, _, reasons = guess(result, "basics.name")
    assert "the Title style" in reasons


def test_docx_with_contact_in_the_page_header_and_tables():
    result = parsed("in_fresher_d_header_table.docx")
    layout = result.layout

    assert layout.header_footer_text.splitlines() == [
        "Ishita Kulkarni",
        "9822045671 | ishita.kulkarni@example.com | Pune, Maharashtra",
        "linkedin.com/in/ishita-kulkarni-example",
    ]
    assert (layout.tables, layout.columns, layout.pages) == (2, 2, 2)
    assert "a table places text side by side: read cell by cell, left to right" in result.warnings
    assert "2 table(s): text in tables was read row by row" in result.warnings
    _, _, reasons = guess(result, "basics.name")
    assert "in the page header" in reasons
    assert "Academic Qualifications:" in layout.headings
    # the header row of the education table is not an entry
    assert len(result.resume["education"]) == 2


def test_libreoffice_pdf_finds_the_page_header():
    result = parsed("ph_shifter_e_d_header_table_libreoffice.pdf")

    assert "carmela.bautista@example.com" in result.layout.header_footer_text
    assert result.layout.pages == 3
    assert result.resume["basics"]["email"] == "carmela.bautista@example.com"


def test_two_page_pdf_lists_all_four_jobs():
    result = parsed("two_page.pdf")

    assert result.layout.pages == 2
    assert [w["position"] for w in result.resume["work"]] == [
        "Customer Service Representative",
        "Store Supervisor",
        "Sales Associate",
        "Cashier",
    ]
    assert "Training Programs Completed" in result.layout.headings
    assert len(result.resume["certificates"]) == 14


def test_parse_bytes_matches_parse_file():
    name = "in_fresher_c_headings.docx"
    data = (FIXTURES / name).read_bytes()

    assert parse_bytes(data, "upload").resume == parsed(name).resume


def test_text_is_in_reading_order_with_bullets_marked():
    text = parsed("in_fresher_a_single.pdf").text

    assert text.startswith("Ishita Kulkarni\nAspiring Customer Support Associate\n")
    assert "• Answered 40 or more inbound calls" in text
