"""The import pages (staff and trainers only), the report, the paste flow and the
`launchpad jobs import` command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from launchpad import cli
from launchpad.accounts.models import User
from launchpad.jobs.importing import import_postings
from launchpad.jobs.models import ImportRun, Posting

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "launchpad" / "core" / "tests" / "postings"
ADVERT = """Customer Support Executive - Chat Process
Company: Lakeview Telecom Services
Location: Pune, India

Requirements
- Any graduate
- Typing speed of 30 WPM
- Willing to work night shifts

Responsibilities
- Answer customer chats and e-mails for a US telecom client
- Log every case in the CRM
"""


@pytest.fixture
def staff(db):
    return User.objects.create_user(
        "sam@example.com", "a-Strong-pass-2026", full_name="Sam Staff", is_staff=True
    )


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def bob_client(bob):
    client = Client()
    client.force_login(bob)
    return client


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    raw = content if content is not None else (FIXTURES / name).read_bytes()
    return SimpleUploadedFile(name, raw, content_type="text/csv")


def test_the_import_page_has_a_labelled_file_field(bob_client):
    response = bob_client.get(reverse("jobs:import"))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="id_file">' in page and 'enctype="multipart/form-data"' in page


def test_a_trainer_imports_and_sees_the_report(bob_client, bob):
    response = bob_client.post(reverse("jobs:import"), {"file": upload("messy.csv")})

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:import_run", args=[run.pk])
    assert (run.by, run.created, run.skipped) == (bob, 3, 5)
    report = bob_client.get(response["Location"])
    page = report.content.decode()
    assert report.status_code == 200
    assert '<span class="figure-value" id="run-created">3</span>' in page
    assert '<span class="figure-value" id="run-skipped">5</span>' in page
    assert "Row 6</strong> · Voice Agent" in page
    assert "could be either voice track" in page
    assert "&#x27;evening&#x27; is not a shift we know" in page
    assert "same as row 2" in page
    assert "Salary left out on row 9" in page
    assert Posting.objects.filter(owner__isnull=True).count() == 3


def test_staff_import_json_and_see_every_run(staff_client, bob):
    bob_run = import_postings(raw=(FIXTURES / "good.csv").read_bytes(), file_name="b.csv", by=bob)

    response = staff_client.post(reverse("jobs:import"), {"file": upload("jobs.json")})

    run = ImportRun.objects.exclude(pk=bob_run.pk).get()
    assert run.file_type == "json"
    page = staff_client.get(response["Location"]).content.decode()
    assert "Item 2</strong> · Broken Job" in page
    assert staff_client.get(reverse("jobs:import_run", args=[bob_run.pk])).status_code == 200
    listing = staff_client.get(reverse("jobs:import")).content.decode()
    assert "b.csv" in listing and "jobs.json" in listing


def test_a_trainer_sees_only_their_own_runs(bob_client, staff):
    other = import_postings(raw=(FIXTURES / "good.csv").read_bytes(), file_name="s.csv", by=staff)

    assert bob_client.get(reverse("jobs:import_run", args=[other.pk])).status_code == 404
    assert "s.csv" not in bob_client.get(reverse("jobs:import")).content.decode()


def test_a_refused_file_is_an_error_on_the_form(bob_client):
    response = bob_client.post(reverse("jobs:import"), {"file": upload("no_title.csv")})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="form-errors"' in page and "no title column" in page
    assert not ImportRun.objects.exists() and not Posting.objects.exists()


def test_an_oversized_or_missing_file_is_refused_by_the_form(bob_client):
    big = upload("big.csv", b"title\n" + b"x" * (5 * 1024 * 1024))

    too_big = bob_client.post(reverse("jobs:import"), {"file": big})
    missing = bob_client.post(reverse("jobs:import"), {})

    assert "larger than 5 MB" in too_big.content.decode()
    assert "Choose a file to import." in missing.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "alice", "eve"])
def test_anyone_else_gets_404(who, client, alice_client, eve_client, bob):
    run = import_postings(raw=(FIXTURES / "good.csv").read_bytes(), file_name="b.csv", by=bob)
    browser = {"anonymous": client, "alice": alice_client, "eve": eve_client}[who]

    assert browser.get(reverse("jobs:import")).status_code == 404
    assert browser.post(reverse("jobs:import"), {"file": upload("good.csv")}).status_code == 404
    assert browser.get(reverse("jobs:import_run", args=[run.pk])).status_code == 404
    assert ImportRun.objects.count() == 1


def test_the_paste_flow(alice_client, alice):
    form = alice_client.get(reverse("jobs:paste"))
    assert form.status_code == 200 and '<label for="id_text">' in form.content.decode()

    response = alice_client.post(reverse("jobs:paste"), {"text": ADVERT})

    posting = Posting.objects.get()
    assert posting.owner == alice
    assert response.status_code == 302 and response["Location"] == posting.get_absolute_url()
    again = alice_client.post(reverse("jobs:paste"), {"text": ADVERT})
    assert again["Location"] == posting.get_absolute_url()
    assert Posting.objects.count() == 1


def test_pasting_too_little_says_why(alice_client):
    response = alice_client.post(reverse("jobs:paste"), {"text": "Chat agent in Pune"})
    empty = alice_client.post(reverse("jobs:paste"), {"text": ""})

    assert "at least 20 words" in response.content.decode()
    assert "Paste the job advert." in empty.content.decode()
    assert not Posting.objects.exists()


def test_pasting_needs_an_account(client):
    response = client.get(reverse("jobs:paste"))

    assert response.status_code == 302 and "login" in response["Location"]


def test_pastes_are_kept_apart(alice_client, eve_client, alice, eve):
    alice_client.post(reverse("jobs:paste"), {"text": ADVERT})
    eve_client.post(reverse("jobs:paste"), {"text": ADVERT})

    assert Posting.objects.filter(owner=alice).count() == 1
    assert Posting.objects.filter(owner=eve).count() == 1


# ------------------------------------------------------------------ the command


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command("jobs", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_and_prints_the_report(bob):
    output = run_command("import", str(FIXTURES / "messy.csv"), "--by", "BOB@example.com")

    lines = output.splitlines()
    assert lines[0] == "messy.csv (CSV): 3 created, 0 updated (already there), 5 skipped."
    assert lines[1].startswith("Note: Salary left out on row 9")
    assert "Row 3 skipped: title: missing (every posting needs a title)" in lines
    assert "Row 4 (Chat Support Executive) skipped: same as row 2" in lines
    assert ImportRun.objects.get().by == bob
    again = run_command("import", str(FIXTURES / "messy.csv"))
    assert again.startswith("messy.csv (CSV): 0 created, 3 updated (already there), 5 skipped.")
    assert ImportRun.objects.filter(by__isnull=True).count() == 1


def test_the_command_reports_json_items(db):
    output = run_command("import", str(FIXTURES / "jobs.json"))

    assert "Item 2 (Broken Job) skipped: date:" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no_title.csv"], "no_title.csv was not imported: The file has no title column"),
        (["missing.csv"], "Cannot read"),
        (["good.csv", "--by", "nobody@example.com"], "No user 'nobody@example.com'"),
        (["good.csv", "--by", "alice@example.com"], "cannot import postings"),
    ],
)
def test_the_command_refuses_with_exit_code_2(alice, args, message):
    path, *rest = args
    with pytest.raises(CommandError, match=message) as refused:
        run_command("import", str(FIXTURES / path), *rest)

    assert refused.value.returncode == 2
    assert not ImportRun.objects.exists()


def test_the_command_refuses_a_huge_file_without_reading_it(db, tmp_path):
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)

    with pytest.raises(CommandError, match=r"6\.0 MB; the limit is 5 MB") as refused:
        run_command("import", str(huge))

    assert refused.value.returncode == 2


def test_launchpad_jobs_import_exit_codes(db, capsys):
    """`launchpad jobs import FILE` through the real entry point: 0 when the file was read,
    2 (with the reason on standard error) when it was refused."""
    assert cli.main(["jobs", "import", str(FIXTURES / "good.csv")]) == 0
    assert capsys.readouterr().out.startswith("good.csv (CSV): 4 created, 0 updated")

    with pytest.raises(SystemExit) as refused:
        cli.main(["jobs", "import", str(FIXTURES / "no_title.csv")])

    assert refused.value.code == 2
    assert "no title column" in capsys.readouterr().err
