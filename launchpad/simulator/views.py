"""Call simulator pages: the scenario list with the candidate's QA history, a scenario's
brief, the conversation (one run, or two or three chats side by side), and the result: the
transcript beside the scorecard with the turns that earned or lost each line.

Every page works without JavaScript (a reply is a normal form POST). With htmx a reply
appends the agent's turn and the customer's answer, and refreshes the status out of band;
static/js/simulator.js adds the clock, dead-air hints, focus and speech for voice calls."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from launchpad.careers.models import Track
from launchpad.common.getters import get_owned_or_404
from launchpad.common.requests import signed_in_user
from launchpad.core import call_qa
from launchpad.simulator import selectors, services
from launchpad.simulator.exceptions import SimulatorInputError
from launchpad.simulator.forms import ReplyForm
from launchpad.simulator.models import Channel, Scenario, SimulationRun


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _is_htmx(request: HttpRequest) -> bool:
    return bool(cast(HtmxHttpRequest, request).htmx)


def _run(request: HttpRequest, run_id: int) -> SimulationRun:
    return get_owned_or_404(
        SimulationRun.objects.select_related("scenario"), user=signed_in_user(request),
        pk=run_id,
    )  # fmt: skip


def _published(slug: str) -> Scenario:
    scenario = get_object_or_404(Scenario, slug=slug, is_published=True)
    if scenario.problems():
        raise Http404
    return scenario


def _track_choices() -> list[tuple[str, str]]:
    names = dict(Track.objects.filter(slug__in=call_qa.TRACKS).values_list("slug", "name"))
    return [(t, str(names.get(t) or t.replace("-", " ").capitalize())) for t in call_qa.TRACKS]


def _elapsed(run: SimulationRun) -> float:
    return round(max(0.0, (timezone.now() - run.started_at).total_seconds()), 1)


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Published scenarios (by track and channel), recent runs and the QA score history."""
    user = signed_in_user(request)
    track = request.GET.get("track", "")
    channel = request.GET.get("channel", "")
    track = track if track in call_qa.TRACKS else ""
    channel = channel if channel in Channel.values else ""
    scenarios = list(selectors.published(track=track, channel=channel))
    return render(
        request,
        "simulator/home.html",
        {
            "scenarios": scenarios,
            "chats": list(selectors.published(channel=Channel.CHAT)),
            "tracks": _track_choices(),
            "channels": Channel.choices,
            "track": track,
            "channel": channel,
            "runs": list(selectors.runs_of(user).filter(finished_at__isnull=True)[:10]),
            "history": selectors.history(user),
            "averages": selectors.averages(user),
        },
    )


@login_required
@require_GET
def scenario(request: HttpRequest, slug: str) -> HttpResponse:
    """The brief: persona, situation, policy and what to find out (never the answers)."""
    row = _published(slug)
    parsed = row.scenario()
    fields = set(parsed.verification.fields)
    facts = [{"fact": f, "verify": f.key in fields} for f in parsed.facts]
    return render(
        request,
        "simulator/scenario.html",
        {
            "row": row,
            "sc": parsed,
            "facts": facts,
            "verify_labels": [parsed.fact(k).label for k in parsed.verification.fields],
            "mood_word": selectors.MOOD_WORDS[parsed.persona.mood_start],
            "dead_air": selectors.dead_air_seconds(parsed.channel),
            "past": selectors.runs_of(signed_in_user(request)).filter(scenario=row)[:5],
        },
    )


@login_required
@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    row = _published(slug)
    try:
        run = services.run_start(user=signed_in_user(request), scenario=row, now=timezone.now())
    except SimulatorInputError as error:
        messages.error(request, str(error))
        return redirect("simulator:home")
    return redirect("simulator:run", run_id=run.pk)


@login_required
@require_POST
def multi_start(request: HttpRequest) -> HttpResponse:
    slugs = request.POST.getlist("scenario")[:5]
    rows = list(Scenario.objects.filter(slug__in=slugs, is_published=True))
    try:
        if len(rows) != len(set(slugs)):
            raise SimulatorInputError(_("Choose two or three chats from the list."))
        runs = services.multi_start(user=signed_in_user(request), scenarios=rows,
                                    now=timezone.now())  # fmt: skip
    except SimulatorInputError as error:
        messages.error(request, str(error))
        return redirect(reverse("simulator:home") + "#multi")
    return redirect("simulator:multi", group=runs[0].group)


def _conversation(run: SimulationRun, form: ReplyForm | None = None) -> dict[str, Any]:
    """What one conversation panel shows."""
    sim = selectors.simulation(run)
    return {
        "run": run,
        "sc": sim.scenario,
        "turns": selectors.turns(sim),
        "status": selectors.status(run),
        "form": form or ReplyForm(run_id=run.pk),
        "elapsed": _elapsed(run),
        "is_voice": sim.scenario.channel == Channel.VOICE,
        "multi": run.mode == SimulationRun.Mode.MULTI,
    }


