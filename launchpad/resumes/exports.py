"""Renders a JSON Resume document in each export format (PDF through WeasyPrint)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from launchpad.core.resume.cover_letter import (
    CoverLetter,
    cover_letter_to_docx,
    cover_letter_to_text,
)
from launchpad.core.resume.export_docx import resume_to_docx
from launchpad.core.resume.export_text import resume_to_text

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TEMPLATES = {"pdf": "classic", "pdf-compact": "compact"}
FORMATS = ("pdf", "pdf-compact", "docx", "docx-compact", "txt", "json")


def resume_pdf(data: dict[str, Any], *, template: str = "classic") -> bytes:
    """The resume as a single-column PDF with selectable text (WeasyPrint)."""
    from weasyprint import HTML

    html = render_to_string(f"resumes/pdf/{template}.html", {"data": data})
    return bytes(HTML(string=html).write_pdf())


def render(
    fmt: str, data: dict[str, Any], *, request: HttpRequest | None = None
) -> tuple[bytes, str, str]:
    """(body, content type, file extension) of `data` in `fmt`; KeyError for an unknown one."""
    if fmt in PDF_TEMPLATES:
        return resume_pdf(data, template=PDF_TEMPLATES[fmt]), "application/pdf", "pdf"
    if fmt in ("docx", "docx-compact"):
        template = "compact" if fmt == "docx-compact" else "classic"
        return resume_to_docx(data, template=template), DOCX_TYPE, "docx"
    if fmt == "txt":
        return resume_to_text(data).encode("utf-8"), "text/plain; charset=utf-8", "txt"
    if fmt == "json":
        body = json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")
        return body, "application/json", "json"
    raise KeyError(fmt)


def render_letter(fmt: str, data: dict[str, Any]) -> tuple[bytes, str, str]:
    """(body, content type, extension) of a stored cover letter; KeyError for another fmt."""
    letter = CoverLetter.from_dict(data)
    if fmt == "pdf":
        from weasyprint import HTML

        html = render_to_string("resumes/pdf/letter.html", {"letter": letter})
        return bytes(HTML(string=html).write_pdf()), "application/pdf", "pdf"
    if fmt == "docx":
        return cover_letter_to_docx(letter), DOCX_TYPE, "docx"
    if fmt == "txt":
        return cover_letter_to_text(letter).encode("utf-8"), "text/plain; charset=utf-8", "txt"
    raise KeyError(fmt)
