"""The Readiness Index: how ready a candidate is for each BPO track, with the evidence.

Each track's index (0–100) combines components (typing speed, English, judgment, ...). A
component's score puts the candidate's best recent result on a scale fixed by that track's
threshold: 0 at the floor, `MEETS_SCORE` at the threshold (the usual hiring bar), 100 at the
target, linear in between. The index is the weighted mean of the components that have a
value; a missing component is never counted as zero or as full marks. Instead the index
carries a range (missing counted as 0 for the low end, 100 for the high end) and a
confidence: the share of the weight that was measured, a self-rating counting half.

Every point is explained: `ComponentResult.points` sum to the index, and each component
names the attempt it came from. The weights and thresholds are content (`IndexSpec`), parsed
and validated here so the loader and the CLI share one set of rules.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

READINESS_RULES_VERSION = "readiness-rules-1"

# The score a result exactly at the track's threshold earns: above it the candidate "meets
# the bar"; the last fifth of the scale rewards reaching the stronger target.
MEETS_SCORE = 80.0
# Results older than this no longer speak for the candidate's current level.
RECENT_DAYS = 180
# A self-rating counts this much toward confidence, and never scores above the bar.
SELF_RATED_CONFIDENCE = 0.5
SELF_RATED_SCORES: Mapping[str, float] = {
    "basic": 20.0,
    "conversational": 50.0,
    "fluent": 70.0,
    "native": 80.0,
}
# measure -> (test the value comes from, key of the value in that test's result)
MEASURES: Mapping[str, tuple[str, str]] = {
    "typing.wpm": ("typing", "wpm"),
    "typing.accuracy": ("typing", "accuracy"),
    "data_entry.kph": ("data-entry", "kph"),
    "data_entry.accuracy": ("data-entry", "accuracy"),
    "english.percent": ("english", "percent"),
    "judgment.percent": ("judgment", "percent"),
    "computer.percent": ("computer", "percent"),
    "reply.chat": ("reply-chat", "score"),
    "reply.email": ("reply-email", "score"),
    "qa.voice": ("qa-voice", "score"),
    "qa.chat": ("qa-chat", "score"),
    "language.other": ("self", "other-language"),
}
SELF_RATINGS = frozenset({"english-level", "other-language-level"})
SELF_ONLY_MEASURES = frozenset({"language.other"})
GRADES = frozenset({"A", "B", "C"})


class ReadinessSpecError(ValueError):
    """The index content is inconsistent; the message lists every problem found."""


class Status(enum.StrEnum):
    MEASURED = "measured"
    SELF_RATED = "self_rated"
    MISSING = "missing"


class Confidence(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


@dataclass(frozen=True)
class Source:
    label: str
    url: str
    grade: str


@dataclass(frozen=True)
class ComponentSpec:
    key: str
    label: str
    measure: str
    weight: float
    floor: float
    threshold: float
    target: float
    self_rated: str | None = None
    why: str = ""
    next_step: str = ""
    note: str = ""
    sources: tuple[Source, ...] = ()

    @property
    def test(self) -> str:
        return MEASURES[self.measure][0]

    def score(self, value: float) -> float:
        """`value` on this component's 0–100 scale (monotonic, bounded)."""
        if math.isnan(value) or value <= self.floor:
            return 0.0
        if value >= self.target:
            return 100.0
        # The share of the way is taken first so the threshold scores MEETS_SCORE exactly.
        if value <= self.threshold:
            return MEETS_SCORE * ((value - self.floor) / (self.threshold - self.floor))
        span = self.target - self.threshold
        return MEETS_SCORE + (100.0 - MEETS_SCORE) * ((value - self.threshold) / span)


@dataclass(frozen=True)
class TrackSpec:
    track: str
    summary: str
    components: tuple[ComponentSpec, ...]

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.components)


@dataclass(frozen=True)
class IndexSpec:
    version: str
    tracks: tuple[TrackSpec, ...]

    def track(self, slug: str) -> TrackSpec | None:
        return next((t for t in self.tracks if t.track == slug), None)


