"""How the match reads a posting, stored with it.

The match reads a job in two halves: the job (its sections, each line broken into the
concepts a resume must show, the title, the knockouts) and the resume. The job's half does
not depend on who searches, and on a page of 20 postings it was most of the time a search
took, so it is read once when a posting is imported or pasted and stored in
`Posting.reading` (`launchpad.core.resume.match.JobReading.to_data`, plus the digest of
the advert text it was read from). A stored reading is used only while it still fits: made
by the same rules and vocabulary (its stamp) from the same text (its digest), so a posting
edited in the admin or a vocabulary changed by a content load is simply read again, and
that new reading is stored for the next search.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from launchpad.core.resume.match import JobReading, StaleReadingError, read_job
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
    """Stores readings made during a search so the next one finds them. Only the reading
    changes (`update()` leaves `updated_at`, and so the match cache, alone); a posting
    edited since it was loaded keeps its newer text's reading out, as the digest says."""
    for posting, data in fresh:
        posting.reading = data
        Posting.objects.filter(pk=posting.pk, updated_at=posting.updated_at).update(reading=data)
