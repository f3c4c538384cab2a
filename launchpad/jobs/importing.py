"""Importing job postings from files (staff and trainers) and from pasted text (candidates).

The reading and checking is pure (`launchpad.core.postings`); this module writes what was
read. An import creates the postings it has not seen and updates those it has (same
fingerprint, public postings only), in batches, and records an `ImportRun` with what was
created, updated and skipped and why. A file refused as a whole writes nothing.

`ImportRun.problems` holds one entry per line of the report, ordered by row:
`{"kind": "skipped", "row": 4, "title": "...", "problems": ["...", ...]}` for a row with
problems, `{"kind": "duplicate", "row": 9, "title": "...", "same_as": 2, "problems": ["same
as row 2"]}` for a repeated row, and `{"kind": "warning", "row": null, "problems": ["..."]}`
for a note about the whole file (its encoding, columns not read, salaries left out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from launchpad.accounts.models import User
from launchpad.core.postings import (
    FileRead,
    PostingData,
    PostingFileError,
    from_text,
    read_csv,
    read_json,
)
from launchpad.jobs.models import ImportRun, Posting
from launchpad.jobs.reading import reading_data, reading_fits
from launchpad.jobs.tasks import read_postings_task
from launchpad.resumes.analysis import vocabulary

__all__ = [
    "PostingFileError", "can_import", "file_type", "import_postings", "posting_paste",
    "posting_refresh",
]  # fmt: skip

BATCH_SIZE = 500
# The fields an import writes on a posting it already has (owner and is_active are kept).
UPDATED_FIELDS = (
    "title", "company", "city", "country", "workplace", "track", "shifts", "salary_min",
    "salary_max", "salary_currency", "salary_period", "must_have", "nice_to_have",
    "responsibilities", "description", "knockouts", "source", "source_url", "posted_on",
    "terms", "search_text", "imported_by", "updated_at",
)  # fmt: skip


def can_import(user: Any) -> bool:
    """Whether `user` may import postings: staff and trainers (placement officers)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_staff or getattr(user, "role", "") == User.Role.TRAINER)
    )


def file_type(raw: bytes, file_name: str) -> str:
    """csv or json: JSON when the content starts like JSON ({ or [) or, failing that, when
    the name ends in .json; CSV otherwise."""
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"["):
        return "json"
    return "json" if file_name.lower().endswith(".json") else "csv"


def _fields(data: PostingData) -> dict[str, Any]:
    fields = data.to_fields()
    fields["terms"] = list(data.terms(vocabulary()))
    return fields


def _chunks(items: Sequence[str], size: int = BATCH_SIZE) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write_updates(postings: Sequence[Posting]) -> None:
    """Saves the `UPDATED_FIELDS` of many postings with one parameterised UPDATE run for
    each batch (`executemany`): `bulk_update` builds a CASE expression per field and row,
    which takes minutes for 20,000 rows; this takes seconds on SQLite and PostgreSQL."""
    fields = [f for f in Posting._meta.concrete_fields if f.name in UPDATED_FIELDS]
    quote = connection.ops.quote_name
    columns = ", ".join(f"{quote(str(f.column))} = %s" for f in fields)
    # Names come from the model; every value is a parameter.
    sql = f"UPDATE {quote(Posting._meta.db_table)} SET {columns} WHERE {quote('id')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(postings), BATCH_SIZE):
            batch = postings[start : start + BATCH_SIZE]
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(getattr(p, f.attname), connection) for f in fields] + [p.pk]
                    for p in batch
                ],
            )


def _report(read: FileRead) -> list[dict[str, Any]]:
    titles = {row: data.title for row, data in read.postings}
    lines: list[dict[str, Any]] = [
        {"kind": "skipped", "row": p.row, "title": p.title, "problems": list(p.problems)}
        for p in read.problems
    ]
    lines += [
        {
            "kind": "duplicate",
            "row": row,
            "title": titles.get(first, ""),
            "same_as": first,
            "problems": [f"same as row {first}"],
        }
        for row, first in read.duplicates
    ]
    lines.sort(key=lambda line: line["row"])
    return [{"kind": "warning", "row": None, "problems": [w]} for w in read.warnings] + lines


