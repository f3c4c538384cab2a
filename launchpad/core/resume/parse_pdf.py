"""Read a PDF resume into lines in reading order, with the layout an ATS would meet.

Text comes from PDFium (through `pypdfium2`, which pdfplumber itself depends on and uses to
render pages): it reads a two-page resume's characters, boxes and fonts in a few
milliseconds, where pdfplumber's pure-Python interpreter takes 150–300 ms, too slow for the
250 ms budget of parse + ATS check + match. Positions are kept, so the layout work is ours:

- words: characters split at spaces and at gaps wider than a third of the line height;
- lines: words whose vertical middles fall inside one line's extent, sorted left to right;
  a gap wider than twice the font size inside a line is kept as three spaces (a tab stop,
  which the field parser treats as a separator);
- columns: the left edge of a right-hand column shows up as one x position where many lines
  start text after a wide gap (or start far from the margin); when the lines around it run
  unbroken across that x for at least 25% of the page (and six lines), the page has two
  columns, read left column first, then the right one; a table row (four or more cells)
  is never split;
- headers and footers: lines repeated on two or more pages near the top or bottom edge, and
  lines within 6% of the top or bottom edge that stand apart from the body; page numbers
  ("Page 1 of 2") are dropped, repeated lines kept once;
- images: image objects on each page; a page with images and no text is image-only.

PDFium is not thread-safe, so every call into it holds one lock.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from launchpad.core.resume.parse_types import Extraction, Line, strip_bullet
from launchpad.core.resume.types import Layout, ResumeFileError

_PDFIUM_LOCK = threading.Lock()
EDGE_BAND = 0.06  # share of the page height counted as the top or bottom margin
_FONT_BUFFER = 128
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)

MESSAGE_LOCKED = (
    "This PDF is protected with a password, so it cannot be read. Save or export it again "
    "without a password, then upload it."
)
MESSAGE_DAMAGED = (
    "This PDF is damaged or incomplete and cannot be read. Export it again from Word or "
    "Google Docs, then upload the new file."
)
MESSAGE_SCANNED = (
    "This PDF is scanned images; export a text PDF from Word or Google Docs and upload that. "
    "An applicant tracking system cannot read text inside pictures."
)
MESSAGE_NO_TEXT = (
    "This PDF has no text in it. Export your resume again from Word or Google Docs as a PDF."
)


@dataclass(frozen=True, slots=True)
class Word:
    """A word and its box in points, measured from the top-left corner of the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class _Page:
    number: int
    width: float
    height: float
    lines: tuple[tuple[Word, ...], ...]  # top to bottom, each left to right
    images: int
    fonts: frozenset[str]


def read_pdf(data: bytes) -> Extraction:
    """The lines and layout of the PDF `data`; ResumeFileError when it cannot be read."""
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            code = getattr(error, "err_code", None)
            locked = code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
            raise ResumeFileError(MESSAGE_LOCKED if locked else MESSAGE_DAMAGED) from error
        try:
            protected = pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1
            pages = [_read_page(document[i], i + 1) for i in range(len(document))]
        except pdfium.PdfiumError as error:  # a page or its text that cannot be loaded
            raise ResumeFileError(MESSAGE_DAMAGED) from error
        finally:
            document.close()
    return _assemble(pages, len(data), protected, truncated=b"%%EOF" not in data[-2048:])


def _read_page(page: Any, number: int) -> _Page:
    width, height = float(page.get_width()), float(page.get_height())
    textpage = page.get_textpage()
    words, fonts = _words(textpage.raw, height)
    images = sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))
    return _Page(number, width, height, _group_lines(words), images, frozenset(fonts))


