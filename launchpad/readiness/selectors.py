"""Reads for readiness: the current index content, a candidate's evidence, their report.

Everything that shows a Readiness Index (the report, its PDF, the dashboard, the API and
`launchpad readiness`) builds it here, so they always agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from launchpad.accounts.models import CandidateProfile, LanguageSkill, User
from launchpad.careers.models import Track
from launchpad.core.knockouts import (
    Answers,
    Document,
    KnockoutResult,
    KnockoutRules,
    Outcome,
    check_knockouts,
    parse_knockouts,
    summary,
)
from launchpad.core.readiness import (
    Attempt,
    IndexSpec,
    SelfRatings,
    TrackIndex,
    parse_index_spec,
    readiness,
    track_index,
)
from launchpad.readiness.models import DocumentKind, IndexVersion, KnockoutAnswers, ReadinessCheck
from launchpad.readiness.models import Knockout as KnockoutRow
from launchpad.simulator.models import SimulationRun
from launchpad.skills.models import DataEntryAttempt, QuizAttempt, ReplyAttempt, TypingAttempt

# Quiz tests by the name the index uses for them.
QUIZ_TESTS = {"english": "english", "sjt": "judgment", "computer": "computer"}
# Timed typing tests shorter than this say too little about a candidate's speed.
MIN_TYPING_SECONDS = 60
ENGLISH_NAMES = frozenset({"english"})
LEVEL_ORDER = ("basic", "conversational", "fluent", "native")

_spec_cache: dict[int, IndexSpec] = {}


def current_version() -> IndexVersion | None:
    return IndexVersion.objects.order_by("-id").first()


def index_spec(version: IndexVersion) -> IndexSpec:
    """The parsed spec of `version` (versions never change, so the parse is cached)."""
    spec = _spec_cache.get(version.pk)
    if spec is None:
        spec = parse_index_spec(version.spec)
        _spec_cache[version.pk] = spec
    return spec


def knockout_rules() -> KnockoutRules:
    documents = [
        {"key": d.key, "label": d.label, "country": d.country, "why": d.why}
        for d in DocumentKind.objects.all()
    ]
    knockouts = [
        {
            "key": k.key, "label": k.label, "tracks": k.tracks, "countries": k.countries,
            "rule": k.rule, "params": k.params, "how_common": k.how_common, "why": k.why,
            "fix": k.fix, "sources": k.sources,
        }
        for k in KnockoutRow.objects.all()
    ]  # fmt: skip
    if not knockouts:
        return KnockoutRules(documents=(), knockouts=())
    return parse_knockouts({"documents": documents, "knockouts": knockouts})


def evidence(user: User, *, until: datetime.datetime | None = None) -> list[Attempt]:
    """Every scored result of `user` that the index can use (submitted up to `until`)."""
    window: dict[str, Any] = {"status": "scored", "submitted_at__isnull": False}
    if until is not None:
        window["submitted_at__lte"] = until
    attempts: list[Attempt] = []

    def add(test: str, ref: str, at: datetime.datetime | None, **values: float | None) -> None:
        if at is not None and all(v is not None for v in values.values()):
            attempts.append(Attempt(test, ref, at, {k: float(v or 0) for k, v in values.items()}))

    typing = TypingAttempt.objects.filter(user=user, is_drill=False, **window).exclude(
        mode=TypingAttempt.Mode.TIMED, duration_s__lt=MIN_TYPING_SECONDS
    )
    for t in typing.only("id", "submitted_at", "wpm", "accuracy"):
        add("typing", f"typing:{t.pk}", t.submitted_at, wpm=t.wpm, accuracy=t.accuracy)
    for d in DataEntryAttempt.objects.filter(user=user, **window).only(
        "id", "submitted_at", "kph", "field_accuracy"
    ):
        add(
            "data-entry", f"data-entry:{d.pk}", d.submitted_at, kph=d.kph, accuracy=d.field_accuracy
        )
    for q in QuizAttempt.objects.filter(user=user, focus_skill="", **window).only(
        "id", "submitted_at", "test", "percent"
    ):
        add(QUIZ_TESTS[q.test], f"quiz:{q.pk}", q.submitted_at, percent=q.percent)
    for r in ReplyAttempt.objects.filter(user=user, **window).only(
        "id", "submitted_at", "shown", "total"
    ):
        channel = r.shown.get("channel", "")
        if channel in ("chat", "email"):
            add(f"reply-{channel}", f"reply:{r.pk}", r.submitted_at, score=r.total)
    # Mock calls and chats from the simulator, scored on the QA form (an e-mail scenario
    # counts with the chats: both are written).
    runs = SimulationRun.objects.filter(
        user=user, finished_at__isnull=False, total__isnull=False,
        **({"finished_at__lte": until} if until is not None else {}),
    ).values_list("id", "finished_at", "total", "scenario__channel")  # fmt: skip
    for run_id, finished_at, total, channel in runs:
        test = "qa-voice" if channel == "voice" else "qa-chat"
        add(test, f"simulation:{run_id}", finished_at, score=total)
    return attempts


def self_ratings(user: User) -> SelfRatings:
    """The profile's self-rated English level and the best level among other languages."""
    english: str | None = None
    other: str | None = None
    for language, level in LanguageSkill.objects.filter(profile__user=user).values_list(
        "language", "level"
    ):
        if language.strip().casefold() in ENGLISH_NAMES:
            english = level
        elif other is None or LEVEL_ORDER.index(level) > LEVEL_ORDER.index(other):
            other = level
    return SelfRatings(english=english, other_language=other)


