"""Job postings: read from CSV and JSON files and from pasted text, validated row by row.

A posting (`PostingData`) has the fields of `launchpad.jobs.models.Posting`: title, company,
city, country (ISO 3166-1 alpha-2), workplace (on-site, hybrid, remote), track (one of the
six), shifts (day, night, rotational), a salary range in the unit each market quotes (INR per
year in India, PHP per month in the Philippines), must-haves, nice-to-haves,
responsibilities, a description, knockouts (`degree_min`, `shifts`, `min_wpm`, `documents`),
source, source URL and the date it was posted.

`read_csv` and `read_json` read a whole file. A file is refused as a whole
(`PostingFileError`) only when it cannot be read at all: larger than `MAX_FILE_BYTES`,
empty, a binary file, not JSON, a CSV without a title column or with more than `MAX_ROWS`
rows. Otherwise every row is checked on its own: a row with a problem is skipped with every
problem listed (`RowProblem`), and never stops the good rows; a row that repeats an earlier
one (same `fingerprint`) is reported as a duplicate and skipped. `from_text` reads a posting
a candidate pasted. The column names, values and rules are described in `docs/content.md`
("Importing job postings").

Salaries are kept in one unit per currency, the one each market quotes: a monthly INR figure
is turned into a yearly one (x 12) and a yearly PHP figure into a monthly one (/ 12, rounded).
A salary with no currency we keep (INR or PHP), and no country to tell which, is left out of
the posting with a warning; the rest of the row is imported.

Pure: no Django, no clock, no I/O beyond the bytes given.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from launchpad.core.knockouts import EDUCATION_ORDER
from launchpad.core.resume.match import JobKnockout, JobSpec, parse_job_schema, parse_job_text
from launchpad.core.resume.schema import validate_job
from launchpad.core.resume.vocabulary import Vocabulary, lemmas, tokens

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_PASTE_CHARS = 20_000
MIN_PASTE_WORDS = 20
# A pasted advert whose first sentence is longer is cut there for the title.
PASTED_TITLE_CHARS = 100
# The lengths of the model's text fields.
MAX_LENGTHS: Mapping[str, int] = {
    "title": 200,
    "company": 200,
    "city": 100,
    "source": 200,
    "source_url": 500,
}

TRACKS = (
    "international-voice",
    "domestic-voice",
    "chat-email",
    "back-office",
    "technical-support",
    "kpo",
)
TRACK_NAMES: Mapping[str, str] = {
    "international-voice": "International voice",
    "domestic-voice": "Domestic voice",
    "chat-email": "Chat and email support",
    "back-office": "Back office and data entry",
    "technical-support": "Technical support",
    "kpo": "KPO (research and analytics)",
}
SHIFTS = ("day", "night", "rotational")
WORKPLACES = ("on-site", "hybrid", "remote")
CURRENCIES = ("INR", "PHP")
# The unit each currency is kept in (see the module docstring).
CURRENCY_PERIOD: Mapping[str, str] = {"INR": "year", "PHP": "month"}
CURRENCY_COUNTRY: Mapping[str, str] = {"INR": "IN", "PHP": "PH"}
COUNTRY_CURRENCY: Mapping[str, str] = {"IN": "INR", "PH": "PHP"}
# A salary outside these bounds (in the kept unit) is a typo or a wrong unit.
SALARY_BOUNDS: Mapping[str, tuple[int, int]] = {
    "INR": (10_000, 50_000_000),
    "PHP": (1_000, 2_000_000),
}
KNOCKOUT_KEYS = ("degree_min", "shifts", "min_wpm", "documents")
BPO_KEYS = (
    "track",
    "shifts",
    "salary_currency",
    "salary_period",
    "knockouts",
    "nice_to_have",
    "source",
    "source_url",
)
WPM_BOUNDS = (10, 200)
# Documents employers ask for, as the readiness knockouts name them (knockouts.yaml).
DOCUMENTS: Mapping[str, str] = {
    "aadhaar": "aadhaar",
    "aadhar": "aadhaar",
    "aadhaar card": "aadhaar",
    "aadhar card": "aadhaar",
    "pan": "pan",
    "pan card": "pan",
    "10th marksheet": "marksheet-10",
    "10th mark sheet": "marksheet-10",
    "marksheet 10": "marksheet-10",
    "12th marksheet": "marksheet-12",
    "12th mark sheet": "marksheet-12",
    "marksheet 12": "marksheet-12",
    "degree certificate": "degree-certificate",
    "relieving letter": "relieving-letter",
    "experience letter": "relieving-letter",
    "nbi": "nbi-clearance",
    "nbi clearance": "nbi-clearance",
    "sss": "sss-number",
    "sss number": "sss-number",
    "tin": "tin",
    "tin number": "tin",
    "tor": "transcript-of-records",
    "transcript": "transcript-of-records",
    "transcript of records": "transcript-of-records",
}


class PostingFileError(ValueError):
    """A whole file refused: nothing in it is imported. The message says why and what to do."""


class _Bad(ValueError):
    """One value that cannot be read; the message names the field and the problem."""


# ------------------------------------------------------------------ the posting


def _norm(text: str) -> str:
    """`text` case-folded with runs of white space made one space, for comparisons."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(_norm(item), item)
    return tuple(seen.values())


def _knockout_rule(knockout: JobKnockout) -> str:
    if knockout.kind == "degree":
        return "degree-max" if knockout.degree_max else "degree-min"
    return knockout.kind


