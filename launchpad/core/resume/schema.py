"""JSON Resume validation: the resume and job schemas, with problems in plain words.

`validate_resume` and `validate_job` check a document against the JSON Resume schemas shipped
in `launchpad/content/jsonresume/` (copies of the upstream files, MIT) with the JSON Schema
draft each schema declares. They return a list of problems, empty when the document is valid;
each names the place and the problem, for the candidate:

    work[0].startDate: '2013-12-021' is not a date like 2024, 2024-06 or 2024-06-15
    basics.email: 'richard.mail.com' is not an e-mail address like name@example.com
    basics.name: should be text, not null (no value)

Formats: the schemas mark e-mail addresses (`email`) and web addresses (`uri`). Both are
checked, leniently. An e-mail address needs one `@` with something before it and a domain with
a dot after it. A web address is checked as a URI reference (RFC 3986): no spaces or characters
a URL cannot hold, well-formed `%` escapes and, when it has a scheme, a well-formed one. It need
not be absolute: people write `www.example.com`, and the schema's own conformance cases accept
`"$schema": "foo-bar-baz"`. Dates follow the schema's pattern (2024, 2024-06 or 2024-06-15);
like the schema, we do not check that the month or day exists.

`validate_resume` also checks BPO Launchpad's extension fields (`basics["x-bpo"]`, see
`bpo.py`), which the schema itself lets through untouched.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from jsonschema import FormatChecker, ValidationError, validators
from jsonschema.protocols import Validator

from launchpad.core.resume.bpo import validate_bpo

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "content" / "jsonresume"
RESUME_SCHEMA_FILE = "schema.json"
JOB_SCHEMA_FILE = "job-schema.json"

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Characters RFC 3986 never allows in a URI (non-ASCII letters pass, as in an IRI).
URI_FORBIDDEN_RE = re.compile(r"[\s\"<>\\^`{|}\x00-\x1f\x7f]")
BAD_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*$")

TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a group of fields",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}
FORMAT_WORDS = {
    "email": "an e-mail address like name@example.com",
    "uri": "a web address like https://example.com",
}
DATE_WORDS = "a date like 2024, 2024-06 or 2024-06-15"
SHOWN_TEXT_MAX = 60  # longer values are cut in messages


def is_email(value: object) -> bool:
    """Whether `value` looks like an e-mail address (anything but text passes: the type rule
    reports that)."""
    return not isinstance(value, str) or bool(EMAIL_RE.match(value))


def is_uri_reference(value: object) -> bool:
    """Whether `value` is a well-formed URI reference (RFC 3986), absolute or relative.

    Anything but text passes (the type rule reports that)."""
    if not isinstance(value, str):
        return True
    if URI_FORBIDDEN_RE.search(value) or BAD_PERCENT_RE.search(value):
        return False
    head = re.split(r"[/?#]", value, maxsplit=1)[0]
    if ":" in head:
        return bool(SCHEME_RE.match(head.split(":", 1)[0]))
    return True


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("email")(is_email)
    checker.checks("uri")(is_uri_reference)
    return checker


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema file from `SCHEMA_DIR`, parsed (cached: treat it as read-only)."""
    data: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


def _validator(schema: Mapping[str, Any]) -> Validator:
    cls = validators.validator_for(schema)
    return cls(schema, format_checker=_format_checker())


@functools.cache
def _resume_validator() -> Validator:
    return _validator(load_schema(RESUME_SCHEMA_FILE))


@functools.cache
def _job_validator() -> Validator:
    return _validator(load_schema(JOB_SCHEMA_FILE))


@functools.cache
def _date_validator() -> Validator:
    schema = load_schema(RESUME_SCHEMA_FILE)
    return _validator(
        {
            "$schema": schema["$schema"],
            "definitions": schema["definitions"],
            "$ref": "#/definitions/iso8601",
        }
    )


def date_pattern() -> str:
    """The schema's pattern for dates (2024, 2024-06 or 2024-06-15)."""
    pattern: str = load_schema(RESUME_SCHEMA_FILE)["definitions"]["iso8601"]["pattern"]
    return pattern


def format_path(parts: Iterable[str | int], root: str) -> str:
    """A document path as people read it: `work[0].highlights[2]`; `root` for the top.

    Keys that would be ambiguous after a dot (empty, or holding a dot, bracket or space) are
    quoted: `basics["a.b"]`."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not part or re.search(r"[.\[\]\s\"]", part):
            text += f"[{json.dumps(part)}]"
        else:
            text += f".{part}" if text else part
    return text or root


def describe(value: object) -> str:
    """A JSON value in plain words: `null (no value)`, `text 'abc'`, `the number 3`, ..."""
    if value is None:
        return "null (no value)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {shown(value)}"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def shown(value: str) -> str:
    """Text quoted for a message, cut to `SHOWN_TEXT_MAX` characters."""
    if len(value) > SHOWN_TEXT_MAX:
        value = value[: SHOWN_TEXT_MAX - 1] + "…"
    return repr(value)


def _expected_type(expected: object) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return " or ".join(TYPE_WORDS.get(str(name), str(name)) for name in names)


def _message(error: ValidationError, root: str) -> str:
    path = format_path(error.absolute_path, root)
    value = error.instance
    kind = error.validator
    if kind == "type":
        return f"{path}: should be {_expected_type(error.validator_value)}, not {describe(value)}"
    if kind == "format" and error.validator_value in FORMAT_WORDS:
        return f"{path}: {shown(str(value))} is not {FORMAT_WORDS[str(error.validator_value)]}"
    if kind == "pattern" and error.validator_value == date_pattern():
        return f"{path}: {shown(str(value))} is not {DATE_WORDS}"
    if kind == "enum":
        choices = ", ".join(str(choice) for choice in cast(list[Any], error.validator_value))
        return f"{path}: {describe(value)} is not one of {choices}"
    return f"{path}: {error.message}"


def _sort_key(error: ValidationError) -> tuple[tuple[tuple[int, int, str], ...], str]:
    parts = tuple(
        (0, part, "") if isinstance(part, int) else (1, 0, str(part))
        for part in error.absolute_path
    )
    return parts, error.message


def problems(validator: Validator, data: object, root: str) -> list[str]:
    """Every problem `validator` finds in `data`, in plain words, ordered by path."""
    errors = sorted(validator.iter_errors(cast(Any, data)), key=_sort_key)
    return [_message(error, root) for error in errors]


def validate_resume(data: object) -> list[str]:
    """The problems in a JSON Resume document (empty when it is valid).

    Checks the JSON Resume schema, then BPO Launchpad's extension fields in
    `basics["x-bpo"]` (see `bpo.validate_bpo`)."""
    found = problems(_resume_validator(), data, "resume")
    if isinstance(data, Mapping):
        found += validate_bpo(data)
    return found


def validate_job(data: object) -> list[str]:
    """The problems in a JSON Resume job description (empty when it is valid)."""
    return problems(_job_validator(), data, "job")


def validate_date(value: object, path: str = "date") -> list[str]:
    """The problems with one resume date (`2024`, `2024-06` or `2024-06-15`), named `path`."""
    return problems(_date_validator(), value, path)
