"""The plain-text export: golden renderings, the fixed section order, dates and odd input."""

from __future__ import annotations

import copy
import json

import pytest

from launchpad.core.resume.bpo import BpoFieldsError
from launchpad.core.resume.export_text import (
    SECTION_HEADINGS,
    Block,
    blocks_to_text,
    clean,
    date_range,
    format_date,
    is_internship,
    resume_blocks,
    resume_to_text,
)
from launchpad.core.resume.schema import SCHEMA_DIR, validate_resume

# A fresher from Quezon City applying for voice and chat work, with the BPO fields.
BPO_RESUME = {
    "basics": {
        "name": "Maria Clara Reyes",
        "label": "Customer service associate",
        "email": "maria.reyes@example.com",
        "phone": "+63 917 555 0123",
        "location": {
            "address": "12 Mabini Street",
            "city": "Quezon City",
            "region": "Metro Manila",
            "countryCode": "PH",
        },
        "profiles": [
            {"network": "LinkedIn", "url": "https://www.linkedin.com/in/mariaclarareyes"},
            {"network": "Facebook", "username": "mcreyes"},
        ],
        "summary": "Patient, upbeat sales associate moving into customer support.\n\n"
        "Comfortable on night shifts and\nwith rotating rest days.",
        "x-bpo": {
            "typing": {
                "wpm": 38,
                "accuracy": 96,
                "measuredOn": "2026-11-20",
                "source": "BPO Launchpad skills lab",
            },
            "english": {"cefr": "B2", "estimate": True, "source": "BPO Launchpad skills lab"},
            "shifts": ["rotational", "night"],
            "workTypes": ["international-voice", "chat-email"],
            "noticePeriodDays": 15,
        },
    },
    "work": [
        {
            "name": "Northpoint Mall Store",
            "position": "Sales Associate",
            "location": "Quezon City",
            "startDate": "2022-06",
            "summary": "Served 80 to 120 walk-in customers a day.",
            "highlights": [
                "Handled returns and complaints at the service desk",
                "Top seller of the month three times",
            ],
        },
        {
            "name": "Harbor Savings Bank",
            "position": "OJT Trainee",
            "location": "Makati",
            "startDate": "2021-01-11",
            "endDate": "2021-04-30",
            "highlights": ["Encoded 300 account forms a week with no errors found in audit"],
        },
    ],
    "education": [
        {
            "institution": "Rizal State College",
            "studyType": "Bachelor of Science",
            "area": "Business Administration",
            "startDate": "2017",
            "endDate": "2021",
            "score": "1.75",
        }
    ],
    "skills": [
        {
            "name": "Customer service",
            "level": "Advanced",
            "keywords": ["Complaint handling", "Upselling"],
        },
        {"name": "Computer", "keywords": ["MS Excel", "Google Sheets"]},
    ],
    "certificates": [
        {"name": "Contact Center Services NC II", "issuer": "TESDA", "date": "2023-03-15"}
    ],
    "languages": [
        {"language": "English", "fluency": "Fluent"},
        {"language": "Filipino", "fluency": "Native speaker"},
    ],
    "volunteer": [
        {
            "organization": "Barangay Youth Council",
            "position": "Tutor",
            "startDate": "2019-06",
            "endDate": "2019-06",
            "summary": "Taught reading to grade 2 pupils on Saturdays.",
        }
    ],
    "references": [
        {"name": "Jose Santos, Store Manager", "reference": "Maria stays calm with every customer."}
    ],
}

BPO_TEXT = "\n".join(
    [
        "Maria Clara Reyes",
        "Customer service associate",
        "maria.reyes@example.com | +63 917 555 0123 | Quezon City, Metro Manila, PH | "
        "https://www.linkedin.com/in/mariaclarareyes | Facebook: mcreyes",
        "",
        "SUMMARY",
        "Patient, upbeat sales associate moving into customer support.",
        "Comfortable on night shifts and with rotating rest days.",
        "",
        "JOB PREFERENCES",
        "- Work types: International voice, Chat and email support",
        "- Shifts: Night, Rotational",
        "- Notice period: 15 days",
        "",
        "EXPERIENCE",
        "Sales Associate, Northpoint Mall Store",
        "Quezon City | Jun 2022 – Present",
        "Served 80 to 120 walk-in customers a day.",
        "- Handled returns and complaints at the service desk",
        "- Top seller of the month three times",
        "",
        "INTERNSHIPS",
        "OJT Trainee, Harbor Savings Bank",
        "Makati | Jan 2021 – Apr 2021",
        "- Encoded 300 account forms a week with no errors found in audit",
        "",
        "EDUCATION",
        "Bachelor of Science in Business Administration, Rizal State College",
        "2017 – 2021 | Score: 1.75",
        "",
        "SKILLS",
        "- Customer service (Advanced): Complaint handling, Upselling",
        "- Computer: MS Excel, Google Sheets",
        "- Typing: 38 WPM at 96% accuracy (measured 2026-11-20, BPO Launchpad skills lab)",
        "- English: CEFR B2 (estimate, BPO Launchpad skills lab)",
        "",
        "CERTIFICATIONS",
        "- Contact Center Services NC II, TESDA (Mar 2023)",
        "",
        "LANGUAGES",
        "- English: Fluent",
        "- Filipino: Native speaker",
        "",
        "VOLUNTEER",
        "Tutor, Barangay Youth Council",
        "Jun 2019",
        "Taught reading to grade 2 pupils on Saturdays.",
        "",
        "REFERENCES",
        "Jose Santos, Store Manager",
        "Maria stays calm with every customer.",
        "",
    ]
)


