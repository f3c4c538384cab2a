"""Readiness pages: the guided first-visit check, the report (and its PDF) and the plan.

A first visitor needs no account: starting the check signs them in as a guest, and signing
up at the end turns that same account into theirs, so every result is kept.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from launchpad.accounts.backends import MODEL_BACKEND
from launchpad.accounts.exceptions import ProfileInvalid
from launchpad.accounts.models import CandidateProfile, LanguageSkill, User
from launchpad.accounts.services import LanguageEntry, guest_create, profile_update
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.readiness import selectors, services
from launchpad.readiness.exceptions import ReadinessInputError
from launchpad.readiness.forms import CheckProfileForm, from_tristate, tristate
from launchpad.readiness.models import KnockoutAnswers, PlanItem, ReadinessCheck
from launchpad.readiness.presenters import dashboard_panel, item_url, plan_weeks, report_context
from launchpad.skills.exceptions import NoPassagesError

_rng = random.Random()
STEP_LABELS = {
    "profile": _("A short profile"),
    "typing": _("Typing, 1 minute"),
    "english": _("English, 10 questions"),
    "judgment": _("Customer-service judgment, 5 situations"),
    "computer": _("Computer skills, 5 questions"),
}


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _today(request: HttpRequest) -> datetime.date:
    """Today in the user's time zone (the middleware activates it)."""
    return timezone.localdate()


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """What the check is, and a button to start or resume it; no account needed."""
    check = None
    if request.user.is_authenticated:
        check = selectors.active_check(signed_in_user(request))
    return render(request, "readiness/start.html", {"check": check, "steps": STEP_LABELS})


@require_POST
def begin(request: HttpRequest) -> HttpResponse:
    """Starts (or resumes) the check, signing a first visitor in as a guest."""
    if not request.user.is_authenticated:
        guest = guest_create()
        login(request, guest, backend=MODEL_BACKEND)
    services.check_start(user=signed_in_user(request), now=timezone.now())
    return redirect("readiness:check")


def _steps(check: ReadinessCheck) -> list[dict[str, Any]]:
    states = services.step_state(check)
    return [
        {"key": key, "label": STEP_LABELS[key], "state": states[key], "number": number}
        for number, key in enumerate(services.CHECK_STEPS, 1)
    ]


@login_required
@require_GET
def check(request: HttpRequest) -> HttpResponse:
    """Progress through the check, and the next step."""
    user = signed_in_user(request)
    current = selectors.active_check(user)
    if current is None:
        finished = ReadinessCheck.objects.filter(user=user).exists()
        return redirect("readiness:report" if finished or not user.is_guest else "readiness:start")
    services.check_finish_if_done(check=current, now=timezone.now())
    if current.completed_at is not None:
        messages.success(request, _("You finished the readiness check. Here is your report."))
        return redirect("readiness:report")
    steps = _steps(current)
    done = sum(1 for s in steps if s["state"] == "done")
    return render(
        request,
        "readiness/check.html",
        {
            "check": current,
            "steps": steps,
            "done": done,
            "total": len(steps),
            "percent": round(100 * done / len(steps)),
            "next": services.next_step(current),
        },
    )


def _profile_initial(user: User) -> dict[str, Any]:
    profile = CandidateProfile.objects.filter(user=user).first()
    answers = KnockoutAnswers.objects.filter(user=user).first()
    ratings = selectors.self_ratings(user)
    initial: dict[str, Any] = {}
    if profile is not None:
        initial.update(
            country=profile.country, city=profile.city, education_level=profile.education_level,
            shift_availability=profile.shift_availability, work_types=profile.work_types,
        )  # fmt: skip
    initial["english_level"] = ratings.english or ""
    other = (
        LanguageSkill.objects.filter(profile__user=user)
        .exclude(language__iexact="english")
        .order_by("id")
        .first()
    )
    if other is not None:
        initial.update(other_language=other.language, other_language_level=other.level)
    if answers is not None:
        initial.update(
            adult=from_tristate(answers.adult), on_site=from_tristate(answers.on_site),
            notice_days=answers.notice_days,
        )  # fmt: skip
        for key, held in answers.documents.items():
            initial[f"doc_{key}"] = from_tristate(held)
    return initial


