"""Dates and date ranges as resumes write them, turned into JSON Resume's ISO dates.

Recognised: "Jun 2022", "June, 2022", "Jun'22", "15 June 2022", "June 15, 2022", "06/2022",
"2022-06", "2022", and ranges of those joined by a dash, "to", "till" or "until", ending in a
date or in "Present", "Current", "Till date", "Ongoing" or "Now" (an ongoing range has no
end date). "2021-2023" and the Indian academic-year form "2020-23" are ranges of years;
"2022-06" is a month because 06 cannot be the end year after 2022. A lone date is an end,
except after "since" or "from", where it starts something still going on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE = (
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<mon>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"[\s,]*(?:(?P<y1>{_YEAR})|['’](?P<yy>\d\d))"
    rf"|(?:\d{{1,2}}[/.-])?(?P<m2>0?[1-9]|1[0-2])[/.-](?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})[/.-](?P<m3>0[1-9]|1[0-2])(?![\d/])"
    rf"|(?P<y4>{_YEAR}))"
)
_ONGOING = r"(?:present|current(?:ly)?|till\s+(?:date|now)|to\s+date|ongoing|now|date|continuing)"
_JOIN = r"\s*(?:-|–|—|~|to|till|until)\s*"
_DATE_RE = re.compile(rf"(?<![\d/.-]){_DATE}(?![\d])", re.I)
_RANGE_RE = re.compile(
    rf"(?<![\d/.-])(?P<start>{_DATE.replace('?P<', '?P<s')}){_JOIN}"
    rf"(?:(?P<end>{_DATE.replace('?P<', '?P<e')})(?![\d])|(?P<ongoing>{_ONGOING})\b)",
    re.I,
)
_SHORT_RANGE = re.compile(rf"(?<![\d/.-])(?P<y>{_YEAR})\s*[-–/]\s*(?P<yy>\d\d)(?![\d/.-])")


@dataclass(frozen=True)
class DateRange:
    """A start and end in ISO form ("2022-06" or "2022"), either possibly missing."""

    start: str | None
    end: str | None
    ongoing: bool
    span: tuple[int, int]  # where the range sits in the text it was found in


def _iso(groups: dict[str, str | None], prefix: str = "") -> str | None:
    def get(name: str) -> str | None:
        return groups.get(prefix + name)

    month_name = get("mon")
    if month_name:
        month = MONTHS[month_name[:3].lower()]
        year = get("y1") or ("20" + (get("yy") or "00"))
        return f"{year}-{month:02d}"
    if get("y2"):
        return f"{get('y2')}-{int(get('m2') or 1):02d}"
    if get("y3"):
        return f"{get('y3')}-{get('m3')}"
    return get("y4")


def find_range(text: str) -> DateRange | None:
    """The first date range in `text`, else its first lone date (as an end date), else None."""
    match = _RANGE_RE.search(text)
    short = _SHORT_RANGE.search(text)
    if short and (match is None or short.start() < match.start()):
        start, end2 = int(short.group("y")), int(short.group("yy"))
        century = start // 100 * 100
        if start % 100 < end2 <= start % 100 + 8:
            return DateRange(str(start), str(century + end2), False, short.span())
    if match:
        groups = match.groupdict()
        ongoing = bool(groups["ongoing"])
        end = None if ongoing else _iso(groups, "e")
        return DateRange(_iso(groups, "s"), end, ongoing, match.span())
    single = _DATE_RE.search(text)
    if single:
        iso = _iso(single.groupdict())
        if re.search(r"\b(?:since|from)\s*$", text[: single.start()], re.I):
            return DateRange(iso, None, True, single.span())  # "since 2022": still there
        return DateRange(None, iso, False, single.span())
    return None


_PLAIN_DATE = re.sub(r"\(\?P<\w+>", "(?:", _DATE)
_DANGLING_RE = re.compile(rf"^\s*{_PLAIN_DATE}\s*[-–—]\s+(?!{_PLAIN_DATE}|{_ONGOING}\b)", re.I)
_LEADING_RE = re.compile(rf"^\s*(?:{_PLAIN_DATE}(?![\d])|{_ONGOING}\b)\s*", re.I)


def mend_split_range(first: str, second: str) -> tuple[str, str] | None:
    """Put back a range broken over two lines ("2017 – Title" / "Present Text").

    Layouts with dates in a narrow margin column wrap "2017 – Present" so that its end
    starts the next line; returns the two lines with the range whole on the first, or None.
    """
    start = _DANGLING_RE.match(first)
    end = _LEADING_RE.match(second)
    if start is None or end is None:
        return None
    return (
        first[: start.end()] + second[: end.end()].strip() + "   " + first[start.end() :],
        second[end.end() :],
    )


_MONTH_TOKEN = re.compile(rf"^{_MONTH},?$", re.I)
_YEAR_TOKEN = re.compile(rf"^{_YEAR},?$")
_DASH_TOKEN = re.compile(r"^(?:-|–|to|till|until)$", re.I)
_ONGOING_TOKEN = re.compile(r"^(?:present|current|now|ongoing|date)$", re.I)
_ENDS_IN_DATE = re.compile(rf"(?:{_MONTH}|{_YEAR}|[-–])\s*$", re.I)


def _token_kind(token: str) -> str:
    for kind, pattern in (
        ("month", _MONTH_TOKEN),
        ("year", _YEAR_TOKEN),
        ("dash", _DASH_TOKEN),
        ("ongoing", _ONGOING_TOKEN),
    ):
        if pattern.match(token):
            return kind
    return ""


def mend_wrapped_row(lines: list[str]) -> tuple[str, str] | None:
    """One line from a row whose title and right-aligned dates wrapped together.

    "Title —   March" / "Company Inc., Quezon 2022 –" / "City   Present" becomes
    ("Title — Company Inc., Quezon City", "March 2022 – Present"): the date words are taken
    out in order and make one range. None when the first line does not end inside a date,
    a line already holds the whole range, or no range comes out.
    """
    if len(lines) < 2 or not _ENDS_IN_DATE.search(lines[0]):
        return None
    whole = find_range(lines[0])
    if whole is not None and whole.start:
        return None
    first = len(lines[0].split())
    tokens = " ".join(lines).split()
    kinds = [_token_kind(token) for token in tokens]
    dated = [i for i, kind in enumerate(kinds) if kind]
    pattern = "".join(kinds[i][0] for i in dated)  # m, y, d, o per date word
    run = re.search(r"m?yd(?:m?y|o)", pattern)
    if run is None:
        return None
    used = dated[run.start() : run.end()]
    if not used[0] < first <= used[-1]:
        return None  # the range must be the one the first line breaks off
    closing = " ".join(tokens[i].rstrip(",") for i in used)
    rest = " ".join(t for i, t in enumerate(tokens) if i not in used)
    return rest, closing.replace(" - ", " – ")


def remove_span(text: str, span: tuple[int, int]) -> str:
    """`text` without `span`, and without the separators left dangling around it."""
    cut = text[: span[0]] + " " + text[span[1] :]
    cut = re.sub(r"\(\s*\)", " ", cut)
    return re.sub(r"\s{2,}", "   ", cut).strip(" ,|–—-:;()")
