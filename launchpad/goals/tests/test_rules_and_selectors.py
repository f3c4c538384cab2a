"""Wording and reads: the feasibility explanation, the date window, progress, next step."""

from __future__ import annotations

import datetime

import pytest

from launchpad.common.text import format_year_range
from launchpad.goals import rules, selectors
from launchpad.goals.models import Milestone


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (1, 3, "1–3 years"),
        (0.5, 1.5, "6 months to 1.5 years"),
        (0.25, 0.5, "3–6 months"),
        (2, 2, "2 years"),
        (1, 1, "1 year"),
    ],
)
def test_year_ranges_read_naturally(low, high, text):
    assert format_year_range(low, high) == text


@pytest.mark.parametrize(
    ("days", "text"),
    [(1, "1 day"), (20, "20 days"), (45, "1 month"), (200, "7 months"), (548, "1.5 years")],
)
def test_time_available_reads_naturally(days, text):
    assert rules.format_days(days) == text


def test_feasibility_is_explained_against_the_typical_range():
    view = selectors.feasibility_view(
        verdict="realistic", available_days=548, years_min=1, years_max=3
    )
    assert view.sentence == (
        "You gave yourself 1.5 years; the typical range for this path is 1–3 years: realistic."
    )
    assert view.tag_class == "tag-ok"
    assert "low-confidence" in view.confidence_note


def test_the_target_date_window_is_after_today_and_at_most_fifteen_years_ahead():
    today = datetime.date(2026, 3, 1)
    assert rules.target_date_problem(today, today)
    assert rules.target_date_problem(today + datetime.timedelta(days=1), today) is None
    assert rules.target_date_problem(datetime.date(2041, 3, 1), today) is None
    assert "15 years" in rules.target_date_problem(datetime.date(2041, 3, 2), today)


def test_a_leap_day_window_ends_on_the_28th():
    assert rules.latest_target_date(datetime.date(2028, 2, 29)) == datetime.date(2043, 2, 28)


def test_next_milestone_is_the_first_not_done_by_order():
    now = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    items = [
        Milestone(pk=1, order=2, title="b"),
        Milestone(pk=2, order=1, title="a", done_at=now),
        Milestone(pk=3, order=3, title="c"),
    ]
    assert selectors.next_milestone(items).title == "b"
    assert selectors.progress_of(items).percent == 33
    assert selectors.Progress(0, 0).percent == 0


def test_preview_explains_an_unreachable_target(ladder):
    preview = selectors.path_preview(
        selectors.ladder_data(),
        start="data-entry-operator",
        target="team-leader",
        target_date=None,
        today=datetime.date(2026, 3, 1),
    )
    assert "not a step up" in preview.error
    assert preview.suggestions == (("quality-analyst", "Quality Analyst"),)


def test_preview_without_a_date_shows_the_path_and_asks_for_one(ladder):
    preview = selectors.path_preview(
        selectors.ladder_data(),
        start=None,
        target="team-leader",
        target_date=None,
        today=datetime.date(2026, 3, 1),
    )
    assert [step.to_title for step in preview.steps] == [
        "Customer Service Rep",
        "Senior Rep",
        "Team Leader",
    ]
    assert preview.steps[0].is_hiring
    assert preview.typical_text == "2–5 years"
    assert "Pick a target date" in preview.date_note and preview.feasibility is None
