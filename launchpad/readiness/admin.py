"""Staff edit the index's components and the knockouts here; every change to the components
is published as a new, immutable index version (an invalid set is refused)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from launchpad.core.readiness import ReadinessSpecError
from launchpad.readiness.models import (
    DocumentKind,
    IndexComponent,
    IndexVersion,
    Knockout,
)
from launchpad.readiness.services import publish_index


def _publish(request: HttpRequest) -> None:
    try:
        version = publish_index(by=f"admin: {getattr(request.user, 'email', '')}")
    except ReadinessSpecError as error:
        messages.error(request, f"The index was not published: {error}")
        return
    if version is not None:
        messages.info(request, f"Published the Readiness Index as version #{version.pk}.")


@admin.register(IndexComponent)
class IndexComponentAdmin(admin.ModelAdmin[IndexComponent]):
    list_display = ("track", "label", "measure", "weight", "floor", "threshold", "target")
    list_filter = ("track", "measure")
    search_fields = ("label", "key")

    def save_model(
        self, request: HttpRequest, obj: IndexComponent, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        _publish(request)

    def delete_model(self, request: HttpRequest, obj: IndexComponent) -> None:
        super().delete_model(request, obj)
        _publish(request)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        _publish(request)


@admin.register(IndexVersion)
class IndexVersionAdmin(admin.ModelAdmin[IndexVersion]):
    list_display = ("pk", "label", "published_at", "published_by")
    readonly_fields = ("label", "spec", "published_at", "published_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Published versions are the record of which weights a report used.
        return False


@admin.register(Knockout)
class KnockoutAdmin(admin.ModelAdmin[Knockout]):
    list_display = ("label", "rule", "how_common")
    list_filter = ("rule", "how_common")
    search_fields = ("label", "key")


@admin.register(DocumentKind)
class DocumentKindAdmin(admin.ModelAdmin[DocumentKind]):
    list_display = ("label", "country")
    list_filter = ("country",)
