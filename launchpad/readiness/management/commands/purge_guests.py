"""`launchpad purge-guests`: deletes guest accounts nobody signed up with."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from launchpad.accounts.services import guests_purge


class Command(BaseCommand):
    help = (
        "Deletes guest accounts (first visits to the readiness check that never signed up) "
        "older than --days days, with everything they hold."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=30, help="age in days (default 30)")

    def handle(self, *args: Any, **options: Any) -> None:
        days = max(0, options["days"])
        count = guests_purge(older_than=timezone.now() - datetime.timedelta(days=days))
        self.stdout.write(f"Deleted {count} guest account{'s' if count != 1 else ''}.")