def load(name):
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def example_resumes():
    paths = sorted((SCHEMA_DIR / "examples").glob("*.json"))
    return [load(f"examples/{path.name}") for path in paths] + [load("sample.resume.json")]


def test_the_bpo_resume_is_valid():
    assert validate_resume(BPO_RESUME) == []


def test_golden_bpo_resume():
    assert resume_to_text(BPO_RESUME) == BPO_TEXT


def test_golden_sample_resume():
    sample = load("sample.resume.json")
    work, project = sample["work"][0], sample["projects"][0]

    expected = [
        "Richard Hendriks",
        "Programmer",
        "richard.hendriks@mail.com | (912) 555-4321 | San Francisco, California, US | "
        "http://richardhendricks.example.com | https://www.twitter.com | "
        "https://soundcloud.example.com/dandymusicnl",
        "",
        "SUMMARY",
        sample["basics"]["summary"],
        "",
        "EXPERIENCE",
        "CEO/President, Pied Piper",
        "Palo Alto, CA | Dec 2013 – Dec 2014",
        work["summary"],
        *[f"- {line}" for line in work["highlights"]],
        "",
        "EDUCATION",
        "Bachelor in Information Technology, University of Oklahoma",
        "Jun 2011 – Jan 2014 | Score: 4.0",
        "Courses: DB1101 - Basic SQL, CS2011 - Java Introduction",
        "",
        "SKILLS",
        "- Web Development (Master): HTML, CSS, Javascript",
        "- Compression (Master): Mpeg, MP4, GIF",
        "",
        "LANGUAGES",
        "- English: Native speaker",
        "",
        "PROJECTS",
        "Miss Direction",
        "Team lead, Designer | Smoogle | Aug 2016 | http://missdirection.example.com",
        "A mapping engine that misguides you",
        *[f"- {line}" for line in project["highlights"]],
        "Keywords: GoogleMaps, Chrome Extension, Javascript",
        "",
        "AWARDS",
        "Digital Compression Pioneer Award, Techcrunch",
        "Nov 2014",
        "There is no spoon.",
        "",
        "VOLUNTEER",
        "Teacher, CoderDojo",
        "Jan 2012 – Jan 2013",
        "Global movement of free coding clubs for young people.",
        "- Awarded 'Teacher of the Month'",
        "",
        "PUBLICATIONS",
        "Video compression for 3d media, Hooli",
        "Oct 2014 | http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)",
        "Innovative middle-out compression algorithm that changes the way we store data.",
        "",
        "INTERESTS",
        "- Wildlife: Ferrets, Unicorns",
        "",
        "REFERENCES",
        "Erlich Bachman",
        sample["references"][0]["reference"],
        "",
    ]

    assert resume_to_text(sample).split("\n") == expected


def test_golden_new_graduate_puts_internships_under_their_own_heading():
    text = resume_to_text(load("examples/new-grad.resume.json"))

    assert "\nEXPERIENCE\n" not in text
    assert (
        "\n\nINTERNSHIPS\n"
        "Software Engineering Intern, Outreach\n"
        "Seattle, WA | Jun 2024 – Sep 2024\n"
        "Joined the platform infrastructure team to improve internal developer tooling.\n"
        "- Built a service-health dashboard in React and TypeScript adopted by three on-call "
        "teams\n"
        "- Cut local test-suite runtime by 35% by parallelizing integration fixtures\n"
        "- Wrote the onboarding runbook used by the next intern cohort\n"
        "\n"
        "Research Intern, Allen Institute for AI\n"
    ) in text


def test_golden_current_job_and_open_ended_project_read_present():
    text = resume_to_text(load("examples/senior-engineer.resume.json"))

    assert "Staff Software Engineer, Confluent\nMountain View, CA | Feb 2020 – Present\n" in text
    assert "raft-lab\nAuthor, Maintainer | Jan 2019 – Present | " in text
    assert "- AWS Certified Solutions Architect - Professional, Amazon Web Services (Mar 2019)" in (
        text
    )


@pytest.mark.parametrize("resume", example_resumes(), ids=lambda r: r["basics"]["name"])
def test_sections_follow_the_fixed_order(resume):
    headings = [b.text for b in resume_blocks(resume) if b.kind == "heading"]

    assert headings == [h for h in SECTION_HEADINGS if h in headings]
    assert resume_to_text(resume).startswith(resume["basics"]["name"] + "\n")
    assert resume_to_text(resume).endswith("\n")
    assert "\n\n\n" not in resume_to_text(resume)


