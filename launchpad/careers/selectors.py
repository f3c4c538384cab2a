"""Reads of the career knowledge base: lists, detail getters, the ladder and search.

Career content is public, so the getters take no user; an unknown or malformed slug is
reported as missing (Http404), never as a server error.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from launchpad.careers.models import (
    Book,
    Certification,
    Company,
    ContentState,
    Faq,
    Guide,
    Industry,
    LadderStep,
    Role,
    RoleOnetLink,
    RoleSkill,
    SalaryRange,
    Skill,
    Track,
)
from launchpad.core.ladder import Ladder, RoleNode, Step

M = TypeVar("M", bound=models.Model)

SLUG_MAX_LENGTH = 80
_SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")

# Guides the Explorer links to by name (the hub and the two shortcut URLs).
GUIDE_BPO_VS_KPO = "bpo-vs-kpo"
GUIDE_SHIFTS = "shifts-and-well-being"
GUIDE_HIRING = "hiring-process"
GUIDE_KPIS = "kpis-explained"

# Countries companies hire in, as written in companies.yaml, keyed by the filter value.
COUNTRIES: dict[str, Promise] = {"IN": _("India"), "PH": _("Philippines")}
_COUNTRY_NAMES = {"IN": "India", "PH": "Philippines"}


def is_valid_slug(slug: object) -> bool:
    """True for a string that could be a content slug (letters, digits, dashes, ≤ 80 long)."""
    return (
        isinstance(slug, str)
        and 0 < len(slug) <= SLUG_MAX_LENGTH
        and _SLUG_RE.fullmatch(slug) is not None
    )


def _get_by_slug(queryset: models.QuerySet[M], slug: str) -> M:
    if not is_valid_slug(slug):
        raise Http404("No such page.")
    try:
        return queryset.get(slug=slug)
    except ObjectDoesNotExist as exc:
        raise Http404("No such page.") from exc


# --- Tracks -------------------------------------------------------------------------------


def track_list() -> models.QuerySet[Track]:
    """The six work types in their display order."""
    return Track.objects.order_by("order", "name")


def track_detail(slug: str) -> Track:
    """The track with this slug, with its roles (and their tracks) and companies prefetched."""
    queryset = Track.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.order_by("rank", "title")),
        Prefetch("companies", queryset=Company.objects.order_by("name")),
    )
    return _get_by_slug(queryset, slug)


# --- Roles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleFilters:
    """Role filters; None means "any". Values are already validated."""

    track: str | None = None
    voice: bool | None = None
    technical: bool | None = None
    level: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.track, self.voice, self.technical, self.level))


def role_list(filters: RoleFilters | None = None) -> models.QuerySet[Role]:
    """Roles by rank and title, narrowed by `filters`, with their tracks prefetched."""
    queryset = Role.objects.prefetch_related(
        Prefetch("tracks", queryset=Track.objects.order_by("order", "name"))
    ).order_by("rank", "title")
    if filters is None:
        return queryset
    if filters.track is not None:
        queryset = queryset.filter(tracks__slug=filters.track)
    if filters.voice is not None:
        queryset = queryset.filter(voice=filters.voice)
    if filters.technical is not None:
        queryset = queryset.filter(technical=filters.technical)
    if filters.level is not None:
        queryset = queryset.filter(level=filters.level)
    return queryset.distinct()


def _role_detail_queryset() -> models.QuerySet[Role]:
    step_prefetches = (
        Prefetch("skills", queryset=Skill.objects.order_by("name")),
        Prefetch("certifications", queryset=Certification.objects.order_by("name")),
    )
    steps_out = LadderStep.objects.select_related("to_role").prefetch_related(*step_prefetches)
    steps_in = LadderStep.objects.select_related("from_role").prefetch_related(*step_prefetches)
    return Role.objects.prefetch_related(
        Prefetch("tracks", queryset=Track.objects.order_by("order", "name")),
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.select_related("skill").order_by("order", "skill__name"),
        ),
        Prefetch("certifications", queryset=Certification.objects.order_by("name")),
        Prefetch("salaries", queryset=SalaryRange.objects.order_by("country", "order")),
        Prefetch(
            "onet_links",
            queryset=RoleOnetLink.objects.select_related("occupation").order_by("order"),
        ),
        Prefetch("industries", queryset=Industry.objects.order_by("name")),
        Prefetch("steps_out", queryset=steps_out.order_by("to_role__rank", "to_role__title")),
        Prefetch("steps_in", queryset=steps_in.order_by("from_role__rank", "from_role__title")),
    )


def role_detail(slug: str) -> Role:
    """The role with everything its page shows prefetched; Http404 for an unknown slug."""
    return _get_by_slug(_role_detail_queryset(), slug)


def role_head(slug: str) -> Role:
    """Just the slug, title and summary of a role (one small query); Http404 if unknown."""
    return _get_by_slug(Role.objects.only("slug", "title", "summary"), slug)


def role_choices() -> list[tuple[str, str]]:
    """(slug, title) of every role by rank and title, for path pickers."""
    return list(Role.objects.order_by("rank", "title").values_list("slug", "title"))


# --- The ladder ---------------------------------------------------------------------------


@dataclass
class _LadderCache:
    version: int | None = None
    ladder: Ladder | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_ladder_cache = _LadderCache()


def content_cache_seconds() -> int:
    """How long rendered content fragments and the ladder stay cached (0: not at all).

    Off in tests: test databases roll back, so the same content version number can stand for
    different rows in different tests.
    """
    default = 0 if getattr(settings, "TESTING", False) else 24 * 60 * 60
    return int(getattr(settings, "CONTENT_CACHE_SECONDS", default))


def content_version() -> int:
    """The current career-content version (see ContentState); 0 before any content."""
    return ContentState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def clear_ladder_cache() -> None:
    """Forgets the cached ladder (the next call rebuilds it)."""
    with _ladder_cache.lock:
        _ladder_cache.version = None
        _ladder_cache.ladder = None


def ladder_from_db() -> Ladder:
    """The career ladder as core dataclasses, cached per process under the content version.

    A content load or an admin edit bumps the version, so every process rebuilds the ladder
    on its next request.
    """
    if content_cache_seconds() <= 0:
        return _build_ladder()
    version = content_version()
    with _ladder_cache.lock:
        if _ladder_cache.ladder is not None and _ladder_cache.version == version:
            return _ladder_cache.ladder
    ladder = _build_ladder()
    with _ladder_cache.lock:
        _ladder_cache.version = version
        _ladder_cache.ladder = ladder
    return ladder


def _group(pairs: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _build_ladder() -> Ladder:
    role_tracks = _group(
        Role.tracks.through.objects.order_by("track__order", "track__slug").values_list(
            "role_id", "track__slug"
        )
    )
    role_skills = _group(
        RoleSkill.objects.order_by("order", "skill__slug").values_list("role_id", "skill__slug")
    )
    role_certs = _group(
        Role.certifications.through.objects.order_by("certification__slug").values_list(
            "role_id", "certification__slug"
        )
    )
    step_skills = _group(
        LadderStep.skills.through.objects.order_by("skill__slug").values_list(
            "ladderstep_id", "skill__slug"
        )
    )
    step_certs = _group(
        LadderStep.certifications.through.objects.order_by("certification__slug").values_list(
            "ladderstep_id", "certification__slug"
        )
    )
    roles = tuple(
        RoleNode(
            slug=slug,
            title=title,
            rank=rank,
            is_entry=level == Role.Level.ENTRY,
            tracks=tuple(role_tracks.get(pk, ())),
            skills=tuple(role_skills.get(pk, ())),
            certifications=tuple(role_certs.get(pk, ())),
        )
        for pk, slug, title, rank, level in Role.objects.order_by("rank", "title").values_list(
            "id", "slug", "title", "rank", "level"
        )
    )
    steps = tuple(
        Step(
            from_slug=from_slug,
            to_slug=to_slug,
            years_min=None if years_min is None else float(years_min),
            years_max=None if years_max is None else float(years_max),
            asks=tuple(str(ask) for ask in (asks or ())),
            skills=tuple(step_skills.get(pk, ())),
            certifications=tuple(step_certs.get(pk, ())),
        )
        for pk, from_slug, to_slug, years_min, years_max, asks in LadderStep.objects.order_by(
            "from_role__rank", "from_role__title", "to_role__title"
        ).values_list("id", "from_role__slug", "to_role__slug", "years_min", "years_max", "asks")
    )
    return Ladder(roles=roles, steps=steps)


# --- Skills and certifications ------------------------------------------------------------


def skill_list() -> models.QuerySet[Skill]:
    return Skill.objects.order_by("category", "name")


def skills_by_category() -> list[tuple[str, str, list[Skill]]]:
    """(category value, label, skills) in the order the categories are declared."""
    grouped: dict[str, list[Skill]] = {}
    for skill in skill_list():
        grouped.setdefault(skill.category, []).append(skill)
    return [
        (value, str(label), grouped[value])
        for value, label in Skill.Category.choices
        if value in grouped
    ]


def skill_detail(slug: str) -> Skill:
    """The skill with the roles and ladder steps that ask for it; Http404 if unknown."""
    queryset = Skill.objects.prefetch_related(
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.select_related("role").order_by("role__rank", "role__title"),
        ),
        Prefetch(
            "ladder_steps",
            queryset=LadderStep.objects.select_related("from_role", "to_role"),
        ),
    )
    return _get_by_slug(queryset, slug)


def certification_list() -> models.QuerySet[Certification]:
    return Certification.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.order_by("rank", "title"))
    ).order_by("name")


def certification_detail(slug: str) -> Certification:
    """The certification with the roles and ladder steps it helps; Http404 if unknown."""
    queryset = Certification.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.order_by("rank", "title")),
        Prefetch(
            "ladder_steps",
            queryset=LadderStep.objects.select_related("from_role", "to_role"),
        ),
    )
    return _get_by_slug(queryset, slug)


# --- Industries, companies, FAQs, books, guides -------------------------------------------


def industry_list() -> models.QuerySet[Industry]:
    return Industry.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.order_by("rank", "title"))
    ).order_by("name")


def company_list(country: str | None = None) -> list[Company]:
    """Companies by name; `country` ("IN" or "PH") keeps those hiring there."""
    companies = list(
        Company.objects.prefetch_related(
            Prefetch("tracks", queryset=Track.objects.order_by("order", "name"))
        ).order_by("name")
    )
    if country is None:
        return companies
    name = _COUNTRY_NAMES.get(country)
    if name is None:
        return companies
    return [c for c in companies if name.casefold() in {str(h).casefold() for h in c.hires_in}]


@dataclass(frozen=True)
class FaqGroup:
    topic: str
    label: str
    faqs: list[Faq]


def faqs_by_topic() -> list[FaqGroup]:
    """FAQs grouped by topic, topics in their declared order, questions by `order`."""
    grouped: dict[str, list[Faq]] = {}
    for faq in Faq.objects.order_by("order", "question"):
        grouped.setdefault(faq.topic, []).append(faq)
    return [
        FaqGroup(topic=value, label=str(label), faqs=grouped[value])
        for value, label in Faq.Topic.choices
        if value in grouped
    ]


def book_list() -> models.QuerySet[Book]:
    return Book.objects.order_by("title")


def guide_list() -> models.QuerySet[Guide]:
    return Guide.objects.order_by("title")


def guide_detail(slug: str) -> Guide:
    return _get_by_slug(Guide.objects.all(), slug)


# --- Search -------------------------------------------------------------------------------

SEARCH_MIN_LENGTH = 2
SEARCH_MAX_LENGTH = 100
SEARCH_MAX_TERMS = 8
SEARCH_LIMIT_PER_GROUP = 25


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    summary: str
    score: int
    also_called: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchGroup:
    key: str
    label: str
    hits: list[SearchHit]
    total: int

    @property
    def count(self) -> int:
        return self.total


@dataclass(frozen=True)
class SearchResults:
    query: str
    groups: list[SearchGroup]
    problem: str = ""
    truncated: bool = False

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def searched(self) -> bool:
        return not self.problem


def normalise_query(raw: object) -> tuple[str, str, bool]:
    """Returns (query, problem, truncated): whitespace collapsed, cut to 100 characters.

    `problem` is a message for an empty or too-short query, else "".
    """
    text = " ".join(str(raw or "").split())
    truncated = len(text) > SEARCH_MAX_LENGTH
    text = text[:SEARCH_MAX_LENGTH].strip()
    if not text:
        return (
            "",
            str(_("Type a word to search for, such as “chat”, “night shift” or “ITIL”.")),
            False,
        )
    if len(text) < SEARCH_MIN_LENGTH:
        return text, str(_("Type at least two characters to search.")), truncated
    return text, "", truncated


def _terms(query: str) -> list[str]:
    terms: list[str] = []
    for word in query.split():
        if word.casefold() not in (t.casefold() for t in terms):
            terms.append(word)
    long_terms = [t for t in terms if len(t) >= SEARCH_MIN_LENGTH]
    return (long_terms or [query])[:SEARCH_MAX_TERMS]


def _text(value: object) -> str:
    """Flattens a text, list or dict (JSON content) into one searchable string."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_text(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value)
    return str(value)


