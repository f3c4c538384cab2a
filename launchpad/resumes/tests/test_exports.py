"""Downloads of a resume: PDF (two templates), DOCX, plain text and JSON Resume, each one
readable by a machine, and re-imports that give the same data back."""

from __future__ import annotations

import io
import json

import docx
import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from launchpad.core.resume.parse import parse_bytes
from launchpad.resumes import services
from launchpad.resumes.models import Resume
from launchpad.resumes.tests.conftest import PDF


def export(client, resume, fmt):
    return client.get(reverse("resumes:export", args=[resume.pk, fmt]))


def pdf_text(body: bytes) -> str:
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.mark.parametrize("fmt", ["pdf", "pdf-compact"])
def test_a_pdf_export_has_selectable_text(alice_client, resume, fmt):
    response = export(alice_client, resume, fmt)

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="chat-support.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Alice Fernandes" in text
    assert "alice.fernandes@example.com" in text
    assert "Customer Support Intern" in text and "Sahyadri College of Commerce" in text


def test_the_two_pdf_templates_differ(alice_client, resume):
    assert (
        export(alice_client, resume, "pdf").content
        != export(alice_client, resume, "pdf-compact").content
    )


def test_a_docx_export_uses_heading_styles(alice_client, resume):
    response = export(alice_client, resume, "docx")

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith('chat-support.docx"')
    document = docx.Document(io.BytesIO(response.content))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert document.paragraphs[0].text == "Alice Fernandes"
    assert styles["Alice Fernandes"] == "Heading 1"
    # An intern's work is headed "Internships"; every section heading is a Heading style.
    for heading in ("Summary", "Internships", "Education", "Skills", "Languages"):
        assert styles.get(heading) == "Heading 2", heading
    assert not document.tables
    body = "\n".join(p.text for p in document.paragraphs)
    assert "alice.fernandes@example.com" in body and "Handled 60 chats a day" in body


def test_a_compact_docx_export(alice_client, resume):
    response = export(alice_client, resume, "docx-compact")
    assert response.status_code == 200
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text == "Alice Fernandes"


def test_a_text_export(alice_client, resume):
    response = export(alice_client, resume, "txt")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode("utf-8")
    assert text.startswith("Alice Fernandes") and "Customer Support Intern" in text


def test_a_json_export_imports_back_to_the_same_data(alice_client, alice, resume, sample):
    response = export(alice_client, resume, "json")

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert json.loads(response.content) == sample
    imported = alice_client.post(
        reverse("resumes:import_json"),
        {"file": SimpleUploadedFile("chat-support.json", response.content)},
    )
    copy = Resume.objects.exclude(pk=resume.pk).get(user=alice)
    assert imported["Location"] == copy.get_absolute_url()
    assert copy.versions.get().data == resume.versions.get().data


def test_the_latest_version_is_exported(alice_client, resume, sample):
    sample["basics"]["label"] = "Night-shift chat support"
    services.resume_save(resume=resume, data=sample)
    assert "Night-shift chat support" in export(alice_client, resume, "txt").content.decode()


@pytest.mark.parametrize("fmt", ["html", "PDF", "doc", "json5", "..%2f"])
def test_an_unknown_format_is_not_found(alice_client, resume, fmt):
    assert export(alice_client, resume, fmt).status_code == 404


def test_a_resume_with_an_odd_title_downloads_under_a_safe_name(alice_client, alice, sample):
    resume = services.resume_create(user=alice, title='"; rm -rf / ☃', data=sample)
    disposition = export(alice_client, resume, "txt")["Content-Disposition"]
    assert disposition == 'attachment; filename="rm-rf.txt"'


def test_a_nearly_empty_resume_still_exports(alice_client, alice):
    resume = services.resume_create(user=alice, title="Empty", data={})
    for fmt in ("pdf", "docx", "txt", "json"):
        assert export(alice_client, resume, fmt).status_code == 200


@pytest.mark.parametrize(("fmt", "extension"), [("pdf", "pdf"), ("docx", "docx")])
def test_exports_re_imported_give_the_same_data(alice_client, resume, sample, fmt, extension):
    body = export(alice_client, resume, fmt).content

    parsed = parse_bytes(body, f"resume.{extension}").resume

    basics = parsed["basics"]
    assert basics["name"] == sample["basics"]["name"]
    assert basics["email"] == sample["basics"]["email"]
    assert basics["phone"] == sample["basics"]["phone"]
    assert [w.get("position") for w in parsed["work"]] == [w["position"] for w in sample["work"]]
    assert [e.get("institution") for e in parsed["education"]] == [
        e["institution"] for e in sample["education"]
    ]


def test_an_uploaded_resume_exported_and_read_again_keeps_its_facts(alice_client, alice):
    stored = services.upload_store(user=alice, raw=PDF.read_bytes(), filename=PDF.name)
    resume = services.resume_create(
        user=alice, title="Carmela", data=stored.parsed["resume"], source="file", upload=stored
    )
    original = stored.parsed["resume"]
    for fmt in ("pdf", "docx"):
        parsed = parse_bytes(export(alice_client, resume, fmt).content, f"r.{fmt}").resume
        for key in ("name", "email", "phone"):
            assert parsed["basics"][key] == original["basics"][key], (fmt, key)
        assert [e.get("institution") for e in parsed["education"]] == [
            e.get("institution") for e in original["education"]
        ]
        assert [w.get("position") for w in parsed["work"]] == [
            w.get("position") for w in original["work"]
        ]


@pytest.mark.parametrize("company", ["Quickserve Solutions Inc.", "Quickserve Pvt. Ltd."])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_job_at_a_company_ending_in_inc_survives_an_export_and_a_re_import(
    alice_client, resume, sample, fmt, company
):
    sample["work"][0]["name"] = company
    services.resume_save(resume=resume, data=sample)

    parsed = parse_bytes(export(alice_client, resume, fmt).content, f"r.{fmt}").resume

    assert [w.get("position") for w in parsed.get("work", [])] == ["Customer Support Intern"]
