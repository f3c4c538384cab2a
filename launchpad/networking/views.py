"""Networking pages: the overview (follow-ups due, upcoming events, recent contacts), contacts
with their notes and CSV export, events, follow-up reminders, and the calendar: a download,
one file per item, and a feed that calendar apps subscribe to with a secret address.

Everything is the signed-in candidate's own and loaded through get_owned_or_404, except the
feed, whose unguessable token is the key (calendar apps cannot sign in).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from launchpad.applications.models import Application
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.core.ical import CalendarItem
from launchpad.networking import exports, selectors, services
from launchpad.networking.exceptions import NetworkingInputError
from launchpad.networking.forms import ContactForm, EventForm, FollowUpForm
from launchpad.networking.models import CalendarFeed, Contact, Event, FollowUp

# A subscribed calendar app is told to fetch the feed again after this long.
FEED_REFRESH = datetime.timedelta(hours=1)
# A new follow-up is due this many days ahead unless the candidate picks a day.
FOLLOW_UP_AFTER_DAYS = 3


def _today() -> datetime.date:
    """Today in the user's time zone (the middleware activates it)."""
    return timezone.localdate()


def _next_or(request: HttpRequest, default: str) -> str:
    """The posted `next` address when it is on this site, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _contact(request: HttpRequest, contact_id: int) -> Contact:
    return get_owned_or_404(Contact.objects.all(), user=signed_in_user(request), pk=contact_id)


def _event(request: HttpRequest, event_id: int) -> Event:
    return get_owned_or_404(
        Event.objects.prefetch_related("contacts"), user=signed_in_user(request), pk=event_id
    )


def _follow_up(request: HttpRequest, follow_up_id: int) -> FollowUp:
    return get_owned_or_404(
        selectors.follow_up_queryset(), user=signed_in_user(request), pk=follow_up_id
    )


def _ics_response(
    request: HttpRequest, items: list[CalendarItem], *, filename: str | None,
    refresh: datetime.timedelta | None = None,
) -> HttpResponse:  # fmt: skip
    """An iCalendar response: a download named `filename`, or (None) a feed shown inline."""
    response = HttpResponse(
        exports.ics(items, refresh=refresh), content_type=exports.ICS_CONTENT_TYPE
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Overview ------------------------------------------------------------------------------------


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Follow-ups by when they are due, the next events and the latest contacts."""
    user = signed_in_user(request)
    today = _today()
    return render(
        request,
        "networking/home.html",
        {
            "follow_ups": selectors.follow_ups(user, today=today),
            "events": selectors.upcoming_events(user, now=timezone.now(), limit=5),
            "contacts": selectors.recent_contacts(user),
            "today": today,
        },
    )


# Contacts ------------------------------------------------------------------------------------


