"""Template helpers for the Explorer: sources, money, years and the ladder diagram."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from launchpad.common.text import format_year_range
from launchpad.core.ladder import CareerPath, Ladder, layout_ladder

register = template.Library()

ONET_CREDIT = (
    "This page includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)
ONET_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

CURRENCY_SYMBOLS = {"INR": "₹", "PHP": "₱", "USD": "US$"}


# --- Sources ------------------------------------------------------------------------------


def grade_label(grade: str) -> str:
    return {
        "A": _("official source"),
        "B": _("industry body, media or employer"),
        "C": _("blog or job board: indicative"),
    }.get(grade, _("ungraded"))


def safe_url(value: object) -> str:
    """The URL when it is an http(s) address, else "" (never a javascript: link)."""
    if not isinstance(value, str):
        return ""
    url = value.strip()
    if url.lower().startswith(("https://", "http://")) and not any(c.isspace() for c in url):
        return url
    return ""


@register.filter(name="safe_url")
def safe_url_filter(value: object) -> str:
    return safe_url(value)


def clean_sources(sources: object) -> list[dict[str, str]]:
    """Sources as {label, url, grade, grade_label} dicts, skipping malformed entries."""
    cleaned = []
    for source in sources if isinstance(sources, list) else []:
        if not isinstance(source, dict):
            continue
        label = str(source.get("label") or "").strip()
        url = safe_url(source.get("url"))
        if not label and not url:
            continue
        grade = str(source.get("grade") or "").strip().upper()[:1]
        cleaned.append(
            {"label": label or url, "url": url, "grade": grade, "grade_label": grade_label(grade)}
        )
    return cleaned


@register.inclusion_tag("careers/_sources.html")
def sources(items: object, heading: str = "") -> dict[str, Any]:
    """Renders a small list of sources: label, grade badge (letter and words), the URL."""
    return {"sources": clean_sources(items), "heading": heading or _("Sources")}


# --- Money --------------------------------------------------------------------------------


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _plain(number: Decimal, places: int = 2) -> str:
    """A number without trailing zeros: 2.60 → "2.6", 3.00 → "3"."""
    text = f"{number:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _grouped(number: Decimal, indian: bool) -> str:
    """Thousands separators; Indian grouping (1,00,000) for rupees."""
    whole = int(number.to_integral_value())
    digits = str(abs(whole))
    sign = "-" if whole < 0 else ""
    if not indian or len(digits) <= 3:
        return sign + f"{abs(whole):,}"
    head, tail = digits[:-3], digits[-3:]
    parts: list[str] = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    if head:
        parts.insert(0, head)
    return sign + ",".join([*parts, tail])


def format_money(amount_min: object, amount_max: object, currency: str, period: str = "") -> str:
    """Formats a money range for people in India and the Philippines.

    Rupees per year read in lakh per annum ("₹2.6–4.8 LPA"); other amounts get thousands
    separators (Indian grouping for rupees) and the period ("₱18,000–25,000 per month").
    Returns "" when there is no amount.
    """
    low, high = _decimal(amount_min), _decimal(amount_max)
    if low is None and high is None:
        return ""
    currency = (currency or "").upper()
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} " if currency else "")
    lakh = currency == "INR" and period == "year"

    def fmt(value: Decimal) -> str:
        if lakh:
            return _plain(value / 100000)
        if value != value.to_integral_value():
            return _plain(value)
        return _grouped(value, indian=currency == "INR")

    if low is not None and high is not None:
        text = symbol + (fmt(low) if fmt(low) == fmt(high) else f"{fmt(low)}–{fmt(high)}")
    elif low is not None:
        text = _("from %(amount)s") % {"amount": symbol + fmt(low)}
    else:
        assert high is not None
        text = _("up to %(amount)s") % {"amount": symbol + fmt(high)}
    if lakh:
        return f"{text} LPA"
    suffix = {"month": _("per month"), "year": _("per year")}.get(period, "")
    return f"{text} {suffix}".strip()


@register.simple_tag
def money(amount_min: object, amount_max: object, currency: str, period: str = "") -> str:
    return format_money(amount_min, amount_max, currency, period)


@register.filter
def salary_range(salary: Any) -> str:
    """A SalaryRange as text: "₹2.6–4.8 LPA" or "₱18,000–25,000 per month"."""
    text = format_money(salary.amount_min, salary.amount_max, salary.currency, salary.period)
    return text or _("no sourced figure")


@register.filter
def cert_cost(certification: Any) -> str:
    """A certification's cost range with currency and year, or "no sourced figure"."""
    text = format_money(certification.cost_min, certification.cost_max, certification.cost_currency)
    if not text:
        return _("No sourced figure")
    if certification.cost_year:
        return _("%(cost)s (%(year)s figure)") % {"cost": text, "year": certification.cost_year}
    return text


# --- Years --------------------------------------------------------------------------------


def format_years(years_min: object, years_max: object) -> str:
    """A typical time range in words ("1–3 years", "6–18 months"), as goal pages say it.

    Returns "" when neither end is known (a step no source gives a timeline for).
    """
    low, high = _decimal(years_min), _decimal(years_max)
    if low is None and high is None:
        return ""
    low = high if low is None else low
    high = low if high is None else high
    assert low is not None and high is not None
    return format_year_range(float(low), float(high))


@register.filter
def years(step: Any) -> str:
    """The typical years of a ladder step (a model row or a core Step)."""
    return format_years(getattr(step, "years_min", None), getattr(step, "years_max", None))


@register.filter
def years_number(value: object) -> str:
    """A number of years on its own: 2 → "2 years"."""
    return format_years(value, value)


@register.simple_tag
def years_range(years_min: object, years_max: object) -> str:
    return format_years(years_min, years_max)


# --- O*NET --------------------------------------------------------------------------------


