"""Job search: the board of postings filtered, searched and ranked by the candidate's
resume, one posting with its match and knockouts, and starting an application from it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from launchpad.common.requests import signed_in_user
from launchpad.jobs import search
from launchpad.jobs.forms import NO_RESUME, SearchForm
from launchpad.jobs.models import Posting
from launchpad.jobs.reading import posting_job_text
from launchpad.resumes import analysis
from launchpad.resumes.models import Resume, ResumeVersion
from launchpad.resumes.services import job_create

SESSION_RESUME = "jobs_resume"


def _latest_version(resume: Resume) -> ResumeVersion | None:
    return resume.versions.order_by("-number").first()


def _chosen_resume(request: HttpRequest, choice: str | None) -> Resume | None:
    """The resume to rank by: the one chosen now, else the last one chosen, else the most
    recently updated; "none" turns ranking off (remembered too)."""
    user = signed_in_user(request)
    if choice:
        request.session[SESSION_RESUME] = choice
    else:
        choice = request.session.get(SESSION_RESUME)
    if choice == NO_RESUME:
        return None
    resumes = Resume.objects.filter(user=user)
    found = resumes.filter(pk=choice).first() if choice and choice.isdigit() else None
    return found or resumes.order_by("-updated_at", "-id").first()


@login_required
@require_GET
def posting_list(request: HttpRequest) -> HttpResponse:
    """Search and filter postings, ranked by the chosen resume's match."""
    user = signed_in_user(request)
    form = SearchForm(request.GET or None, user=user)
    filters = search.Filters()
    resume = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = search.Filters(
            q=data["q"], track=data["track"], city=data["city"], shift=data["shift"],
            currency=data["currency"] or "", salary_at_least=data["salary_at_least"],
            posted_within_days=int(data["posted"]) if data["posted"] else None,
        )  # fmt: skip
        resume = _chosen_resume(request, data["resume"])
    elif not form.is_bound:
        resume = _chosen_resume(request, None)
    version = _latest_version(resume) if resume is not None else None
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    page = search.search(
        user, filters, today=timezone.localdate(), page=page_number,
        resume=(version.pk, version.data) if version is not None else None,
    )  # fmt: skip
    if resume is not None and not form.is_bound:
        form.initial["resume"] = str(resume.pk)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {"form": form, "page": page, "resume": resume, "query": query.urlencode()},
    )


def _visible(request: HttpRequest, posting_id: int) -> Posting:
    from django.http import Http404

    found = search.visible_postings(signed_in_user(request)).filter(pk=posting_id).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_GET
def posting_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    """One posting: its details, the match with the chosen resume, and the knockouts."""
    user = signed_in_user(request)
    posting = _visible(request, posting_id)
    resume = _chosen_resume(request, request.GET.get("resume"))
    version = _latest_version(resume) if resume is not None else None
    result = None
    if version is not None:
        result = search.posting_match(
            posting, version.pk, version.data, analysis.profile_evidence(user)
        )
    application = posting.applications.filter(user=user).first()
    context: dict[str, Any] = {
        "posting": posting,
        "resume": resume,
        "resumes": Resume.objects.filter(user=user),
        "result": result,
        "application": application,
    }
    return render(request, "jobs/detail.html", context)


@login_required
@require_POST
def posting_match(request: HttpRequest, posting_id: int) -> HttpResponse:
    """Opens the posting in the resume studio's match (saved as one of the user's jobs)."""
    user = signed_in_user(request)
    posting = _visible(request, posting_id)
    resume = _chosen_resume(request, request.POST.get("resume"))
    if resume is None:
        return redirect("resumes:list")
    job = job_create(
        user=user, title=posting.title, company=posting.company,
        text=posting_job_text(posting),
    )  # fmt: skip
    return redirect("resumes:match_result", resume.pk, job.pk)
