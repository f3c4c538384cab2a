"""Pages of the application tracker: the board (cards move with a plain form, or with htmx
without a page reload, or by drag and drop in static/js/board.js), the list, an
application's page with its history, documents, details and offer, the offer comparison,
the funnel and the CSV export. Every object comes through a permission-scoped getter, so
another user's application is a 404."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event
from django_htmx.middleware import HtmxDetails

from launchpad.applications import exports, selectors, services
from launchpad.applications.exceptions import ApplicationInputError
from launchpad.applications.forms import (
    ApplicationForm,
    DocumentsForm,
    EditForm,
    MoveForm,
    OfferForm,
    offer_initial,
)
from launchpad.applications.models import Application, Channel, Offer, Stage
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.core import stages as core

STATUS_EVENT = "board-status"  # static/js/board.js announces it and moves the focus


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _is_htmx(request: HttpRequest) -> bool:
    return bool(cast(HtmxHttpRequest, request).htmx)


def _today() -> datetime.date:
    """Today in the user's time zone (the middleware activates it)."""
    return timezone.localdate()


def _owned(request: HttpRequest, application_id: int) -> Application:
    return get_owned_or_404(
        Application.objects.select_related("resume", "cover_letter", "posting"),
        user=signed_in_user(request), pk=application_id,
    )  # fmt: skip


def _first_error(form: Any) -> str:
    for problems in form.errors.values():
        for problem in problems:
            return str(problem)
    return _("Check the form and try again.")  # pragma: no cover - a form with no error


