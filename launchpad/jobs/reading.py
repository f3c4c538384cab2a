"""How the match reads a posting, stored with it.

The match reads a job in two halves: the job (its sections, each line broken into the
concepts a resume must show, the title, the knockouts) and the resume. The job's half does
not depend on who searches, and on a page of 20 postings it was most of the time a search
took, so it is read once and stored in `Posting.reading`
(`launchpad.core.resume.match.JobReading.to_data`, plus the digest of the advert text it
was read from): by a task after an import (`read_postings`), at once for a paste or an
admin edit, and by the first search that shows a posting still without one. A stored
reading is used only while it still fits: made by the same rules and vocabulary (its
stamp) from the same text (its digest), so a posting edited in the admin or a vocabulary
changed by a content load is simply read again, and that new reading is stored for the
next search.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection

from launchpad.core.resume.match import JobReading, StaleReadingError, read_job, reading_stamp
from launchpad.jobs.models import Posting
from launchpad.resumes.analysis import vocabulary


def posting_job_text(posting: Posting) -> str:
    """The posting written out as a job advert, in the form the match reads."""
    lines = [posting.title]
    if posting.company:
        lines.append(f"Company: {posting.company}")
    if posting.city:
        # The stored value, never its translated label: the match reads English.
        lines.append(f"Location: {posting.city} ({posting.workplace or 'on-site'})")
    if posting.shifts:
        lines.append("Willing to work " + " or ".join(posting.shifts) + " shifts")
    knockouts = posting.knockouts or {}
    requirements = list(posting.must_have)
    if knockouts.get("min_wpm"):
        requirements.append(f"Typing speed of {knockouts['min_wpm']} WPM")
    if requirements:
        lines.append("Requirements:")
        lines += [f"- {item}" for item in requirements]
    if posting.nice_to_have:
        lines.append("Preferred:")
        lines += [f"- {item}" for item in posting.nice_to_have]
    if posting.responsibilities:
        lines.append("Responsibilities:")
        lines += [f"- {item}" for item in posting.responsibilities]
    if posting.description:
        lines.append(posting.description)
    return "\n".join(lines)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _read(
    text: str, memo: dict[tuple[Any, ...], Any] | None = None
) -> tuple[JobReading, dict[str, Any]]:
    reading = read_job(text, vocabulary(), memo=memo)
    return reading, {"text_digest": _digest(text), **reading.to_data()}


def reading_data(
    posting: Posting, memo: dict[tuple[Any, ...], Any] | None = None
) -> dict[str, Any]:
    """The posting read for matching, as stored in `Posting.reading`; `memo` is shared by
    postings read together (see `read_job`)."""
    return _read(posting_job_text(posting), memo)[1]


def reading_fits(posting: Posting) -> bool:
    """Whether the stored reading was made by these rules and vocabulary from the posting's
    current text (a quick check: the reading is not decoded)."""
    stored = posting.reading
    return (
        isinstance(stored, dict)
        and stored.get("stamp") == reading_stamp(vocabulary())
        and stored.get("text_digest") == _digest(posting_job_text(posting))
    )


def read_postings(ids: Sequence[int], *, batch: int = 500) -> int:
    """Reads and stores the postings among `ids` whose stored reading does not fit (a
    posting deleted meanwhile is skipped); returns how many were read."""
    memo: dict[tuple[Any, ...], Any] = {}  # lines the postings share are read once
    done = 0
    for start in range(0, len(ids), batch):
        postings = Posting.objects.filter(pk__in=ids[start : start + batch])
        fresh = [(p, reading_data(p, memo)) for p in postings if not reading_fits(p)]
        store_readings(fresh)
        done += len(fresh)
    return done


def posting_reading(posting: Posting) -> tuple[JobReading, dict[str, Any] | None]:
    """The match's reading of `posting`: the stored one when it still fits, else read now.

    Returns the reading and, when it was read now, the data to store (None otherwise).
    """
    text = posting_job_text(posting)
    stored = posting.reading
    if isinstance(stored, dict) and stored.get("text_digest") == _digest(text):
        try:
            return JobReading.from_data(stored, vocabulary()), None
        except StaleReadingError:
            pass
    return _read(text)


def store_readings(fresh: Iterable[tuple[Posting, dict[str, Any]]]) -> None:
    """Stores readings made for postings, in one parameterised UPDATE run (`executemany`).

    Only the reading changes (`updated_at`, and so the match cache, stays), and only on a
    posting not edited since it was loaded: a newer edit keeps the reading of its own text.
    """
    rows = list(fresh)
    if not rows:
        return
    field = Posting._meta.get_field("reading")
    stamp = Posting._meta.get_field("updated_at")
    quote = connection.ops.quote_name
    # Names come from the model; every value is a parameter.
    sql = (
        f"UPDATE {quote(Posting._meta.db_table)} SET {quote(str(field.column))} = %s "  # noqa: S608
        f"WHERE {quote('id')} = %s AND {quote(str(stamp.column))} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [
                    field.get_db_prep_save(data, connection),
                    posting.pk,
                    stamp.get_db_prep_save(posting.updated_at, connection),
                ]
                for posting, data in rows
            ],
        )
    for posting, data in rows:
        posting.reading = data
