"""Files the candidate downloads: contacts as CSV, calendars as iCalendar."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.core.ical import CalendarItem, calendar
from launchpad.networking.models import Contact

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """The value for a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def contacts_csv(contacts: Iterable[Contact]) -> bytes:
    """The contacts as CSV in UTF-8 with a byte-order mark, so Excel reads the accents; the
    dates are in the current time zone."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([
        _("Name"), _("Who they are"), _("Company"), _("Job title"), _("E-mail"), _("Phone"),
        _("Profile link"), _("How we met"), _("Notes"), _("Added on"), _("Updated on"),
    ])  # fmt: skip
    for c in contacts:
        row = [
            c.name, str(c.get_kind_display()), c.company, c.job_title, c.email, c.phone,
            c.profile_url, c.how_we_met, c.notes,
            timezone.localdate(c.created_at).isoformat(),
            timezone.localdate(c.updated_at).isoformat(),
        ]  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ics(
    items: Iterable[CalendarItem], *, name: str | None = None,
    refresh: datetime.timedelta | None = None,
) -> bytes:  # fmt: skip
    """The items as an iCalendar file (UTF-8)."""
    return calendar(items, name=name or _("BPO Launchpad"), refresh=refresh).encode("utf-8")