@dataclass(frozen=True)
class PostingData:
    """One posting as read from a file or pasted text, with the model's fields."""

    title: str
    company: str = ""
    city: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, upper case; "" if unknown
    workplace: str = ""  # on-site, hybrid, remote or ""
    track: str = ""  # one of TRACKS or ""
    shifts: tuple[str, ...] = ()  # of SHIFTS, in that order
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""  # INR, PHP or ""
    salary_period: str = ""  # year (INR), month (PHP) or ""
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    responsibilities: tuple[str, ...] = ()
    description: str = ""
    # Optional keys: degree_min (a level of EDUCATION_ORDER), shifts (list), min_wpm (int),
    # documents (list of document keys or texts).
    knockouts: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""
    source_url: str = ""
    posted_on: datetime.date | None = None

    def fingerprint(self) -> str:
        """The posting's identity: the SHA-256 (hex) of its title, company, city, country,
        date and source URL (the description when there is no URL), compared without letter
        case or extra spaces. The same row imported twice has the same fingerprint."""
        url = self.source_url.strip().rstrip("/")
        parts = [
            self.title,
            self.company,
            self.city,
            self.country,
            self.posted_on.isoformat() if self.posted_on else "",
            url if url else "description:" + self.description,
        ]
        return hashlib.sha256("|".join(_norm(p) for p in parts).encode()).hexdigest()

    def search_text(self) -> str:
        """What full-text search indexes: title, company, city, track, shifts, requirements,
        responsibilities and description, one per line."""
        parts = [
            self.title,
            self.company,
            self.city,
            TRACK_NAMES.get(self.track, ""),
            " ".join(f"{shift} shift" for shift in self.shifts),
            *self.must_have,
            *self.nice_to_have,
            *self.responsibilities,
            self.description,
        ]
        return "\n".join(p for p in parts if p.strip())

    def _knockouts(self) -> list[JobKnockout]:
        found: list[JobKnockout] = []
        wanted = [str(s) for s in self.knockouts.get("shifts") or ()]
        if not wanted and self.shifts and "day" not in self.shifts:
            wanted = list(self.shifts)
        if wanted:
            found.append(JobKnockout("shift", f"Shifts: {', '.join(wanted)}", shifts=tuple(wanted)))
        if self.workplace != "remote" and (self.city or self.workplace == "on-site"):
            where = f"Location: {self.city}" if self.city else "Work from the office"
            found.append(
                JobKnockout("location", where, city=self.city, on_site=self.workplace == "on-site")
            )
        level = self.knockouts.get("degree_min")
        if level in EDUCATION_ORDER:
            found.append(
                JobKnockout("degree", f"Education: {level.replace('_', ' ')}", degree_min=level)
            )
        wpm = self.knockouts.get("min_wpm")
        if isinstance(wpm, int):
            found.append(JobKnockout("typing", f"Typing speed of {wpm} WPM", min_wpm=wpm))
        return found

    def job_spec(self) -> JobSpec:
        """The posting as the job match reads it (`launchpad.core.resume.match.match`).

        The description is read like a pasted advert (`parse_job_text`) and merged in: its
        requirements and responsibilities are added to the posting's own, and its knockouts
        to the posting's (the posting's shifts, location, education and typing speed win over
        what the text says about the same rule). Documents are not a match knockout.
        """
        first = self.description.strip().split("\n", 1)[0]
        # The title goes first, where the reader looks for it, unless the text starts with it.
        text = (
            self.description
            if _norm(self.title) in _norm(first)
            else f"{self.title}\n{self.description}"
        )
        parsed = parse_job_text(text) if self.description.strip() else JobSpec()
        ours = self._knockouts()
        rules = {_knockout_rule(k) for k in ours}
        return JobSpec(
            title=self.title,
            must_have=_unique((*self.must_have, *parsed.must_have)),
            nice_to_have=_unique((*self.nice_to_have, *parsed.nice_to_have)),
            responsibilities=_unique((*self.responsibilities, *parsed.responsibilities)),
            keywords=parsed.keywords,
            description=parsed.description,
            knockouts=(*ours, *(k for k in parsed.knockouts if _knockout_rule(k) not in rules)),
        )

    def to_fields(self) -> dict[str, Any]:
        """The model's field values: lists for tuples, a plain dict for the knockouts, and
        the `fingerprint` and `search_text` worked out (not `terms`: see `terms`)."""
        return {
            "title": self.title,
            "company": self.company,
            "city": self.city,
            "country": self.country,
            "workplace": self.workplace,
            "track": self.track,
            "shifts": list(self.shifts),
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "salary_currency": self.salary_currency,
            "salary_period": self.salary_period,
            "must_have": list(self.must_have),
            "nice_to_have": list(self.nice_to_have),
            "responsibilities": list(self.responsibilities),
            "description": self.description,
            "knockouts": {
                k: list(v) if isinstance(v, list | tuple) else v for k, v in self.knockouts.items()
            },
            "source": self.source,
            "source_url": self.source_url,
            "posted_on": self.posted_on,
            "fingerprint": self.fingerprint(),
            "search_text": self.search_text(),
        }

    def terms(self, vocabulary: Vocabulary) -> tuple[str, ...]:
        """The keys of the vocabulary terms in the posting's search text, sorted."""
        hits = vocabulary.find(lemmas(tokens(self.search_text())))
        return tuple(sorted({hit.key for hit in hits}))


@dataclass(frozen=True)
class RowProblem:
    """A row skipped, with every problem found in it (`row`: the line of a CSV record, the
    header being row 1; the position of a JSON item, from 1)."""

    row: int
    problems: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class FileRead:
    """What a file held: the good postings (with their rows), the rows skipped and why, the
    duplicates (row, first row with the same fingerprint), the encoding it was read in and
    warnings about the file as a whole."""

    postings: tuple[tuple[int, PostingData], ...]
    problems: tuple[RowProblem, ...]
    duplicates: tuple[tuple[int, int], ...]
    encoding: str
    warnings: tuple[str, ...]


# ------------------------------------------------------------------ values

_EMPTY = frozenset(
    {"", "-", "--", "n/a", "na", "nil", "none", "null", "nan", "not applicable", "not specified"}
)


def _text(value: str) -> str:
    """One line of text: white space (and non-breaking or zero-width spaces) made single."""
    value = value.replace("\u200b", "").replace("\ufeff", "")
    text = " ".join(value.split())
    return "" if text.casefold() in _EMPTY else text


def _words(text: str) -> str:
    """Lower-case ASCII words joined by single spaces ("Non-Voice (chat)" -> "non voice
    chat"), for reading a value against a list of names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _paragraphs(value: str) -> str:
    """Text of several lines: spaces made single in each line, at most one blank line."""
    lines = [" ".join(line.split()) for line in value.replace("\u200b", "").splitlines()]
    text = "\n".join(lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "" if text.casefold() in _EMPTY else text


def _limited(name: str, value: str) -> str:
    limit = MAX_LENGTHS[name]
    if len(value) > limit:
        raise _Bad(f"{name}: longer than {limit} characters ({len(value)})")
    return value


_BULLET_RE = re.compile(r"^\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u2023>]+|\(?\d{1,2}[.)])\s+")


def split_list(value: str) -> tuple[str, ...]:
    """A cell holding several items, split on new lines, semicolons, pipes and bullets (not
    on commas, which requirements contain); bullets and numbering dropped."""
    items = re.split(r"[\n;|\u2022]", value)
    return _unique(t for t in (_text(_BULLET_RE.sub("", item)) for item in items) if t)


# Track names, normalised by _track_key: the slugs, the names and the names people use.
_TRACK_FILLER = frozenset(
    re.findall(r"\w+", "process processes support and or the service services bpo based work "
               "type job jobs role roles account")
)  # fmt: skip
_TRACK_ALIASES: Mapping[str, tuple[str, ...]] = {
    "international-voice": (
        "international voice",
        "intl voice",
        "international",
        "international call centre",
        "international call center",
        "us process",
        "uk process",
        "australian process",
        "us voice",
        "uk voice",
        "voice international",
    ),
    "domestic-voice": (
        "domestic voice",
        "domestic",
        "domestic call centre",
        "domestic call center",
        "voice domestic",
        "hindi voice",
        "regional voice",
    ),
    # "Non-voice" is read as chat and e-mail, what Indian adverts mostly mean by it; back
    # office must be said ("back office", "data entry").
    "chat-email": (
        "chat email",
        "chat",
        "email",
        "e mail",
        "chat e mail",
        "email chat",
        "non voice",
        "nonvoice",
        "live chat",
        "chat non voice",
        "email non voice",
    ),
    "back-office": (
        "back office",
        "backoffice",
        "back office data entry",
        "data entry",
        "back end",
        "backend",
        "back end operations",
        "backend operations",
        "back office operations",
        "transaction processing",
        "data processing",
        "bo",
    ),
    "technical-support": (
        "technical",
        "tech",
        "technical voice",
        "it helpdesk",
        "it help desk",
        "helpdesk",
        "help desk",
        "it",
        "service desk",
    ),
    "kpo": (
        "kpo",
        "kpo research analytics",
        "knowledge outsourcing",
        "research",
        "analytics",
        "research analytics",
        "data analytics",
        "market research",
    ),
}


def _track_key(text: str) -> str:
    return " ".join(w for w in _words(text).split() if w not in _TRACK_FILLER)


_TRACK_OF: Mapping[str, str] = {
    _track_key(alias): slug
    for slug in TRACKS
    for alias in (slug, TRACK_NAMES[slug], *_TRACK_ALIASES[slug])
}
_TRACK_LIST = ", ".join(TRACK_NAMES.values())


def parse_track(value: str) -> str:
    """One of the six tracks from its slug, its name or a common name ("International Voice",
    "Non-voice", "Data entry", "Tech support"); "" for an empty value."""
    if not _text(value):
        return ""
    key = _track_key(value)
    if key in _TRACK_OF:
        return _TRACK_OF[key]
    if key in ("voice", "inbound", "outbound", "voice inbound", "voice outbound"):
        raise _Bad(f"track: {value!r} could be either voice track: say International voice or "
                   "Domestic voice")  # fmt: skip
    raise _Bad(f"track: {value!r} is not one of the six tracks ({_TRACK_LIST})")


_NIGHT_TIME_RE = re.compile(
    r"\d{1,2}(?::\d{2})?\s*p\.?\s?m\.?\s*(?:to|-|\u2013)\s*\d{1,2}(?::\d{2})?\s*a\.?\s?m\b"
)
_DAY_TIME_RE = re.compile(
    r"\d{1,2}(?::\d{2})?\s*a\.?\s?m\.?\s*(?:to|-|\u2013)\s*\d{1,2}(?::\d{2})?\s*p\.?\s?m\b"
)
_SHIFT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("night", re.compile(r"night|graveyard|overnight|\b(?:us|usa|uk|international|austral\w*)\b")),
    ("rotational", re.compile(r"rotat|\bany\b|flexible|rotational")),
    ("day", re.compile(r"\bday|general|morning|regular")),
)


def parse_shifts(value: str) -> tuple[str, ...]:
    """Shifts from a value such as "Night", "Rotational / night", "24x7", "9 PM - 6 AM" or
    "Day shift, US shift" (US, UK and Australian shifts are night shifts, as in match.py)."""
    text = value.lower()
    text = re.sub(r"\b24\s*[x/]\s*7\b", " rotational ", text)
    text = _NIGHT_TIME_RE.sub(" night ", text)
    text = _DAY_TIME_RE.sub(" day ", text)
    found: set[str] = set()
    for piece in re.split(r"[,;/|&+\n]|\band\b|\bor\b", text):
        piece = re.sub(r"\b(?:shifts?|only|timings?|hours)\b", " ", piece).strip(" .-()")
        if not piece:
            continue
        kinds = [kind for kind, pattern in _SHIFT_PATTERNS if pattern.search(piece)]
        if not kinds:
            raise _Bad(f"shifts: {piece!r} is not a shift we know (day, night or rotational)")
        found.update(kinds)
    return tuple(s for s in SHIFTS if s in found)


_WORKPLACE_OF: Mapping[str, str] = {
    **dict.fromkeys(
        ("on site", "onsite", "office", "in office", "work from office", "wfo", "office based",
         "no", "on site only", "site"), "on-site"),
    **dict.fromkeys(("hybrid", "partly remote", "partially remote", "hybrid remote"), "hybrid"),
    **dict.fromkeys(
        ("remote", "full", "fully remote", "wfh", "work from home", "home based", "yes",
         "full remote", "remote only"), "remote"),
}  # fmt: skip


def parse_workplace(value: str) -> str:
    """on-site, hybrid or remote from "Work from office", "WFH", "Hybrid", "Onsite", or the
    JSON Resume `remote` values (Full, Hybrid, None)."""
    if not _text(value):
        return ""
    key = _words(value)
    if key in _WORKPLACE_OF:
        return _WORKPLACE_OF[key]
    raise _Bad(f"workplace: {value!r} is not on-site, hybrid or remote")


_COUNTRY_OF: Mapping[str, str] = {
    **dict.fromkeys(("india", "ind", "bharat", "in"), "IN"),
    **dict.fromkeys(
        ("philippines", "the philippines", "phillipines", "philipines", "pilipinas", "phl",
         "ph", "phi"), "PH"),
    **dict.fromkeys(("united states", "usa", "us", "united states of america"), "US"),
    **dict.fromkeys(("united kingdom", "uk", "great britain", "england"), "GB"),
    "australia": "AU", "canada": "CA", "singapore": "SG", "malaysia": "MY",
    **dict.fromkeys(("united arab emirates", "uae"), "AE"),
}  # fmt: skip


def parse_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code ("IN", "ph") or a country name (India, Philippines, ...)."""
    text = _text(value)
    if not text:
        return ""
    key = _words(text)
    if key in _COUNTRY_OF:
        return _COUNTRY_OF[key]
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    raise _Bad(f"country: {value!r} is not a country we know: use a two-letter code such as IN "
               "or PH")  # fmt: skip


