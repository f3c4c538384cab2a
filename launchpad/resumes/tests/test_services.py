"""Resume studio services: only valid JSON Resume is saved, versions are kept as written,
and a file that cannot be read leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from launchpad.accounts.models import CandidateProfile, LanguageSkill
from launchpad.core.resume.schema import validate_resume
from launchpad.core.resume.types import ResumeFileError
from launchpad.resumes import services
from launchpad.resumes.exceptions import ResumeInvalid
from launchpad.resumes.models import Resume, ResumeUpload, ResumeVersion
from launchpad.resumes.tests.conftest import DOCX, FIXTURES, PDF, media_files
from launchpad.skills.models import QuizAttempt, TypingAttempt

# ------------------------------------------------------------------ create and save


def test_creating_a_resume_keeps_the_document_as_version_one(alice, sample):
    resume = services.resume_create(user=alice, title="  Chat support  ", data=sample)

    assert resume.title == "Chat support" and resume.source == Resume.Source.BUILT
    (version,) = resume.versions.all()
    assert version.number == 1 and version.data == sample


def test_an_empty_title_gets_a_default(alice, sample):
    assert services.resume_create(user=alice, title="   ", data=sample).title == "My resume"


def test_an_invalid_resume_is_refused_with_every_problem_and_nothing_created(alice, sample):
    sample["basics"]["email"] = "alice.example.com"
    sample["work"][0]["startDate"] = "Jan 2024"

    with pytest.raises(ResumeInvalid) as caught:
        services.resume_create(user=alice, title="Bad", data=sample)

    problems = caught.value.problems
    assert any(p.startswith("basics.email") for p in problems)
    assert any(p.startswith("work[0].startDate") for p in problems)
    assert not Resume.objects.exists() and not ResumeVersion.objects.exists()


def test_a_document_that_is_not_an_object_is_refused(alice):
    with pytest.raises(ResumeInvalid, match="one JSON object"):
        services.resume_create(user=alice, title="List", data=[1, 2])  # type: ignore[arg-type]
    assert not Resume.objects.exists()


def test_malformed_bpo_fields_are_refused(alice, sample):
    sample["basics"]["x-bpo"] = {"typing": {"wpm": 900, "accuracy": 95}}
    with pytest.raises(ResumeInvalid) as caught:
        services.resume_create(user=alice, title="Too fast", data=sample)
    assert any("x-bpo.typing.wpm" in p for p in caught.value.problems)
    assert not Resume.objects.exists()


def test_saving_a_change_adds_the_next_version(resume, sample):
    sample["basics"]["label"] = "Chat and e-mail support"

    saved = services.resume_save(resume=resume, data=sample, note="Headline")

    assert saved.number == 2 and saved.note == "Headline"
    assert saved.data["basics"]["label"] == "Chat and e-mail support"
    assert list(resume.versions.values_list("number", flat=True)) == [2, 1]


def test_a_save_without_changes_adds_no_version(resume, sample):
    first = resume.versions.get()

    saved = services.resume_save(resume=resume, data=sample)

    assert saved.pk == first.pk and resume.versions.count() == 1


def test_a_save_can_rename_the_resume(resume, sample):
    services.resume_save(resume=resume, data=sample, title="  Voice support ")
    resume.refresh_from_db()
    assert resume.title == "Voice support"


def test_an_invalid_save_changes_nothing(resume, sample):
    before = list(resume.versions.values("number", "data"))
    sample["basics"]["name"] = None

    with pytest.raises(ResumeInvalid) as caught:
        services.resume_save(resume=resume, data=sample, title="Renamed")

    assert any(p.startswith("basics.name") for p in caught.value.problems)
    resume.refresh_from_db()
    assert resume.title == "Chat support"
    assert list(resume.versions.values("number", "data")) == before


def test_earlier_versions_are_never_modified(resume, sample):
    original = json.loads(json.dumps(sample))
    sample["work"][0]["highlights"].append("Trained two new interns")
    services.resume_save(resume=resume, data=sample)
    sample["basics"]["name"] = "Alice F."
    services.resume_save(resume=resume, data=sample)

    # Changing the caller's dict after saving does not reach the database either.
    sample["skills"] = []
    v1, v2, v3 = (resume.versions.get(number=n) for n in (1, 2, 3))
    assert v1.data == original
    assert v2.data["work"][0]["highlights"][-1] == "Trained two new interns"
    assert v2.data["basics"]["name"] == "Alice Fernandes"
    assert v3.data["basics"]["name"] == "Alice F." and v3.data["skills"] != []


def test_deleting_a_resume_deletes_its_versions(resume):
    services.resume_delete(resume=resume)
    assert not Resume.objects.exists() and not ResumeVersion.objects.exists()


# ------------------------------------------------------------------ JSON import


def test_a_valid_json_resume_is_imported_with_its_name_as_title(alice, sample):
    resume = services.resume_import_json(user=alice, raw=json.dumps(sample).encode())

    assert resume.title == "Alice Fernandes" and resume.source == Resume.Source.JSON
    assert resume.versions.get().data == sample


def test_a_json_resume_with_a_byte_order_mark_is_imported(alice, sample):
    raw = b"\xef\xbb\xbf" + json.dumps(sample, ensure_ascii=False).encode()
    assert services.resume_import_json(user=alice, raw=raw).versions.get().data == sample


def test_a_json_resume_without_a_name_gets_a_default_title(alice):
    assert services.resume_import_json(user=alice, raw=b'{"work": []}').title == ("Imported resume")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"name: Alice\nemail: alice@example.com", "not a JSON file"),
        ('{"basics": {"name": "Alicé"}}'.encode("latin-1"), "not a JSON file"),
        (b"", "not a JSON file"),
        (b"[1, 2, 3]", "one JSON object"),
        (b'"a resume"', "one JSON object"),
        (b'{"basics": {"name": "Alice", "email": "nope"}}', "basics.email"),
        (b'{"work": {"name": "Quickserve"}}', "work"),
        (b'{"basics": {"name": "Alice"}}' + b" " * (1024 * 1024), "at most 1 MB"),
    ],
    ids=["not-json", "not-utf8", "empty", "a-list", "a-string", "bad-email", "bad-work", "big"],
)
def test_a_bad_json_file_is_refused_with_a_message_and_nothing_created(alice, raw, message):
    with pytest.raises(ResumeInvalid) as caught:
        services.resume_import_json(user=alice, raw=raw)

    assert caught.value.problems and any(message in p for p in caught.value.problems)
    assert not Resume.objects.exists() and not ResumeVersion.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        b'{"basics": {"name": "Alice"}, "meta": {"score": NaN}}',
        b'{"basics": {"name": "Alice"}, "meta": {"score": Infinity}}',
        b'{"basics": {"name": "Alice\\u0000Fernandes"}}',
    ],
    ids=["nan", "infinity", "nul-character"],
)
def test_json_the_database_cannot_keep_is_refused_with_a_message(alice, raw):
    # NaN and Infinity are not JSON, and PostgreSQL's jsonb holds no NUL character: such a
    # file must be refused like any other bad file, not fail when it is written.
    with pytest.raises(ResumeInvalid) as caught:
        services.resume_import_json(user=alice, raw=raw)
    assert caught.value.problems
    assert not Resume.objects.exists()


# ------------------------------------------------------------------ uploads


@pytest.mark.parametrize("path", [PDF, DOCX], ids=["pdf", "docx"])
def test_a_readable_file_is_stored_with_what_was_read(alice, path):
    raw = path.read_bytes()

    upload = services.upload_store(user=alice, raw=raw, filename=path.name)

    upload.refresh_from_db()
    assert upload.user == alice and upload.original_name == path.name
    assert upload.file_type == path.suffix.lstrip(".")
    assert upload.size == len(raw) and upload.sha256 == hashlib.sha256(raw).hexdigest()
    parsed = upload.parsed
    assert validate_resume(parsed["resume"]) == []
    assert parsed["resume"]["basics"]["email"].endswith("@example.com")
    assert parsed["layout"]["file_type"] == upload.file_type
    assert parsed["layout"]["file_size"] == len(raw) and parsed["layout"]["pages"] >= 1
    assert parsed["layout"]["headings"] and parsed["text"]
    assert {"path", "value", "confidence", "reasons"} <= set(parsed["fields"][0])
    with upload.file.open("rb") as stored:
        assert stored.read() == raw


def test_the_type_comes_from_the_bytes_not_the_name(alice):
    raw = PDF.read_bytes()
    upload = services.upload_store(user=alice, raw=raw, filename="resume")
    assert upload.file_type == "pdf"


def test_a_stored_file_name_is_unguessable_and_not_the_original(alice):
    first = services.upload_store(user=alice, raw=PDF.read_bytes(), filename="alice-cv.pdf")
    second = services.upload_store(user=alice, raw=PDF.read_bytes(), filename="alice-cv.pdf")

    for upload in (first, second):
        name = Path(upload.file.name).name
        assert "alice" not in upload.file.name and "cv" not in name and ".pdf" not in name
        assert len(name) >= 32
    assert first.file.name != second.file.name
    assert len(media_files()) == 2


def _bad_files() -> list[tuple[str, bytes, str]]:
    text = b"Alice Fernandes\nalice@example.com\nCustomer support intern\n"
    return [
        ("resume.pdf", text, "named .pdf but it is plain text"),
        ("resume.pdf", b"", "empty"),
        ("resume.pdf", (FIXTURES / "image_only.pdf").read_bytes(), "scanned images"),
        ("resume.pdf", (FIXTURES / "locked_password.pdf").read_bytes(), "password"),
        ("resume.pdf", (FIXTURES / "truncated.pdf").read_bytes(), "damaged or incomplete"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "an image"),
        ("resume.docx", b"PK\x03\x04 broken zip", "damaged or incomplete"),
    ]


@pytest.mark.parametrize(
    ("filename", "raw", "message"),
    _bad_files(),
    ids=["text-as-pdf", "empty", "image-only", "encrypted", "truncated", "png", "broken-zip"],
)
def test_an_unreadable_file_is_refused_and_nothing_stored(alice, filename, raw, message):
    with pytest.raises(ResumeFileError, match=message):
        services.upload_store(user=alice, raw=raw, filename=filename)

    assert not ResumeUpload.objects.exists()
    assert media_files() == []


def test_deleting_an_upload_removes_its_file(alice):
    upload = services.upload_store(user=alice, raw=DOCX.read_bytes(), filename=DOCX.name)
    path = Path(settings.MEDIA_ROOT) / upload.file.name
    assert path.exists()

    services.upload_delete(upload=upload)

    assert not path.exists() and media_files() == []
    assert not ResumeUpload.objects.exists()


def test_deleting_an_upload_keeps_the_resumes_made_from_it(alice):
    upload = services.upload_store(user=alice, raw=PDF.read_bytes(), filename=PDF.name)
    resume = services.resume_create(
        user=alice, title="From file", data=upload.parsed["resume"], source="file", upload=upload
    )
    services.upload_delete(upload=upload)
    resume.refresh_from_db()
    assert resume.upload is None and resume.versions.count() == 1


# ------------------------------------------------------------------ from the profile


def test_a_first_resume_from_the_profile(alice):
    profile = CandidateProfile.objects.get(user=alice)
    profile.phone = "+91 98765 43210"
    profile.degree = "B.Com"
    profile.education_level = "undergraduate"
    profile.field_of_study = "Accounting"
    profile.graduation_year = 2024
    profile.score_type = "cgpa"
    profile.score_value = Decimal("8.10")
    profile.save()
    LanguageSkill.objects.create(profile=profile, language="English", level="fluent")
    LanguageSkill.objects.create(profile=profile, language="Marathi", level="native")

    data = services.profile_resume_data(alice)

    assert validate_resume(data) == []
    assert data["basics"] == {
        "name": "Alice Fernandes", "email": "alice@example.com", "phone": "+91 98765 43210",
        "location": {"city": "Pune", "countryCode": "IN"},
    }  # fmt: skip
    assert data["education"] == [
        {"studyType": "B.Com", "area": "Accounting", "endDate": "2024", "score": "8.1 CGPA"}
    ]
    assert data["languages"] == [
        {"language": "English", "fluency": "Fluent"},
        {"language": "Marathi", "fluency": "Native or bilingual"},
    ]


def test_a_profile_resume_without_a_profile_has_name_and_email(bob):
    assert services.profile_resume_data(bob) == {
        "basics": {"name": "Bob Trainer", "email": "bob@example.com"}
    }


def test_a_country_of_other_is_left_out(eve):
    CandidateProfile.objects.filter(user=eve).update(country="OTHER", city="Lagos")
    assert services.profile_resume_data(eve)["basics"]["location"] == {"city": "Lagos"}


# ------------------------------------------------------------------ measured results


def test_measured_fields_come_from_the_skills_lab_and_the_profile(alice, measured):
    CandidateProfile.objects.filter(user=alice).update(
        shift_availability=["night", "rotational"], work_types=["chat-email"]
    )
    fields = services.measured_fields(alice)

    assert fields.typing is not None and fields.typing.wpm == 41.5
    assert fields.typing.accuracy == 96.0
    assert fields.english is not None and fields.english.cefr == "B2"
    assert fields.english.estimate is True and fields.english.score == "78%"
    assert fields.shifts == ("night", "rotational") and fields.work_types == ("chat-email",)


def test_drills_short_tests_and_unscored_attempts_are_not_measured(alice, measured):
    typing, english = measured
    TypingAttempt.objects.filter(pk=typing.pk).update(duration_s=30)
    QuizAttempt.objects.filter(pk=english.pk).update(focus_skill="grammar")

    fields = services.measured_fields(alice)

    assert fields.typing is None and fields.english is None


def test_adding_measured_results_saves_a_new_version(resume, measured):
    CandidateProfile.objects.filter(user=resume.user).update(shift_availability=["night"])

    saved = services.resume_add_measured(resume=resume)

    assert saved.number == 2 and saved.note == "Added my measured results"
    bpo = saved.data["basics"]["x-bpo"]
    assert bpo["typing"]["wpm"] == 41.5 and bpo["typing"]["accuracy"] == 96
    assert bpo["english"]["cefr"] == "B2" and bpo["english"]["estimate"] is True
    assert bpo["shifts"] == ["night"]
    assert validate_resume(saved.data) == []
    # Everything else is as it was.
    previous = resume.versions.get(number=1).data
    assert {k: v for k, v in saved.data.items() if k != "basics"} == {
        k: v for k, v in previous.items() if k != "basics"
    }
    assert "x-bpo" not in previous["basics"]


def test_nothing_measured_adds_no_version(resume):
    saved = services.resume_add_measured(resume=resume)
    assert saved.number == 1 and resume.versions.count() == 1


def test_adding_the_same_results_twice_adds_one_version(resume, measured):
    services.resume_add_measured(resume=resume)
    services.resume_add_measured(resume=resume)
    assert resume.versions.count() == 2


def test_measured_results_keep_what_the_resume_had_for_the_rest(resume, sample, measured):
    sample["basics"]["x-bpo"] = {"noticePeriodDays": 15, "workTypes": ["international-voice"]}
    services.resume_save(resume=resume, data=sample)

    saved = services.resume_add_measured(resume=resume)

    bpo = saved.data["basics"]["x-bpo"]
    assert bpo["noticePeriodDays"] == 15 and bpo["workTypes"] == ["international-voice"]
    assert bpo["english"]["cefr"] == "B2"
