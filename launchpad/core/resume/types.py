"""The shapes the resume modules share: a parsed resume with its evidence and layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A JSON Resume document (https://jsonresume.org/schema), as plain JSON-ready data.
ResumeData = dict[str, Any]


@dataclass(frozen=True)
class FieldGuess:
    """One value the parser assigned, how sure it is (0–1) and why (the features it used)."""

    path: str  # JSON Resume path, e.g. "basics.email", "work[0].position"
    value: Any
    confidence: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """What a file's layout tells an applicant tracking system (filled in by the parser)."""

    file_type: str  # "pdf" or "docx"
    file_size: int  # bytes
    pages: int
    columns: int  # 1 for a single column; 2 or more when text sits side by side
    word_count: int
    headings: tuple[str, ...] = ()  # section headings as written in the file
    header_footer_text: str = ""  # text found in page headers or footers
    images: int = 0
    image_only_pages: int = 0  # pages with images and no extractable text
    tables: int = 0
    fonts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedResume:
    """A parse result: the JSON Resume, each field's guess, the layout and the raw text."""

    resume: ResumeData
    fields: tuple[FieldGuess, ...]
    layout: Layout
    text: str
    warnings: tuple[str, ...] = field(default=())

    def confidence(self, path: str) -> float | None:
        """The confidence of the guess at `path`, or None when nothing was found there."""
        return next((f.confidence for f in self.fields if f.path == path), None)


class ResumeFileError(ValueError):
    """A file that cannot be read as a resume: the message says why, for the candidate."""
