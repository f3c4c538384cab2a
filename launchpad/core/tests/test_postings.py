"""Job postings read from CSV, JSON and pasted text: messy files, every row checked, the
values people write (salaries, shifts, tracks, dates), and the posting's own methods."""

from __future__ import annotations

import codecs
import contextlib
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from launchpad.core import postings as P
from launchpad.core.postings import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    FileRead,
    Place,
    PostingData,
    PostingFileError,
    RowProblem,
    Salary,
    SalaryLeftOut,
    from_text,
    read_csv,
    read_json,
)
from launchpad.core.resume.match import JobSpec, match
from launchpad.core.resume.schema import SCHEMA_DIR
from launchpad.core.resume.vocabulary import load_vocabulary

FIXTURES = Path(__file__).resolve().parent / "postings"
VOCABULARY = load_vocabulary()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def only(read: FileRead) -> PostingData:
    assert not read.problems, read.problems
    assert len(read.postings) == 1, read.postings
    return read.postings[0][1]


def one_row(header: str, row: str) -> FileRead:
    return read_csv(csv_bytes(header, row))


# ------------------------------------------------------------------ CSV files


def test_a_good_csv_reads_every_column():
    read = read_csv(fixture("good.csv"))

    assert read.encoding == "utf-8"
    assert read.problems == () and read.duplicates == () and read.warnings == ()
    assert [row for row, _ in read.postings] == [2, 3, 4, 5]
    chat, voice, back_office, tech = (p for _, p in read.postings)
    assert chat == PostingData(
        title="Customer Support Associate - Chat",
        company="Lakeview Telecom Services",
        city="Pune",
        country="IN",
        workplace="on-site",
        track="chat-email",
        shifts=("night",),
        salary_min=240_000,
        salary_max=360_000,
        salary_currency="INR",
        salary_period="year",
        must_have=("Any graduate", "Typing speed of 30 WPM"),
        nice_to_have=("Zendesk or Freshdesk", "Night shift experience"),
        responsibilities=("Answer customer chats and emails", "Log every case in the CRM"),
        description="Chat process for a US telecom client. Cab facility both ways.",
        knockouts={"degree_min": "undergraduate", "min_wpm": 30, "documents": ["aadhaar", "pan"]},
        source="Naukri",
        source_url="https://example.in/jobs/101",
        posted_on=datetime.date(2026, 11, 12),
    )
    assert (voice.city, voice.country, voice.workplace) == ("Makati City", "PH", "hybrid")
    assert voice.shifts == ("night", "rotational")
    assert (voice.salary_min, voice.salary_max, voice.salary_currency, voice.salary_period) == (
        18_000,
        22_000,
        "PHP",
        "month",
    )
    assert voice.posted_on == datetime.date(2026, 11, 12)  # 12/11/2026: day first
    assert voice.knockouts == {"degree_min": "higher_secondary", "documents": ["nbi-clearance"]}
    # No country column value: Chennai is in India, so the salary is in rupees.
    assert (back_office.country, back_office.workplace, back_office.track) == (
        "IN",
        "on-site",
        "back-office",
    )
    assert back_office.source_url == "https://www.example.com/careers/303"
    assert back_office.knockouts == {"degree_min": "higher_secondary", "min_wpm": 35}
    # "18k-22k" in Cebu City: pesos a month.
    assert (tech.country, tech.salary_currency, tech.salary_min, tech.salary_max) == (
        "PH",
        "PHP",
        18_000,
        22_000,
    )
    assert tech.shifts == ("rotational",) and tech.posted_on is None


def test_a_windows_1252_csv_is_read_with_a_warning():
    read = read_csv(fixture("cp1252.csv"))

    assert read.encoding == "cp1252"
    assert "Windows-1252" in read.warnings[0] and "CSV UTF-8" in read.warnings[0]
    chat, data_entry = (p for _, p in read.postings)
    assert chat.company == "Société Générale Global Solution Centre"
    assert chat.description == "Résumé screening, café vouchers – night allowance"
    # Excel turned the rupee sign into "?"; the figure still reads, in India's rupees.
    assert (chat.salary_min, chat.salary_max, chat.salary_currency) == (300_000, 360_000, "INR")
    assert data_entry.company == "Café Coffee Data"
    assert data_entry.description == "Type \u201ccustomer\u201d records"
    # Rs. 15,000 per month is kept as a yearly figure.
    assert (data_entry.salary_min, data_entry.salary_period) == (180_000, "year")


def test_a_semicolon_csv_with_a_bom_and_other_column_names():
    read = read_csv(fixture("semicolon_bom.csv"))

    assert read.encoding == "utf-8-sig"
    assert read.warnings == ("Columns not read (we do not know them): Job ID.",)
    care, research = (p for _, p in read.postings)
    assert (care.title, care.company, care.city, care.country) == (
        "Customer Care Executive",
        "Sunrise Telecom",
        "Hyderabad",
        "IN",
    )
    assert (care.track, care.shifts) == ("domestic-voice", ("day",))
    # The column says the unit: "CTC (LPA)".
    assert (care.salary_min, care.salary_max, care.salary_period) == (180_000, 240_000, "year")
    assert (research.track, research.salary_min, research.salary_max) == ("kpo", 400_000, 600_000)
    assert research.posted_on == datetime.date(2026, 10, 3)


