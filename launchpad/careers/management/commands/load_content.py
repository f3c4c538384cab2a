"""`launchpad load-content`: validate the content files and load them into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from launchpad.careers.loader import load_careers
from launchpad.content.interview_reader import read_interview
from launchpad.content.reader import CONTENT_DIR, ContentError, read_content
from launchpad.content.readiness_reader import read_readiness
from launchpad.content.skills_reader import read_skills
from launchpad.interview.loader import load_interview
from launchpad.readiness.loader import load_readiness
from launchpad.simulator.loader import load_simulator, read_simulator
from launchpad.skills.loader import load_skills


class Command(BaseCommand):
    help = (
        "Validates the career content (careers/*.yaml and onet/occupations.json) and loads it "
        "into the database in one transaction: rows are matched by slug, updated in place, "
        "and rows that vanished from the files are removed. Edits made in the admin to rows "
        "that are still in the files are overwritten. With any problem in the files, every "
        "problem is printed and nothing is changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            default=CONTENT_DIR,
            help=f"content directory holding careers/ and onet/ (default {CONTENT_DIR})",
        )
        parser.add_argument(
            "--check", action="store_true", help="only validate the files; change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root: Path = options["dir"]
        try:
            content, onet = read_content(root / "careers", root / "onet")
            skills = read_skills(root / "skills")
            readiness = read_readiness(root / "readiness")
            interview = read_interview(
                root / "interview", known_roles={role["slug"] for role in content.roles}
            )
            simulator = read_simulator(root / "simulator")
        except ContentError as error:
            for problem in error.problems:
                self.stderr.write(f"- {problem}")
            count = len(error.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in the content files in {root}; "
                "nothing was changed."
            ) from None
        if options["check"]:
            self.stdout.write(
                f"ok: {len(content.roles)} roles, {len(content.ladder)} ladder steps, "
                f"{len(content.skills)} skills, {len(onet)} O*NET occupations, "
                f"{len(skills.passages)} typing passages, {len(skills.thresholds)} thresholds, "
                f"{len(readiness.index.tracks) if readiness.index else 0} readiness tracks, "
                f"{len(readiness.knockouts.knockouts) if readiness.knockouts else 0} knockouts, "
                f"{len(interview.questions)} interview questions, "
                f"{len(simulator.scenarios)} simulator scenarios; "
                "nothing was loaded (--check)."
            )
            return
        try:
            with transaction.atomic():
                report = load_careers(content, onet)
                skills_report = load_skills(skills)
                readiness_report = load_readiness(readiness)
                interview_report = load_interview(interview)
                simulator_report = load_simulator(simulator)
        except ContentError as error:
            for problem in error.problems:
                self.stderr.write(f"- {problem}")
            raise CommandError("nothing was changed.") from None
        self.stdout.write(report.summary())
        if skills.passages or skills.thresholds:
            self.stdout.write("Skills lab content:\n" + skills_report.summary())
        if readiness.index or readiness.knockouts:
            self.stdout.write("Readiness content:\n" + readiness_report.summary())
        if interview.questions:
            self.stdout.write("Interview coach content:\n" + interview_report.summary())
        if simulator.scenarios:
            self.stdout.write("Call simulator content:\n" + simulator_report.summary())