@dataclass(frozen=True)
class Attempt:
    """One scored result: `test` is a MEASURES test name, `values` its figures by key."""

    test: str
    ref: str
    taken_at: datetime.datetime
    values: Mapping[str, float]


@dataclass(frozen=True)
class SelfRatings:
    """Levels from the profile (basic, conversational, fluent, native) or None."""

    english: str | None = None
    other_language: str | None = None

    def level(self, rating: str) -> str | None:
        return self.english if rating == "english-level" else self.other_language


@dataclass(frozen=True)
class ComponentResult:
    spec: ComponentSpec
    status: Status
    value: float | None = None
    score: float | None = None
    points: float = 0.0
    attempt: Attempt | None = None
    level: str | None = None

    @property
    def meets(self) -> bool | None:
        return None if self.score is None else self.score >= MEETS_SCORE

    @property
    def gain(self) -> float:
        """Index points the weight could still add: to the bar, or all of it when missing."""
        reach = MEETS_SCORE - (self.score or 0.0)
        return self.spec.weight * max(reach, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.spec.key,
            "label": self.spec.label,
            "measure": self.spec.measure,
            "status": str(self.status),
            "value": _round(self.value),
            "level": self.level,
            "score": _round(self.score),
            "points": round(self.points, 2),
            "weight": self.spec.weight,
            "floor": self.spec.floor,
            "threshold": self.spec.threshold,
            "target": self.spec.target,
            "meets": self.meets,
            "evidence": None if self.attempt is None else self.attempt.ref,
            "taken_at": None if self.attempt is None else self.attempt.taken_at.isoformat(),
            "sources": [s.__dict__ for s in self.spec.sources],
        }