def test_a_csv_without_a_title_column_is_refused():
    with pytest.raises(PostingFileError, match=r"no title column.*'company', 'city', 'salary'"):
        read_csv(fixture("no_title.csv"))


def test_bad_rows_and_duplicates_never_stop_the_good_rows():
    read = read_csv(fixture("messy.csv"))

    assert [(row, p.title) for row, p in read.postings] == [
        (2, "Chat Support Executive"),
        (7, "Data Entry Operator"),
        (9, "Collections Agent"),
    ]
    # Row 4 repeats row 2; row 8 too, in other letter case and spacing.
    assert read.duplicates == ((4, 2), (8, 2))
    problems = {p.row: p for p in read.problems}
    assert sorted(problems) == [3, 6, 10]
    assert problems[3] == RowProblem(3, ("title: missing (every posting needs a title)",), "")
    voice = problems[6]
    assert voice.title == "Voice Agent"
    assert [p.split(":")[0] for p in voice.problems] == [
        "track",
        "shifts",
        "salary",
        "source_url",
        "date",
    ]
    assert "minimum 500,000 is above the maximum 300,000" in voice.problems[2]
    assert "needs quotes" in problems[10].problems[0]
    # Dollars are not kept: the posting is imported without its salary, with a warning.
    collections = read.postings[2][1]
    assert collections.salary_min is None and collections.salary_currency == ""
    assert read.warnings == (
        "Salary left out on row 9: it is in USD. We keep salaries in INR (per year) or PHP "
        "(per month); the rest of each posting was read.",
    )


def test_a_header_is_found_below_blank_lines_and_an_excel_sep_line():
    raw = b"sep=|\r\n\r\nTitle|Company\r\nChat Agent|Acme, Inc\r\n"

    read = read_csv(raw)

    assert read.postings[0] == (4, PostingData(title="Chat Agent", company="Acme, Inc"))


def test_tab_separated_utf16_as_excel_saves_unicode_text():
    text = "Job title\tEmployer\tCity\nChat Agent\tAcme\tManila\n"
    raw = codecs.BOM_UTF16_LE + text.encode("utf-16-le")

    read = read_csv(raw)

    assert read.encoding == "utf-16"
    assert only(read) == PostingData(
        title="Chat Agent", company="Acme", city="Manila", country="PH"
    )


def test_latin1_is_the_last_resort():
    raw = "Title,Company\nChat Agent,Caf\u00e9\x81\n".encode("latin-1")

    read = read_csv(raw)

    assert read.encoding == "latin-1" and "Latin-1" in read.warnings[0]
    assert only(read).company == "Caf\u00e9\x81"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n", "empty"),
        (b"PK\x03\x04rest-of-a-zip", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0old-office", r"old Excel \(.xls\)"),
        (b"%PDF-1.7", "a PDF"),
        (b"Title\x00,\x00Company\x00", "not a text file"),
        (b"Title,Company\n\x01\x02\x03\x04,x\n", "not a text file"),
    ],
)
def test_files_that_are_not_csv_are_refused(raw, message):
    with pytest.raises(PostingFileError, match=message):
        read_csv(raw)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    raw = b"title\n" + b"x" * MAX_FILE_BYTES

    with pytest.raises(PostingFileError, match=r"5\.0 MB; the limit is 5 MB"):
        read_csv(raw)
    with pytest.raises(PostingFileError, match="limit is 5 MB"):
        read_json(raw)


def test_more_rows_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(P, "MAX_ROWS", 3)
    lines = ["title", *(f"Agent {n}" for n in range(4))]

    assert len(read_csv(csv_bytes(*lines[:4])).postings) == 3
    with pytest.raises(PostingFileError, match="more than 3 rows"):
        read_csv(csv_bytes(*lines))


def test_the_real_row_limit_is_twenty_thousand():
    assert MAX_ROWS == 20_000 and MAX_FILE_BYTES == 5 * 1024 * 1024


def test_a_broken_quote_refuses_the_file_naming_the_row():
    raw = b'title,company\n"Chat Agent,Acme\n' + b"x" * 140_000 + b"\n"

    with pytest.raises(PostingFileError, match="Row 2 cannot be read as CSV"):
        read_csv(raw)


def test_short_rows_are_padded_and_blank_rows_skipped():
    read = read_csv(csv_bytes("title,company,city", "Chat Agent", ",,", "Voice Agent,Acme"))

    assert [(row, p.title, p.company) for row, p in read.postings] == [
        (2, "Chat Agent", ""),
        (4, "Voice Agent", "Acme"),
    ]


