"""The Explorer: public pages about BPO/KPO work, its roles, the ladder and the facts behind it.

Every page is a GET and a full page; the role list also answers htmx requests with just its
results. Content is public, so no getter here is scoped to a user.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from launchpad.careers import selectors
from launchpad.careers.forms import CompanyFilterForm, LadderPathForm, RoleFilterForm
from launchpad.core.ladder import UNKNOWN_STEP_YEARS, CareerPath, Ladder, LadderError, find_path


def _optional_url(name: str) -> str:
    """The URL of a view another app provides, or "" while that app does not provide it."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@require_GET
def explore(request: HttpRequest) -> HttpResponse:
    """The hub: the six tracks, the kinds of work, entry and growth roles, and where to go next."""
    roles = list(selectors.role_list())
    context = {
        "tracks": selectors.track_list(),
        "entry_roles": [r for r in roles if r.level == r.Level.ENTRY],
        "growth_roles": [r for r in roles if r.level == r.Level.GROWTH],
        "guides": selectors.guide_list(),
        "faq_groups": selectors.faqs_by_topic(),
        "books": selectors.book_list()[:3],
        "counts": selectors.content_counts(),
    }
    return render(request, "careers/explore.html", context)


@require_GET
def track_detail(request: HttpRequest, slug: str) -> HttpResponse:
    track = selectors.track_detail(slug)
    roles = list(track.roles.all())
    context = {
        "track": track,
        "entry_roles": [r for r in roles if r.level == r.Level.ENTRY],
        "growth_roles": [r for r in roles if r.level == r.Level.GROWTH],
        "companies": track.companies.all(),
    }
    return render(request, "careers/track_detail.html", context)


@require_GET
def role_list(request: HttpRequest) -> HttpResponse:
    """Roles with filters; an htmx request gets only the results fragment."""
    form = RoleFilterForm(request.GET)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "roles": selectors.role_list(filters),
        "ignored": form.ignored(),
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not getattr(htmx, "history_restore_request", False)
    template = "careers/role_list.html#results" if partial else "careers/role_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A role page. Its body is cached under the content version, so a warm request costs
    two small queries; the full role (about a dozen queries) loads only on a cache miss."""
    head = selectors.role_head(slug)
    full: Any = SimpleLazyObject(lambda: selectors.role_detail(slug))
    goal_url = _optional_url("goals:goal_create")
    context = {
        "role": head,
        "full_role": full,
        "content_version": selectors.content_version(),
        "cache_seconds": selectors.content_cache_seconds(),
        # Callables: the template calls them only when it renders the body (a cache miss).
        "role_skills": lambda: full.role_skills.all(),
        "salaries": lambda: full.salaries.all(),
        "steps_out": lambda: full.steps_out.all(),
        "steps_in": lambda: full.steps_in.all(),
        "onet_links": lambda: full.onet_links.all(),
        "goal_url": f"{goal_url}?target={head.slug}" if goal_url else "",
    }
    return render(request, "careers/role_detail.html", context)


def _path_or_problem(
    ladder: Ladder, start: str, target: str, track: str
) -> tuple[CareerPath | None, str]:
    """The highlighted path for the ladder page, or a message saying why there is none."""
    if not start and not target:
        return None, ""
    if not target:
        return None, _("Pick the role you want to reach to see a path.")
    for slug in (start, target):
        if slug and not ladder.has_role(slug):
            return None, _("There is no role called “%(slug)s” on the ladder.") % {
                "slug": slug[:60]
            }
    if start == target:
        return None, _("You are already in this role: pick a role above it.")
    try:
        path = find_path(ladder, start=start or None, target=target, preferred_tracks=[track])
    except LadderError:
        if start:
            return None, _("The ladder has no route from %(start)s to %(target)s.") % {
                "start": ladder.role(start).title,
                "target": ladder.role(target).title,
            }
        return None, _("No entry role leads to %(target)s on the ladder yet.") % {
            "target": ladder.role(target).title
        }
    return path, ""


@require_GET
def ladder(request: HttpRequest) -> HttpResponse:
    """The career ladder as an SVG and as text; ?from=&to= highlights the quickest path."""
    career_ladder = selectors.ladder_from_db()
    start = request.GET.get("from", "").strip()
    target = request.GET.get("to", "").strip()
    track = request.GET.get("track", "").strip()
    path, problem = _path_or_problem(career_ladder, start, target, track)
    path_steps: list[dict[str, Any]] = []
    if path is not None:
        path_steps = [{"step": step, "to": career_ladder.role(step.to_slug)} for step in path.steps]
    context = {
        "ladder": career_ladder,
        "path": path,
        "path_start": career_ladder.role(path.roles[0]) if path else None,
        "path_target": career_ladder.role(path.target) if path else None,
        "path_steps": path_steps,
        "problem": problem,
        "unknown_step_years": UNKNOWN_STEP_YEARS,
        "form": LadderPathForm(
            start=start if career_ladder.has_role(start) else "",
            target=target if career_ladder.has_role(target) else "",
        ),
    }
    return render(request, "careers/ladder.html", context)


@require_GET
def skill_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "careers/skill_list.html", {"categories": selectors.skills_by_category()}
    )


@require_GET
def skill_detail(request: HttpRequest, slug: str) -> HttpResponse:
    skill = selectors.skill_detail(slug)
    context = {
        "skill": skill,
        "role_skills": skill.role_skills.all(),
        "ladder_steps": skill.ladder_steps.all(),
    }
    return render(request, "careers/skill_detail.html", context)


@require_GET
def certification_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/certification_list.html",
        {"certifications": selectors.certification_list()},
    )


@require_GET
def certification_detail(request: HttpRequest, slug: str) -> HttpResponse:
    certification = selectors.certification_detail(slug)
    context = {
        "certification": certification,
        "roles": certification.roles.all(),
        "ladder_steps": certification.ladder_steps.all(),
    }
    return render(request, "careers/certification_detail.html", context)


@require_GET
def industry_list(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/industry_list.html", {"industries": selectors.industry_list()})


@require_GET
def company_list(request: HttpRequest) -> HttpResponse:
    form = CompanyFilterForm(request.GET)
    country = form.usable_data().get("country")
    context = {
        "form": form,
        "country": country,
        "companies": selectors.company_list(country),
        "ignored": form.ignored(),
    }
    return render(request, "careers/company_list.html", context)


@require_GET
def faq_list(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/faq_list.html", {"faq_groups": selectors.faqs_by_topic()})


@require_GET
def book_list(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/book_list.html", {"books": selectors.book_list()})


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/guide_list.html", {"guides": selectors.guide_list()})


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = selectors.guide_detail(slug)
    return render(request, "careers/guide_detail.html", {"guide": guide})


@require_GET
def bpo_vs_kpo(request: HttpRequest) -> HttpResponse:
    return guide_detail(request, selectors.GUIDE_BPO_VS_KPO)


@require_GET
def shifts(request: HttpRequest) -> HttpResponse:
    return guide_detail(request, selectors.GUIDE_SHIFTS)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search across all career content; results grouped by kind with counts."""
    results = selectors.search(request.GET.get("q", ""))
    context = {"results": results, "search_query": results.query}
    return render(request, "careers/search.html", context)


@require_GET
def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/about_data.html", {"counts": selectors.content_counts()})