# Cities where BPO jobs are, to tell the country of a posting that does not say it.


def _build_city_index() -> dict[str, str]:
    index: dict[str, str] = {}
    groups = {
        "IN": (
            "mumbai|navi mumbai|thane|pune|bengaluru|bangalore|hyderabad|secunderabad|chennai|"
            "kolkata|delhi|new delhi|noida|greater noida|gurugram|gurgaon|faridabad|ahmedabad|"
            "jaipur|chandigarh|mohali|kochi|cochin|coimbatore|indore|nagpur|vadodara|baroda|"
            "lucknow|bhubaneswar|thiruvananthapuram|trivandrum|mysuru|mysore|visakhapatnam|"
            "vizag|madurai|mangaluru|mangalore|surat|nashik|bhopal|dehradun"
        ),
        "PH": (
            "manila|makati|makati city|taguig|taguig city|quezon city|pasig|pasig city|cebu|"
            "cebu city|davao|davao city|mandaluyong|pasay|alabang|muntinlupa|iloilo|iloilo "
            "city|bacolod|clark|baguio|cagayan de oro|santa rosa|ortigas|bgc|bonifacio global "
            "city|paranaque|las pinas"
        ),
    }
    for country, names in groups.items():
        for name in names.split("|"):
            index[name] = country
    return index


CITY_COUNTRY: Mapping[str, str] = _build_city_index()


def city_country(city: str) -> str:
    """The country of a BPO city we know ("Pune" -> IN, "Makati City" -> PH), else ""."""
    return CITY_COUNTRY.get(_words(city), "")


@dataclass(frozen=True)
class Place:
    """Where a job is: city, country code and workplace, each "" when not said."""

    city: str = ""
    country: str = ""
    workplace: str = ""


_PLACE_WORKPLACE_RE = re.compile(
    r"\b(?:fully\s+)?remote\b|\bwork\s+from\s+(?:home|office)\b|\bwfh\b|\bwfo\b|\bhybrid\b|"
    r"\bon[- ]?site\b|\bhome[- ]based\b",
    re.IGNORECASE,
)


def parse_location(value: str) -> Place:
    """City, country and workplace from a location such as "Pune, Maharashtra, India",
    "Makati City (Hybrid)", "Remote - Philippines" or "Bengaluru / WFO"."""
    text = _text(value)
    workplace = ""
    said = _PLACE_WORKPLACE_RE.search(text)
    if said:
        workplace = parse_workplace(said.group(0))
        text = _PLACE_WORKPLACE_RE.sub(" ", text)
    text = re.sub(r"\([^)]*\)", " ", text)
    parts = [p.strip(" .-") for p in re.split(r"[,|/;]|\s[-\u2013]\s", text)]
    parts = [p for p in parts if p]
    city, country = "", ""
    for part in parts:
        code = _COUNTRY_OF.get(_words(part), "")
        if code:
            country = country or code
        elif not city:
            city = " ".join(part.split())
    return Place(city, country or city_country(city), workplace)


_DEGREE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "postgraduate",
        re.compile(r"post ?grad\w*|\bpg\b|\bmasters?\b|\bmba\b|\bm ?com\b|\bmca\b|\bpgdm\b"),
    ),
    (
        "ug_studying",
        re.compile(
            r"\bundergrad\w*|\bug studying\b|\bcollege level\b|\bpursuing\b|"
            r"\b(?:2nd|second) year college\b"
        ),
    ),
    (
        "undergraduate",
        re.compile(
            r"graduat\w*|bachelor\w*|\bdegree\b|\bb ?com\b|\bbba\b|\bb ?sc\b|\bba\b|"
            r"\bbs\w*|\bb ?tech\b|\bbca\b|\bbe\b"
        ),
    ),
    ("diploma", re.compile(r"\bdiploma\b|\bpolytechnic\b")),
    (
        "higher_secondary",
        re.compile(
            r"\b12th\b|\bhsc\b|higher secondary|\b10 ?2\b|senior high|\bshs\b|\bk ?12\b|"
            r"\bpuc\b|\bintermediate\b|\bclass xii\b|\bgrade 12\b|\b12\b"
        ),
    ),
    (
        "secondary",
        re.compile(
            r"\b10th\b|\bssc\b|\bsecondary\b|high school|matric\w*|\bclass x\b|"
            r"junior high|\b10\b"
        ),
    ),
)
_NO_DEGREE = frozenset({"any", "any qualification", "no minimum", "no requirement"})