def test_columns_for_one_field_are_merged_and_unknown_columns_named_once():
    read = read_csv(
        csv_bytes(
            "Designation,Requirements,Qualifications,Experience,Employment type,Recruiter,Notes",
            'Chat Agent,Typing 30 WPM,"Good English\nAny graduate",Fresher,Full-time,Ravi,"Line 1'
            '\n\n\n\nLine 2"',
            "Voice Agent,,,,,Meera,",
        )
    )

    chat = read.postings[0][1]
    assert chat.must_have == (
        "Typing 30 WPM",
        "Good English",
        "Any graduate",
        "Experience: Fresher",
    )
    assert chat.description == "Line 1\n\nLine 2\n\nEmployment type: Full-time"
    assert read.warnings == ("Columns not read (we do not know them): Recruiter.",)


def test_salary_minimum_and_maximum_columns():
    header = "title,country,salary min,salary max (PHP),currency,salary period"

    both = only(one_row(header, "Agent,PH,18000,22000,,month"))
    low = only(one_row(header, "Agent,PH,18000,,,"))
    high = only(one_row(header, "Agent,,,22000,,"))
    rupees = only(one_row(header, "Agent,,15000,20000,INR,monthly"))

    assert (both.salary_min, both.salary_max, both.salary_currency) == (18_000, 22_000, "PHP")
    assert (low.salary_min, low.salary_max) == (18_000, None)
    assert (high.salary_min, high.salary_max, high.country) == (None, 22_000, "PH")
    assert (rupees.salary_min, rupees.salary_max, rupees.salary_period) == (
        180_000,
        240_000,
        "year",
    )
    assert rupees.country == "IN"


def test_every_problem_of_a_row_is_listed():
    header = (
        "title,company,city,country,workplace,track,shifts,salary,currency,salary period,"
        "education,typing,source,url,posted,shift knockout"
    )
    row = (
        f"{'T' * 201},{'C' * 201},{'c' * 101},Atlantis,sometimes,voice,evening,abc,USD,weekly,"
        f"PhD,fast,{'s' * 201},ftp://example.com,yesterday,mid"
    )

    read = one_row(header, row)

    (problem,) = read.problems
    assert [p.split(":")[0] for p in problem.problems] == [
        "title",
        "company",
        "city",
        "country",
        "workplace",
        "track",
        "shifts",
        "salary_currency",
        "salary_period",
        "salary",
        "degree",
        "shifts",
        "typing",
        "source",
        "source_url",
        "date",
    ]
    assert problem.title == "T" * 200


# ------------------------------------------------------------------ JSON files


def test_a_json_list_with_invalid_items():
    read = read_json(fixture("jobs.json"))

    assert [row for row, _ in read.postings] == [1, 3]
    chat, voice = (p for _, p in read.postings)
    assert chat.title == "Customer Support Associate (Chat)"
    assert (chat.city, chat.country, chat.workplace) == ("Pune", "IN", "on-site")
    assert chat.track == "chat-email" and chat.shifts == ("night", "rotational")
    assert (chat.salary_min, chat.salary_max) == (240_000, 360_000)
    assert chat.must_have == ("Any graduate", "Typing speed of 30 WPM")
    # A qualification with a preference cue, the skills and our own nice-to-haves.
    assert chat.nice_to_have == (
        "Zendesk experience is a plus",
        "CRM",
        "Live chat",
        "MS Excel",
        "Hindi",
    )
    assert chat.description == (
        "Chat and e-mail support for a US telecom client. Immediate joiners preferred."
        "\n\nLevel: Fresher\n\nEmployment type: Full-time"
    )
    assert chat.knockouts == {
        "degree_min": "undergraduate",
        "min_wpm": 30,
        "documents": ["aadhaar", "pan"],
    }
    assert (chat.source, chat.source_url) == ("Naukri", "https://example.in/jobs/101")
    assert voice.posted_on == datetime.date(2026, 11, 1)  # "2026-11": the first of the month
    assert voice.source_url == "https://example.ph/jobs/202"
    assert (voice.track, voice.shifts, voice.workplace) == (
        "international-voice",
        ("night",),
        "hybrid",
    )
    problems = {p.row: p for p in read.problems}
    assert problems[2].title == "Broken Job"
    assert problems[2].problems == (
        "date: '12/11/2026' is not a date like 2024, 2024-06 or 2024-06-15",
        "remote: text 'Sometimes' is not one of Full, Hybrid, None",
    )
    assert problems[4].problems[0].startswith("should be a job")
    assert [p.split(":")[0] for p in problems[5].problems] == [
        "x-bpo.shift",
        "x-bpo.knockouts.age",
        "track",
        "typing",
    ]


def test_the_json_resume_sample_job():
    read = read_json((SCHEMA_DIR / "sample.job.json").read_bytes())

    job = only(read)
    assert (job.title, job.company, job.city, job.country, job.workplace) == (
        "Web Developer",
        "Microsoft",
        "Berlin",
        "DE",
        "hybrid",
    )
    assert job.posted_on == datetime.date(2024, 7, 1)
    assert job.source_url == "http://example.com/jobs/web-developer"
    assert job.responsibilities[0] == "Develop and maintain web applications"
    assert "React" in job.nice_to_have
    # 100000 in Germany: not a currency we keep.
    assert job.salary_min is None
    assert read.warnings == (
        "Salary left out on item 1: the country DE does not use INR or PHP. We keep salaries "
        "in INR (per year) or PHP (per month); the rest of each posting was read.",
    )


