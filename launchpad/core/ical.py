"""A small iCalendar (RFC 5545) writer: a list of dated items as a VCALENDAR of VEVENTs that
standard calendar clients import or subscribe to.

Only what the app needs is written: timed items in UTC (`YYYYMMDDTHHMMSSZ`, from aware
datetimes; a naive one is refused, since its zone would be a guess), all-day items as
`VALUE=DATE` spanning whole days (DTEND is exclusive, the day after the last), and the TEXT
properties escaped. Lines end in CRLF and are folded at 75 octets without ever splitting a
UTF-8 character.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
DEFAULT_PRODID = "-//BPO Launchpad//EN"
# TEXT may hold no control characters but the tab (RFC 5545 3.3.11); new lines are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, kw_only=True)
class CalendarItem:
    """One event on the calendar.

    `start` and `end` are both aware datetimes (a timed item) or both dates (an all-day item,
    `end` being its last day, inclusive). Without `end` a timed item is a moment and an
    all-day item lasts its one day. `stamp` is when the item's information was produced.
    """

    uid: str
    summary: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date | None = None
    description: str = ""
    location: str = ""
    url: str = ""
    stamp: datetime.datetime
    categories: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise ValueError("A calendar item needs a UID.")
        _require_aware(self.stamp, "stamp")
        if isinstance(self.start, datetime.datetime):
            _require_aware(self.start, "start")
            if self.end is not None:
                if not isinstance(self.end, datetime.datetime):
                    raise ValueError("A timed item must end at a time, not on a date.")
                _require_aware(self.end, "end")
                if self.end <= self.start:
                    raise ValueError("A calendar item must end after it starts.")
        elif self.end is not None:
            if isinstance(self.end, datetime.datetime):
                raise ValueError("An all-day item must end on a date, not at a time.")
            if self.end < self.start:
                raise ValueError("An all-day item cannot end before the day it starts.")

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)


def _require_aware(value: datetime.datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"The {name} of a calendar item must be an aware datetime.")


def escape_text(value: str) -> str:
    r"""A TEXT value: backslash, semicolon and comma escaped, new lines as `\n`, other
    control characters dropped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", _NEWLINE.sub("\\\\n", value))


def _plain(value: str) -> str:
    """A value that is not TEXT (a URI): kept as it is, less control characters."""
    return _CONTROL.sub("", _NEWLINE.sub("", value))


def format_utc(value: datetime.datetime) -> str:
    """An aware datetime as a UTC DATE-TIME (`20261123T043000Z`)."""
    _require_aware(value, "time")
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def format_date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (the CRLF not counted), each
    continuation starting with a space; a multi-byte character is never split."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [], 0
            limit = MAX_LINE_OCTETS - 1  # the leading space takes one octet
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def _event_lines(item: CalendarItem) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(item.uid)}",
        f"DTSTAMP:{format_utc(item.stamp)}",
    ]
    if isinstance(item.start, datetime.datetime):
        lines.append(f"DTSTART:{format_utc(item.start)}")
        if isinstance(item.end, datetime.datetime):
            lines.append(f"DTEND:{format_utc(item.end)}")
    else:
        last = item.end if item.end is not None else item.start
        lines.append(f"DTSTART;VALUE=DATE:{format_date(item.start)}")
        lines.append(f"DTEND;VALUE=DATE:{format_date(last + datetime.timedelta(days=1))}")
    lines.append(f"SUMMARY:{escape_text(item.summary)}")
    if item.description:
        lines.append(f"DESCRIPTION:{escape_text(item.description)}")
    if item.location:
        lines.append(f"LOCATION:{escape_text(item.location)}")
    if item.url:
        lines.append(f"URL:{_plain(item.url)}")
    if item.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in item.categories))
    lines.append("END:VEVENT")
    return lines


def calendar(
    items: Iterable[CalendarItem],
    *,
    name: str,
    prodid: str = DEFAULT_PRODID,
    refresh: datetime.timedelta | None = None,
) -> str:
    """The items as an iCalendar document (METHOD:PUBLISH), in the order given.

    `name` is the calendar's display name (X-WR-CALNAME). `refresh`, for a subscribed feed,
    suggests how often clients fetch it again (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    Raises ValueError when two items share a UID.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_plain(prodid)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if refresh is not None:
        minutes = max(int(refresh.total_seconds() // 60), 1)
        lines.append(f"REFRESH-INTERVAL;VALUE=DURATION:PT{minutes}M")
        lines.append(f"X-PUBLISHED-TTL:PT{minutes}M")
    seen: set[str] = set()
    for item in items:
        if item.uid in seen:
            raise ValueError(f"Two calendar items share the UID {item.uid!r}.")
        seen.add(item.uid)
        lines.extend(_event_lines(item))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