def _merged_languages(user: User, form: CheckProfileForm) -> list[LanguageEntry]:
    """The profile's languages with English and the named language set from the form."""
    entries = {
        row.language.casefold(): LanguageEntry(row.language, row.level)
        for row in LanguageSkill.objects.filter(profile__user=user).order_by("id")
    }
    data = form.cleaned_data
    if data["english_level"]:
        entries["english"] = LanguageEntry("English", data["english_level"])
    other = data["other_language"].strip()
    if other:
        entries[other.casefold()] = LanguageEntry(other, data["other_language_level"])
    return list(entries.values())


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """The short profile and knockout questions (step 1 of the check; editable any time)."""
    user = signed_in_user(request)
    rules = selectors.knockout_rules()
    country = request.POST.get("country") if request.method == "POST" else None
    if country is None:
        saved = CandidateProfile.objects.filter(user=user).values_list("country", flat=True).first()
        country = saved or ""
    documents = selectors.documents_for(rules, country or None)
    form = CheckProfileForm(
        request.POST or None, documents=documents, initial=_profile_initial(user)
    )
    current = selectors.active_check(user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "country": data["country"], "city": data["city"].strip(),
            "education_level": data["education_level"],
            "shift_availability": list(data["shift_availability"]),
            "work_types": list(data["work_types"]),
        }  # fmt: skip
        try:
            if current is not None:
                services.check_profile_save(
                    check=current, fields=fields, languages=_merged_languages(user, form),
                    documents=form.documents(), notice_days=data["notice_days"],
                    on_site=tristate(data["on_site"]), adult=tristate(data["adult"]),
                    now=timezone.now(),
                )  # fmt: skip
            else:
                profile_update(user=user, fields=fields, languages=_merged_languages(user, form))
                services.answers_update(
                    user=user, documents=form.documents(), notice_days=data["notice_days"],
                    on_site=tristate(data["on_site"]), adult=tristate(data["adult"]),
                )  # fmt: skip
        except ProfileInvalid as error:
            for name, problems in error.errors.items():
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
        except ReadinessInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("readiness:check" if current is not None else "readiness:report")
    return render(
        request,
        "readiness/profile.html",
        {"form": form, "check": current, "in_check": current is not None},
    )


@login_required
@require_POST
def step(request: HttpRequest, step: str) -> HttpResponse:
    """Hands out the mini test of `step` (or the one already handed out) and opens it."""
    user = signed_in_user(request)
    current = selectors.active_check(user)
    if current is None:
        return redirect("readiness:start")
    try:
        attempt = services.check_step_start(check=current, step=step, rng=_rng, now=timezone.now())
    except (ReadinessInputError, NoPassagesError) as error:
        messages.error(request, str(error))
        return redirect("readiness:check")
    return redirect(attempt.get_absolute_url())


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    """The readiness report: best-fit tracks, every index explained, knockouts, next steps."""
    user = signed_in_user(request)
    context = report_context(selectors.report(user))
    context["check"] = selectors.active_check(user)
    return render(request, "readiness/report.html", context)


@login_required
@require_GET
def report_pdf(request: HttpRequest) -> HttpResponse:
    """The same report as a PDF (rendered on the server with WeasyPrint)."""
    from weasyprint import HTML

    user = signed_in_user(request)
    now = timezone.now()
    context = report_context(selectors.report(user, now=now))
    context.update(user=user, generated=timezone.localtime(now))
    html = render_to_string("readiness/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    stamp = timezone.localdate(now).isoformat()
    response["Content-Disposition"] = f'attachment; filename="readiness-report-{stamp}.pdf"'
    return response


@login_required
@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    """The week-by-week plan, drawn again from the latest results."""
    user = signed_in_user(request)
    today = _today(request)
    current = selectors.report(user)
    items = services.plan_refresh(user=user, report=current, today=today)
    track = services.plan_track(user, current)
    chosen = current.track(track) if track else None
    return render(
        request,
        "readiness/plan.html",
        {
            "weeks": plan_weeks(items, today=today),
            "track": chosen.track if chosen else None,
            "today": today,
        },
    )


@login_required
@require_POST
def plan_item(request: HttpRequest, item_id: int) -> HttpResponse:
    """Ticks off, reopens, drops or postpones one plan step (htmx swaps the row)."""
    user = signed_in_user(request)
    item = get_owned_or_404(PlanItem.objects.all(), user=user, pk=item_id)
    action = request.POST.get("action", "")
    try:
        item = services.plan_item_act(item=item, action=action, today=_today(request))
    except ReadinessInputError as error:
        if _is_htmx(request):
            return HttpResponse(str(error), status=400)
        messages.error(request, str(error))
        return redirect("readiness:plan")
    if _is_htmx(request) and action != "postpone":
        item.url = item_url(item)  # type: ignore[attr-defined]
        return render(request, "readiness/_plan_item.html", {"item": item})
    if action == "postpone":
        messages.success(request, _("Moved to the week of %(date)s.") % {"date": item.week_start})
    if _is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("readiness:plan")
        return response
    return redirect("readiness:plan")


def panel(request: HttpRequest) -> dict[str, Any]:
    """The dashboard's readiness panel (used by the goals dashboard)."""
    user = signed_in_user(request)
    return dashboard_panel(user, today=_today(request), now=timezone.now())
