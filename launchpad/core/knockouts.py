"""The knockout checklist: what ends an application before any test is taken.

Each knockout is a rule (shifts, education, documents, notice period, on-site work, age)
applied to what the candidate has told us. An unanswered question is `unknown`, never a pass
or a fail. The rules are content; `parse_knockouts` validates them for the loader.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from launchpad.core.readiness import (
    Problems,
    ReadinessSpecError,
    Source,
    parse_sources,
    text_field,
)

EDUCATION_ORDER = (
    "secondary",
    "higher_secondary",
    "diploma",
    "ug_studying",
    "undergraduate",
    "postgraduate",
)
SHIFTS = frozenset({"day", "night", "rotational"})
COUNTRIES = frozenset({"IN", "PH"})
RULES = frozenset(
    {"shifts", "education_min", "education_max", "documents", "notice_max_days", "on_site",
     "age_min"}
)  # fmt: skip
HOW_COMMON = frozenset({"most", "some"})


class Outcome(enum.StrEnum):
    PASS = "pass"  # noqa: S105 (an outcome, not a password)
    FAIL = "fail"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Document:
    key: str
    label: str
    country: str
    why: str


@dataclass(frozen=True)
class Knockout:
    key: str
    label: str
    tracks: tuple[str, ...]
    countries: tuple[str, ...]
    rule: str
    params: Mapping[str, Any]
    how_common: str
    why: str
    fix: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class KnockoutRules:
    documents: tuple[Document, ...]
    knockouts: tuple[Knockout, ...]

    def for_track(self, track: str) -> tuple[Knockout, ...]:
        return tuple(k for k in self.knockouts if track in k.tracks)


@dataclass(frozen=True)
class Answers:
    """What the candidate told us; None (or a document not in `documents`) is unanswered.

    `documents` maps a document key to whether the candidate has it.
    """

    country: str | None = None
    shifts: frozenset[str] | None = None
    education: str | None = None
    documents: Mapping[str, bool] | None = None
    notice_days: int | None = None
    on_site: bool | None = None
    adult: bool | None = None


@dataclass(frozen=True)
class KnockoutResult:
    knockout: Knockout
    outcome: Outcome
    # For a documents rule: the documents not yet held, and those not yet answered.
    missing: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.knockout.key,
            "label": self.knockout.label,
            "outcome": str(self.outcome),
            "how_common": self.knockout.how_common,
            "missing": list(self.missing),
            "unanswered": list(self.unanswered),
        }


def _flag(value: bool | None) -> Outcome:
    if value is None:
        return Outcome.UNKNOWN
    return Outcome.PASS if value else Outcome.FAIL


def _evaluate(knockout: Knockout, answers: Answers) -> KnockoutResult:
    params = knockout.params
    rule = knockout.rule
    if rule == "shifts":
        if answers.shifts is None:
            return KnockoutResult(knockout, Outcome.UNKNOWN)
        return KnockoutResult(knockout, _flag(bool(answers.shifts & set(params["any_of"]))))
    if rule in ("education_min", "education_max"):
        if answers.education not in EDUCATION_ORDER:
            return KnockoutResult(knockout, Outcome.UNKNOWN)
        have = EDUCATION_ORDER.index(answers.education)
        bar = EDUCATION_ORDER.index(params["level"])
        return KnockoutResult(
            knockout, _flag(have >= bar if rule == "education_min" else have <= bar)
        )
    if rule == "documents":
        held = answers.documents or {}
        needed = tuple(params["all_of"])
        missing = tuple(d for d in needed if held.get(d) is False)
        unanswered = tuple(d for d in needed if held.get(d) is None)
        outcome = Outcome.FAIL if missing else Outcome.UNKNOWN if unanswered else Outcome.PASS
        return KnockoutResult(knockout, outcome, missing, unanswered)
    if rule == "notice_max_days":
        if answers.notice_days is None:
            return KnockoutResult(knockout, Outcome.UNKNOWN)
        return KnockoutResult(knockout, _flag(answers.notice_days <= int(params["days"])))
    if rule == "on_site":
        return KnockoutResult(knockout, _flag(answers.on_site))
    # age_min: the candidate says whether they have reached the age
    return KnockoutResult(knockout, _flag(answers.adult))


def check_knockouts(
    rules: KnockoutRules, track: str, answers: Answers
) -> tuple[KnockoutResult, ...]:
    """Every knockout of `track` that applies to the candidate's country, evaluated.

    Country-specific knockouts apply to that country; when the country is not known yet,
    those of every country are shown (each as the candidate's answers leave it).
    """
    results = []
    for knockout in rules.for_track(track):
        if knockout.countries and answers.country and answers.country not in knockout.countries:
            continue
        results.append(_evaluate(knockout, answers))
    return tuple(results)


def summary(results: Iterable[KnockoutResult]) -> dict[str, int]:
    """How many knockouts passed, failed and are still unknown."""
    counts = dict.fromkeys((str(o) for o in Outcome), 0)
    for result in results:
        counts[str(result.outcome)] += 1
    return counts


def _texts(items: list[Any]) -> set[str | None]:
    """The texts of a content list, with None standing for any item that is not a text."""
    return {item if isinstance(item, str) else None for item in items}


def _check_params(rule: str, params: Mapping[str, Any], documents: set[str], where: str,
                  problems: Problems) -> None:  # fmt: skip
    if rule == "shifts":
        wanted = params.get("any_of")
        if not isinstance(wanted, list) or not wanted or not _texts(wanted) <= SHIFTS:
            problems.add(where, f"shifts needs any_of, a list from {', '.join(sorted(SHIFTS))}")
    elif rule in ("education_min", "education_max"):
        if params.get("level") not in EDUCATION_ORDER:
            problems.add(where, f"{rule} needs level, one of {', '.join(EDUCATION_ORDER)}")
    elif rule == "documents":
        wanted = params.get("all_of")
        if not isinstance(wanted, list) or not wanted:
            problems.add(where, "documents needs all_of, a list of document keys")
        else:
            for key in wanted:
                if not isinstance(key, str) or key not in documents:
                    problems.add(where, f"document {key!r} is not in the documents list")
    elif rule in ("notice_max_days", "age_min"):
        name = "days" if rule == "notice_max_days" else "years"
        value = params.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.add(where, f"{rule} needs {name}, a whole number of 0 or more")


def parse_knockouts(raw: object, *, known_tracks: Iterable[str] | None = None) -> KnockoutRules:
    """The knockout content as `KnockoutRules`; raises ReadinessSpecError listing problems."""
    problems = Problems()
    if not isinstance(raw, Mapping):
        raise ReadinessSpecError("the knockout content must be a mapping")
    allowed = set(known_tracks) if known_tracks is not None else None
    documents = []
    raw_documents = raw.get("documents") or []
    if not isinstance(raw_documents, list):
        problems.add("documents", "must be a list")
        raw_documents = []
    for number, item in enumerate(raw_documents, 1):
        where = f"document {number}"
        if not isinstance(item, Mapping):
            problems.add(where, "must be a mapping")
            continue
        country = str(item.get("country", ""))
        if country not in COUNTRIES:
            problems.add(where, "country must be IN or PH")
        documents.append(
            Document(
                key=text_field(item.get("key"), where, "key", problems, required=True),
                label=text_field(item.get("label"), where, "label", problems, required=True),
                country=country,
                why=text_field(item.get("why"), where, "why", problems, required=False),
            )
        )
    document_keys = {d.key for d in documents}
    if len(document_keys) != len(documents):
        problems.add("documents", "a document key appears twice")
    knockouts = []
    raw_knockouts = raw.get("knockouts")
    if not isinstance(raw_knockouts, list) or not raw_knockouts:
        problems.add("knockouts", "must be a non-empty list")
        raw_knockouts = []
    for number, item in enumerate(raw_knockouts, 1):
        where = f"knockout {number}"
        if not isinstance(item, Mapping):
            problems.add(where, "must be a mapping")
            continue
        key = text_field(item.get("key"), where, "key", problems, required=True)
        where = f"knockout {key}" if key else where
        tracks = item.get("tracks")
        if not isinstance(tracks, list) or not tracks or None in _texts(tracks):
            problems.add(where, "tracks must be a non-empty list of track slugs")
            tracks = []
        for track in tracks:
            if allowed is not None and track not in allowed:
                problems.add(where, f"{track!r} is not a known track")
        countries = item.get("countries") or []
        if not isinstance(countries, list) or not _texts(countries) <= COUNTRIES:
            problems.add(where, "countries must be a list of IN and PH")
            countries = []
        rule = str(item.get("rule", ""))
        params = item.get("params") or {}
        if rule not in RULES:
            problems.add(where, f"unknown rule {rule!r}; use one of {', '.join(sorted(RULES))}")
        elif not isinstance(params, Mapping):
            problems.add(where, "params must be a mapping")
            params = {}
        else:
            _check_params(rule, params, document_keys, where, problems)
        how_common = str(item.get("how_common", ""))
        if how_common not in HOW_COMMON:
            problems.add(where, "how_common must be most or some")
        knockouts.append(
            Knockout(
                key=key,
                label=text_field(item.get("label"), where, "label", problems, required=True),
                tracks=tuple(str(t) for t in tracks),
                countries=tuple(str(c) for c in countries),
                rule=rule,
                params=dict(params),
                how_common=how_common,
                why=text_field(item.get("why"), where, "why", problems, required=True),
                fix=text_field(item.get("fix"), where, "fix", problems, required=True),
                sources=parse_sources(item.get("sources"), where, problems),
            )
        )
    keys = [k.key for k in knockouts]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.add("knockouts", f"key {key!r} appears twice")
    if problems.items:
        raise ReadinessSpecError("; ".join(problems.items))
    return KnockoutRules(documents=tuple(documents), knockouts=tuple(knockouts))