def answers(user: User) -> Answers:
    """The candidate's knockout answers: the profile's, plus the readiness questions."""
    profile = CandidateProfile.objects.filter(user=user).first()
    extra = KnockoutAnswers.objects.filter(user=user).first()
    shifts = (
        frozenset(profile.shift_availability) if profile and profile.shift_availability else None
    )
    return Answers(
        country=(profile.country or None) if profile else None,
        shifts=shifts,
        education=(profile.education_level or None) if profile else None,
        documents=dict(extra.documents) if extra else None,
        notice_days=extra.notice_days if extra else None,
        on_site=extra.on_site if extra else None,
        adult=extra.adult if extra else None,
    )


@dataclass(frozen=True)
class TrackReport:
    track: Track
    index: TrackIndex
    knockouts: tuple[KnockoutResult, ...]

    @property
    def knockout_failures(self) -> tuple[KnockoutResult, ...]:
        return tuple(k for k in self.knockouts if k.outcome is Outcome.FAIL)

    @property
    def knockout_unknowns(self) -> tuple[KnockoutResult, ...]:
        return tuple(k for k in self.knockouts if k.outcome is Outcome.UNKNOWN)

    @property
    def knockout_counts(self) -> dict[str, int]:
        return summary(self.knockouts)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.index.to_dict(),
            "track_name": self.track.name,
            "knockouts": [k.to_dict() for k in self.knockouts],
        }


@dataclass(frozen=True)
class Report:
    version: IndexVersion | None
    tracks: tuple[TrackReport, ...]
    documents: tuple[Document, ...]
    measured_any: bool
    as_of: datetime.datetime
    spec: IndexSpec | None = None
    evidence: tuple[Attempt, ...] = ()
    ratings: SelfRatings = field(default_factory=SelfRatings)

    @property
    def best_fit(self) -> tuple[TrackReport, ...]:
        """Tracks with an index and no failed knockout, best first (at most three)."""
        fits = [t for t in self.tracks if t.index.index is not None and not t.knockout_failures]
        return tuple(fits[:3])

    def track(self, slug: str) -> TrackReport | None:
        return next((t for t in self.tracks if t.track.slug == slug), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "index_version": None if self.version is None else self.version.pk,
            "index_label": None if self.version is None else self.version.label,
            "tracks": [t.to_dict() for t in self.tracks],
        }