def _words(textpage: Any, height: float) -> tuple[list[Word], set[str]]:
    """The words of a text page, in content order, and the fonts they use."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], set()
    codes = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, codes)
    box = pdfium_c.FS_RECTF()
    font_name = ctypes.create_string_buffer(_FONT_BUFFER)
    words: list[Word] = []
    fonts: set[str] = set()
    chars: list[str] = []
    x0 = x1 = top = bottom = size = 0.0
    bold = False
    for index in range(count):
        code = codes[index]
        if 0xD800 <= code <= 0xDFFF:
            # Characters outside the BMP (mathematical bold letters, emoji) come as a
            # surrogate pair, one index each: the pair makes one character at the first.
            low = codes[index + 1] if index + 1 < count else 0
            if code >= 0xDC00 or not 0xDC00 <= low <= 0xDFFF:
                continue
            char = chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        elif code == 0xFFFE:
            # PDFium marks a hyphen that breaks a word at the end of a line as U+FFFE: kept
            # as a soft hyphen, which the field parser drops when it joins the lines again.
            char = "\u00ad"
        else:
            char = chr(code)
        if char.isspace() or code < 32:
            if chars:
                words.append(Word("".join(chars), x0, x1, top, bottom, size, bold))
                chars = []
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        left, right = box.left, box.right
        char_top, char_bottom = height - box.top, height - box.bottom
        if chars:
            line_height = bottom - top
            gap_limit = line_height / 3
            same_line = abs(char_top - top) < line_height / 2
            # Ligatures ("fi") give two characters the same box: overlap is allowed.
            if same_line and x0 - 1 <= left and left - x1 < gap_limit:
                chars.append(char)
                x1 = max(x1, right)
                continue
            words.append(Word("".join(chars), x0, x1, top, bottom, size, bold))
            chars = []
        # A new word: its font is read once, from its first character.
        chars.append(char)
        x0, x1, top, bottom = left, right, char_top, char_bottom
        size = round(float(pdfium_c.FPDFText_GetFontSize(textpage, index)), 1)
        pdfium_c.FPDFText_GetFontInfo(textpage, index, font_name, _FONT_BUFFER, None)
        name = font_name.value.decode("latin-1").split("+")[-1]
        fonts.add(name)
        weight = int(pdfium_c.FPDFText_GetFontWeight(textpage, index))
        bold = weight >= 600 or any(part in name.lower() for part in _BOLD_NAMES)
    if chars:
        words.append(Word("".join(chars), x0, x1, top, bottom, size, bold))
    return words, fonts


def _group_lines(words: list[Word]) -> tuple[tuple[Word, ...], ...]:
    """Words grouped into lines: a word joins a line when its middle lies within the line."""
    lines: list[list[Word]] = []
    extent: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        if lines and extent[-1][0] <= middle <= extent[-1][1]:
            lines[-1].append(word)
            extent[-1] = (extent[-1][0], max(extent[-1][1], word.bottom))
        else:
            lines.append([word])
            extent.append((word.top, word.bottom))
    return tuple(tuple(sorted(line, key=lambda w: w.x0)) for line in lines)


def find_gutter(lines: tuple[tuple[Word, ...], ...], width: float) -> tuple[float, int, int] | None:
    """(x of the gap between two columns, first line, last line of the columns) or None.

    Candidates are the left edges of text that starts after a wide gap or far from the
    margin, between 25% and 75% of the page width; the most common one is kept when the
    lines that never cross it (nor hold a table row of four cells), one after the other,
    make at least 25% of the page (and six lines), with text on each side in at least a
    fifth of them (and three).
    """
    if len(lines) < 6:
        return None
    margin = min(line[0].x0 for line in lines)
    starts: Counter[int] = Counter()
    lowest: dict[int, float] = {}
    for line in lines:
        previous: Word | None = None
        for word in line:
            gap = word.x0 - previous.x1 if previous else word.x0 - margin
            if gap >= max(12.0, 1.5 * word.size) and 0.25 * width < word.x0 < 0.75 * width:
                key = round(word.x0 / 3)
                starts[key] += 1
                lowest[key] = min(lowest.get(key, word.x0), word.x0)
            previous = word
    if not starts:
        return None
    # Starts within about 9 pt of each other are one column edge (headings often sit a
    # little left of the items under them); the edge is the leftmost of them.
    key, seen = max(
        ((k, sum(starts[k + d] for d in range(-3, 4))) for k in starts),
        key=lambda item: (item[1], -item[0]),
    )
    if seen < 4:
        return None
    gutter = min(lowest[k] for k in lowest if abs(k - key) <= 3) - 3.0
    best: tuple[int, int] | None = None
    run_start = 0
    for index in range(len(lines) + 1):
        blocked = (
            index == len(lines)
            or any(w.x0 < gutter < w.x1 - 1 for w in lines[index])
            or _cells(lines[index]) >= 4
        )
        if blocked:
            if best is None or index - run_start > best[1] - best[0] + 1:
                best = (run_start, index - 1)
            run_start = index + 1
    assert best is not None
    first, last = best
    run = lines[first : last + 1]
    left = sum(1 for line in run if line[0].x1 <= gutter)
    right = sum(1 for line in run if line[-1].x0 >= gutter)
    needed = max(3, 0.2 * len(run))
    if len(run) < max(6, 0.25 * len(lines)) or left < needed or right < needed:
        return None
    return gutter, first, last


def _cells(line: tuple[Word, ...]) -> int:
    """Groups of words in a line separated by wide gaps: four or more make a table row,
    which is read across, never split into columns."""
    return 1 + sum(1 for a, b in pairwise(line) if b.x0 - a.x1 >= max(12.0, 1.5 * b.size))


def _line_text(words: tuple[Word, ...] | list[Word]) -> str:
    parts: list[str] = []
    previous: Word | None = None
    for word in words:
        if previous is not None:
            # A wide gap is a tab stop (a right-aligned date, a label and its value).
            parts.append("   " if word.x0 - previous.x1 > 2 * max(word.size, 6.0) else " ")
        parts.append(word.text)
        previous = word
    return "".join(parts)


def _to_line(words: tuple[Word, ...] | list[Word], page: int, region: str) -> Line:
    bullet, text = strip_bullet(_line_text(words))
    # Where the text starts: after the bullet glyph when the glyph is a word of its own.
    x = words[1].x0 if bullet and len(words) > 1 and len(words[0].text) == 1 else words[0].x0
    return Line(
        text=text,
        page=page,
        size=max(w.size for w in words),
        bold=all(w.bold for w in words),
        bullet=bullet,
        region=region,
        x=round(x, 1),
        margin=round(words[0].x0, 1),
        right=round(words[-1].x1, 1),
    )


def _edge_key(page: _Page, line: tuple[Word, ...]) -> str:
    """A line's text with digits masked, and its height on the page in 6 pt steps."""
    return f"{round(line[0].top / 6)}|" + re.sub(r"\d+", "#", _line_text(line))


