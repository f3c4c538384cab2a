"""Parse a resume file (PDF or DOCX) into a JSON Resume with evidence for every field.

`parse_bytes(data, filename)` and `parse_file(path)` return a `ParsedResume`: the JSON
Resume (valid against the JSON Resume schema; personal details such as date of birth never
included), one `FieldGuess` per value with a confidence (0–1) and the features behind it,
the `Layout` an applicant tracking system would meet, the text in reading order and
warnings about what was read and how.

The type comes from the bytes, never the name: "%PDF-" in the first kilobyte is a PDF, a
zip holding word/document.xml is a DOCX. A file is refused with a `ResumeFileError` whose
message tells the candidate what to do when it is empty, larger than 5 MB
(`MAX_RESUME_BYTES`), named as one type but holding another, a legacy Word .doc, a
password-protected PDF or Word file, damaged or incomplete, another kind of file (an image,
RTF, OpenDocument, HTML), or a PDF of scanned images with no text.

Deterministic and offline: no network, no models. Reading is in `parse_pdf` and
`parse_docx`, field assignment in `parse_fields`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

from launchpad.core.resume.parse_docx import read_docx
from launchpad.core.resume.parse_fields import build_resume
from launchpad.core.resume.parse_pdf import read_pdf
from launchpad.core.resume.types import ParsedResume, ResumeFileError

MAX_RESUME_BYTES = 5 * 1024 * 1024
PARSER_VERSION = "parse-1"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"RIFF")
_EXTENSIONS = {
    ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
    ".txt": "text", ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image",
    ".html": "html", ".htm": "html",
}  # fmt: skip
_NAMES = {
    "pdf": "a PDF", "docx": "a Word document (.docx)", "doc": "a legacy Word document (.doc)",
    "rtf": "a Rich Text document", "odt": "an OpenDocument text file", "text": "plain text",
    "image": "an image", "html": "a web page",
}  # fmt: skip

MESSAGE_EMPTY = "This file is empty. Choose your resume file (PDF or Word .docx) again."
MESSAGE_TOO_LARGE = (
    "This file is larger than 5 MB. A resume is usually under 1 MB: export it again as PDF or "
    "Word (.docx) without large pictures."
)
MESSAGE_DOC = (
    "This is a legacy Word .doc file, which we cannot read. Open it in Word or Google Docs "
    "and save it as .docx or download it as PDF, then upload that file."
)
MESSAGE_LOCKED_WORD = (
    "This Word document is protected with a password, so it cannot be read. Remove the "
    "password (File > Info > Protect Document) and upload it again."
)
MESSAGE_NOT_A_RESUME = (
    "This file is not a PDF or a Word (.docx) document. Save your resume as PDF or .docx "
    "from Word or Google Docs, then upload it."
)


def parse_file(path: Path) -> ParsedResume:
    """Parse the resume file at `path` (its size is checked before it is read)."""
    try:
        size = path.stat().st_size
        if size > MAX_RESUME_BYTES:
            raise ResumeFileError(MESSAGE_TOO_LARGE)
        data = path.read_bytes()
    except OSError as error:
        raise ResumeFileError(f"The file {path.name} could not be opened.") from error
    return parse_bytes(data, path.name)


def detect_type(data: bytes, filename: str) -> str:
    """ "pdf" or "docx" from the bytes of a resume; ResumeFileError for anything else."""
    if not data.strip():
        raise ResumeFileError(MESSAGE_EMPTY)
    if len(data) > MAX_RESUME_BYTES:
        raise ResumeFileError(MESSAGE_TOO_LARGE)
    actual = _sniff(data)
    claimed = _EXTENSIONS.get(Path(filename).suffix.lower())
    if claimed is not None and claimed != actual:
        raise ResumeFileError(
            f"This file is named {Path(filename).suffix.lower()} but it is {_NAMES[actual]}. "
            "Export your resume again as PDF or Word (.docx) and upload that file."
        )
    if actual == "doc":
        raise ResumeFileError(MESSAGE_DOC)
    if actual not in ("pdf", "docx"):
        raise ResumeFileError(
            f"This file is {_NAMES[actual]}, not a PDF or a Word (.docx) document. Save your "
            "resume as PDF or .docx from Word or Google Docs, then upload it."
        )
    return actual


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype") if "mimetype" in names else b""
        except Exception as error:  # a damaged archive fails in many ways (zlib, versions)
            raise ResumeFileError(
                "This file is damaged or incomplete (a broken zip archive). Save or export "
                "your resume again as PDF or .docx, then upload the new file."
            ) from error
        if "word/document.xml" in names:
            return "docx"
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            return "odt"
        raise ResumeFileError(MESSAGE_NOT_A_RESUME)
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise ResumeFileError(MESSAGE_LOCKED_WORD)
        if _WORD_STREAM in data:
            return "doc"
        raise ResumeFileError(MESSAGE_NOT_A_RESUME)  # an old Excel or PowerPoint file
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGES):
        return "image"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        raise ResumeFileError(MESSAGE_NOT_A_RESUME) from None
    return "text"


def parse_bytes(data: bytes, filename: str) -> ParsedResume:
    """Parse a resume from its bytes; `filename` is checked against what the bytes are."""
    kind = detect_type(data, filename)
    extraction = read_pdf(data) if kind == "pdf" else read_docx(data)
    resume, fields, headings, field_warnings = build_resume(extraction)
    text = "\n".join(("• " if line.bullet else "") + line.text for line in extraction.lines)
    layout = replace(extraction.layout, headings=headings)
    return ParsedResume(
        resume=resume,
        fields=fields,
        layout=layout,
        text=text,
        warnings=(*extraction.warnings, *field_warnings),
    )
