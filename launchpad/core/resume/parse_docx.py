"""Read a DOCX resume into lines in document order, with the layout an ATS would meet.

Uses python-docx. The body is walked in order, paragraphs and tables alike (content controls
are opened); each paragraph gives one line per soft line break, with its style name, whether
all its text is bold, its largest font size and whether it is a list item. A table row
whose cells each hold one short paragraph becomes one line, cells joined by " | " (an
education table stays one row per degree); a row whose cells hold several paragraphs is a
layout table, read cell by cell, and counts as two columns. Text boxes are read after the
paragraph that anchors them. Page headers and footers of every section are read first,
marked as header text, because contact details often sit there. Tabs become three spaces,
the separator the field parser splits on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from launchpad.core.resume.parse_types import Extraction, Line, strip_bullet
from launchpad.core.resume.types import Layout, ResumeFileError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
# A DOCX is a zip: refuse one that would unpack to more than this (a zip bomb).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024

MESSAGE_DAMAGED = (
    "This Word file is damaged and cannot be read. Open it in Word or Google Docs and save it "
    "again as .docx (or export a PDF), then upload the new file."
)
MESSAGE_TOO_BIG_UNPACKED = (
    "This Word file unpacks to far more data than a resume holds, so it was not read. Save it "
    "again as .docx without embedded files, or export a PDF."
)


def read_docx(data: bytes) -> Extraction:
    """The lines and layout of the DOCX `data`; ResumeFileError when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ResumeFileError(MESSAGE_TOO_BIG_UNPACKED)
            pages = _page_count(archive)
        document = docx.Document(io.BytesIO(data))
        return _read(document, len(data), pages)
    except ResumeFileError:
        raise
    except Exception as error:
        # A malformed file surfaces as whatever zipfile, lxml or python-docx hit first
        # (BadZipFile, KeyError, ValueError, XMLSyntaxError, IndexError ...).
        raise ResumeFileError(MESSAGE_DAMAGED) from error


def _page_count(archive: zipfile.ZipFile) -> int:
    """Pages as Word last counted them (docProps/app.xml), or 0 when not recorded."""
    try:
        text = archive.read("docProps/app.xml").decode("utf-8", "replace")
    except KeyError:
        return 0
    found = re.search(r"<(?:\w+:)?Pages>(\d+)</", text)
    return int(found.group(1)) if found else 0


