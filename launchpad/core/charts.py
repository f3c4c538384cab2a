"""Geometry for small server-drawn SVG line charts (no JavaScript needed to show a chart)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Values above this are drawn at it: these charts show speeds and percentages, and the cap
# keeps the axis arithmetic finite for any input.
MAX_VALUE = 1e6


@dataclass(frozen=True)
class Tick:
    value: float
    y: float


@dataclass(frozen=True)
class LineChart:
    width: float
    height: float
    points: tuple[tuple[float, float], ...]
    ticks: tuple[Tick, ...]
    y_max: float

    @property
    def polyline(self) -> str:
        """The points as an SVG `points` attribute."""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (>= 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    raise AssertionError("unreachable: 10 × power always covers value")  # pragma: no cover


def line_chart(
    values: Sequence[float],
    *,
    width: float = 600,
    height: float = 200,
    left: float = 40,
    bottom: float = 24,
    top: float = 8,
    ticks: int = 4,
    y_max: float | None = None,
) -> LineChart:
    """Places `values` evenly from left to right, scaled to a rounded-up maximum.

    Negative or non-finite values are drawn as 0 and values above MAX_VALUE at MAX_VALUE.
    One value is drawn as a flat line. The
    y axis gets `ticks` + 1 evenly spaced labels from 0 to the rounded maximum, or to `y_max`
    when given (a fixed scale such as 0-100 for percentages; values above it are drawn at it).
    """
    clean = [min(v, MAX_VALUE) if math.isfinite(v) and v > 0 else 0.0 for v in values]
    if y_max is not None and y_max > 0:
        clean = [min(v, y_max) for v in clean]
    else:
        y_max = nice_ceiling(max(clean, default=0.0))
    plot_h = height - bottom - top
    plot_w = width - left - 8

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    if len(clean) == 1:
        clean = clean * 2
    count = len(clean)
    points = tuple(
        (left + (plot_w * i / (count - 1) if count > 1 else 0.0), y_of(v))
        for i, v in enumerate(clean)
    )
    tick_marks = tuple(
        Tick(value=y_max * i / ticks, y=y_of(y_max * i / ticks)) for i in range(ticks + 1)
    )
    return LineChart(width, height, points, tick_marks, y_max)
