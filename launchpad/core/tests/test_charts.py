from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.charts import line_chart, nice_ceiling


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 1), (0.5, 1), (1, 1), (1.5, 2), (2, 2), (2.2, 2.5), (3, 5), (7, 10), (42, 50),
     (61.3, 100), (250, 250), (251, 500)],
)  # fmt: skip
def test_nice_ceiling_rounds_up_to_a_readable_maximum(value, expected):
    assert nice_ceiling(value) == expected


def test_points_run_left_to_right_and_the_maximum_touches_the_top():
    chart = line_chart([10, 40, 20], width=300, height=100, left=20, bottom=20, top=10)

    xs = [x for x, _ in chart.points]
    assert xs == sorted(xs)
    assert xs[0] == 20 and xs[-1] == 300 - 8
    assert chart.y_max == 50
    assert [round(t.value) for t in chart.ticks] == [0, 12, 25, 38, 50]
    assert chart.ticks[0].y == 100 - 20
    assert chart.ticks[-1].y == 10
    assert chart.polyline.startswith("20.0,")


def test_one_value_is_a_flat_line_and_bad_values_are_zero():
    flat = line_chart([30])
    assert len(flat.points) == 2 and flat.points[0][1] == flat.points[1][1]
    cleaned = line_chart([math.nan, -5, math.inf])
    assert {y for _, y in cleaned.points} == {cleaned.ticks[0].y}
    assert line_chart([]).points == ()
    assert line_chart([1e308]).y_max == 1e6


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=50))
def test_every_point_stays_inside_the_plot(values):
    chart = line_chart(values, width=400, height=150)
    for x, y in chart.points:
        assert 0 <= x <= 400
        assert 0 <= y <= 150


def test_a_fixed_scale_keeps_percentages_on_0_to_100():
    chart = line_chart([25, 150], y_max=100)
    assert chart.y_max == 100 and chart.ticks[-1].value == 100
    assert chart.points[1][1] == chart.ticks[-1].y
