"""Scoring benchmark: how long `score_typing` takes on a realistic five-minute typing log.

Builds a log with a seeded random.Random (so every run scores the same log): a five-minute
timed test over a long passage, typed at about 80 WPM with uneven gaps between keys, about
4% of keystrokes wrong, most of them corrected with Backspace (at once or a few characters
later) and the rest left in. Then times `score_typing` on it with time.perf_counter, after a
warm-up, and prints the median and p95 in milliseconds. Checking the log (`parse_log`, done
once per submission) is timed and reported beside it.

Usage: python bench/scoring.py [--runs 200] [--seed 2026] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launchpad.core.typing import (  # noqa: E402
    BACKSPACE,
    TypingLog,
    parse_log,
    score_typing,
)

GOAL_MS = 5.0
DURATION_S = 300.0
MEAN_GAP_S = 0.15  # about 6.7 keystrokes a second, 80 WPM
ERROR_RATE = 0.04
CORRECTED_SHARE = 0.7

_WORDS = (
    "customer account billing refund order number address delivery payment invoice "
    "the a to of and for is in your we will please thank you our has been have with on "
    "this that be as can ticket issue request update status call chat email reply team "
    "service support agent policy return replace product warranty days within business "
    "confirm verify details phone card balance charge credit debit transaction pending "
    "resolved escalated supervisor apologise inconvenience assist further regards dear "
    "Mumbai Manila Pune Cebu Bengaluru Quezon City pincode 400001 1100 +91 +63 INR PHP"
)
VOCABULARY = tuple(_WORDS.split())


def realistic_log(rng: random.Random) -> dict[str, Any]:
    """A five-minute timed test as the browser would send it."""
    words = [rng.choice(VOCABULARY) for _ in range(900)]
    text = " ".join(words)
    events: list[dict[str, Any]] = []
    t = 0.0
    position = 0  # characters of `text` typed so far (a wrong one holds a place)
    pending: list[int] = []  # places of wrong characters still to be corrected

    def press(key: str) -> bool:
        nonlocal t
        t += rng.lognormvariate(0, 0.45) * MEAN_GAP_S * 0.9
        if t > DURATION_S:
            return False
        events.append({"t": round(t, 3), "key": key})
        return True

    while True:
        if pending and (position - pending[0] >= rng.randint(1, 3) or rng.random() < 0.5):
            # Notice the mistake: back up to it and type the rest again.
            back = position - pending[0]
            for _ in range(back):
                if not press(BACKSPACE):
                    return _log(text, events)
            position = pending.pop(0)
            pending.clear()
            continue
        expected = text[position]
        if expected != " " and rng.random() < ERROR_RATE:
            key = rng.choice("asdfghjklqwertyuiopzxcvbnm".replace(expected.lower(), ""))
            if rng.random() < CORRECTED_SHARE:
                pending.append(position)
        else:
            key = expected
        if not press(key):
            return _log(text, events)
        position += 1


def _log(text: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"text": text, "mode": "timed", "duration_s": DURATION_S, "events": events}


def time_ms(function: Any, argument: Any, runs: int) -> list[float]:
    for _ in range(max(runs // 10, 5)):  # warm-up
        function(argument)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function(argument)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", help="write a Markdown report section to this file")
    args = parser.parse_args()

    data = realistic_log(random.Random(args.seed))
    log: TypingLog = parse_log(data)
    score = score_typing(log)
    keystrokes = len(log.events)
    backspaces = score.keystrokes.backspaces
    print(
        f"log: {keystrokes} keystrokes ({backspaces} Backspace) in {DURATION_S:g} s over a "
        f"{len(log.text):,}-character passage; {score.wpm:.1f} WPM, raw {score.raw_wpm:.1f}, "
        f"accuracy {score.accuracy:.1f}%, consistency {score.consistency:.1f}%"
    )
    scoring = time_ms(score_typing, log, args.runs)
    parsing = time_ms(parse_log, data, args.runs)
    rows = [
        ("score_typing", scoring),
        ("parse_log (checking the log, once per submission)", parsing),
    ]
    lines = [
        "| step | runs | median ms | p95 ms | meets goal |",
        "|---|---:|---:|---:|---|",
    ]
    for name, timings in rows:
        median = statistics.median(timings)
        p95 = percentile(timings, 95)
        meets = ("yes" if median < GOAL_MS else "no") if name == "score_typing" else "—"
        lines.append(f"| {name} | {len(timings)} | {median:.2f} | {p95:.2f} | {meets} |")
        print(f"{name:52} median {median:6.2f} ms  p95 {p95:6.2f} ms")
    table = "\n".join(lines)
    if args.write:
        write_report(Path(args.write), table, args, keystrokes, backspaces, len(log.text))
    return 0


def write_report(
    path: Path,
    table: str,
    args: argparse.Namespace,
    keystrokes: int,
    backspaces: int,
    text_chars: int,
) -> None:
    """Replaces the scoring-benchmark section of the report, keeping any other sections."""
    cpu = platform.processor() or platform.machine()
    section = f"""<!-- scoring-benchmark:start -->
## Scoring benchmark (`bench/scoring.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}),
Python {platform.python_version()}.

How: one five-minute timed typing log built with `random.Random({args.seed})`:
{keystrokes:,} keystrokes ({backspaces} of them Backspace) over a {text_chars:,}-character passage,
about 80 WPM with uneven gaps between keys and about 4% wrong keystrokes, most corrected.
`score_typing` is called {args.runs} times in one process after a warm-up, each call timed with
`time.perf_counter`. The goal: scoring a five-minute log (about 2,000 keystrokes) in under
{GOAL_MS:g} ms median. Checking the log (`parse_log`) is shown beside it; it runs once per
submission, before scoring.

{table}
<!-- scoring-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    start, end = "<!-- scoring-benchmark:start -->", "<!-- scoring-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
