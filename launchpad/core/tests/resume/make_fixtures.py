"""Generate the resume parser's test files into fixtures/ (run from the repository root).

    .venv/bin/python launchpad/core/tests/resume/make_fixtures.py

Two invented candidates (every name, employer, school and number is made up):
- Ishita Kulkarni, an Indian commerce fresher (B.Com with CGPA, Class XII percentage,
  Hindi/English/Marathi, +91 mobile, an internship, personal details and a declaration);
- Carmela Joy Bautista, a Philippine career shifter (BSBA with GWA, +63 mobile, CSR
  experience after retail, Tagalog, TESDA NC II, personal data and references).

Each in five layouts: (a) single-column PDF from WeasyPrint HTML, (b) two-column PDF from
WeasyPrint, (c) DOCX with Heading styles (python-docx), (d) DOCX with contact details in
the page header and tables, (e) PDFs exported by LibreOffice from (c) and (d) (skipped with a
message when `soffice` is not installed: the committed files keep the tests independent
of it). Plus a two-page PDF for timing, and the error cases: a password-protected PDF and a
permissions-only encrypted PDF (both hand-written with RC4, PDF standard security handler
revision 2), an image-only PDF and a truncated PDF.

The output is committed; rerunning rewrites it (WeasyPrint and LibreOffice stamp dates,
so the bytes change but the content does not).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from PIL import Image, ImageDraw
from weasyprint import HTML

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    place: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class School:
    degree: str
    school: str
    dates: str
    score: str


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    label: str
    email: str
    phones: tuple[str, str, str]  # as written in layouts (a)/(b), (c), (d)
    place: str
    link: str
    summary_heading: str
    summary: str
    work_heading: str
    jobs: tuple[Job, ...]
    schools: tuple[School, ...]
    skills: tuple[str, ...]
    certificates: tuple[str, ...]
    languages: tuple[str, ...]
    awards: tuple[str, ...]
    volunteer_heading: str
    volunteer: tuple[Job, ...]
    personal_heading: str
    personal: tuple[str, ...]
    closing_heading: str
    closing: tuple[str, ...]
    extra_jobs: tuple[Job, ...] = field(default=())


INDIA = Person(
    key="in_fresher",
    name="Ishita Kulkarni",
    label="Aspiring Customer Support Associate",
    email="ishita.kulkarni@example.com",
    phones=("+91 98220 45671", "098220-45671", "9822045671"),
    place="Pune, Maharashtra",
    link="linkedin.com/in/ishita-kulkarni-example",
    summary_heading="Career Objective",
    summary=(
        "Commerce graduate looking for a Customer Support Associate role in an international "
        "voice process, bringing clear spoken English, 42 WPM typing and an internship "
        "spent answering customer queries."
    ),
    work_heading="Internships",
    jobs=(
        Job(
            "Customer Support Intern",
            "BrightPath Telecom Services Pvt Ltd",
            "Pune",
            "Jun 2022 – Aug 2022",
            (
                "Answered 40 or more inbound calls a day about billing and plan changes",
                "Logged every ticket in the CRM and met the 24-hour follow-up SLA",
                "Scored 92% on the quality audit for call opening and closing",
            ),
        ),
    ),
    schools=(
        School(
            "B.Com (Accounting and Finance)",
            "Sahyadri College of Commerce, Pune",
            "2020 – 2023",
            "CGPA: 8.2/10",
        ),
        School(
            "Class XII (HSC), Commerce",
            "Deccan Valley Junior College, Maharashtra State Board",
            "2020",
            "78.4%",
        ),
    ),
    skills=(
        "Communication: Spoken English, Active listening, Empathy",
        "Computer: MS Excel, MS Word, Google Sheets, CRM basics",
        "Typing: 42 WPM at 96% accuracy",
    ),
    certificates=(
        "CRM Domestic Voice Foundation — Sector Skill Council, 2023",
        "Advanced Excel for Business — Coursera, 2022",
    ),
    languages=("English (Fluent)", "Hindi (Native)", "Marathi (Native)"),
    awards=("Intern of the Month — BrightPath Telecom, July 2022",),
    volunteer_heading="Extra-Curricular Activities",
    volunteer=(
        Job(
            "Volunteer",
            "Pune Literacy Circle (NSS)",
            "",
            "2021 – 2022",
            ("Taught basic spoken English to 25 adult learners every weekend",),
        ),
    ),
    personal_heading="Personal Details",
    personal=(
        "Date of Birth: 14/08/2002",
        "Father's Name: Suresh Kulkarni",
        "Nationality: Indian",
        "Marital Status: Single",
        "Hobbies: Reading, Badminton",
    ),
    closing_heading="Declaration",
    closing=(
        "I hereby declare that the information given above is true to the best of my knowledge.",
        "Place: Pune",
    ),
)

PHILIPPINES = Person(
    key="ph_shifter",
    name="Carmela Joy Bautista",
    label="Customer Service Representative",
    email="carmela.bautista@example.com",
    phones=("+63 917 555 0148", "0917 555 0148", "+639175550148"),
    place="Quezon City, Metro Manila",
    link="linkedin.com/in/carmela-bautista-example",
    summary_heading="Professional Summary",
    summary=(
        "Former retail store supervisor, now two years a Customer Service Representative on "
        "an international telecom account. Calm with irate callers, quick on CRM tools and "
        "ready to grow into a Team Leader role."
    ),
    work_heading="Work Experience",
    jobs=(
        Job(
            "Customer Service Representative",
            "Northstar Contact Solutions Inc.",
            "Quezon City",
            "March 2022 – Present",
            (
                "Handled 70 to 90 inbound telecom calls a shift with an AHT of 6.5 minutes",
                "Kept CSAT at 91% and first call resolution at 84% over 12 months",
                "Coached two new hires during nesting on the billing dispute flow",
            ),
        ),
        Job(
            "Store Supervisor",
            "Sampaguita Retail Corp.",
            "Marikina",
            "June 2017 – February 2022",
            (
                "Led a team of six sales associates and settled customer complaints on the floor",
                "Reconciled the daily sales report in Excel for the area manager",
            ),
        ),
    ),
    schools=(
        School(
            "Bachelor of Science in Business Administration, Major in Marketing Management",
            "Rizal Heights State University",
            "2013 – 2017",
            "GWA: 1.75",
        ),
    ),
    skills=(
        "Call handling: De-escalation, Probing, Hold etiquette",
        "Tools: Salesforce Service Cloud, Zendesk, MS Excel",
        "Typing: 48 WPM",
    ),
    certificates=(
        "Contact Center Services NC II — TESDA, 2021",
        "Customer Service Fundamentals — HubSpot Academy, 2022",
    ),
    languages=("English – Fluent", "Tagalog – Native", "Cebuano – Conversational"),
    awards=("Top Performer, Q3 Award — Northstar Contact Solutions, 2023",),
    volunteer_heading="Organizations",
    volunteer=(
        Job(
            "Member",
            "Marikina Youth Red Cross Volunteers",
            "",
            "2015 – 2017",
            ("Helped run first-aid booths at barangay fiestas",),
        ),
    ),
    personal_heading="Personal Data",
    personal=(
        "Birthday: March 3, 1996",
        "Civil Status: Single",
        "Citizenship: Filipino",
        "Religion: Roman Catholic",
    ),
    closing_heading="Character References",
    closing=("Available upon request.",),
    extra_jobs=(
        Job(
            "Sales Associate",
            "Sampaguita Retail Corp.",
            "Marikina",
            "May 2015 – May 2017",
            (
                "Assisted 60 walk-in customers a day and kept the shelves in planogram order",
                "Processed returns and exchanges at the service counter",
                "Reached 110% of the monthly sales target for six months in a row",
            ),
        ),
        Job(
            "Cashier",
            "Kalayaan Grocery Mart",
            "Pasig",
            "June 2013 – April 2015",
            (
                "Ran a till of 300 transactions a day with no cash variance",
                "Helped customers apply for the store loyalty card",
            ),
        ),
    ),
)

CSS = """
@page { size: A4; margin: 1.8cm 1.6cm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 22pt; margin: 0; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #888; }
p, ul { margin: 2pt 0; }
.label { font-size: 12pt; }
.row { display: flex; justify-content: space-between; font-weight: bold; }
"""
TWO_COLUMN_CSS = """
.columns { display: flex; gap: 0; }
.side { width: 32%; padding-right: 14pt; }
.main { width: 68%; padding-left: 14pt; }
h2 { text-transform: uppercase; }
"""


def _e(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _jobs_html(jobs: tuple[Job, ...]) -> str:
    out = []
    for job in jobs:
        where = f"{job.employer}, {job.place}" if job.place else job.employer
        out.append(
            f'<div class="row"><span>{_e(job.title)} — {_e(where)}</span>'
            f"<span>{_e(job.dates)}</span></div>"
            "<ul>" + "".join(f"<li>{_e(b)}</li>" for b in job.bullets) + "</ul>"
        )
    return "".join(out)


def _section(heading: str, body: str) -> str:
    return f"<h2>{_e(heading)}</h2>{body}"


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _education_html(person: Person) -> str:
    return "".join(
        f'<div class="row"><span>{_e(s.degree)}</span><span>{_e(s.dates)}</span></div>'
        f"<p>{_e(s.school)} — {_e(s.score)}</p>"
        for s in person.schools
    )


def single_column_html(person: Person, extra: bool = False) -> str:
    jobs = person.jobs + (person.extra_jobs if extra else ())
    contact = f"{person.email} | {person.phones[0]} | {person.place} | {person.link}"
    parts = [
        f"<h1>{_e(person.name)}</h1>",
        f'<p class="label">{_e(person.label)}</p>',
        f"<p>{_e(contact)}</p>",
        _section(person.summary_heading, f"<p>{_e(person.summary)}</p>"),
        _section(person.work_heading, _jobs_html(jobs)),
        _section("Education", _education_html(person)),
        _section("Key Skills", _list(person.skills)),
        _section("Certifications", _list(person.certificates)),
        _section("Languages", f"<p>{_e(', '.join(person.languages))}</p>"),
        _section("Achievements", _list(person.awards)),
        _section(person.volunteer_heading, _jobs_html(person.volunteer)),
        _section(person.personal_heading, "".join(f"<p>{_e(p)}</p>" for p in person.personal)),
        _section(person.closing_heading, "".join(f"<p>{_e(p)}</p>" for p in person.closing)),
    ]
    if extra:
        # Enough experience to run onto a second page, for timing the parser.
        parts.insert(5, _section("Training Programs Completed", _list(_TRAININGS)))
    return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"


_TRAININGS = tuple(
    f"Product and process training module {n}: billing, plans, troubleshooting and "
    "escalation paths, assessed by the quality team"
    for n in range(1, 13)
)


def two_column_html(person: Person) -> str:
    side = "".join(
        (
            _section("Contact", "".join(
                f"<p>{_e(x)}</p>" for x in (person.email, person.phones[0], person.place,
                                            person.link)
            )),
            _section("Skills", _list(person.skills)),
            _section("Languages", _list(person.languages)),
            _section("Certifications", _list(person.certificates)),
        )
    )  # fmt: skip
    main = "".join(
        (
            _section(person.summary_heading, f"<p>{_e(person.summary)}</p>"),
            _section(person.work_heading, _jobs_html(person.jobs)),
            _section("Education", _education_html(person)),
            _section("Achievements", _list(person.awards)),
            _section(person.volunteer_heading, _jobs_html(person.volunteer)),
        )
    )
    body = (
        f"<h1>{_e(person.name)}</h1><p class='label'>{_e(person.label)}</p>"
        f'<div class="columns"><div class="side">{side}</div><div class="main">{main}</div></div>'
    )
    return f"<html><head><style>{CSS}{TWO_COLUMN_CSS}</style></head><body>{body}</body></html>"


def _bullets(document: Document, items: tuple[str, ...]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def headings_docx(person: Person) -> Document:
    """(c): Title for the name, Heading 1 for sections, List Bullet for bullets."""
    document = Document()
    document.add_paragraph(person.name, style="Title")
    document.add_paragraph(person.label)
    document.add_paragraph(f"{person.email}\t{person.phones[1]}\t{person.place}")
    document.add_paragraph(person.link)
    document.add_heading(person.summary_heading, level=1)
    document.add_paragraph(person.summary)
    document.add_heading(person.work_heading, level=1)
    for job in person.jobs:
        head = document.add_paragraph()
        head.add_run(job.title).bold = True
        head.add_run(f", {job.employer}, {job.place}\t{_slash_dates(job.dates)}")
        _bullets(document, job.bullets)
    document.add_heading("Education", level=1)
    for school in person.schools:
        document.add_paragraph(f"{school.degree}\t{school.dates}")
        document.add_paragraph(f"{school.school}, {school.score}")
    document.add_heading("Skills", level=1)
    _bullets(document, person.skills)
    document.add_heading("Certifications", level=1)
    _bullets(document, person.certificates)
    document.add_heading("Languages", level=1)
    document.add_paragraph(", ".join(person.languages))
    document.add_heading("Awards", level=1)
    _bullets(document, person.awards)
    document.add_heading(person.volunteer_heading, level=1)
    for job in person.volunteer:
        document.add_paragraph(f"{job.title}, {job.employer}\t{job.dates}")
        _bullets(document, job.bullets)
    document.add_heading(person.personal_heading, level=1)
    for line in person.personal:
        document.add_paragraph(line)
    document.add_heading(person.closing_heading, level=1)
    for line in person.closing:
        document.add_paragraph(line)
    return document


def _slash_dates(dates: str) -> str:
    """ "Jun 2022 – Aug 2022" as "06/2022 - 08/2022" (the numeric form some resumes use)."""
    months = {m: i for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )}  # fmt: skip
    parts = []
    for part in dates.split(" – "):
        words = part.split()
        if len(words) == 2 and words[0][:3] in months:
            parts.append(f"{months[words[0][:3]]:02d}/{words[1]}")
        else:
            parts.append(part)
    return " - ".join(parts)


def header_table_docx(person: Person) -> Document:
    """(d): name and contact in the page header, bold headings with colons, tables."""
    document = Document()
    header = document.sections[0].header
    header.paragraphs[0].text = person.name
    header.paragraphs[0].runs[0].bold = True
    header.paragraphs[0].runs[0].font.size = Pt(18)
    header.add_paragraph(f"{person.phones[2]} | {person.email} | {person.place}")
    document.sections[0].footer.paragraphs[0].text = person.link

    def heading(text: str) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text + ":")
        run.bold = True
        run.font.size = Pt(13)

    heading(person.summary_heading)
    document.add_paragraph(person.summary)
    heading(person.work_heading)
    for job in person.jobs:
        head = document.add_paragraph()
        head.add_run(f"{job.title} | {job.employer} | {job.dates}").bold = True
        for bullet in job.bullets:
            document.add_paragraph("• " + bullet)
    heading("Academic Qualifications")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Degree", "Institute", "Year", "Score"),
                          strict=True):  # fmt: skip
        cell.text = text
    for school in person.schools:
        cells = table.add_row().cells
        for cell, text in zip(
            cells, (school.degree, school.school, school.dates, school.score), strict=True
        ):
            cell.text = text
    # A layout table: skills on the left, languages and certificates on the right.
    layout = document.add_table(rows=1, cols=2)
    left, right = layout.rows[0].cells
    left.paragraphs[0].add_run("Core Competencies:").bold = True
    for skill in person.skills:
        left.add_paragraph(skill)
    right.paragraphs[0].add_run("Languages Known:").bold = True
    for language in person.languages:
        right.add_paragraph(language)
    right.add_paragraph().add_run("Trainings:").bold = True
    for certificate in person.certificates:
        right.add_paragraph(certificate)
    heading("Awards")
    for award in person.awards:
        document.add_paragraph(award)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading(person.personal_heading)
    for line in person.personal:
        document.add_paragraph(line)
    heading(person.closing_heading)
    for line in person.closing:
        document.add_paragraph(line)
    return document


# --- error cases ------------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: str, owner_password: str = "owner") -> bytes:  # noqa: S107
    """A one-page PDF encrypted with RC4 40-bit (standard security handler, revision 2)."""
    file_id = hashlib.md5(b"launchpad-fixture").digest()  # noqa: S324 (the PDF format's own)
    permissions = -4
    owner_key = hashlib.md5((owner_password.encode() + _PAD)[:32]).digest()[:5]  # noqa: S324
    owner_entry = _rc4(owner_key, (user_password.encode() + _PAD)[:32])
    key = hashlib.md5(  # noqa: S324
        (user_password.encode() + _PAD)[:32]
        + owner_entry
        + permissions.to_bytes(4, "little", signed=True)
        + file_id
    ).digest()[:5]
    user_entry = _rc4(key, _PAD)
    content = b"BT /F1 14 Tf 72 760 Td (Locked Resume of a Made Up Person) Tj ET"
    object_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little"))  # noqa: S324
    stream = _rc4(object_key.digest()[:10], content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner_entry.hex().encode() + b"> /U <"
        + user_entry.hex().encode() + b"> /P " + str(permissions).encode() + b" >>",
    ]  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 6 0 R "
        f"/ID [<{file_id.hex()}> <{file_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A PDF whose only page is a picture (a 'scan'), with no text layer."""
    image = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(image)
    for row in range(40, 760, 24):
        draw.rectangle((40, row, 40 + (row * 7) % 480 + 60, row + 10), fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    import base64

    data = base64.b64encode(buffer.getvalue()).decode()
    html = f'<html><body><img src="data:image/png;base64,{data}" style="width:16cm"></body></html>'
    return HTML(string=html).write_pdf()


def write(name: str, data: bytes) -> None:
    (FIXTURES / name).write_bytes(data)
    print(f"wrote {name} ({len(data)} bytes)")


def libreoffice_pdf(docx_path: Path, name: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(f"skipped {name}: LibreOffice (soffice) is not installed")
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx_path)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        write(name, (Path(out) / (docx_path.stem + ".pdf")).read_bytes())


def main() -> int:
    FIXTURES.mkdir(exist_ok=True)
    for person in (INDIA, PHILIPPINES):
        write(f"{person.key}_a_single.pdf", HTML(string=single_column_html(person)).write_pdf())
        write(f"{person.key}_b_two_column.pdf", HTML(string=two_column_html(person)).write_pdf())
        for suffix, build in (("c_headings", headings_docx), ("d_header_table", header_table_docx)):
            buffer = io.BytesIO()
            build(person).save(buffer)
            write(f"{person.key}_{suffix}.docx", buffer.getvalue())
            libreoffice_pdf(FIXTURES / f"{person.key}_{suffix}.docx",
                            f"{person.key}_e_{suffix}_libreoffice.pdf")  # fmt: skip
    two_pages = HTML(string=single_column_html(PHILIPPINES, extra=True)).write_pdf()
    write("two_page.pdf", two_pages)
    write("locked_password.pdf", encrypted_pdf("secret"))
    write("locked_permissions.pdf", encrypted_pdf(""))
    write("image_only.pdf", image_only_pdf())
    single = (FIXTURES / "in_fresher_a_single.pdf").read_bytes()
    write("truncated.pdf", single[: len(single) // 2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
