"""Turns readiness reads into what the pages show: links to practice, weeks, the panel."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from launchpad.accounts.models import User
from launchpad.core.charts import LineChart, line_chart
from launchpad.core.weekly_plan import practice_streak, week_start
from launchpad.readiness import selectors, services
from launchpad.readiness.models import PlanItem


def _measure_url(measure: str) -> str:
    """Where to practise what `measure` measures."""
    if measure.startswith("typing."):
        return reverse("skills:typing_start")
    if measure.startswith("data_entry."):
        return reverse("skills:data_entry_start")
    if measure.startswith("reply."):
        return reverse("skills:reply_start")
    if measure == "language.other":
        return reverse("readiness:profile")
    if measure.startswith("qa."):
        return reverse("simulator:home")
    test = {"english.percent": "english", "judgment.percent": "sjt"}.get(measure, "computer")
    return reverse("skills:quiz_start", args=[test])


def item_url(item: PlanItem) -> str:
    """Where a plan step is done."""
    if item.kind == "drill":
        return _measure_url(item.ref)
    if item.kind == "knockout":
        return reverse("readiness:profile")
    if item.kind == "certification":
        return reverse("careers:certification_detail", args=[item.ref])
    if item.kind == "interview":
        return reverse("careers:guide_detail", args=["hiring-process"])
    if item.kind == "learn":
        if item.ref.startswith("track-"):
            return reverse("careers:track_detail", args=[item.ref.removeprefix("track-")])
        return reverse("careers:guide_detail", args=[item.ref])
    return reverse("careers:track_detail", args=[item.ref])


def report_context(report: selectors.Report) -> dict[str, Any]:
    """The report plus, for every component, the link to the practice that raises it."""
    links = {
        c.spec.measure: _measure_url(c.spec.measure)
        for track in report.tracks
        for c in track.index.components
    }
    return {"report": report, "links": links}


@dataclass
class WeekView:
    starts: datetime.date
    items: list[PlanItem]
    is_current: bool
    is_past: bool


def plan_weeks(items: Sequence[PlanItem], *, today: datetime.date) -> list[WeekView]:
    """The plan's items grouped by week (each item carrying its `url`), in order."""
    this_week = week_start(today)
    weeks: dict[datetime.date, WeekView] = {}
    for item in items:
        item.url = item_url(item)  # type: ignore[attr-defined]
        view = weeks.get(item.week_start)
        if view is None:
            view = WeekView(item.week_start, [], item.week_start == this_week,
                            item.week_start < this_week)  # fmt: skip
            weeks[item.week_start] = view
        view.items.append(item)
    return [weeks[day] for day in sorted(weeks)]


@dataclass(frozen=True)
class TrackTrend:
    slug: str
    name: str
    latest: float | None
    chart: LineChart | None
    summary: str


def dashboard_panel(user: User, *, today: datetime.date, now: datetime.datetime) -> dict[str, Any]:
    """Readiness for the dashboard: indexes over time, streak, latest results, this week."""
    tz = timezone.get_current_timezone()
    report = selectors.report(user, now=now)
    slugs, points = selectors.history(report, tz=tz)
    names = {t.track.slug: t.track.name for t in report.tracks}
    trends = []
    for slug in slugs:
        values = [p.values[slug] for p in points if p.values.get(slug) is not None]
        latest = report.track(slug)
        chart = (
            line_chart([float(v) for v in values if v is not None], width=280, height=110,
                       y_max=100)
            if len(values) >= 2
            else None
        )  # fmt: skip
        trends.append(
            TrackTrend(
                slug=slug,
                name=names.get(slug, slug),
                latest=latest.index.index if latest else None,
                chart=chart,
                summary=", ".join(f"{v:.0f}" for v in values if v is not None),
            )
        )
    trends.sort(key=lambda t: -(t.latest if t.latest is not None else -1))
    items = services.plan_refresh(user=user, report=report, today=today) if report.tracks else []
    this_week = [i for i in items if i.week_start == week_start(today)]
    for item in this_week:
        item.url = item_url(item)  # type: ignore[attr-defined]
    return {
        "readiness": report,
        "trends": trends,
        "streak": practice_streak(selectors.practice_days(user, tz=tz), today),
        "latest_results": selectors.latest_results(user),
        "this_week": this_week,
        "check": selectors.active_check(user),
    }
