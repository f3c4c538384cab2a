from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from launchpad.goals.models import Goal, Milestone

if TYPE_CHECKING:
    _InlineBase = admin.TabularInline[Milestone, Goal]
    _GoalAdminBase = admin.ModelAdmin[Goal]
else:
    _InlineBase = admin.TabularInline
    _GoalAdminBase = admin.ModelAdmin


class MilestoneInline(_InlineBase):
    model = Milestone
    extra = 0
    fields = ["order", "kind", "title", "step_label", "due_date", "reference_slug", "done_at"]
    ordering = ["order", "id"]


@admin.register(Goal)
class GoalAdmin(_GoalAdminBase):
    list_display = [
        "__str__",
        "user",
        "status",
        "aspiration",
        "target_date",
        "feasibility",
        "progress",
    ]
    list_filter = ["status", "aspiration", "feasibility"]
    search_fields = ["user__email", "user__full_name", "target_role__title"]
    list_select_related = ["user", "target_role"]
    raw_id_fields = ["user"]
    date_hierarchy = "target_date"
    readonly_fields = [
        "path_role_slugs",
        "plan_version",
        "planned_on",
        "typical_years_min",
        "typical_years_max",
        "available_years",
        "feasibility",
        "created_at",
        "updated_at",
    ]
    inlines = [MilestoneInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Goal]:
        queryset: QuerySet[Goal] = (
            super()
            .get_queryset(request)
            .annotate(
                milestones_total=Count("milestones"),
                milestones_done=Count("milestones", filter=Q(milestones__done_at__isnull=False)),
            )
        )
        return queryset

    @admin.display(description="Milestones done")
    def progress(self, goal: Goal) -> str:
        return f"{getattr(goal, 'milestones_done', 0)} / {getattr(goal, 'milestones_total', 0)}"
