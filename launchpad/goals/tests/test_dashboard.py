"""The dashboard: greeting, profile nudge, active goals with their next step, recent ticks."""

from __future__ import annotations

import datetime

from django.urls import reverse

from launchpad.goals import selectors, services
from launchpad.goals.models import Milestone
from launchpad.goals.tests.conftest import local_today, years_after


def make_goal(user, ladder, *, target="team_leader", today=None, years=3):
    today = today or local_today()
    return services.goal_create(
        user=user,
        target_role=getattr(ladder, target),
        start_role=ladder.rep,
        target_date=years_after(today, years),
        aspiration="management",
        today=today,
    )


def test_empty_state_invites_to_set_a_goal_or_explore(alice_client, ladder):
    response = alice_client.get(reverse("goals:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hello, Alice Fernandes" in html
    assert "No active goal yet" in html
    assert reverse("goals:goal_create") in html and reverse("careers:explore") in html
    assert "Milestones you tick will show here." in html


def test_profile_nudge_links_to_the_profile_while_incomplete(alice_client, ladder):
    html = alice_client.get(reverse("goals:dashboard")).content.decode()
    assert "Your profile is 25% complete." in html
    assert reverse("accounts:profile") in html


def test_a_user_without_a_profile_sees_no_nudge(client, bob):
    client.force_login(bob)
    html = client.get(reverse("goals:dashboard")).content.decode()
    assert "Your profile is" not in html


def test_dashboard_shows_each_active_goal_with_progress_path_and_next_milestone(
    alice_rep, client, ladder
):
    goal = make_goal(alice_rep, ladder)
    first, second = goal.milestones.all()[:2]
    services.milestone_toggle(milestone=first)
    client.force_login(alice_rep)

    response = client.get(reverse("goals:dashboard"))

    html = response.content.decode()
    summary = response.context["dashboard"].active[0]
    assert summary.next_milestone == second and not summary.next_overdue
    assert f'href="{goal.get_absolute_url()}#milestone-{second.pk}"' in html
    assert second.title in html
    assert '<ol class="path-compact" aria-label="Path"><li>Customer Service Rep</li>' in html
    assert "1 of 7 milestones done (14%)" in html


def test_an_overdue_next_milestone_is_flagged(alice_rep, client, ladder):
    planned_long_ago = local_today() - datetime.timedelta(days=400)
    goal = make_goal(alice_rep, ladder, today=planned_long_ago, years=3)
    client.force_login(alice_rep)

    response = client.get(reverse("goals:dashboard"))

    summary = response.context["dashboard"].active[0]
    assert summary.next_milestone == goal.milestones.first()
    assert summary.next_overdue
    assert "Overdue" in response.content.decode()


def test_achieved_goals_leave_the_dashboard_but_are_linked(alice_rep, client, ladder):
    goal = make_goal(alice_rep, ladder)
    services.goal_set_status(goal=goal, status="achieved")
    client.force_login(alice_rep)
    html = client.get(reverse("goals:dashboard")).content.decode()
    assert "No active goal yet" in html
    assert "See your achieved and archived goals" in html


def test_recent_achievements_are_the_last_five_ticks_in_the_users_time_zone(
    alice_rep, client, ladder
):
    goal = make_goal(alice_rep, ladder)
    base = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.UTC)
    for index, milestone in enumerate(goal.milestones.all()[:6]):
        milestone.done_at = base + datetime.timedelta(minutes=index)
        milestone.save()
    client.force_login(alice_rep)

    response = client.get(reverse("goals:dashboard"))

    recent = response.context["dashboard"].recent
    assert len(recent) == 5
    assert recent[0].done_at == base + datetime.timedelta(minutes=5)
    # 20:05 UTC is 01:35 the next day in Asia/Kolkata.
    assert "2 Mar 2026, 01:35" in response.content.decode()


def test_dashboard_queries_stay_bounded_with_several_goals(
    alice_rep, client, ladder, django_assert_max_num_queries
):
    for target in ("team_leader", "quality", "senior"):
        goal = make_goal(alice_rep, ladder, target=target)
        services.milestone_toggle(milestone=goal.milestones.first())
    services.goal_set_status(goal=goal, status="archived")
    client.force_login(alice_rep)
    # Goals: session, user, goals, their milestones, role titles and the profile (6).
    # Readiness panel, with no readiness content loaded (9): the index version, the documents
    # and the knockouts; the practice days (one query over the four kinds of result); the
    # latest results (one query per kind, four); the open readiness check. Neither part
    # grows with the number of goals. Networking reminders (3): follow-ups, applications'
    # next actions and interviews, events.
    with django_assert_max_num_queries(6 + 9 + 3):
        response = client.get(reverse("goals:dashboard"))
    dashboard = response.context["dashboard"]
    assert len(dashboard.active) == 2
    assert dashboard.other_goals == 1
    assert len(dashboard.recent) == 3
    assert [m.done_at for m in dashboard.recent] == sorted(
        (m.done_at for m in dashboard.recent), reverse=True
    )


def test_goal_list_queries_stay_bounded(alice_rep, client, ladder, django_assert_max_num_queries):
    for target in ("team_leader", "quality", "senior"):
        make_goal(alice_rep, ladder, target=target)
    client.force_login(alice_rep)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("goals:goal_list"))
    assert response.status_code == 200


def test_a_goal_with_every_milestone_done_has_no_next_milestone(alice_rep, ladder):
    goal = make_goal(alice_rep, ladder)
    Milestone.objects.filter(goal=goal).update(done_at=datetime.datetime.now(tz=datetime.UTC))

    board = selectors.dashboard(alice_rep, today=local_today())
    assert board.active[0].next_milestone is None
    assert board.active[0].progress.percent == 100
