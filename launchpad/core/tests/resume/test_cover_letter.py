"""The cover letter: realistic drafts, every claim traced to its input, nothing said about the
company beyond its name and the job title, the no-match letter, editing and the exports."""

from __future__ import annotations

import copy
import datetime
import io
import math
import re
import zipfile

import docx
import pytest

from launchpad.core.resume.cover_letter import (
    GREETING,
    PARAGRAPH_KEYS,
    SIGN_OFF,
    Claim,
    CoverLetter,
    Paragraph,
    cover_letter_to_docx,
    cover_letter_to_text,
    draft_cover_letter,
    letter_lines,
    value_at,
)
from launchpad.core.resume.match import JobSpec, parse_job
from launchpad.core.tests.resume.test_export_text import BPO_RESUME
from launchpad.core.tests.resume.test_match import (
    CHAT_JD,
    INDIA_FRESHER,
    INDIA_PROFILE,
    KPO_JD,
    KPO_RESUME,
    PH_CSR,
    PH_PROFILE,
    VOCABULARY,
    VOICE_JD,
)

CHAT_COMPANY = "Saral Support Services"
# name: (resume, job, company, profile, expected)
CASES = {
    "Indian fresher, chat support job": (
        INDIA_FRESHER,
        CHAT_JD,
        CHAT_COMPANY,
        INDIA_PROFILE,
        {
            "greeting": f"Dear {CHAT_COMPANY} recruitment team,",
            "evidence": ["projects[0].highlights[0]", "projects[0].highlights[1]",
                         "skills[1].keywords[0]"],
            "says": ["Customer Support Executive - Chat Process role at Saral Support Services",
                     "as a fresher seeking a chat support role",
                     "I answered 40+ student emails a day",
                     "measured in the skills lab, is 38 WPM",
                     "CEFR B2, as estimated", "I can work night and rotational shifts.",
                     "I am based in Bangalore."],
        },
    ),
    "Philippine CSR, voice job": (
        PH_CSR,
        VOICE_JD,
        "",
        PH_PROFILE,
        {
            "greeting": GREETING,
            "evidence": ["work[0].highlights[0]", "work[0].highlights[2]",
                         "work[0].highlights[3]"],
            "says": ["apply for the Customer Service Representative (Inbound Voice) role.",
                     "At Island Contact Solutions, as a Customer Service Representative, I "
                     "handled 70+ inbound calls", "I also calmed irate customers",
                     "In addition, I up-sold", "CEFR B2, as estimated",
                     "I am based in Cebu City."],
        },
    ),
    "statistics graduate, KPO job with its company": (
        KPO_RESUME,
        KPO_JD,
        "",
        None,
        {
            "greeting": "Dear Insight KPO recruitment team,",
            "evidence": ["work[0].highlights[1]", "work[0].highlights[0]",
                         "projects[0].description"],
            "says": ["Research Analyst role at Insight KPO.",
                     "as an Analytics Intern, I wrote SQL queries",
                     "In my project Industry research: Desk research"],
        },
    ),
    "resume with BPO fields": (
        BPO_RESUME,
        JobSpec(title="Customer Service Associate",
                must_have=("Handled complaints and returns at a service desk",)),
        "Harbor BPO",
        None,
        {
            "greeting": "Dear Harbor BPO recruitment team,",
            "evidence": ["work[0].highlights[0]"],
            "says": ["as a customer service associate",
                     "At Northpoint Mall Store, as a Sales Associate, I handled returns",
                     "My measured typing speed is 38 WPM at 96% accuracy.",
                     "an estimated CEFR B2.", "I can work night and rotational shifts.",
                     "My notice period is 15 days.", "I am based in Quezon City."],
        },
    ),
}  # fmt: skip
IDS = list(CASES)


def draft(name: str, **changes):
    resume, job, company, profile, _ = CASES[name]
    return draft_cover_letter(
        changes.get("resume", resume),
        changes.get("job", job),
        VOCABULARY,
        company=changes.get("company", company),
        profile_evidence=changes.get("profile", profile),
    )


def words(letter: CoverLetter) -> int:
    return len(cover_letter_to_text(letter).split())


# ------------------------------------------------------------------ the resolver


def resolve(source, resume, job, company, profile):
    """The input value a claim's source names; fails the test when there is none."""
    if source == "job.title":
        value = parse_job(job).title
    elif source == "job.company":
        value = company or job["company"]
    elif source.startswith("profile."):
        value = (profile or {})[source.removeprefix("profile.")]
    else:
        value = resume
        for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", source):
            value = value[key] if key else value[int(index)]
    assert value is not None and value != "" and value != [], source
    return value


