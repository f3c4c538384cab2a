"""Page benchmark: requests per second and p50/p95 latency of real pages under gunicorn.

Serves the app with gunicorn on loopback (the same command as `launchpad serve`), against a
fresh SQLite database with the packaged content loaded (or DATABASE_URL when set), and drives
it with an asyncio HTTP client holding a fixed number of concurrent connections. Each page is
reported as a ratio against a trivial Django view (/healthz) served by the same server in the
same run, so the figures compare like with like on whatever machine runs them.

Usage: python bench/pages.py [--concurrency 20] [--seconds 10] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(env: dict[str, str]) -> str:
    """Migrates, loads content, collects static files and makes a signed-in session."""

    def manage(*args: str) -> None:
        subprocess.run(
            [str(BIN / "launchpad"), *args],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )

    manage("migrate", "--no-input")
    manage("load_content")
    manage("collectstatic", "--no-input", "--verbosity", "0")
    script = (
        "import datetime, django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from django.utils import timezone\n"
        "from launchpad.careers.models import Role\n"
        "from launchpad.goals import services\n"
        "User = get_user_model()\n"
        "user = User.objects.filter(email='bench@example.com').first() or "
        "User.objects.create_user('bench@example.com', 'bench-pass-2026', full_name='Bench')\n"
        "from launchpad.accounts.models import CandidateProfile\n"
        "CandidateProfile.objects.get_or_create(user=user)\n"
        "if not user.goals.exists():\n"
        "    services.goal_create(user=user, target_role=Role.objects.get(slug='team-leader'),"
        " start_role=None, target_date=timezone.localdate() + datetime.timedelta(days=900),"
        " aspiration='management', motivation='Lead a team', today=timezone.localdate())\n"
        "s = SessionStore()\n"
        "s['_auth_user_id'] = str(user.pk)\n"
        "s['_auth_user_backend'] = 'launchpad.accounts.backends.ModelBackend'\n"
        "s['_auth_user_hash'] = user.get_session_auth_hash()\n"
        "s.create()\n"
        "print(s.session_key)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"could not prepare the benchmark user:\n{out.stderr}")
    return out.stdout.strip().splitlines()[-1]


async def one_request(port: int, path: str, cookie: str) -> tuple[int, float]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Accept: text/html\r\n{cookie}\r\n"
    )
    writer.write(request.encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    elapsed = (time.perf_counter() - started) * 1000
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, elapsed


async def drive(
    send: Callable[[], Awaitable[tuple[int, float] | None]],
    concurrency: int,
    seconds: float,
    warmup: float,
) -> tuple[int, int, float, list[float]]:
    """Keeps `concurrency` clients calling `send` (which returns status and milliseconds, or
    None when it has nothing left to send) for `warmup` + `seconds`; only the measured part
    counts. Returns ok count, error count, measured seconds and the ok latencies."""
    latencies: list[float] = []
    counts = {"ok": 0, "errors": 0}
    measuring = False
    deadline = time.perf_counter() + warmup + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            try:
                outcome = await send()
            except OSError:
                outcome = (0, 0.0)
            if outcome is None:
                return
            if not measuring:
                continue
            status, elapsed = outcome
            if status == 200:
                counts["ok"] += 1
                latencies.append(elapsed)
            else:
                counts["errors"] += 1

    tasks = [asyncio.create_task(client()) for _ in range(concurrency)]
    await asyncio.sleep(warmup)
    measuring = True
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    return counts["ok"], counts["errors"], time.perf_counter() - started, latencies


def wait_for(port: int, timeout: float = 30) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--write", help="write a Markdown report to this file")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="launchpad-bench-")
    env = {
        **os.environ,
        "LAUNCHPAD_VAR_DIR": tmp,
        "STATIC_ROOT": os.path.join(tmp, "static"),
        "SECRET_KEY": "bench-" + "k" * 50,
        "DEBUG": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "LOG_LEVEL": "ERROR",
        "TASKS_IMMEDIATE": "true",
        "DJANGO_SETTINGS_MODULE": "launchpad.settings",
    }
    session_key = prepare(env)
    cookie = f"Cookie: sessionid={session_key}\r\n"
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "launchpad.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    pages = [
        ("Trivial view (/healthz)", "/healthz", ""),
        ("Home page", "/", ""),
        ("Role page", "/explore/roles/customer-service-executive/", ""),
        ("Signed-in dashboard", "/goals/", cookie),
    ]
    results: list[Result] = []
    try:
        wait_for(port)
        for name, path, page_cookie in pages:
            ok, errors, elapsed, latencies = asyncio.run(
                drive(
                    lambda path=path, page_cookie=page_cookie: one_request(port, path, page_cookie),
                    args.concurrency,
                    args.seconds,
                    args.warmup,
                )
            )
            results.append(Result(name, path, ok, errors, elapsed, latencies))
            print(
                f"{name:28} {ok / elapsed:8.1f} req/s  p50 {results[-1].percentile(50):6.1f} ms"
                f"  p95 {results[-1].percentile(95):6.1f} ms  errors {errors}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=20)
        # Leave no database behind in the temporary folder.
        shutil.rmtree(tmp, ignore_errors=True)

    baseline = results[0]
    lines = [
        "| page | path | req/s | ratio to trivial | p50 ms | p95 ms | errors | meets goal |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        ratio = result.rps / baseline.rps if baseline.rps else float("nan")
        meets = (
            "baseline"
            if result is baseline
            else "yes"
            if ratio >= 0.5 and result.percentile(95) < 50 and not result.errors
            else "no"
        )
        lines.append(
            f"| {result.name} | `{result.path}` | {result.rps:.0f} | {ratio:.2f} | "
            f"{result.percentile(50):.1f} | {result.percentile(95):.1f} | {result.errors} | {meets} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_report(Path(args.write), table, args)
    return 0


def write_report(path: Path, table: str, args: argparse.Namespace) -> None:
    """Replaces the page-benchmark section of the report, keeping any other sections."""
    cpu = platform.processor() or platform.machine()
    section = f"""<!-- page-benchmark:start -->
## Page benchmark (`bench/pages.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}),
Python {platform.python_version()}, database: {"DATABASE_URL" if os.environ.get("DATABASE_URL") else "SQLite (fresh file, packaged content loaded)"}.

How: gunicorn with {args.workers} sync workers on 127.0.0.1 (DEBUG off, whitenoise), driven by
an asyncio client on the same machine holding {args.concurrency} concurrent connections, one
request per connection, {args.warmup:g} s warm-up then {args.seconds:g} s measured per page.
Only 200 responses count. The goal: every real page at 0.5 of the trivial view's requests per
second or better, with p95 under 50 ms at 20 concurrent clients on 2 cores. The load generator
shares the two cores with the server, so absolute figures are lower than on separate machines;
the ratios compare like with like.

{table}
<!-- page-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    start, end = "<!-- page-benchmark:start -->", "<!-- page-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