def parse_degree(value: str) -> str:
    """The lowest education level a value names ("Any graduate" -> undergraduate, "12th pass
    or diploma" -> higher_secondary, "ug_studying" as written), or "" for none."""
    text = _words(value.replace("+", " "))
    if text in _NO_DEGREE or not _text(value):
        return ""
    if text.replace(" ", "_") in EDUCATION_ORDER:
        return text.replace(" ", "_")
    found: list[str] = []
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(text):
            found.append(level)
            text = pattern.sub(" ", text)
    if not found:
        raise _Bad(f"degree: {value!r} is not an education level we know (for example "
                   "'12th pass', 'Diploma', 'Any graduate')")  # fmt: skip
    return min(found, key=EDUCATION_ORDER.index)


def parse_wpm(value: str | int) -> int:
    """A typing speed in WPM from 30, "30", "30 WPM" or "35+ wpm"."""
    found = re.search(r"\d{1,4}", str(value))
    low, high = WPM_BOUNDS
    if isinstance(value, bool) or not found or not low <= int(found.group(0)) <= high:
        raise _Bad(f"typing: {value!r} is not a typing speed from {low} to {high} WPM")
    return int(found.group(0))


def parse_documents(value: str | Sequence[str]) -> tuple[str, ...]:
    """Documents from a list or a text ("Aadhaar, PAN card; NBI clearance"): the readiness
    document keys for those we know, the text as written for the others."""
    items = [value] if isinstance(value, str) else list(value)
    found: list[str] = []
    for item in items:
        for piece in re.split(r"[,;|/\n]|\band\b", item):
            text = _text(piece)
            if text:
                found.append(DOCUMENTS.get(_words(text), text[:100]))
    return _unique(found)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        1,
    )
    for name in names.split()
}
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[t ][\d:.+\-z]*)?")
_YMD_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_D_MON_Y_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ \-]([a-z]{3,9})\.?,?[ \-](\d{4})")
_MON_D_Y_RE = re.compile(r"([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def _date_of(year: int, month: int, day: int, value: str) -> datetime.date:
    if not 2000 <= year <= 2100:
        raise _Bad(f"date: {value!r} is not a date from 2000 to 2100")
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise _Bad(f"date: {value!r} is not a real date ({error})") from error


def parse_date(value: str) -> datetime.date | None:
    """The date a posting went up, from 2026-11-12 (ISO, or 2026-11 / 2026: the first day),
    12/11/2026 (day first, unless the second number cannot be a month), 12 Nov 2026,
    Nov 12, 2026, or a spreadsheet's day number (46338)."""
    text = _text(value).lower()
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return _date_of(int(text), 1, 1, value)
    if re.fullmatch(r"[3-7]\d{4}", text):
        serial = _EXCEL_EPOCH + datetime.timedelta(days=int(text))
        return _date_of(serial.year, serial.month, serial.day, value)
    if found := _ISO_RE.fullmatch(text) or _YMD_RE.fullmatch(text):
        year, month, day = found.groups()
        return _date_of(int(year), int(month), int(day or 1), value)
    if found := _DMY_RE.fullmatch(text):
        day, month, year = (int(g) for g in found.groups())
        if month > 12 >= day:
            day, month = month, day
        return _date_of(year + 2000 if year < 100 else year, month, day, value)
    day_s, month_s, year_s = "", "", ""
    if found := _D_MON_Y_RE.fullmatch(text):
        day_s, month_s, year_s = found.groups()
    elif found := _MON_D_Y_RE.fullmatch(text):
        month_s, day_s, year_s = found.groups()
    if month_s[:3] in _MONTHS:
        return _date_of(int(year_s), _MONTHS[month_s[:3]], int(day_s), value)
    raise _Bad(f"date: {value!r} is not a date we can read: write it as 2026-11-12, "
               "12/11/2026 or 12 Nov 2026")  # fmt: skip


def parse_url(value: str) -> str:
    """A web address (http or https, with a host); "www.example.com" gets https://."""
    text = value.strip()
    if not text:
        return ""
    if text.lower().startswith("www."):
        text = "https://" + text
    try:
        parts = urllib.parse.urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # a malformed IPv6 host or port
        host = ""
    if (
        re.search(r"\s", text)
        or not host
        or parts.scheme.lower() not in ("http", "https")
        or "." not in host
        or len(text) > MAX_LENGTHS["source_url"]
    ):
        raise _Bad(f"source_url: {_shown(value)} is not a web address like https://example.com")
    return text


def _shown(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "\u2026")


def parse_currency(value: str) -> str:
    """INR or PHP from "INR", "Rs", "₹", "rupees", "PHP", "₱", "peso"; "" for empty."""
    key = _words(value.replace("\u20b9", " inr ").replace("\u20b1", " php "))
    if not key:
        return ""
    if key in ("inr", "rs", "rupee", "rupees", "indian rupee", "indian rupees"):
        return "INR"
    if key in ("php", "peso", "pesos", "philippine peso", "philippine pesos", "p"):
        return "PHP"
    raise _Bad(f"salary_currency: {value!r} is not INR or PHP")


def parse_period(value: str) -> str:
    """year or month from "year", "per annum", "LPA", "yearly", "month", "monthly", "pm"."""
    key = _words(value)
    if not key:
        return ""
    if key in ("year", "yearly", "annual", "annually", "per annum", "annum", "pa", "p a", "lpa",
               "per year", "a year", "yr", "ctc"):  # fmt: skip
        return "year"
    if key in ("month", "monthly", "per month", "a month", "pm", "p m", "mo", "mon"):
        return "month"
    raise _Bad(f"salary_period: {value!r} is not year or month")


# ------------------------------------------------------------------ salaries


@dataclass(frozen=True)
class Salary:
    """A salary range in the unit its currency is kept in (INR per year, PHP per month)."""

    minimum: int | None
    maximum: int | None
    currency: str
    period: str


class SalaryLeftOut(ValueError):
    """A salary that can be read but not kept (not in INR or PHP, or no currency and no
    country to tell which); the message says why. The row is imported without it."""


_NOT_SAID_RE = re.compile(
    r"\b(?:not disclosed|as per (?:industry|company)|best in (?:the )?industry|negotiable|"
    r"competitive|attractive|undisclosed|confidential|depends|tbd|to be discussed)\b"
)
_AMOUNT_RE = re.compile(
    r"(?<![\d.,])(\d{1,9}(?:,\d{2,3})*(?:\.\d{1,2})?)(?![\d])\s*"
    r"(k|thousand|lpa|lakhs?|lacs?|l|cr|crores?|mn|million|m)?(?![a-z])"
)
_MULTIPLIERS: Mapping[str, int] = {
    "k": 1_000, "thousand": 1_000, "lpa": 100_000, "lakh": 100_000, "lakhs": 100_000,
    "lac": 100_000, "lacs": 100_000, "l": 100_000, "cr": 10_000_000, "crore": 10_000_000,
    "crores": 10_000_000, "mn": 1_000_000, "million": 1_000_000, "m": 1_000_000,
}  # fmt: skip
_LAKH_UNITS = frozenset({"lpa", "lakh", "lakhs", "lac", "lacs", "l", "cr", "crore", "crores"})
_RANGE_GAP_RE = re.compile(r"\s*(?:inr|php)?\s*(?:-|\u2013|\u2014|to|till)\s*(?:inr|php)?\s*")
_YEAR_RE = re.compile(
    r"\b(?:lpa|p\.?a\.?|per annum|annum|annual(?:ly)?|per year|a year|yearly|ctc|yr)\b|"
    r"/\s*y(?:ea)?r\b"
)
_MONTH_RE = re.compile(
    r"\b(?:per month|a month|monthly|p\.?m\.?|per mensem|mo)\b|/\s*mo(?:nth)?\b|/\s*m\b"
)
_FOREIGN_RE = re.compile(r"\$|\u20ac|\u00a3|\b(?:usd|eur|gbp|aed|sgd|aud|cad|dollars?|euros?)\b")
_UP_TO_RE = re.compile(r"\b(?:up ?to|max(?:imum)?|below|under|not more than|less than)\s*$")
_FROM_RE = re.compile(r"\b(?:from|min(?:imum)?|starting(?: at| from)?|above|at least|over)\s*$")


def _salary_words(text: str) -> str:
    text = text.lower().replace("\u20b9", " inr ").replace("\u20b1", " php ")
    text = re.sub(r"\?(?=\s?\d)", " ", text)  # a rupee sign lost to a Windows encoding
    text = re.sub(r"\bl\.\s?p\.\s?a\.?", "lpa", text)
    text = re.sub(r"\b(?:rs|rupees?)\b\.?", " inr ", text)
    text = re.sub(r"\b(?:pesos?)\b", " php ", text)
    return re.sub(r"\bp(?=\s?\d)", " php ", text)


def _units_said(text: str, value: str) -> tuple[str, str]:
    """The currency (INR or PHP) and period (year or month) a salary text names, or ""."""
    named = {c.upper() for c in re.findall(r"\b(inr|php)\b", text)}
    if len(named) > 1:
        raise _Bad(f"salary: {_shown(value)} names both INR and PHP")
    said = re.sub(r"\b(?:inr|php)\b", " ", text)
    years, months = _YEAR_RE.search(said), _MONTH_RE.search(said)
    if years and months:
        raise _Bad(f"salary: {_shown(value)} says both per year and per month")
    return next(iter(named), ""), "year" if years else "month" if months else ""


def parse_salary(
    value: str, *, country: str = "", currency: str = "", period: str = "", hint: str = ""
) -> Salary | None:
    """A salary from "2.4 - 3.6 LPA", "₹3,00,000 per annum", "PHP 18,000 - 22,000/month",
    "18k-22k", "Up to 25,000 per month" or "100000"; None when none is given ("Not
    disclosed", "Best in industry").

    The currency is the one the text names, else `currency`, else lakhs mean INR, else the
    country's (IN: INR, PH: PHP). The period is the one the text names, else `period`, else
    lakhs mean a year; else INR under 1,00,000 is per month and more per year, PHP over
    2,00,000 per year and less per month. The range is kept in its currency's unit. `hint`
    (a column's name such as "CTC (LPA)" or "Monthly salary") can say the currency, the
    period and lakhs for amounts that do not.
    Raises SalaryLeftOut for a salary in another currency or with none to tell.
    """
    text = _salary_words(value)
    hinted = _salary_words(re.sub(r"[0-9]", " ", hint))
    amounts = list(_AMOUNT_RE.finditer(text))
    if not amounts:
        if _NOT_SAID_RE.search(text) or not _text(value):
            return None
        raise _Bad(f"salary: {_shown(value)} has no amount we can read")
    first = amounts[0]
    values: list[float] = []
    units: list[str] = []
    for amount in amounts[:2]:
        values.append(float(amount.group(1).replace(",", "")))
        units.append(amount.group(2) or "")
    ranged = len(amounts) > 1 and _RANGE_GAP_RE.fullmatch(text[first.end() : amounts[1].start()])
    if ranged and not units[0]:
        units[0] = units[1]
    loose = re.search(r"\b(lpa|lakhs?|lacs?)\b", f"{text} {hinted}")
    if loose and not any(units):
        units = [loose.group(1)] * len(units)
    numbers = [round(v * _MULTIPLIERS.get(u, 1)) for v, u in zip(values, units, strict=True)]
    low: int | None
    high: int | None
    if ranged:
        low, high = numbers
    else:
        before, after = text[: first.start()], text[first.end() :]
        low = None if _UP_TO_RE.search(before) else numbers[0]
        high = None if _FROM_RE.search(before) or after.lstrip().startswith("+") else numbers[0]
    lakhs = any(u in _LAKH_UNITS for u in units[: 2 if ranged else 1])
    named, per_said = _units_said(text, value)
    hint_money, hint_per = _units_said(hinted, hint)
    foreign = None if named else _FOREIGN_RE.search(text)
    if not (foreign or named or currency or hint_money):
        foreign = _FOREIGN_RE.search(hinted)
    money = (
        named or currency or hint_money or ("INR" if lakhs else COUNTRY_CURRENCY.get(country, ""))
    )
    if foreign or not money:
        raise SalaryLeftOut(
            f"it is in {foreign.group(0).upper()}"
            if foreign
            else f"the country {country} does not use INR or PHP"
            if country
            else "it names no currency and the posting no country"
        )
    biggest = max(n for n in (low, high) if n is not None)
    per = (
        per_said
        or period
        or hint_per
        or ("year" if lakhs else "")
        or ("month" if (biggest < 100_000 if money == "INR" else biggest <= 200_000) else "year")
    )
    kept = CURRENCY_PERIOD[money]
    if per != kept:
        low, high = (
            None if n is None else (n * 12 if kept == "year" else round(n / 12))
            for n in (low, high)
        )
    if low is not None and high is not None and low > high:
        raise _Bad(f"salary: the minimum {low:,} is above the maximum {high:,} ({_shown(value)})")
    least, most = SALARY_BOUNDS[money]
    for number in (low, high):
        if number is not None and not least <= number <= most:
            raise _Bad(
                f"salary: {_shown(value)} reads as {number:,} {money} per {kept}, which is not "
                f"a likely salary; write it like '2.4 - 3.6 LPA' or 'PHP 18,000 - 22,000 per "
                f"month'"
            )
    return Salary(low, high, money, kept)


# ------------------------------------------------------------------ building a posting


@dataclass
class _Row:
    """The values of one row by field (lists for list fields), its problems and notes."""

    values: dict[str, list[str]]
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)

    def one(self, name: str) -> str:
        return next((t for v in self.values.get(name, ()) if (t := _text(v))), "")

    def many(self, name: str) -> list[str]:
        return [t for v in self.values.get(name, ()) if (t := _text(v))]

    def read(self, reader: Any, *args: Any, default: Any = "", **kwargs: Any) -> Any:
        try:
            return reader(*args, **kwargs)
        except _Bad as error:
            self.problems.append(str(error))
        except SalaryLeftOut as error:
            self.notes.append(str(error))
        return default


