"""Staff edit the question bank here. A row is checked by the same rules as the content
files (launchpad/core/interview.py), so an invalid edit is refused with every problem listed.
Questions with answers cannot be deleted: untick "is active" to retire one."""

from __future__ import annotations

from django.contrib import admin

from launchpad.interview.models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ("prompt", "round", "kind", "star", "is_active", "updated_at")
    list_filter = ("round", "kind", "star", "about_company", "is_active")
    search_fields = ("prompt", "slug", "looking_for")
    ordering = ("order", "id")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("slug", "round", "kind", "prompt", "is_active", "order")}),
        ("Guide", {"fields": ("looking_for", "structure", "mistakes", "talking_points")}),
        (
            "Fit and timing",
            {"fields": ("tracks", "roles", "star", "about_company", "job_terms",
                        ("min_words", "max_words"), ("think_seconds", "answer_seconds"))},
        ),
        ("Sources", {"fields": ("sources", "updated_at")}),
    )  # fmt: skip
