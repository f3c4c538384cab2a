"""Reads and validates the career content files (YAML) and the O*NET extract (JSON).

Pure Python: no Django, so the `launchpad ladder` tools and the loader share one reader. The
schema is `docs/content.md`. Validation collects every problem before giving up, so one run
shows the author everything to fix, each with its file and entry:

    roles.yaml, role 'team-leader': skill 'coachin' does not exist
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from launchpad.core.ladder import Ladder, RoleNode, Step, validate_ladder

CONTENT_DIR = Path(__file__).resolve().parent
CAREERS_DIR = CONTENT_DIR / "careers"
ONET_DIR = CONTENT_DIR / "onet"
ONET_FILE = "occupations.json"

Entry = dict[str, Any]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ONET_CODE_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
URL_RE = re.compile(r"^https?://\S+$")
SLUG_MAX_LENGTH = 80

# Slugs the code relies on: the profile's work types are the track slugs, and the guide pages
# are linked from fixed places.
TRACK_SLUGS = (
    "international-voice",
    "domestic-voice",
    "chat-email",
    "back-office",
    "technical-support",
    "kpo",
)
GUIDE_SLUGS = ("bpo-vs-kpo", "shifts-and-well-being", "hiring-process", "kpis-explained")

SKILL_CATEGORIES = (
    "communication",
    "typing",
    "computer",
    "problem-solving",
    "customer-handling",
    "domain",
    "leadership",
    "analytical",
)
CURRENCY_FOR_COUNTRY = {"IN": "INR", "PH": "PHP"}
PERIOD_FOR_COUNTRY = {"IN": "year", "PH": "month"}


class ContentError(ValueError):
    """The content files have problems; `problems` lists every one of them."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the content files:"
        super().__init__("\n".join([heading, *(f"- {p}" for p in self.problems)]))


@dataclass(frozen=True)
class CareersContent:
    """Validated entries of every careers file, in file order (text fields stripped)."""

    directory: Path
    tracks: tuple[Entry, ...]
    skills: tuple[Entry, ...]
    certifications: tuple[Entry, ...]
    roles: tuple[Entry, ...]
    ladder: tuple[Entry, ...]
    industries: tuple[Entry, ...]
    companies: tuple[Entry, ...]
    salaries: tuple[Entry, ...]
    faqs: tuple[Entry, ...]
    books: tuple[Entry, ...]
    guides: tuple[Entry, ...]

    def role(self, slug: str) -> Entry:
        """Returns the roles.yaml entry with this slug; raises KeyError if there is none."""
        for role in self.roles:
            if role["slug"] == slug:
                return role
        raise KeyError(slug)

    @property
    def skill_names(self) -> dict[str, str]:
        return {skill["slug"]: skill["name"] for skill in self.skills}

    @property
    def certification_names(self) -> dict[str, str]:
        return {cert["slug"]: cert["name"] for cert in self.certifications}

    @property
    def track_names(self) -> dict[str, str]:
        return {track["slug"]: track["name"] for track in self.tracks}


