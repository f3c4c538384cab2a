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
from launchpad.core.resume.match import MatchResult, match, parse_job
from launchpad.core.resume.vocabulary import lemmas, tokens
from launchpad.jobs.models import Posting
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


def _text_filter(qs: QuerySet[Posting], text: str) -> QuerySet[Posting]:
    if connection.vendor == "postgresql":
        pg_query = tsquery(text)
        if not pg_query:
            return qs
        return qs.extra(
            where=["to_tsvector('english', jobs_posting.search_text) @@ to_tsquery('english', %s)"],
            params=[pg_query],
        )
    query = fts_query(text)
    if not query:
        return qs
    return qs.extra(
        where=[
            "jobs_posting.id IN (SELECT rowid FROM jobs_posting_fts "
            "WHERE jobs_posting_fts MATCH %s)"
        ],
        params=[query],
    )


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


def posting_job_text(posting: Posting) -> str:
    """The posting written out as a job advert, in the form the match reads."""
    lines = [posting.title]
    if posting.company:
        lines.append(f"Company: {posting.company}")
    if posting.city:
        lines.append(f"Location: {posting.city} ({posting.get_workplace_display() or 'on-site'})")
    if posting.shifts:
        lines.append("Willing to work " + " or ".join(posting.shifts) + " shifts")
    knockouts = posting.knockouts or {}
    requirements = list(posting.must_have)
    if knockouts.get("min_wpm"):
        requirements.append(f"Typing speed of {knockouts['min_wpm']} WPM")
    if requirements:
        lines.append("Requirements:")
        lines += [f"- {item}" for item in requirements]
    if posting.nice_to_have:
        lines.append("Preferred:")
        lines += [f"- {item}" for item in posting.nice_to_have]
    if posting.responsibilities:
        lines.append("Responsibilities:")
        lines += [f"- {item}" for item in posting.responsibilities]
    if posting.description:
        lines.append(posting.description)
    return "\n".join(lines)


def posting_match(
    posting: Posting, resume_version_id: int, data: Mapping[str, Any],
    evidence: Mapping[str, Any],
) -> MatchResult:  # fmt: skip
    """The full match of a resume version against a posting, cached until either changes."""
    stamp = int(posting.updated_at.timestamp()) if posting.updated_at else 0
    evidence_key = hash(repr(sorted(evidence.items())))
    key = f"jobs:match:{resume_version_id}:{posting.pk}:{stamp}:{evidence_key}"
    found = cache.get(key)
    if isinstance(found, MatchResult):
        return found
    result = match(data, parse_job(posting_job_text(posting)), analysis.vocabulary(), evidence)
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
        for hit in hits:
            hit.result = posting_match(hit.posting, resume[0], resume[1], evidence)
        hits.sort(key=lambda h: -(h.score or 0))
    if capped:
        notes.append(
            f"Only the newest {CANDIDATES} matching postings are ranked: narrow the search."
        )
    return Page(
        hits=hits, total=len(ids), capped=capped, number=number, pages=pages,
        ranked_by_resume=resume is not None, notes=notes,
    )  # fmt: skip