@dataclass(frozen=True)
class TrackIndex:
    track: str
    index: float | None
    low: float
    high: float
    confidence: float
    components: tuple[ComponentResult, ...]
    version: str
    rules_version: str = READINESS_RULES_VERSION

    @property
    def confidence_label(self) -> Confidence:
        if self.confidence >= 0.8:
            return Confidence.HIGH
        if self.confidence >= 0.5:
            return Confidence.MEDIUM
        if self.confidence > 0:
            return Confidence.LOW
        return Confidence.NONE

    @property
    def strengths(self) -> tuple[ComponentResult, ...]:
        return tuple(c for c in self.components if c.meets)

    @property
    def gaps(self) -> tuple[ComponentResult, ...]:
        """Components below the bar or missing, the biggest possible gain first."""
        below = [c for c in self.components if not c.meets]
        return tuple(sorted(below, key=lambda c: (-c.gain, c.spec.key)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "index": _round(self.index),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
            "confidence": round(self.confidence, 2),
            "confidence_label": str(self.confidence_label),
            "version": self.version,
            "rules_version": self.rules_version,
            "components": [c.to_dict() for c in self.components],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _best_attempts(
    track: TrackSpec, attempts: Iterable[Attempt], *, since: datetime.datetime
) -> dict[str, Attempt]:
    """Per test, the recent attempt worth the most weighted points on this track.

    Choosing by weighted points (not by any one figure) keeps the index monotonic: adding a
    result can only replace the chosen one when it is worth more. Ties go to the latest.
    """
    by_test: dict[str, list[ComponentSpec]] = {}
    for component in track.components:
        by_test.setdefault(component.test, []).append(component)
    best: dict[str, tuple[float, datetime.datetime, Attempt]] = {}
    for attempt in attempts:
        specs = by_test.get(attempt.test)
        if not specs or attempt.taken_at < since:
            continue
        worth = sum(
            c.weight * c.score(attempt.values[MEASURES[c.measure][1]])
            for c in specs
            if MEASURES[c.measure][1] in attempt.values
        )
        held = best.get(attempt.test)
        if held is None or (worth, attempt.taken_at) > (held[0], held[1]):
            best[attempt.test] = (worth, attempt.taken_at, attempt)
    return {test: entry[2] for test, entry in best.items()}


def _component(
    spec: ComponentSpec, attempt: Attempt | None, ratings: SelfRatings
) -> ComponentResult:
    key = MEASURES[spec.measure][1]
    if attempt is not None and key in attempt.values:
        value = float(attempt.values[key])
        return ComponentResult(spec, Status.MEASURED, value, spec.score(value), attempt=attempt)
    level = ratings.level(spec.self_rated) if spec.self_rated else None
    if level is not None and level in SELF_RATED_SCORES:
        value = SELF_RATED_SCORES[level]
        score = min(spec.score(value), MEETS_SCORE)
        return ComponentResult(spec, Status.SELF_RATED, value, score, level=level)
    return ComponentResult(spec, Status.MISSING)


def track_index(
    track: TrackSpec,
    attempts: Iterable[Attempt],
    ratings: SelfRatings,
    *,
    as_of: datetime.datetime,
    version: str = "",
) -> TrackIndex:
    """The index of one track from every result the candidate has (old ones are ignored)."""
    chosen = _best_attempts(track, attempts, since=as_of - datetime.timedelta(days=RECENT_DAYS))
    results = [_component(c, chosen.get(c.test), ratings) for c in track.components]
    total = track.total_weight
    present = [r for r in results if r.score is not None]
    present_weight = sum(r.spec.weight for r in present)
    earned = sum(r.spec.weight * (r.score or 0.0) for r in present)
    missing_weight = total - present_weight
    confidence = (
        sum(
            r.spec.weight * (1.0 if r.status is Status.MEASURED else SELF_RATED_CONFIDENCE)
            for r in present
        )
        / total
    )
    explained = tuple(
        ComponentResult(
            r.spec,
            r.status,
            r.value,
            r.score,
            points=(r.spec.weight * r.score / present_weight) if r.score is not None else 0.0,
            attempt=r.attempt,
            level=r.level,
        )
        for r in results
    )
    # Clamped so float rounding never breaks 0 <= low <= index <= high <= 100.
    index = min(earned / present_weight, 100.0) if present_weight else None
    return TrackIndex(
        track=track.track,
        index=index,
        low=min(earned / total, index or 0.0),
        high=min(max(earned / total + 100.0 * (missing_weight / total), index or 0.0), 100.0),
        confidence=confidence,
        components=explained,
        version=version,
    )


def readiness(
    spec: IndexSpec,
    attempts: Sequence[Attempt],
    ratings: SelfRatings,
    *,
    as_of: datetime.datetime,
) -> tuple[TrackIndex, ...]:
    """Every track's index, best fit first.

    Tracks are ranked by the low end of their range (what the evidence already proves, with
    anything unmeasured counted as 0), then by the index, then by slug: a track scored on
    half its evidence does not outrank one scored on all of it.
    """
    indexes = [
        track_index(t, attempts, ratings, as_of=as_of, version=spec.version) for t in spec.tracks
    ]
    return tuple(
        sorted(
            indexes,
            key=lambda i: (-i.low, -(i.index if i.index is not None else -1.0), i.track),
        )
    )


# ---- Parsing the content ---------------------------------------------------------------


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def number_field(raw: object, where: str, name: str, problems: Problems) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        problems.add(where, f"{name} must be a number")
        return 0.0
    return float(raw)


def text_field(raw: object, where: str, name: str, problems: Problems, *, required: bool) -> str:
    if raw is None and not required:
        return ""
    if not isinstance(raw, str) or (required and not raw.strip()):
        problems.add(where, f"{name} must be {'a non-empty' if required else 'a'} text")
        return ""
    return raw.strip()


def parse_sources(raw: object, where: str, problems: Problems) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(where, "needs at least one source")
        return ()
    sources = []
    for number, item in enumerate(raw, 1):
        here = f"{where} source {number}"
        if not isinstance(item, Mapping):
            problems.add(here, "must be a mapping with label, url and grade")
            continue
        label = text_field(item.get("label"), here, "label", problems, required=True)
        url = text_field(item.get("url"), here, "url", problems, required=True)
        if url and not url.startswith(("https://", "http://")):
            problems.add(here, "url must start with http:// or https://")
        grade = str(item.get("grade", ""))
        if grade not in GRADES:
            problems.add(here, "grade must be A, B or C")
        sources.append(Source(label, url, grade))
    return tuple(sources)


def _parse_component(raw: object, where: str, problems: Problems) -> ComponentSpec | None:
    if not isinstance(raw, Mapping):
        problems.add(where, "must be a mapping")
        return None
    key = text_field(raw.get("key"), where, "key", problems, required=True)
    where = f"{where} ({key})" if key else where
    measure = str(raw.get("measure", ""))
    if measure not in MEASURES:
        problems.add(where, f"unknown measure {measure!r}; use one of {', '.join(MEASURES)}")
    self_rated = raw.get("self_rated")
    if self_rated is not None and (
        not isinstance(self_rated, str) or self_rated not in SELF_RATINGS
    ):
        problems.add(where, f"self_rated must be empty or one of {', '.join(sorted(SELF_RATINGS))}")
        self_rated = None
    if measure in SELF_ONLY_MEASURES and self_rated is None:
        problems.add(where, f"{measure} can only be self-rated; set self_rated")
    weight = number_field(raw.get("weight"), where, "weight", problems)
    if weight <= 0:
        problems.add(where, "weight must be above 0")
    floor = number_field(raw.get("floor"), where, "floor", problems)
    threshold = number_field(raw.get("threshold"), where, "threshold", problems)
    target = number_field(raw.get("target"), where, "target", problems)
    if not floor < threshold < target:
        problems.add(where, "needs floor < threshold < target")
    return ComponentSpec(
        key=key,
        label=text_field(raw.get("label"), where, "label", problems, required=True),
        measure=measure,
        weight=weight,
        floor=floor,
        threshold=threshold,
        target=target,
        self_rated=self_rated if isinstance(self_rated, str) else None,
        why=text_field(raw.get("why"), where, "why", problems, required=True),
        next_step=text_field(raw.get("next_step"), where, "next_step", problems, required=True),
        note=text_field(raw.get("note"), where, "note", problems, required=False),
        sources=parse_sources(raw.get("sources"), where, problems),
    )


def parse_index_spec(raw: object, *, known_tracks: Iterable[str] | None = None) -> IndexSpec:
    """The index content as an `IndexSpec`; raises ReadinessSpecError listing every problem.

    `known_tracks`, when given, are the only track slugs allowed.
    """
    problems = Problems()
    if not isinstance(raw, Mapping):
        raise ReadinessSpecError("the index content must be a mapping with version and tracks")
    version = text_field(raw.get("version"), "index", "version", problems, required=True)
    allowed = set(known_tracks) if known_tracks is not None else None
    tracks: list[TrackSpec] = []
    raw_tracks = raw.get("tracks")
    if not isinstance(raw_tracks, list) or not raw_tracks:
        problems.add("index", "tracks must be a non-empty list")
        raw_tracks = []
    seen_tracks: set[str] = set()
    for number, item in enumerate(raw_tracks, 1):
        where = f"track {number}"
        if not isinstance(item, Mapping):
            problems.add(where, "must be a mapping")
            continue
        slug = text_field(item.get("track"), where, "track", problems, required=True)
        where = f"track {slug}" if slug else where
        if slug in seen_tracks:
            problems.add(where, "appears twice")
        seen_tracks.add(slug)
        if allowed is not None and slug and slug not in allowed:
            problems.add(where, "is not a known track")
        raw_components = item.get("components")
        if not isinstance(raw_components, list) or not raw_components:
            problems.add(where, "components must be a non-empty list")
            raw_components = []
        components = []
        for index, raw_component in enumerate(raw_components, 1):
            component = _parse_component(raw_component, f"{where} component {index}", problems)
            if component is not None:
                components.append(component)
        keys = [c.key for c in components]
        for key in sorted({k for k in keys if keys.count(k) > 1}):
            problems.add(where, f"component key {key!r} appears twice")
        tracks.append(
            TrackSpec(
                track=slug,
                summary=text_field(item.get("summary"), where, "summary", problems, required=False),
                components=tuple(components),
            )
        )
    if problems.items:
        raise ReadinessSpecError("; ".join(problems.items))
    return IndexSpec(version=version, tracks=tuple(tracks))