# --- Schema -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """How one field of an entry is checked.

    kind: slug, text, int, number, bool, choice, choices (a list of choices), strings (a list
    of text), slugs (a list of slugs), records (a list of mappings with `record` fields),
    sources, table, onet-code.
    """

    kind: str
    blank: bool = False  # may be "" / []
    optional: bool = False  # may be left out
    nullable: bool = False  # may be null
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    ref: str | None = None  # the file whose slugs this field names
    minimum: float | None = None
    maximum: float | None = None
    decimals: int | None = None
    record: tuple[tuple[str, Field], ...] = ()
    hint: str = ""  # added to "is empty"


def _text(max_length: int | None = None, *, blank: bool = False) -> Field:
    return Field("text", max_length=max_length, blank=blank)


YEARS_HINT = (
    " (give both years, or leave both empty where no source gives a timeline: the planner"
    " then assumes UNKNOWN_STEP_YEARS and says so)"
)
SOURCES = Field("sources")
SLUG = Field("slug")

SCHEMAS: dict[str, dict[str, Field]] = {
    "tracks": {
        "slug": SLUG,
        "name": _text(100),
        "order": Field("int", minimum=0, maximum=32767),
        "voice": Field("bool"),
        "technical": Field("bool"),
        "summary": _text(300),
        "description": _text(),
        "typical_tasks": Field("strings"),
        "who_fits": _text(),
        "entry_requirements": Field("strings"),
        "sources": SOURCES,
    },
    "skills": {
        "slug": SLUG,
        "name": _text(100),
        "category": Field("choice", choices=SKILL_CATEGORIES),
        "description": _text(),
        "how_tested": _text(),
        "how_to_build": _text(),
        "sources": SOURCES,
    },
    "roles": {
        "slug": SLUG,
        "title": _text(120),
        "level": Field("choice", choices=("entry", "growth")),
        "rank": Field("int", minimum=1, maximum=6),
        "tracks": Field("slugs", ref="tracks"),
        "voice": Field("bool"),
        "technical": Field("bool"),
        "summary": _text(300),
        "what_the_work_is": _text(),
        "day_in_the_job": Field("records", record=(("time", _text(40)), ("activity", _text()))),
        "skills": Field(
            "records",
            record=(
                ("skill", Field("slug", ref="skills")),
                ("level", Field("choice", choices=("basic", "working", "strong"))),
                ("why", _text(blank=True)),
            ),
        ),
        "certifications": Field("slugs", ref="certifications", blank=True),
        "kpis": Field("strings"),
        "education": _text(),
        "onet": Field(
            "records", blank=True, record=(("code", Field("onet-code")), ("why", _text()))
        ),
        "also_called": Field("strings", blank=True),
        "sources": SOURCES,
    },
    "ladder": {
        "from": Field("slug", ref="roles"),
        "to": Field("slug", ref="roles"),
        "years_min": Field(
            "number", nullable=True, minimum=0, maximum=99.9, decimals=1, hint=YEARS_HINT
        ),
        "years_max": Field(
            "number", nullable=True, minimum=0, maximum=99.9, decimals=1, hint=YEARS_HINT
        ),
        "asks": Field("strings"),
        "skills": Field("slugs", ref="skills", blank=True),
        "certifications": Field("slugs", ref="certifications", blank=True),
        "how_promoted": _text(),
        "confidence": Field("choice", choices=("low", "medium", "high")),
        "sources": SOURCES,
    },
    "certifications": {
        "slug": SLUG,
        "name": _text(150),
        "issuer": _text(150),
        "cost_min": Field("number", nullable=True, minimum=0, maximum=9_999_999_999, decimals=2),
        "cost_max": Field("number", nullable=True, minimum=0, maximum=9_999_999_999, decimals=2),
        "cost_currency": Field("choice", choices=("USD", "INR", "PHP"), nullable=True),
        "cost_year": Field("int", nullable=True, minimum=1990, maximum=2100),
        "cost_note": _text(blank=True),
        "effort": _text(200),
        "format": _text(),
        "validity": _text(200),
        "prerequisites": _text(blank=True),
        "helps_roles": Field("slugs", ref="roles"),
        "level": Field("choice", choices=("entry", "intermediate", "advanced")),
        "summary": _text(),
        "sources": SOURCES,
    },
    "industries": {
        "slug": SLUG,
        "name": _text(120),
        "summary": _text(),
        "work_examples": Field("strings"),
        "roles": Field("slugs", ref="roles"),
        "sources": SOURCES,
    },
    "companies": {
        "slug": SLUG,
        "name": _text(120),
        "what_they_do": _text(),
        "headquarters": _text(120),
        "hires_in": Field("choices", choices=("India", "Philippines")),
        "tracks": Field("slugs", ref="tracks"),
        "notes": _text(blank=True),
        "sources": SOURCES,
    },
    "salaries": {
        "role": Field("slug", ref="roles"),
        "country": Field("choice", choices=("IN", "PH")),
        "currency": Field("choice", choices=("INR", "PHP")),
        "period": Field("choice", choices=("year", "month")),
        "min": Field("int", nullable=True, minimum=0, maximum=999_999_999_999),
        "max": Field("int", nullable=True, minimum=0, maximum=999_999_999_999),
        # null when the source is undated or the figure is a synthesis of several sources.
        "year": Field("int", nullable=True, minimum=1990, maximum=2100),
        "note": _text(blank=True),
        "sources": SOURCES,
    },
    "faqs": {
        "slug": SLUG,
        "question": _text(300),
        "answer": _text(),
        "topic": Field(
            "choice",
            choices=("getting-started", "shifts", "pay", "growth", "tests", "documents"),
        ),
        "order": Field("int", minimum=0, maximum=32767),
        "sources": SOURCES,
    },
    "books": {
        "slug": SLUG,
        "title": _text(200),
        "author": _text(200),
        "why_read": _text(),
        "topics": Field("strings"),
        "sources": SOURCES,
    },
    "guides": {
        "slug": SLUG,
        "title": _text(200),
        "summary": _text(),
        "sections": Field("records", record=(("heading", _text(200)), ("body", _text()))),
        "table": Field("table", optional=True, nullable=True),
        "sources": SOURCES,
    },
}
FILES = tuple(SCHEMAS)
# Files that may not be an empty list: without them there is no ladder to show.
REQUIRED_ENTRIES = ("tracks", "skills", "roles", "ladder", "guides")
# How an entry of each file is named in a problem ("roles.yaml, role 'team-leader': ...").
NOUNS = {
    "tracks": "track",
    "skills": "skill",
    "roles": "role",
    "ladder": "step",
    "certifications": "certification",
    "industries": "industry",
    "companies": "company",
    "salaries": "salary",
    "faqs": "faq",
    "books": "book",
    "guides": "guide",
}


# --- Reading --------------------------------------------------------------------------------


@dataclass
class _Reference:
    where: str
    path: str
    ref: str
    value: str


@dataclass
class _Validator:
    problems: list[str] = field(default_factory=list)
    references: list[_Reference] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # Field checks return the cleaned value (text stripped); problems are recorded, not raised.
    def check(self, where: str, path: str, spec: Field, value: Any) -> Any:
        if value is None:
            if spec.blank and spec.kind == "text":
                return ""
            if spec.blank and spec.kind in ("strings", "slugs", "records", "choices"):
                return []
            if not spec.nullable:
                self.add(where, f"{path} is empty{spec.hint}")
            return None
        checker = _CHECKERS[spec.kind]
        return checker(self, where, path, spec, value)

    def check_mapping(
        self, where: str, path: str, schema: Mapping[str, Field], value: Any
    ) -> Entry | None:
        if not isinstance(value, dict):
            self.add(where, f"{path or 'the entry'} must be a mapping of fields")
            return None
        prefix = f"{path}." if path else ""
        cleaned: Entry = {}
        for key in value:
            if key not in schema:
                hint = difflib.get_close_matches(str(key), list(schema), n=1)
                suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
                self.add(where, f"unknown field {prefix}{key}{suffix}")
        for name, spec in schema.items():
            if name not in value:
                if not spec.optional:
                    self.add(where, f"{prefix}{name} is missing")
                cleaned[name] = None
                continue
            cleaned[name] = self.check(where, f"{prefix}{name}", spec, value[name])
        return cleaned


def _check_slug(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or not SLUG_RE.match(value) or len(value) > SLUG_MAX_LENGTH:
        v.add(
            where,
            f"{path} {value!r} is not a valid slug (lower-case letters, digits and single "
            f"hyphens, at most {SLUG_MAX_LENGTH} characters)",
        )
        return None
    if spec.ref:
        v.references.append(_Reference(where, path, spec.ref, value))
    return value


def _check_text(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if not isinstance(value, str):
        hint = ""
        if not isinstance(value, list | dict):
            hint = " (put it in quotes: YAML read it as a number, date or true/false)"
        v.add(where, f"{path} must be text, not {type(value).__name__} {value!r}{hint}")
        return None
    text = value.strip()
    if not text and not spec.blank:
        v.add(where, f"{path} is empty")
    if spec.max_length is not None and len(text) > spec.max_length:
        v.add(where, f"{path} is {len(text)} characters long (at most {spec.max_length})")
    return text


def _check_int(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        v.add(where, f"{path} must be a whole number, not {value!r}")
        return None
    return _check_range(v, where, path, spec, value)


def _check_number(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        v.add(where, f"{path} must be a number, not {value!r}")
        return None
    if spec.decimals is not None and round(value, spec.decimals) != value:
        v.add(where, f"{path} {value!r} has more than {spec.decimals} decimal places")
    return _check_range(v, where, path, spec, value)


def _check_range(v: _Validator, where: str, path: str, spec: Field, value: float) -> Any:
    if spec.minimum is not None and value < spec.minimum:
        v.add(where, f"{path} {value!r} is below {spec.minimum:g}")
    elif spec.maximum is not None and value > spec.maximum:
        v.add(where, f"{path} {value!r} is above {spec.maximum:g}")
    return value


def _check_bool(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if not isinstance(value, bool):
        v.add(where, f"{path} must be true or false, not {value!r}")
        return None
    return value


def _check_choice(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if value not in spec.choices:
        allowed = ", ".join(spec.choices)
        v.add(where, f"{path} {value!r} is not one of: {allowed}")
        return None
    return value


def _check_list(v: _Validator, where: str, path: str, spec: Field, value: Any) -> list[Any] | None:
    if not isinstance(value, list):
        v.add(where, f"{path} must be a list, not {type(value).__name__}")
        return None
    if not value and not spec.blank:
        v.add(where, f"{path} is an empty list")
    return value


def _check_strings(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    items = _check_list(v, where, path, spec, value)
    if items is None:
        return None
    item_spec = Field("text")
    return [v.check(where, f"{path}[{i}]", item_spec, item) for i, item in enumerate(items, 1)]


def _check_choices(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    items = _check_list(v, where, path, spec, value)
    if items is None:
        return None
    item_spec = Field("choice", choices=spec.choices)
    _check_duplicates(v, where, path, items)
    return [v.check(where, f"{path}[{i}]", item_spec, item) for i, item in enumerate(items, 1)]


def _check_slugs(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    items = _check_list(v, where, path, spec, value)
    if items is None:
        return None
    item_spec = Field("slug", ref=spec.ref)
    _check_duplicates(v, where, path, items)
    return [v.check(where, path, item_spec, item) for item in items]


def _check_duplicates(v: _Validator, where: str, path: str, items: Iterable[Any]) -> None:
    seen: set[Any] = set()
    for item in items:
        if isinstance(item, str):
            if item in seen:
                v.add(where, f"{path} lists {item!r} more than once")
            seen.add(item)


def _check_records(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    items = _check_list(v, where, path, spec, value)
    if items is None:
        return None
    schema = dict(spec.record)
    return [v.check_mapping(where, f"{path}[{i}]", schema, item) for i, item in enumerate(items, 1)]


def _check_onet_code(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or not ONET_CODE_RE.match(value):
        v.add(where, f"{path} {value!r} is not an O*NET-SOC code like 43-4051.00")
        return None
    return value


def _check_sources(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    items = _check_list(v, where, path, spec, value)
    if items is None:
        return None
    cleaned = []
    for i, item in enumerate(items, 1):
        at = f"{path}[{i}]"
        if not isinstance(item, dict) or set(item) != {"label", "url", "grade"}:
            v.add(where, f"{at} must be {{label, url, grade}}, not {item!r}")
            continue
        label, url, grade = item["label"], item["url"], item["grade"]
        if not isinstance(label, str) or not label.strip():
            v.add(where, f"{at}.label is empty")
        if url is not None and (not isinstance(url, str) or not URL_RE.match(url.strip())):
            v.add(where, f"{at}.url {url!r} is not an http(s) address (or null)")
        if grade not in ("A", "B", "C"):
            v.add(where, f"{at}.grade {grade!r} is not one of: A, B, C")
        cleaned.append(
            {
                "label": label.strip() if isinstance(label, str) else label,
                "url": url.strip() if isinstance(url, str) else url,
                "grade": grade,
            }
        )
    return cleaned


def _check_table(v: _Validator, where: str, path: str, spec: Field, value: Any) -> Any:
    if not isinstance(value, dict) or set(value) != {"columns", "rows"}:
        v.add(where, f"{path} must be {{columns, rows}}")
        return None
    columns, rows = value["columns"], value["rows"]
    if (
        not isinstance(columns, list)
        or not columns
        or not all(isinstance(c, str) and c.strip() for c in columns)
    ):
        v.add(where, f"{path}.columns must be a list of column headings")
        return None
    if not isinstance(rows, list) or not rows:
        v.add(where, f"{path}.rows must be a non-empty list of rows")
        return None
    cleaned_rows = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, list) or len(row) != len(columns):
            v.add(where, f"{path}.rows[{i}] must be a list of {len(columns)} cells")
            continue
        if not all(isinstance(cell, str | int | float) for cell in row):
            v.add(where, f"{path}.rows[{i}] has a cell that is not text or a number")
            continue
        cleaned_rows.append([c.strip() if isinstance(c, str) else c for c in row])
    return {"columns": [c.strip() for c in columns], "rows": cleaned_rows}


_CHECKERS: dict[str, Callable[[_Validator, str, str, Field, Any], Any]] = {
    "slug": _check_slug,
    "text": _check_text,
    "int": _check_int,
    "number": _check_number,
    "bool": _check_bool,
    "choice": _check_choice,
    "choices": _check_choices,
    "strings": _check_strings,
    "slugs": _check_slugs,
    "records": _check_records,
    "onet-code": _check_onet_code,
    "sources": _check_sources,
    "table": _check_table,
}


def _entry_label(name: str, index: int, raw: Any) -> str:
    """Names an entry in problems: by slug, by its step or role, or by its position."""
    noun = NOUNS[name]
    if isinstance(raw, dict):
        if name == "ladder":
            return f"{name}.yaml, {noun} '{raw.get('from')} → {raw.get('to')}'"
        if name == "salaries":
            return f"{name}.yaml, {noun} #{index} ({raw.get('role')}, {raw.get('country')})"
        slug = raw.get("slug")
        if isinstance(slug, str) and slug:
            return f"{name}.yaml, {noun} {slug!r}"
    return f"{name}.yaml, entry #{index}"


def _load_yaml(path: Path, name: str, v: _Validator) -> list[Any]:
    where = path.name
    if not path.exists():
        v.add(where, "the file is missing")
        return []
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        # safe_load keeps the last of two equal keys without a word; find them on the nodes.
        _check_duplicate_keys(v, where, yaml.compose(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        v.add(where, f"is not valid YAML: {' '.join(str(error).split())}")
        return []
    if not isinstance(data, list):
        v.add(where, f"must be a list of {name} entries, not {type(data).__name__}")
        return []
    if not data and name in REQUIRED_ENTRIES:
        v.add(where, "has no entries")
    return data


def _check_duplicate_keys(v: _Validator, where: str, node: yaml.Node | None) -> None:
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        line = key.start_mark.line + 1
                        v.add(where, f"line {line}: the key {key.value!r} appears twice here")
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def read_careers(directory: Path | None = None) -> CareersContent:
    """Reads and validates every careers YAML file; raises ContentError listing all problems."""
    directory = CAREERS_DIR if directory is None else Path(directory)
    v = _Validator()
    if not directory.is_dir():
        raise ContentError([f"{directory}: the content directory does not exist"])
    entries: dict[str, list[tuple[str, Entry]]] = {}
    for name in FILES:
        raw_entries = _load_yaml(directory / f"{name}.yaml", name, v)
        checked: list[tuple[str, Entry]] = []
        for index, raw in enumerate(raw_entries, 1):
            where = _entry_label(name, index, raw)
            cleaned = v.check_mapping(where, "", SCHEMAS[name], raw)
            if cleaned is not None:
                checked.append((where, cleaned))
        entries[name] = checked

    slugs: dict[str, set[str]] = {}
    for name, checked in entries.items():
        if "slug" in SCHEMAS[name]:
            slugs[name] = set()
            for where, entry in checked:
                slug = entry["slug"]
                if slug is None:
                    continue
                if slug in slugs[name]:
                    v.add(where, f"the slug {slug!r} is used by more than one {NOUNS[name]}")
                slugs[name].add(slug)

    for reference in v.references:
        if reference.value not in slugs[reference.ref]:
            noun = NOUNS[reference.ref]
            path = reference.path.split(".")[-1].split("[")[0]
            prefix = "" if path in (noun, reference.ref) else f"{reference.path}: "
            hint = difflib.get_close_matches(reference.value, sorted(slugs[reference.ref]), n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
            v.add(reference.where, f"{prefix}{noun} {reference.value!r} does not exist{suffix}")

    _check_required_slugs(v, "tracks", slugs["tracks"], TRACK_SLUGS, bool(entries["tracks"]))
    _check_required_slugs(v, "guides", slugs["guides"], GUIDE_SLUGS, bool(entries["guides"]))
    _check_roles(v, entries["roles"])
    _check_ladder_steps(v, entries["ladder"])
    _check_certifications(v, entries["certifications"])
    _check_salaries(v, entries["salaries"])
    if entries["roles"]:
        ladder = _ladder_from(
            [e for _, e in entries["roles"]], [e for _, e in entries["ladder"]], lenient=True
        )
        skipped_steps = len(entries["ladder"]) - len(ladder.steps)
        for problem in validate_ladder(ladder):
            # A step left out for its own problems makes the roles above it look
            # unreachable; those follow from problems already reported.
            if skipped_steps and "cannot be reached" in problem:
                continue
            v.problems.append(f"ladder.yaml: {problem}")

    if v.problems:
        # File by file, in FILES order; within a file, in the order they were found.
        position = {f"{name}.yaml": index for index, name in enumerate(FILES)}
        v.problems.sort(key=lambda p: position.get(re.split(r"[,:]", p, maxsplit=1)[0], 99))
        raise ContentError(v.problems)

    def done(name: str) -> tuple[Entry, ...]:
        return tuple(entry for _, entry in entries[name])

    return CareersContent(
        directory=directory,
        tracks=done("tracks"),
        skills=done("skills"),
        certifications=done("certifications"),
        roles=done("roles"),
        ladder=done("ladder"),
        industries=done("industries"),
        companies=done("companies"),
        salaries=done("salaries"),
        faqs=done("faqs"),
        books=done("books"),
        guides=done("guides"),
    )


def _check_required_slugs(
    v: _Validator, name: str, found: set[str], expected: tuple[str, ...], any_entries: bool
) -> None:
    if not any_entries:
        return
    for slug in expected:
        if slug not in found:
            v.add(f"{name}.yaml", f"the {NOUNS[name]} {slug!r} is missing (the code relies on it)")
    for slug in sorted(found - set(expected)):
        v.add(
            f"{name}.yaml",
            f"{NOUNS[name]} {slug!r} is not one of the expected slugs: {', '.join(expected)}",
        )


def _check_roles(v: _Validator, roles: list[tuple[str, Entry]]) -> None:
    for where, role in roles:
        level, rank = role["level"], role["rank"]
        if level == "entry" and rank not in (None, 1):
            v.add(where, f"an entry role must have rank 1, not {rank}")
        if level == "growth" and rank == 1:
            v.add(where, "a growth role must have rank 2 or more")
        _check_duplicates(
            v, where, "skills", [s["skill"] for s in role["skills"] or [] if s and s["skill"]]
        )
        _check_duplicates(
            v, where, "onet", [o["code"] for o in role["onet"] or [] if o and o["code"]]
        )


def _check_ladder_steps(v: _Validator, steps: list[tuple[str, Entry]]) -> None:
    for where, step in steps:
        low, high = step["years_min"], step["years_max"]
        if (low is None) != (high is None):
            v.add(where, "give both years_min and years_max, or leave both empty")
        elif low is not None and high is not None and low > high:
            v.add(where, f"years_min {low} is more than years_max {high}")


def _check_certifications(v: _Validator, certifications: list[tuple[str, Entry]]) -> None:
    for where, cert in certifications:
        low, high = cert["cost_min"], cert["cost_max"]
        if low is not None and high is not None and low > high:
            v.add(where, f"cost_min {low} is more than cost_max {high}")
        if (low is not None or high is not None) and cert["cost_currency"] is None:
            v.add(where, "cost_currency is needed when a cost is given")


def _check_salaries(v: _Validator, salaries: list[tuple[str, Entry]]) -> None:
    for where, salary in salaries:
        low, high = salary["min"], salary["max"]
        # No sourced figure is a fact worth showing, as long as the note says so.
        if low is None and high is None and not salary["note"]:
            v.add(where, "min and max are both empty and the note does not say why")
        if low is not None and high is not None and low > high:
            v.add(where, f"min {low} is more than max {high}")
        country = salary["country"]
        if country in CURRENCY_FOR_COUNTRY:
            if salary["currency"] not in (None, CURRENCY_FOR_COUNTRY[country]):
                v.add(
                    where,
                    f"currency {salary['currency']!r} does not match country {country!r} "
                    f"(expected {CURRENCY_FOR_COUNTRY[country]!r})",
                )
            if salary["period"] not in (None, PERIOD_FOR_COUNTRY[country]):
                v.add(
                    where,
                    f"period {salary['period']!r} does not match country {country!r}: "
                    f"{CURRENCY_FOR_COUNTRY[country]} figures are per "
                    f"{PERIOD_FOR_COUNTRY[country]}",
                )


# --- The ladder -----------------------------------------------------------------------------


def build_ladder(content: CareersContent) -> Ladder:
    """The career ladder of `content` as core dataclasses (roles in file order)."""
    return _ladder_from(list(content.roles), list(content.ladder), lenient=False)


def _ladder_from(roles: list[Entry], steps: list[Entry], *, lenient: bool) -> Ladder:
    # Lenient mode (during validation) skips entries too broken to place on the ladder; their
    # problems are already reported field by field.
    nodes = []
    for role in roles:
        if lenient and (
            not role["slug"] or role["title"] is None or role["rank"] is None or not role["level"]
        ):
            continue
        nodes.append(
            RoleNode(
                slug=role["slug"],
                title=role["title"],
                rank=role["rank"],
                is_entry=role["level"] == "entry",
                tracks=tuple(t for t in role["tracks"] or () if t),
                skills=tuple(s["skill"] for s in role["skills"] or () if s and s["skill"]),
                certifications=tuple(c for c in role["certifications"] or () if c),
            )
        )
    known = {node.slug for node in nodes}
    edges = []
    for step in steps:
        if lenient and (
            step["from"] not in known
            or step["to"] not in known
            or (step["years_min"] is None) != (step["years_max"] is None)
            or (step["years_min"] is not None and step["years_min"] > step["years_max"])
        ):
            continue
        edges.append(
            Step(
                from_slug=step["from"],
                to_slug=step["to"],
                years_min=None if step["years_min"] is None else float(step["years_min"]),
                years_max=None if step["years_max"] is None else float(step["years_max"]),
                asks=tuple(a for a in step["asks"] or () if a),
                skills=tuple(s for s in step["skills"] or () if s),
                certifications=tuple(c for c in step["certifications"] or () if c),
            )
        )
    return Ladder(roles=tuple(nodes), steps=tuple(edges))


# --- O*NET ----------------------------------------------------------------------------------

ONET_DEFAULTS: dict[str, Any] = {
    "description": "",
    "tasks": [],
    "related": [],
    "skills": [],
    "technology": [],
}


def read_onet(directory: Path | None = None) -> list[dict[str, Any]]:
    """Reads `occupations.json` (see onet/LICENSE.md): one dict per occupation, by code.

    Each dict has code, title, description, tasks, related, skills and technology (empty for
    occupations extracted with their title only). Raises ContentError when the file is
    missing or malformed.
    """
    directory = ONET_DIR if directory is None else Path(directory)
    path = directory / ONET_FILE
    where = f"onet/{ONET_FILE}"
    if not path.exists():
        raise ContentError(
            [f"{where}: the file is missing (run scripts/extract_onet.py to create it)"]
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ContentError([f"{where}: is not valid JSON: {error}"]) from None
    raw = document.get("occupations") if isinstance(document, dict) else document
    if not isinstance(raw, list):
        raise ContentError([f"{where}: must hold a list of occupations"])
    problems: list[str] = []
    occupations: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            problems.append(f"{where}, entry #{index}: must be an object")
            continue
        code, title = item.get("code"), item.get("title")
        if not isinstance(code, str) or not ONET_CODE_RE.match(code):
            problems.append(f"{where}, entry #{index}: code {code!r} is not an O*NET-SOC code")
            continue
        if code in seen:
            problems.append(f"{where}, occupation {code}: appears more than once")
        seen.add(code)
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}, occupation {code}: the title is empty")
        occupation = {"code": code, "title": title}
        for key, default in ONET_DEFAULTS.items():
            value = item.get(key, default)
            if not isinstance(value, type(default)):
                problems.append(
                    f"{where}, occupation {code}: {key} must be {type(default).__name__}"
                )
            occupation[key] = value
        occupations.append(occupation)
    if problems:
        raise ContentError(problems)
    return sorted(occupations, key=lambda o: str(o["code"]))


def check_onet_links(
    content: CareersContent, occupations: Iterable[Mapping[str, Any]]
) -> list[str]:
    """Problems with roles.yaml `onet` codes that the O*NET extract does not hold."""
    codes = {occupation["code"] for occupation in occupations}
    problems = []
    for role in content.roles:
        for link in role["onet"]:
            if link["code"] not in codes:
                problems.append(
                    f"roles.yaml, role {role['slug']!r}: O*NET code {link['code']!r} is not in "
                    f"onet/{ONET_FILE} (add it to LINKED_CODES in scripts/extract_onet.py and "
                    "run the script)"
                )
    return problems


def read_content(
    careers_dir: Path | None = None, onet_dir: Path | None = None
) -> tuple[CareersContent, list[dict[str, Any]]]:
    """Reads both the careers files and the O*NET extract and checks the links between them.

    Raises one ContentError with the problems of both.
    """
    problems: list[str] = []
    content: CareersContent | None = None
    occupations: list[dict[str, Any]] | None = None
    try:
        content = read_careers(careers_dir)
    except ContentError as error:
        problems += error.problems
    try:
        occupations = read_onet(onet_dir)
    except ContentError as error:
        problems += error.problems
    if content is not None and occupations is not None:
        problems += check_onet_links(content, occupations)
    if problems or content is None or occupations is None:
        raise ContentError(problems)
    return content, occupations
