"""Interview feedback benchmark: feedback on typed answers, as the coach computes it on submit.

Three answers we wrote (a typical 90-word STAR answer, a 250-word one and a rambling 600-word
one full of fillers) get feedback against a packaged operations question, each timed with
time.perf_counter after a warm-up; the word lists and vocabulary are loaded once per process,
as the app does. The goal: under 50 ms median for the 250-word answer, so feedback appears
as soon as the page loads on a small server.

Usage: python bench/interview.py [--runs 200] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scoring import percentile  # noqa: E402
from launchpad.core.interview import answer_feedback, load_lexicon, load_question_files  # noqa: E402
from launchpad.core.resume.vocabulary import load_vocabulary  # noqa: E402

GOAL_MS = 50.0
QUESTION = "ops-irate-customer"
STORY = (
    "Last year at my previous job in a telecom process, a customer called very angry about a "
    "double charge on his bill. My job was to calm him down and fix the bill on that call. "
    "I listened without interrupting, I apologised and I checked his account while he was on "
    "the line. I raised a refund and explained when he would see it. As a result he thanked "
    "me and the issue was resolved on the first call. "
)
RAMBLE = (
    "So, um, basically what happened was like the customer was, you know, actually very "
    "angry and I think maybe I tried to, uh, calm him, and the customer was rude and it was "
    "not my fault, but anyway I guess the refund was processed and it was escalated. "
)
ANSWERS = {
    "typical, 90 words": STORY,
    "long, 250 words": STORY * 3,
    "rambling, 600 words": (RAMBLE + STORY) * 5,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", help="write a Markdown report section to this file")
    args = parser.parse_args()
    questions = {q.id: q for q in load_question_files()}
    question = questions.get(QUESTION) or next(q for q in questions.values() if q.star)
    lexicon, vocabulary = load_lexicon(), load_vocabulary()
    rows = []
    for label, text in ANSWERS.items():
        for _ in range(5):
            answer_feedback(text, question, lexicon=lexicon, vocabulary=vocabulary)
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = answer_feedback(
                text, question, lexicon=lexicon, vocabulary=vocabulary, track="domestic-voice"
            )
            timings.append((time.perf_counter() - started) * 1000)
        median, p95 = statistics.median(timings), percentile(timings, 95)
        rows.append((label, result.word_count, median, p95))
        print(f"{label} ({result.word_count} words): median {median:.2f} ms, p95 {p95:.2f} ms")
    if args.write:
        write_report(Path(args.write), args, question.id, rows)
    return 0


def write_report(path: Path, args: argparse.Namespace, question: str, rows: list) -> None:
    """Replaces the interview-benchmark section of the report, keeping any other sections."""
    cpu = platform.processor() or platform.machine()
    table = "\n".join(
        f"| {label} | {words} | {args.runs} | {median:.2f} | {p95:.2f} | "
        f"{('yes' if median < GOAL_MS else 'no') if 'long' in label else '-'} |"
        for label, words, median, p95 in rows
    )
    section = f"""<!-- interview-benchmark:start -->
## Interview feedback benchmark (`bench/interview.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}),
Python {platform.python_version()}.

How: `answer_feedback` on three answers we wrote, against the packaged question
`{question}` with the domestic-voice track's job terms, {args.runs} times each after a
warm-up, each run timed with `time.perf_counter`; the word lists and the vocabulary are
loaded once per process, as the app does. The goal: under {GOAL_MS:g} ms median for the
250-word answer.

| answer | words | runs | median ms | p95 ms | meets goal |
|---|---:|---:|---:|---:|---|
{table}
<!-- interview-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    start, end = "<!-- interview-benchmark:start -->", "<!-- interview-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
