"""The planner against the packaged career content: every role can be a goal."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from launchpad.core.ladder import reachable_targets
from launchpad.goals import selectors, services
from launchpad.goals.tests.conftest import local_today, years_after


def test_every_role_in_the_content_can_be_planned_and_its_page_renders(alice, alice_client):
    call_command("load_content", verbosity=0)
    data = selectors.ladder_data()
    if not data.roles:
        pytest.skip("no roles in the content files yet")
    today = local_today()
    # A fresher's goal for every role, and from every role a goal to its highest reachable one.
    pairs = [(None, slug) for slug in reachable_targets(data.ladder, None)]
    pairs += [
        (slug, reachable_targets(data.ladder, slug)[-1])
        for slug in data.roles
        if reachable_targets(data.ladder, slug)
    ]
    for start, target in pairs:
        goal = services.goal_create(
            user=alice,
            target_role=data.roles[target],
            start_role=data.roles[start] if start else None,
            target_date=years_after(today, 4),
            aspiration="growth",
            today=today,
        )
        assert goal.milestones.exists() and goal.feasibility, (start, target)
        response = alice_client.get(goal.get_absolute_url())
        assert response.status_code == 200, (start, target)
        assert not response.context["page"].ladder_changed
    assert len(pairs) >= len(data.roles)
    assert alice_client.get(reverse("goals:dashboard")).status_code == 200