def test_one_job_or_a_jobs_wrapper():
    job = {"title": "Chat Agent", "location": {"city": "Pune"}}

    single = read_json(json.dumps(job).encode())
    wrapped = read_json(json.dumps({"jobs": [job, job]}).encode())

    assert only(single) == PostingData(title="Chat Agent", city="Pune", country="IN")
    assert [row for row, _ in wrapped.postings] == [1] and wrapped.duplicates == ((2, 1),)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "not a JSON file: Expecting property name.*line 1, column 2"),
        (b"[" * 100_000 + b"]" * 100_000, "cannot be read"),
        (b'"a job"', "should hold a job"),
        (b"[]", "holds no jobs"),
        (b'{"jobs": []}', "holds no jobs"),
    ],
)
def test_json_files_that_cannot_be_read(raw, message):
    with pytest.raises(PostingFileError, match=message):
        read_json(raw)


def test_more_json_jobs_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(P, "MAX_ROWS", 2)

    with pytest.raises(PostingFileError, match="more than 2 jobs"):
        read_json(json.dumps([{"title": "a"}] * 3).encode())


def test_the_x_bpo_extension_is_checked():
    def problems(bpo):
        read = read_json(json.dumps({"title": "Agent", "x-bpo": bpo}).encode())
        return read.problems[0].problems if read.problems else only(read)

    assert problems([]) == ("x-bpo: should be a group of fields",)
    assert problems({"track": 3}) == ("x-bpo.track: should be text or a list of texts",)
    assert problems({"knockouts": []}) == ("x-bpo.knockouts: should be a group of fields",)
    assert problems({"knockouts": {"min_wpm": True}}) == (
        "x-bpo.knockouts.min_wpm: should be a whole number of WPM",
    )
    assert problems({"knockouts": {"documents": {}}}) == (
        "x-bpo.knockouts.documents: should be text or a list of texts",
    )
    good = problems(
        {
            "salary_currency": "PHP",
            "salary_period": "year",
            "knockouts": {"shifts": ["night"], "min_wpm": "35 wpm", "documents": "NBI, SSS"},
        }
    )
    assert good.knockouts == {
        "shifts": ["night"],
        "min_wpm": 35,
        "documents": ["nbi-clearance", "sss-number"],
    }


def test_json_salary_uses_the_extension_currency_and_period():
    job = {
        "title": "Agent",
        "salary": "240000 - 300000",
        "x-bpo": {"salary_currency": "PHP", "salary_period": "year"},
    }

    posting = only(read_json(json.dumps(job).encode()))

    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (
        20_000,
        25_000,
        "month",
    )
    assert posting.country == "PH"


# ------------------------------------------------------------------ values


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("2.4 - 3.6 LPA", "", (240_000, 360_000, "INR", "year")),
        ("₹3,00,000 per annum", "", (300_000, 300_000, "INR", "year")),
        ("PHP 18,000 - 22,000/month", "IN", (18_000, 22_000, "PHP", "month")),
        ("18,000-22,000 PHP/month", "", (18_000, 22_000, "PHP", "month")),
        ("18k-22k", "PH", (18_000, 22_000, "PHP", "month")),
        ("18-22k", "PH", (18_000, 22_000, "PHP", "month")),
        ("18k-22k", "IN", (216_000, 264_000, "INR", "year")),
        ("P18,000 - P22,000", "", (18_000, 22_000, "PHP", "month")),
        ("₱25,000 a month", "", (25_000, 25_000, "PHP", "month")),
        ("Rs. 15,000 per month", "", (180_000, 180_000, "INR", "year")),
        ("15000 to 20000", "IN", (180_000, 240_000, "INR", "year")),
        ("2,40,000 - 3,60,000", "IN", (240_000, 360_000, "INR", "year")),
        ("Up to 3 LPA", "", (None, 300_000, "INR", "year")),
        ("3 LPA+", "", (300_000, None, "INR", "year")),
        ("from 18,000", "PH", (18_000, None, "PHP", "month")),
        ("3.5 lakhs", "", (350_000, 350_000, "INR", "year")),
        ("4 L.P.A.", "", (400_000, 400_000, "INR", "year")),
        ("PHP 300,000 yearly", "", (25_000, 25_000, "PHP", "month")),
        ("PHP 300,000", "", (25_000, 25_000, "PHP", "month")),
        ("100000", "IN", (100_000, 100_000, "INR", "year")),
        ("1.2 cr", "", (12_000_000, 12_000_000, "INR", "year")),
    ],
)
def test_salaries_as_people_write_them(text, country, expected):
    salary = P.parse_salary(text, country=country)

    assert salary == Salary(*expected)


