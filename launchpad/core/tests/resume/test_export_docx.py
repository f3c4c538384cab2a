"""The DOCX export: real heading and list styles, contact details in the body, one column with
no tables or text boxes, the two templates, fixed properties and bytes, and the round trip."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from launchpad.core.resume.export_docx import (
    TEMPLATES,
    blocks_to_docx,
    docx_blocks,
    resume_to_docx,
)
from launchpad.core.resume.export_text import (
    SECTION_HEADINGS,
    Block,
    blocks_to_text,
    resume_blocks,
    resume_to_text,
)
from launchpad.core.resume.schema import SCHEMA_DIR
from launchpad.core.tests.resume.test_export_text import BPO_RESUME

SAMPLE = json.loads((SCHEMA_DIR / "sample.resume.json").read_text(encoding="utf-8"))
EXAMPLES = [
    json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((SCHEMA_DIR / "examples").glob("*.json"))
]
RESUMES = [BPO_RESUME, SAMPLE, *EXAMPLES]
IDS = [r["basics"]["name"] for r in RESUMES]
CONTACT = "maria.reyes@example.com | +63 917 555 0123 | Quezon City, Metro Manila, PH"


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


@pytest.fixture(scope="module")
def bpo_docx() -> bytes:
    return resume_to_docx(BPO_RESUME)


def test_the_name_and_the_sections_use_heading_styles(bpo_docx):
    document = open_docx(bpo_docx)
    first = document.paragraphs[0]

    assert (first.text, first.style.name, first.style.style_id) == (
        "Maria Clara Reyes",
        "Heading 1",
        "Heading1",
    )
    assert styled(document, "Heading 1") == ["Maria Clara Reyes"]
    assert styled(document, "Heading 2") == [
        "Summary",
        "Job preferences",
        "Experience",
        "Internships",
        "Education",
        "Skills",
        "Certifications",
        "Languages",
        "Volunteer",
        "References",
    ]
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        outline = document.styles[name].element.pPr.find(qn("w:outlineLvl"))
        assert outline.get(qn("w:val")) == level


def test_bullets_are_a_real_list(bpo_docx):
    document = open_docx(bpo_docx)
    bullets = styled(document, "List Bullet")

    assert bullets[:3] == [
        "Work types: International voice, Chat and email support",
        "Shifts: Night, Rotational",
        "Notice period: 15 days",
    ]
    assert "Typing: 38 WPM at 96% accuracy (measured 2026-11-20, BPO Launchpad skills lab)" in (
        bullets
    )
    assert not any(text.startswith(("- ", "•")) for text in bullets)
    numbering = document.styles["List Bullet"].element.pPr.find(qn("w:numPr"))
    assert numbering is not None
    assert numbering.find(qn("w:numId")) is not None


def test_contact_details_are_in_the_body_and_not_in_headers_or_footers(bpo_docx):
    document = open_docx(bpo_docx)

    contact = [p for p in document.paragraphs if p.text.startswith(CONTACT)]
    assert len(contact) == 1
    assert contact[0].style.name == "Resume Contact"
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            assert part.is_linked_to_previous
            assert "".join(p.text for p in part.paragraphs) == ""
    assert not [name for name in parts(bpo_docx) if "header" in name or "footer" in name]


def test_one_column_with_no_tables_text_boxes_or_images(bpo_docx):
    document = open_docx(bpo_docx)
    body = parts(bpo_docx)["word/document.xml"].decode()

    assert document.tables == []
    assert len(document.sections) == 1
    cols = document.sections[0]._sectPr.find(qn("w:cols"))
    assert cols is None or cols.get(qn("w:num")) in (None, "1")
    for marker in ("<w:tbl>", "txbxContent", "<v:textbox", "<w:drawing", "<w:pict", "<w:fldSimple"):
        assert marker not in body
    assert document.inline_shapes._inline_lst == []
    assert not [name for name in parts(bpo_docx) if name.startswith(("word/media", "docProps/th"))]


def test_every_paragraph_uses_a_known_style(bpo_docx):
    names = {p.style.name for p in open_docx(bpo_docx).paragraphs}

    assert names == {
        "Heading 1",
        "Heading 2",
        "Resume Label",
        "Resume Contact",
        "Resume Entry",
        "Resume Details",
        "Normal",
        "List Bullet",
    }


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("resume", RESUMES, ids=IDS)
def test_round_trip_reads_back_the_same_blocks_and_text(resume, template):
    data = resume_to_docx(resume, template)

    assert docx_blocks(data) == resume_blocks(resume)
    assert blocks_to_text(docx_blocks(data)) == resume_to_text(resume)


def test_round_trip_section_texts(bpo_docx):
    def sections(blocks):
        found: dict[str, list[str]] = {}
        current = None
        for block in blocks:
            if block.kind == "heading":
                current = found.setdefault(block.text, [])
            elif current is not None:
                current.append(block.text)
        return found

    from_docx = sections(docx_blocks(bpo_docx))

    assert from_docx == sections(resume_blocks(BPO_RESUME))
    assert from_docx["Internships"] == [
        "OJT Trainee, Harbor Savings Bank",
        "Makati | Jan 2021 – Apr 2021",
        "Encoded 300 account forms a week with no errors found in audit",
    ]
    assert set(from_docx) <= set(SECTION_HEADINGS)


def test_core_properties(bpo_docx):
    properties = open_docx(bpo_docx).core_properties

    assert properties.title == "Maria Clara Reyes resume"
    assert properties.author == "Maria Clara Reyes"
    assert properties.subject == "Resume"
    assert properties.comments == ""
    assert properties.last_modified_by == "BPO Launchpad"
    assert properties.revision == 1
    assert properties.created is None
    assert properties.modified is None
    assert open_docx(resume_to_docx({})).core_properties.title == "Resume"


def test_the_timestamp_sets_created_modified_and_the_zip_dates():
    ist = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    data = resume_to_docx(SAMPLE, timestamp=datetime.datetime(2026, 11, 20, 10, 0, 30, 5, ist))
    properties = open_docx(data).core_properties
    utc = datetime.datetime(2026, 11, 20, 4, 30, 30)

    assert properties.created.replace(tzinfo=None) == utc
    assert properties.modified.replace(tzinfo=None) == utc
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 20, 4, 30, 30)}


def test_a_naive_timestamp_is_utc_and_an_early_one_keeps_the_zip_epoch():
    naive = resume_to_docx(SAMPLE, timestamp=datetime.datetime(2026, 1, 2, 3, 4, 5))
    early = resume_to_docx(SAMPLE, timestamp=datetime.datetime(1975, 1, 1))

    assert open_docx(naive).core_properties.created.replace(tzinfo=None) == datetime.datetime(
        2026, 1, 2, 3, 4, 5
    )
    assert open_docx(early).core_properties.created.year == 1975
    with zipfile.ZipFile(io.BytesIO(early)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_output_is_deterministic():
    stamp = datetime.datetime(2026, 11, 20, 9, 0)

    assert resume_to_docx(SAMPLE) == resume_to_docx(SAMPLE)
    assert resume_to_docx(SAMPLE, "compact", timestamp=stamp) == resume_to_docx(
        SAMPLE, "compact", timestamp=stamp
    )
    assert resume_to_docx(SAMPLE) != resume_to_docx(SAMPLE, "compact")
    with zipfile.ZipFile(io.BytesIO(resume_to_docx(SAMPLE))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def fonts(data: bytes, style: str) -> tuple[str, float]:
    found = open_docx(data).styles[style].font
    return found.name, found.size.pt


def test_the_templates_differ_in_fonts_and_spacing_only():
    classic, compact = resume_to_docx(BPO_RESUME), resume_to_docx(BPO_RESUME, "compact")

    assert fonts(classic, "Normal") == ("Georgia", 11)
    assert fonts(compact, "Normal") == ("Arial", 10)
    assert fonts(classic, "Heading 1") == ("Georgia", 20)
    assert fonts(compact, "Heading 2") == ("Arial", 11.5)
    assert docx_blocks(classic) == docx_blocks(compact)
    margins = [open_docx(d).sections[0].left_margin.cm for d in (classic, compact)]
    assert margins == pytest.approx([2.2, 1.6], abs=0.001)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_theme_fonts_cannot_override_the_template_fonts(template):
    styles = parts(resume_to_docx(SAMPLE, template))["word/styles.xml"].decode()
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    heading = styles[styles.index('w:styleId="Heading1"') :]
    heading = heading[: heading.index("</w:style>")]

    assert "Theme" not in defaults and "cstheme" not in defaults
    assert "Theme" not in heading and "cstheme" not in heading
    assert f'w:ascii="{TEMPLATES[template].body_font}"' in defaults


def test_an_unknown_template_is_refused():
    with pytest.raises(ValueError, match="unknown template 'modern': choose classic or compact"):
        resume_to_docx(SAMPLE, "modern")


def test_blocks_to_docx_and_back():
    blocks = [Block("name", "Ana"), Block("heading", "Skills"), Block("bullet", "Typing")]

    data = blocks_to_docx(blocks, "compact", name="Ana")

    assert docx_blocks(data) == blocks
    assert open_docx(data).core_properties.title == "Ana resume"


def test_reading_back_skips_empty_paragraphs_and_treats_other_styles_as_text():
    document = docx.Document()
    document.add_paragraph("Ana", style="Title")
    document.add_paragraph("")
    document.add_paragraph("Skills", style="Heading 2")
    buffer = io.BytesIO()
    document.save(buffer)

    assert docx_blocks(buffer.getvalue()) == [Block("text", "Ana"), Block("heading", "Skills")]