def _salary_text(row: _Row) -> tuple[str, str]:
    """The salary as one text ("18000 - 22000", "from 18000") and the names of its columns."""
    given = row.one("salary")
    if given:
        return given, row.hints.get("salary", "")
    low, high = row.one("salary_min"), row.one("salary_max")
    hint = f"{row.hints.get('salary_min', '')} {row.hints.get('salary_max', '')}"
    if low and high:
        return f"{low} - {high}", hint
    if low:
        return f"from {low}", hint
    return (f"up to {high}" if high else ""), hint


def _build(row: _Row) -> PostingData | None:
    """The posting a row's values describe, or None when the row has problems."""
    title = row.one("title")
    if not title:
        row.problems.append("title: missing (every posting needs a title)")
    title = row.read(_limited, "title", title)
    company = row.read(_limited, "company", row.one("company"))
    place: Place = row.read(parse_location, row.one("city"), default=Place())
    city = row.read(_limited, "city", place.city)
    country = row.read(parse_country, row.one("country")) or place.country
    workplace = row.read(parse_workplace, row.one("workplace")) or place.workplace
    track = row.read(parse_track, row.one("track"))
    shifts = row.read(parse_shifts, ", ".join(row.many("shifts")), default=())
    salary_text, hint = _salary_text(row)
    salary: Salary | None = row.read(
        parse_salary,
        salary_text,
        hint=hint,
        country=country,
        currency=row.read(parse_currency, row.one("salary_currency")),
        period=row.read(parse_period, row.one("salary_period")),
        default=None,
    )
    if salary and not country:
        country = CURRENCY_COUNTRY[salary.currency]
    knockouts: dict[str, Any] = {}
    if level := row.read(parse_degree, row.one("degree_min")):
        knockouts["degree_min"] = level
    if needed := row.read(parse_shifts, ", ".join(row.many("knockout_shifts")), default=()):
        knockouts["shifts"] = list(needed)
    if wpm := row.one("min_wpm"):
        knockouts["min_wpm"] = row.read(parse_wpm, wpm, default=0)
    if documents := row.read(parse_documents, row.many("documents"), default=()):
        knockouts["documents"] = list(documents)
    must = row.many("must_have") + [f"Experience: {e}" for e in row.many("experience")]
    kind = row.one("employment_type")
    description = "\n\n".join(
        d
        for d in (*(_paragraphs(v) for v in row.values.get("description", ())), kind and
                  f"Employment type: {_text(kind)}")
        if d
    )  # fmt: skip
    source = row.read(_limited, "source", row.one("source"))
    source_url = row.read(parse_url, row.one("source_url"))
    posted_on = row.read(parse_date, row.one("posted_on"), default=None)
    if row.problems:
        return None
    return PostingData(
        title=title,
        company=company,
        city=city,
        country=country,
        workplace=workplace,
        track=track,
        shifts=shifts,
        salary_min=salary.minimum if salary else None,
        salary_max=salary.maximum if salary else None,
        salary_currency=salary.currency if salary else "",
        salary_period=salary.period if salary else "",
        must_have=_unique(must),
        nice_to_have=_unique(row.many("nice_to_have")),
        responsibilities=_unique(row.many("responsibilities")),
        description=description,
        knockouts={k: v for k, v in knockouts.items() if v},
        source=source,
        source_url=source_url,
        posted_on=posted_on,
    )


