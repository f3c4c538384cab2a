"""Importing postings: what is created, updated and skipped, re-imports, refused files and
pasted adverts."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from launchpad.accounts.models import User
from launchpad.core.postings import PostingFileError
from launchpad.jobs import importing
from launchpad.jobs.admin import PostingAdmin
from launchpad.jobs.importing import can_import, file_type, import_postings, posting_paste
from launchpad.jobs.models import ImportRun, Posting
from launchpad.jobs.reading import posting_reading, read_postings

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "postings"
ADVERT = """Customer Support Executive - Chat Process
Company: Lakeview Telecom Services
Location: Pune, India
Salary: 2.4 - 3.6 LPA

Requirements
- Any graduate
- Typing speed of 30 WPM
- Willing to work night shifts

Responsibilities
- Answer customer chats and e-mails for a US telecom client
- Log every case in the CRM
"""


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def staff(db):
    return User.objects.create_user(
        "sam@example.com", "a-Strong-pass-2026", full_name="Sam Staff", is_staff=True
    )


def test_a_good_csv_creates_every_posting(bob):
    run = import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)

    assert (run.created, run.updated, run.skipped) == (4, 0, 0)
    assert (run.by, run.file_name, run.file_type, run.problems) == (bob, "good.csv", "csv", [])
    chat = Posting.objects.get(title="Customer Support Associate - Chat")
    assert chat.owner is None and chat.imported_by == bob and chat.is_active
    assert (chat.city, chat.country, chat.track, chat.shifts) == (
        "Pune",
        "IN",
        "chat-email",
        ["night"],
    )
    assert (chat.salary_min, chat.salary_max, chat.salary_currency, chat.salary_period) == (
        240_000,
        360_000,
        "INR",
        "year",
    )
    assert chat.knockouts == {
        "degree_min": "undergraduate",
        "min_wpm": 30,
        "documents": ["aadhaar", "pan"],
    }
    assert len(chat.fingerprint) == 64
    assert "Lakeview Telecom Services" in chat.search_text
    assert "crm" in chat.terms and chat.terms == sorted(chat.terms)
    # Read for the match at import, so no search has to read it again.
    assert posting_reading(chat)[1] is None
    assert chat.reading["job"]["title"] == "Customer Support Associate - Chat"


def test_a_re_import_creates_no_duplicates(bob, staff):
    first = import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)
    again = import_postings(raw=fixture("good.csv"), file_name="good.csv", by=staff)

    assert (first.created, again.created, again.updated, again.skipped) == (4, 0, 4, 0)
    assert Posting.objects.count() == 4
    # Nothing changed, so nothing was written: the postings keep who imported them.
    assert set(Posting.objects.values_list("imported_by", flat=True)) == {bob.pk}


def test_a_re_import_reads_postings_whose_reading_is_stale_again(bob, staff):
    import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)
    Posting.objects.update(reading={"stamp": "job-reading-0"})

    again = import_postings(raw=fixture("good.csv"), file_name="good.csv", by=staff)

    assert (again.created, again.updated) == (0, 4)
    assert all(posting_reading(p)[1] is None for p in Posting.objects.all())
    assert ImportRun.objects.count() == 2


def test_a_changed_row_updates_its_posting(bob, staff):
    import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)
    changed = fixture("good.csv").replace(b"2.4 - 3.6 LPA", b"3 - 4 LPA")

    run = import_postings(raw=changed, file_name="good-v2.csv", by=staff)

    assert (run.created, run.updated) == (0, 4)
    chat = Posting.objects.get(title="Customer Support Associate - Chat")
    assert (chat.salary_min, chat.salary_max, chat.imported_by) == (300_000, 400_000, staff)
    assert Posting.objects.filter(imported_by=bob).count() == 3


def test_bad_rows_do_not_stop_good_rows_and_the_report_says_why(bob):
    run = import_postings(raw=fixture("messy.csv"), file_name="messy.csv", by=bob)

    assert (run.created, run.updated, run.skipped) == (3, 0, 5)
    assert Posting.objects.count() == 3
    warning, *rows = run.problems
    assert warning["kind"] == "warning" and warning["row"] is None
    assert "Salary left out on row 9" in warning["problems"][0]
    assert [(r["row"], r["kind"]) for r in rows] == [
        (3, "skipped"),
        (4, "duplicate"),
        (6, "skipped"),
        (8, "duplicate"),
        (10, "skipped"),
    ]
    duplicate = rows[1]
    assert duplicate == {
        "kind": "duplicate",
        "row": 4,
        "title": "Chat Support Executive",
        "same_as": 2,
        "problems": ["same as row 2"],
    }
    assert rows[2]["title"] == "Voice Agent"
    assert any("either voice track" in p for p in rows[2]["problems"])


def test_json_files_are_imported_too(bob):
    run = import_postings(raw=fixture("jobs.json"), file_name="jobs.json", by=bob)

    assert (run.file_type, run.created, run.skipped) == ("json", 2, 3)
    assert Posting.objects.get(title="International Voice Agent").workplace == "hybrid"


@pytest.mark.parametrize(
    ("raw", "name", "kind"),
    [
        (b'[{"title": "x"}]', "postings.csv", "json"),
        (b'\xef\xbb\xbf \n{"title": "x"}', "x", "json"),
        (b"title\nx\n", "postings.json", "json"),
        (b"title\nx\n", "postings.CSV", "csv"),
        (b"title\nx\n", "postings", "csv"),
    ],
)
def test_the_file_type_comes_from_the_content_then_the_name(raw, name, kind):
    assert file_type(raw, name) == kind


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"", "empty.csv"),
        (b"company,city\nAcme,Pune\n", "no-title.csv"),
        (b"title\n" + b"x" * (5 * 1024 * 1024), "huge.csv"),
        (b"{broken", "broken.json"),
        (b"PK\x03\x04...", "postings.xlsx"),
    ],
)
def test_a_refused_file_writes_nothing(bob, raw, name):
    with pytest.raises(PostingFileError):
        import_postings(raw=raw, file_name=name, by=bob)

    assert not Posting.objects.exists() and not ImportRun.objects.exists()


def test_imports_leave_pasted_postings_alone(alice, bob):
    pasted = posting_paste(user=alice, text=ADVERT)
    row = (
        "title,company,city,description\n"
        f'"{pasted.title}",{pasted.company},{pasted.city},"{pasted.description}"\n'
    )

    run = import_postings(raw=row.encode(), file_name="x.csv", by=bob)

    assert run.created == 1
    public = Posting.objects.get(owner__isnull=True)
    assert public.fingerprint == pasted.fingerprint
    assert Posting.objects.get(pk=pasted.pk).owner == alice


def test_a_large_import_is_written_in_batches(bob, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 50)
    lines = ["title,company,city,salary,shifts"]
    lines += [f"Chat Agent {n},Acme {n % 7},Pune,2.4 LPA,Night" for n in range(400)]
    raw = ("\n".join(lines) + "\n").encode()

    with CaptureQueriesContext(connection) as queries:
        run = import_postings(raw=raw, file_name="big.csv", by=bob)

    assert run.created == 400
    assert len(queries) < 30
    with CaptureQueriesContext(connection) as queries:
        again = import_postings(raw=raw, file_name="big.csv", by=bob)
    assert (again.created, again.updated) == (0, 400)
    assert len(queries) < 30


def test_a_pasted_advert_belongs_to_its_candidate(alice):
    posting = posting_paste(user=alice, text=ADVERT)

    assert posting.owner == alice and posting.imported_by is None
    assert posting.title == "Customer Support Executive - Chat Process"
    assert (posting.company, posting.city, posting.country) == (
        "Lakeview Telecom Services",
        "Pune",
        "IN",
    )
    assert posting.shifts == ["night"]
    assert posting.source == "Pasted text"
    assert posting.knockouts == {"degree_min": "undergraduate", "min_wpm": 30}
    assert "crm" in posting.terms


def test_pasting_the_same_advert_again_returns_the_first_posting(alice, eve):
    first = posting_paste(user=alice, text=ADVERT)
    again = posting_paste(user=alice, text="\n" + ADVERT + "   \n")
    eves = posting_paste(user=eve, text=ADVERT)

    assert again.pk == first.pk
    assert eves.pk != first.pk and eves.owner == eve
    assert Posting.objects.filter(owner=alice).count() == 1


def test_a_paste_race_returns_the_winner(alice, monkeypatch):
    winner = posting_paste(user=alice, text=ADVERT)
    real_filter = Posting.objects.filter

    class Nothing:
        def first(self):
            return None

    def filter_missing_once(*args, **kwargs):
        monkeypatch.setattr(Posting.objects, "filter", real_filter)
        return Nothing()

    monkeypatch.setattr(Posting.objects, "filter", filter_missing_once)

    assert posting_paste(user=alice, text=ADVERT).pk == winner.pk


def test_text_that_is_not_an_advert_is_refused(alice):
    with pytest.raises(ValueError, match="too short"):
        posting_paste(user=alice, text="Chat agent, Pune")

    assert not Posting.objects.exists()


def test_who_can_import(alice, bob, eve, staff):
    from django.contrib.auth.models import AnonymousUser

    inactive = User.objects.create_user(
        "old@example.com", "a-Strong-pass-2026", role=User.Role.TRAINER, is_active=False
    )

    assert [can_import(u) for u in (bob, staff)] == [True, True]
    assert [can_import(u) for u in (alice, eve, inactive, AnonymousUser(), None)] == [False] * 5


def test_the_import_report_is_json_ready(bob):
    run = import_postings(raw=fixture("messy.csv"), file_name="messy.csv", by=bob)

    assert json.loads(json.dumps(ImportRun.objects.get(pk=run.pk).problems)) == run.problems


def test_an_admin_edit_updates_what_search_and_the_match_read(bob, staff, rf):
    import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)
    chat = Posting.objects.get(title="Customer Support Associate - Chat")
    fingerprint = chat.fingerprint
    chat.must_have = ["Tally ERP and GST filing"]
    request = rf.post("/admin/")
    request.user = staff

    PostingAdmin(Posting, admin.site).save_model(request, chat, form=None, change=True)

    chat.refresh_from_db()
    assert "Tally ERP" in chat.search_text and "tally" in chat.terms
    assert chat.reading["job"]["must_have"][0] == "Tally ERP and GST filing"
    assert posting_reading(chat)[1] is None  # the stored reading fits the edited posting
    assert chat.fingerprint == fingerprint  # still the same posting for a re-import


def test_the_import_leaves_reading_adverts_to_a_task(bob, monkeypatch):
    enqueued = []
    # A worker that has not run yet: the task is only recorded.
    monkeypatch.setattr(
        importing,
        "read_postings_task",
        SimpleNamespace(enqueue=lambda **kwargs: enqueued.append(kwargs)),
    )

    run = import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)

    postings = list(Posting.objects.order_by("pk"))
    assert run.created == 4 and all(p.reading is None for p in postings)
    assert enqueued == [{"ids": [p.pk for p in postings]}]
    assert read_postings(enqueued[0]["ids"]) == 4
    assert all(posting_reading(p)[1] is None for p in Posting.objects.all())
    assert read_postings(enqueued[0]["ids"]) == 0  # nothing left to read
    # A second import of the same file finds every reading current: no task.
    import_postings(raw=fixture("good.csv"), file_name="good.csv", by=bob)
    assert len(enqueued) == 1
