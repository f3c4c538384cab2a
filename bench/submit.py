"""Submit benchmark: the typing test's submit endpoint under 20 concurrent test-takers.

Serves the app with gunicorn on loopback (as bench/pages.py does) against a fresh SQLite
database (or DATABASE_URL), creates one candidate with an API token and enough open
five-minute typing attempts, then has an asyncio client keep 20 submissions in flight: each
POSTs a realistic five-minute keystroke log (about 2,000 keystrokes, from bench/scoring.py)
to `/api/skills/typing/attempts/<id>/submit` for a different attempt, so every request is a
real first submission that the server parses, scores and stores. Goal: p95 under 100 ms.

Usage: python bench/submit.py [--concurrency 20] [--seconds 10] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import BIN, Result, drive, free_port, wait_for  # noqa: E402
from bench.scoring import realistic_log  # noqa: E402

GOAL_P95_MS = 100.0
ATTEMPTS = 6000

SETUP = """
import datetime, django, json, sys
django.setup()
from django.utils import timezone
from launchpad.accounts import services as accounts
from launchpad.accounts.models import CandidateProfile, User
from launchpad.skills.models import TypingAttempt
text, count = sys.argv[1], int(sys.argv[2])
user = User.objects.create_user("typist@example.com", "bench-pass-2026")
CandidateProfile.objects.create(user=user)
token = accounts.token_create(user=user, name="bench").raw
started = timezone.now() - datetime.timedelta(hours=1)
attempts = TypingAttempt.objects.bulk_create(
    TypingAttempt(user=user, text=text, mode="timed", duration_s=300, started_at=started)
    for _ in range(count)
)
# In-process cost of the submit service alone (parse, score, store), for the report.
import time
from launchpad.skills import services
events = json.loads(sys.argv[3])
spare = TypingAttempt.objects.bulk_create(
    TypingAttempt(user=user, text=text, mode="timed", duration_s=300, started_at=started)
    for _ in range(40)
)
timings = []
for attempt in spare:
    begun = time.perf_counter()
    services.typing_attempt_submit(attempt=attempt, events=events, now=timezone.now())
    timings.append((time.perf_counter() - begun) * 1000)
timings.sort()
print(json.dumps({"token": token, "ids": [a.pk for a in attempts],
                  "service_ms": timings[len(timings) // 2]}))
"""


def prepare(
    env: dict[str, str], text: str, count: int, events_json: str
) -> tuple[str, list[int], float]:
    subprocess.run([str(BIN / "launchpad"), "migrate", "--no-input"], env=env, check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)  # fmt: skip
    out = subprocess.run([sys.executable, "-c", SETUP, text, str(count), events_json], env=env,
                         cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    if out.returncode:
        raise SystemExit(f"could not prepare the benchmark:\n{out.stderr}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["token"], data["ids"], data["service_ms"]


async def post(port: int, path: str, token: str, body: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    writer.write(head.encode() + body)
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, (time.perf_counter() - started) * 1000


async def drive_submissions(port: int, token: str, ids: list[int], body: bytes,
                            concurrency: int, seconds: float,
                            warmup: float) -> tuple[int, int, float, list[float]]:  # fmt: skip
    """Each request submits the next unused attempt, so every one is a first submission."""
    queue = iter(ids)

    async def send() -> tuple[int, float] | None:
        attempt_id = next(queue, None)
        if attempt_id is None:
            return None
        return await post(port, f"/api/skills/typing/attempts/{attempt_id}/submit", token, body)

    return await drive(send, concurrency, seconds, warmup)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--write", help="write a Markdown report section to this file")
    args = parser.parse_args()

    log = realistic_log(random.Random(2026))
    body = json.dumps({"events": log["events"]}).encode()
    tmp = tempfile.mkdtemp(prefix="launchpad-bench-submit-")
    env = {**os.environ, "LAUNCHPAD_VAR_DIR": tmp, "SECRET_KEY": "bench-" + "k" * 50,
           "DEBUG": "false", "LOG_LEVEL": "ERROR", "DJANGO_SETTINGS_MODULE": "launchpad.settings",
           "STATIC_ROOT": os.path.join(tmp, "static")}  # fmt: skip
    token, ids, service_ms = prepare(env, log["text"], ATTEMPTS, json.dumps(log["events"]))
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "launchpad.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        wait_for(port)
        ok, errors, elapsed, latencies = asyncio.run(
            drive_submissions(port, token, ids, body, args.concurrency, args.seconds, args.warmup)
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
    result = Result("Typing submit", "/api/skills/typing/attempts/<id>/submit", ok, errors,
                    elapsed, latencies)  # fmt: skip
    p95 = result.percentile(95)
    print(
        f"{len(log['events'])} keystrokes per log, {len(body) / 1024:.0f} KiB per request; "
        f"the submit service alone takes {service_ms:.1f} ms (median, in process)"
    )
    print(f"submit: {result.rps:.1f} req/s  p50 {result.percentile(50):.1f} ms  p95 {p95:.1f} ms"
          f"  errors {errors}  goal p95 < {GOAL_P95_MS:g} ms: {'met' if p95 < GOAL_P95_MS else 'NOT met'}")  # fmt: skip
    if args.write:
        write_report(Path(args.write), result, len(log["events"]), len(body), service_ms, args)
    return 0


def write_report(path: Path, result: Result, keys: int, size: int, service_ms: float,
                 args: argparse.Namespace) -> None:  # fmt: skip
    """Replaces the submit-benchmark section of the report, keeping the rest."""
    p95 = result.percentile(95)
    section = f"""<!-- submit-benchmark:start -->
## Typing submit benchmark (`bench/submit.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores,
Python {platform.python_version()}, database: {"DATABASE_URL" if os.environ.get("DATABASE_URL") else "SQLite (fresh file)"}.

How: gunicorn with {args.workers} sync workers on 127.0.0.1; an asyncio client on the same
machine keeps {args.concurrency} submissions in flight, each a first submission of a different
open five-minute attempt with a realistic log ({keys} keystrokes, {size / 1024:.0f} KiB of JSON,
from `bench/scoring.py`), authenticated with an API token; {args.warmup:g} s warm-up, then
{args.seconds:g} s measured. The server parses, scores and stores each log. Goal: p95 under
{GOAL_P95_MS:g} ms at 20 concurrent test-takers.

| requests/s | p50 ms | p95 ms | errors | goal met |
|---:|---:|---:|---:|---|
| {result.rps:.0f} | {result.percentile(50):.1f} | {p95:.1f} | {result.errors} | {"yes" if p95 < GOAL_P95_MS and not result.errors else "no"} |

The submit service alone (parse, score and store one log, in process, no HTTP) took
{service_ms:.1f} ms median in the same run.
<!-- submit-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = "<!-- submit-benchmark:start -->", "<!-- submit-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
