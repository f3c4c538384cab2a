"""Contacts, events and follow-ups are private to their owners: none of them is registered in
the admin. Staff may only revoke a calendar feed (for a candidate who has lost control of its
address); the token itself is never shown."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from launchpad.networking.models import CalendarFeed


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin[CalendarFeed]):
    list_display = ("user", "created_at")
    search_fields = ("user__email",)
    fields = ("user", "created_at")
    readonly_fields = ("user", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
