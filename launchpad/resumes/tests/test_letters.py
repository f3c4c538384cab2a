"""Cover letters: drafted from the resume and profile for a job, edited, exported, private."""

from __future__ import annotations

import docx
import pytest
from django.test import Client
from django.urls import reverse

from launchpad.resumes import services
from launchpad.resumes.models import CoverLetter

pytestmark = pytest.mark.django_db

JOB_TEXT = """Chat Support Associate
Requirements:
- Any graduate
- Experience handling customer chats
Responsibilities:
- Handle customer chats and keep CSAT high
"""


@pytest.fixture
def job(alice):
    return services.job_create(user=alice, title="Chat Support Associate", company="Acme BPO",
                               text=JOB_TEXT)  # fmt: skip


@pytest.fixture
def letter(alice_client, resume, job):
    response = alice_client.post(reverse("resumes:letter_new", args=[resume.pk, job.pk]))
    assert response.status_code == 302
    return CoverLetter.objects.get()


def test_a_draft_is_built_from_the_resume_and_names_only_the_company(letter, resume, job):
    data = letter.letter
    assert letter.resume == resume and letter.job == job and not letter.edited
    assert data["name"] == "Alice Fernandes"
    keys = [p["key"] for p in data["paragraphs"]]
    assert keys[0] == "role" and keys[-1] == "closing"
    text = " ".join(p["text"] for p in data["paragraphs"])
    assert "Chat Support Associate" in text and "Acme BPO" in text
    assert all(c["source"] for p in data["paragraphs"] for c in p["claims"])


def test_the_letter_page_shows_every_paragraph_and_its_sources(alice_client, letter):
    page = alice_client.get(letter.get_absolute_url()).content.decode()
    for paragraph in letter.letter["paragraphs"]:
        assert f'name="paragraph-{paragraph["key"]}"' in page
    assert "Where each fact comes from" in page


def test_editing_a_paragraph_keeps_the_others_and_drops_its_draft_claims(alice_client, letter):
    first, second = letter.letter["paragraphs"][:2]
    response = alice_client.post(
        letter.get_absolute_url(),
        {"greeting": "Dear Acme team,", "sign_off": "Warm regards,",
         f"paragraph-{first['key']}": "I would love to join Acme BPO's chat team.\r\nThank you.",
         f"paragraph-{second['key']}": second["text"]},
    )  # fmt: skip
    assert response.status_code == 302
    letter.refresh_from_db()
    edited, kept = letter.letter["paragraphs"][:2]
    assert edited["text"] == "I would love to join Acme BPO's chat team.\nThank you."
    assert edited["claims"] == [] and kept["claims"] == second["claims"]
    assert letter.letter["greeting"] == "Dear Acme team," and letter.edited


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"greeting": " "}, "Write a greeting"),
        ({"sign_off": ""}, "Write a sign-off"),
        ({"paragraph-role": "x" * 2001}, "2,000 characters"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(alice_client, letter, change, message):
    before = letter.letter
    form = {"greeting": "Dear team,", "sign_off": "Regards,", **change}
    response = alice_client.post(letter.get_absolute_url(), form)
    assert response.status_code == 200 and message in response.content.decode()
    letter.refresh_from_db()
    assert letter.letter == before and not letter.edited


def test_an_unknown_paragraph_key_is_refused(letter):
    with pytest.raises(services.ResumeInvalid):
        services.cover_letter_update(
            letter=letter, greeting="Hi,", texts={"made-up": "x"}, sign_off="Bye,"
        )


def test_exports(alice_client, letter, tmp_path):
    pdf = alice_client.get(reverse("resumes:letter_export", args=[letter.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    word = alice_client.get(reverse("resumes:letter_export", args=[letter.pk, "docx"]))
    path = tmp_path / "letter.docx"
    path.write_bytes(word.content)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any(letter.letter["paragraphs"][0]["text"][:40] in p for p in paragraphs)
    text = alice_client.get(reverse("resumes:letter_export", args=[letter.pk, "txt"]))
    assert letter.letter["sign_off"] in text.content.decode()
    missing = alice_client.get(reverse("resumes:letter_export", args=[letter.pk, "rtf"]))
    assert missing.status_code == 404


def test_delete(alice_client, letter):
    response = alice_client.post(reverse("resumes:letter_delete", args=[letter.pk]))
    assert response.status_code == 302 and not CoverLetter.objects.exists()


def test_letters_are_private(eve, letter, resume, job):
    # Its own client: the alice_client and eve_client fixtures share one test client.
    eve_client = Client()
    eve_client.force_login(eve)
    for url in (
        letter.get_absolute_url(),
        reverse("resumes:letter_export", args=[letter.pk, "pdf"]),
    ):
        assert eve_client.get(url).status_code == 404
    assert eve_client.post(reverse("resumes:letter_delete", args=[letter.pk])).status_code == 404
    assert (
        eve_client.post(reverse("resumes:letter_new", args=[resume.pk, job.pk])).status_code == 404
    )
    assert CoverLetter.objects.count() == 1
