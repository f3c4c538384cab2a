"""`launchpad typing-score`: scores a typing-test keystroke log, without a database.

    launchpad typing-score LOG.json
    launchpad typing-score -          (reads the log from standard input)

Prints one JSON object: the score with its figures (wpm, raw_wpm, accuracy, consistency,
kph), character classes, per-second raw speed, mistyped words and keys, and the version of
the scoring rules. The log format is described in launchpad/core/typing.py and the README.

Exit codes: 0 scored, 2 the log cannot be read, is not JSON, or is malformed or impossible
(the message on standard error says what is wrong).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TextIO

from launchpad.cli_io import (
    EXIT_OK,
    EXIT_USAGE,
    InputUnreadable,
    parse,
    print_json,
    read_text,
    source_name,
    streams,
)
from launchpad.core.typing import TypingLogError, parse_log, score_typing


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchpad typing-score",
        description="Score a typing-test keystroke log and print the result as JSON.",
    )
    parser.add_argument("log", metavar="LOG.json", help="the keystroke log, or - for stdin")
    return parser


def typing_score_command(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Runs `launchpad typing-score ...`; returns the exit code."""
    stdin, out, err = streams(stdin, out, err)
    args = parse(_parser(), argv)
    if isinstance(args, int):
        return args
    name: str = args.log
    source = source_name(name)
    try:
        raw = read_text(name, stdin)
    except InputUnreadable as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        reason = "it is nested too deeply" if isinstance(error, RecursionError) else error
        print(f"error: {source} is not valid JSON: {reason}", file=err)
        return EXIT_USAGE
    try:
        score = score_typing(parse_log(data))
    except TypingLogError as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    print_json(score.to_dict(), out)
    return EXIT_OK