def _score(query: str, terms: Sequence[str], title: str, names: Sequence[str], body: str) -> int:
    """Relevance: exact title, then title start, title phrase, all terms in title, names."""
    q = query.casefold()
    title_cf = title.casefold()
    names_cf = [n.casefold() for n in names]
    body_cf = body.casefold()
    terms_cf = [t.casefold() for t in terms]
    haystack = " ".join([title_cf, *names_cf, body_cf])
    if not all(t in haystack for t in terms_cf):
        return 0
    if title_cf == q:
        return 100
    if title_cf.startswith(q):
        return 90
    if q in title_cf:
        return 80
    if q in names_cf:
        return 75
    if any(q in n for n in names_cf):
        return 70
    if all(t in title_cf for t in terms_cf):
        return 60
    if any(all(t in n for t in terms_cf) for n in names_cf):
        return 55
    if q in body_cf:
        return 40
    return 20


@dataclass(frozen=True)
class _Searchable:
    key: str
    label: Promise
    queryset: Callable[[], models.QuerySet[Any]]
    fields: tuple[str, ...]
    title: Callable[[Any], str]
    names: Callable[[Any], Sequence[str]]
    body: Callable[[Any], str]
    url: Callable[[Any], str]
    summary: Callable[[Any], str]


def _anchor(name: str, obj: Any) -> str:
    return f"{reverse(name)}#{obj.slug}"


