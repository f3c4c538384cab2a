from django.urls import path

from launchpad.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("all/", views.goal_list, name="goal_list"),
    path("new/", views.goal_create, name="goal_create"),
    path("preview/", views.path_preview, name="path_preview"),
    path("<int:goal_id>/", views.goal_detail, name="goal_detail"),
    path("<int:goal_id>/edit/", views.goal_edit, name="goal_edit"),
    path("<int:goal_id>/replan/", views.goal_replan, name="goal_replan"),
    path("<int:goal_id>/status/", views.goal_status, name="goal_status"),
    path("<int:goal_id>/delete/", views.goal_delete, name="goal_delete"),
    path("<int:goal_id>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "<int:goal_id>/milestones/<int:milestone_id>/toggle/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path(
        "<int:goal_id>/milestones/<int:milestone_id>/delete/",
        views.milestone_delete,
        name="milestone_delete",
    ),
]
