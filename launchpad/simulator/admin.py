"""Staff edit the simulator's scenarios here. A scenario is checked by the same rules as the
content files (launchpad/core/call_qa.py): an invalid spec is refused with every problem
listed unless it is saved unpublished (a draft); publishing checks it again. Title, channel
and tracks are copied from a valid spec. Scenarios with runs cannot be deleted: unpublish."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from launchpad.simulator.models import Scenario


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin[Scenario]):
    list_display = ("title", "slug", "channel", "is_published", "updated_at")
    list_filter = ("channel", "is_published")
    search_fields = ("title", "slug")
    readonly_fields = ("title", "channel", "tracks", "updated_at")
    fields = ("slug", "is_published", "spec", "title", "channel", "tracks", "updated_at")
    actions = ["unpublish"]

    @admin.action(description="Unpublish the selected scenarios")
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Scenario]) -> None:
        queryset.update(is_published=False)
