"""Offer arithmetic: night hours across midnight, the Philippine statutory night
differential from the hourly rate, India's employer-stated rate, totals and the side-by-side
comparison per currency."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from launchpad.core.offers import (
    Allowance,
    NightSource,
    OfferError,
    OfferTerms,
    compare,
    country_of,
    figures,
    hourly_rate,
    money,
    night_differential,
    night_hours,
    night_minutes,
    paid_days_a_year,
    problems,
    shift_minutes,
)


def t(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


# Hours ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("22:00", "07:00", 8),  # a graveyard shift with its meal hour: 22:00-06:00 counts
        ("21:00", "06:30", 8),
        ("18:00", "03:00", 5),
        ("04:00", "13:00", 2),  # the end of the night before
        ("09:00", "18:00", 0),  # a day shift
        ("23:00", "22:00", 7),  # 23 hours: the next night starts as the shift ends
        ("03:00", "02:00", 7),  # 03:00-06:00 and 22:00-02:00
        ("20:00", "19:00", 8),
        ("22:30", "23:00", Decimal("0.5")),
    ],
)
def test_night_hours_are_the_overlap_with_ten_pm_to_six_am(start, end, hours):
    assert night_hours(t(start), t(end)) == Decimal(hours)


def test_shift_length_crosses_midnight_and_cannot_be_empty():
    assert shift_minutes(t("22:00"), t("07:00")) == 9 * 60
    assert shift_minutes(t("09:00"), t("18:00")) == 9 * 60
    assert night_minutes(t("05:45"), t("06:15")) == 15
    with pytest.raises(OfferError, match="same time"):
        shift_minutes(t("22:00"), t("22:00"))


# Hourly rate -----------------------------------------------------------------------------


def test_the_hourly_rate_uses_261_days_for_a_five_day_week_and_313_for_six():
    assert paid_days_a_year(22) == 261
    assert paid_days_a_year(23) == 261
    assert paid_days_a_year(24) == 313
    assert paid_days_a_year(26) == 313
    assert money(hourly_rate(Decimal(20000), 22)) == Decimal("114.94")  # 20000×12/261/8
    assert money(hourly_rate(Decimal(20000), 26)) == Decimal("95.85")  # 20000×12/313/8
    for days in (0, 32):
        with pytest.raises(OfferError, match="between 1 and 31"):
            paid_days_a_year(days)


# Night differential ----------------------------------------------------------------------


def ph(**changes):
    values = {
        "country": "PH", "base_monthly": Decimal(20000), "shift_start": t("22:00"),
        "shift_end": t("07:00"), "working_days_per_month": 22, "stated_rate": None,
    }  # fmt: skip
    return night_differential(**{**values, **changes})


def test_philippine_statutory_minimum_is_ten_percent_per_night_hour():
    night = ph()
    # 20000 × 12 / 261 / 8 = 114.9425...; × 10% × 8 night hours × 22 days = 2022.9885...
    assert night.amount == Decimal("2022.99")
    assert night.source == NightSource.STATUTORY
    assert night.rate == Decimal("0.10")
    assert night.hours_per_shift == 8
    assert night.hourly == Decimal("114.94")
    assert night.below_statutory is False


def test_a_higher_stated_rate_is_used_and_a_lower_one_is_flagged():
    higher = ph(stated_rate=Decimal("0.15"))
    assert higher.source == NightSource.EMPLOYER and higher.rate == Decimal("0.15")
    assert higher.amount == Decimal("3034.48")  # 114.9425... × 15% × 8 × 22
    lower = ph(stated_rate=Decimal("0.05"))
    assert lower.source == NightSource.STATUTORY and lower.below_statutory is True
    assert lower.amount == Decimal("2022.99")
    equal = ph(stated_rate=Decimal("0.10"))
    assert equal.source == NightSource.EMPLOYER and not equal.below_statutory


def test_a_six_day_week_and_a_partly_night_shift():
    night = ph(shift_start=t("18:00"), shift_end=t("03:00"), working_days_per_month=26)
    # 20000 × 12 / 313 / 8 = 95.8466...; × 10% × 5 hours × 26 days = 1246.0063...
    assert night.amount == Decimal("1246.01")


def test_a_day_shift_has_no_differential_and_missing_times_say_so():
    day = ph(shift_start=t("09:00"), shift_end=t("18:00"))
    assert day.amount == Decimal("0.00") and day.source == NightSource.NO_NIGHT_HOURS
    unknown = ph(shift_start=None)
    assert unknown.amount is None and unknown.source == NightSource.NO_SHIFT_TIMES


def test_india_has_no_statutory_differential():
    values = {"country": "IN", "base_monthly": Decimal(25000), "shift_start": t("21:00"),
              "shift_end": t("06:00"), "working_days_per_month": 22}  # fmt: skip
    not_stated = night_differential(**values)
    assert not_stated.amount is None and not_stated.source == NightSource.NOT_STATED
    assert not_stated.hours_per_shift == 8 and not_stated.hourly == Decimal("143.68")
    stated = night_differential(**values, stated_rate=Decimal("0.10"))
    assert stated.source == NightSource.EMPLOYER
    assert stated.amount == Decimal("2528.74")  # 25000×12/261/8 × 10% × 8 × 22
    assert night_differential(**values, stated_rate=Decimal("0.02")).below_statutory is False


def test_a_rate_outside_zero_to_one_is_refused():
    with pytest.raises(OfferError, match="between 0% and 100%"):
        ph(stated_rate=Decimal("1.5"))
    with pytest.raises(OfferError):
        ph(stated_rate=Decimal("-0.1"))


def test_the_country_comes_from_the_currency():
    assert country_of("php") == "PH"
    assert country_of("INR", "PH") == "IN"
    assert country_of("USD", "ph") == "PH"
    assert country_of("USD") == ""


# Offers ------------------------------------------------------------------------------------


def offer(key="a", **changes):
    values = {
        "key": key, "label": f"Offer {key}", "currency": "PHP",
        "base_monthly": Decimal(20000), "shift": "night", "shift_start": t("22:00"),
        "shift_end": t("07:00"), "allowances": (Allowance("Rice", Decimal(1500)),
                                                Allowance("Attendance", Decimal("999.5"))),
    }  # fmt: skip
    return OfferTerms(**{**values, **changes})


def test_totals_add_base_differential_and_allowances():
    result = figures(offer())
    assert result.allowances_monthly == Decimal("2499.50")
    assert result.total_monthly == Decimal("24522.49")  # 20000 + 2022.99 + 2499.50
    assert result.yearly == Decimal("294269.88")


def test_an_unknown_differential_is_left_out_of_the_total():
    result = figures(offer(currency="INR", allowances=()))
    assert result.night.source == NightSource.NOT_STATED
    assert result.total_monthly == Decimal("20000.00")


def test_problems_lists_what_is_wrong():
    assert problems(offer()) == ()
    found = problems(
        offer(base_monthly=Decimal(0), allowances=(Allowance("x", Decimal(-1)),), shift_end=None)
    )
    assert found == (
        "The monthly base pay must be more than zero.",
        "An allowance cannot be negative.",
        "Give both the shift's start and its end, or neither.",
    )
    assert problems(offer(working_days_per_month=40)) == (
        "Working days a month must be between 1 and 31.",
    )
    assert problems(offer(shift_end=t("22:00"))) == (
        "A shift cannot start and end at the same time.",
    )


def rows(group):
    return {row.key: row for row in group.rows}


def test_compare_side_by_side_marks_the_best_value_per_numeric_row():
    comparison = compare([
        offer("a", location="Makati", transport="Shuttle at night",
              joining_date=datetime.date(2026, 12, 1), growth="TL track"),
        offer("b", base_monthly=Decimal(22000), shift_start=t("09:00"), shift_end=t("18:00"),
              shift="day", allowances=()),
        offer("c", shift_start=None, shift_end=None, shift="rotational"),
    ])  # fmt: skip
    assert not comparison.mixed_currencies
    (group,) = comparison.groups
    assert group.currency == "PHP"
    assert [o.terms.key for o in group.offers] == ["a", "b", "c"]
    table = rows(group)
    assert [c.value for c in table["base"].cells] == [
        Decimal("20000.00"), Decimal("22000.00"), Decimal("20000.00"),
    ]  # fmt: skip
    assert [c.best for c in table["base"].cells] == [False, True, False]
    assert [c.value for c in table["night"].cells] == [Decimal("2022.99"), Decimal("0.00"), None]
    assert [c.best for c in table["night"].cells] == [True, False, False]
    assert [c.best for c in table["total"].cells] == [True, False, False]
    assert table["total"].numeric and not table["shift"].numeric
    assert [c.value for c in table["shift"].cells] == ["night 22:00–07:00", "day 09:00–18:00",
                                                       "rotational"]  # fmt: skip
    assert table["joining"].cells[0].value == datetime.date(2026, 12, 1)
    assert table["location"].cells[0].value == "Makati"
    assert table["transport"].label == "Transport"
    assert all(not c.best for c in table["growth"].cells)


def test_equal_values_or_a_single_offer_mark_nothing_best():
    (single,) = compare([offer()]).groups
    assert not any(c.best for row in single.rows for c in row.cells)
    (same,) = compare([offer("a"), offer("b")]).groups
    assert not any(c.best for c in rows(same)["base"].cells)
    (differ,) = compare([offer("a"), offer("b", allowances=())]).groups
    assert [c.best for c in rows(differ)["allowances"].cells] == [True, False]


def test_currencies_are_never_summed_across():
    comparison = compare([
        offer("ph"), offer("in", currency="inr", base_monthly=Decimal(30000)),
        offer("ph2", base_monthly=Decimal(21000)),
    ])  # fmt: skip
    assert comparison.mixed_currencies
    assert [g.currency for g in comparison.groups] == ["PHP", "INR"]
    assert [o.terms.key for o in comparison.groups[0].offers] == ["ph", "ph2"]
    (india,) = comparison.groups[1].offers
    assert india.total_monthly == Decimal("32499.50")  # no differential stated in India
    assert not any(c.best for c in rows(comparison.groups[1])["base"].cells)


def test_compare_refuses_terms_it_cannot_use():
    with pytest.raises(OfferError):
        compare([offer(working_days_per_month=0)])