class _Reader:
    """Collects lines and layout facts while walking a document."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables = 0
        self.layout_tables = 0
        self.textboxes = 0
        self.fonts: set[str] = set()
        self.styles: dict[str | None, tuple[str, bool, float]] = {}

    def blocks(self, element: Any, parent: Any, region: str) -> None:
        for child in element.iterchildren():
            if child.tag == _W + "p":
                self.paragraph(Paragraph(child, parent), region)
            elif child.tag == _W + "tbl":
                self.table(Table(child, parent), region)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.blocks(content, parent, region)

    def style(self, paragraph: Any) -> tuple[str, bool, float]:
        """(name, bold, size in points) of a paragraph's style, following the styles it is
        based on; looked up once per style (python-docx's lookup is slow)."""
        style_id = paragraph._p.style
        if style_id not in self.styles:
            style = paragraph.style
            font = _style_value(style, lambda s: s.font.name)
            if font:
                self.fonts.add(font)
            size = _style_value(style, lambda s: s.font.size)
            self.styles[style_id] = (
                style.name if style is not None else "",
                bool(_style_value(style, lambda s: s.font.bold)),
                size.pt if size is not None else 0.0,
            )
        return self.styles[style_id]

    def paragraph(self, paragraph: Any, region: str) -> None:
        style, style_bold, style_size = self.style(paragraph)
        runs = [run for run in paragraph.runs if run.text.strip()]
        for run in runs:
            if run.font.name:
                self.fonts.add(run.font.name)
        bold = bool(runs) and all(style_bold if r.bold is None else r.bold for r in runs)
        sizes = [run.font.size.pt for run in runs if run.font.size is not None]
        size = max(sizes) if sizes else style_size
        numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
        listed = numbered or style.lower().startswith("list")
        for raw in paragraph.text.replace("\t", "   ").split("\n"):
            glyph, text = strip_bullet(raw)
            if text.strip():
                self.lines.append(
                    Line(
                        text=text.strip(),
                        size=float(size),
                        bold=bold,
                        style=style,
                        bullet=listed or glyph,
                        region=region,
                    )
                )
        for box in paragraph._p.iter(_W + "txbxContent"):
            # Word writes each text box twice: as DrawingML and as a VML fallback.
            if next(box.iterancestors(_MC_FALLBACK), None) is None:
                self.textboxes += 1
                self.blocks(box, paragraph._parent, "textbox")

    def table(self, table: Any, region: str) -> None:
        self.tables += 1
        layout = False
        for row in table.rows:
            cells = list({id(cell._tc): cell for cell in row.cells}.values())
            simple = all(
                len([p for p in cell.paragraphs if p.text.strip()]) <= 1 and not cell.tables
                for cell in cells
            )
            if simple:
                texts = [cell.text.strip().replace("\t", " ") for cell in cells]
                texts = [text for text in texts if text]
                if texts:
                    paragraphs = [p for c in cells for p in c.paragraphs if p.text.strip()]
                    bold = all(
                        (self.style(p)[1] if r.bold is None else r.bold)
                        for p in paragraphs
                        for r in p.runs
                        if r.text.strip()
                    )
                    self.lines.append(Line(" | ".join(texts), bold=bold, region="table"))
                continue
            layout = layout or sum(1 for cell in cells if cell.text.strip()) >= 2
            for cell in cells:
                self.blocks(cell._tc, cell, "table" if region == "body" else region)
        self.layout_tables += layout


def _style_value(style: Any, getter: Any) -> Any:
    """A font property from `style` or the first style it is based on that sets it."""
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _theme_fonts(document: Any) -> set[str]:
    """The theme's heading and body fonts: what text without a named font is set in."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            blob = rel.target_part.blob.decode("utf-8", "replace")
            return set(
                re.findall(r"<a:(?:major|minor)Font>\s*<a:latin typeface=\"([^\"]+)\"", blob)
            )
    return set()


def _header_parts(document: Any) -> Iterator[Any]:
    for section in document.sections:
        yield from (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        )


def _read(document: Any, size: int, pages: int) -> Extraction:
    reader = _Reader()
    header_elements: list[Any] = []
    for part in _header_parts(document):
        # A header linked to the previous section has no text of its own.
        if not part.is_linked_to_previous:
            header_elements.append(part._element)
            reader.blocks(part._element, part, "header")
    seen: set[str] = set()
    header_lines: list[Line] = []
    for line in reader.lines:
        if line.text not in seen:
            seen.add(line.text)
            header_lines.append(line)
    reader.lines = list(header_lines)
    body = document.element.body
    reader.blocks(body, document, "body")

    columns = 1
    for cols in body.iter(_W + "cols"):
        columns = max(columns, int(cols.get(_W + "num", "1") or 1))
    warnings: list[str] = []
    if reader.layout_tables:
        columns = max(columns, 2)
        warnings.append("a table places text side by side: read cell by cell, left to right")
    elif columns > 1:
        warnings.append(f"{columns} newspaper columns: read in document order")
    if reader.tables:
        warnings.append(f"{reader.tables} table(s): text in tables was read row by row")
    if reader.textboxes:
        warnings.append(
            f"{reader.textboxes} text box(es): some applicant tracking systems skip them"
        )
    header_text = "\n".join(line.text for line in header_lines)
    images = sum(
        1
        for element in [body, *header_elements]
        for node in element.iter(_PICTURE, _VML_IMAGE)
        if isinstance(node.tag, str)
    )
    words = sum(len(line.text.split()) for line in reader.lines)
    if words == 0:
        raise ResumeFileError(
            "This Word file has no text in it"
            + (" (only images)" if images else "")
            + ". Type your resume as text in Word or Google Docs, then upload it again."
        )
    # Word records the page count when it saves; other writers leave a stale or no count, so
    # hard page breaks (and, with no record, about 550 words a page) set a floor.
    breaks = sum(
        1
        for node in body.iter(_W + "br", _W + "lastRenderedPageBreak")
        if node.tag.endswith("lastRenderedPageBreak") or node.get(_W + "type") == "page"
    )
    estimate = max(breaks + 1, pages if pages else -(-words // 550))
    fonts = reader.fonts or _theme_fonts(document)
    layout = Layout(
        file_type="docx",
        file_size=size,
        pages=estimate,
        columns=columns,
        word_count=words,
        header_footer_text=header_text,
        images=images,
        image_only_pages=0,
        tables=reader.tables,
        fonts=tuple(sorted(fonts)),
    )
    return Extraction(tuple(reader.lines), layout, tuple(warnings))