class _Collect:
    """Rows read one by one into a FileRead: duplicates found, notes gathered."""

    def __init__(self, encoding: str, warnings: list[str]) -> None:
        self.encoding = encoding
        self.warnings = warnings
        self.postings: list[tuple[int, PostingData]] = []
        self.problems: list[RowProblem] = []
        self.duplicates: list[tuple[int, int]] = []
        self.first: dict[str, int] = {}
        self.notes: dict[str, list[int]] = {}

    def add(self, number: int, row: _Row) -> None:
        posting = _build(row)
        if posting is None:
            self.problems.append(RowProblem(number, tuple(row.problems), row.one("title")[:200]))
            return
        for note in row.notes:
            self.notes.setdefault(note, []).append(number)
        key = posting.fingerprint()
        if key in self.first:
            self.duplicates.append((number, self.first[key]))
            return
        self.first[key] = number
        self.postings.append((number, posting))

    def result(self, unit: str) -> FileRead:
        for why, numbers in self.notes.items():
            shown = ", ".join(str(n) for n in numbers[:20])
            more = f" and {len(numbers) - 20} more" if len(numbers) > 20 else ""
            units = unit if len(numbers) == 1 else f"{unit}s"
            self.warnings.append(
                f"Salary left out on {units} {shown}{more}: {why}. We keep salaries in INR (per "
                "year) or PHP (per month); the rest of each posting was read."
            )
        return FileRead(
            postings=tuple(self.postings),
            problems=tuple(self.problems),
            duplicates=tuple(self.duplicates),
            encoding=self.encoding,
            warnings=tuple(self.warnings),
        )


# ------------------------------------------------------------------ files

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "an Excel workbook or another zip file: save it as CSV UTF-8 first"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word file: save it as CSV UTF-8 first"),
    (b"%PDF", "a PDF: save the postings as CSV or JSON"),
)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _decode(raw: bytes) -> tuple[str, str, list[str]]:
    """The text of a file, its encoding and warnings; refused when it is too big, empty or
    not text. UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as they are;
    anything else as Windows-1252, or Latin-1 when that fails, with a warning."""
    if len(raw) > MAX_FILE_BYTES:
        raise PostingFileError(
            f"The file is {len(raw) / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )
    if not raw.strip():
        raise PostingFileError("The file is empty.")
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise PostingFileError(f"This is not a CSV or JSON file: it looks like {what}.")
    warnings: list[str] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = raw.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text = raw.decode("utf-8-sig")
            encoding = "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = raw.decode("cp1252"), "cp1252"
                name = "Windows-1252 (cp1252)"
            except UnicodeDecodeError:
                text, encoding, name = raw.decode("latin-1"), "latin-1", "Latin-1 (ISO-8859-1)"
            warnings.append(
                f"The file is not UTF-8; it was read as {name}. Check that accented letters "
                "and the \u20b9 sign came out right, or save the file as CSV UTF-8."
            )
    controls = len(_CONTROL_RE.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise PostingFileError(
            "This is not a text file (it holds binary data): save the postings as CSV or JSON."
        )
    return text.lstrip("\ufeff"), encoding, warnings


# CSV column names (normalised by _header_key) and the field each gives.
_COLUMN_ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "job title", "position", "position title", "role", "job role",
              "designation", "job", "post", "opening", "job name", "vacancy", "job position"),
    "company": ("company", "company name", "employer", "employer name", "organisation",
                "organization", "hiring company", "client"),
    "city": ("city", "location", "job location", "work location", "town", "place",
             "office location", "city location"),
    "country": ("country", "country code", "nation"),
    "workplace": ("workplace", "work mode", "work model", "mode", "remote", "on site",
                  "onsite", "work arrangement", "arrangement", "workplace type",
                  "location type", "wfh", "work from home"),
    "track": ("track", "work type", "worktype", "process", "process type", "lob",
              "line of business", "job category", "category", "type of process", "bpo type"),
    "shifts": ("shift", "shifts", "shift timing", "shift timings", "shift type", "timings",
               "timing", "schedule", "working hours"),
    "salary": ("salary", "ctc", "pay", "compensation", "salary range", "package",
               "monthly salary", "annual salary", "salary offered", "offered salary", "wage",
               "stipend", "salary package"),
    "salary_min": ("salary min", "min salary", "minimum salary", "salary from", "ctc min",
                   "min ctc"),
    "salary_max": ("salary max", "max salary", "maximum salary", "salary to", "ctc max",
                   "max ctc"),
    "salary_currency": ("currency", "salary currency"),
    "salary_period": ("salary period", "pay period", "period", "salary per"),
    "must_have": ("requirements", "requirement", "must have", "must haves", "qualifications",
                  "required skills", "eligibility", "skills required", "criteria",
                  "eligibility criteria", "required qualifications"),
    "nice_to_have": ("nice to have", "preferred", "good to have", "preferred skills", "bonus",
                     "desirable", "preferred qualifications", "skills", "key skills",
                     "keywords"),
    "responsibilities": ("responsibilities", "duties", "job responsibilities",
                         "key responsibilities", "roles and responsibilities",
                         "what you will do"),
    "description": ("description", "job description", "jd", "details", "summary", "about",
                    "about the job", "notes", "job details"),
    "degree_min": ("education", "degree", "qualification", "minimum education",
                   "min education", "educational qualification", "degree min",
                   "education required", "degree required", "education min"),
    "min_wpm": ("typing", "typing speed", "min wpm", "wpm", "typing wpm", "typing score",
                "minimum typing speed", "typing speed wpm"),
    "documents": ("documents", "documents required", "docs", "required documents"),
    "knockout_shifts": ("shift knockout", "required shifts", "must work shifts",
                        "knockout shifts"),
    "experience": ("experience", "experience required", "years of experience"),
    "employment_type": ("employment type", "job type", "type", "contract type"),
    "source": ("source", "job board", "portal", "site", "via", "source name"),
    "source_url": ("url", "link", "source url", "job url", "job link", "apply link",
                   "apply url", "application link", "website", "posting url"),
    "posted_on": ("posted", "date", "posted on", "date posted", "posting date", "posted date",
                  "published", "published on", "created", "post date"),
}  # fmt: skip


