"""Job search benchmark: search and rank over 1,000 to 1,000,000 postings, SQLite and PostgreSQL.

For each backend (SQLite always; PostgreSQL when it answers at POSTGRES_URL, in a scratch
database `bench_jobs` dropped afterwards) and each size, a fresh database is migrated and
filled with synthetic postings built with a seeded random.Random (every run loads the same
board): BPO titles for six tracks, companies, 33 cities in India and the Philippines,
shifts, salaries (INR a year, PHP a month), requirements and responsibilities from phrase
pools, posted over the last 180 days; `search_text`, `fingerprint` and `terms` as the
importer makes them. Rows go in with executemany (SQLite) or COPY (PostgreSQL); the
full-text index (FTS5 table and triggers, or the GIN index) is dropped for the load and
made again with the migration's own statements, then ANALYZE (VACUUM ANALYZE on PostgreSQL).

Then `launchpad.jobs.search.search` is timed with time.perf_counter for six kinds of query,
each ranked by a chat-support fresher's resume, with the cache cleared and a new resume
version id before every query so the full match of the page is always computed. Each size
runs in a subprocess of its own with DATABASE_URL or SQLITE_PATH set before Django starts.

Usage: python bench/jobs.py [--sizes 1000,10000,100000,1000000] [--max 100000] [--runs 60]
       [--backend sqlite|postgresql|both] [--write docs/benchmarks.md]
Diagnostics: --explain prints the candidate query's plan per kind; --profile KIND prints a
cProfile of that kind's queries.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scoring import percentile  # noqa: E402

GOAL_MS = 200.0
GOAL_SIZE = 100_000
SIZES = (1_000, 10_000, 100_000, 1_000_000)
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = "bench_jobs"
TODAY = datetime.date(2026, 11, 23)
STAMP = "2026-11-23 00:00:00"
CHUNK = 10_000
WARMUP = 5

# ------------------------------------------------------------------ synthetic board

TRACKS: dict[str, dict[str, Any]] = {
    "international-voice": {
        "titles": [
            "International Voice Process Associate", "Customer Service Representative (US process)",
            "Customer Care Executive - International Voice", "Inbound Sales Associate (UK process)",
            "Collections Agent - US Mortgage", "Telesales Executive - Australian Process",
        ],
        "shifts": [["night"], ["night", "rotational"], ["rotational"]],
        "wpm": None,
    },
    "domestic-voice": {
        "titles": [
            "Customer Care Executive (Hindi)", "Telecaller", "Domestic Voice Process Associate",
            "Inbound Customer Support - Telecom", "Telesales Executive", "Collections Executive",
        ],
        "shifts": [["day"], ["day", "rotational"], ["rotational"]],
        "wpm": None,
    },
    "chat-email": {
        "titles": [
            "Chat Support Associate", "Email Support Executive", "Non-Voice Process Associate",
            "Customer Support Associate - Chat", "Social Media Support Associate",
            "Customer Experience Associate (Chat and Email)",
        ],
        "shifts": [["night"], ["day"], ["rotational"], ["day", "night"]],
        "wpm": (25, 35),
    },
    "back-office": {
        "titles": [
            "Data Entry Operator", "Back Office Executive", "Claims Processing Associate",
            "KYC Analyst", "Accounts Payable Associate", "Content Moderator",
        ],
        "shifts": [["day"], ["day", "rotational"], ["night"]],
        "wpm": (30, 40),
    },
    "technical-support": {
        "titles": [
            "Technical Support Associate", "IT Helpdesk Analyst", "Desktop Support Engineer (L1)",
            "Technical Support - Broadband", "Service Desk Analyst", "Tech Support Advisor - Printers",
        ],
        "shifts": [["rotational"], ["night"], ["day", "night", "rotational"]],
        "wpm": None,
    },
    "kpo": {
        "titles": [
            "Research Analyst", "Medical Coding Analyst", "Data Analyst (KPO)",
            "Market Research Associate", "Financial Analyst - KPO", "Healthcare RCM Analyst",
        ],
        "shifts": [["day"], ["day", "night"]],
        "wpm": None,
    },
}  # fmt: skip
INDIA = [
    "Mumbai", "Pune", "Bengaluru", "Hyderabad", "Chennai", "Gurugram", "Noida", "Kolkata",
    "Ahmedabad", "Jaipur", "Kochi", "Coimbatore", "Chandigarh", "Indore", "Mohali", "Vadodara",
    "Nagpur", "Thane", "Mysuru", "Visakhapatnam",
]  # fmt: skip
PHILIPPINES = [
    "Manila", "Makati", "Quezon City", "Taguig", "Pasig", "Cebu City", "Davao City",
    "Iloilo City", "Bacolod", "Clark", "Baguio", "Cagayan de Oro", "Santa Rosa",
]  # fmt: skip
COMPANY_FIRST = [
    "Globex", "Initech", "Umbrella", "Northwind", "Contoso", "Sunrise", "Bayside", "Lotus",
    "Pinnacle", "Meridian", "Apex", "Harbor", "Summit", "Evergreen", "Bluepeak", "Crescent",
    "Vertex", "Silverline", "Orchid", "Monsoon", "Archipelago", "Tala", "Narra", "Banyan",
    "Everest", "Coral", "Horizon", "Keystone", "Maple", "Sterling",
]  # fmt: skip
COMPANY_SECOND = [
    "Services",
    "BPO",
    "Outsourcing",
    "CX Solutions",
    "Global Services",
    "Teleservices",
]
REQUIREMENTS = [
    "Any graduate or undergraduate with good communication skills",
    "Excellent spoken and written English",
    "12th pass or graduate; freshers welcome",
    "Basic computer knowledge and MS Office",
    "Willing to work night shifts",
    "Willing to work rotational shifts and weekends",
    "Good typing speed and accuracy",
    "Customer service experience of 6 months is a plus",
    "Fluent in Hindi and English",
    "Fluent in Tagalog and English",
    "Neutral accent and clear voice",
    "Knowledge of CRM or ticketing tools such as Zendesk or Freshdesk",
    "Comfortable with targets on AHT, CSAT and first contact resolution",
    "Strong problem-solving and active listening",
    "Working knowledge of Excel: VLOOKUP and pivot tables",
    "Attention to detail and ability to meet turnaround times",
    "Basic understanding of networking and Windows troubleshooting",
    "Immediate joiners preferred",
    "Bachelor's degree in commerce, science or arts",
    "Ready to relocate and work from the office",
    "Sales or collections experience is an added advantage",
    "Own laptop and stable broadband for remote work",
]  # fmt: skip
RESPONSIBILITIES = [
    "Handle inbound customer calls and resolve queries on the first call",
    "Respond to customer chats and e-mails within the service level",
    "Make outbound calls to existing customers for renewals and upselling",
    "Enter and verify customer data accurately in the system",
    "Troubleshoot internet, device and software issues for customers",
    "Document every interaction in the CRM",
    "Escalate unresolved issues to the team leader",
    "Meet daily targets for quality, AHT and CSAT",
    "Process claims and invoices according to the SOP",
    "Review user content against the platform's policies",
    "Prepare daily reports and dashboards for the operations team",
    "Research companies and markets and summarise findings",
    "Follow up on pending payments politely and record promises to pay",
    "Support customers of a US retail client on chat",
    "Verify identity documents for KYC checks",
    "Code medical records and charts for billing",
    "Take part in training and coaching sessions",
    "Keep customer data confidential and follow security rules",
]  # fmt: skip
NICE_TO_HAVE = [
    "Experience with Salesforce or ServiceNow", "Typing speed above 40 WPM",
    "Previous BPO experience", "Knowledge of a regional language",
    "Six Sigma Yellow Belt", "Experience in a telecom or banking process",
]  # fmt: skip
# Each in about 1 posting in 2,000: the rare-word queries.
RARE = [
    "Mandarin speakers get a language allowance",
    "COPC-certified site",
    "Experience with Genesys Cloud dialer",
    "TESDA NC II in contact center services",
    "Arabic language skills welcome",
]
RARE_SHARE = 1 / 2000
DESCRIPTIONS = [
    "Walk-in interviews Monday to Saturday, 10 am to 4 pm.",
    "Cab facility both ways for night shifts.",
    "Incentives paid every month on top of the salary.",
    "Five days a week with two rotational offs.",
    "Paid training of two weeks before going live.",
    "",
]  # fmt: skip
NIGHT = "Willing to work night shifts"
WORKPLACES = ["on-site"] * 7 + ["hybrid"] * 2 + ["remote"]

COLUMNS = (
    "title", "company", "city", "country", "workplace", "track", "shifts", "salary_min",
    "salary_max", "salary_currency", "salary_period", "must_have", "nice_to_have",
    "responsibilities", "description", "knockouts", "source", "source_url", "posted_on",
    "fingerprint", "terms", "search_text", "reading", "owner_id", "imported_by_id",
    "is_active", "created_at", "updated_at",
)  # fmt: skip


def postings(
    size: int, seed: int, owner_id: int, term_counts: list[int] | None = None
) -> Iterator[tuple[Any, ...]]:
    """`size` postings as rows in COLUMNS order, the same ones for the same seed.

    `search_text` and `fingerprint` come from the importer's own `PostingData`; `terms` are
    the vocabulary keys in the search text, as the importer finds them, worked out per line
    (cached, the lines coming from pools) instead of per posting, which would take minutes
    for a million postings; about 3% of postings then differ from the importer's by a term
    whose words run across two lines. `reading` is the match's reading of the posting, made
    by the importer's own `reading_data`, with one memo of lines and titles for the whole
    board as an import shares one for a file."""
    from launchpad.core.postings import PostingData
    from launchpad.core.resume.vocabulary import lemmas, tokens
    from launchpad.jobs.models import Posting
    from launchpad.jobs.reading import reading_data
    from launchpad.resumes.analysis import vocabulary

    found = vocabulary().find

    @functools.cache
    def line_terms(line: str) -> frozenset[str]:
        return frozenset(hit.key for hit in found(lemmas(tokens(line))))

    memo: dict[tuple[Any, ...], Any] = {}
    rng = random.Random(seed)
    tracks = list(TRACKS)
    companies = [f"{a} {b}" for a in COMPANY_FIRST for b in COMPANY_SECOND]
    for i in range(size):
        track = rng.choice(tracks)
        spec = TRACKS[track]
        india = rng.random() < 0.6
        shifts = rng.choice(spec["shifts"])
        if rng.random() < 0.85:
            if india:
                low = rng.randrange(180_000, 480_000, 10_000)
                salary = (low, low + rng.randrange(30_000, 160_000, 10_000), "INR", "year")
            else:
                low = rng.randrange(15_000, 32_000, 500)
                salary = (low, low + rng.randrange(2_000, 9_000, 500), "PHP", "month")
        else:
            salary = (None, None, "", "")
        must = rng.sample(REQUIREMENTS, rng.randint(3, 6))
        if "night" in shifts and rng.random() < 0.5 and NIGHT not in must:
            must.append(NIGHT)
        if rng.random() < RARE_SHARE * len(RARE):
            must.append(rng.choice(RARE))
        knockouts: dict[str, Any] = {}
        if spec["wpm"]:
            knockouts["min_wpm"] = rng.randint(*spec["wpm"])
        if "night" in shifts and rng.random() < 0.5:
            knockouts["shifts"] = ["night"]
        data = PostingData(
            title=rng.choice(spec["titles"]), company=rng.choice(companies),
            city=rng.choice(INDIA if india else PHILIPPINES), country="IN" if india else "PH",
            workplace=rng.choice(WORKPLACES), track=track, shifts=tuple(shifts),
            salary_min=salary[0], salary_max=salary[1], salary_currency=salary[2],
            salary_period=salary[3], must_have=tuple(must),
            nice_to_have=tuple(rng.sample(NICE_TO_HAVE, rng.randint(0, 2))),
            responsibilities=tuple(rng.sample(RESPONSIBILITIES, rng.randint(3, 6))),
            description=rng.choice(DESCRIPTIONS), knockouts=knockouts, source="bench",
            source_url=f"https://jobs.example.com/{seed}/{i}",
            posted_on=TODAY - datetime.timedelta(days=rng.randrange(180)),
        )  # fmt: skip
        search_text = data.search_text()
        terms = sorted(frozenset().union(*map(line_terms, search_text.split("\n"))))
        if term_counts is not None:
            term_counts.append(len(terms))
        owned = i % 2000 == 1999  # a few pasted by the benchmark user
        fields = data.to_fields()
        reading = reading_data(Posting(**fields), memo)
        yield (
            data.title, data.company, data.city, data.country, data.workplace, track,
            json.dumps(shifts), *salary, json.dumps(must), json.dumps(data.nice_to_have),
            json.dumps(data.responsibilities), data.description, json.dumps(knockouts),
            data.source, data.source_url, data.posted_on.isoformat(), data.fingerprint(),
            json.dumps(terms), search_text, json.dumps(reading), owner_id if owned else None, None,
            rng.random() > 0.03, STAMP, STAMP,
        )  # fmt: skip


RESUME: dict[str, Any] = {
    "basics": {
        "name": "Alice Fernandes", "label": "Customer support fresher",
        "location": {"city": "Pune", "countryCode": "IN"},
        "summary": "Commerce graduate with a chat-support internship: customer chats and "
        "e-mails on Zendesk, CSAT above 90%, typing at 40 WPM.",
    },
    "work": [
        {
            "name": "Acme Retail", "position": "Chat support intern",
            "startDate": "2026-01-05", "endDate": "2026-06-30",
            "highlights": [
                "Handled about 60 customer chats a day for an e-commerce client",
                "Kept CSAT above 92% over three months",
                "Escalated billing issues to the team leader and documented them in Zendesk",
            ],
        }
    ],
    "education": [
        {"institution": "Savitribai Phule Pune University", "studyType": "Bachelor of Commerce",
         "area": "Commerce", "endDate": "2025-06"}
    ],
    "skills": [
        {"name": "Customer service", "keywords": ["Chat support", "Email support", "Zendesk",
                                                   "Freshdesk", "Empathy"]},
        {"name": "Computer skills", "keywords": ["MS Excel", "Typing 40 WPM", "Google Sheets"]},
    ],
    "languages": [{"language": "English", "fluency": "Fluent"},
                  {"language": "Hindi", "fluency": "Native"},
                  {"language": "Marathi", "fluency": "Native"}],
}  # fmt: skip

# (label, list of Filters keyword arguments to cycle through)
KINDS: list[tuple[str, str, list[dict[str, Any]]]] = [
    ("a", "ranked, no filters", [{}]),
    ("b", "one common word", [{"q": w} for w in ("support", "customer", "english", "process")]),
    ("c", "two words", [{"q": w} for w in ("night chat", "voice sales", "email customer",
                                           "data entry")]),
    ("d", "track + city + shift", [
        {"track": "chat-email", "city": "Pune", "shift": "night"},
        {"track": "international-voice", "city": "manila", "shift": "night"},
        {"track": "back-office", "city": "Chennai", "shift": "day"},
        {"track": "technical-support", "city": "Cebu City", "shift": "rotational"},
    ]),
    ("e", "salary floor + last 30 days", [
        {"currency": "INR", "salary_at_least": 300_000, "posted_within_days": 30},
        {"currency": "PHP", "salary_at_least": 20_000, "posted_within_days": 30},
        {"currency": "INR", "salary_at_least": 450_000, "posted_within_days": 30},
        {"currency": "PHP", "salary_at_least": 28_000, "posted_within_days": 30},
    ]),
    ("f", "rare word", [{"q": w} for w in ("mandarin", "copc", "genesys", "tesda", "arabic")]),
]  # fmt: skip

# ------------------------------------------------------------------ the child: one database


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "launchpad.settings")
    import django

    django.setup()


def _migration_sql() -> tuple[Any, Any]:
    """The migrations that make the full-text table (SQLite) and the search indexes."""
    import importlib

    return (
        importlib.import_module("launchpad.jobs.migrations.0002_full_text_search"),
        importlib.import_module("launchpad.jobs.migrations.0004_search_indexes"),
    )


def load(size: int, seed: int, owner_id: int, term_counts: list[int]) -> dict[str, float]:
    """Fills jobs_posting; returns seconds spent generating, inserting, indexing, analysing."""
    from django.db import connection, transaction

    fts, indexes = _migration_sql()
    timings = {"generate": 0.0, "insert": 0.0, "index": 0.0, "analyze": 0.0}
    rows = postings(size, seed, owner_id, term_counts)

    def chunks() -> Iterator[list[tuple[Any, ...]]]:
        while True:
            started = time.perf_counter()
            chunk = [row for _, row in zip(range(CHUNK), rows, strict=False)]
            timings["generate"] += time.perf_counter() - started
            if not chunk:
                return
            yield chunk

    # Column names are the constants above; the values go as parameters.
    columns, placeholders = ", ".join(COLUMNS), ", ".join(["%s"] * len(COLUMNS))
    insert = f"INSERT INTO jobs_posting ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # The migration's FTS table and triggers are dropped for the load and made again
            # with the migration's own statements, whose last one rebuilds the index.
            for statement in fts.SQLITE_DOWN:
                cursor.execute(statement)
            # For the load only: a page cache big enough for the indexes, no syncs.
            cursor.execute("PRAGMA cache_size = -1048576")
            cursor.execute("PRAGMA synchronous = OFF")
            for chunk in chunks():
                started = time.perf_counter()
                with transaction.atomic():
                    cursor.executemany(insert, chunk)
                timings["insert"] += time.perf_counter() - started
            started = time.perf_counter()
            for statement in fts.SQLITE_UP:
                cursor.execute(statement)
            timings["index"] = time.perf_counter() - started
            started = time.perf_counter()
            cursor.execute("ANALYZE")
            timings["analyze"] = time.perf_counter() - started
            cursor.execute("PRAGMA synchronous = NORMAL")  # the app's settings again
            cursor.execute("PRAGMA cache_size = -2000")
        else:
            for statement in indexes.POSTGRES_INDEXES_DOWN:
                cursor.execute(statement)
            raw = cursor.cursor  # psycopg 3
            copy_sql = f"COPY jobs_posting ({columns}) FROM STDIN"
            for chunk in chunks():
                started = time.perf_counter()
                with transaction.atomic(), raw.copy(copy_sql) as copy:
                    for row in chunk:
                        copy.write_row(row)
                timings["insert"] += time.perf_counter() - started
            started = time.perf_counter()
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for statement in indexes.POSTGRES_INDEXES:
                cursor.execute(statement)
            cursor.execute("RESET maintenance_work_mem")
            timings["index"] = time.perf_counter() - started
            started = time.perf_counter()
            cursor.execute("VACUUM ANALYZE jobs_posting")
            timings["analyze"] = time.perf_counter() - started
    return timings


def make_user() -> Any:
    from launchpad.accounts.models import CandidateProfile, User

    user = User.objects.create_user(
        "alice@example.com", "bench-pass-2026", full_name="Alice Fernandes"
    )
    CandidateProfile.objects.create(
        user=user, country="IN", city="Pune", education_level="undergraduate",
        shift_availability=["day", "night"], work_types=["chat-email"],
    )  # fmt: skip
    return user


def child(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from launchpad.jobs import search

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    user = make_user()
    term_counts: list[int] = []
    load_s = load(args.size, args.seed, user.pk, term_counts)
    count = search.Posting.objects.count()
    print(
        f"  {connection.vendor} {args.size:,}: migrate {migrate_s:.1f} s, generate "
        f"{load_s['generate']:.1f} s, insert {load_s['insert']:.1f} s, index "
        f"{load_s['index']:.1f} s, analyze {load_s['analyze']:.1f} s ({count:,} rows)",
        flush=True,
    )
    version = iter(range(1, 10**9))
    # The time spent in the page's full matches, to tell it from the database's share.
    in_match = [0.0]
    posting_match = search.posting_match

    def timed_match(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return posting_match(*args, **kwargs)
        finally:
            in_match[0] += time.perf_counter() - started

    search.posting_match = timed_match  # type: ignore[assignment]

    def run(kind: int, i: int) -> tuple[float, Any]:
        filters = search.Filters(**KINDS[kind][2][i % len(KINDS[kind][2])])
        cache.clear()
        in_match[0] = 0.0
        started = time.perf_counter()
        page = search.search(user, filters, today=TODAY, page=1, resume=(next(version), RESUME))
        return (time.perf_counter() - started) * 1000, page

    if args.explain:
        explain(user, search)

    def measure(title: str) -> tuple[dict[str, list[float]], ...]:
        for kind in range(len(KINDS)):
            for i in range(WARMUP):
                run(kind, i)
        timings: dict[str, list[float]] = {code: [] for code, _, _ in KINDS}
        matching: dict[str, list[float]] = {code: [] for code, _, _ in KINDS}
        matched: dict[str, list[float]] = {code: [] for code, _, _ in KINDS}
        for i in range(args.runs):
            for kind, (code, _, _) in enumerate(KINDS):
                elapsed, page = run(kind, i)
                timings[code].append(elapsed)
                matching[code].append(in_match[0] * 1000)
                matched[code].append(page.total)
        print(f"    {title}:")
        for code, label, _ in KINDS:
            print(
                f"    {code} {label:28} median {statistics.median(timings[code]):7.1f} ms  "
                f"p95 {percentile(timings[code], 95):7.1f} ms  (full match: median "
                f"{statistics.median(matching[code]):6.1f} ms)  candidates "
                f"{min(matched[code]):.0f}-{max(matched[code]):.0f}",
                flush=True,
            )
        everything = [t for times in timings.values() for t in times]
        print(
            f"    all kinds: median {statistics.median(everything):.1f} ms, p95 "
            f"{percentile(everything, 95):.1f} ms",
            flush=True,
        )
        return timings, matching, matched

    timings, matching, matched = measure("search.py as it is")
    if args.profile:
        profile(args.profile, run, args.runs)
    version_text = (
        sqlite3.sqlite_version
        if connection.vendor == "sqlite"
        else str(connection.cursor().connection.info.server_version)
    )
    result = {
        "backend": connection.vendor,
        "size": args.size,
        "rows": count,
        "version": version_text,
        "migrate_s": migrate_s,
        "load": load_s,
        "terms": [min(term_counts), statistics.median(term_counts), max(term_counts)],
        "cap": search.CANDIDATES,
        "timings": timings,
        "matching": matching,
        "matched": matched,
    }
    Path(args.out).write_text(json.dumps(result))
    return 0


def explain(user: Any, search: Any) -> None:
    from django.db import connection

    for code, label, variants in KINDS:
        qs = (
            search.filtered(user, search.Filters(**variants[0]), today=TODAY)
            .order_by("-posted_on", "-id")
            .values_list("id", "terms")[: search.CANDIDATES + 1]
        )
        sql, params = qs.query.sql_with_params()
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            plan = "\n      ".join(" | ".join(str(c) for c in row) for row in cursor.fetchall())
        print(f"    plan {code} ({label}, {variants[0]}):\n      {plan}", flush=True)


def profile(code: str, run: Any, runs: int) -> None:
    import cProfile
    import pstats

    kind = next(i for i, (c, _, _) in enumerate(KINDS) if c == code)
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(runs):
        run(kind, i)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)


# ------------------------------------------------------------------ the parent


def _pg_connect(dbname: str) -> Any:
    import psycopg

    return psycopg.connect(f"{POSTGRES_URL}/{dbname}", connect_timeout=3, autocommit=True)


def postgres_version() -> tuple[str, str] | None:
    """The server's version and the settings that matter here when PostgreSQL answers at
    POSTGRES_URL, else None."""
    import psycopg

    try:
        with _pg_connect("postgres") as conn:
            shown = {
                name: str((conn.execute(f"SHOW {name}").fetchone() or ["?"])[0])
                for name in ("server_version", "shared_buffers", "work_mem", "jit")
            }
    except psycopg.Error:
        return None
    settings = ", ".join(f"{name} {shown[name]}" for name in ("shared_buffers", "work_mem", "jit"))
    return shown["server_version"].split()[0], settings


def run_one(backend: str, size: int, args: argparse.Namespace) -> dict[str, Any]:
    tmp = tempfile.mkdtemp(prefix="launchpad-bench-jobs-")
    env = {
        **os.environ,
        "LAUNCHPAD_VAR_DIR": tmp,
        "SECRET_KEY": "bench-" + "k" * 50,
        "DEBUG": "false",
        "LOG_LEVEL": "ERROR",
        "TASKS_IMMEDIATE": "true",
        "DJANGO_SETTINGS_MODULE": "launchpad.settings",
    }
    env.pop("REDIS_URL", None)  # the default local-memory cache, cleared before each query
    env.pop("DATABASE_URL", None)
    if backend == "postgresql":
        with _pg_connect("postgres") as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_DATABASE}")
        env["DATABASE_URL"] = f"{POSTGRES_URL}/{PG_DATABASE}"
    else:
        env["SQLITE_PATH"] = os.path.join(tmp, "jobs.sqlite3")
    out = os.path.join(tmp, "result.json")
    command = [
        sys.executable, __file__, "--child", "--size", str(size), "--runs", str(args.runs),
        "--seed", str(args.seed), "--out", out,
    ]  # fmt: skip
    if args.explain:
        command.append("--explain")
    if args.profile:
        command += ["--profile", args.profile]
    try:
        subprocess.run(command, env=env, cwd=ROOT, check=True)
        result: dict[str, Any] = json.loads(Path(out).read_text())
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if backend == "postgresql":
            with _pg_connect("postgres") as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def summary(result: dict[str, Any]) -> dict[str, Any]:
    everything = [t for times in result["timings"].values() for t in times]
    load = result["load"]
    return {
        "p95": {code: percentile(times, 95) for code, times in result["timings"].items()},
        "median": {code: statistics.median(times) for code, times in result["timings"].items()},
        "all_median": statistics.median(everything),
        "match_median": statistics.median(
            [t for times in result["matching"].values() for t in times]
        ),
        "all_p95": percentile(everything, 95),
        "load_s": load["insert"] + load["index"] + load["analyze"],
        "generate_s": load["generate"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--max", type=int, default=None, help="leave out sizes above this")
    parser.add_argument("--runs", type=int, default=60, help="timed runs per kind of query")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", help="write a Markdown report section to this file")
    parser.add_argument("--explain", action="store_true", help="print each kind's query plan")
    parser.add_argument("--profile", help="cProfile one kind of query (a-f) after timing")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    if args.max is not None:
        sizes = [s for s in sizes if s <= args.max]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    notes: list[str] = []
    versions = {"sqlite": sqlite3.sqlite_version}
    if "postgresql" in backends:
        pg = postgres_version()
        if pg is None:
            notes.append(f"PostgreSQL was not reachable at {POSTGRES_URL}: skipped.")
            print(notes[-1])
            backends.remove("postgresql")
        else:
            versions["postgresql"], versions["postgresql settings"] = pg
    results: dict[str, list[dict[str, Any]]] = {}
    started = time.perf_counter()
    for backend in backends:
        for size in sizes:
            print(f"{backend}, {size:,} postings", flush=True)
            load_before = os.getloadavg()[0]
            result = run_one(backend, size, args)
            result.update(summary(result), load_before=load_before)
            results.setdefault(backend, []).append(result)
            print(
                f"  all kinds: median {result['all_median']:.1f} ms, p95 {result['all_p95']:.1f}"
                f" ms (full match: median {result['match_median']:.1f} ms); load "
                f"{result['load_s']:.1f} s; load average before {load_before:.2f}",
                flush=True,
            )
    print(f"done in {time.perf_counter() - started:.0f} s")
    if args.write:
        write_report(Path(args.write), args, versions, results, notes)
    return 0


def _table(rows: list[dict[str, Any]]) -> str:
    codes = [code for code, _, _ in KINDS]
    lines = [
        "| postings | load s | " + " | ".join(f"{c} p95" for c in codes)
        + " | all median | all p95 | full match, median | goal (p95 < 200 ms at 100,000) "
        "| load average before |",
        "|---:|---:|" + "---:|" * len(codes) + "---:|---:|---:|---|---:|",
    ]  # fmt: skip
    for r in rows:
        goal = (
            ("met" if r["all_p95"] < GOAL_MS else "**NOT met**") if r["size"] == GOAL_SIZE else "-"
        )
        cells = " | ".join(f"{r['p95'][c]:.1f}" for c in codes)
        lines.append(
            f"| {r['size']:,} | {r['load_s']:.1f} | {cells} | {r['all_median']:.1f} | "
            f"{r['all_p95']:.1f} | {r['match_median']:.1f} | {goal} | {r['load_before']:.2f} |"
        )
    return "\n".join(lines)


def describe(filters: dict[str, Any]) -> str:
    """One input of a kind of query, as a person would say it."""
    parts = []
    if "q" in filters:
        parts.append(f'"{filters["q"]}"')
    parts += [filters[k] for k in ("track", "city", "shift") if k in filters]
    if "salary_at_least" in filters:
        period = "a year" if filters["currency"] == "INR" else "a month"
        parts.append(f"at least {filters['currency']} {filters['salary_at_least']:,} {period}")
    if "posted_within_days" in filters:
        parts.append(f"posted in the last {filters['posted_within_days']} days")
    return ", ".join(parts) or "no filters"


def write_report(
    path: Path, args: argparse.Namespace, versions: dict[str, str],
    results: dict[str, list[dict[str, Any]]], notes: list[str],
) -> None:  # fmt: skip
    """Replaces the jobs-benchmark section of the report, keeping any other sections."""
    cpu = platform.processor() or platform.machine()
    codes = [code for code, _, _ in KINDS]
    kinds = "\n".join(
        f"- **{code}** {label}: " + "; ".join(describe(variant) for variant in variants)
        for code, label, variants in KINDS
    )
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    tables = "\n\n".join(
        f"### {names[backend]} {versions[backend]}\n\n{_table(rows)}"
        for backend, rows in results.items()
    )
    # The same board on each backend, so the same candidates (checked, else shown per backend).
    counts: dict[tuple[str, int], list[float]] = {
        (backend, r["size"]): [statistics.median(r["matched"][c]) for c in codes]
        for backend, rows in results.items()
        for r in rows
    }
    by_size: dict[int, set[tuple[float, ...]]] = {}
    for (_, size), values in counts.items():
        by_size.setdefault(size, set()).add(tuple(values))
    same = all(len(found) == 1 for found in by_size.values())
    postgres = (
        f"; PostgreSQL {versions['postgresql']} on the same machine, as installed "
        f"({versions['postgresql settings']})"
        if "postgresql" in results
        else ""
    )
    candidates = [
        f"| {'' if same else names[backend] + ' '}{size:,} | "
        + " | ".join(f"{n:.0f}" for n in values) + " |"
        for (backend, size), values in counts.items()
        if not same or backend == next(iter(results))
    ]  # fmt: skip
    largest = max((r for rows in results.values() for r in rows), key=lambda r: r["size"])
    terms, cap = largest["terms"], largest["cap"]
    note_text = "".join(f"\n\n{note}" for note in notes)
    section = f"""<!-- jobs-benchmark:start -->
