"""Entries with a head and details: education, work (and internships), volunteer, projects.

Work-like sections are cut into entries at head lines: a line that is not a bullet and not
a sentence starts a new entry when the current one already has bullets, already has a date
range and this line has one too, or already has three head lines. The head is then split
at separators and commas into segments: a date range, a job title (a known BPO title or a
phrase with a title word), a company (a company word such as "Pvt Ltd", "Solutions"), a
place (a known city, "City, ST" or a country); bullets and sentences become highlights.

Education lines are read for a degree (the `vocab_parse.DEGREES` table, with its field of
study after "in", "of", "Major in", a comma or in parentheses; the stream or strand for
school years), an institution (a segment with "University", "College", "School", "Board"
...), a date range and a score (CGPA or GPA, a percentage, a Philippine GWA). A line starts
a new entry when it brings a degree and the current entry has one, or an institution and
the current entry has one, or dates and the current entry has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from launchpad.core.resume.parse_common import (
    Item,
    company_score,
    is_place_text,
    segments,
    split_commas,
    title_score,
)
from launchpad.core.resume.parse_dates import DateRange, find_range, remove_span
from launchpad.core.resume.types import FieldGuess
from launchpad.core.resume.vocab_parse import (
    DEGREES,
    INSTITUTION_WORDS,
    SCHOOL_STREAMS,
    SHS_STRANDS,
)

# Short forms that are also English words or letters ("BE", "BA", "AB", "MA", "BS", "X")
# must be written in capitals; the others match in any case ("B.com", "bachelor of arts").
_CASE_SENSITIVE = frozenset(("B.E.", "BS", "B.A.", "AB", "M.A.", "Class X"))
_DEGREE_RES = tuple(
    (name, re.compile(pattern, 0 if name in _CASE_SENSITIVE else re.I)) for name, pattern in DEGREES
)
_INSTITUTION_RE = re.compile(r"\b(?:" + "|".join(INSTITUTION_WORDS) + r")\b", re.I)
_STRONG_INSTITUTION_RE = re.compile(
    r"\b(?:university|college|institute|school|academy|vidyalaya|polytechnic|iit|nit)\b", re.I
)
_CGPA_RE = re.compile(
    r"\b(?P<kind>C\.?G\.?P\.?A|S?GPA|CPI)\b\.?\s*(?:of\s*)?[:\-–]?\s*(?P<value>\d{1,2}(?:\.\d{1,2})?)(?![\d])"
    r"(?:\s*/\s*(?P<scale>\d{1,2}(?:\.0)?))?"
    r"|(?<![\d.])(?P<value2>\d{1,2}(?:\.\d{1,2})?)(?:\s*/\s*(?P<scale2>\d{1,2}(?:\.0)?))?\s*(?P<kind2>C\.?G\.?P\.?A|S?GPA|CPI)\b",
    re.I,
)
_PERCENT_RE = re.compile(
    r"(?<![\d.])(?P<value>\d{2,3}(?:\.\d{1,2})?)\s*%|(?:percentage|marks|aggregate)\s*[:\-–]?\s*(?P<value2>\d{2,3}(?:\.\d{1,2})?)",
    re.I,
)
_GWA_RE = re.compile(
    r"\b(?:GWA|General Weighted Average)\b\s*(?:of\s*)?[:\-–]?\s*(?P<value>[1-5]\.\d{1,2})", re.I
)
_COURSES_RE = re.compile(r"^\s*(?:relevant\s+)?(?:course\s*work|courses)\s*[:\-–]\s*(.+)$", re.I)
_TABLE_LABELS = frozenset(
    ("degree", "qualification", "course", "examination", "exam", "board", "university",
     "board university", "institute", "institution", "college", "school", "year",
     "year of passing", "passing year", "percentage", "cgpa", "marks", "score", "grade",
     "result", "class", "stream", "specialization", "cgpa percentage", "percentage cgpa")
)  # fmt: skip
# "San Francisco, CA", "Anywhere, USA", "USA": places outside India and the Philippines.
_US_PLACE = re.compile(
    r"^(?:[A-Z][a-z]+\s?){1,3},\s*(?:[A-Z]{2}|USA)(?:,\s*USA)?$|^(?:USA|US|United States)$"
)
_WORKED_AS = re.compile(
    r"\b(?:worked|working|work)\s+as\s+(?:an?\s+)?(.+?)\s+(?:in|at|with|for)\s+"
    r"(.+?)(?:\s+(?:from|since|during)\b.*)?[\s.]*$",
    re.I,
)
_PLACE_TAIL = re.compile(r"^(?:[A-Z]{2}|USA|India|Philippines)$")


def _score(text: str) -> tuple[str, str] | None:
    """(score as shown, reason) for a CGPA/GPA, a GWA or a percentage in `text`."""
    gwa = _GWA_RE.search(text)
    if gwa:
        return f"GWA {gwa.group('value')}", "a Philippine GWA"
    cgpa = _CGPA_RE.search(text)
    if cgpa:
        kind = (cgpa.group("kind") or cgpa.group("kind2")).upper().replace(".", "")
        value = cgpa.group("value") or cgpa.group("value2")
        scale = cgpa.group("scale") or cgpa.group("scale2")
        if scale:
            return f"{kind} {value}/{scale.removesuffix('.0')}", f"a {kind} with its scale"
        if kind == "CGPA" and 4 < float(value) <= 10:
            return f"{kind} {value}/10", "a CGPA (out of 10, as Indian universities grade)"
        return f"{kind} {value}", f"a {kind}"
    percent = _PERCENT_RE.search(text)
    if percent:
        value = percent.group("value") or percent.group("value2")
        if float(value) <= 100:
            return f"{value}%", "a percentage"
    return None


@dataclass(frozen=True)
class Degree:
    study_type: str
    area: str | None
    span: tuple[int, int]
    written: str


def find_degree(text: str, country: str | None) -> Degree | None:
    """The first degree named in `text`, canonicalised, with its field of study."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for name, pattern in _DEGREE_RES:
        for match in pattern.finditer(text):
            if name in ("High School", "Senior High School", "Diploma") and _inside_name(
                text, match
            ):
                continue
            found.append((match.start(), name, match))
            break
    if not found:
        return None
    _, name, match = min(found, key=lambda item: (item[0], -len(item[2].group(0))))
    written = match.group(0)
    if name == "B.Sc" and written.lower().startswith("bachelor") and country != "IN":
        name = "BS"
    return Degree(name, _area(text, match, name), match.span(), written)


