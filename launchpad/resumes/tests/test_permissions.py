"""No one sees or changes another candidate's resumes, uploads or jobs: every such id is a
404, a trainer is no exception, and uploaded files are served only by the owner's view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from launchpad.resumes import services
from launchpad.resumes.models import JobDescription, Resume, ResumeUpload
from launchpad.resumes.tests.conftest import PDF


@pytest.fixture
def alice_things(alice, resume, measured):
    upload = services.upload_store(user=alice, raw=PDF.read_bytes(), filename="alice-cv.pdf")
    job = services.job_create(user=alice, title="Alice's job", text="Chat support, 35 WPM.")
    return {"resume": resume, "upload": upload, "job": job}


def resume_urls(resume, job) -> list[tuple[str, str]]:
    """(method, url) of every page of one resume."""
    pk = resume.pk
    return [
        ("get", reverse("resumes:detail", args=[pk])),
        ("get", reverse("resumes:edit", args=[pk])),
        ("post", reverse("resumes:edit", args=[pk])),
        ("get", reverse("resumes:version", args=[pk, 1])),
        ("get", reverse("resumes:delete", args=[pk])),
        ("post", reverse("resumes:delete", args=[pk])),
        ("post", reverse("resumes:add_measured", args=[pk])),
        ("get", reverse("resumes:ats", args=[pk])),
        ("get", reverse("resumes:match", args=[pk])),
        ("post", reverse("resumes:match", args=[pk])),
        ("get", reverse("resumes:match_result", args=[pk, job.pk])),
        *[("get", reverse("resumes:export", args=[pk, fmt])) for fmt in ("pdf", "docx", "json")],
    ]


def upload_urls(upload) -> list[tuple[str, str]]:
    return [
        ("get", reverse("resumes:upload_review", args=[upload.pk])),
        ("post", reverse("resumes:upload_review", args=[upload.pk])),
        ("get", reverse("resumes:upload_file", args=[upload.pk])),
    ]


def assert_untouched(alice_things) -> None:
    resume, upload, job = (alice_things[k] for k in ("resume", "upload", "job"))
    assert Resume.objects.filter(pk=resume.pk, title="Chat support").exists()
    assert resume.versions.count() == 1
    assert ResumeUpload.objects.filter(pk=upload.pk).exists()
    assert not Resume.objects.filter(upload=upload).exists()
    assert JobDescription.objects.filter(user=job.user).count() == 1


@pytest.mark.parametrize("persona", ["eve", "bob"])
def test_another_user_gets_404_on_every_page_of_alices(
    client, request, persona, alice_things, password
):
    client.force_login(request.getfixturevalue(persona))
    form = {"title": "Stolen", "text": "Anything", "basics-title": "Stolen"}
    urls = resume_urls(alice_things["resume"], alice_things["job"])
    urls += upload_urls(alice_things["upload"])

    for method, url in urls:
        response = getattr(client, method)(url, form if method == "post" else None)
        assert response.status_code == 404, (persona, method, url)
        assert b"Alice" not in response.content and b"alice-cv" not in response.content

    assert_untouched(alice_things)


def test_eve_cannot_match_alices_resume_with_her_own_job(eve_client, eve, alice_things):
    eves_job = services.job_create(user=eve, title="Eve's job", text="Chat support.")
    url = reverse("resumes:match_result", args=[alice_things["resume"].pk, eves_job.pk])
    assert eve_client.get(url).status_code == 404


def test_eve_cannot_match_her_resume_with_alices_job(eve_client, eve, alice_things):
    eves = services.resume_create(user=eve, title="Eve", data={"basics": {"name": "Eve"}})
    url = reverse("resumes:match_result", args=[eves.pk, alice_things["job"].pk])
    response = eve_client.get(url)
    assert response.status_code == 404 and b"Alice&#x27;s job" not in response.content


def test_eve_sees_none_of_alices_things_on_her_own_pages(eve_client, eve, alice_things):
    eves = services.resume_create(user=eve, title="Eve", data={"basics": {"name": "Eve"}})
    for url in (
        reverse("resumes:list"),
        reverse("resumes:match", args=[eves.pk]),
        reverse("resumes:detail", args=[eves.pk]),
    ):
        html = eve_client.get(url).content.decode()
        assert "Chat support" not in html and "alice-cv.pdf" not in html
        assert "Alice&#x27;s job" not in html and "Alice Fernandes" not in html


def test_measured_results_are_alices_own(eve_client, eve, alice_things):
    eves = services.resume_create(user=eve, title="Eve", data={"basics": {"name": "Eve"}})
    eve_client.post(reverse("resumes:add_measured", args=[eves.pk]))
    assert eves.versions.count() == 1  # alice's typing and English results are not eve's


def test_a_malformed_id_is_404(alice_client, alice_things):
    assert alice_client.get("/resumes/99999/").status_code == 404
    assert alice_client.get("/resumes/uploads/99999/file/").status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, alice_things):
    urls = [
        ("get", reverse("resumes:list")),
        ("post", reverse("resumes:new")),
        ("get", reverse("resumes:upload")),
        ("get", reverse("resumes:import_json")),
        *resume_urls(alice_things["resume"], alice_things["job"]),
        *upload_urls(alice_things["upload"]),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("accounts:login")), url
    assert_untouched(alice_things)


def test_uploaded_files_are_not_served_as_media(client, alice_client, alice_things):
    name = alice_things["upload"].file.name
    for path in (f"/media/{name}", f"/{name}", f"/private/{name}", f"/var/private/{name}"):
        assert alice_client.get(path).status_code == 404, path
        assert client.get(path).status_code == 404, path
