"""Staff see every posting and import here; a pasted posting is its candidate's own and is
shown read-only. Retire a posting by unticking "is active" (applications keep it)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from launchpad.jobs.importing import posting_refresh
from launchpad.jobs.models import ImportRun, Posting


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin[Posting]):
    list_display = ("title", "company", "city", "track", "posted_on", "is_active", "owner")
    list_filter = ("track", "is_active", "country", "workplace")
    search_fields = ("title", "company", "city")
    readonly_fields = ("fingerprint", "terms", "search_text", "owner", "imported_by")
    date_hierarchy = "posted_on"

    def save_model(self, request: HttpRequest, obj: Posting, form: Any, change: bool) -> None:
        # Search and the match read derived fields, which must follow the edit.
        posting_refresh(obj)
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.owner_id is not None:
            return False
        return super().has_change_permission(request, obj)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin[ImportRun]):
    list_display = ("file_name", "started_at", "created", "updated", "skipped", "by")
    readonly_fields = ("by", "file_name", "file_type", "created", "updated", "skipped",
                       "problems", "started_at")  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
