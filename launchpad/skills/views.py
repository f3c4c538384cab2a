"""Skills lab pages. Views load through permission-scoped selectors and write through
services; the typing test page carries the one page script that records keystrokes."""

from __future__ import annotations

import datetime
import json
import random
import re
from typing import Any

import orjson
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from launchpad.common.requests import signed_in_user
from launchpad.core.charts import LineChart, line_chart
from launchpad.core.data_entry import EntryMode, fields_for
from launchpad.core.typing import read_events_json
from launchpad.skills import selectors, services
from launchpad.skills.exceptions import (
    AttemptAlreadySubmittedError,
    InvalidLogError,
    NoPassagesError,
    NothingToDrillError,
)
from launchpad.skills.forms import DataEntryStartForm, TypingStartForm
from launchpad.skills.models import TypingAttempt

# Passage choice only needs to vary between sittings, not to be unpredictable.
_rng = random.Random()
MAX_SUBMIT_BYTES = 512 * 1024


def _chart(values: list[float], *, percent: bool = False) -> LineChart | None:
    # Drawn at about phone width so labels stay readable; the figure is capped at 40rem wide.
    # Percentages keep a fixed 0-100 scale so a low score never looks like a full one.
    if not values:
        return None
    return line_chart(values, width=360, height=180, y_max=100 if percent else None)