def test_salary_hints_from_the_column_name():
    assert P.parse_salary("1.8-2.4", hint="CTC (LPA)") == Salary(180_000, 240_000, "INR", "year")
    assert P.parse_salary("18000", hint="Monthly salary 2026 (PHP)") == Salary(
        18_000, 18_000, "PHP", "month"
    )
    assert P.parse_salary("20000", currency="INR", period="month") == Salary(
        240_000, 240_000, "INR", "year"
    )


@pytest.mark.parametrize("text", ["Not disclosed", "Best in industry", "Negotiable", "  "])
def test_salaries_not_given(text):
    assert P.parse_salary(text, country="IN") is None


@pytest.mark.parametrize(
    ("text", "country", "message"),
    [
        ("abc", "IN", "has no amount"),
        ("INR 3 LPA or PHP 20,000", "", "names both INR and PHP"),
        ("PHP 20,000 per month, 240,000 per year", "", "both per year and per month"),
        ("5 - 3 LPA", "", "minimum 500,000 is above the maximum 300,000"),
        ("2.4-3.6", "IN", "reads as 24 INR per year, which is not a likely salary"),
        ("PHP 90,000,000 per month", "", "not a likely salary"),
    ],
)
def test_salaries_that_are_wrong(text, country, message):
    with pytest.raises(ValueError, match=message):
        P.parse_salary(text, country=country)


@pytest.mark.parametrize(
    ("text", "country", "why"),
    [
        ("USD 800 per month", "IN", "it is in USD"),
        ("$800", "", "it is in \\$"),
        ("100000", "DE", "the country DE does not use INR or PHP"),
        ("18k-22k", "", "names no currency and the posting no country"),
    ],
)
def test_salaries_left_out(text, country, why):
    with pytest.raises(SalaryLeftOut, match=why):
        P.parse_salary(text, country=country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Night", ("night",)),
        ("Rotational / night", ("night", "rotational")),
        ("24x7", ("rotational",)),
        ("24/7 support", ("rotational",)),
        ("9 PM - 6 AM", ("night",)),
        ("9:00 AM to 6:00 PM", ("day",)),
        ("Day shift, US shift", ("day", "night")),
        ("General shift only", ("day",)),
        ("Any shift", ("rotational",)),
        ("night and day", ("day", "night")),
        ("", ()),
    ],
)
def test_shifts(text, expected):
    assert P.parse_shifts(text) == expected


def test_an_unknown_shift():
    with pytest.raises(ValueError, match="'evening' is not a shift we know"):
        P.parse_shifts("Evening")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("International Voice", "international-voice"),
        ("international-voice", "international-voice"),
        ("US process", "international-voice"),
        ("Domestic BPO", "domestic-voice"),
        ("Non-voice", "chat-email"),
        ("Chat & Email", "chat-email"),
        ("Chat and email support", "chat-email"),
        ("Data entry", "back-office"),
        ("Back Office and Data Entry", "back-office"),
        ("Tech support", "technical-support"),
        ("IT Helpdesk", "technical-support"),
        ("KPO (research and analytics)", "kpo"),
        ("Knowledge Process Outsourcing", "kpo"),
        ("", ""),
    ],
)
def test_tracks(text, expected):
    assert P.parse_track(text) == expected


def test_tracks_we_cannot_tell():
    with pytest.raises(ValueError, match="either voice track"):
        P.parse_track("Voice")
    with pytest.raises(ValueError, match="not one of the six tracks"):
        P.parse_track("Customer service")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work from office", "on-site"),
        ("Onsite", "on-site"),
        ("WFH", "remote"),
        ("Full", "remote"),
        ("Hybrid", "hybrid"),
        ("", ""),
    ],
)
def test_workplaces(text, expected):
    assert P.parse_workplace(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India", "IN"),
        ("ph", "PH"),
        ("The Philippines", "PH"),
        ("us", "US"),
        ("de", "DE"),
        ("", ""),
    ],
)
def test_countries(text, expected):
    assert P.parse_country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pune, Maharashtra, India", Place("Pune", "IN")),
        ("Makati City (Hybrid)", Place("Makati City", "PH", "hybrid")),
        ("Remote - Philippines", Place("", "PH", "remote")),
        ("Bengaluru / WFO", Place("Bengaluru", "IN", "on-site")),
        ("India", Place("", "IN")),
        ("Philippines, Manila", Place("Manila", "PH")),
        ("Springfield", Place("Springfield", "")),
    ],
)
def test_locations(text, expected):
    assert P.parse_location(text) == expected


def test_city_country():
    assert P.city_country("  New   Delhi ") == "IN"
    assert P.city_country("Quezon City") == "PH"
    assert P.city_country("Berlin") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Any graduate", "undergraduate"),
        ("12th pass", "higher_secondary"),
        ("10+2", "higher_secondary"),
        ("HSC / Diploma", "higher_secondary"),
        ("Graduate (MBA not eligible)", "undergraduate"),
        ("ug_studying", "ug_studying"),
        ("undergraduate", "undergraduate"),
        ("College level", "ug_studying"),
        ("10th", "secondary"),
        ("MBA", "postgraduate"),
        ("Any", ""),
        ("", ""),
    ],
)
def test_degrees(text, expected):
    assert P.parse_degree(text) == expected