def _run_page(request: HttpRequest, run: SimulationRun, form: ReplyForm | None = None,
              status: int = 200) -> HttpResponse:  # fmt: skip
    context = _conversation(run, form)
    return render(request, "simulator/run.html", {"c": context, **context}, status=status)


@login_required
@require_GET
def run(request: HttpRequest, run_id: int) -> HttpResponse:
    """The conversation: the customer's lines, the reply box, the clock and the mood."""
    current = _run(request, run_id)
    if current.is_finished:
        return redirect("simulator:result", run_id=current.pk)
    return _run_page(request, current)


@login_required
@require_GET
def multi(request: HttpRequest, group: str) -> HttpResponse:
    """Two or three chats side by side (stacked on phones), each with its own reply box."""
    runs = selectors.group_runs(signed_in_user(request), group)
    if not runs:
        raise Http404
    return render(
        request,
        "simulator/multi.html",
        {"conversations": [_conversation(r) for r in runs], "group": group,
         "all_done": all(r.is_finished for r in runs)},
    )  # fmt: skip


def _after(run: SimulationRun) -> HttpResponse:
    if run.mode == SimulationRun.Mode.MULTI and run.group:
        return redirect(reverse("simulator:multi", args=[run.group]) + f"#run{run.pk}")
    if run.is_finished:
        return redirect("simulator:result", run_id=run.pk)
    return redirect(reverse("simulator:run", args=[run.pk]) + f"#run{run.pk}-reply-area")


@login_required
@require_POST
def say(request: HttpRequest, run_id: int) -> HttpResponse:
    """The candidate's reply. With htmx: the two new turns, and out of band the status, the
    reply box (empty again, or the link to the result) and the announcement."""
    current = _run(request, run_id)
    htmx = _is_htmx(request)
    if current.is_finished:
        if htmx:
            return HttpResponse(headers={"HX-Redirect": current.get_absolute_url()})
        return _after(current)
    form = ReplyForm(request.POST, run_id=current.pk)
    if form.is_valid():
        shown = len(selectors.simulation(current).transcript)
        try:
            current = services.run_say(
                run=current, text=form.cleaned_data["text"], at_seconds=form.cleaned_data["at"],
                now=timezone.now(),
            )  # fmt: skip
        except SimulatorInputError as error:
            form.add_error(None, str(error))
        else:
            if not htmx:
                return _after(current)
            context = _conversation(current)
            context["new_turns"] = context["turns"][shown:]
            return render(request, "simulator/_said.html", {"c": context, **context})
    if htmx:
        context = _conversation(current, form)
        return render(request, "simulator/_said.html", {"c": context, **context, "new_turns": []})
    if current.mode == SimulationRun.Mode.MULTI:
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
        return _after(current)
    return _run_page(request, current, form, status=400)


@login_required
@require_POST
def end(request: HttpRequest, run_id: int) -> HttpResponse:
    """The candidate ends the conversation early; what there is, is scored."""
    current = _run(request, run_id)
    if not current.is_finished:
        current = services.run_finish(run=current, now=timezone.now())
    if current.mode == SimulationRun.Mode.MULTI and current.group:
        return _after(current)
    return redirect("simulator:result", run_id=current.pk)


@login_required
@require_GET
def result(request: HttpRequest, run_id: int) -> HttpResponse:
    """The transcript with the scorecard beside it, fatal items and what to do better."""
    current = _run(request, run_id)
    if not current.is_finished or current.score is None:
        return redirect("simulator:run", run_id=current.pk)
    sim = selectors.simulation(current)
    score: dict[str, Any] = current.score
    cites: dict[int, list[dict[str, Any]]] = {}
    for line in score["lines"]:
        for evidence in line["evidence"]:
            if evidence["turn"] is not None:
                cites.setdefault(evidence["turn"], []).append(
                    {"key": line["key"], "label": line["label"], "earned": evidence["earned"]}
                )
    for fatal in score["fatal"]:
        cites.setdefault(fatal["turn"], []).append(
            {"key": f"fatal-{fatal['key']}", "label": fatal["label"], "earned": False}
        )
    turns = [
        # one tag per line and verdict: a line may cite the same turn for several reasons
        {
            "turn": t,
            "cites": list({(c["key"], c["earned"]): c for c in cites.get(t.index, [])}.values()),
        }
        for t in selectors.turns(sim)
    ]
    handle = float(score["handle_seconds"])
    target = int(score["target_handle_seconds"])
    return render(
        request,
        "simulator/result.html",
        {
            "run": current,
            "sc": sim.scenario,
            "score": score,
            "turns": turns,
            "handle": handle,
            "target": target,
            "within_target": handle <= target,
            "outcome": current.outcome,
            "dead_air_count": len(sim.dead_air),
        },
    )


@login_required
@require_POST
def run_delete(request: HttpRequest, run_id: int) -> HttpResponse:
    current = _run(request, run_id)
    services.run_delete(run=current)
    messages.success(request, _("The run is deleted."))
    return redirect("simulator:home")
