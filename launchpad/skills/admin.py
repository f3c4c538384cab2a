from django.contrib import admin

from launchpad.skills.models import (
    DataEntryAttempt,
    SkillThreshold,
    TypingAttempt,
    TypingPassage,
)


@admin.register(TypingPassage)
class TypingPassageAdmin(admin.ModelAdmin[TypingPassage]):
    list_display = ("title", "kind", "difficulty", "slug")
    list_filter = ("kind", "difficulty")
    search_fields = ("title", "slug", "text")


@admin.register(SkillThreshold)
class SkillThresholdAdmin(admin.ModelAdmin[SkillThreshold]):
    list_display = ("label", "test", "track", "min_wpm", "min_accuracy", "min_kph")
    list_filter = ("test", "track")
    search_fields = ("label", "slug", "note")


@admin.register(TypingAttempt)
class TypingAttemptAdmin(admin.ModelAdmin[TypingAttempt]):
    """Read-only: attempts are the candidates' own records, kept exactly as scored."""

    list_display = ("user", "mode", "duration_s", "status", "wpm", "accuracy", "submitted_at")
    list_filter = ("status", "mode", "is_drill")
    search_fields = ("user__email",)
    readonly_fields = [f.name for f in TypingAttempt._meta.fields]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(DataEntryAttempt)
class DataEntryAttemptAdmin(admin.ModelAdmin[DataEntryAttempt]):
    """Read-only, like typing attempts."""

    list_display = ("user", "mode", "status", "kph", "field_accuracy", "submitted_at")
    list_filter = ("status", "mode")
    search_fields = ("user__email",)
    readonly_fields = [f.name for f in DataEntryAttempt._meta.fields]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