def report(user: User, *, now: datetime.datetime | None = None) -> Report:
    """The candidate's Readiness Index for every track, best fit first, with knockouts."""
    now = now or timezone.now()
    version = current_version()
    rules = knockout_rules()
    if version is None:
        return Report(None, (), rules.documents, False, now)
    spec = index_spec(version)
    found = evidence(user)
    ratings = self_ratings(user)
    indexes = readiness(spec, found, ratings, as_of=now)
    tracks = {t.slug: t for t in Track.objects.filter(slug__in=[i.track for i in indexes])}
    given = answers(user)
    rows = tuple(
        TrackReport(tracks[i.track], i, check_knockouts(rules, i.track, given))
        for i in indexes
        if i.track in tracks
    )
    return Report(version, rows, rules.documents, bool(found), now, spec, tuple(found), ratings)


@dataclass(frozen=True)
class HistoryPoint:
    day: datetime.date
    values: dict[str, float | None]  # track slug -> index


def history(
    report: Report, *, tz: datetime.tzinfo, days: int = 30
) -> tuple[list[str], list[HistoryPoint]]:
    """Each track's index at the end of every day with results, over the last `days` days.

    Computed from the report's results with the current weights, so the line compares like
    with like. Returns the track slugs (in content order) and the points.
    """
    if report.spec is None:
        return [], []
    found = sorted(report.evidence, key=lambda a: a.taken_at)
    since = (report.as_of - datetime.timedelta(days=days)).astimezone(tz).date()
    points = []
    for day in sorted({a.taken_at.astimezone(tz).date() for a in found}):
        if day < since:
            continue
        end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tz)
        upto = [a for a in found if a.taken_at < end]
        values = {
            t.track: track_index(t, upto, report.ratings, as_of=end).index
            for t in report.spec.tracks
        }
        points.append(HistoryPoint(day, values))
    return [t.track for t in report.spec.tracks], points


def practice_days(user: User, *, tz: datetime.tzinfo) -> list[datetime.date]:
    """The local dates on which the candidate finished any skills test, drill or simulation."""
    scored = {"user": user, "status": "scored", "submitted_at__isnull": False}
    # Attempt models are ordered by default; a compound query allows no ORDER BY inside.
    parts: list[QuerySet[Any, datetime.datetime | None]] = [
        model.objects.filter(**scored).order_by().values_list("submitted_at", flat=True)
        for model in (TypingAttempt, DataEntryAttempt, QuizAttempt, ReplyAttempt)
    ]
    parts.append(
        SimulationRun.objects.filter(user=user, finished_at__isnull=False)
        .order_by()
        .values_list("finished_at", flat=True)
    )
    stamps = parts[0].union(*parts[1:], all=True)
    return sorted({s.astimezone(tz).date() for s in stamps if s is not None})


def latest_results(user: User, *, limit: int = 5) -> list[dict[str, Any]]:
    """The candidate's most recent scored results, newest first, as display rows."""
    rows: list[dict[str, Any]] = []
    sources: list[tuple[str, Any]] = [
        ("typing", TypingAttempt), ("data-entry", DataEntryAttempt), ("quiz", QuizAttempt),
        ("reply", ReplyAttempt),
    ]  # fmt: skip
    for kind, model in sources:
        recent = model.objects.filter(user=user, status="scored").order_by("-submitted_at")
        rows.extend({"kind": kind, "attempt": a, "at": a.submitted_at} for a in recent[:limit])
    rows.sort(key=lambda r: r["at"], reverse=True)
    return rows[:limit]


def active_check(user: User) -> ReadinessCheck | None:
    """The candidate's readiness check still in progress, if any."""
    return ReadinessCheck.objects.filter(user=user, completed_at__isnull=True).first()


def documents_for(rules: KnockoutRules, country: str | None) -> Sequence[Document]:
    """The documents to ask about: the candidate's country's, or all when not known."""
    if country in ("IN", "PH"):
        return [d for d in rules.documents if d.country == country]
    if country:
        return []
    return list(rules.documents)
