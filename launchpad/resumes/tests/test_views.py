"""Resume studio pages: start, edit, upload and review, import, check, match, versions."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from launchpad.resumes import services
from launchpad.resumes.models import JobDescription, Resume, ResumeUpload, ResumeVersion
from launchpad.resumes.tests.conftest import DOCX, FIXTURES, PDF, editor_values, media_files


def page(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_list_shows_my_resumes_and_ways_to_start(alice_client, resume, eve):
    services.resume_create(user=eve, title="Eve's secret resume", data={"basics": {}})

    response = alice_client.get(reverse("resumes:list"))

    assert response.status_code == 200
    html = page(response)
    assert "Chat support" in html and "Eve&#x27;s secret resume" not in html
    assert "Eve" not in html.split("My resumes")[1]
    assert "Start a new resume" in html and reverse("resumes:upload") in html


def test_the_list_of_someone_new_says_there_are_none(eve_client):
    assert "No resumes yet." in page(eve_client.get(reverse("resumes:list")))


def test_starting_from_the_profile_opens_the_editor(alice_client, alice):
    response = alice_client.post(reverse("resumes:new"))

    resume = Resume.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("resumes:edit", args=[resume.pk])
    data = resume.versions.get().data
    assert data["basics"]["name"] == "Alice Fernandes"
    assert data["basics"]["location"] == {"city": "Pune", "countryCode": "IN"}
    editor = alice_client.get(response["Location"])
    assert editor.status_code == 200 and "Started from your profile" in page(editor)
    assert "Not found: add it" not in page(editor)  # badges are for a file's review only
    assert editor_values(page(editor))["basics-name"] == "Alice Fernandes"


def test_starting_a_resume_needs_a_post(alice_client):
    assert alice_client.get(reverse("resumes:new")).status_code == 405
    assert not Resume.objects.exists()


# ------------------------------------------------------------------ the editor


def edit_url(resume) -> str:
    return reverse("resumes:edit", args=[resume.pk])


def test_the_editor_shows_the_resume(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))

    assert values["basics-title"] == "Chat support"
    assert values["basics-email"] == "alice.fernandes@example.com"
    assert values["basics-country_code"] == "IN"
    assert values["work-0-position"] == "Customer Support Intern"
    assert values["work-0-highlights"] == "Handled 60 chats a day\r\nKept CSAT above 92%"
    assert values["skills-0-keywords"] == "Chat support, CRM"
    assert values["work-TOTAL_FORMS"] == "2" and values["work-INITIAL_FORMS"] == "1"


def test_saving_the_editor_unchanged_adds_no_version(alice_client, resume, sample):
    sample["basics"]["summary"] = "Chat support fresher.\nNight shifts are fine."
    sample["work"][0]["summary"] = "Chat desk.\nRetail products."
    services.resume_save(resume=resume, data=sample)
    values = editor_values(page(alice_client.get(edit_url(resume))))

    response = alice_client.post(edit_url(resume), values, follow=True)

    assert "Nothing changed." in messages_of(response)
    assert resume.versions.count() == 2


def test_saving_the_editor_adds_a_version_and_keeps_what_it_does_not_show(
    alice_client, resume, sample
):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-label"] = "Chat and e-mail support"
    values["work-0-highlights"] += "\r\nResolved 95% of chats on first contact"

    response = alice_client.post(edit_url(resume), values)

    assert response.status_code == 302 and response["Location"] == resume.get_absolute_url()
    latest = resume.versions.first()
    assert latest is not None and latest.number == 2 and latest.note == "Edited"
    data = latest.data
    assert data["basics"]["label"] == "Chat and e-mail support"
    assert data["work"][0]["highlights"][-1] == "Resolved 95% of chats on first contact"
    # Hidden from the editor, kept by the save:
    assert data["interests"] == sample["interests"]
    assert data["basics"]["url"] == sample["basics"]["url"]
    assert data["basics"]["profiles"] == sample["basics"]["profiles"]
    assert data["work"][0]["url"] == sample["work"][0]["url"]
    assert data["education"][0]["courses"] == sample["education"][0]["courses"]
    assert data["volunteer"] == sample["volunteer"]
    # The rest is exactly as it was.
    assert {k: v for k, v in data.items() if k not in ("basics", "work")} == {
        k: v for k, v in sample.items() if k not in ("basics", "work")
    }
    # And version 1 is untouched.
    assert resume.versions.get(number=1).data == sample


def test_the_editor_keeps_the_bpo_fields(alice_client, resume, measured):
    services.resume_add_measured(resume=resume)
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-summary"] = "Fresher for chat support."

    alice_client.post(edit_url(resume), values)

    latest = resume.versions.first()
    assert latest is not None and latest.number == 3
    assert latest.data["basics"]["x-bpo"] == resume.versions.get(number=2).data["basics"]["x-bpo"]


def test_the_editor_keeps_a_country_it_cannot_show(alice_client, alice, sample):
    sample["basics"]["location"] = {"city": "Berlin", "countryCode": "DE"}
    resume = services.resume_create(user=alice, title="Abroad", data=sample)
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-label"] = "Support agent"

    alice_client.post(edit_url(resume), values)

    latest = resume.versions.first()
    assert latest is not None and latest.number == 2
    assert latest.data["basics"]["location"] == {"city": "Berlin", "countryCode": "DE"}


def test_the_editor_renames_the_resume(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-title"] = "Voice support"
    values["basics-phone"] = "+91 90000 00000"

    alice_client.post(edit_url(resume), values)

    resume.refresh_from_db()
    assert resume.title == "Voice support" and resume.versions.count() == 2


def test_an_invalid_date_shows_an_error_and_saves_nothing(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["work-0-startDate"] = "Jan 2024"
    values["basics-label"] = "Changed too"

    response = alice_client.post(edit_url(resume), values)

    assert response.status_code == 200
    assert "Write the date as a year, year-month or full date" in page(response)
    assert resume.versions.count() == 1
    # What was typed is still in the form, to correct.
    assert editor_values(page(response))["work-0-startDate"] == "Jan 2024"


def test_an_end_before_the_start_is_refused(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["work-0-endDate"] = "2023-12"

    response = alice_client.post(edit_url(resume), values)

    assert response.status_code == 200 and "The end date is before the start date." in page(
        response
    )
    assert resume.versions.count() == 1


def test_a_half_filled_entry_asks_for_the_rest(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["certificates-0-issuer"] = "Google"

    response = alice_client.post(edit_url(resume), values)

    assert response.status_code == 200
    assert "Fill this in, or clear the whole entry." in page(response)
    assert resume.versions.count() == 1


def test_a_bad_email_and_a_missing_title_are_refused(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-email"] = "alice.example.com"
    values["basics-title"] = ""

    response = alice_client.post(edit_url(resume), values)

    assert response.status_code == 200
    html = page(response)
    assert "Give this resume a name" in html and "Please correct the following" in html
    assert resume.versions.count() == 1


def test_removing_an_entry(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["volunteer-0-DELETE"] = "on"

    alice_client.post(edit_url(resume), values)

    latest = resume.versions.first()
    assert latest is not None and latest.number == 2
    assert "volunteer" not in latest.data and "volunteer" in resume.versions.get(number=1).data
    assert latest.data["work"] == resume.versions.get(number=1).data["work"]


def test_adding_an_entry_in_the_empty_form(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values.update({
        "certificates-0-name": "Google IT Support", "certificates-0-issuer": "Coursera",
        "certificates-0-date": "2024-03",
        "work-1-position": "Sales Associate", "work-1-name": "City Mart",
        "work-1-highlights": "- Sold phones\n• Met targets\n\n",
    })  # fmt: skip

    alice_client.post(edit_url(resume), values)

    data = resume.versions.first().data  # type: ignore[union-attr]
    assert data["certificates"] == [
        {"name": "Google IT Support", "issuer": "Coursera", "date": "2024-03"}
    ]
    assert data["work"][1] == {
        "position": "Sales Associate", "name": "City Mart",
        "highlights": ["Sold phones", "Met targets"],
    }  # fmt: skip


# ------------------------------------------------------------------ uploads


def upload(client, path, name=None, content=None):
    raw = path.read_bytes() if content is None else content
    return client.post(
        reverse("resumes:upload"), {"file": SimpleUploadedFile(name or path.name, raw)}
    )


def test_the_upload_page(alice_client):
    response = alice_client.get(reverse("resumes:upload"))
    assert response.status_code == 200 and 'enctype="multipart/form-data"' in page(response)


@pytest.mark.parametrize("path", [PDF, DOCX], ids=["pdf", "docx"])
def test_an_upload_opens_the_review_of_what_was_read(alice_client, alice, path):
    response = upload(alice_client, path)

    stored = ResumeUpload.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("resumes:upload_review", args=[stored.pk])
    review = alice_client.get(response["Location"])
    html = page(review)
    basics = stored.parsed["resume"]["basics"]
    values = editor_values(html)
    assert values["basics-name"] == basics["name"]
    assert values["basics-email"] == basics["email"]
    assert values["basics-phone"] == basics["phone"]
    assert values["basics-title"] == basics["name"]
    assert "Check what we read" in html and path.name in html
    guesses = {f["path"]: f for f in stored.parsed["fields"]}
    for field in ("name", "email", "phone"):
        confidence = guesses[f"basics.{field}"]["confidence"]
        badge = "Read with confidence" if confidence >= 0.8 else f"{round(100 * confidence)}% sure"
        wrapper = html.split(f'class="field field-{field}')[1].split("</div>")[0]
        assert badge in wrapper, (field, confidence)
    # Not a resume yet: it waits on the list.
    assert not Resume.objects.exists()
    assert path.name in page(alice_client.get(reverse("resumes:list")))


def test_saving_the_review_creates_a_file_resume_linked_to_the_upload(alice_client, alice):
    upload(alice_client, PDF)
    stored = ResumeUpload.objects.get()
    review_url = reverse("resumes:upload_review", args=[stored.pk])
    values = editor_values(page(alice_client.get(review_url)))
    values["basics-title"] = "From my PDF"
    values["basics-label"] = "Customer service representative"

    response = alice_client.post(review_url, values)

    resume = Resume.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == resume.get_absolute_url()
    assert resume.source == Resume.Source.FILE and resume.upload == stored
    assert resume.title == "From my PDF"
    data = resume.versions.get().data
    assert data["basics"]["label"] == "Customer service representative"
    parsed = stored.parsed["resume"]
    assert data["basics"]["email"] == parsed["basics"]["email"]
    assert [w["position"] for w in data["work"]] == [w["position"] for w in parsed["work"]]
    assert [e["institution"] for e in data["education"]] == [
        e["institution"] for e in parsed["education"]
    ]
    detail = page(alice_client.get(resume.get_absolute_url()))
    assert reverse("resumes:upload_file", args=[stored.pk]) in detail
    # No longer waiting for a check.
    assert "Uploads waiting" not in page(alice_client.get(reverse("resumes:list")))


def test_the_owner_downloads_the_uploaded_file(alice_client):
    upload(alice_client, DOCX)
    stored = ResumeUpload.objects.get()

    response = alice_client.get(reverse("resumes:upload_file", args=[stored.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCX.read_bytes()
    assert DOCX.name in response["Content-Disposition"]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resume.pdf", b"Alice Fernandes\nalice@example.com\n", "it is plain text"),
        ("resume.pdf", (FIXTURES / "image_only.pdf").read_bytes(), "scanned images"),
        ("resume.pdf", (FIXTURES / "locked_password.pdf").read_bytes(), "password"),
        ("resume.pdf", (FIXTURES / "truncated.pdf").read_bytes(), "damaged or incomplete"),
        ("resume.pdf", b"", "empty"),
    ],
    ids=["text-as-pdf", "image-only", "encrypted", "truncated", "empty"],
)
def test_an_unreadable_upload_shows_why_and_stores_nothing(alice_client, name, content, message):
    response = upload(alice_client, PDF, name=name, content=content)

    assert response.status_code == 200
    html = page(response)
    assert message in html and "Please correct the following" in html
    assert not ResumeUpload.objects.exists() and media_files() == []


def test_an_upload_without_a_file_asks_for_one(alice_client):
    # A browser sends the CSRF token (and an empty file part) when no file was chosen.
    response = alice_client.post(reverse("resumes:upload"), {"csrfmiddlewaretoken": "x"})
    assert response.status_code == 200 and "Choose a file to upload." in page(response)


# ------------------------------------------------------------------ JSON import


def test_importing_a_json_resume(alice_client, alice, sample):
    file = SimpleUploadedFile("resume.json", json.dumps(sample).encode(), "application/json")

    response = alice_client.post(reverse("resumes:import_json"), {"file": file})

    resume = Resume.objects.get(user=alice)
    assert response["Location"] == resume.get_absolute_url()
    assert resume.source == Resume.Source.JSON and resume.title == "Alice Fernandes"
    assert resume.versions.get().data == sample


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json at all", "This is not a JSON file"),
        (b"[1, 2]", "one JSON object"),
        (b'[["basics", {"name": "A"}]]', "one JSON object"),
        (b'{"basics": {"email": "nope"}, "work": [{"startDate": "June"}]}', "basics.email"),
        (b'{"basics": {"name": "A"}, "meta": {"x": NaN}}', "meta.x"),
    ],
    ids=["not-json", "a-list", "a-list-of-pairs", "schema", "nan"],
)
def test_a_bad_json_import_lists_the_problems_and_creates_nothing(alice_client, raw, message):
    file = SimpleUploadedFile("resume.json", raw, "application/json")

    response = alice_client.post(reverse("resumes:import_json"), {"file": file})

    assert response.status_code == 200
    assert message in page(response)
    assert not Resume.objects.exists()


def test_a_schema_invalid_import_lists_every_problem(alice_client):
    raw = b'{"basics": {"email": "nope"}, "work": [{"startDate": "June"}]}'
    response = alice_client.post(
        reverse("resumes:import_json"), {"file": SimpleUploadedFile("r.json", raw)}
    )
    html = page(response)
    assert "basics.email" in html and "work[0].startDate" in html


def test_a_json_file_over_a_megabyte_is_refused(alice_client):
    raw = b'{"basics": {"name": "A"}}' + b" " * (1024 * 1024)
    response = alice_client.post(
        reverse("resumes:import_json"), {"file": SimpleUploadedFile("r.json", raw)}
    )
    assert response.status_code == 200 and "at most 1 MB" in page(response)
    assert not Resume.objects.exists()


# ------------------------------------------------------------------ detail, versions, delete


def test_the_detail_page_shows_the_latest_version(alice_client, resume, sample):
    sample["basics"]["label"] = "Chat and e-mail support"
    services.resume_save(resume=resume, data=sample, note="Headline")

    html = page(alice_client.get(resume.get_absolute_url()))

    assert "Chat and e-mail support" in html and "version 2" in html
    assert reverse("resumes:version", args=[resume.pk, 1]) in html
    for fmt in ("pdf", "pdf-compact", "docx", "txt", "json"):
        assert reverse("resumes:export", args=[resume.pk, fmt]) in html


def test_an_old_version_is_shown_as_it_was(alice_client, resume, sample):
    sample["basics"]["label"] = "Chat and e-mail support"
    services.resume_save(resume=resume, data=sample)

    response = alice_client.get(reverse("resumes:version", args=[resume.pk, 1]))

    html = page(response)
    assert response.status_code == 200 and "An earlier version" in html
    assert "Customer support associate" in html and "Chat and e-mail support" not in html
    assert alice_client.get(reverse("resumes:version", args=[resume.pk, 9])).status_code == 404


def test_deleting_a_resume_asks_first(alice_client, resume):
    url = reverse("resumes:delete", args=[resume.pk])
    confirm = alice_client.get(url)
    assert confirm.status_code == 200 and "Delete Chat support?" in page(confirm)
    assert Resume.objects.filter(pk=resume.pk).exists()

    response = alice_client.post(url)

    assert response["Location"] == reverse("resumes:list")
    assert not Resume.objects.exists() and not ResumeVersion.objects.exists()


def test_adding_measured_results_from_the_page(alice_client, resume, measured):
    response = alice_client.post(reverse("resumes:add_measured", args=[resume.pk]), follow=True)

    assert "Added your measured results as version 2." in messages_of(response)
    html = page(response)
    assert (
        "Typing: 41 WPM at 96% accuracy" in html and "English: BPO Launchpad English test" in html
    )
    assert resume.versions.first().data["basics"]["x-bpo"]["english"]["cefr"] == "B2"  # type: ignore[union-attr]


def test_adding_measured_results_with_nothing_measured(alice_client, resume):
    response = alice_client.post(reverse("resumes:add_measured", args=[resume.pk]), follow=True)

    assert any("Nothing new to add" in m for m in messages_of(response))
    assert resume.versions.count() == 1


# ------------------------------------------------------------------ ATS and match


def test_the_ats_check_of_a_built_resume_skips_the_layout_checks(alice_client, resume):
    response = alice_client.get(reverse("resumes:ats", args=[resume.pk]))

    html = page(response)
    assert response.status_code == 200
    assert "as our PDF and Word exports lay it out" in html
    assert "Not checked" in html and "There is no file to check" in html


def test_the_ats_check_of_a_file_resume_reads_the_file(alice_client, alice):
    stored = services.upload_store(
        user=alice, raw=(FIXTURES / "ph_shifter_b_two_column.pdf").read_bytes(),
        filename="two-columns.pdf",
    )  # fmt: skip
    resume = services.resume_create(
        user=alice, title="From file", data=stored.parsed["resume"], source="file", upload=stored
    )

    response = alice_client.get(reverse("resumes:ats", args=[resume.pk]))

    html = page(response)
    assert response.status_code == 200
    assert "Checked on the file you uploaded (two-columns.pdf)" in html
    assert "There is no file to check" not in html
    assert "column" in html.lower()


JOB = """Customer Service Representative (Chat)
Requirements:
- Graduate in any discipline
- Excellent written English communication
- Typing speed of 35 WPM
- Willing to work night shifts
Responsibilities:
- Handle customer chats and e-mails
- Resolve queries on first contact and meet CSAT targets
"""


def test_matching_a_pasted_job_saves_it_and_shows_a_score(alice_client, alice, resume):
    url = reverse("resumes:match", args=[resume.pk])
    assert alice_client.get(url).status_code == 200

    response = alice_client.post(
        url, {"title": "Chat support", "company": "Quickserve", "text": JOB}
    )

    job = JobDescription.objects.get(user=alice)
    assert (job.title, job.company, job.text) == ("Chat support", "Quickserve", JOB.strip())
    assert response["Location"] == reverse("resumes:match_result", args=[resume.pk, job.pk])
    result = alice_client.get(response["Location"])
    html = page(result)
    assert result.status_code == 200
    assert 'id="match-score"' in html and "/ 100" in html
    score = int(html.split('id="match-score">')[1].split("<")[0])
    assert 0 <= score <= 100
    assert "How the score is worked out" in html
    # The job is offered again on the match page.
    assert "Chat support (Quickserve)" in page(alice_client.get(url))


def test_a_job_without_a_description_is_refused(alice_client, resume):
    response = alice_client.post(
        reverse("resumes:match", args=[resume.pk]), {"title": "Chat", "text": ""}
    )
    assert response.status_code == 200 and "Paste the job description." in page(response)
    assert not JobDescription.objects.exists()


def test_a_job_in_the_job_schema_is_matched(alice_client, alice, resume):
    job = JobDescription.objects.create(
        user=alice, title="Chat support", data={
            "title": "Chat support associate",
            "skills": [{"name": "Support", "keywords": ["Chat support", "CRM"]}],
            "qualifications": ["Graduate in commerce"],
        },
    )  # fmt: skip
    response = alice_client.get(reverse("resumes:match_result", args=[resume.pk, job.pk]))
    assert response.status_code == 200 and 'id="match-score"' in page(response)


def test_saving_unchanged_fields_keeps_their_values_exactly(alice_client, alice, sample):
    sample["skills"] = [{"name": "Office", "keywords": ["MS Office (Word, Excel)", "Typing"]}]
    sample["work"][0]["highlights"] = ["-20% average handle time", "Handled 60 chats a day"]
    resume = services.resume_create(user=alice, title="Tricky", data=sample)
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-label"] = "Chat support"

    alice_client.post(edit_url(resume), values)

    latest = resume.versions.first()
    assert latest is not None and latest.number == 2
    assert latest.data["skills"] == sample["skills"]
    assert latest.data["work"] == sample["work"]


def test_choosing_a_country_in_the_editor_replaces_one_it_could_not_show(
    alice_client, alice, sample
):
    sample["basics"]["location"] = {"city": "Berlin", "countryCode": "DE"}
    resume = services.resume_create(user=alice, title="Abroad", data=sample)
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values.update({"basics-city": "Manila", "basics-country_code": "PH"})

    alice_client.post(edit_url(resume), values)

    latest = resume.versions.first()
    assert latest is not None
    assert latest.data["basics"]["location"] == {"city": "Manila", "countryCode": "PH"}


def test_an_edit_the_schema_refuses_shows_why_and_saves_nothing(alice_client, resume):
    values = editor_values(page(alice_client.get(edit_url(resume))))
    values["basics-email"] = "alice@localhost"  # a Django e-mail, not a JSON Resume one
    values["basics-label"] = "Typed before the error"

    response = alice_client.post(edit_url(resume), values, follow=True)

    assert any(m.startswith("basics.email") for m in messages_of(response))
    assert resume.versions.count() == 1


def test_the_review_says_what_was_not_found_and_warns(alice_client, alice):
    response = upload(alice_client, FIXTURES / "locked_permissions.pdf", name="locked.pdf")

    html = page(alice_client.get(response["Location"]))
    assert html.count("Not found: add it") == 3  # name, e-mail and phone
    assert "the PDF is encrypted with permission limits" in html


def test_the_editor_shows_a_worked_example_for_each_section(alice_client, resume):
    from launchpad.resumes.forms import SECTION_EXAMPLES, SECTIONS

    page = alice_client.get(reverse("resumes:edit", args=[resume.pk])).content.decode()
    assert page.count("See an example") == len(SECTIONS) + 1
    for section in SECTIONS:
        assert SECTION_EXAMPLES[section.key], section.key
    assert "Customer Support Intern · Company: Lakeview Telecom Services" in page
