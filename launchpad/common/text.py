"""Wording shared by every app: spans of years said the same way everywhere."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def format_years(value: float) -> str:
    """A span of years in words: "6 months", "1 year", "1.5 years"."""
    if value < 1:
        months = round(value * 12)
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    number = round(value, 1)
    return ngettext("%(count)s year", "%(count)s years", 1 if number == 1 else 2) % {
        "count": _number(number)
    }


def format_year_range(low: float, high: float) -> str:
    """A typical range in words: "1-3 years", "6-18 months", "6 months to 1.5 years"."""
    if low == high:
        return format_years(low)
    if high < 1:
        return _("%(low)d–%(high)d months") % {
            "low": round(low * 12),
            "high": round(high * 12),
        }
    if low >= 1:
        return _("%(low)s–%(high)s years") % {
            "low": _number(low),
            "high": _number(high),
        }
    return _("%(low)s to %(high)s") % {"low": format_years(low), "high": format_years(high)}
