"""Offer arithmetic: what a job offer pays a month and a year, the night differential
included, and offers side by side. Money is `Decimal`, rounded half up to the centavo or
paisa only at the end.

The night shift differential (bpo-facts.md section 8.1):

- Philippines: Labor Code Art. 86 gives covered employees a night shift differential of
  at least 10% of the regular wage for each hour worked between 10 pm and 6 am, paid per
  hour, not per shift. [A/B] https://www.respicio.ph/commentaries/is-night-shift-differential-mandatory-under-article-86-of-the-labor-code-for-graveyard-shifts
  When the employer states a higher rate, that rate is used; a lower one is flagged and
  the statutory 10% used instead.
- India: no statutory differential. Employers pay a night allowance of their own (about
  ₹300-360 a night in the facts file), so only a rate the employer states is used;
  otherwise the differential is "not stated". A per-night allowance belongs with the
  allowances.

Assumptions, stated because the law leaves them to the employer:

- The hourly rate is monthly × 12 ÷ paid days a year ÷ 8 hours. The paid days are 261 for
  a five-day week (365 less 104 weekend days) and 313 for a six-day week (365 less 52 rest
  days): the factors of DOLE Advisory No. 001-10 (2010) for daily-paid employees,
  https://legaldex.com/laws/guidelines-on-the-computation-of-the-estimated-equivalent-monthly-rates
  An offer of 24 or more working days a month is taken as a six-day week. An employer who
  counts the monthly pay as covering every day of the year (factor 365) computes a lower
  hourly rate, so a differential about 28% smaller (261/365): the figure here is an
  estimate to compare offers with, not a payslip.
- Every hour of the shift between 22:00 and 06:00 counts as worked; an unpaid meal break
  inside those hours would lower the differential by its hours.
- The monthly differential is the per-shift amount × the working days a month.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from launchpad.core.stages import gettext_noop

CENT = Decimal("0.01")
PH_NIGHT_DIFFERENTIAL = Decimal("0.10")
HOURS_PER_DAY = 8
FIVE_DAY_WEEK_DAYS = 261
SIX_DAY_WEEK_DAYS = 313
SIX_DAY_WEEK_FROM = 24  # working days a month at which a six-day week is assumed
MINUTES_PER_DAY = 24 * 60
NIGHT_FROM = 22 * 60  # 22:00
NIGHT_TO = 6 * 60  # 06:00
# The night windows a shift starting on day 0 can touch: the night before (until 06:00),
# that night and the next one.
_NIGHT_WINDOWS = tuple(
    (NIGHT_FROM + day * MINUTES_PER_DAY, NIGHT_TO + (day + 1) * MINUTES_PER_DAY)
    for day in (-1, 0, 1)
)
CURRENCY_COUNTRY = {"PHP": "PH", "INR": "IN"}
MAX_WORKING_DAYS = 31


class OfferError(ValueError):
    """Terms the arithmetic cannot work with; the message says why."""


def money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def shift_minutes(start: datetime.time, end: datetime.time) -> int:
    """The shift's length; one ending at or before its start ends the next day."""
    begin, finish = start.hour * 60 + start.minute, end.hour * 60 + end.minute
    if begin == finish:
        raise OfferError(gettext_noop("A shift cannot start and end at the same time."))
    return (finish - begin) % MINUTES_PER_DAY


def night_minutes(start: datetime.time, end: datetime.time) -> int:
    """Minutes of the shift between 22:00 and 06:00 (a shift may cross midnight)."""
    begin = start.hour * 60 + start.minute
    finish = begin + shift_minutes(start, end)
    return sum(
        max(0, min(finish, to) - max(begin, frm)) for frm, to in _NIGHT_WINDOWS
    )  # fmt: skip


def night_hours(start: datetime.time, end: datetime.time) -> Decimal:
    return Decimal(night_minutes(start, end)) / 60


def paid_days_a_year(working_days_per_month: int) -> int:
    """261 for a five-day week, 313 for a six-day week (see the module's assumptions)."""
    if not 1 <= working_days_per_month <= MAX_WORKING_DAYS:
        raise OfferError(gettext_noop("Working days a month must be between 1 and 31."))
    return SIX_DAY_WEEK_DAYS if working_days_per_month >= SIX_DAY_WEEK_FROM else FIVE_DAY_WEEK_DAYS


