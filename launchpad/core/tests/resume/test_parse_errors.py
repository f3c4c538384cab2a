"""Files the resume parser refuses, each with a message that tells the candidate what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from launchpad.core.resume import parse
from launchpad.core.resume.parse import MAX_RESUME_BYTES, detect_type, parse_bytes, parse_file
from launchpad.core.resume.types import ResumeFileError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def minimal_pdf(content: bytes = b"", *, eof: bool = True) -> bytes:
    """A one-page PDF drawing `content` (a content stream) in Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
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
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n".encode())
    if eof:
        out.write(b"%%EOF\n")
    return out.getvalue()


def refused(data: bytes, filename: str) -> str:
    with pytest.raises(ResumeFileError) as error:
        parse_bytes(data, filename)
    return str(error.value)


@pytest.mark.parametrize("data", [b"", b"  \n\t "])
def test_an_empty_file_is_refused(data):
    assert refused(data, "resume.pdf") == parse.MESSAGE_EMPTY


def test_a_file_over_five_megabytes_is_refused():
    assert refused(b"%PDF-1.7\n" + b"0" * MAX_RESUME_BYTES, "big.pdf") == parse.MESSAGE_TOO_LARGE


def test_parse_file_refuses_a_large_file_before_reading_it(tmp_path):
    path = tmp_path / "big.pdf"
    with path.open("wb") as file:
        file.truncate(MAX_RESUME_BYTES + 1)

    with pytest.raises(ResumeFileError, match="larger than 5 MB"):
        parse_file(path)


def test_parse_file_reports_a_missing_file(tmp_path):
    with pytest.raises(ResumeFileError, match=r"missing\.pdf could not be opened"):
        parse_file(tmp_path / "missing.pdf")


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"\x89PNG\r\n\x1a\n0000", "resume.pdf", "named .pdf but it is an image"),
        (b"\xff\xd8\xff\xe0JFIF", "resume.docx", "named .docx but it is an image"),
        (b"%PDF-1.4\n%%EOF", "resume.docx", "named .docx but it is a PDF"),
        (b"Priya Sharma\nCustomer care executive", "resume.pdf", "named .pdf but it is plain"),
        (b"{\\rtf1\\ansi Priya}", "resume.doc", "named .doc but it is a Rich Text document"),
    ],
)
def test_a_file_that_is_not_what_its_name_claims_is_refused(data, filename, message):
    assert message in refused(data, filename)


def test_a_docx_named_pdf_is_refused():
    data = (FIXTURES / "in_fresher_c_headings.docx").read_bytes()

    assert "named .pdf but it is a Word document (.docx)" in refused(data, "resume.pdf")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"{\\rtf1\\ansi Priya}", "a Rich Text document"),
        (b"<!DOCTYPE html><html><body>Priya</body></html>", "a web page"),
        (b"Priya Sharma, customer care executive", "plain text"),
        (zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}), "an OpenDocument"),
        (b"GIF89a....", "an image"),
    ],
)
def test_other_kinds_of_files_are_named_in_the_refusal(data, kind):
    message = refused(data, "upload")

    assert message.startswith(f"This file is {kind}")
    assert "PDF or .docx" in message


@pytest.mark.parametrize(
    "data",
    [
        zip_bytes({"xl/workbook.xml": b"<workbook/>"}),
        OLE2 + b"\x00" * 64 + "Workbook".encode("utf-16-le"),
        bytes(range(128, 256)) * 4,
    ],
)
def test_unknown_binary_files_are_refused(data):
    assert refused(data, "upload") == parse.MESSAGE_NOT_A_RESUME


def test_a_legacy_word_doc_is_refused():
    data = OLE2 + b"\x00" * 64 + "WordDocument".encode("utf-16-le")

    assert refused(data, "resume.doc") == parse.MESSAGE_DOC


def test_a_password_protected_word_file_is_refused():
    data = OLE2 + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")

    assert refused(data, "resume.docx") == parse.MESSAGE_LOCKED_WORD


def test_a_password_protected_pdf_is_refused():
    message = refused((FIXTURES / "locked_password.pdf").read_bytes(), "resume.pdf")

    assert "protected with a password" in message


def test_a_pdf_encrypted_only_with_permissions_is_read_with_a_warning():
    result = parse_file(FIXTURES / "locked_permissions.pdf")

    assert result.text == "Locked Resume of a Made Up Person"
    assert result.warnings[0].startswith("the PDF is encrypted with permission limits")
    assert "no name found near the top of the resume" in result.warnings
    assert "no e-mail address found" in result.warnings
    assert "no section headings recognised: only contact details were read" in result.warnings


def test_an_image_only_pdf_is_refused_as_a_scan():
    message = refused((FIXTURES / "image_only.pdf").read_bytes(), "scan.pdf")

    assert "scanned images; export a text PDF from Word or Google Docs" in message


def test_a_blank_pdf_is_refused():
    assert refused(minimal_pdf(), "blank.pdf").startswith("This PDF has no text in it.")


@pytest.mark.parametrize(
    "data",
    [
        (FIXTURES / "truncated.pdf").read_bytes(),
        b"%PDF-1.7\nthis is not really a PDF",
        # The page tree points at a font, not a page: the document opens, its page does not.
        minimal_pdf(b"BT ET").replace(b"/Kids [3 0 R]", b"/Kids [5 0 R]"),
    ],
)
def test_a_damaged_pdf_is_refused(data):
    assert refused(data, "resume.pdf").startswith("This PDF is damaged or incomplete")


def test_a_pdf_without_an_end_marker_is_read_with_a_warning():
    data = minimal_pdf(b"BT /F1 12 Tf 72 760 Td (Aarav Mehta) Tj ET", eof=False)

    result = parse_bytes(data, "resume.pdf")

    assert result.text == "Aarav Mehta"
    assert "the PDF has no end-of-file marker: it may be incomplete" in result.warnings


def test_a_truncated_docx_is_refused():
    data = (FIXTURES / "in_fresher_c_headings.docx").read_bytes()

    assert "broken zip archive" in refused(data[: len(data) // 2], "resume.docx")


def test_a_docx_with_broken_xml_is_refused():
    data = zip_bytes({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<x/>"})

    assert refused(data, "resume.docx").startswith("This Word file is damaged")


def test_a_docx_that_unpacks_to_too_much_is_refused():
    data = zip_bytes({"word/document.xml": b"<a/>", "word/media/big.bin": b"\0" * 64_000_000})

    assert refused(data, "resume.docx").startswith("This Word file unpacks to far more data")


def test_a_docx_without_text_is_refused():
    assert refused(docx_bytes(Document()), "resume.docx").startswith(
        "This Word file has no text in it."
    )


def test_a_docx_with_only_a_picture_is_refused(tmp_path):
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("RGB", (40, 40), "white").save(picture)
    document = Document()
    document.add_picture(str(picture))

    assert "no text in it (only images)" in refused(docx_bytes(document), "resume.docx")


def test_detect_type_reads_the_bytes_not_the_name():
    data = (FIXTURES / "in_fresher_a_single.pdf").read_bytes()

    assert detect_type(data, "resume") == "pdf"
    assert detect_type(data, "RESUME.PDF") == "pdf"
    assert detect_type(b"junk\n" + data, "resume.bin") == "pdf"  # "%PDF-" after a preamble
