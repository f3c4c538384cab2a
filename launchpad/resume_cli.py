"""`launchpad resume`: the resume parser and the job match, without a database.

    launchpad resume parse FILE            PDF or DOCX → JSON Resume on standard output
    launchpad resume match RESUME JOB      RESUME: PDF, DOCX or JSON Resume; JOB: text or
                                           a JSON file in the JSON Resume job schema
    launchpad resume ats FILE              the ATS check of a PDF, DOCX or JSON Resume

`parse` prints the resume (valid JSON Resume); `--details` adds each field's confidence
and reasons, the layout and warnings. `match` prints one JSON object with `score`,
`components`, `matched`, `missing_evidenced`, `missing_unevidenced` and `knockouts`.

Exit codes: 0 done, 2 a file cannot be read or is not a resume or job (the message on
standard error says why).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from launchpad.core.resume.ats import ats_check
from launchpad.core.resume.export_text import resume_to_text
from launchpad.core.resume.match import match
from launchpad.core.resume.parse import parse_file
from launchpad.core.resume.schema import validate_job, validate_resume
from launchpad.core.resume.types import ParsedResume, ResumeFileError
from launchpad.core.resume.vocabulary import load_vocabulary

EXIT_OK, EXIT_USAGE = 0, 2


class _Refused(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="launchpad resume", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    parse = sub.add_parser("parse", help="parse a PDF or DOCX resume into JSON Resume")
    parse.add_argument("file", type=Path)
    parse.add_argument("--details", action="store_true", help="add confidences and layout")
    matcher = sub.add_parser("match", help="match a resume against a job")
    matcher.add_argument("resume", type=Path, help="PDF, DOCX or JSON Resume")
    matcher.add_argument("job", type=Path, help="a text file or a JSON Resume job file")
    ats = sub.add_parser("ats", help="what an applicant tracking system sees")
    ats.add_argument("file", type=Path, help="PDF, DOCX or JSON Resume")
    return parser


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise _Refused(f"cannot read {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _Refused(f"{path} is not a JSON file ({error})") from error


def _resume(path: Path) -> tuple[dict[str, Any], ParsedResume | None]:
    if path.suffix.lower() == ".json":
        data = _read_json(path)
        problems = validate_resume(data)
        if problems:
            raise _Refused(f"{path} is not a valid JSON Resume: " + "; ".join(problems[:5]))
        return data, None
    try:
        parsed = parse_file(path)
    except ResumeFileError as error:
        raise _Refused(f"{path}: {error}") from error
    return parsed.resume, parsed


def _job(path: Path) -> dict[str, Any] | str:
    if path.suffix.lower() == ".json":
        data = _read_json(path)
        problems = validate_job(data)
        if problems:
            raise _Refused(f"{path} is not a valid JSON Resume job: " + "; ".join(problems[:5]))
        return data  # type: ignore[no-any-return]
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise _Refused(f"cannot read {path} as text: {error}") from error


def _details(parsed: ParsedResume) -> dict[str, Any]:
    return {
        "resume": parsed.resume,
        "fields": [
            {"path": f.path, "value": f.value, "confidence": f.confidence,
             "reasons": list(f.reasons)}
            for f in parsed.fields
        ],
        "layout": parsed.layout.__dict__ | {"headings": list(parsed.layout.headings),
                                            "fonts": list(parsed.layout.fonts)},
        "warnings": list(parsed.warnings),
    }  # fmt: skip


def resume_command(
    argv: Sequence[str], *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Runs `launchpad resume ...`; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(list(argv))
    try:
        if args.action == "parse":
            data, parsed = _resume(args.file)
            result: Any = _details(parsed) if args.details and parsed else data
        elif args.action == "match":
            data, _parsed = _resume(args.resume)
            result = match(data, _job(args.job), load_vocabulary()).to_dict()
        else:
            data, parsed = _resume(args.file)
            text = parsed.text if parsed else resume_to_text(data)
            result = ats_check(data, parsed.layout if parsed else None, text).to_dict()
    except _Refused as error:
        print(f"launchpad resume: {error}", file=err)
        return EXIT_USAGE
    json.dump(result, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK
