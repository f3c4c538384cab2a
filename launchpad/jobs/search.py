"""Searching postings: filters and full-text search in the database, then ranking by the
resume studio's match.

Full text runs on either database (see migration 0002) with the same meaning: every word
must appear, as a prefix, stemmed (SQLite's FTS5 table with the Porter stemmer; PostgreSQL's
English `to_tsquery` against a GIN index). The ranking is two-stage so it stays fast on a
large board:

1. The database returns up to CANDIDATES postings that pass the filters, newest first, with
   the vocabulary terms stored on each posting.
2. With a resume chosen, those are ordered by how many of each posting's terms the resume
   shows (the same vocabulary the match uses), then every posting on the page shown is
   scored with the full match (`launchpad.core.resume.match`), its knockouts checked against
   the profile, and the page ordered by that score. Without a resume: newest first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Q, QuerySet

from launchpad.accounts.models import User
from launchpad.core.resume.match import MatchResult, ResumeReading, match, read_resume
from launchpad.core.resume.vocabulary import lemmas, tokens
from launchpad.jobs.models import Posting
from launchpad.jobs.reading import posting_reading, store_readings
from launchpad.resumes import analysis

CANDIDATES = 500
PAGE_SIZE = 20
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    track: str = ""
    city: str = ""
    shift: str = ""
    currency: str = ""  # INR or PHP: the salary filter's unit
    salary_at_least: int | None = None  # INR per year or PHP per month
    posted_within_days: int | None = None

    def is_empty(self) -> bool:
        return not any(
            (self.q, self.track, self.city, self.shift, self.salary_at_least,
             self.posted_within_days)
        )  # fmt: skip


@dataclass
class Hit:
    posting: Posting
    quick_score: float | None = None
    result: MatchResult | None = None

    @property
    def score(self) -> int | None:
        return self.result.score if self.result is not None else None

    @property
    def failed_knockouts(self) -> list[Any]:
        if self.result is None:
            return []
        return [k for k in self.result.knockouts if str(k.outcome) == "fail"]


@dataclass
class Page:
    hits: list[Hit]
    total: int  # postings that pass the filters, up to CANDIDATES
    capped: bool  # more than CANDIDATES passed: only the newest were ranked
    number: int
    pages: int
    ranked_by_resume: bool
    notes: list[str] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())[:12]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: each word quoted (so no syntax gets through) and
    matched as a prefix; all must appear."""
    return " ".join(f'"{w}"*' for w in _words(text))


def tsquery(text: str) -> str:
    """The same query for PostgreSQL's `to_tsquery`: every word as a prefix, all required
    (the words hold only letters, digits and underscores, so no operator gets through;
    English stopwords are dropped by PostgreSQL)."""
    return " & ".join(f"{w}:*" for w in _words(text))


def visible_postings(user: User) -> QuerySet[Posting]:
    """Active postings the user may see: every public one and the ones they pasted."""
    return Posting.objects.filter(Q(owner__isnull=True) | Q(owner=user), is_active=True)


def filtered(user: User, filters: Filters, *, today: datetime.date) -> QuerySet[Posting]:
    qs = visible_postings(user)
    if filters.track:
        qs = qs.filter(track=filters.track)
    if filters.city:
        qs = qs.filter(city__iexact=filters.city.strip())
    if filters.shift:
        # JSON lists are text on SQLite and jsonb on PostgreSQL; matching the quoted value
        # works on both (a shift is one of a few fixed words).
        qs = qs.filter(shifts__icontains=f'"{filters.shift}"')
    if filters.salary_at_least is not None and filters.currency:
        qs = qs.filter(salary_currency=filters.currency).filter(
            Q(salary_max__gte=filters.salary_at_least)
            | Q(salary_max__isnull=True, salary_min__gte=filters.salary_at_least)
        )
    if filters.posted_within_days is not None:
        since = today - datetime.timedelta(days=filters.posted_within_days)
        qs = qs.filter(posted_on__gte=since)
    if filters.q.strip():
        qs = _text_filter(qs, filters.q)
    return qs


# SQLite: below this many postings matching the words, the filter is driven by the list of
# matches; from it up, SQLite walks the posted-date index instead (see _text_filter).
SQLITE_DENSE = 2_000
_SQLITE_MATCHES = (
    "jobs_posting.id IN (SELECT rowid FROM jobs_posting_fts WHERE jobs_posting_fts MATCH %s)"
)