def _inside_name(text: str, match: re.Match[str]) -> bool:
    """ "Cebu City National High School" names a school; "Senior High School" is a level."""
    before = text[: match.start()].split()
    return bool(before) and before[-1][:1].isupper() and before[-1] not in ("Junior", "Senior")


def _area(text: str, match: re.Match[str], name: str) -> str | None:
    rest = text[match.end() :]
    if name in ("Class XII", "Class X", "Senior High School", "High School"):
        for word in (*SHS_STRANDS, *SCHOOL_STREAMS):
            if re.search(rf"\b{re.escape(word)}\b", text):
                return word
        return None
    paren = re.match(r"^\s*\.?\s*\(([^)]+)\)", rest)
    if paren:
        inside = paren.group(1).strip()
        if not any(p.fullmatch(inside) for _, p in _DEGREE_RES) and not _INSTITUTION_RE.search(
            inside
        ):
            return inside
        rest = rest[paren.end() :]
    lead = re.match(
        r"^\s*(?:[.,:–—-]\s*)?(?:(?:major(?:ing)?|specialization)\s+in\s+|in\s+|of\s+)?", rest, re.I
    )
    assert lead is not None
    tail = rest[lead.end() :]
    major = re.search(r"\bmajor(?:ing)?\s+in\s+([^,|–—(\d]+)", text, re.I)
    if major and major.start() >= match.end():
        tail = major.group(1)
    if not lead.group(0).strip() and not major and not tail[:1].isupper():
        return None
    area = re.split(r"\s*(?:,|\||–|—|\(|\s{3,}|\bfrom\b|\bat\b|\d)", tail, maxsplit=1)[0].strip(
        " .-"
    )
    if (
        not area
        or _INSTITUTION_RE.search(area)
        or len(area.split()) > 7
        or re.match(r"(?i)(?:c?gpa|cpi|gwa|percentage|marks|score|grade)\b", area)
    ):
        return None
    if not lead.group(0).strip() and name not in ("BS", "AB", "BSBA", "BSIT"):
        return None
    return area