@register.simple_tag
def onet_credit() -> str:
    return ONET_CREDIT


@register.filter
def onet_url(code: object) -> str:
    """The O*NET OnLine summary page of an occupation code (a plain link, no embedding)."""
    text = str(code or "")
    if not text or not all(c.isdigit() or c in "-." for c in text):
        return ""
    return f"https://www.onetonline.org/link/summary/{text}"


@register.filter
def take(items: object, count: int) -> list[Any]:
    """The first `count` items of a list (an empty list for anything else)."""
    if not isinstance(items, (list, tuple)):
        return []
    return list(items[: int(count)])


@register.filter
def item_text(item: object) -> str:
    """Text of an O*NET list item, which is a string or a dict with text/name/example."""
    if isinstance(item, dict):
        for key in ("text", "name", "example", "title"):
            if item.get(key):
                return str(item[key])
        return ""
    return str(item)


# --- The ladder diagram -------------------------------------------------------------------

NODE_WIDTH = 168
LINE_HEIGHT = 16
CHARS_PER_LINE = 21
MAX_LINES = 3


@dataclass(frozen=True)
class SvgNode:
    slug: str
    title: str
    url: str
    label: str
    x: str
    y: str
    width: str
    height: str
    cx: str
    lines: tuple[tuple[str, str], ...]  # (y, text)
    on_path: bool


@dataclass(frozen=True)
class SvgEdge:
    x1: str
    y1: str
    x2: str
    y2: str
    on_path: bool


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _wrap(title: str) -> list[str]:
    lines = textwrap.wrap(title, CHARS_PER_LINE, break_long_words=True) or [title]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], " ".join(lines[MAX_LINES - 1 :])]
        last = lines[-1]
        if len(last) > CHARS_PER_LINE:
            lines[-1] = last[: CHARS_PER_LINE - 1] + "…"
    return lines


def ladder_diagram(ladder: Ladder, path: CareerPath | None = None) -> dict[str, Any]:
    """Geometry for the SVG ladder: nodes (links to role pages) and edges, path marked."""
    wrapped = {role.slug: _wrap(role.title) for role in ladder.roles}
    lines_needed = max((len(v) for v in wrapped.values()), default=1)
    node_height = 16 + lines_needed * LINE_HEIGHT
    layout = layout_ladder(ladder, node_width=NODE_WIDTH, node_height=node_height)
    on_path_roles = set(path.roles) if path else set()
    on_path_steps = {(s.from_slug, s.to_slug) for s in path.steps} if path else set()
    nodes = []
    for pos in layout.nodes:
        lines = wrapped[pos.slug]
        top = pos.y + (node_height - len(lines) * LINE_HEIGHT) / 2
        on_path = pos.slug in on_path_roles
        label = pos.title
        if on_path:
            label = _("%(title)s (on the highlighted path)") % {"title": pos.title}
        nodes.append(
            SvgNode(
                slug=pos.slug,
                title=pos.title,
                url=reverse("careers:role_detail", args=[pos.slug]),
                label=label,
                x=_n(pos.x),
                y=_n(pos.y),
                width=_n(layout.node_width),
                height=_n(node_height),
                cx=_n(pos.x + layout.node_width / 2),
                lines=tuple(
                    (_n(top + (i + 1) * LINE_HEIGHT - 4), text) for i, text in enumerate(lines)
                ),
                on_path=on_path,
            )
        )
    by_slug = {pos.slug: pos for pos in layout.nodes}
    edges = []
    for e in layout.edges:
        low, high = by_slug[e.from_slug], by_slug[e.to_slug]
        on_path = (e.from_slug, e.to_slug) in on_path_steps
        if low.row == high.row:
            # A move between roles of the same rank runs side to side, not bottom to top.
            mid_y = low.y + node_height / 2
            if low.x < high.x:
                x1, x2 = low.x + layout.node_width, high.x - 2
            else:
                x1, x2 = low.x, high.x + layout.node_width + 2
            edges.append(SvgEdge(_n(x1), _n(mid_y), _n(x2), _n(mid_y), on_path))
        else:
            edges.append(SvgEdge(_n(e.x1), _n(e.y1), _n(e.x2), _n(e.y2 + 2), on_path))
    # Highlighted edges are drawn last so they sit on top of the others.
    edges.sort(key=lambda e: e.on_path)
    return {
        "width": _n(layout.width),
        "height": _n(layout.height),
        "nodes": nodes,
        "edges": edges,
        "has_path": path is not None,
    }


@register.inclusion_tag("careers/_ladder_svg.html")
def ladder_svg(ladder: Ladder, path: CareerPath | None = None) -> dict[str, Any]:
    return ladder_diagram(ladder, path)


def ladder_outline(ladder: Ladder) -> list[dict[str, Any]]:
    """Every role with the moves out of it, for the text alternative to the diagram."""
    outline = []
    for role in sorted(ladder.roles, key=lambda r: (r.rank, r.title)):
        moves = []
        for step in ladder.steps_from(role.slug):
            if not ladder.has_role(step.to_slug):
                continue
            target = ladder.role(step.to_slug)
            moves.append(
                {
                    "title": target.title,
                    "url": reverse("careers:role_detail", args=[target.slug]),
                    "years": format_years(step.years_min, step.years_max),
                }
            )
        moves.sort(key=lambda m: m["title"])
        outline.append(
            {
                "slug": role.slug,
                "title": role.title,
                "url": reverse("careers:role_detail", args=[role.slug]),
                "is_entry": role.is_entry,
                "rank": role.rank,
                "moves": moves,
            }
        )
    return outline


@register.inclusion_tag("careers/_ladder_text.html")
def ladder_text(ladder: Ladder) -> dict[str, Any]:
    return {"outline": ladder_outline(ladder)}
