"""Goal rules and wording shared by forms, services, selectors and the API.

Kept free of database access so the same rule (for example the allowed target-date window)
gives the same answer, in the same words, wherever a goal is created or changed.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from launchpad.common.text import format_years
from launchpad.core.ladder import UNKNOWN_STEP_YEARS
from launchpad.core.planner import Feasibility

# A planning horizon, not a sourced figure: beyond fifteen years the ladder's typical years
# say nothing useful, and a date that far out is more often a typo than a plan.
MAX_YEARS_AHEAD = 15
DAYS_PER_YEAR = 365.25

CONFIDENCE_NOTE = gettext_lazy(
    "Timelines are a low-confidence synthesis of sources that disagree: one says a strong "
    "performer can reach Team Leader in about a year, another says at least two years at the "
    "starting level, another three to four. Use them as a guide, not a promise."
)

VERDICT_MEANINGS = {
    Feasibility.COMFORTABLE: gettext_lazy(
        "You have at least the longest typical time for this path, so there is room for setbacks."
    ),
    Feasibility.REALISTIC: gettext_lazy("Your time falls within the typical range for this path."),
    Feasibility.AMBITIOUS: gettext_lazy(
        "You have less than the shortest typical time, but at least half of it. Strong "
        "performers do move this fast: show results early and ask about internal openings."
    ),
    Feasibility.VERY_AMBITIOUS: gettext_lazy(
        "You have less than half of the shortest typical time. Consider a later date or a "
        "nearer role as a first goal."
    ),
}

VERDICT_LABELS = {
    Feasibility.COMFORTABLE: gettext_lazy("comfortable"),
    Feasibility.REALISTIC: gettext_lazy("realistic"),
    Feasibility.AMBITIOUS: gettext_lazy("ambitious"),
    Feasibility.VERY_AMBITIOUS: gettext_lazy("very ambitious"),
}


def latest_target_date(today: datetime.date) -> datetime.date:
    """The furthest target date allowed: the same day MAX_YEARS_AHEAD years from today."""
    try:
        return today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February in a year that is not a leap year
        return today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)


def target_date_problem(target_date: datetime.date, today: datetime.date) -> str | None:
    """Returns why `target_date` cannot be a goal's date, or None when it can."""
    if target_date <= today:
        return _("Pick a date after today (%(today)s).") % {
            "today": date_format(today, "DATE_FORMAT")
        }
    latest = latest_target_date(today)
    if target_date > latest:
        return _(
            "Pick a date at most %(years)d years ahead (on or before %(latest)s): further out "
            "than that, the ladder's typical years say little."
        ) % {"years": MAX_YEARS_AHEAD, "latest": date_format(latest, "DATE_FORMAT")}
    return None


def format_days(days: int) -> str:
    """Time available in words: days under a month, months under a year, else years."""
    if days < 31:
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    if days < 365:
        months = max(1, round(days / (DAYS_PER_YEAR / 12)))
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return format_years(days / DAYS_PER_YEAR)


def with_article(title: str) -> str:
    """The title with its indefinite article: "an Operations Manager", "a Team Leader"."""
    article = "an" if title[:1].lower() in "aeiou" else "a"
    return f"{article} {title}"


def unknown_step_text() -> str:
    """How a step without a sourced typical time is described."""
    return _("not known (no source gives one; the plan assumes %(span)s)") % {
        "span": format_years(UNKNOWN_STEP_YEARS)
    }


def assumed_steps_note(count: int) -> str:
    """Says how many steps of the path were counted at the assumed time, if any."""
    if not count:
        return ""
    return ngettext(
        "%(count)d step of this path has no sourced typical time; it is counted as %(span)s.",
        "%(count)d steps of this path have no sourced typical time; each is counted as %(span)s.",
        count,
    ) % {"count": count, "span": format_years(UNKNOWN_STEP_YEARS)}


def feasibility_sentence(*, verdict: Feasibility, available: str, typical: str) -> str:
    """The verdict in one sentence, e.g. "You gave yourself 1.5 years; the typical range for
    this path is 1-3 years: realistic."."""
    return _(
        "You gave yourself %(available)s; the typical range for this path is %(typical)s: "
        "%(verdict)s."
    ) % {"available": available, "typical": typical, "verdict": VERDICT_LABELS[verdict]}