def _repeated_edges(pages: list[_Page]) -> set[str]:
    """Edge keys of lines repeated at the same height near the top or bottom of two or more
    pages (running headers and footers): only a page's first and last three lines count."""
    seen: Counter[str] = Counter()
    for page in pages:
        ends = (*page.lines[:3], *page.lines[-3:])
        seen.update(
            {
                _edge_key(page, line)
                for line in ends
                if line[0].top < 0.1 * page.height or line[0].bottom > 0.9 * page.height
            }
        )
    return {key for key, count in seen.items() if count >= 2}


def _is_page_number(page: _Page, words: tuple[Word, ...], text: str) -> bool:
    """ "Page 2 of 3", "2/3" or "- 2 -" in the top or bottom 12% of the page."""
    near_edge = words[0].top < 0.12 * page.height or words[0].bottom > 0.88 * page.height
    return near_edge and _PAGE_NUMBER.match(text) is not None


def _is_edge(page: _Page, index: int) -> bool:
    """A line in the top or bottom margin band that stands apart from the body."""
    line = page.lines[index]
    top, bottom = min(w.top for w in line), max(w.bottom for w in line)
    height = bottom - top
    if bottom <= EDGE_BAND * page.height:
        following = page.lines[index + 1] if index + 1 < len(page.lines) else None
        return following is None or min(w.top for w in following) - bottom >= 1.5 * height
    if top >= (1 - EDGE_BAND) * page.height:
        before = page.lines[index - 1] if index > 0 else None
        return before is None or top - max(w.bottom for w in before) >= 1.5 * height
    return False


def _page_lines(
    page: _Page, repeated: set[str], kept_repeats: set[str], edge_text: list[str]
) -> tuple[list[Line], bool]:
    """The page's lines in reading order, and whether it was read as two columns."""
    gutter = find_gutter(page.lines, page.width)
    first, last = (gutter[1], gutter[2]) if gutter else (len(page.lines), -1)
    before: list[Line] = []
    after: list[Line] = []
    run: list[tuple[Word, ...]] = []
    for index, words in enumerate(page.lines):
        if first <= index <= last:
            run.append(words)
            continue
        text = _line_text(words)
        key = _edge_key(page, words)
        edge = key in repeated or _is_edge(page, index) or _is_page_number(page, words, text)
        if edge:
            edge_text.append(text)
            if _PAGE_NUMBER.match(text) or key in kept_repeats:
                continue
            kept_repeats.add(key)
        (before if index < first else after).append(
            _to_line(words, page.number, "header" if edge else "body")
        )
    if gutter is None:
        return before + after, False
    x = gutter[0]
    left = [
        _to_line(ws, page.number, "body")
        for ws in ([w for w in line if w.x1 <= x] for line in run)
        if ws
    ]
    right = [
        _to_line(ws, page.number, "body")
        for ws in ([w for w in line if w.x1 > x] for line in run)
        if ws
    ]
    return before + left + right + after, True


def _assemble(pages: list[_Page], size: int, protected: bool, *, truncated: bool) -> Extraction:
    repeated = _repeated_edges(pages) if len(pages) > 1 else set()
    kept_repeats: set[str] = set()
    lines: list[Line] = []
    edge_text: list[str] = []
    warnings: list[str] = []
    columns = 1
    for page in pages:
        page_lines, two_columns = _page_lines(page, repeated, kept_repeats, edge_text)
        lines.extend(page_lines)
        if two_columns:
            columns = 2
            warnings.append(
                f"two columns on page {page.number}: read the left column first, then the right one"
            )
    word_count = sum(len(line) for page in pages for line in page.lines)
    images = sum(page.images for page in pages)
    if word_count == 0:
        raise ResumeFileError(MESSAGE_SCANNED if images else MESSAGE_NO_TEXT)
    image_only = sum(1 for page in pages if page.images and not page.lines)
    if image_only:
        warnings.append(
            f"{image_only} page(s) hold only images (scans?): their text cannot be read"
        )
    if protected:
        warnings.append(
            "the PDF is encrypted with permission limits (no password to open it); some "
            "applicant tracking systems refuse such files: export it again without protection"
        )
    if truncated:
        warnings.append("the PDF has no end-of-file marker: it may be incomplete")
    layout = Layout(
        file_type="pdf",
        file_size=size,
        pages=len(pages),
        columns=columns,
        word_count=word_count,
        header_footer_text="\n".join(dict.fromkeys(edge_text)),
        images=images,
        image_only_pages=image_only,
        tables=0,
        fonts=tuple(sorted(set().union(*(page.fonts for page in pages)))),
    )
    return Extraction(tuple(lines), layout, tuple(warnings))
