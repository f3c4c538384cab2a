"""Public JSON API of the career content: tracks, roles, certifications and ladder paths.

Career content is public, so these operations need no authentication.
"""

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from launchpad.careers import selectors
from launchpad.careers.models import Certification, Role, Track
from launchpad.careers.templatetags.careers_tags import clean_sources, format_money
from launchpad.core.ladder import (
    UNKNOWN_STEP_YEARS,
    CareerPath,
    LadderError,
    NoPathError,
    UnknownRoleError,
    find_path,
)

router = Router(auth=None)


class Source(Schema):
    label: str = ""
    url: str | None = None
    grade: str = ""


class TrackOut(Schema):
    slug: str
    name: str
    order: int
    voice: bool
    technical: bool
    summary: str
    typical_tasks: list[str]
    entry_requirements: list[str]
    url: str
    sources: list[Source]


class RoleOut(Schema):
    slug: str
    title: str
    level: str
    rank: int
    voice: bool
    technical: bool
    summary: str
    tracks: list[str]
    also_called: list[str]
    url: str


class RoleSkillOut(Schema):
    slug: str
    name: str
    level: str
    why: str


class CertificationRef(Schema):
    slug: str
    name: str
    issuer: str


class SalaryOut(Schema):
    country: str
    currency: str
    period: str
    min: float | None
    max: float | None
    year: int | None
    display: str
    note: str
    sources: list[Source]


class NextStepOut(Schema):
    slug: str
    title: str
    years_min: float | None = Field(..., description="Empty when no source gives a timeline.")
    years_max: float | None
    asks: list[str]
    skills: list[str]
    certifications: list[str]
    how_promoted: str
    confidence: str


class OnetOut(Schema):
    code: str
    title: str
    why: str


class RoleDetailOut(RoleOut):
    what_the_work_is: str
    day_in_the_job: list[dict[str, Any]]
    kpis: list[str]
    education: str
    skills: list[RoleSkillOut]
    certifications: list[CertificationRef]
    salaries: list[SalaryOut]
    next_steps: list[NextStepOut]
    previous_steps: list[NextStepOut]
    onet: list[OnetOut]
    sources: list[Source]


class CertificationOut(Schema):
    slug: str
    name: str
    issuer: str
    level: str
    summary: str
    cost_min: float | None
    cost_max: float | None
    cost_currency: str
    cost_year: int | None
    cost_display: str
    effort: str
    format: str
    validity: str
    prerequisites: str
    helps_roles: list[str]
    url: str
    sources: list[Source]


class PathRole(Schema):
    slug: str
    title: str


class PathStep(Schema):
    from_slug: str = Field(..., alias="from")
    to_slug: str = Field(..., alias="to")
    years_min: float | None = Field(..., description="Empty when no source gives a timeline.")
    years_max: float | None
    asks: list[str]
    skills: list[str]
    certifications: list[str]


class PathOut(Schema):
    start: str | None
    target: str
    roles: list[PathRole]
    steps: list[PathStep]
    years_min: float = Field(..., description="Steps without a timeline count as assumed_years.")
    years_max: float
    assumed_steps: int = Field(..., description="How many steps have no sourced timeline.")
    assumed_years: float = Field(..., description="Years counted for each such step.")


class Error(Schema):
    detail: str


class RoleFilterQuery(Schema):
    track: str | None = Field(None, description="A track slug, such as `chat-email`.")
    voice: Literal["voice", "non-voice"] | None = None
    technical: Literal["technical", "non-technical"] | None = None
    level: Literal["entry", "growth"] | None = None


class PathQuery(Schema):
    to: str = Field(..., description="The slug of the role to reach.")
    start: str | None = Field(
        None, alias="from", description="The slug of the current role; leave out for a fresher."
    )
    track: str | None = Field(None, description="A track slug whose entry roles are preferred.")


def _sources(value: object) -> list[dict[str, Any]]:
    return [
        {"label": s["label"], "url": s["url"] or None, "grade": s["grade"]}
        for s in clean_sources(value)
    ]


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def _track_out(track: Track) -> dict[str, Any]:
    return {
        "slug": track.slug,
        "name": track.name,
        "order": track.order,
        "voice": track.voice,
        "technical": track.technical,
        "summary": track.summary,
        "typical_tasks": _strings(track.typical_tasks),
        "entry_requirements": _strings(track.entry_requirements),
        "url": track.get_absolute_url(),
        "sources": _sources(track.sources),
    }


def _role_out(role: Role) -> dict[str, Any]:
    return {
        "slug": role.slug,
        "title": role.title,
        "level": role.level,
        "rank": role.rank,
        "voice": role.voice,
        "technical": role.technical,
        "summary": role.summary,
        "tracks": [t.slug for t in role.tracks.all()],
        "also_called": _strings(role.also_called),
        "url": role.get_absolute_url(),
    }


def _step_out(step: Any, other: Role) -> dict[str, Any]:
    return {
        "slug": other.slug,
        "title": other.title,
        "years_min": _num(step.years_min),
        "years_max": _num(step.years_max),
        "asks": _strings(step.asks),
        "skills": [s.slug for s in step.skills.all()],
        "certifications": [c.slug for c in step.certifications.all()],
        "how_promoted": step.how_promoted,
        "confidence": step.confidence,
    }


