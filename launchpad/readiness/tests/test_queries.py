"""The pages that show a Readiness Index make the same number of queries whatever the number
of results behind it."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from launchpad.readiness.tests.factories import (
    data_entry_result,
    quiz_result,
    reply_result,
    typing_result,
)


def add_results(user, count: int) -> None:
    """`count` results of every kind, each as good as the last, on different days."""
    now = timezone.now()
    for number in range(count):
        at = now - datetime.timedelta(days=number, hours=1)
        typing_result(user, wpm=28, accuracy=94, at=at)
        typing_result(user, wpm=28, accuracy=94, is_drill=True, mode="text", duration_s=None,
                      at=at)  # fmt: skip
        data_entry_result(user, kph=7000, accuracy=97, at=at)
        for test in ("english", "sjt", "computer"):
            quiz_result(user, test, percent=58, at=at)
        for channel in ("chat", "email"):
            reply_result(user, channel, total=70, at=at)


def count_queries(client, url: str) -> int:
    client.get(url)  # the first view of a page may store the plan it draws
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("readiness:report"),
        reverse("goals:dashboard"),
        reverse("readiness:plan"),
        "/api/readiness",
        "/api/readiness/plan",
    ],
)
def test_queries_do_not_grow_with_the_number_of_results(alice_client, alice, content, url):
    add_results(alice, 1)
    with_one = count_queries(alice_client, url)

    add_results(alice, 9)
    with_ten = count_queries(alice_client, url)

    assert with_ten == with_one


def test_the_report_page_stays_within_a_fixed_bound(
    alice_client, alice, content, django_assert_max_num_queries
):
    add_results(alice, 10)
    # Session, user, index version, documents, knockouts, the four kinds of result and the
    # simulator's runs, the profile's languages, the profile, the knockout answers, the
    # tracks, the open check.
    with django_assert_max_num_queries(15):
        response = alice_client.get(reverse("readiness:report"))
    assert response.context["report"].measured_any


def test_the_dashboard_panel_stays_within_a_fixed_bound(
    alice_client, alice, content, django_assert_max_num_queries
):
    add_results(alice, 10)
    alice_client.get(reverse("goals:dashboard"))  # draws and stores the plan once
    # Goals (4): session, user, goals, profile. The report (12): as on the report page. The
    # plan drawn again (8): the active goal (three times), the profile's work types, the
    # certification to suggest, the guides to read, and the stored steps (read without a
    # lock: nothing changed, so nothing is written). Practice days (1), the latest results
    # (4, one per kind), the open check (1). Networking reminders (3).
    with django_assert_max_num_queries(33):
        response = alice_client.get(reverse("goals:dashboard"))
    panel = response.context["panel"]
    assert panel["readiness"].measured_any and panel["this_week"]
    assert len(panel["latest_results"]) == 5 and panel["streak"] == 10
