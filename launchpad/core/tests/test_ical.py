from __future__ import annotations

import datetime
import zoneinfo

import icalendar
import pytest

from launchpad.core.ical import (
    CRLF,
    CalendarItem,
    calendar,
    escape_text,
    fold,
    format_date,
    format_utc,
)

KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
STAMP = datetime.datetime(2026, 11, 23, 4, 0, tzinfo=datetime.UTC)
START = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=KOLKATA)  # 04:30 UTC


def item(**kwargs: object) -> CalendarItem:
    values: dict[str, object] = {
        "uid": "event-1@bpo-launchpad", "summary": "Job fair", "start": START, "stamp": STAMP,
    }  # fmt: skip
    values.update(kwargs)
    return CalendarItem(**values)  # type: ignore[arg-type]


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list[icalendar.Event]:
    return list(parse(text).walk("VEVENT"))


# The document --------------------------------------------------------------------------------


def test_an_empty_calendar_has_the_required_properties_and_crlf_lines():
    text = calendar([], name="My BPO calendar")

    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace(CRLF, "")
    lines = text.split(CRLF)[:-1]
    assert lines == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//BPO Launchpad//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "X-WR-CALNAME:My BPO calendar", "END:VCALENDAR",
    ]  # fmt: skip
    parsed = parse(text)
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["X-WR-CALNAME"]) == "My BPO calendar"


def test_a_timed_item_round_trips_in_utc():
    end = START + datetime.timedelta(hours=2)
    text = calendar(
        [item(end=end, description="Bring 3 copies of the resume", location="Hall 2, Pune",
              url="https://example.com/fair?a=1,b=2", categories=("Event", "Job fair"))],
        name="Alice",
    )  # fmt: skip

    assert "DTSTART:20261125T043000Z\r\n" in text
    assert "DTEND:20261125T063000Z\r\n" in text
    assert "DTSTAMP:20261123T040000Z\r\n" in text
    assert "UID:event-1@bpo-launchpad\r\n" in text
    assert "URL:https://example.com/fair?a=1,b=2\r\n" in text
    [event] = events(text)
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == end
    assert event.decoded("dtstamp") == STAMP
    assert str(event["summary"]) == "Job fair"
    assert str(event["description"]) == "Bring 3 copies of the resume"
    assert str(event["location"]) == "Hall 2, Pune"
    assert str(event["uid"]) == "event-1@bpo-launchpad"
    assert [str(c) for c in event["categories"].cats] == ["Event", "Job fair"]


def test_a_timed_item_without_an_end_has_no_dtend():
    [event] = events(calendar([item()], name="x"))

    assert "DTEND" not in event
    assert event.decoded("dtstart") == START


def test_an_all_day_item_is_a_date_ending_the_next_day():
    day = datetime.date(2026, 11, 30)
    text = calendar([item(start=day)], name="x")

    assert "DTSTART;VALUE=DATE:20261130\r\n" in text
    assert "DTEND;VALUE=DATE:20261201\r\n" in text
    [event] = events(text)
    assert event.decoded("dtstart") == day
    assert event.decoded("dtend") == datetime.date(2026, 12, 1)
    assert item(start=day).all_day and not item().all_day


def test_an_all_day_item_over_several_days_ends_the_day_after_its_last():
    text = calendar(
        [item(start=datetime.date(2026, 12, 30), end=datetime.date(2027, 1, 1))], name="x"
    )

    [event] = events(text)
    assert event.decoded("dtend") == datetime.date(2027, 1, 2)


def test_items_keep_their_order_and_the_refresh_interval_is_advertised():
    text = calendar(
        [item(uid="a"), item(uid="b", summary="Walk-in drive")],
        name="x",
        prodid="-//Test//EN",
        refresh=datetime.timedelta(hours=1),
    )

    assert [str(e["uid"]) for e in events(text)] == ["a", "b"]
    assert "PRODID:-//Test//EN\r\n" in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n" in text
    assert "X-PUBLISHED-TTL:PT60M\r\n" in text


def test_a_refresh_under_a_minute_is_rounded_up_to_one():
    text = calendar([], name="x", refresh=datetime.timedelta(seconds=5))

    assert "X-PUBLISHED-TTL:PT1M\r\n" in text