def stated(claim: Claim, value) -> bool:
    """Whether the claim's text says the value (as the letter words it)."""
    text = claim.text.casefold()
    if isinstance(value, bool):
        return text == ("work from the office" if value else "remote work")
    if isinstance(value, int | float):
        return (value == 0 and text == "join immediately") or str(math.floor(value)) in text
    if isinstance(value, list):
        return all(str(v).casefold() in text for v in value)
    value = " ".join(value.split()).casefold()
    return text in value


@pytest.mark.parametrize("name", IDS)
def test_every_claim_resolves_to_a_value_in_the_inputs(name):
    resume, job, company, profile, _ = CASES[name]
    letter = draft(name)
    for paragraph in letter.paragraphs:
        assert paragraph.claims or paragraph.key != "evidence"
        for claim in paragraph.claims:
            value = resolve(claim.source, resume, job, company, profile)
            assert stated(claim, value), claim
            assert claim.text.casefold() in paragraph.text.casefold(), claim


@pytest.mark.parametrize("name", IDS)
def test_no_number_in_the_letter_comes_from_anywhere_but_a_claim(name):
    letter = draft(name)
    for paragraph in letter.paragraphs:
        rest = paragraph.text
        for claim in sorted(paragraph.claims, key=lambda c: -len(c.text)):
            rest = re.sub(re.escape(claim.text), "", rest, flags=re.IGNORECASE)
        assert not re.search(r"\d", rest), (paragraph.key, rest)


# ------------------------------------------------------------------ the drafts


@pytest.mark.parametrize("name", IDS)
def test_realistic_drafts(name):
    resume, *_, expected = CASES[name]
    letter = draft(name)
    assert [p.key for p in letter.paragraphs] == list(PARAGRAPH_KEYS)
    assert letter.name == resume["basics"]["name"]
    assert letter.greeting == expected["greeting"]
    assert letter.sign_off == SIGN_OFF
    evidence = [
        c.source
        for c in letter.paragraph("evidence").claims
        if "highlights" in c.source or "keywords" in c.source or "description" in c.source
    ]
    assert evidence == expected["evidence"]
    text = cover_letter_to_text(letter)
    for phrase in expected["says"]:
        assert phrase in text
    assert 180 <= words(letter) <= 320


@pytest.mark.parametrize("name", IDS)
def test_the_draft_is_deterministic_and_leaves_its_inputs_alone(name):
    resume, job, _, profile, _ = CASES[name]
    before = copy.deepcopy((resume, job, profile))
    assert draft(name) == draft(name)
    assert (resume, job, profile) == before


BANNED = re.compile(
    r"\b(?:leader|leading|renowned|reputed|prestigious|world[- ]class|innovative|growing|"
    r"culture|mission|values|vision|admire|famous|best|top|largest|award)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name", IDS)
def test_nothing_is_said_about_the_company_beyond_its_name_and_the_job_title(name):
    _, job, company, _, _ = CASES[name]
    letter = draft(name)
    company = company or (job.get("company", "") if isinstance(job, dict) else "")
    for paragraph in letter.paragraphs:
        assert not BANNED.search(paragraph.text), paragraph.text
        sources = {c.source for c in paragraph.claims}
        assert not {s for s in sources if s.startswith("job.")} - {"job.title", "job.company"}
        if company and company in paragraph.text:
            assert paragraph.key == "role"
            assert f" at {company}." in paragraph.text
    if company:
        assert letter.paragraph("role").text.count(company) == 1


def test_the_company_comes_from_the_argument_before_the_job():
    letter = draft("statistics graduate, KPO job with its company", company="Acme")
    assert letter.greeting == "Dear Acme recruitment team,"
    assert "Insight KPO" not in cover_letter_to_text(letter)


def test_the_contact_line_joins_email_phone_and_city():
    letter = draft("Indian fresher, chat support job")
    assert letter.contact == "priya@example.com \u00b7 +91 98765 43210 \u00b7 Bangalore"
    assert "You can reach me at priya@example.com or on +91 98765 43210." in (
        letter.paragraph("closing").text
    )


# ------------------------------------------------------------------ nothing matching

TEA_STALL = {
    "basics": {"name": "Ravi Kumar"},
    "work": [{"name": "Ravi Tea Stall", "highlights": ["Opened the stall at six",
                                                       "Served 200 customers a day"]}],
}  # fmt: skip
SQL_JOB = JobSpec(title="Data Analyst", must_have=("Advanced SQL and Tableau",))