def test_an_unknown_degree():
    with pytest.raises(ValueError, match="'PhD' is not an education level"):
        P.parse_degree("PhD")


def test_typing_speeds():
    assert P.parse_wpm("35+ WPM") == 35
    assert P.parse_wpm(30) == 30
    for bad in ("fast", "5", "500", True):
        with pytest.raises(ValueError, match="is not a typing speed"):
            P.parse_wpm(bad)


def test_documents():
    assert P.parse_documents("Aadhaar card, PAN;; 12th marksheet and Police clearance") == (
        "aadhaar",
        "pan",
        "marksheet-12",
        "Police clearance",
    )
    assert P.parse_documents(["NBI", "TOR", "nbi clearance"]) == (
        "nbi-clearance",
        "transcript-of-records",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-12", datetime.date(2026, 11, 12)),
        ("2026-11-12T10:00:00Z", datetime.date(2026, 11, 12)),
        ("2026/11/12", datetime.date(2026, 11, 12)),
        ("2026-11", datetime.date(2026, 11, 1)),
        ("2026", datetime.date(2026, 1, 1)),
        ("12/11/2026", datetime.date(2026, 11, 12)),
        ("11/25/2026", datetime.date(2026, 11, 25)),
        ("12.11.26", datetime.date(2026, 11, 12)),
        ("12 Nov 2026", datetime.date(2026, 11, 12)),
        ("12-Nov-2026", datetime.date(2026, 11, 12)),
        ("12th November, 2026", datetime.date(2026, 11, 12)),
        ("Nov 12, 2026", datetime.date(2026, 11, 12)),
        ("Sept 5 2026", datetime.date(2026, 9, 5)),
        ("46338", datetime.date(2026, 11, 12)),
        ("", None),
    ],
)
def test_dates(text, expected):
    assert P.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2026", "not a real date"),
        ("1999-12-31", "from 2000 to 2100"),
        ("30000", "from 2000 to 2100"),
        ("yesterday", "not a date we can read"),
        ("12 Foo 2026", "not a date we can read"),
    ],
)
def test_bad_dates(text, message):
    with pytest.raises(ValueError, match=message):
        P.parse_date(text)


def test_urls():
    assert P.parse_url(" https://example.in/jobs/1 ") == "https://example.in/jobs/1"
    assert P.parse_url("www.example.com/x") == "https://www.example.com/x"
    assert P.parse_url("") == ""
    for bad in ("not a url", "ftp://example.com", "https://localhost/", "http://[::1", "x" * 600):
        with pytest.raises(ValueError, match="is not a web address"):
            P.parse_url(bad)


def test_currencies_and_periods():
    assert [P.parse_currency(c) for c in ("₹", "Rs", "rupees", "PHP", "₱", "peso", "")] == [
        "INR",
        "INR",
        "INR",
        "PHP",
        "PHP",
        "PHP",
        "",
    ]
    assert [P.parse_period(p) for p in ("LPA", "per annum", "Monthly", "pm", "")] == [
        "year",
        "year",
        "month",
        "month",
        "",
    ]
    with pytest.raises(ValueError, match="not INR or PHP"):
        P.parse_currency("USD")
    with pytest.raises(ValueError, match="not year or month"):
        P.parse_period("weekly")


def test_split_list():
    assert P.split_list("- Good English\n* Typing; Excel | MS Word\u2022 CRM\n1. Calm\n\nN/A") == (
        "Good English",
        "Typing",
        "Excel",
        "MS Word",
        "CRM",
        "Calm",
    )


# ------------------------------------------------------------------ pasted text

PASTED = """Hiring for Customer Support Executive - International Voice Process
Company: Harbor Bay Contact Centre
Location: Makati City, Philippines
Salary: PHP 18,000 - 22,000 per month plus night differential

About the role
You will handle inbound calls from US customers about billing and orders.

Requirements
- Senior high school graduate or college level
- Excellent spoken English
- Typing speed of 30 WPM
- Willing to work night shifts and rotational shifts
- NBI clearance and SSS number

Good to have
- Prior BPO experience is a plus
"""


def test_a_pasted_advert():
    posting = from_text(PASTED)

    assert posting.title == "Customer Support Executive - International Voice Process"
    assert (posting.company, posting.city, posting.country) == (
        "Harbor Bay Contact Centre",
        "Makati City",
        "PH",
    )
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        18_000,
        22_000,
        "PHP",
    )
    assert posting.track == "international-voice"
    assert posting.shifts == ("night", "rotational")
    assert posting.must_have[:2] == (
        "Senior high school graduate or college level",
        "Excellent spoken English",
    )
    assert posting.nice_to_have == ("Prior BPO experience is a plus",)
    assert posting.responsibilities == (
        "You will handle inbound calls from US customers about billing and orders.",
    )
    assert posting.knockouts == {
        "degree_min": "higher_secondary",
        "min_wpm": 30,
        "documents": ["nbi-clearance", "sss-number"],
    }
    assert posting.description == PASTED.strip() and posting.source == "Pasted text"
    assert from_text(PASTED + "\n\n").fingerprint() == posting.fingerprint()


