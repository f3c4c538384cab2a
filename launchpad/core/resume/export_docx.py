"""The DOCX export: a Word resume that applicant tracking systems read as well as people do.

`resume_to_docx` renders the blocks of `export_text.resume_blocks` (so it says exactly what
the plain-text export says) as one column of paragraphs: the name in `Heading 1`, section
headings in `Heading 2`, bullets in Word's own `List Bullet` style (a real list, not typed
dashes), entry titles, details, the headline and the contact line in plain paragraph styles of
our own (`Resume Entry`, `Resume Details`, `Resume Label`, `Resume Contact`) and paragraphs in
`Normal`. No tables, text boxes, columns, images or fields; the contact details are in the
body, the page header and footer stay empty. The template's thumbnail image is dropped.

Two templates differ only in fonts, sizes and spacing: `classic` (Georgia, roomy) and
`compact` (Arial, tighter, for fitting on fewer pages). Both use fonts every ATS and word
processor has.

The output is deterministic: the core properties (title "<name> resume", author the name) are
fixed, `created` and `modified` are the `timestamp` given or left out, and every file in the
zip carries the timestamp's date and time (1980-01-01 00:00 without one).

`docx_blocks` reads such a document back into blocks, paragraph by paragraph, by style.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from launchpad.core.resume.export_text import Block, BlockKind, resume_blocks

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip file can hold
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
INK = RGBColor(0x1F, 0x1F, 0x1F)


@dataclass(frozen=True)
class DocxTemplate:
    """Fonts (names and sizes in points) and spacing (points; margins in cm)."""

    body_font: str
    heading_font: str
    body_size: float
    name_size: float
    heading_size: float
    margin_cm: float
    space_after: float
    heading_space_before: float
    entry_space_before: float
    line_spacing: float


TEMPLATES: dict[str, DocxTemplate] = {
    "classic": DocxTemplate(
        body_font="Georgia",
        heading_font="Georgia",
        body_size=11,
        name_size=20,
        heading_size=13,
        margin_cm=2.2,
        space_after=4,
        heading_space_before=14,
        entry_space_before=8,
        line_spacing=1.15,
    ),
    "compact": DocxTemplate(
        body_font="Arial",
        heading_font="Arial",
        body_size=10,
        name_size=16,
        heading_size=11.5,
        margin_cm=1.6,
        space_after=1,
        heading_space_before=8,
        entry_space_before=4,
        line_spacing=1.0,
    ),
}

STYLE_FOR_KIND: dict[BlockKind, str] = {
    "name": "Heading 1",
    "label": "Resume Label",
    "contact": "Resume Contact",
    "heading": "Heading 2",
    "entry": "Resume Entry",
    "details": "Resume Details",
    "text": "Normal",
    "bullet": "List Bullet",
}
KIND_FOR_STYLE: dict[str, BlockKind] = {style: kind for kind, style in STYLE_FOR_KIND.items()}
CUSTOM_STYLES = ("Resume Label", "Resume Contact", "Resume Entry", "Resume Details")


def set_font(style: Any, name: str, size: float) -> None:
    """Give a style an explicit font, dropping theme fonts (which would win over it)."""
    style.font.name = name
    style.font.size = Pt(size)
    _drop_theme_fonts(style.element.rPr.rFonts)


def _drop_theme_fonts(r_fonts: Any) -> None:
    for attribute in THEME_FONT_ATTRIBUTES:
        r_fonts.attrib.pop(qn(attribute), None)


def _apply_template(document: Any, template: DocxTemplate) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    _drop_theme_fonts(default_fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        default_fonts.set(qn(attribute), template.body_font)

    normal = styles["Normal"]
    set_font(normal, template.body_font, template.body_size)
    normal.paragraph_format.space_after = Pt(template.space_after)
    normal.paragraph_format.line_spacing = template.line_spacing

    for name, size, before in (
        ("Heading 1", template.name_size, 0),
        ("Heading 2", template.heading_size, template.heading_space_before),
    ):
        heading = styles[name]
        set_font(heading, template.heading_font, size)
        heading.font.color.rgb = INK
        heading.font.bold = True
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(template.space_after)
        heading.paragraph_format.keep_with_next = True

    for name in CUSTOM_STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
    styles["Resume Label"].font.size = Pt(template.body_size + 1)
    styles["Resume Entry"].font.bold = True
    styles["Resume Entry"].paragraph_format.space_before = Pt(template.entry_space_before)
    styles["Resume Entry"].paragraph_format.keep_with_next = True
    styles["Resume Details"].font.italic = True
    styles["Resume Details"].paragraph_format.keep_with_next = True

    for section in document.sections:
        margin = Cm(template.margin_cm)
        section.top_margin = section.bottom_margin = margin
        section.left_margin = section.right_margin = margin


def _set_properties(document: Any, name: str, timestamp: datetime.datetime | None) -> None:
    properties = document.core_properties
    properties.title = f"{name} resume" if name else "Resume"
    properties.author = name
    properties.subject = "Resume"
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.last_modified_by = "BPO Launchpad"
    properties.revision = 1
    if timestamp is None:
        element = properties._element
        for tag in ("dcterms:created", "dcterms:modified"):
            for child in element.findall(qn(tag)):
                element.remove(child)
    else:
        properties.created = properties.modified = timestamp


def drop_thumbnail(document: Any) -> None:
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del relationships[key]


def utc(timestamp: datetime.datetime) -> datetime.datetime:
    if timestamp.tzinfo is not None:
        timestamp = timestamp.astimezone(datetime.UTC)
    return timestamp.replace(tzinfo=None, microsecond=0)


def fixed_zip(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """The same zip with every member dated `when`, so equal documents give equal bytes."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member.filename))
    return output.getvalue()