def _header_key(name: str) -> str:
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name.lower().replace("&", " and "))
    return " ".join(re.findall(r"[a-z0-9]+", text))


_COLUMN_OF: Mapping[str, str] = {
    _header_key(alias): name for name, aliases in _COLUMN_ALIASES.items() for alias in aliases
}


_SEP_LINE_RE = re.compile(r"\A[ \t]*sep=(.)[ \t]*(?=\r?\n)", re.IGNORECASE)


def _delimiter(text: str) -> str:
    """, ; or tab: the one the header line holds most of (a comma when none)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV records with their row numbers (a record over several lines is one row)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise PostingFileError(
                f"Row {number + 1} cannot be read as CSV ({error}): check its quotes."
            ) from error
        number += 1
        yield number, record


def read_csv(raw: bytes) -> FileRead:
    """The postings of a CSV file (see the module docstring and docs/content.md)."""
    text, encoding, warnings = _decode(raw)
    said = _SEP_LINE_RE.match(text)  # Excel's "sep=;" first line
    if said:
        delimiter, text = said.group(1), text[said.end() :]
    else:
        delimiter = _delimiter(text)
    records = _records(text, delimiter)
    header: list[str] = []
    for _number, record in records:
        if any(cell.strip() for cell in record):
            header = record
            break
    columns: list[tuple[str, str]] = []  # (field or "", header as written)
    unknown: list[str] = []
    for name in header:
        column = _COLUMN_OF.get(_header_key(name), "")
        columns.append((column, name))
        if not column and _text(name):
            unknown.append(_text(name))
    found = {column for column, _ in columns}
    if "title" not in found:
        shown = ", ".join(repr(_text(n)) for n in header[:12] if _text(n)) or "none"
        raise PostingFileError(
            "The file has no title column (a column named title, job title, position, role or "
            f"designation); the first row's columns are: {shown}. Is the first row the header?"
        )
    if unknown:
        warnings.append(f"Columns not read (we do not know them): {', '.join(unknown)}.")
    # A salary column's name can say the unit: "CTC (LPA)", "Monthly salary (PHP)".
    hints = {
        column: re.sub(r"\d", " ", name)
        for column, name in columns
        if column in ("salary", "salary_min", "salary_max")
    }
    collect = _Collect(encoding, warnings)
    rows = 0
    list_fields = ("must_have", "nice_to_have", "responsibilities")
    for number, record in records:
        if not any(cell.strip() for cell in record):
            continue
        rows += 1
        if rows > MAX_ROWS:
            raise PostingFileError(
                f"The file has more than {MAX_ROWS:,} rows: split it into smaller files."
            )
        values: dict[str, list[str]] = {}
        for (column, _name), cell in zip(columns, record, strict=False):
            if column:
                cells = split_list(cell) if column in list_fields else [cell]
                values.setdefault(column, []).extend(cells)
        row = _Row(values, hints=dict(hints))
        extra = [cell for cell in record[len(columns) :] if cell.strip()]
        if extra:
            row.problems.append(
                f"the row has {len(record)} values but the header has {len(columns)} columns: "
                f"a value holding a '{delimiter}' needs quotes around it"
            )
        collect.add(number, row)
    return collect.result("row")


def _strings(value: Any, where: str, problems: list[str]) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    problems.append(f"{where}: should be text or a list of texts")
    return []


def _bpo_values(bpo: Any, row: _Row) -> None:
    """Our extension fields (`x-bpo`) into the row's values."""
    if not isinstance(bpo, Mapping):
        row.problems.append("x-bpo: should be a group of fields")
        return
    for key in bpo:
        if key not in BPO_KEYS:
            row.problems.append(f"x-bpo.{key}: unknown field (we read {', '.join(BPO_KEYS)})")
    simple = {
        "track": "track",
        "salary_currency": "salary_currency",
        "salary_period": "salary_period",
        "source": "source",
        "source_url": "source_url",
        "shifts": "shifts",
        "nice_to_have": "nice_to_have",
    }
    for key, name in simple.items():
        if key in bpo:
            strings = _strings(bpo[key], f"x-bpo.{key}", row.problems)
            before = row.values.get(name, [])
            # Ours come first for one value (source_url over meta.canonical), last in a list.
            row.values[name] = [*before, *strings] if key == "nice_to_have" else [*strings, *before]
    knockouts = bpo.get("knockouts", {})
    if not isinstance(knockouts, Mapping):
        row.problems.append("x-bpo.knockouts: should be a group of fields")
        return
    names = {"degree_min": "degree_min", "shifts": "knockout_shifts", "documents": "documents"}
    for key, value in knockouts.items():
        where = f"x-bpo.knockouts.{key}"
        if key == "min_wpm":
            ok = isinstance(value, int | str) and not isinstance(value, bool)
            row.values["min_wpm"] = [str(value)] if ok else []
            if not ok:
                row.problems.append(f"{where}: should be a whole number of WPM")
        elif key in names:
            row.values[names[key]] = _strings(value, where, row.problems)
        else:
            row.problems.append(f"{where}: unknown knockout (we read {', '.join(KNOCKOUT_KEYS)})")


_REMOTE: Mapping[str, str] = {"Full": "remote", "Hybrid": "hybrid", "None": "on-site"}


def _json_row(item: Mapping[str, Any]) -> _Row:
    """A JSON Resume job (with our `x-bpo` extension) as a row's values; a job the schema
    refuses keeps only its title (for the report) and the schema's problems."""
    title = item.get("title")
    problems = validate_job(item)
    if problems:
        return _Row({"title": [title] if isinstance(title, str) else []}, problems=problems)
    spec = parse_job_schema(item)
    location = item.get("location", {})
    meta = item.get("meta", {})
    description = item.get("description", "")
    level = item.get("experience", "")
    if level:
        description = "\n\n".join(d for d in (description, f"Level: {level}") if d)
    row = _Row({
        "title": [item.get("title", "")],
        "company": [item.get("company", "")],
        "city": [location.get("city", "")],
        "country": [location.get("countryCode", "")],
        "workplace": [_REMOTE.get(item.get("remote", ""), "")],
        "salary": [item.get("salary", "")],
        "must_have": list(spec.must_have),
        "nice_to_have": [*spec.nice_to_have, *spec.keywords],
        "responsibilities": list(spec.responsibilities),
        "description": [description],
        "employment_type": [item.get("type", "")],
        "posted_on": [item.get("date", "")],
        "source_url": [meta.get("canonical", "")],
    })  # fmt: skip
    if "x-bpo" in item:
        _bpo_values(item["x-bpo"], row)
    return row