def _text_filter(qs: QuerySet[Posting], text: str) -> QuerySet[Posting]:
    """Only postings holding every word (as a prefix, stemmed).

    PostgreSQL matches the stored `search_vector` column (migration 0004). SQLite matches
    its FTS5 table; `id IN (matches)` makes it fetch every match by id and sort them all by
    date, which for a common word is most of the board. So the matches are first counted up
    to SQLITE_DENSE (the count stops there), and when there are that many the filter is
    written `+id IN (...)`: the unary plus leaves the list as a membership test, and SQLite
    walks the date index newest first and stops after the CANDIDATES it needs.
    """
    if connection.vendor == "postgresql":
        pg_query = tsquery(text)
        if not pg_query:
            return qs
        return qs.extra(
            where=["jobs_posting.search_vector @@ to_tsquery('english', %s)"], params=[pg_query]
        )
    query = fts_query(text)
    if not query:
        return qs
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM jobs_posting_fts "
            "WHERE jobs_posting_fts MATCH %s LIMIT %s)",
            [query, SQLITE_DENSE],
        )
        dense = cursor.fetchone()[0] >= SQLITE_DENSE
    where = ("+" if dense else "") + _SQLITE_MATCHES
    return qs.extra(where=[where], params=[query])  # noqa: S610 (constant SQL, words as a parameter)


def resume_terms(data: Mapping[str, Any]) -> frozenset[str]:
    """The vocabulary terms anywhere in a JSON Resume, for the quick ranking."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    stems = lemmas(tokens(" \n ".join(texts)))
    return frozenset(hit.key for hit in analysis.vocabulary().find(stems))


def quick_score(posting_terms: Sequence[str], held: frozenset[str]) -> float:
    """The share of a posting's vocabulary terms the resume shows (0-1; 0 with no terms)."""
    if not posting_terms:
        return 0.0
    return sum(1 for t in posting_terms if t in held) / len(posting_terms)


def posting_match(
    posting: Posting, resume_version_id: int, data: Mapping[str, Any],
    evidence: Mapping[str, Any], *, resume_reading: ResumeReading | None = None,
    fresh: list[tuple[Posting, dict[str, Any]]] | None = None,
) -> MatchResult:  # fmt: skip
    """The full match of a resume version against a posting, cached until either changes.

    The posting's side comes from its stored reading (`launchpad.jobs.reading`); the
    resume's may be passed read already (`resume_reading`, from the same `data`). A reading
    made now because the stored one did not fit is appended to `fresh`, when given, for the
    caller to store.
    """
    stamp = int(posting.updated_at.timestamp()) if posting.updated_at else 0
    evidence_key = hash(repr(sorted(evidence.items())))
    key = f"jobs:match:{resume_version_id}:{posting.pk}:{stamp}:{evidence_key}"
    found = cache.get(key)
    if isinstance(found, MatchResult):
        return found
    reading, new_data = posting_reading(posting)
    if new_data is not None and fresh is not None:
        fresh.append((posting, new_data))
    result = match(data, reading, analysis.vocabulary(), evidence, resume_reading=resume_reading)
    cache.set(key, result, 3600)
    return result


def search(
    user: User, filters: Filters, *, today: datetime.date, page: int = 1,
    resume: tuple[int, Mapping[str, Any]] | None = None,
) -> Page:  # fmt: skip
    """One page of postings for `filters`; `resume` is (version id, JSON Resume data)."""
    rows = list(
        filtered(user, filters, today=today)
        .order_by("-posted_on", "-id")
        .values_list("id", "terms")[: CANDIDATES + 1]
    )
    capped = len(rows) > CANDIDATES
    rows = rows[:CANDIDATES]
    notes: list[str] = []
    scores: dict[int, float] = {}
    if resume is not None:
        held = resume_terms(resume[1])
        scores = {pk: quick_score(terms or [], held) for pk, terms in rows}
        order = sorted(range(len(rows)), key=lambda i: (-scores[rows[i][0]], i))
        ids = [rows[i][0] for i in order]
    else:
        ids = [pk for pk, _ in rows]
    pages = max(1, -(-len(ids) // PAGE_SIZE))
    number = min(max(page, 1), pages)
    shown = ids[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    postings = Posting.objects.in_bulk(shown)
    hits = [Hit(postings[pk], scores.get(pk)) for pk in shown if pk in postings]
    if resume is not None:
        evidence = analysis.profile_evidence(user)
        read = read_resume(resume[1], analysis.vocabulary())
        fresh: list[tuple[Posting, dict[str, Any]]] = []
        for hit in hits:
            hit.result = posting_match(
                hit.posting, resume[0], resume[1], evidence, resume_reading=read, fresh=fresh
            )
        store_readings(fresh)
        hits.sort(key=lambda h: -(h.score or 0))
    if capped:
        notes.append(
            f"Only the newest {CANDIDATES} matching postings are ranked: narrow the search."
        )
    return Page(
        hits=hits, total=len(ids), capped=capped, number=number, pages=pages,
        ranked_by_resume=resume is not None, notes=notes,
    )  # fmt: skip