def hourly_rate(base_monthly: Decimal, working_days_per_month: int) -> Decimal:
    """The regular hourly wage: monthly × 12 ÷ paid days a year ÷ 8 (unrounded)."""
    return base_monthly * 12 / paid_days_a_year(working_days_per_month) / HOURS_PER_DAY


class NightSource(enum.StrEnum):
    STATUTORY = "statutory"  # the Philippine minimum (no rate stated, or a lower one)
    EMPLOYER = "employer"  # the employer's stated rate
    NOT_STATED = "not_stated"  # night hours, but no rate and no statutory one
    NO_NIGHT_HOURS = "no_night_hours"
    NO_SHIFT_TIMES = "no_shift_times"


@dataclass(frozen=True)
class NightDifferential:
    """The monthly night differential (None when it cannot be known) and how it was found."""

    amount: Decimal | None
    source: NightSource
    rate: Decimal | None = None
    hours_per_shift: Decimal | None = None
    hourly: Decimal | None = None
    below_statutory: bool = False  # the employer stated less than the Philippine minimum


def country_of(currency: str, fallback: str = "") -> str:
    """The country whose rules apply: the currency's (PHP, INR), else `fallback`."""
    return CURRENCY_COUNTRY.get(currency.upper(), fallback.upper())


def night_differential(
    *, country: str, base_monthly: Decimal, shift_start: datetime.time | None,
    shift_end: datetime.time | None, working_days_per_month: int,
    stated_rate: Decimal | None = None,
) -> NightDifferential:  # fmt: skip
    """The night differential a month, by the rules of `country` (see the module doc)."""
    if stated_rate is not None and not Decimal(0) <= stated_rate <= Decimal(1):
        raise OfferError(gettext_noop("The night differential must be between 0% and 100%."))
    if shift_start is None or shift_end is None:
        return NightDifferential(None, NightSource.NO_SHIFT_TIMES, stated_rate)
    hours = night_hours(shift_start, shift_end)
    hourly = hourly_rate(base_monthly, working_days_per_month)
    if not hours:
        return NightDifferential(Decimal("0.00"), NightSource.NO_NIGHT_HOURS, stated_rate, hours)
    below = False
    if country.upper() == "PH":
        below = stated_rate is not None and stated_rate < PH_NIGHT_DIFFERENTIAL
        if stated_rate is not None and not below:
            rate, source = stated_rate, NightSource.EMPLOYER
        else:
            rate, source = PH_NIGHT_DIFFERENTIAL, NightSource.STATUTORY
    elif stated_rate is not None:
        rate, source = stated_rate, NightSource.EMPLOYER
    else:
        return NightDifferential(None, NightSource.NOT_STATED, None, hours, money(hourly))
    amount = money(hourly * rate * hours * working_days_per_month)
    return NightDifferential(amount, source, rate, hours, money(hourly), below)


# Offers and their comparison ---------------------------------------------------------------


@dataclass(frozen=True)
class Allowance:
    label: str
    monthly: Decimal


@dataclass(frozen=True)
class OfferTerms:
    """One offer's terms, amounts a month in `currency`; `country` "" means "from the
    currency" (PHP is the Philippines, INR India)."""

    key: str
    label: str
    currency: str
    base_monthly: Decimal
    country: str = ""
    shift: str = ""
    shift_start: datetime.time | None = None
    shift_end: datetime.time | None = None
    working_days_per_month: int = 22
    night_differential_rate: Decimal | None = None
    allowances: tuple[Allowance, ...] = ()
    transport: str = ""
    location: str = ""
    growth: str = ""
    joining_date: datetime.date | None = None


@dataclass(frozen=True)
class OfferFigures:
    terms: OfferTerms
    night: NightDifferential
    allowances_monthly: Decimal
    total_monthly: Decimal
    yearly: Decimal


def problems(terms: OfferTerms) -> tuple[str, ...]:
    """What is wrong with the terms, as messages (empty when they can be computed)."""
    found = []
    if terms.base_monthly <= 0:
        found.append(gettext_noop("The monthly base pay must be more than zero."))
    if any(allowance.monthly < 0 for allowance in terms.allowances):
        found.append(gettext_noop("An allowance cannot be negative."))
    if (terms.shift_start is None) != (terms.shift_end is None):
        found.append(gettext_noop("Give both the shift's start and its end, or neither."))
    try:
        paid_days_a_year(terms.working_days_per_month)
        figures(terms)
    except OfferError as error:
        found.append(str(error))
    return tuple(found)


