"""`launchpad readiness USER`: a candidate's Readiness Index per track, as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from launchpad.accounts.models import User
from launchpad.readiness import selectors


class Command(BaseCommand):
    help = (
        "Prints the Readiness Index of one user (e-mail address or id) as JSON: every track's "
        "index, range and confidence, each component with its value, threshold, weight, "
        "points, status and sources, and the knockout checklist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="the user's e-mail address or numeric id")

    def handle(self, *args: Any, **options: Any) -> None:
        who: str = options["user"].strip()
        query = (
            User.objects.filter(pk=int(who))
            if who.isdigit()
            else User.objects.filter(email__iexact=who)
        )
        user = query.first()
        if user is None:
            raise CommandError(f"No user {who!r}: give an e-mail address or a user id.")
        report = selectors.report(user)
        if report.version is None:
            raise CommandError("The readiness content is not loaded: run `launchpad load-content`.")
        self.stdout.write(json.dumps({"user": user.email, **report.to_dict()}, indent=2))