def test_a_pasted_paragraph_with_no_labels():
    text = (
        "We are hiring chat support associates in Pune for a US client with a long first "
        "sentence that goes on and on about the company and its many clients across the world. "
        "Day shift and night shift available. Salary 2.4 LPA to 3 LPA. Candidates must be "
        "graduates with good written English and a typing speed of 25 WPM. Work from office, "
        "non voice process."
    )

    posting = from_text(text)

    assert posting.title.endswith("\u2026") and len(posting.title) <= P.PASTED_TITLE_CHARS
    assert (posting.city, posting.country, posting.workplace) == ("Pune", "IN", "on-site")
    assert (posting.salary_min, posting.salary_max) == (240_000, 300_000)
    assert posting.track == "chat-email"
    assert posting.shifts == ("day", "night")
    assert posting.knockouts == {"degree_min": "undergraduate", "min_wpm": 25}


def test_pasted_labels_win_over_guesses():
    text = (
        "Job title: Process Associate\nProcess: Back office\nShift: Night\nWork mode: Hybrid\n"
        "Location: Remote\nCTC: not disclosed\nYou will key in invoices, check totals against the "
        "source documents and raise queries with the client team every day of the week."
    )

    posting = from_text(text)

    assert posting.title == "Process Associate"
    assert (posting.track, posting.shifts) == ("back-office", ("night",))
    assert (posting.workplace, posting.city, posting.country) == ("remote", "", "")
    assert posting.salary_min is None and posting.salary_currency == ""


def test_pasted_text_guesses_what_it_can():
    philippines = from_text(
        "Chat agent wanted for a hybrid team in the Philippines. " + "Answer chats politely. " * 8
    )
    salary_only = from_text("Team member. Pay is PHP 20,000 per month. " + "Help customers. " * 10)
    tied = from_text("Agent. We run a chat process and a data entry team. " + "Be kind. " * 10)
    dollars = from_text("Agent\nSalary: USD 900 per month\n" + "Help customers. " * 10)

    assert (philippines.country, philippines.workplace, philippines.city) == ("PH", "hybrid", "")
    assert (salary_only.country, salary_only.salary_currency) == ("PH", "PHP")
    assert tied.track == ""
    assert dollars.salary_min is None and dollars.country == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n ", "the text is empty"),
        ("Chat agent in Pune, night shift", "at least 20 words"),
        ("word " * 5000, "paste at most 20,000"),
    ],
)
def test_pasted_text_that_is_not_an_advert(text, message):
    with pytest.raises(ValueError, match=message):
        from_text(text)


# ------------------------------------------------------------------ the posting


def test_the_fingerprint_ignores_case_and_spacing_but_not_identity():
    one = PostingData(title="Chat Agent", company="Acme", city="Pune", source_url="https://a.in/1/")
    same = PostingData(
        title=" chat  AGENT", company="ACME ", city="pune", source_url="https://a.in/1"
    )
    other_url = PostingData(
        title="Chat Agent", company="Acme", city="Pune", source_url="https://a.in/2"
    )
    no_url = PostingData(title="Chat Agent", description="Answer chats")
    other_text = PostingData(title="Chat Agent", description="Answer calls")

    assert one.fingerprint() == same.fingerprint()
    assert len(one.fingerprint()) == 64
    assert one.fingerprint() != other_url.fingerprint()
    assert no_url.fingerprint() != other_text.fingerprint()
    # Other fields (salary, shifts) may change without making it another posting.
    assert PostingData(
        title="Chat Agent", description="Answer chats", salary_min=1
    ).fingerprint() == (no_url.fingerprint())


def test_search_text_and_terms():
    posting = PostingData(
        title="Chat Support Executive",
        company="Acme",
        city="Pune",
        track="chat-email",
        shifts=("night", "rotational"),
        must_have=("Typing speed of 30 WPM",),
        nice_to_have=("Zendesk",),
        responsibilities=("Resolve tickets on first contact",),
        description="A CRM-heavy role.",
    )

    assert posting.search_text().splitlines() == [
        "Chat Support Executive",
        "Acme",
        "Pune",
        "Chat and email support",
        "night shift rotational shift",
        "Typing speed of 30 WPM",
        "Zendesk",
        "Resolve tickets on first contact",
        "A CRM-heavy role.",
    ]
    terms = posting.terms(VOCABULARY)
    assert list(terms) == sorted(set(terms))
    assert {"zendesk", "crm"} <= set(terms)
    assert PostingData(title="Chat Agent").search_text() == "Chat Agent"