def read_json(raw: bytes) -> FileRead:
    """The postings of a JSON file: one JSON Resume job, a list of them or {"jobs": [...]},
    each validated against the job schema and our rules (see docs/content.md)."""
    text, encoding, warnings = _decode(raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PostingFileError(
            f"This is not a JSON file: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error
    except (ValueError, RecursionError) as error:
        raise PostingFileError(f"This JSON file cannot be read: {error}.") from error
    if isinstance(data, Mapping) and isinstance(data.get("jobs"), list):
        items = data["jobs"]
    elif isinstance(data, Mapping):
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise PostingFileError(
            'The file should hold a job (a JSON object), a list of jobs or {"jobs": [...]}.'
        )
    if not items:
        raise PostingFileError("The file holds no jobs.")
    if len(items) > MAX_ROWS:
        raise PostingFileError(
            f"The file has more than {MAX_ROWS:,} jobs: split it into smaller files."
        )
    collect = _Collect(encoding, warnings)
    for number, item in enumerate(items, 1):
        if isinstance(item, Mapping):
            collect.add(number, _json_row(item))
        else:
            row = _Row({}, problems=["should be a job (a JSON object with a title and so on)"])
            collect.add(number, row)
    return collect.result("item")


# ------------------------------------------------------------------ pasted text

_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&'-]{1,30}?)\s*[:\-\u2013]\s*(\S.*)$")
_LABELS: Mapping[str, str] = {
    **dict.fromkeys(("company", "company name", "employer", "organisation", "organization",
                     "client", "hiring company"), "company"),
    **dict.fromkeys(("location", "job location", "work location", "city", "place of work",
                     "office location", "venue"), "location"),
    **dict.fromkeys(("salary", "ctc", "package", "compensation", "pay", "stipend",
                     "salary range", "offered salary"), "salary"),
    **dict.fromkeys(("process", "work type", "track", "lob", "process type"), "track"),
    **dict.fromkeys(("shift", "shifts", "shift timings", "shift timing", "timings"), "shifts"),
    **dict.fromkeys(("work mode", "workplace", "work model", "mode"), "workplace"),
}  # fmt: skip
_TRACK_CUES: Mapping[str, re.Pattern[str]] = {
    "international-voice": re.compile(
        r"\binternational (?:voice|process|bpo|call)|\b(?:us|uk|australian) (?:process|voice)"
    ),
    "domestic-voice": re.compile(r"\bdomestic (?:voice|process|bpo|call)"),
    "chat-email": re.compile(
        r"\b(?:chat|e-?mail) (?:process|support)|\bnon[- ]?voice\b|\blive chat\b"
    ),
    "back-office": re.compile(r"\bback[- ]?office\b|\bdata entry\b|\bbackend operations\b"),
    "technical-support": re.compile(
        r"\btech(?:nical)? support\b|\bhelp ?desk\b|\btroubleshoot\w*|\bit support\b"
    ),
    "kpo": re.compile(r"\bkpo\b|\bresearch analyst\b|\banalytics\b|\bmarket research\b"),
}
_SALARY_CUE_RE = re.compile(
    r"\u20b9|\u20b1|\brs\.?\s?\d|\binr\b|\bphp\b|\blpa\b|\blakhs?\b|\bsalary\b|\bctc\b|"
    r"per (?:month|annum)",
    re.IGNORECASE,
)
_DAY_SHIFT_RE = re.compile(r"\b(?:day|general|morning)\s+shifts?\b", re.IGNORECASE)
_DOCUMENT_CUES = re.compile(
    r"\b(aadhaa?r(?: card)?|pan card|nbi clearance|sss number|relieving letter|experience "
    r"letter|transcript of records|degree certificate)\b",
    re.IGNORECASE,
)


def _first_city(text: str) -> tuple[str, str]:
    """The BPO city the text names first, as written, and its country."""
    found = [
        (m.start(), -len(m.group(0)), m.group(0), country)
        for city, country in CITY_COUNTRY.items()
        if (m := re.search(rf"\b{re.escape(city)}\b", text, re.IGNORECASE))
    ]
    return min(found)[2:] if found else ("", "")


def _lenient(reader: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return reader(*args, **kwargs)
    except ValueError:  # _Bad and SalaryLeftOut: a guess that does not hold is dropped
        return None


def from_text(text: str) -> PostingData:
    """A posting a candidate pasted: the title from a "Job title:" line or the first line,
    company, location, salary, shifts and track from labelled lines ("Company:", "Location:",
    "Salary:", "Shift:", "Process:") and key words, requirements and responsibilities as the
    job match reads them (`parse_job_text`). Raises ValueError for text that is empty,
    shorter than 20 words or longer than 20,000 characters."""
    body = text.strip()
    if not body:
        raise ValueError("Paste the job advert: the text is empty.")
    if len(body) > MAX_PASTE_CHARS:
        raise ValueError(
            f"The text is {len(body):,} characters long; paste at most {MAX_PASTE_CHARS:,} "
            "(one job advert)."
        )
    if len(body.split()) < MIN_PASTE_WORDS:
        raise ValueError(
            f"The text is too short to be a job advert: paste the whole advert (at least "
            f"{MIN_PASTE_WORDS} words), with its requirements and responsibilities."
        )
    spec = parse_job_text(body)
    labelled: dict[str, str] = {}
    for line in body.splitlines():
        found = _LABEL_RE.match(line)
        if found and (name := _LABELS.get(_header_key(found.group(1)))):
            labelled.setdefault(name, found.group(2).strip())
    first = next(line.strip() for line in body.splitlines() if line.strip())
    title = _text(spec.title or re.split(r"(?<=[.!?])\s", first)[0])
    if len(title) > PASTED_TITLE_CHARS:
        title = title[: PASTED_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"
    place = _lenient(parse_location, labelled.get("location", "")) or Place()
    if not place.city:
        place = Place(*_first_city(body), place.workplace)
    words = f" {_words(body)} "
    country = place.country or next(
        (code for name, code in (("india", "IN"), ("philippines", "PH")) if f" {name} " in words),
        "",
    )
    workplace = place.workplace or _lenient(parse_workplace, labelled.get("workplace", ""))
    if not workplace:
        for cue, kind in (("hybrid", "hybrid"), ("work from home", "remote"), ("wfh", "remote"),
                          ("remote", "remote"), ("work from office", "on-site"),
                          ("wfo", "on-site"), ("on site", "on-site")):  # fmt: skip
            if f" {cue} " in words:
                workplace = kind
                break
    salary_line = labelled.get("salary") or next(
        (line for line in body.splitlines() if _SALARY_CUE_RE.search(line)), ""
    )
    salary = _lenient(parse_salary, salary_line, country=country) if salary_line else None
    track = _lenient(parse_track, labelled.get("track", "")) or ""
    if not track:
        lower = body.lower()
        counts = {slug: len(p.findall(lower)) for slug, p in _TRACK_CUES.items()}
        best = max(counts.values())
        leaders = [slug for slug, n in counts.items() if n == best]
        track = leaders[0] if best and len(leaders) == 1 else ""
    shifts: set[str] = set(_lenient(parse_shifts, labelled.get("shifts", "")) or ())
    for knockout in spec.knockouts:
        shifts.update(knockout.shifts)
    if _DAY_SHIFT_RE.search(body):
        shifts.add("day")
    knockouts: dict[str, Any] = {}
    for knockout in spec.knockouts:
        if knockout.kind == "degree" and knockout.degree_min and knockout.required:
            knockouts.setdefault("degree_min", knockout.degree_min)
        if knockout.kind == "typing" and knockout.min_wpm and knockout.required:
            knockouts.setdefault("min_wpm", knockout.min_wpm)
    documents = parse_documents([m.group(1) for m in _DOCUMENT_CUES.finditer(body)])
    if documents:
        knockouts["documents"] = list(documents)
    return PostingData(
        title=title,
        company=_text(labelled.get("company", ""))[: MAX_LENGTHS["company"]],
        city=place.city[: MAX_LENGTHS["city"]],
        country=country or (CURRENCY_COUNTRY[salary.currency] if salary else ""),
        workplace=workplace or "",
        track=track,
        shifts=tuple(s for s in SHIFTS if s in shifts),
        salary_min=salary.minimum if salary else None,
        salary_max=salary.maximum if salary else None,
        salary_currency=salary.currency if salary else "",
        salary_period=salary.period if salary else "",
        must_have=spec.must_have,
        nice_to_have=spec.nice_to_have,
        responsibilities=spec.responsibilities,
        description=body,
        knockouts=knockouts,
        source="Pasted text",
    )
