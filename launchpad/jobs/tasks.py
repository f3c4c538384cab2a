"""Background tasks of the jobs app (run by `launchpad worker`; immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from launchpad.jobs.reading import read_postings


@task()
def read_postings_task(*, ids: list[int]) -> int:
    """Reads the match's half of the imported postings `ids` and stores it; returns how many
    were read. Until it runs, a search reads a posting it shows and stores that reading."""
    return read_postings(ids)