def test_with_nothing_matching_it_says_so_and_offers_the_strongest_line():
    letter = draft_cover_letter(TEA_STALL, SQL_JOB, VOCABULARY)
    evidence = letter.paragraph("evidence")
    assert evidence.text == (
        "My resume does not yet show the main requirements of this role, so I will not claim "
        "them. The strongest line I can offer is this. At Ravi Tea Stall, I served 200 "
        "customers a day."
    )
    assert [c.source for c in evidence.claims] == ["work[0].name", "work[0].highlights[1]"]
    assert "SQL" not in evidence.text and "Tableau" not in evidence.text
    assert letter.paragraph("availability").text == (
        "I would be glad to discuss my shifts, notice period and joining date with you."
    )
    assert letter.paragraph("availability").claims == ()
    assert letter.paragraph("role").text == "I am writing to apply for the Data Analyst role."
    assert letter.paragraph("closing").claims == ()
    assert letter.greeting == GREETING and letter.contact == ""


def test_without_a_quantified_line_the_first_line_is_offered():
    resume = {"projects": [{"highlights": ["Top of the class in customer care"]}]}
    evidence = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith("offer is this. Top of the class in customer care.")


def test_without_experience_the_education_is_offered():
    resume = {"education": [{"studyType": "B.Com", "area": "Commerce",
                             "institution": "Mount Carmel College"}]}  # fmt: skip
    evidence = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith("I studied B.Com in Commerce at Mount Carmel College.")
    area_only = {"education": [{"area": "Commerce"}]}
    evidence = draft_cover_letter(area_only, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith("claim them. I studied Commerce.")
    evidence = draft_cover_letter({}, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith("so I will not claim them.")


# ------------------------------------------------------------------ sentences and sources


@pytest.mark.parametrize(
    ("label", "says"),
    [
        ("Aspiring chat agent", "my profile as an aspiring chat agent."),
        ("An MBA in HR", "my profile as an MBA in HR."),
        ("BPO Associate", "my profile as a BPO Associate."),
    ],
)
def test_the_headline_reads_after_as(label, says):
    letter = draft_cover_letter({"basics": {"label": label}}, SQL_JOB, VOCABULARY)
    assert says in letter.paragraph("role").text


def test_a_first_person_summary_is_kept_as_written():
    resume = {"basics": {"summary": "I enjoy solving problems. I also like people."}}
    role = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("role")
    assert role.text.endswith(" I enjoy solving problems. I would welcome the chance to "
                              "bring these strengths to the role.")  # fmt: skip
    assert role.claims[-1] == Claim("I enjoy solving problems", "basics.summary")


@pytest.mark.parametrize(
    ("work", "says", "sources"),
    [
        ({"position": "Trainee", "name": "Acme BPO"}, "I have worked as Trainee at Acme BPO.",
         ["work[0].position", "work[0].name"]),
        ({"position": "Trainee"}, "I have worked as Trainee.", ["work[0].position"]),
        ({"name": "Acme BPO"}, "I am writing to apply", []),
    ],
)  # fmt: skip
def test_without_a_headline_the_role_paragraph_uses_the_latest_position(work, says, sources):
    role = draft_cover_letter({"work": [work]}, JobSpec(), VOCABULARY).paragraph("role")
    assert role.text.startswith("I am writing to apply for this role.")
    assert says in role.text
    assert [c.source for c in role.claims] == sources


@pytest.mark.parametrize(
    ("entry", "says", "sources"),
    [
        ({"organization": "Red Cross", "highlights": ["Taught 30 children to read"]},
         "At Red Cross, I taught 30 children to read.", ["volunteer[0].organization"]),
        ({"position": "Volunteer tutor", "highlights": ["Taught 30 children to read"]},
         "As a volunteer tutor, I taught 30 children to read.", ["volunteer[0].position"]),
        ({"highlights": ["Taught 30 children to read"]}, "I taught 30 children to read.", []),
        ({"organization": "Red Cross", "highlights": ["30 children taught to read"]},
         "At Red Cross: 30 children taught to read.", ["volunteer[0].organization"]),
    ],
)  # fmt: skip
def test_a_line_is_opened_by_where_it_comes_from(entry, says, sources):
    evidence = draft_cover_letter({"volunteer": [entry]}, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith(says)
    assert [c.source for c in evidence.claims][:-1] == sources


def test_lines_without_a_verb_or_a_place_are_cited_as_written():
    resume = {"projects": [{"highlights": ["30 children taught to read"]}]}
    evidence = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith("offer is this. 30 children taught to read.")


def test_only_short_values_matched_are_listed_not_quoted():
    resume = {"skills": [{"name": "Tools", "keywords": ["SQL", "Tableau"]}]}
    evidence = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text == (
        "Here is what my resume shows for the main needs of this role. My resume lists SQL "
        "and Tableau."
    )


def test_profile_evidence_wins_over_the_resume_bpo_fields():
    profile = {"typing_wpm": 41.9, "english_cefr": "C1", "shifts": ["Day", 3],
               "notice_days": 1, "city": "Pasig", "on_site": True}  # fmt: skip
    letter = draft("resume with BPO fields", profile=profile)
    assert "measured in the skills lab, is 41 WPM." in letter.paragraph("evidence").text
    assert "CEFR C1, as estimated in the skills lab." in letter.paragraph("evidence").text
    assert letter.paragraph("availability").text == (
        "I can work day shifts. My notice period is 1 day. I am based in Pasig and can work "
        "from the office."
    )
    assert [c.source for c in letter.paragraph("availability").claims] == [
        "profile.shifts",
        "profile.notice_days",
        "profile.city",
        "profile.on_site",
    ]


@pytest.mark.parametrize(
    ("profile", "says"),
    [
        (
            {"notice_days": 0, "on_site": True},
            "I can join immediately. I can work from the office.",
        ),
        ({"on_site": False}, "I am looking for remote work."),
        ({"notice_days": 30, "on_site": None}, "My notice period is 30 days."),
    ],
)
def test_availability_says_only_what_is_known(profile, says):
    letter = draft_cover_letter({}, SQL_JOB, VOCABULARY, profile_evidence=profile)
    assert letter.paragraph("availability").text == says


@pytest.mark.parametrize(
    ("english", "says", "sources"),
    [
        ({"test": "IELTS", "score": 7.0, "cefr": "C1", "estimate": True},
         "I scored 7.0 in the IELTS, CEFR C1 (estimated).",
         ["score", "test", "cefr"]),
        ({"test": "Versant English Test", "score": "58", "cefr": "B1", "estimate": False},
         "I scored 58 in the Versant English Test, CEFR B1.", ["score", "test", "cefr"]),
        ({"test": "IELTS", "score": "6.5"}, "I scored 6.5 in the IELTS.", ["score", "test"]),
    ],
)  # fmt: skip
def test_an_english_test_is_named_with_its_score(english, says, sources):
    resume = {"basics": {"x-bpo": {"english": english}}}
    evidence = draft_cover_letter(resume, SQL_JOB, VOCABULARY).paragraph("evidence")
    assert evidence.text.endswith(says)
    assert [c.source for c in evidence.claims] == [f"basics.x-bpo.english.{key}" for key in sources]
    for claim in evidence.claims:
        assert stated(claim, resolve(claim.source, resume, SQL_JOB, "", None))


# ------------------------------------------------------------------ editing


@pytest.mark.parametrize("name", IDS)
def test_from_dict_inverts_to_dict(name):
    letter = draft(name)
    data = letter.to_dict()
    assert CoverLetter.from_dict(data) == letter
    assert set(data) == {"name", "contact", "greeting", "paragraphs", "sign_off"}


def test_an_edited_letter_is_read_back():
    data = draft("Philippine CSR, voice job").to_dict()
    data["paragraphs"][0]["text"] = "My own words."
    data["sign_off"] = "Warm regards,"
    letter = CoverLetter.from_dict(data)
    assert letter.paragraphs[0] == Paragraph("role", "My own words.", letter.paragraphs[0].claims)
    assert cover_letter_to_text(letter).endswith("Warm regards,\nMaria Santos\n")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("name"), "letter.name: should be text"),
        (lambda d: d.update(paragraphs={}), "letter.paragraphs: should be a list"),
        (lambda d: d["paragraphs"].__setitem__(1, "text"), "paragraphs[1]: should be an object"),
        (lambda d: d["paragraphs"][0].update(key=3), "paragraphs[0].key: should be text"),
        (
            lambda d: d["paragraphs"][0]["claims"].__setitem__(0, {"text": "x"}),
            "paragraphs[0].claims[0].source: should be text",
        ),
        (
            lambda d: d["paragraphs"][2]["claims"].__setitem__(0, "x"),
            "paragraphs[2].claims[0]: should be an object",
        ),
    ],
)
def test_from_dict_names_what_is_wrong(change, message):
    data = draft("Indian fresher, chat support job").to_dict()
    change(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        CoverLetter.from_dict(data)


@pytest.mark.parametrize("data", [[], "letter", None])
def test_from_dict_needs_an_object(data):
    with pytest.raises(ValueError, match="letter: should be an object"):
        CoverLetter.from_dict(data)


# ------------------------------------------------------------------ exports

GOLDEN = """\
Priya Sharma
priya@example.com · +91 98765 43210 · Bangalore

Dear Saral Support Services recruitment team,

I am writing to apply for the Customer Support Executive - Chat Process role at Saral Support \
Services. I see a clear fit with my profile as a fresher seeking a chat support role. My resume \
sums up my background as: Commerce graduate with strong written English and a customer-first \
attitude. I would welcome the chance to bring these strengths to the role.

Here is what my resume shows for the main needs of this role. In my project College help desk \
(volunteer), I answered 40+ student emails a day and resolved fee queries. I also logged issues \
in Google Sheets and escalated urgent cases. My resume also lists Written English. My typing \
speed, measured in the skills lab, is 38 WPM. My English level is CEFR B2, as estimated in the \
skills lab.

I can work night and rotational shifts. I am based in Bangalore.

Thank you for taking the time to consider my application. I would be glad to attend an \
interview or an assessment at a time that suits you. You can reach me at priya@example.com or \
on +91 98765 43210. I look forward to hearing from you.

Yours sincerely,
Priya Sharma
"""


def test_the_text_export_matches_the_golden_letter():
    assert cover_letter_to_text(draft("Indian fresher, chat support job")) == GOLDEN


def test_the_text_export_drops_empty_lines_and_cleans_whitespace():
    letter = CoverLetter("", "", "Dear  team,\n", (Paragraph("role", "One\ntwo."),), "Bye,")
    assert cover_letter_to_text(letter) == "Dear team,\n\nOne two.\n\nBye,\n"


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("name", IDS)
def test_the_docx_has_the_paragraphs_in_order_and_no_tables_or_headers(name):
    letter = draft(name)
    document = open_docx(cover_letter_to_docx(letter))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for _, text in paragraphs] == [text for _, text in letter_lines(letter)]
    assert paragraphs[0] == ("Heading 1", letter.name)
    assert paragraphs[1] == ("Letter Contact", letter.contact)
    assert [t for s, t in paragraphs if s == "Normal"][1:5] == [p.text for p in letter.paragraphs]
    assert ("Letter Sign-off", SIGN_OFF) in paragraphs
    assert document.tables == []
    for section in document.sections:
        assert not any(p.text for p in section.header.paragraphs)
        assert not any(p.text for p in section.footer.paragraphs)
    assert document.core_properties.title == f"{letter.name} cover letter"
    assert document.core_properties.created is None


