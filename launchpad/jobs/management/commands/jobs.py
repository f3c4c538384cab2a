"""`launchpad jobs import FILE [--by EMAIL]`: imports job postings from a CSV or JSON file.

Prints the report: how many postings were created, updated (already there) and skipped,
each skipped row with its problems and each note about the file. Exit codes: 0 the file
was read (the report says what was skipped), 2 the file was refused or cannot be opened
(nothing was written; the message on standard error says why).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from launchpad.accounts.models import User
from launchpad.core.postings import MAX_FILE_BYTES
from launchpad.jobs.importing import PostingFileError, can_import, import_postings
from launchpad.jobs.models import ImportRun

EXIT_REFUSED = 2


def report_lines(run: ImportRun) -> list[str]:
    """An import's report as lines of text."""
    unit = "item" if run.file_type == "json" else "row"
    lines = [
        f"{run.file_name} ({run.file_type.upper()}): {run.created} created, {run.updated} "
        f"updated (already there), {run.skipped} skipped."
    ]
    for entry in run.problems:
        if entry["kind"] == "warning":
            lines.append(f"Note: {entry['problems'][0]}")
            continue
        title = f" ({entry['title']})" if entry.get("title") else ""
        lines.append(f"{unit.capitalize()} {entry['row']}{title} skipped: " + "; ".join(
            entry["problems"]
        ))  # fmt: skip
    return lines


class Command(BaseCommand):
    help = (
        "Job postings. `jobs import FILE [--by EMAIL]` imports a CSV or JSON file (JSON "
        "Resume job schema) and prints what was created, updated and skipped, and why."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        importer = actions.add_parser("import", help="import postings from a CSV or JSON file")
        importer.add_argument("file", type=Path, help="a .csv or .json file (at most 5 MB)")
        importer.add_argument(
            "--by", default="", help="the e-mail address of the staff member or trainer"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        by = None
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"].strip()).first()
            if by is None:
                raise CommandError(f"No user {options['by']!r}.", returncode=EXIT_REFUSED)
            if not can_import(by):
                raise CommandError(
                    f"{by.email} cannot import postings: only staff and trainers can.",
                    returncode=EXIT_REFUSED,
                )
        try:
            size = path.stat().st_size
            # A file over the limit is not read into memory (the refusal says its size).
            raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
        except OSError as error:
            raise CommandError(
                f"Cannot read {path}: {error.strerror or error}.", returncode=EXIT_REFUSED
            ) from error
        if size > MAX_FILE_BYTES:
            raise CommandError(
                f"{path.name} was not imported: the file is {size / 1024 / 1024:.1f} MB; the "
                f"limit is {MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files.",
                returncode=EXIT_REFUSED,
            )
        try:
            run = import_postings(raw=raw, file_name=path.name, by=by)
        except PostingFileError as error:
            raise CommandError(
                f"{path.name} was not imported: {error}", returncode=EXIT_REFUSED
            ) from error
        self.stdout.write("\n".join(report_lines(run)))
