"""Jobs API: search postings (ranked by one of my resumes) and read one posting."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from launchpad.common.requests import signed_in_user, user_today
from launchpad.jobs import search
from launchpad.resumes.models import Resume

router = Router()


class Error(Schema):
    detail: str


class SearchIn(Schema):
    q: str = ""
    track: str = ""
    city: str = ""
    shift: str = ""
    currency: str = ""
    salary_at_least: int | None = None
    posted_within_days: int | None = None
    resume: int | None = None
    page: int = 1


class PostingOut(Schema):
    id: int
    title: str
    company: str
    city: str
    country: str
    workplace: str
    track: str
    shifts: list[str]
    salary_min: int | None
    salary_max: int | None
    salary_currency: str
    salary_period: str
    posted_on: datetime.date | None
    match_score: int | None
    knockouts_failed: list[str]


class PageOut(Schema):
    total: int
    page: int
    pages: int
    ranked_by_resume: bool
    results: list[PostingOut]


def _out(hit: search.Hit) -> dict[str, Any]:
    p = hit.posting
    return {
        "id": p.pk, "title": p.title, "company": p.company, "city": p.city,
        "country": p.country, "workplace": p.workplace, "track": p.track,
        "shifts": list(p.shifts), "salary_min": p.salary_min, "salary_max": p.salary_max,
        "salary_currency": p.salary_currency, "salary_period": p.salary_period,
        "posted_on": p.posted_on, "match_score": hit.score,
        "knockouts_failed": [k.knockout.label for k in hit.failed_knockouts],
    }  # fmt: skip


@router.get(
    "/postings",
    response={200: PageOut, 404: Error, 422: Error},
    summary="Search postings; with `resume`, ranked by its match and knockouts checked",
)
def postings(request: HttpRequest, params: Query[SearchIn]) -> Status[Any]:
    user = signed_in_user(request)
    if params.shift and params.shift not in {"day", "night", "rotational"}:
        return Status(422, {"detail": "shift must be day, night or rotational."})
    if params.currency and params.currency not in {"INR", "PHP"}:
        return Status(422, {"detail": "currency must be INR or PHP."})
    resume = None
    if params.resume is not None:
        found = Resume.objects.filter(user=user, pk=params.resume).first()
        version = found.versions.order_by("-number").first() if found else None
        if version is None:
            return Status(404, {"detail": f"No resume {params.resume} of yours."})
        resume = (version.pk, version.data)
    filters = search.Filters(
        q=params.q[:100], track=params.track, city=params.city[:100], shift=params.shift,
        currency=params.currency, salary_at_least=params.salary_at_least,
        posted_within_days=params.posted_within_days,
    )  # fmt: skip
    page = search.search(user, filters, today=user_today(user), page=params.page, resume=resume)
    return Status(
        200,
        {"total": page.total, "page": page.number, "pages": page.pages,
         "ranked_by_resume": page.ranked_by_resume, "results": [_out(h) for h in page.hits]},
    )  # fmt: skip