def figures(terms: OfferTerms) -> OfferFigures:
    """The offer's monthly and yearly pay; raises OfferError for terms it cannot use."""
    night = night_differential(
        country=country_of(terms.currency, terms.country), base_monthly=terms.base_monthly,
        shift_start=terms.shift_start, shift_end=terms.shift_end,
        working_days_per_month=terms.working_days_per_month,
        stated_rate=terms.night_differential_rate,
    )  # fmt: skip
    allowances = money(sum((a.monthly for a in terms.allowances), Decimal(0)))
    total = money(terms.base_monthly + (night.amount or Decimal(0)) + allowances)
    return OfferFigures(terms, night, allowances, total, money(total * 12))


@dataclass(frozen=True)
class Cell:
    value: Decimal | str | datetime.date | None
    best: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    numeric: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class CurrencyGroup:
    """Offers in one currency, compared among themselves (never summed with another)."""

    currency: str
    offers: tuple[OfferFigures, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Comparison:
    groups: tuple[CurrencyGroup, ...]

    @property
    def mixed_currencies(self) -> bool:
        return len(self.groups) > 1


ROW_LABELS = {
    "base": gettext_noop("Base pay a month"),
    "night": gettext_noop("Night differential a month"),
    "allowances": gettext_noop("Allowances a month"),
    "total": gettext_noop("Total a month"),
    "yearly": gettext_noop("Total a year"),
    "shift": gettext_noop("Shift"),
    "location": gettext_noop("Location"),
    "transport": gettext_noop("Transport"),
    "growth": gettext_noop("Growth"),
    "joining": gettext_noop("Joining date"),
}
NUMERIC_ROWS = ("base", "night", "allowances", "total", "yearly")


def _numeric_row(key: str, values: Sequence[Decimal | None]) -> Row:
    """Marks the highest value best when at least two offers differ on it."""
    known = [v for v in values if v is not None]
    top = max(known) if len(set(known)) > 1 else None
    cells = tuple(Cell(v, best=top is not None and v == top) for v in values)
    return Row(key, ROW_LABELS[key], True, cells)


def _shift_text(terms: OfferTerms) -> str:
    times = (
        f"{terms.shift_start:%H:%M}–{terms.shift_end:%H:%M}"
        if terms.shift_start and terms.shift_end else ""
    )  # fmt: skip
    return " ".join(part for part in (terms.shift, times) if part)


def _group(currency: str, offers: tuple[OfferFigures, ...]) -> CurrencyGroup:
    numbers: dict[str, list[Decimal | None]] = {
        "base": [money(o.terms.base_monthly) for o in offers],
        "night": [o.night.amount for o in offers],
        "allowances": [o.allowances_monthly for o in offers],
        "total": [o.total_monthly for o in offers],
        "yearly": [o.yearly for o in offers],
    }
    texts: dict[str, list[str | datetime.date | None]] = {
        "shift": [_shift_text(o.terms) for o in offers],
        "location": [o.terms.location for o in offers],
        "transport": [o.terms.transport for o in offers],
        "growth": [o.terms.growth for o in offers],
        "joining": [o.terms.joining_date for o in offers],
    }
    rows = [_numeric_row(key, numbers[key]) for key in NUMERIC_ROWS]
    rows += [
        Row(key, ROW_LABELS[key], False, tuple(Cell(v) for v in values))
        for key, values in texts.items()
    ]
    return CurrencyGroup(currency, offers, tuple(rows))


def compare(offers: Iterable[OfferTerms]) -> Comparison:
    """Offers side by side, one group per currency (in the order currencies first appear);
    raises OfferError when an offer's terms cannot be used."""
    by_currency: dict[str, list[OfferFigures]] = {}
    for terms in offers:
        by_currency.setdefault(terms.currency.upper(), []).append(figures(terms))
    return Comparison(
        tuple(_group(currency, tuple(group)) for currency, group in by_currency.items())
    )