# Escaping --------------------------------------------------------------------------------------


def test_text_escaping_of_backslash_semicolon_comma_and_new_lines():
    assert escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d"
    assert escape_text("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour"
    assert escape_text("tab\tok, bell\x07 gone") == "tab\tok\\, bell gone"


def test_escaped_text_round_trips():
    nasty = 'Call Priya; ask re: "shift, pay"\nThen C:\\notes\\x'
    text = calendar(
        [item(summary=nasty, description=nasty, location="A;B,C", categories=("x,y",))],
        name="Alice; the, calendar",
    )

    assert 'SUMMARY:Call Priya\\; ask re: "shift\\, pay"\\nThen C:\\\\notes\\\\x' in text
    assert "X-WR-CALNAME:Alice\\; the\\, calendar\r\n" in text
    [event] = events(text)
    assert str(event["summary"]) == nasty
    assert str(event["description"]) == nasty
    assert str(event["location"]) == "A;B,C"


def test_a_url_and_prodid_lose_control_characters():
    text = calendar([item(url="https://example.com/\r\nX-EVIL:1")], name="x", prodid="-//A\n//EN")

    assert "URL:https://example.com/X-EVIL:1\r\n" in text
    assert "PRODID:-//A//EN\r\n" in text


# Folding ---------------------------------------------------------------------------------------


def test_short_lines_are_not_folded():
    line = "SUMMARY:" + "x" * 67

    assert len(line.encode()) == 75
    assert fold(line) == line


def test_long_lines_fold_at_75_octets_with_a_leading_space():
    line = "DESCRIPTION:" + "abcdefghij" * 20

    folded = fold(line)

    parts = folded.split(CRLF)
    assert len(parts) > 1
    assert all(len(p.encode()) <= 75 for p in parts)
    assert len(parts[0].encode()) == 75 and len(parts[1].encode()) == 75
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


@pytest.mark.parametrize("char", ["é", "₹", "😀", "नमस्ते"])
def test_folding_never_splits_a_multibyte_character(char):
    line = "SUMMARY:" + char * 60

    parts = fold(line).split(CRLF)

    for part in parts:
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # every line is valid UTF-8 on its own
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


def test_a_long_unicode_item_round_trips_through_a_parser():
    summary = "Follow up with Ramesh (HR, ₹ offer) — नमस्ते 😀 " * 5
    text = calendar([item(summary=summary, description=summary * 3)], name="x")

    assert all(len(line.encode()) <= 75 for line in text.split(CRLF))
    [event] = events(text)
    assert str(event["summary"]) == summary
    assert str(event["description"]) == summary * 3


# Refusals --------------------------------------------------------------------------------------


def test_naive_datetimes_are_refused():
    naive = datetime.datetime(2026, 11, 25, 10, 0)
    with pytest.raises(ValueError, match="aware"):
        item(start=naive)
    with pytest.raises(ValueError, match="aware"):
        item(end=naive)
    with pytest.raises(ValueError, match="aware"):
        item(stamp=naive)
    with pytest.raises(ValueError, match="aware"):
        format_utc(naive)


def test_an_item_must_end_after_it_starts_and_keep_one_kind_of_value():
    with pytest.raises(ValueError, match="end after"):
        item(end=START)
    with pytest.raises(ValueError, match="end at a time"):
        item(end=datetime.date(2026, 11, 26))
    day = datetime.date(2026, 11, 30)
    with pytest.raises(ValueError, match="end on a date"):
        item(start=day, end=START)
    with pytest.raises(ValueError, match="before the day"):
        item(start=day, end=datetime.date(2026, 11, 29))
    assert item(start=day, end=day).end == day


def test_an_item_needs_a_uid_and_uids_are_unique_in_a_calendar():
    with pytest.raises(ValueError, match="UID"):
        item(uid=" ")
    with pytest.raises(ValueError, match="share the UID"):
        calendar([item(), item()], name="x")


def test_formatters():
    assert format_utc(START) == "20261125T043000Z"
    assert format_date(datetime.date(2026, 1, 5)) == "20260105"