## Job search benchmark (`bench/jobs.py`)

Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}).
Python {platform.python_version()}; SQLite {versions["sqlite"]}{postgres}.
The machine is shared with other work: the load average before each size is in its row.

How: for each backend and size, a fresh database (a temporary SQLite file, or a scratch
PostgreSQL database dropped afterwards) is migrated and filled with synthetic postings made
with `random.Random({args.seed})`: six tracks, 36 BPO titles, 180 companies, 33 cities in India
(60%) and the Philippines, shifts, salaries for 85% (INR a year or PHP a month), 3-7
requirements, 0-2 nice-to-haves and 3-6 responsibilities from phrase pools (five rare phrases,
each in 1 posting in 2,000), a short description, posted over the last 180 days, 3% inactive,
1 in 2,000 pasted by the benchmark user. `search_text` and `fingerprint` come from the
importer's `PostingData`; `terms` are the vocabulary keys in the search text, found line by
line ({terms[0]}-{terms[2]} a posting, {terms[1]:g} median); `reading`, the match's reading of
the posting that the importer stores (`launchpad/jobs/reading.py`), comes from the importer's
own `reading_data`.

Load seconds: the insert (executemany in transactions of {CHUNK:,} rows on SQLite, COPY on
PostgreSQL, which also fills the generated `search_vector` column), the indexes (the FTS5
table and triggers, or the GIN and city indexes, dropped for the load and made again by the
migrations' own statements) and ANALYZE (VACUUM ANALYZE on
PostgreSQL, as autovacuum would soon do); making the rows in Python is not counted.

Queries: `search.search` for a signed-in candidate, ranked by a chat-support fresher's resume,
page 1, timed with `time.perf_counter` for six kinds of query, each cycling through the
inputs below: {WARMUP} warm-up queries per kind, then {args.runs} timed runs per kind, the kinds
interleaved. The Django cache (local memory) is cleared and the resume version id is new
before every query, so the page's 20 full matches are always computed: these are uncached
figures (each posting's stored reading is decoded, the resume read once per query). "Full
match" is the part of a query spent in those matches (`posting_match`), median over all
queries; the rest is the database, the quick ranking by terms, the resume and the profile's
evidence. The goal: p95 under {GOAL_MS:g} ms over all kinds at {GOAL_SIZE:,} postings, on
each backend.

{kinds}

{tables}

Candidates that passed the filters, median per kind (the ranking takes at most
{cap}){", the same on both backends" if same and len(results) > 1 else ""}:

| postings | {" | ".join(codes)} |
|---:|{"---:|" * len(codes)}
{chr(10).join(candidates)}{note_text}
<!-- jobs-benchmark:end -->"""
    text = path.read_text() if path.exists() else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    start, end = "<!-- jobs-benchmark:start -->", "<!-- jobs-benchmark:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
