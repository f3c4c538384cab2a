"""`launchpad call-score`: score a finished mock call or chat transcript on the QA scorecard.

    launchpad call-score SCENARIO TRANSCRIPT.json
    launchpad call-score billing-double-charge -          (reads the transcript from stdin)
    launchpad call-score path/to/scenario.yaml transcript.json

SCENARIO is a scenario id from launchpad/content/simulator/scenarios or a path to a scenario
file (.yaml). The transcript is JSON: `{"scenario": "id", "turns": [{"speaker": "agent",
"text": "...", "at": 3.5}, ...]}` (the simulator README describes it). Prints one JSON
object: each scorecard line with its points, maximum and evidence (transcript turn indexes
and why), fatal items, handle time, the total (0-100) and what to do better
(launchpad/core/call_qa.py describes the rules).

Exit codes: 0 done, 2 the scenario is unknown or invalid, the transcript cannot be read or
is invalid, or the simulator content is invalid (one line on standard error says what).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from launchpad.cli_io import (
    EXIT_OK,
    EXIT_USAGE,
    InputUnreadable,
    did_you_mean,
    parse,
    print_json,
    read_text,
    source_name,
    streams,
)
from launchpad.core.call_qa import (
    SCENARIOS_DIR,
    CallQAError,
    Scenario,
    load_moves,
    load_scenario,
    load_scorecard,
    parse_transcript,
    score,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchpad call-score",
        description="Score a mock call or chat transcript on the QA scorecard (JSON out).",
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a .yaml path")
    parser.add_argument("transcript", metavar="TRANSCRIPT.json", help="the transcript, or -")
    return parser


def _scenario(name: str) -> Scenario:
    path = Path(name)
    if name.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise CallQAError([f"no scenario file {name}"])
        return load_scenario(path)
    candidate = SCENARIOS_DIR / f"{name}.yaml"
    if not candidate.is_file():
        known = sorted(p.stem for p in SCENARIOS_DIR.glob("*.yaml"))
        hint = did_you_mean(name, known)
        raise CallQAError([f"no scenario with id {name!r}{hint}"])
    return load_scenario(candidate)


def call_score_command(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Runs `launchpad call-score ...`; returns the exit code."""
    stdin, out, err = streams(stdin, out, err)
    args = parse(_parser(), argv)
    if isinstance(args, int):
        return args
    name: str = args.transcript
    source = source_name(name)
    try:
        scenario = _scenario(args.scenario)
        lexicon, scorecard = load_moves(), load_scorecard()
    except CallQAError as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    try:
        data = json.loads(read_text(name, stdin))
    except InputUnreadable as error:
        print(f"error: {error}", file=err)
        return EXIT_USAGE
    except json.JSONDecodeError as error:
        print(
            f"error: cannot read {source}: not valid JSON ({error.msg} at line {error.lineno})",
            file=err,
        )
        return EXIT_USAGE
    try:
        named, turns = parse_transcript(data)
    except CallQAError as error:
        print(f"error: invalid transcript {source}: {error}", file=err)
        return EXIT_USAGE
    if named is not None and named != scenario.id:
        print(f"error: the transcript is for scenario {named!r}, not {scenario.id!r}", file=err)
        return EXIT_USAGE
    result = score(scenario, turns, scorecard, lexicon)
    print_json(result.to_dict(), out)
    return EXIT_OK