@dataclass
class _Education:
    degree: Degree | None = None
    institution: str | None = None
    institution_reason: str = ""
    dates: DateRange | None = None
    score: tuple[str, str] | None = None
    courses: list[str] = field(default_factory=list)
    fallback: str | None = None


def _institution(text: str, degree: Degree | None) -> tuple[str | None, str]:
    if degree:
        text = text[: degree.span[0]] + " | " + text[degree.span[1] :]
    parts = [p for s in segments(text) for p in split_commas(s)]
    parts = [p.strip(" ()") for p in parts]
    strong = [p for p in parts if _STRONG_INSTITUTION_RE.search(p)]
    weak = [p for p in parts if _INSTITUTION_RE.search(p)]
    if strong:
        return strong[0], "names a university, college or school"
    if weak:
        return weak[0], "names an institution or board"
    return None, ""


def _leftover(
    text: str, degree: Degree | None, dates: DateRange | None, score: tuple[str, str] | None
) -> str | None:
    """The first part of an education line that is not its degree, field, date, score or a
    place: the institution when it has no telltale word ("UC Berkeley", "MIT")."""
    if dates:
        text = text[: dates.span[0]] + " | " + text[dates.span[1] :]
    if degree:
        text = text.replace(degree.written, " | ", 1)
    for part in (p.strip(" ()") for s in segments(text) for p in split_commas(s)):
        if (
            not part
            or (degree and degree.area and degree.area in part)
            or _is_place(part)
            or _score(part)
            or re.match(r"(?i)(?:speciali[sz]ation|major|minor|with|honou?rs|in)\b", part)
        ):
            continue
        return part
    del score
    return None