_SEARCHABLES: tuple[_Searchable, ...] = (
    _Searchable(
        "roles",
        _("Roles"),
        lambda: Role.objects.all(),
        ("title", "also_called", "summary", "what_the_work_is"),
        lambda r: r.title,
        lambda r: [str(n) for n in (r.also_called or [])],
        lambda r: f"{r.summary} {r.what_the_work_is}",
        lambda r: r.get_absolute_url(),
        lambda r: r.summary,
    ),
    _Searchable(
        "tracks",
        _("Tracks"),
        lambda: Track.objects.all(),
        ("name", "summary", "description", "typical_tasks"),
        lambda t: t.name,
        lambda t: [],
        lambda t: f"{t.summary} {t.description} {_text(t.typical_tasks)}",
        lambda t: t.get_absolute_url(),
        lambda t: t.summary,
    ),
    _Searchable(
        "skills",
        _("Skills"),
        lambda: Skill.objects.all(),
        ("name", "description", "how_tested"),
        lambda s: s.name,
        lambda s: [],
        lambda s: f"{s.description} {s.how_tested}",
        lambda s: s.get_absolute_url(),
        lambda s: s.description,
    ),
    _Searchable(
        "certifications",
        _("Certifications"),
        lambda: Certification.objects.all(),
        ("name", "issuer", "summary"),
        lambda c: c.name,
        lambda c: [c.issuer],
        lambda c: c.summary,
        lambda c: c.get_absolute_url(),
        lambda c: c.summary or c.issuer,
    ),
    _Searchable(
        "industries",
        _("Industries"),
        lambda: Industry.objects.all(),
        ("name", "summary", "work_examples"),
        lambda i: i.name,
        lambda i: [],
        lambda i: f"{i.summary} {_text(i.work_examples)}",
        lambda i: _anchor("careers:industry_list", i),
        lambda i: i.summary,
    ),
    _Searchable(
        "companies",
        _("Companies"),
        lambda: Company.objects.all(),
        ("name", "what_they_do", "notes"),
        lambda c: c.name,
        lambda c: [],
        lambda c: f"{c.what_they_do} {c.notes}",
        lambda c: _anchor("careers:company_list", c),
        lambda c: c.what_they_do,
    ),
    _Searchable(
        "faqs",
        _("Questions and answers"),
        lambda: Faq.objects.all(),
        ("question", "answer"),
        lambda f: f.question,
        lambda f: [],
        lambda f: f.answer,
        lambda f: _anchor("careers:faq_list", f),
        lambda f: f.answer,
    ),
    _Searchable(
        "books",
        _("Books"),
        lambda: Book.objects.all(),
        ("title", "author", "why_read", "topics"),
        lambda b: b.title,
        lambda b: [b.author],
        lambda b: f"{b.why_read} {_text(b.topics)}",
        lambda b: _anchor("careers:book_list", b),
        lambda b: b.why_read,
    ),
    _Searchable(
        "guides",
        _("Guides"),
        lambda: Guide.objects.all(),
        ("title", "summary", "sections"),
        lambda g: g.title,
        lambda g: [],
        lambda g: f"{g.summary} {_text(g.sections)} {_text(g.table)}",
        lambda g: g.get_absolute_url(),
        lambda g: g.summary,
    ),
)


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def search(query: str) -> SearchResults:
    """Searches every kind of career content for `query`; results grouped by kind.

    The query is cut to 100 characters; fewer than 2 gives no results and a `problem`
    message. Every word of the query must appear in a result (in its title, other names or
    text). Within a group an exact title match comes first, then titles starting with or
    containing the query, then other names (such as a role's "also called"), then text.
    The database narrows with parameterised, escaped LIKE lookups; ranking is in Python.
    """
    text, problem, truncated = normalise_query(query)
    if problem:
        return SearchResults(query=text, groups=[], problem=problem, truncated=truncated)
    terms = _terms(text)
    groups: list[SearchGroup] = []
    for searchable in _SEARCHABLES:
        condition = Q()
        for term in terms:
            any_field = Q()
            for name in searchable.fields:
                any_field |= Q(**{f"{name}__icontains": term})
            condition &= any_field
        hits: list[SearchHit] = []
        for obj in searchable.queryset().filter(condition):
            title = searchable.title(obj)
            names = searchable.names(obj)
            score = _score(text, terms, title, names, searchable.body(obj))
            if score:
                hits.append(
                    SearchHit(
                        title=title,
                        url=searchable.url(obj),
                        summary=_shorten(searchable.summary(obj)),
                        score=score,
                        also_called=tuple(names) if searchable.key == "roles" else (),
                    )
                )
        if hits:
            hits.sort(key=lambda h: (-h.score, h.title.casefold()))
            groups.append(
                SearchGroup(
                    key=searchable.key,
                    label=str(searchable.label),
                    hits=hits[:SEARCH_LIMIT_PER_GROUP],
                    total=len(hits),
                )
            )
    groups.sort(key=lambda g: -max(h.score for h in g.hits))
    return SearchResults(query=text, groups=groups, truncated=truncated)


# --- Counts for the hub and the about page ------------------------------------------------


def content_counts() -> dict[str, int]:
    """How many rows of each kind of content are loaded."""
    return {
        "tracks": Track.objects.count(),
        "roles": Role.objects.count(),
        "skills": Skill.objects.count(),
        "certifications": Certification.objects.count(),
        "industries": Industry.objects.count(),
        "companies": Company.objects.count(),
        "faqs": Faq.objects.count(),
        "books": Book.objects.count(),
        "guides": Guide.objects.count(),
    }