def test_the_docx_bytes_are_fixed_and_carry_the_timestamp():
    letter = draft("Philippine CSR, voice job")
    assert cover_letter_to_docx(letter) == cover_letter_to_docx(letter)
    with zipfile.ZipFile(io.BytesIO(cover_letter_to_docx(letter))) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    when = datetime.datetime(
        2026, 11, 20, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
    )
    data = cover_letter_to_docx(letter, timestamp=when)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 11, 20, 1, 30, 0)}
    properties = open_docx(data).core_properties
    assert properties.created == datetime.datetime(2026, 11, 20, 1, 30, tzinfo=datetime.UTC)
    assert properties.modified == properties.created
    assert properties.subject == "Cover letter"


def test_an_early_timestamp_keeps_the_zip_epoch_and_a_nameless_letter_has_a_title():
    letter = CoverLetter("", "", GREETING, (Paragraph("role", "Hello."),), SIGN_OFF)
    data = cover_letter_to_docx(letter, timestamp=datetime.datetime(1970, 1, 2))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert open_docx(data).core_properties.title == "Cover letter"


def test_value_at_reads_json_resume_paths():
    resume = {"work": [{"highlights": ["a", "b"]}], "basics": {"x-bpo": {"shifts": ["day"]}}}
    assert value_at(resume, "work[0].highlights[1]") == "b"
    assert value_at(resume, "basics.x-bpo.shifts") == ["day"]
    assert value_at(resume, "work[3].highlights[0]") is None
    assert value_at(resume, "work[0].highlights[0].x") is None
