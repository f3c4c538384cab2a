"""Resume benchmark: parse + ATS check + job match of a resume file, singly and in a batch.

Single: the two-page PDF test resume (launchpad/core/tests/resume/fixtures/two_page.pdf)
is parsed from its bytes, checked and matched against a typical chat-support advert, the
three steps timed together with time.perf_counter after a warm-up (the vocabulary is loaded
once per process, as the app does). Batch: 1,000 resumes (the test resumes in PDF and DOCX,
taken in turn) through the same three steps, in one process and in a pool with one process
per core, reported as total seconds and resumes per second.

Usage: python bench/resume.py [--runs 30] [--batch 1000] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scoring import percentile  # noqa: E402
from launchpad.core.resume.ats import ats_check  # noqa: E402
from launchpad.core.resume.match import match  # noqa: E402
from launchpad.core.resume.parse import parse_bytes  # noqa: E402
from launchpad.core.resume.vocabulary import Vocabulary, load_vocabulary  # noqa: E402

GOAL_MS = 250.0
FIXTURES = ROOT / "launchpad/core/tests/resume/fixtures"
TWO_PAGE = FIXTURES / "two_page.pdf"
JOB = """Chat Support Associate (International process)
Requirements:
- Any graduate with excellent written English
- Typing speed of 30 WPM with 90% accuracy
- Willing to work night and rotational shifts
- Experience with CRM or ticketing tools such as Zendesk or Freshdesk is a plus
Responsibilities:
- Handle customer chats and e-mails for a US retail client
- Meet CSAT, AHT and first contact resolution targets
- Escalate unresolved issues to the team leader and document every case in the CRM
"""
_vocabulary: Vocabulary | None = None


def _vocab() -> Vocabulary:
    global _vocabulary
    if _vocabulary is None:
        _vocabulary = load_vocabulary()
    return _vocabulary


def pipeline(data: bytes, name: str) -> int:
    """Parse, check and match one resume; returns the match score."""
    parsed = parse_bytes(data, name)
    ats_check(parsed.resume, parsed.layout, parsed.text)
    return match(parsed.resume, JOB, _vocab()).score


def _batch_files() -> list[tuple[bytes, str]]:
    # The resumes themselves, not the files made to fail (image-only, locked, truncated).
    names = sorted(
        p for p in FIXTURES.iterdir()
        if p.suffix in (".pdf", ".docx") and p.name.startswith(("in_", "ph_", "two_page"))
    )  # fmt: skip
    return [(p.read_bytes(), p.name) for p in names]


def _run_chunk(chunk: list[tuple[bytes, str]]) -> int:
    return sum(pipeline(data, name) >= 0 for data, name in chunk)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--write", help="write a Markdown report section to this file")
    args = parser.parse_args()

    data = TWO_PAGE.read_bytes()
    parsed = parse_bytes(data, TWO_PAGE.name)
    _vocab()
    for _ in range(3):
        pipeline(data, TWO_PAGE.name)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        pipeline(data, TWO_PAGE.name)
        timings.append((time.perf_counter() - started) * 1000)
    median, p95 = statistics.median(timings), percentile(timings, 95)
    print(
        f"single two-page PDF ({parsed.layout.pages} pages, {parsed.layout.word_count} words): "
        f"median {median:.1f} ms, p95 {p95:.1f} ms"
    )

    files = _batch_files()
    batch = [files[i % len(files)] for i in range(args.batch)]
    started = time.perf_counter()
    done = _run_chunk(batch)
    sequential_s = time.perf_counter() - started
    workers = os.cpu_count() or 1
    chunks = [batch[i::workers] for i in range(workers)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pooled = sum(pool.map(_run_chunk, chunks))
    pooled_s = time.perf_counter() - started
    print(
        f"batch of {done}: {sequential_s:.1f} s in one process ({done / sequential_s:.1f}/s); "
        f"{pooled} in {pooled_s:.1f} s with {workers} processes ({pooled / pooled_s:.1f}/s)"
    )
    if args.write:
        write_report(
            Path(args.write), args, parsed.layout.pages, parsed.layout.word_count, median, p95,
            len(files), done, sequential_s, pooled, pooled_s, workers,
        )  # fmt: skip
    return 0


def write_report(
    path: Path, args: argparse.Namespace, pages: int, words: int, median: float, p95: float,
    kinds: int, done: int, sequential_s: float, pooled: int, pooled_s: float, workers: int,
) -> None:  # fmt: skip
    """Replaces the resume-benchmark section of the report, keeping any other sections."""
    cpu = platform.processor() or platform.machine()
    meets = "yes" if median < GOAL_MS else "no"
    section = f"""<!-- resume-benchmark:start -->
## Resume benchmark (`bench/resume.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}),
Python {platform.python_version()}.

How: the two-page test resume (`two_page.pdf`, {pages} pages, {words} words, made by our
fixture script) is parsed from its bytes, checked (ATS) and matched against a typical
chat-support advert, {args.runs} times after a warm-up, each run timed with
`time.perf_counter`; the vocabulary is loaded once per process, as the app does. The batch
takes the {kinds} test resumes (PDF from WeasyPrint and LibreOffice, DOCX) in turn until
{args.batch:,} have gone through the same three steps. The goal: under {GOAL_MS:g} ms median for
one two-page PDF.

| step | runs | median ms | p95 ms | meets goal |
|---|---:|---:|---:|---|
| parse + ATS check + match, two-page PDF | {args.runs} | {median:.1f} | {p95:.1f} | {meets} |

| batch | resumes | seconds | resumes per second |
|---|---:|---:|---:|
| one process | {done:,} | {sequential_s:.1f} | {done / sequential_s:.1f} |
| {workers} processes | {pooled:,} | {pooled_s:.1f} | {pooled / pooled_s:.1f} |
<!-- resume-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    start, end = "<!-- resume-benchmark:start -->", "<!-- resume-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