def _board_context(request: HttpRequest) -> dict[str, Any]:
    return {"board": selectors.board(signed_in_user(request), today=_today()), "tab": "board"}


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    """A column per stage; each card moves with its "Move to" list."""
    return render(request, "applications/board.html", _board_context(request))


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    """Every application in a table, filtered and sorted by the column headings."""
    user = signed_in_user(request)
    stage = request.GET.get("stage", "")
    channel = request.GET.get("channel", "")
    query = request.GET.get("q", "").strip()[:100]
    sort = selectors.clean_sort(request.GET.get("sort", ""))
    applications = selectors.application_list(
        user, stage=stage, channel=channel, q=query, sort=sort
    )
    columns = [
        ("title", _("Job")), ("company", _("Company")), ("stage", _("Stage")),
        ("changed", _("Since")), ("due", _("Next step due")),
    ]  # fmt: skip
    headings = []
    for key, label in columns:
        active = sort.lstrip("-") == key
        descending = sort.startswith("-")
        next_sort = f"-{key}" if active and not descending else key
        params = request.GET.copy()
        params["sort"] = next_sort
        aria = ("descending" if descending else "ascending") if active else ""
        headings.append({"label": label, "url": "?" + params.urlencode(), "aria_sort": aria})
    return render(
        request,
        "applications/list.html",
        {
            "applications": applications,
            "headings": headings,
            "stage": stage,
            "channel": channel,
            "q": query,
            "sort": sort,
            "stages": [("open", _("Still under way")), *Stage.choices],
            "channels": Channel.choices,
            "today": _today(),
            "tab": "list",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    """Adds an application by hand (one from a posting comes with "Track this job")."""
    user = signed_in_user(request)
    form = ApplicationForm(request.POST or None, initial={"on": _today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_create(
                user=user, title=data["title"], company=data["company"],
                channel=data["channel"], stage=data["stage"], on=data["on"], today=_today(),
                now=timezone.now(),
            )  # fmt: skip
        except ApplicationInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Added “%(title)s”.") % {"title": application})
            return redirect(application.get_absolute_url())
    return render(
        request, "applications/new.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def from_posting(request: HttpRequest, posting_id: int) -> HttpResponse:
    """Tracks a job posting the user can see; a second time opens the same application."""
    user = signed_in_user(request)
    posting = selectors.visible_postings(user).filter(pk=posting_id).first()
    if posting is None:
        raise Http404
    application, created = services.track_posting(
        user=user, posting=posting, today=_today(), now=timezone.now()
    )
    if created:
        messages.success(request, _("Saved to your applications. Move it on as it goes."))
    else:
        messages.info(request, _("You already track this job: here it is."))
    return redirect(application.get_absolute_url())


def _detail_context(request: HttpRequest, application: Application) -> dict[str, Any]:
    user = signed_in_user(request)
    timeline = services.timeline_of(application)
    country = selectors.country_of(user)
    practice_stage = timeline.closed_from or timeline.current
    return {
        "application": application,
        "timeline": timeline,
        "history": selectors.history(application),
        "checklists": selectors.checklists(application, timeline, country),
        "options": selectors.move_options(application.stage, timeline.closed_from),
        "others": (
            selectors.other_options(application.stage, timeline.closed_from)
            if application.stage != Stage.PRODUCTION else []
        ),
        "move_form": MoveForm(initial={"on": _today()}),
        "can_undo": len(timeline.moves) > 1,
        "practice": selectors.practice_link(practice_stage),
        "practice_stage": selectors.stage_label(practice_stage),
        "offer": selectors.offer_figures(application),
        "can_offer": selectors.has_reached_offer(timeline),
        "posting_url": (
            selectors.safe_url("jobs:posting", application.posting_id)
            if application.posting_id else None
        ),
        "contacts": application.contacts.all(),
        "assessment_labels": [
            _(core.ASSESSMENT_KINDS[k]) for k in application.assessments or []
            if k in core.ASSESSMENT_KINDS
        ],
        "today": _today(),
        "closed": application.stage in core.CLOSED,
    }  # fmt: skip


@login_required
@require_GET
def detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _owned(request, application_id)
    return render(request, "applications/detail.html", _detail_context(request, application))


def _moved_message(application: Application) -> str:
    return _("Moved to %(stage)s") % {"stage": selectors.stage_label(application.stage)}


@login_required
@require_POST
def move(request: HttpRequest, application_id: int) -> HttpResponse:
    """Moves the card. With htmx: the new board and a status to announce, or the refusal's
    reason with no swap (nothing changed); without: back to the board or the page."""
    application = _owned(request, application_id)
    form = MoveForm(request.POST)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.application_move(
                application=application, to_stage=data["to_stage"], on=data["on"] or _today(),
                today=_today(), now=timezone.now(), note=data["note"],
                assessments=data["assessments"] if request.POST.get("with_assessments") else None,
            )  # fmt: skip
        except ApplicationInputError as refused:
            error = str(refused)
    else:
        error = _first_error(form)
    if _is_htmx(request):
        if error:
            # A refusal is an answer, not a failure: the board stays as it is (no swap) and
            # the reason is announced in its status line.
            response = HttpResponse(format_html("<p>{}</p>", error))
            response["HX-Reswap"] = "none"
            # Not "error": htmx logs an event detail's "error" key as a script error.
            return trigger_client_event(response, STATUS_EVENT, {"message": error, "refused": True})
        response = render(request, "applications/board.html#board", _board_context(request))
        status = {"message": _moved_message(application), "card": f"application-{application.pk}"}
        return trigger_client_event(response, STATUS_EVENT, status, after="settle")
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _moved_message(application) + ".")
    if request.POST.get("next") == "detail":
        return redirect(application.get_absolute_url())
    return redirect(reverse("applications:board") + f"#application-{application.pk}")


@login_required
@require_POST
def undo(request: HttpRequest, application_id: int) -> HttpResponse:
    """Takes back the card's last move."""
    application = _owned(request, application_id)
    try:
        services.application_undo(application=application)
    except ApplicationInputError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Undone: it is back at %(stage)s.")
            % {"stage": selectors.stage_label(application.stage)},
        )
    if request.POST.get("next") == "board":
        return redirect(reverse("applications:board") + f"#application-{application.pk}")
    return redirect(application.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, application_id: int) -> HttpResponse:
    """The card's details: next step, interview, notes, and the resume, cover letter and
    contacts used (the user's own only)."""
    user = signed_in_user(request)
    application = _owned(request, application_id)
    initial = {
        name: getattr(application, name)
        for name in ("title", "company", "channel", "next_action", "next_action_due",
                     "interview_at", "resume", "cover_letter", "notes")
    }  # fmt: skip
    initial["contacts"] = list(application.contacts.all())
    if initial["interview_at"] is not None:
        initial["interview_at"] = timezone.localtime(initial["interview_at"]).replace(tzinfo=None)
    form = EditForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.application_update(
                    application=application, title=data["title"], company=data["company"],
                    channel=data["channel"], notes=data["notes"],
                    next_action=data["next_action"], next_action_due=data["next_action_due"],
                    interview_at=data["interview_at"], resume=data["resume"],
                    cover_letter=data["cover_letter"],
                )  # fmt: skip
                services.contacts_set(application=application, contacts=data["contacts"])
        except ApplicationInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(application.get_absolute_url())
    return render(
        request,
        "applications/edit.html",
        {"form": form, "application": application},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def documents(request: HttpRequest, application_id: int) -> HttpResponse:
    """Saves one stage's documents checklist."""
    application = _owned(request, application_id)
    form = DocumentsForm(request.POST)
    stage = request.POST.get("stage", "")
    if not form.is_valid():
        messages.error(request, _first_error(form))
    else:
        try:
            services.documents_set(
                application=application, stage=form.cleaned_data["stage"],
                done=form.cleaned_data["done"],
            )  # fmt: skip
        except ApplicationInputError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Checklist saved."))
    return redirect(application.get_absolute_url() + f"#documents-{stage}")


@login_required
@require_http_methods(["GET", "POST"])
def offer(request: HttpRequest, application_id: int) -> HttpResponse:
    """The offer's terms, with what they come to a month and a year."""
    application = _owned(request, application_id)
    if not selectors.has_reached_offer(services.timeline_of(application)):
        messages.error(request, _("Move the application to Offer before you record the offer."))
        return redirect(application.get_absolute_url())
    saved = Offer.objects.filter(application=application).first()
    country = selectors.country_of(signed_in_user(request))
    default_currency = {"PH": "PHP", "IN": "INR"}.get(country, "INR")
    initial = offer_initial(saved) if saved else {"currency": default_currency}
    form = OfferForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.offer_save(
                application=application, currency=data["currency"],
                base_monthly=data["base_monthly"], shift=data["shift"],
                shift_start=data["shift_start"], shift_end=data["shift_end"],
                working_days_per_month=data["working_days_per_month"],
                night_differential_rate=form.rate(), allowances=form.allowances(),
                texts={name: data[name] for name in services.OFFER_TEXT_FIELDS},
                joining_date=data["joining_date"],
            )  # fmt: skip
        except ApplicationInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Offer saved."))
            return redirect("applications:offer", application_id=application.pk)
    return render(
        request,
        "applications/offer.html",
        {
            "form": form,
            "application": application,
            "figures": selectors.offer_figures(application),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _owned(request, application_id)
    if request.method == "POST":
        services.application_delete(application=application)
        messages.success(request, _("Deleted “%(title)s”.") % {"title": application})
        return redirect("applications:board")
    return render(request, "applications/delete.html", {"application": application})


@login_required
@require_GET
def offers(request: HttpRequest) -> HttpResponse:
    """The user's offers side by side, one table per currency."""
    result = selectors.offer_comparison(signed_in_user(request))
    tables = [
        {
            "currency": group.currency,
            "offers": [
                {
                    "label": figures.terms.label,
                    "url": reverse("applications:offer", args=[figures.terms.key]),
                    "night": figures.night,
                }
                for figures in group.offers
            ],
            "rows": [
                {"key": row.key, "label": _(row.label), "numeric": row.numeric,
                 "cells": row.cells}
                for row in group.rows
            ],
        }
        for group in result.comparison.groups
    ]  # fmt: skip
    return render(
        request,
        "applications/offers.html",
        {
            "tables": tables,
            "mixed_currencies": result.comparison.mixed_currencies,
            "problems": result.problems,
            "tab": "offers",
        },
    )


@login_required
@require_GET
def funnel(request: HttpRequest) -> HttpResponse:
    """Where the applications stop, and what helps at the biggest drop."""
    page = selectors.funnel(signed_in_user(request))
    return render(request, "applications/funnel.html", {"page": page, "tab": "funnel"})


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """Every application as CSV (UTF-8 with a BOM; formula-safe)."""
    user = signed_in_user(request)
    body = exports.csv_bytes(selectors.csv_rows(user))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="applications-{_today().isoformat()}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
