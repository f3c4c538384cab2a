"""The goal pages: creating, reading, ticking, re-planning; and what outsiders cannot do."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from launchpad.goals import services
from launchpad.goals.models import Goal, Milestone
from launchpad.goals.tests.conftest import goal_fields, local_today, years_after

HTMX = {"HTTP_HX_REQUEST": "true"}


# Access --------------------------------------------------------------------------------


def goal_urls(goal):
    milestone = goal.milestones.first()
    return {
        "detail": ("get", reverse("goals:goal_detail", args=[goal.pk])),
        "edit": ("get", reverse("goals:goal_edit", args=[goal.pk])),
        "edit-post": ("post", reverse("goals:goal_edit", args=[goal.pk])),
        "replan": ("post", reverse("goals:goal_replan", args=[goal.pk])),
        "status": ("post", reverse("goals:goal_status", args=[goal.pk])),
        "delete": ("get", reverse("goals:goal_delete", args=[goal.pk])),
        "delete-post": ("post", reverse("goals:goal_delete", args=[goal.pk])),
        "add": ("post", reverse("goals:milestone_add", args=[goal.pk])),
        "toggle": ("post", reverse("goals:milestone_toggle", args=[goal.pk, milestone.pk])),
        "milestone-delete": (
            "post",
            reverse("goals:milestone_delete", args=[goal.pk, milestone.pk]),
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "detail",
        "edit",
        "edit-post",
        "replan",
        "status",
        "delete",
        "delete-post",
        "add",
        "toggle",
        "milestone-delete",
    ],
)
def test_eve_gets_404_for_every_page_and_action_on_alices_goal(client, eve, goal, name):
    client.force_login(eve)
    method, url = goal_urls(goal)[name]
    count = goal.milestones.count()
    data = {"status": "archived", "title": "x", **goal_fields(target_role="quality-analyst")}
    response = getattr(client, method)(url, data if method == "post" else None)
    assert response.status_code == 404
    goal.refresh_from_db()
    assert (goal.status, goal.target_role.slug) == ("active", "team-leader")
    assert not goal.milestones.filter(done_at__isnull=False).exists()
    assert goal.milestones.count() == count


def test_a_milestone_of_alice_is_404_under_eves_goal(client, eve, goal, ladder):
    eves_goal = services.goal_create(
        user=eve,
        target_role=ladder.quality,
        start_role=ladder.rep,
        target_date=years_after(local_today(), 2),
        aspiration="domain",
        today=local_today(),
    )
    client.force_login(eve)
    alices = goal.milestones.first()
    url = reverse("goals:milestone_toggle", args=[eves_goal.pk, alices.pk])
    assert client.post(url).status_code == 404
    alices.refresh_from_db()
    assert alices.done_at is None


@pytest.mark.parametrize(
    "url",
    [
        "/goals/abc/",
        "/goals/99999999999999999999/",
        "/goals/0/edit/",
        "/goals/1/milestones/abc/toggle/",
    ],
)
def test_malformed_or_unknown_ids_are_404(alice_client, url):
    assert alice_client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, goal):
    urls = [
        ("get", reverse("goals:dashboard")),
        ("get", reverse("goals:goal_list")),
        ("get", reverse("goals:goal_create")),
        ("get", reverse("goals:path_preview")),
        *goal_urls(goal).values(),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_toggle_answers_405_to_get(alice_client, goal):
    url = reverse("goals:milestone_toggle", args=[goal.pk, goal.milestones.first().pk])
    assert alice_client.get(url).status_code == 405


# Creating ------------------------------------------------------------------------------


def test_create_form_preselects_the_target_and_the_current_role(alice_rep, client, ladder):
    client.force_login(alice_rep)
    response = client.get(reverse("goals:goal_create") + "?target=team-leader")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="team-leader" selected>Team Leader</option>' in html
    assert '<option value="customer-service-rep" selected>' in html
    assert "I&#x27;m new to BPO (fresher)" in html
    # The server-rendered preview already shows the path.
    assert "Senior Rep" in response.context["preview"].steps[0].to_title


def test_target_list_holds_only_roles_reachable_from_the_start_grouped(alice_rep, client, ladder):
    client.force_login(alice_rep)
    form = client.get(reverse("goals:goal_create")).context["form"]
    choices = form.fields["target_role"].widget.choices
    groups = {str(label): [slug for slug, _title in options] for label, options in choices[1:]}
    assert groups == {"Growth roles": ["senior-rep", "quality-analyst", "team-leader"]}


def test_fresher_sees_every_role_grouped_by_entry_and_growth(alice_client, ladder):
    form = alice_client.get(reverse("goals:goal_create")).context["form"]
    labels = [str(label) for label, _options in form.fields["target_role"].widget.choices[1:]]
    assert labels == ["Entry roles", "Growth roles"]


def test_create_plans_the_goal_and_shows_it(alice_rep, client, ladder):
    client.force_login(alice_rep)
    response = client.post(reverse("goals:goal_create"), goal_fields())
    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == goal.get_absolute_url()
    assert goal.user == alice_rep and goal.start_role == ladder.rep
    assert goal.milestones.count() > 3
    assert goal.planned_on == local_today()


def test_create_as_a_fresher_begins_with_getting_hired(alice_client, ladder):
    alice_client.post(reverse("goals:goal_create"), goal_fields(start_role=""))
    goal = Goal.objects.get()
    assert goal.start_role is None
    assert goal.milestones.filter(title="Get hired as a Customer Service Rep").exists()


def test_an_unreachable_target_is_explained_with_suggestions_and_nothing_saved(
    alice_client, ladder
):
    response = alice_client.post(
        reverse("goals:goal_create"), goal_fields(start_role="data-entry-operator")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["target_role"]
    assert "Team Leader is not a step up from Data Entry Operator" in errors[0]
    assert "Roles you can aim for from there: Quality Analyst." in errors[0]
    assert 'role="alert"' in response.content.decode()
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target_date": "2001-01-01"}, "target_date", "Pick a date after today"),
        ({"target_date": "today"}, "target_date", "Pick a date after today"),
        ({"target_date": "twenty-years"}, "target_date", "Enter a date"),
        ({"target_date": "in-20-years"}, "target_date", "at most 15 years ahead"),
        ({"target_role": "astronaut"}, "target_role", "There is no role called “astronaut”"),
        ({"target_role": ""}, "target_role", "Pick the role you are aiming for"),
        ({"start_role": "12345"}, "start_role", "Pick your current role from the list"),
        ({"start_role": "<script>"}, "start_role", "Pick your current role from the list"),
        ({"aspiration": "fame"}, "aspiration", "Select a valid choice"),
        ({"motivation": "x" * 2001}, "motivation", "at most 2000 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_saved(
    alice_client, ladder, overrides, field, message
):
    today = local_today()
    special = {"today": today.isoformat(), "in-20-years": years_after(today, 20).isoformat()}
    overrides = {k: special.get(v, v) for k, v in overrides.items()}
    response = alice_client.post(reverse("goals:goal_create"), goal_fields(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Goal.objects.exists()
    assert not Milestone.objects.exists()


# The goal page -------------------------------------------------------------------------


def test_goal_page_shows_path_feasibility_and_milestones(alice_client, goal, ladder):
    response = alice_client.get(goal.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "To lead a team." in html
    assert "days left" in html
    assert 'class="steps goal-steps"' in html
    assert reverse("careers:skill_detail", args=["coaching"]) in html
    assert reverse("careers:certification_detail", args=["six-sigma-yellow"]) in html
    assert "Coach new hires" in html and "Typically 1–3 years" in html
    assert "You gave yourself 3 years; the typical range for this path is" in html
    assert "low-confidence synthesis" in html
    assert "Mark “Build and prove: Coaching” done" in html
    assert 'role="progressbar"' in html and 'aria-valuenow="0"' in html
    assert 'aria-live="polite"' in html
    assert "Senior Rep → Team Leader" in html
    assert 'href="/static/css/goals.css"' in html


def test_goal_page_queries_are_bounded(alice_client, goal, django_assert_max_num_queries):
    # Uncached in tests: the shared ladder is rebuilt on every request here.
    for _ in range(5):
        services.milestone_add(goal=goal, title="Extra", due_date=None)
    with django_assert_max_num_queries(15):
        response = alice_client.get(goal.get_absolute_url())
    assert response.status_code == 200


# Ticking -------------------------------------------------------------------------------


def test_toggle_with_htmx_returns_the_row_progress_and_announcement(alice_client, goal):
    milestone = goal.milestones.first()
    url = reverse("goals:milestone_toggle", args=[goal.pk, milestone.pk])

    response = alice_client.post(url, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="milestone-{milestone.pk}" class="milestone done')
    assert 'id="goal-progress" hx-swap-oob="true"' in html
    assert f"Mark “{milestone.title}” not done" in html
    assert f"“{milestone.title}” marked done. 1 of" in html
    assert 'id="goal-next" hx-swap-oob="true"' in html
    assert f'id="group-count-{milestone.pk}" hx-swap-oob="true">(1 of 3 done)' in html
    assert "<html" not in html
    milestone.refresh_from_db()
    assert milestone.is_done


def test_toggle_without_htmx_redirects_back_to_the_milestone(alice_client, goal):
    milestone = goal.milestones.first()
    url = reverse("goals:milestone_toggle", args=[goal.pk, milestone.pk])

    response = alice_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == f"{goal.get_absolute_url()}#milestone-{milestone.pk}"
    milestone.refresh_from_db()
    assert milestone.is_done
    alice_client.post(url)
    milestone.refresh_from_db()
    assert not milestone.is_done


def test_toggle_ignores_an_offsite_next(alice_client, goal):
    milestone = goal.milestones.first()
    url = reverse("goals:milestone_toggle", args=[goal.pk, milestone.pk])
    response = alice_client.post(url, {"next": "https://evil.example/"})
    assert response["Location"].startswith(goal.get_absolute_url())
    response = alice_client.post(url, {"next": reverse("goals:dashboard")})
    assert response["Location"] == reverse("goals:dashboard")


# Re-planning and editing ---------------------------------------------------------------


def test_replan_keeps_ticks(alice_client, goal):
    milestone = goal.milestones.get(kind="skill", reference_slug="coaching")
    services.milestone_toggle(milestone=milestone)

    response = alice_client.post(reverse("goals:goal_replan", args=[goal.pk]))

    assert response.status_code == 302
    assert goal.milestones.get(kind="skill", reference_slug="coaching").is_done


def test_replan_is_post_only(alice_client, goal):
    assert alice_client.get(reverse("goals:goal_replan", args=[goal.pk])).status_code == 405


def test_editing_the_date_replans_and_keeps_ticks(alice_client, goal):
    ticked = goal.milestones.get(kind="certification", reference_slug="six-sigma-yellow")
    services.milestone_toggle(milestone=ticked)
    new_date = years_after(local_today(), 1)

    response = alice_client.post(
        reverse("goals:goal_edit", args=[goal.pk]),
        goal_fields(target_date=new_date.isoformat()),
    )

    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.target_date == new_date
    assert goal.milestones.last().due_date == new_date
    assert goal.milestones.get(reference_slug="six-sigma-yellow").is_done
    assert goal.feasibility == "ambitious"


def test_edit_form_is_prefilled(alice_client, goal):
    form = alice_client.get(reverse("goals:goal_edit", args=[goal.pk])).context["form"]
    assert form.initial["target_role"] == "team-leader"
    assert form.initial["aspiration"] == "management"


def test_editing_to_an_unreachable_target_changes_nothing(alice_client, goal):
    response = alice_client.post(
        reverse("goals:goal_edit", args=[goal.pk]),
        goal_fields(start_role="data-entry-operator"),
    )
    assert response.status_code == 200
    assert "target_role" in response.context["form"].errors
    goal.refresh_from_db()
    assert goal.start_role.slug == "customer-service-rep"


# Own milestones, status and deleting ---------------------------------------------------


def test_own_milestone_can_be_added_and_deleted(alice_client, goal):
    due = (local_today() + datetime.timedelta(days=10)).isoformat()
    response = alice_client.post(
        reverse("goals:milestone_add", args=[goal.pk]),
        {"title": "Mock interview with a friend", "due_date": due},
    )
    assert response.status_code == 302
    own = goal.milestones.get(kind="custom")
    assert own.title == "Mock interview with a friend" and own.due_date.isoformat() == due
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "Mock interview with a friend" in page

    response = alice_client.post(reverse("goals:milestone_delete", args=[goal.pk, own.pk]))
    assert response.status_code == 302
    assert not goal.milestones.filter(kind="custom").exists()


def test_an_own_milestone_without_a_title_or_in_the_past_is_refused(alice_client, goal):
    url = reverse("goals:milestone_add", args=[goal.pk])
    response = alice_client.post(url, {"title": ""})
    assert "Give the milestone a title." in response.content.decode()
    yesterday = (local_today() - datetime.timedelta(days=1)).isoformat()
    response = alice_client.post(url, {"title": "Late", "due_date": yesterday})
    assert "Pick today or a later date." in response.content.decode()
    assert not goal.milestones.filter(kind="custom").exists()


def test_a_planned_milestone_cannot_be_deleted(alice_client, goal):
    planned = goal.milestones.first()
    response = alice_client.post(
        reverse("goals:milestone_delete", args=[goal.pk, planned.pk]), follow=True
    )
    assert Milestone.objects.filter(pk=planned.pk).exists()
    assert "cannot be deleted" in response.content.decode()


def test_status_can_be_changed(alice_client, goal):
    url = reverse("goals:goal_status", args=[goal.pk])
    alice_client.post(url, {"status": "achieved"})
    goal.refresh_from_db()
    assert goal.status == "achieved"
    alice_client.post(url, {"status": "lost"})
    goal.refresh_from_db()
    assert goal.status == "achieved"


def test_delete_asks_first_then_deletes(alice_client, goal):
    url = reverse("goals:goal_delete", args=[goal.pk])
    response = alice_client.get(url)
    assert response.status_code == 200 and "cannot be undone" in response.content.decode()
    assert Goal.objects.filter(pk=goal.pk).exists()
    response = alice_client.post(url)
    assert response["Location"] == reverse("goals:goal_list")
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_goal_list_groups_goals_by_status(alice_client, goal):
    services.goal_set_status(goal=goal, status="archived")
    response = alice_client.get(reverse("goals:goal_list"))
    sections = {s["status"]: s["rows"] for s in response.context["sections"]}
    assert [g.pk for g, _progress in sections["archived"]] == [goal.pk]
    assert sections["active"] == []


# Live preview --------------------------------------------------------------------------


def test_preview_with_htmx_returns_the_path_fragment(alice_client, ladder):
    response = alice_client.get(
        reverse("goals:path_preview"),
        {
            "start_role": "customer-service-rep",
            "target_role": "team-leader",
            "target_date": years_after(local_today(), 2).isoformat(),
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Senior Rep" in html and "You gave yourself 2 years" in html
    assert 'id="preview-live" hx-swap-oob="innerHTML"' in html
    assert "target-role-field" not in html


def test_preview_refreshes_the_target_list_when_the_start_changes(alice_client, ladder):
    response = alice_client.get(
        reverse("goals:path_preview"),
        {"start_role": "data-entry-operator", "target_role": ""},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TRIGGER_NAME="start_role",
    )
    html = response.content.decode()
    assert 'id="target-role-field" hx-swap-oob="true"' in html
    assert 'value="quality-analyst"' in html
    assert 'value="team-leader"' not in html


def test_preview_without_htmx_is_a_full_page_with_a_link_to_set_the_goal(alice_client, ladder):
    response = alice_client.get(
        reverse("goals:path_preview"),
        {"start_role": "", "target_role": "team-leader", "target_date": "not-a-date"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "Get hired as a Customer Service Rep" in html
    assert "Pick a target date" in html
    assert reverse("goals:goal_create") + "?target=team-leader&amp;start=" in html


def test_preview_explains_an_unknown_target(alice_client, ladder):
    response = alice_client.get(reverse("goals:path_preview"), {"target_role": "astronaut"}, **HTMX)
    assert "There is no role called “astronaut”" in response.content.decode()