def test_the_section_order():
    assert SECTION_HEADINGS == (
        "Summary",
        "Job preferences",
        "Experience",
        "Internships",
        "Education",
        "Skills",
        "Certifications",
        "Languages",
        "Projects",
        "Awards",
        "Volunteer",
        "Publications",
        "Interests",
        "References",
    )


def test_the_export_does_not_change_the_resume():
    resume = copy.deepcopy(BPO_RESUME)

    resume_to_text(resume)

    assert resume == BPO_RESUME


def test_an_empty_resume_is_empty_text():
    assert resume_to_text({}) == ""
    assert blocks_to_text([]) == ""


def test_values_of_the_wrong_type_are_skipped():
    resume = {
        "basics": {"name": 3, "label": None, "location": "Pune", "profiles": "none"},
        "work": "everywhere",
        "skills": [1, {"name": 3, "keywords": "a"}, {"keywords": ["Excel", 7, " "]}],
        "languages": [{"fluency": "Fluent"}, {"language": ["English"]}],
        "interests": [{}, None],
        "certificates": [{}],
    }

    assert resume_to_text(resume) == "SKILLS\n- Excel\n"
    assert resume_to_text({"basics": "Ana", "education": [{"courses": ["Typing"]}]}) == (
        "EDUCATION\nCourses: Typing\n"
    )


def test_malformed_bpo_fields_raise():
    with pytest.raises(BpoFieldsError):
        resume_to_text({"basics": {"x-bpo": {"shifts": "night"}}})


def test_an_entry_without_a_title_is_headed_by_its_details():
    resume = {
        "work": [
            {"location": "Pasig", "startDate": "2023-02", "endDate": "2024-01"},
            {"summary": "Data entry from home."},
        ],
        "awards": [{"date": "2024", "summary": "Top agent."}],
        "references": [{"reference": "Reliable."}],
    }

    assert resume_to_text(resume) == (
        "EXPERIENCE\nPasig | Feb 2023 – Jan 2024\nData entry from home.\n\n"
        "AWARDS\n2024\nTop agent.\n\nREFERENCES\nReliable.\n"
    )


def test_smaller_entries():
    resume = {
        "basics": {"email": "ana@example.com", "location": {"countryCode": "IN"}},
        "skills": [{"name": "Typing", "level": "Good"}, {"level": "Expert"}],
        "certificates": [{"issuer": "NASSCOM"}, {"date": "2024-05"}],
        "publications": [{"name": "A note", "url": "https://example.com/note"}],
    }

    assert resume_to_text(resume) == (
        "ana@example.com | IN\n\n"
        "SKILLS\n- Typing (Good)\n\n"
        "CERTIFICATIONS\n- NASSCOM\n- May 2024\n\n"
        "PUBLICATIONS\nA note\nhttps://example.com/note\n"
    )


def test_blocks_render_by_kind():
    blocks = [
        Block("name", "Ana"),
        Block("heading", "Projects"),
        Block("entry", "One"),
        Block("details", "2024"),
        Block("bullet", "Did it"),
        Block("entry", "Two"),
        Block("text", "Also"),
    ]

    assert blocks_to_text(blocks) == ("Ana\n\nPROJECTS\nOne\n2024\n- Did it\n\nTwo\nAlso\n")


@pytest.mark.parametrize(
    ("position", "intern"),
    [
        ("Software Engineering Intern", True),
        ("Summer internship", True),
        ("OJT Trainee", True),
        ("INTERN", True),
        ("Internal auditor", False),
        ("International voice agent", False),
        ("Customer Service Associate", False),
    ],
)
def test_internships_are_spotted_by_position(position, intern):
    assert is_internship({"position": position}) is intern


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2022-06-15", "Jun 2022"),
        ("2022-06", "Jun 2022"),
        ("2022-12", "Dec 2022"),
        ("2022", "2022"),
        (" 2022-01 ", "Jan 2022"),
        ("2022-13", "2022-13"),
        ("2022-00-10", "2022-00-10"),
        ("June  2022", "June 2022"),
        ("", ""),
    ],
)
def test_format_date(value, shown):
    assert format_date(value) == shown


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2022-06", "", "Jun 2022 – Present"),
        ("2022-06", "2023-01-31", "Jun 2022 – Jan 2023"),
        ("2022-06-01", "2022-06-30", "Jun 2022"),
        ("", "2023", "2023"),
        ("", "", ""),
        ("2021", "2022-05", "2021 – May 2022"),
    ],
)
def test_date_range(start, end, shown):
    assert date_range(start, end) == shown


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("  a \t b\n c  ", "a b c"),
        ("bell\x07 and\x00 null", "bell and null"),
        ("odd\ufffe\uffff\ud800 chars", "odd chars"),
        ("non\u00a0breaking", "non breaking"),
        ("Señora Muñoz – 5 ★", "Señora Muñoz – 5 ★"),
    ],
)
def test_clean(value, cleaned):
    assert clean(value) == cleaned