def test_to_fields_gives_the_model_values():
    posting = from_text(PASTED)

    fields = posting.to_fields()

    assert fields["shifts"] == ["night", "rotational"]
    assert fields["must_have"] == list(posting.must_have)
    assert fields["knockouts"] == {
        "degree_min": "higher_secondary",
        "min_wpm": 30,
        "documents": ["nbi-clearance", "sss-number"],
    }
    assert fields["fingerprint"] == posting.fingerprint()
    assert fields["search_text"] == posting.search_text()
    assert set(fields) == {f for f in PostingData.__dataclass_fields__} | {
        "fingerprint",
        "search_text",
    }
    assert json.dumps({k: v for k, v in fields.items() if k != "posted_on"})
    assert PostingData(title="x", knockouts={"shifts": ("night",)}).to_fields()["knockouts"] == {
        "shifts": ["night"]
    }


def test_job_spec_merges_the_posting_with_its_description():
    posting = PostingData(
        title="Customer Support Executive",
        city="Pune",
        workplace="on-site",
        shifts=("night",),
        must_have=("Good English",),
        nice_to_have=("Zendesk",),
        responsibilities=("Answer chats",),
        description=(
            "Requirements\n- Good English\n- Typing speed of 25 WPM\n- Any graduate\n"
            "- Immediate joiners\nResponsibilities\n- Log cases in the CRM\n"
            "Good to have\n- Hindi is a plus\nKey skills: Excel, CRM"
        ),
        knockouts={"degree_min": "higher_secondary", "min_wpm": 30, "documents": ["aadhaar"]},
    )

    spec = posting.job_spec()

    assert isinstance(spec, JobSpec) and spec.title == "Customer Support Executive"
    assert spec.must_have == (
        "Good English",
        "Typing speed of 25 WPM",
        "Any graduate",
        "Immediate joiners",
    )
    assert spec.nice_to_have == ("Zendesk", "Hindi is a plus")
    assert spec.responsibilities == ("Answer chats", "Log cases in the CRM")
    assert spec.keywords == ("Excel", "CRM")
    kinds = {k.kind: k for k in spec.knockouts}
    assert set(kinds) == {"shift", "location", "degree", "typing", "notice"}
    assert kinds["shift"].shifts == ("night",)
    assert (kinds["location"].city, kinds["location"].on_site) == ("Pune", True)
    # The posting's own rules win over the text's.
    assert kinds["degree"].degree_min == "higher_secondary"
    assert kinds["typing"].min_wpm == 30
    result = match({"basics": {"name": "A"}}, spec, VOCABULARY)
    assert 0 <= result.score <= 100


def test_job_spec_knockouts_from_the_fields_alone():
    day_and_night = PostingData(
        title="Agent", shifts=("day", "night"), workplace="remote", city="Pune"
    )
    required = PostingData(title="Agent", shifts=("day",), knockouts={"shifts": ["rotational"]})
    office = PostingData(title="Agent", workplace="on-site")

    assert day_and_night.job_spec().knockouts == ()
    (shift,) = required.job_spec().knockouts
    assert shift.shifts == ("rotational",)
    (location,) = office.job_spec().knockouts
    assert location.on_site and location.requirement == "Work from the office"
    assert office.job_spec().description == ""


def test_job_spec_does_not_read_the_title_twice():
    posting = from_text(PASTED)

    spec = posting.job_spec()

    assert spec.title == posting.title
    assert "Customer Support Executive - International Voice Process" not in spec.description
    degree_rules = [k for k in spec.knockouts if k.kind == "degree"]
    assert len(degree_rules) == 1


# ------------------------------------------------------------------ never anything else


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_read_csv_only_ever_refuses_with_a_posting_file_error(raw):
    try:
        read = read_csv(raw)
    except PostingFileError:
        return
    assert isinstance(read, FileRead)


CELLS = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 ,;\t\"'\n\r-/.:+₹₱$()kLPA%")) | st.characters(),
    max_size=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(sorted(P._COLUMN_OF)), min_size=1, max_size=8),
    st.lists(st.lists(CELLS, max_size=9), max_size=6),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_read_csv_never_raises_on_csv_like_files(header, rows, delimiter, encoding):
    text = "\n".join(delimiter.join(row) for row in [["title", *header], *rows])
    raw = text.encode(encoding, errors="replace")
    try:
        read = read_csv(raw)
    except PostingFileError:
        return
    for _row, posting in read.postings:
        assert posting.title and len(posting.title) <= 200
        assert posting.track in ("", *P.TRACKS)
        assert set(posting.shifts) <= set(P.SHIFTS)
        assert posting.salary_currency in ("", *P.CURRENCIES)


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["title", "x-bpo", "salary", "location",
                                                       "knockouts", "track", "date", "remote"]),
                                      inner, max_size=4),
                    max_leaves=12))  # fmt: skip
def test_read_json_never_raises_on_odd_documents(data):
    with contextlib.suppress(PostingFileError):
        read_json(json.dumps(data).encode())