def blocks_to_docx(
    blocks: list[Block],
    template: str = "classic",
    *,
    name: str = "",
    timestamp: datetime.datetime | None = None,
) -> bytes:
    """Blocks as a DOCX file (see the module docstring); `name` goes in the properties.

    Raises ValueError for an unknown template."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}: choose {' or '.join(TEMPLATES)}")
    document = docx.Document()
    _apply_template(document, TEMPLATES[template])
    for block in blocks:
        document.add_paragraph(block.text, style=STYLE_FOR_KIND[block.kind])
    when = utc(timestamp) if timestamp is not None else None
    _set_properties(document, name, when)
    drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    zip_time = ZIP_EPOCH
    if when is not None and when.year >= ZIP_EPOCH[0]:
        zip_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return fixed_zip(buffer.getvalue(), zip_time)


def resume_to_docx(
    resume: Mapping[str, Any],
    template: str = "classic",
    *,
    timestamp: datetime.datetime | None = None,
) -> bytes:
    """The resume as a DOCX file, in `template` (`classic` or `compact`).

    `timestamp` (naive means UTC) becomes the document's created and modified times; without
    it they are left out. Raises ValueError for an unknown template and
    `bpo.BpoFieldsError` for malformed BPO fields."""
    blocks = resume_blocks(resume)
    name = next((block.text for block in blocks if block.kind == "name"), "")
    return blocks_to_docx(blocks, template, name=name, timestamp=timestamp)


def docx_blocks(data: bytes) -> list[Block]:
    """A DOCX file's body paragraphs as blocks, the kind read from each paragraph's style
    (`text` for any style we do not use); empty paragraphs are skipped."""
    document = docx.Document(io.BytesIO(data))
    blocks: list[Block] = []
    for paragraph in document.paragraphs:
        text = str(paragraph.text)
        if text:
            style = str(getattr(paragraph.style, "name", ""))
            blocks.append(Block(KIND_FOR_STYLE.get(style, "text"), text))
    return blocks