def import_postings(*, raw: bytes, file_name: str, by: User | None) -> ImportRun:
    """Imports a CSV or JSON file of postings and returns the run with its report.

    Raises PostingFileError, writing nothing, when the file is refused as a whole. Each
    posting is matched to a public posting by fingerprint: new ones are created, known ones
    updated (`updated` counts every posting that was already there; only those whose
    values changed are written), so a second import of the same file creates nothing. The
    rows and the run are written in one transaction. `by` is None for an import run from
    the command line without --by.
    """
    kind = file_type(raw, file_name)
    read = read_json(raw) if kind == "json" else read_csv(raw)
    rows = [(data, _fields(data)) for _row, data in read.postings]
    now = timezone.now()
    with transaction.atomic():
        prints = [fields["fingerprint"] for _data, fields in rows]
        known: dict[str, Posting] = {}
        for chunk in _chunks(prints):
            public = Posting.objects.filter(owner__isnull=True, fingerprint__in=chunk)
            known.update((p.fingerprint, p) for p in public.select_for_update())
        new: list[Posting] = []
        changed: list[Posting] = []
        for _data, fields in rows:
            posting = known.get(fields["fingerprint"])
            if posting is None:
                new.append(Posting(**fields, imported_by=by))
            elif any(getattr(posting, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(posting, name, value)
                posting.imported_by = by
                posting.updated_at = now
                changed.append(posting)
        Posting.objects.bulk_create(new, batch_size=BATCH_SIZE)
        _write_updates(changed)
        # Reading an advert for the match takes milliseconds, too long for a big file in
        # the request: a task reads them (enqueued in this transaction, so it exists only if
        # the import does). A search that shows a posting before then reads it itself.
        unread = [p.pk for p in (*new, *known.values()) if not reading_fits(p)]
        if unread:
            read_postings_task.enqueue(ids=unread)
        return ImportRun.objects.create(
            by=by,
            file_name=file_name[:255],
            file_type=kind,
            created=len(new),
            updated=len(rows) - len(new),
            skipped=len(read.problems) + len(read.duplicates),
            problems=_report(read),
        )


def posting_paste(*, user: User, text: str) -> Posting:
    """A posting from an advert the candidate pasted, seen by them alone; pasting the same
    text again returns the posting made the first time. Raises ValueError (with a message
    for the candidate) for text that is not an advert."""
    data = from_text(text)
    fields = _fields(data)
    fields["reading"] = reading_data(Posting(**fields))  # one advert: read it now
    existing = Posting.objects.filter(owner=user, fingerprint=fields["fingerprint"]).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Posting.objects.create(**fields, owner=user)
    except IntegrityError:  # the same paste sent twice at once: the first one won
        return Posting.objects.get(owner=user, fingerprint=fields["fingerprint"])


def posting_refresh(posting: Posting) -> None:
    """Works out again what is derived from a posting's own fields (its search text, its
    vocabulary terms and the match's reading) after an edit, e.g. in the admin; the caller
    saves it. The fingerprint stays: it is the posting's identity for re-imports."""
    data = PostingData(
        title=posting.title, company=posting.company, city=posting.city,
        country=posting.country, workplace=posting.workplace, track=posting.track,
        shifts=tuple(posting.shifts or ()), must_have=tuple(posting.must_have or ()),
        nice_to_have=tuple(posting.nice_to_have or ()),
        responsibilities=tuple(posting.responsibilities or ()),
        description=posting.description,
    )  # fmt: skip
    posting.search_text = data.search_text()
    posting.terms = list(data.terms(vocabulary()))
    posting.reading = reading_data(posting)