def parse_education(
    items: list[Item], country: str | None, index_base: int = 0
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Education entries from a section's items, and each field's guess."""
    entries: list[_Education] = []
    current: _Education | None = None
    for item in items:
        text = item.text
        courses = _COURSES_RE.match(text)
        if courses and current is not None:
            current.courses.extend(split_commas(courses.group(1)))
            continue
        cells = [w.strip(" :") for w in re.split(r"\s*[|/]\s*|\s{3,}", text.lower()) if w]
        if cells and all(cell in _TABLE_LABELS for cell in cells):
            continue  # the header row of an education table
        degree = find_degree(text, country)
        dates = find_range(text)
        undated = text if dates is None else text[: dates.span[0]] + "   " + text[dates.span[1] :]
        institution, why = _institution(undated, find_degree(undated, country))
        score = _score(text)
        if (
            current is None
            or (degree and current.degree)
            or (institution and current.institution)
            or (dates and current.dates)
        ):
            current = _Education()
            entries.append(current)
        if degree and not current.degree:
            current.degree = degree
        if institution and not current.institution:
            current.institution, current.institution_reason = institution, why
        if dates and not current.dates:
            current.dates = dates
        if score and not current.score:
            current.score = score
        if not institution and current.fallback is None:
            current.fallback = _leftover(text, degree, dates, score)
    return _education_output(entries, index_base)


def _education_output(
    entries: list[_Education], index_base: int
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for entry in entries:
        institution, why = entry.institution, entry.institution_reason
        if institution is None and entry.fallback and entry.degree:
            institution, why = entry.fallback, "the entry's line without a degree or date"
        if entry.degree is None and institution is None:
            continue
        path = f"education[{index_base + len(out)}]"
        fields = _Fields(path, guesses)
        put, value = fields.put, fields.value

        if institution:
            put("institution", institution, 0.85 if entry.institution else 0.5, why)
        if entry.degree:
            degree = entry.degree
            put(
                "studyType",
                degree.study_type,
                0.9,
                f"'{degree.written}' is the degree {degree.study_type}",
            )
            if degree.area:
                put("area", degree.area, 0.75, "the field of study named with the degree")
        if entry.dates:
            _put_dates(put, entry.dates)
        if entry.score:
            put("score", entry.score[0], 0.85, entry.score[1])
        if entry.courses:
            put("courses", entry.courses, 0.7, "listed as coursework")
        out.append(value)
    return out, guesses


class _Fields:
    """One entry's values, each put with its guess (path, confidence, reasons)."""

    def __init__(self, path: str, guesses: list[FieldGuess], note: tuple[str, ...] = ()):
        self.path = path
        self.guesses = guesses
        self.note = note
        self.value: dict[str, Any] = {}

    def put(self, key: str, item: Any, confidence: float, *reasons: str) -> None:
        self.value[key] = item
        self.guesses.append(
            FieldGuess(f"{self.path}.{key}", item, confidence, (*reasons, *self.note))
        )


def _put_dates(put: Any, dates: DateRange) -> None:
    if dates.start:
        ongoing = ("ongoing ('Present'): no end date",) if dates.ongoing else ()
        put("startDate", dates.start, 0.85, "the first date of a range", *ongoing)
    if dates.end:
        reason = "the end of a range" if dates.start else "a single date, taken as the end"
        put("endDate", dates.end, 0.85 if dates.start else 0.7, reason)


@dataclass
class _Entry:
    head: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    dates: DateRange | None = None


# A company's legal form ends a head line with a full stop that ends no sentence:
# "Customer Service Representative, Northstar Contact Solutions Pvt. Ltd."
_COMPANY_FORM_END = re.compile(
    r"\b(?:inc|ltd|pvt|corp|co|llc|l\.l\.c|llp|plc|pte|bhd|opc)\.\s*$", re.IGNORECASE
)


def _is_sentence(text: str) -> bool:
    """A line of prose (long, or ending with a full stop) that is not a dated head line."""
    words = text.split()
    stop = text.rstrip().endswith(".") and not _COMPANY_FORM_END.search(text)
    long = len(words) >= 12 or (len(words) >= 6 and stop)
    dates = find_range(text)
    return long and (dates is None or dates.start is None)


def split_entries(items: list[Item]) -> list[_Entry]:
    """Entries of a work-like section: head lines, then bullets and sentences."""
    entries: list[_Entry] = []
    for item in items:
        if item.bullet or _is_sentence(item.text):
            if not entries:
                entries.append(_Entry())
            entries[-1].body.append(item.text)
            continue
        dates = find_range(item.text)
        current = entries[-1] if entries else None
        if current is None or current.body or (current.dates and dates) or len(current.head) >= 3:
            current = _Entry()
            entries.append(current)
        current.head.append(item.text)
        if dates and not current.dates:
            current.dates = dates
    return entries


@dataclass(frozen=True)
class Head:
    """What an entry's head lines say: title, organisation, place, dates."""

    title: str | None
    organisation: str | None
    place: str | None
    title_reason: str
    organisation_reason: str


def _is_place(text: str) -> bool:
    return is_place_text(text) or bool(_US_PLACE.match(text))


def _proper_name(text: str) -> str:
    """The organisation's name in a sentence ("... drive with the Red Cross Youth Club"):
    the last run of capitalised words, when the text reads as a sentence."""
    if len(text.split()) < 6:
        return text
    runs = re.findall(r"(?:[A-Z][\w&'.-]*)(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'.-]*)*", text)
    named = [run for run in runs if company_score(run)]
    return named[-1] if named else text


def read_head(entry: _Entry) -> Head:
    """The title, organisation and place in an entry's head lines."""
    parts: list[str] = []
    for line in entry.head:
        if entry.dates:
            found = find_range(line)
            if found and found.span == entry.dates.span:
                line = remove_span(line, found.span)
        worked = _WORKED_AS.search(line)
        if worked:
            # "Worked as Telecaller in Shree Sai Enterprises from ...": a sentence naming both.
            parts.extend(worked.group(1, 2))
            continue
        for segment in segments(line):
            pieces = split_commas(segment)
            merged: list[str] = []
            for piece in pieces:
                # "ABC Company, Inc." is one name: a lone company suffix joins the piece before.
                suffix = re.fullmatch(r"(?i)(?:inc|ltd|llc|corp|co|pvt\.? ltd)\.?", piece)
                # ... and "San Francisco, CA" is one place: a state code or country joins too.
                if merged and (suffix or _PLACE_TAIL.match(piece)):
                    merged[-1] += ", " + piece
                else:
                    merged.append(piece)
            parts.extend(p for p in merged if p)
    # "Team Leader at Horizon BPO" names the title and the company in one part.
    split_at: list[str] = []
    for part in parts:
        at = re.match(r"^(.+?)\s+(?:at|@)\s+(.+)$", part)
        split_at.extend(at.groups() if at and title_score(at.group(1)) else [part])
    parts = [re.sub(r"^(?:at|@)\s+", "", p).strip() for p in split_at]
    parts = [p for p in parts if re.search(r"\w", p) and not find_range(p)]
    title = organisation = None
    title_reason = organisation_reason = ""
    # The title is the part with the best title score ("Store Supervisor" also has the
    # company word "store": the title word wins, the company is another part).
    scored = sorted(
        ((title_score(p), -company_score(p), -i, p) for i, p in enumerate(parts)),
        reverse=True,
    )
    if scored and scored[0][0] > 0:
        title = scored[0][3]
        title_reason = "a known BPO job title" if scored[0][0] == 2 else "has a job-title word"
    rest = [p for p in parts if p != title]
    companies = [p for p in rest if company_score(p)]
    if companies:
        organisation, organisation_reason = _proper_name(companies[0]), "has a company word"
    elif title or len(parts) > 1:
        # With no company word, the organisation is the other name beside a title.
        others = [p for p in rest if not _is_place(p)]
        if others:
            organisation, organisation_reason = others[0], "the other name in the entry's head"
    places = [p for p in rest if p != organisation and _is_place(p)]
    return Head(
        title,
        organisation,
        ", ".join(places) or None,
        title_reason,
        organisation_reason,
    )


def parse_work(
    items: list[Item], internship: bool, index_base: int
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Work entries (JSON Resume `work`); internships get a note in their reasons."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for entry in split_entries(items):
        head = read_head(entry)
        if not (head.title or head.organisation):
            continue
        path = f"work[{index_base + len(out)}]"
        is_intern = internship or bool(
            head.title and re.search(r"\bintern(?:ship)?\b", head.title, re.I)
        )
        note = ("an internship, listed under work",) if is_intern else ()
        fields = _Fields(path, guesses, note)
        put, value = fields.put, fields.value

        if head.organisation:
            put("name", head.organisation, 0.75, head.organisation_reason)
        if head.title:
            put(
                "position",
                head.title,
                0.9 if "BPO" in head.title_reason else 0.75,
                head.title_reason,
            )
        if head.place:
            put("location", head.place, 0.7, "a known place in the entry's head")
        if entry.dates:
            _put_dates(put, entry.dates)
        if entry.body:
            put("highlights", entry.body, 0.8, "bullets and sentences under the entry")
        out.append(value)
    return out, guesses


def parse_volunteer(
    items: list[Item], index_base: int
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Volunteer and extra-curricular entries (organisation, position, dates, highlights)."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for entry in split_entries(items):
        if not entry.head:
            # Bullets with no head: each bullet is an activity of its own.
            split = [_Entry(head=[text], dates=find_range(text)) for text in entry.body]
        else:
            split = [entry]
        for one in split:
            head = read_head(one)
            path = f"volunteer[{index_base + len(out)}]"
            fields = _Fields(path, guesses)
            put, value = fields.put, fields.value

            if head.organisation:
                put("organization", head.organisation, 0.6, head.organisation_reason)
            if head.title:
                put("position", head.title, 0.6, head.title_reason)
            if one.dates:
                _put_dates(put, one.dates)
            if one.body:
                put("highlights", one.body, 0.7, "bullets under the entry")
            if not value:
                put("summary", " ".join(one.head), 0.5, "a line in the volunteer section")
            out.append(value)
    return out, guesses


def parse_projects(
    items: list[Item], index_base: int
) -> tuple[list[dict[str, Any]], list[FieldGuess]]:
    """Projects: the head line is the name (its dates apart), a second head line the role."""
    out: list[dict[str, Any]] = []
    guesses: list[FieldGuess] = []
    for entry in split_entries(items):
        path = f"projects[{index_base + len(out)}]"
        fields = _Fields(path, guesses)
        put, value = fields.put, fields.value

        head = list(entry.head)
        if entry.dates and head:
            head[0] = remove_span(head[0], entry.dates.span) if find_range(head[0]) else head[0]
        name = segments(head[0])[0] if head and segments(head[0]) else None
        if name is None and entry.body:
            name, entry.body = entry.body[0], entry.body[1:]
        if name is None:
            continue
        put("name", name, 0.75 if entry.head else 0.5, "the entry's first line")
        if len(head) > 1:
            put("roles", head[1:], 0.5, "the lines under the project's name")
        if entry.dates:
            _put_dates(put, entry.dates)
        if entry.body:
            put("highlights", entry.body, 0.7, "bullets and sentences under the project")
        out.append(value)
    return out, guesses
