"""What the core command-line tools share: reading their input (a file or standard input)
and writing JSON, with one-line errors a person can act on."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

EXIT_OK, EXIT_USAGE = 0, 2


class InputUnreadable(Exception):
    """The input could not be read; the message says which and why, for standard error."""


def source_name(name: str) -> str:
    return "standard input" if name == "-" else name


def read_text(name: str, stdin: TextIO) -> str:
    """The UTF-8 text of file `name`, or of standard input when `name` is "-".

    Raises InputUnreadable ("cannot read FILE: it is not UTF-8 text", ...).
    """
    try:
        if name == "-":
            return stdin.read()
        with open(name, encoding="utf-8") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise InputUnreadable(f"cannot read {source_name(name)}: it is not UTF-8 text") from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputUnreadable(f"cannot read {source_name(name)}: {reason}") from error


def print_json(data: Any, out: TextIO) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False), file=out)


def streams(
    stdin: TextIO | None, out: TextIO | None, err: TextIO | None
) -> tuple[TextIO, TextIO, TextIO]:
    """The given streams, or the process's own where none is given (tests pass theirs)."""
    return (
        sys.stdin if stdin is None else stdin,
        sys.stdout if out is None else out,
        sys.stderr if err is None else err,
    )


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when argparse stopped (--help, a usage error)."""
    try:
        return parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)


def did_you_mean(name: str, known: Sequence[str]) -> str:
    """ "; did you mean a, b?" naming up to three close ids, or "" when none is close."""
    close = difflib.get_close_matches(name, list(known), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""