def _certification_out(cert: Certification) -> dict[str, Any]:
    return {
        "slug": cert.slug,
        "name": cert.name,
        "issuer": cert.issuer,
        "level": cert.level,
        "summary": cert.summary,
        "cost_min": _num(cert.cost_min),
        "cost_max": _num(cert.cost_max),
        "cost_currency": cert.cost_currency,
        "cost_year": cert.cost_year,
        "cost_display": format_money(cert.cost_min, cert.cost_max, cert.cost_currency),
        "effort": cert.effort,
        "format": cert.format,
        "validity": cert.validity,
        "prerequisites": cert.prerequisites,
        "helps_roles": [r.slug for r in cert.roles.all()],
        "url": cert.get_absolute_url(),
        "sources": _sources(cert.sources),
    }


@router.get("/tracks", response=list[TrackOut], auth=None, summary="The six kinds of work")
def list_tracks(request: HttpRequest) -> list[dict[str, Any]]:
    return [_track_out(track) for track in selectors.track_list()]


@router.get(
    "/roles",
    response={200: list[RoleOut], 422: Error},
    auth=None,
    summary="Roles, filtered like the Explorer's role list",
)
@paginate(PageNumberPagination, page_size=50)
def list_roles(request: HttpRequest, filters: Query[RoleFilterQuery]) -> list[dict[str, Any]]:
    """Roles by rank and title. An unknown track slug is an error (422)."""
    if filters.track is not None and not selectors.track_list().filter(slug=filters.track).exists():
        raise HttpError(422, f"There is no track called {filters.track[:60]!r}.")
    role_filters = selectors.RoleFilters(
        track=filters.track,
        voice=None if filters.voice is None else filters.voice == "voice",
        technical=None if filters.technical is None else filters.technical == "technical",
        level=filters.level,
    )
    return [_role_out(role) for role in selectors.role_list(role_filters)]


@router.get(
    "/roles/{slug}",
    response={200: RoleDetailOut, 404: Error},
    auth=None,
    summary="One role with its skills, certifications, pay, next steps and O*NET codes",
)
def get_role(request: HttpRequest, slug: str) -> Status[Any]:
    try:
        role = selectors.role_detail(slug)
    except Http404:
        return Status(404, {"detail": f"There is no role called {slug[:60]!r}."})
    data = _role_out(role)
    data.update(
        {
            "what_the_work_is": role.what_the_work_is,
            "day_in_the_job": [d for d in role.day_in_the_job if isinstance(d, dict)]
            if isinstance(role.day_in_the_job, list)
            else [],
            "kpis": _strings(role.kpis),
            "education": role.education,
            "skills": [
                {"slug": rs.skill.slug, "name": rs.skill.name, "level": rs.level, "why": rs.why}
                for rs in role.role_skills.all()
            ],
            "certifications": [
                {"slug": c.slug, "name": c.name, "issuer": c.issuer}
                for c in role.certifications.all()
            ],
            "salaries": [
                {
                    "country": s.country,
                    "currency": s.currency,
                    "period": s.period,
                    "min": _num(s.amount_min),
                    "max": _num(s.amount_max),
                    "year": s.year,
                    "display": format_money(s.amount_min, s.amount_max, s.currency, s.period),
                    "note": s.note,
                    "sources": _sources(s.sources),
                }
                for s in role.salaries.all()
            ],
            "next_steps": [_step_out(step, step.to_role) for step in role.steps_out.all()],
            "previous_steps": [_step_out(step, step.from_role) for step in role.steps_in.all()],
            "onet": [
                {"code": link.occupation.code, "title": link.occupation.title, "why": link.why}
                for link in role.onet_links.all()
            ],
            "sources": _sources(role.sources),
        }
    )
    return Status(200, data)


@router.get(
    "/ladder/path",
    response={200: PathOut, 404: Error, 422: Error},
    auth=None,
    by_alias=True,
    summary="The quickest typical path up the ladder to a role",
)
def ladder_path(request: HttpRequest, params: Query[PathQuery]) -> Status[Any]:
    """From `from` (leave it out for a fresher) to `to`; `track` prefers its entry roles.

    An unknown role is a 404; a pair with no route between them is a 422.
    """
    ladder = selectors.ladder_from_db()
    try:
        path: CareerPath = find_path(
            ladder,
            start=params.start or None,
            target=params.to,
            preferred_tracks=[params.track] if params.track else [],
        )
    except UnknownRoleError as exc:
        return Status(404, {"detail": str(exc)})
    except (NoPathError, LadderError) as exc:
        return Status(422, {"detail": str(exc)})
    return Status(
        200,
        {
            "start": path.start,
            "target": path.target,
            "roles": [{"slug": s, "title": ladder.role(s).title} for s in path.roles],
            "steps": [
                {
                    "from": step.from_slug,
                    "to": step.to_slug,
                    "years_min": step.years_min,
                    "years_max": step.years_max,
                    "asks": list(step.asks),
                    "skills": list(step.skills),
                    "certifications": list(step.certifications),
                }
                for step in path.steps
            ],
            "years_min": path.years_min,
            "years_max": path.years_max,
            "assumed_steps": path.assumed_steps,
            "assumed_years": UNKNOWN_STEP_YEARS,
        },
    )


@router.get(
    "/certifications",
    response=list[CertificationOut],
    auth=None,
    summary="Certifications with issuer, cost and the roles they help",
)
def list_certifications(request: HttpRequest) -> list[dict[str, Any]]:
    return [_certification_out(cert) for cert in selectors.certification_list()]