@login_required
@require_GET
def lab(request: HttpRequest) -> HttpResponse:
    """The skills lab hub: what can be practised, and how the candidate is doing."""
    attempts = list(
        selectors.scored_typing_attempts(signed_in_user(request))[: selectors.HISTORY_LIMIT]
    )
    return render(
        request,
        "skills/lab.html",
        {"progress": selectors.typing_progress(attempts), "recent": attempts[:5]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def typing_start(request: HttpRequest) -> HttpResponse:
    form = TypingStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mode, duration = form.mode_and_duration()
        try:
            attempt = services.typing_attempt_start(
                user=signed_in_user(request),
                mode=mode,
                duration_s=duration,
                kind=form.cleaned_data["kind"],
                difficulty=form.cleaned_data["difficulty"],
                rng=_rng,
                now=timezone.now(),
            )
        except NoPassagesError as error:
            form.add_error(None, str(error))
        else:
            return redirect(attempt)
    return render(request, "skills/typing_start.html", {"form": form})


@login_required
@require_GET
def typing_attempt(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The test itself while it is open; its result once scored."""
    attempt = selectors.typing_attempt_for(request.user, attempt_id)
    if not attempt.is_scored:
        config = {
            "mode": attempt.mode,
            "duration": attempt.duration_s,
            "text": attempt.text,
            "submitUrl": reverse("skills:typing_submit", args=[attempt.pk]),
        }
        return render(request, "skills/typing_test.html", {"attempt": attempt, "config": config})
    result = attempt.result or {}
    per_second = [float(v) for v in result.get("raw_per_second") or []]
    return render(
        request,
        "skills/typing_result.html",
        {
            "attempt": attempt,
            "result": result,
            "chart": _chart(per_second),
            "checks": selectors.typing_threshold_checks(attempt),
        },
    )


@login_required
@require_POST
def typing_submit(request: HttpRequest, attempt_id: int) -> JsonResponse:
    """Receives the keystroke log as JSON ({"events": [...]}) and answers with JSON: the
    result page's address (all the page needs), or an error."""
    attempt = selectors.typing_attempt_for(request.user, attempt_id)
    body = request.body
    if len(body) > MAX_SUBMIT_BYTES:
        return JsonResponse({"error": _("The keystroke log is too large.")}, status=400)
    # What the page sends, a well-formed log, is read straight into keystrokes; anything
    # else is decoded first.
    events_json = _plain_events_json(body)
    keystrokes = None if events_json is None else read_events_json(events_json)
    try:
        if keystrokes is not None and events_json is not None:
            services.typing_attempt_submit_keystrokes(
                attempt=attempt, keystrokes=keystrokes, events_json=events_json,
                now=timezone.now(),
            )  # fmt: skip
        elif refused := _submit_decoded(attempt, body or b"null"):
            return refused
    except AttemptAlreadySubmittedError as error:
        return JsonResponse({"error": str(error), "url": attempt.get_absolute_url()}, status=409)
    except InvalidLogError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"url": attempt.get_absolute_url()})


# The page sends exactly {"events": [...]}; JSON whitespace may surround the parts.
_EVENTS_OPENING = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*"events"[ \t\n\r]*:[ \t\n\r]*')
_JSON_SPACE = " \t\n\r"
_decoder = json.JSONDecoder()


def _submit_decoded(attempt: TypingAttempt, body: bytes) -> JsonResponse | None:
    """Decodes a body that is not a plainly well-formed log and submits its events; returns
    the error to answer when it is not JSON or not an object with events."""
    # Bad JSON, bad UTF-8 and a number of more digits than Python converts are
    # ValueErrors; nesting too deep is a RecursionError.
    try:
        payload, events_json = _read_submission(body)
    except (ValueError, RecursionError):
        return JsonResponse({"error": _("The keystroke log is not valid JSON.")}, status=400)
    if not isinstance(payload, dict) or "events" not in payload:
        return JsonResponse({"error": _("Send an object with an events list.")}, status=400)
    services.typing_attempt_submit(
        attempt=attempt, events=payload["events"], events_json=events_json, now=timezone.now()
    )
    return None


def _plain_events_json(body: bytes) -> str | None:
    """The text between `{"events":` and the closing brace when `body` is UTF-8 of that
    shape (which says nothing yet of whether that text is JSON), else None."""
    try:
        return _events_text(body.decode())
    except UnicodeDecodeError:
        return None


def _events_text(text: str) -> str | None:
    """`_plain_events_json` of the decoded body."""
    opening = _EVENTS_OPENING.match(text)
    if not opening:
        return None
    closing = len(text.rstrip(_JSON_SPACE)) - 1
    if closing < opening.end() or text[closing] != "}":
        return None
    return text[opening.end() : closing].rstrip(_JSON_SPACE)


def _read_submission(body: bytes) -> tuple[Any, str | None]:
    """The decoded body and, when it is just {"events": [...]}, the JSON text of the events.

    The service can then store that text instead of encoding the events again. Any other
    body is decoded exactly as json.loads decodes it (and fails the same way).

    The events are read with orjson, a few times faster than json on a log of thousands of
    keystrokes, when it accepts them; it accepts less than json does (no NaN or Infinity,
    no lone surrogate escape, no number beyond a float's range, nesting to a depth of 1,024)
    and reads what it accepts as json does, except that it reads an integer beyond 64 bits
    as the nearest float, the number the scorer makes of it anyway. Whatever it refuses
    goes the way it went before orjson, through json.
    """
    try:
        text = body.decode()
    except UnicodeDecodeError:  # perhaps UTF-16, which json.loads also reads
        return json.loads(body), None
    events_json = _events_text(text)
    if events_json is not None:
        try:
            return {"events": orjson.loads(events_json)}, events_json
        except orjson.JSONDecodeError:
            pass
    opening = _EVENTS_OPENING.match(text)
    if opening:
        try:
            events, end = _decoder.raw_decode(text, opening.end())
        except json.JSONDecodeError:
            events, end = None, -1
        if end > 0 and text[end:].strip(_JSON_SPACE) == "}":
            return {"events": events}, text[opening.end() : end]
    return json.loads(body), None


@login_required
@require_POST
def typing_drill(request: HttpRequest, attempt_id: int) -> HttpResponse:
    source = selectors.typing_attempt_for(request.user, attempt_id)
    try:
        drill = services.typing_drill_start(
            user=signed_in_user(request), source=source, rng=_rng, now=timezone.now()
        )
    except NothingToDrillError as error:
        messages.info(request, str(error))
        return redirect(source)
    return redirect(drill)


@login_required
@require_GET
def typing_history(request: HttpRequest) -> HttpResponse:
    attempts = list(
        selectors.scored_typing_attempts(signed_in_user(request))[: selectors.HISTORY_LIMIT]
    )
    oldest_first = list(reversed(attempts))
    return render(
        request,
        "skills/typing_history.html",
        {
            "attempts": attempts,
            "progress": selectors.typing_progress(attempts),
            "wpm_chart": _chart([a.wpm or 0.0 for a in oldest_first]),
            "accuracy_chart": _chart([a.accuracy or 0.0 for a in oldest_first], percent=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def data_entry_start(request: HttpRequest) -> HttpResponse:
    form = DataEntryStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attempt = services.data_entry_start(
            user=signed_in_user(request), mode=form.cleaned_data["mode"], rng=_rng,
            now=timezone.now(),
        )  # fmt: skip
        return redirect(attempt)
    attempts = selectors.recent_data_entry_attempts(signed_in_user(request))
    return render(
        request,
        "skills/data_entry_start.html",
        {"form": form, "recent": attempts[:5],
         "chart": _chart([a.kph or 0.0 for a in reversed(attempts)])},
    )  # fmt: skip


@login_required
@require_POST
def data_entry_drill(request: HttpRequest, attempt_id: int) -> HttpResponse:
    source = selectors.data_entry_attempt_for(request.user, attempt_id)
    try:
        drill = services.data_entry_drill(
            user=signed_in_user(request), source=source, now=timezone.now()
        )
    except NothingToDrillError as error:
        messages.info(request, str(error))
        return redirect(source)
    return redirect(drill)


@login_required
@require_http_methods(["GET", "POST"])
def data_entry_attempt(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The records and the entry form while open (POST submits); the result once scored."""
    attempt = selectors.data_entry_attempt_for(request.user, attempt_id)
    specs = fields_for(EntryMode(attempt.mode))
    if request.method == "POST":
        entered = [
            {spec.name: request.POST.get(f"r{index}-{spec.name}", "") for spec in specs}
            for index in range(1, len(attempt.records) + 1)
        ]
        try:
            services.data_entry_submit(attempt=attempt, entered=entered, now=timezone.now())
        except AttemptAlreadySubmittedError as error:
            messages.info(request, str(error))
        return redirect(attempt)
    if not attempt.is_scored:
        rows = [
            {"number": index, "values": [(spec, record[spec.name]) for spec in specs]}
            for index, record in enumerate(attempt.records, 1)
        ]
        deadline = attempt.started_at + datetime.timedelta(seconds=attempt.time_limit_s)
        return render(
            request,
            "skills/data_entry_test.html",
            {"attempt": attempt, "rows": rows, "specs": specs, "deadline": deadline},
        )
    return render(
        request,
        "skills/data_entry_result.html",
        {
            "attempt": attempt,
            "result": attempt.result or {},
            "labels": {spec.name: spec.label for spec in specs},
            "checks": selectors.data_entry_threshold_checks(attempt),
        },
    )


QUIZ_INFO = {
    "english": {
        "title": _lazy("English test"),
        "about": _lazy(
            "Grammar, vocabulary and reading comprehension in workplace English, drawn fresh "
            "for every attempt, with a score per skill and an estimated CEFR band."
        ),
    },
    "sjt": {
        "title": _lazy("Customer-service judgment test"),
        "about": _lazy(
            "Real situations (an irate caller, a refund outside policy, a request for a "
            "supervisor, a data-privacy request): pick the best response. Good but weaker "
            "answers earn partial credit, and the reasoning is shown afterwards."
        ),
    },
    "computer": {
        "title": _lazy("Computer proficiency test"),
        "about": _lazy(
            "Files and folders, documents, spreadsheets, e-mail, CRM and ticketing tools, "
            "troubleshooting, internet safety and keyboard shortcuts."
        ),
    },
}


def _quiz_info(test: str) -> dict[str, Any]:
    info = QUIZ_INFO.get(test)
    if info is None:
        raise Http404
    return {"test": test, **info}


@login_required
@require_http_methods(["GET", "POST"])
def quiz_start(request: HttpRequest, test: str) -> HttpResponse:
    info = _quiz_info(test)
    user = signed_in_user(request)
    if request.method == "POST":
        try:
            attempt = services.quiz_start(
                user=user, test=test, focus_skill=request.POST.get("focus_skill", "")[:40],
                rng=_rng, now=timezone.now(),
            )  # fmt: skip
        except (InvalidLogError, NoPassagesError) as error:
            messages.error(request, str(error))
        else:
            return redirect(attempt)
    spec = services.QUIZ_SPECS[test]
    attempts = selectors.recent_quiz_attempts(user, test)
    skill_charts = [
        (skill, _chart(series, percent=True))
        for skill, series in selectors.quiz_skill_history(list(reversed(attempts))).items()
    ]
    return render(
        request,
        "skills/quiz_start.html",
        {
            "info": info,
            "minutes": spec["minutes"],
            "recent": attempts[:5],
            "chart": _chart([a.percent or 0.0 for a in reversed(attempts)], percent=True),
            "skill_charts": skill_charts,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def quiz_attempt(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The questions while open (POST submits the answers); the marked result once scored."""
    attempt = selectors.quiz_attempt_for(request.user, attempt_id)
    info = _quiz_info(attempt.test)
    if request.method == "POST":
        answers: dict[str, int | None] = {}
        problem = ""
        for entry in attempt.form:
            raw = request.POST.get(f"q-{entry['slug']}", "")
            if raw == "":
                answers[entry["slug"]] = None
            elif raw.isdigit():
                answers[entry["slug"]] = int(raw)
            else:
                problem = _("One of the answers was not one of the options; nothing was saved.")
        if not problem:
            try:
                services.quiz_submit(attempt=attempt, answers=answers, now=timezone.now())
            except AttemptAlreadySubmittedError as error:
                messages.info(request, str(error))
                return redirect(attempt)
            except InvalidLogError as error:
                problem = str(error)
            else:
                return redirect(attempt)
        messages.error(request, problem)
        return redirect(attempt)
    context = {"attempt": attempt, "info": info, "items": selectors.quiz_items_as_shown(attempt)}
    if not attempt.is_scored:
        context["deadline"] = attempt.started_at + datetime.timedelta(seconds=attempt.time_limit_s)
        return render(request, "skills/quiz_test.html", context)
    return render(request, "skills/quiz_result.html", {**context, "result": attempt.result})


@login_required
@require_http_methods(["GET", "POST"])
def reply_start(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if request.method == "POST":
        try:
            attempt = services.reply_start(
                user=user, channel=request.POST.get("channel", ""), rng=_rng, now=timezone.now()
            )
        except (InvalidLogError, NoPassagesError) as error:
            messages.error(request, str(error))
        else:
            return redirect(attempt)
    attempts = selectors.recent_reply_attempts(user)
    return render(
        request,
        "skills/reply_start.html",
        {
            "recent": attempts[:5],
            "chart": _chart([a.total or 0.0 for a in reversed(attempts)], percent=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reply_attempt(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The customer's message and a reply box while open (POST sends); the marked reply after."""
    attempt = selectors.reply_attempt_for(request.user, attempt_id)
    text = ""
    error = ""
    if request.method == "POST":
        text = request.POST.get("reply", "")
        try:
            services.reply_submit(attempt=attempt, text=text, now=timezone.now())
        except AttemptAlreadySubmittedError as problem:
            messages.info(request, str(problem))
            return redirect(attempt)
        except InvalidLogError as problem:
            error = str(problem)
        else:
            return redirect(attempt)
        attempt.refresh_from_db()
    if not attempt.is_scored:
        deadline = attempt.started_at + datetime.timedelta(seconds=attempt.time_limit_s)
        return render(
            request,
            "skills/reply_test.html",
            {"attempt": attempt, "deadline": deadline, "text": text, "error": error},
            status=400 if error else 200,
        )
    result = attempt.result or {}
    weakest = min(result.get("criteria") or [{}], key=lambda c: c.get("score", 100))
    return render(
        request,
        "skills/reply_result.html",
        {
            "attempt": attempt,
            "result": result,
            "weakest": weakest,
            "tip": REPLY_TIPS.get(weakest.get("key", ""), ""),
        },
    )


# One practical habit per rubric criterion, offered for the reply's weakest one.
REPLY_TIPS = {
    "grammar": _lazy(
        "Read the reply once aloud before sending, and fix each word the checker marked."
    ),
    "greeting_closing": _lazy(
        'Open with the customer\'s name ("Hi Maria,") and close by offering more help and '
        'signing off ("Is there anything else I can help with? Regards, ...").'
    ),
    "empathy": _lazy(
        'Say sorry for the trouble and name the feeling before the fix: "I am sorry about '
        'the double charge; I understand how frustrating this is."'
    ),
    "ownership": _lazy(
        'Say what you will do, in the first person, with a time or a reference: "I have '
        'raised a refund under ORD-58213; you will see it within 5 working days."'
    ),
    "clarity": _lazy("Keep sentences under 20 words and prefer short, everyday words."),
    "tone": _lazy(
        "Drop slang and capitals for emphasis, never blame the customer, and use one "
        "exclamation mark at most."
    ),
}
