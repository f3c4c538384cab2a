"""What the PDF and DOCX readers hand to the field parser: lines in reading order, with style."""

from __future__ import annotations

from dataclasses import dataclass

from launchpad.core.resume.types import Layout

# Where a line came from. "header" covers page headers and footers (and, in a PDF, text in
# the top or bottom margin); the field parser reads them like the top of the page.
REGIONS = ("body", "header", "table", "textbox")


@dataclass(frozen=True)
class Line:
    """One line of text as a reader saw it, with the style features headings are told by."""

    text: str
    page: int = 1
    size: float = 0.0  # font size in points (the largest in the line); 0 when unknown
    bold: bool = False  # every word of the line is bold
    style: str = ""  # DOCX paragraph style name ("Heading 1", "List Bullet" ...)
    bullet: bool = False  # a list item (a bullet glyph, a list style or numbering)
    region: str = "body"
    x: float = 0.0  # left edge of the line's text (after any bullet), in points; 0 unknown
    margin: float = 0.0  # left edge of the line including its bullet glyph; 0 unknown
    right: float = 0.0  # right edge of the line's last word; 0 unknown


@dataclass(frozen=True)
class Extraction:
    """A reader's result: the lines, the layout (headings not yet known) and its warnings."""

    lines: tuple[Line, ...]
    layout: Layout
    warnings: tuple[str, ...] = ()


# Glyphs that start a list item in exported resumes (U+F0B7 and U+F0A7 are the Symbol and
# Wingdings bullets Word leaves in PDFs; "o" is Word's second-level bullet).
_BULLETS = "•●▪◦○■□➢➤►▶✓✔❖◆♦·*\uf0b7\uf0a7\uf0d8\uf076\uf0fc-–—"


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, the rest) when `text` starts with a bullet glyph, else (False, `text`)."""
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in _BULLETS:
        rest = stripped[1:].lstrip()
        # A lone dash before a number is a minus or a range, not a bullet.
        if rest and not (stripped[0] in "-–—" and rest[0].isdigit()):
            return True, rest
    if stripped.startswith("o ") and len(stripped) > 2 and stripped[2].isupper():
        return True, stripped[2:].lstrip()
    return False, stripped
