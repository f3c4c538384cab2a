from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import CandidateProfile, LanguageSkill, PersonalAccessToken, User


class UserCreationAdminForm(AdminUserCreationForm[User]):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email", "full_name", "role", "time_zone")
        field_classes: ClassVar[dict[str, Any]] = {}


class UserChangeAdminForm(UserChangeForm[User]):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"
        field_classes: ClassVar[dict[str, Any]] = {}


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    """Users sign in with their e-mail address; staff accounts are made here or by
    `launchpad createsuperuser`, never by sign-up."""

    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "role", "time_zone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "full_name",
                    "role",
                    "time_zone",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    list_display = ("email", "full_name", "role", "is_staff", "date_joined")
    list_filter = ("role", "is_staff", "is_superuser", "is_active")
    search_fields = ("email", "full_name")
    ordering = ("email",)


class LanguageSkillInline(admin.TabularInline[LanguageSkill, CandidateProfile]):
    model = LanguageSkill
    extra = 0
    max_num = 8


@admin.register(CandidateProfile)
class CandidateProfileAdmin(admin.ModelAdmin[CandidateProfile]):
    list_display = ("user", "country", "city", "education_level", "years_experience", "updated_at")
    list_filter = ("country", "education_level")
    list_select_related = ("user",)
    search_fields = ("user__email", "user__full_name", "city")
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    inlines = [LanguageSkillInline]


@admin.register(PersonalAccessToken)
class PersonalAccessTokenAdmin(admin.ModelAdmin[PersonalAccessToken]):
    """Tokens are read-only here (their digest is never shown); deleting one revokes it."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "expires_at")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__email")
    fields = ("user", "name", "prefix", "created_at", "last_used_at", "expires_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
