"""Two plan refreshes at once (the dashboard and the API, two tabs) must not collide.

Only PostgreSQL runs writers side by side; SQLite serialises them (IMMEDIATE transactions).
"""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection

from launchpad.accounts.models import User
from launchpad.careers.tests.factories import TrackFactory
from launchpad.readiness import selectors, services
from launchpad.readiness.loader import load_readiness
from launchpad.readiness.models import PlanItem
from launchpad.readiness.tests.conftest import TRACKS, packaged
from launchpad.readiness.tests.factories import typing_result


@pytest.mark.django_db(transaction=True)
def test_two_refreshes_at_once_store_one_plan(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL runs two writers at once")
    for order, (slug, name, voice) in enumerate(TRACKS):
        TrackFactory(slug=slug, name=name, order=order, voice=voice)
    load_readiness(packaged())
    user = User.objects.create_user("ravi@example.com", "a-Strong-pass-2026")
    typing_result(user, wpm=18, accuracy=85)
    # Both refreshes draw their plan before either stores it.
    barrier = threading.Barrier(2)
    build_plan = services.build_plan

    def build_plan_then_wait(**kwargs):
        plan = build_plan(**kwargs)
        barrier.wait(timeout=10)
        return plan

    monkeypatch.setattr(services, "build_plan", build_plan_then_wait)
    errors: list[Exception] = []
    results: list[int] = []

    def refresh() -> None:
        try:
            items = services.plan_refresh(
                user=user, report=selectors.report(user), today=datetime.date(2026, 3, 4)
            )
            results.append(len(items))
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results[0] == results[1] == PlanItem.objects.filter(user=user).count()