@login_required
@require_GET
def contact_list(request: HttpRequest) -> HttpResponse:
    """The contacts, searched by words (`q`) and narrowed to one kind."""
    query = request.GET.get("q", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in Contact.Kind.values else ""
    user = signed_in_user(request)
    return render(
        request,
        "networking/contact_list.html",
        {
            "contacts": list(selectors.contacts(user, query=query, kind=kind)),
            "has_any": Contact.objects.filter(user=user).exists(),
            "q": query,
            "kind": kind,
            "kinds": Contact.Kind.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_save(user=user, fields=form.cleaned_data)
        except NetworkingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Added %(name)s.") % {"name": contact.name})
            return redirect(contact.get_absolute_url())
    return render(
        request, "networking/contact_form.html", {"form": form},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    """The contact's details, follow-ups and events, and the form to edit them."""
    user = signed_in_user(request)
    contact = _contact(request, contact_id)
    initial = {name: getattr(contact, name) for name in services.CONTACT_FIELDS}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_save(user=user, fields=form.cleaned_data, contact=contact)
        except NetworkingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(contact.get_absolute_url())
    if form.errors:
        contact.refresh_from_db()
    return render(
        request,
        "networking/contact_detail.html",
        {
            "contact": contact,
            "form": form,
            "follow_ups": selectors.follow_ups(user, today=_today(), contact=contact),
            "events": contact.events.order_by("-starts_at", "-id"),
            "today": _today(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def contact_delete(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact(request, contact_id)
    services.contact_delete(contact=contact)
    messages.success(
        request, _("Deleted %(name)s and the follow-ups about them.") % {"name": contact.name}
    )
    return redirect("networking:contacts")


@login_required
@require_GET
def contacts_csv(request: HttpRequest) -> HttpResponse:
    """Every contact as a CSV file that opens in Excel or any spreadsheet."""
    rows = selectors.contacts(signed_in_user(request))
    response = HttpResponse(exports.contacts_csv(rows), content_type=exports.CSV_CONTENT_TYPE)
    stamp = _today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="contacts-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


# Events --------------------------------------------------------------------------------------


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    now = timezone.now()
    return render(
        request,
        "networking/event_list.html",
        {
            "upcoming": selectors.upcoming_events(user, now=now),
            "past": selectors.past_events(user, now=now),
        },
    )


def _event_values(form: EventForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "title": data["title"], "kind": data["kind"], "starts_at": data["starts_at"],
        "ends_at": data["ends_at"], "location": data["location"], "url": data["url"],
        "notes": data["notes"], "contacts": list(data.get("contacts") or []),
    }  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = EventForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_save(user=user, **_event_values(form))
        except NetworkingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Added %(title)s.") % {"title": event.title})
            return redirect(event.get_absolute_url())
    return render(
        request, "networking/event_form.html", {"form": form},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    """The event, its follow-ups and the people met there, and the form to edit it."""
    user = signed_in_user(request)
    event = _event(request, event_id)
    initial = {
        "title": event.title, "kind": event.kind, "starts_at": event.starts_at,
        "ends_at": event.ends_at, "location": event.location, "url": event.url,
        "notes": event.notes, "contacts": [c.pk for c in event.contacts.all()],
    }  # fmt: skip
    form = EventForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_save(user=user, event=event, **_event_values(form))
        except NetworkingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(event.get_absolute_url())
    if form.errors:
        event = _event(request, event_id)
    return render(
        request,
        "networking/event_detail.html",
        {
            "event": event,
            "form": form,
            "follow_ups": selectors.follow_ups(user, today=_today(), event=event),
            "today": _today(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    services.event_delete(event=event)
    messages.success(request, _("Deleted %(title)s.") % {"title": event.title})
    return redirect("networking:events")


@login_required
@require_GET
def event_ics(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    item = selectors.event_item(event, now=timezone.now(), link=request.build_absolute_uri)
    return _ics_response(request, [item], filename=f"event-{event.pk}.ics")


# Follow-ups ----------------------------------------------------------------------------------


def _prefill(request: HttpRequest, model: type[Any], name: str) -> Any:
    """The user's own object named by ?<name>=<id>, or None."""
    value = request.GET.get(name, "")
    if not value.isdigit():
        return None
    return model.objects.filter(user=signed_in_user(request), pk=int(value)).first()


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_create(request: HttpRequest) -> HttpResponse:
    """A new reminder; ?contact=, ?event= or ?application= fill in what it is about."""
    user = signed_in_user(request)
    initial: dict[str, Any] = {"due_on": _today() + datetime.timedelta(days=FOLLOW_UP_AFTER_DAYS)}
    contact = _prefill(request, Contact, "contact")
    event = _prefill(request, Event, "event")
    application = _prefill(request, Application, "application")
    if application is not None:
        initial["application"] = application.pk
        initial["title"] = _("Follow up on %(application)s") % {"application": application}
    if event is not None:
        initial["event"] = event.pk
        initial["title"] = _("Follow up after %(event)s") % {"event": event.title}
    if contact is not None:
        initial["contact"] = contact.pk
        initial["title"] = _("Follow up with %(name)s") % {"name": contact.name}
    form = FollowUpForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            follow_up = services.follow_up_save(
                user=user, title=data["title"], due_on=data["due_on"], notes=data["notes"],
                contact=data["contact"], event=data["event"], application=data["application"],
            )  # fmt: skip
        except NetworkingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Saved. We will remind you on %(date)s.")
                % {"date": follow_up.due_on.strftime("%a %d %b %Y")},
            )
            if follow_up.contact is not None:
                default = follow_up.contact.get_absolute_url()
            elif follow_up.event is not None:
                default = follow_up.event.get_absolute_url()
            else:
                default = reverse("networking:home")
            return redirect(_next_or(request, default))
    return render(
        request,
        "networking/follow_up_form.html",
        {"form": form, "next": request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def follow_up_done(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = _follow_up(request, follow_up_id)
    services.follow_up_done(follow_up=follow_up, now=timezone.now())
    messages.success(request, _("Done: %(title)s.") % {"title": follow_up.title})
    return redirect(_next_or(request, reverse("networking:home")))


@login_required
@require_POST
def follow_up_reopen(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = _follow_up(request, follow_up_id)
    services.follow_up_reopen(follow_up=follow_up)
    messages.success(request, _("Back on your list: %(title)s.") % {"title": follow_up.title})
    return redirect(_next_or(request, reverse("networking:home")))


@login_required
@require_POST
def follow_up_delete(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = _follow_up(request, follow_up_id)
    services.follow_up_delete(follow_up=follow_up)
    messages.success(request, _("Deleted: %(title)s.") % {"title": follow_up.title})
    return redirect(_next_or(request, reverse("networking:home")))


@login_required
@require_GET
def follow_up_ics(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = _follow_up(request, follow_up_id)
    item = selectors.follow_up_item(follow_up, now=timezone.now(), link=request.build_absolute_uri)
    return _ics_response(request, [item], filename=f"follow-up-{follow_up.pk}.ics")


@login_required
@require_GET
def interview_ics(request: HttpRequest, application_id: int) -> HttpResponse:
    """The booked interview of one of the user's applications (404 when none is booked)."""
    application = get_owned_or_404(
        Application.objects.all(), user=signed_in_user(request), pk=application_id
    )
    if application.interview_at is None:
        raise Http404
    item = selectors.interview_item(
        application, now=timezone.now(), link=request.build_absolute_uri
    )
    return _ics_response(request, [item], filename=f"interview-{application.pk}.ics")


# The calendar --------------------------------------------------------------------------------


@login_required
@require_GET
def calendar_page(request: HttpRequest) -> HttpResponse:
    """The feed's addresses to subscribe to, the download, and the reset button."""
    token = services.calendar_feed_token(signed_in_user(request))
    https_url = request.build_absolute_uri(reverse("networking:calendar_feed", args=[token]))
    rest = https_url.partition("://")[2]
    return render(
        request,
        "networking/calendar.html",
        {
            "feed_url": https_url,
            "webcal_url": f"webcal://{rest}",
            "item_count": len(selectors.calendar_items(signed_in_user(request), timezone.now())),
        },
    )


@login_required
@require_POST
def calendar_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_reset(signed_in_user(request))
    messages.success(
        request,
        _("Your calendar has a new address. Calendars subscribed to the old one stop updating:"
          " subscribe again with the new address."),
    )  # fmt: skip
    return redirect("networking:calendar")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed calendar apps subscribe to. No sign-in: the secret token in the address is
    the key, and an unknown or replaced token is simply not found."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not token or not feed.user.is_active:
        raise Http404
    items = selectors.calendar_items(feed.user, timezone.now(), link=request.build_absolute_uri)
    return _ics_response(request, items, filename=None, refresh=FEED_REFRESH)


@login_required
@require_GET
def calendar_download(request: HttpRequest) -> HttpResponse:
    """The signed-in user's whole calendar as one file to import."""
    items = selectors.calendar_items(
        signed_in_user(request), timezone.now(), link=request.build_absolute_uri
    )
    return _ics_response(request, items, filename="bpo-launchpad.ics")
