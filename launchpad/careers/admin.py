"""Admin for the career knowledge base.

The content files in launchpad/content/ are the source of truth: every change form says so,
because `launchpad load-content` overwrites admin edits to rows that are still in the files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from launchpad.careers.models import (
    Book,
    Certification,
    Company,
    Faq,
    Guide,
    Industry,
    LadderStep,
    OnetOccupation,
    Role,
    RoleOnetLink,
    RoleSkill,
    SalaryRange,
    Skill,
    Track,
)
from launchpad.careers.services import content_version_bump

# Admin classes are generic only to the type checker: subscripting them at run time needs
# django-stubs-ext's monkeypatch, which this module does not rely on.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
    _RoleSkillInline = admin.TabularInline[RoleSkill, Role]
    _RoleOnetLinkInline = admin.TabularInline[RoleOnetLink, Role]
    _SalaryRangeInline = admin.StackedInline[SalaryRange, Role]
    _LadderStepInline = admin.StackedInline[LadderStep, Role]
else:
    _ModelAdmin = admin.ModelAdmin
    _RoleSkillInline = _RoleOnetLinkInline = admin.TabularInline
    _SalaryRangeInline = _LadderStepInline = admin.StackedInline

SOURCE_OF_TRUTH_NOTE = (
    "The content files in launchpad/content/ are the source of truth for this data. "
    "Running `launchpad load-content` overwrites edits made here to rows that still exist "
    "in the files (and removes rows that are no longer in them). Make lasting changes in "
    "the YAML files; use the admin for quick fixes and for trying things out."
)


class ContentAdmin(_ModelAdmin):
    """Shows the source-of-truth note at the top of every change form, and marks content as
    changed after every save or delete so cached pages show the edit at once."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        content_version_bump()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        content_version_bump()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        content_version_bump()

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        content_version_bump()

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if fieldsets:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "description": SOURCE_OF_TRUTH_NOTE})
        return fieldsets


class RoleSkillInline(_RoleSkillInline):
    model = RoleSkill
    extra = 0
    fields = ("skill", "level", "why", "order")
    autocomplete_fields = ("skill",)


class RoleOnetLinkInline(_RoleOnetLinkInline):
    model = RoleOnetLink
    extra = 0
    fields = ("occupation", "why", "order")
    autocomplete_fields = ("occupation",)
    verbose_name = "O*NET occupation link"


class SalaryRangeInline(_SalaryRangeInline):
    model = SalaryRange
    extra = 0
    fields = (
        ("country", "currency", "period"),
        ("amount_min", "amount_max", "year", "order"),
        "note",
        "sources",
    )


class LadderStepInline(_LadderStepInline):
    model = LadderStep
    fk_name = "from_role"
    extra = 0
    verbose_name = "ladder step up from this role"
    verbose_name_plural = "ladder steps up from this role"
    fields = (
        "to_role",
        ("years_min", "years_max", "confidence"),
        "asks",
        "skills",
        "certifications",
        "how_promoted",
        "sources",
    )
    autocomplete_fields = ("to_role",)
    filter_horizontal = ("skills", "certifications")


@admin.register(Track)
class TrackAdmin(ContentAdmin):
    list_display = ("name", "slug", "order", "voice", "technical")
    list_filter = ("voice", "technical")
    search_fields = ("name", "slug", "summary")


@admin.register(Skill)
class SkillAdmin(ContentAdmin):
    list_display = ("name", "slug", "category")
    list_filter = ("category",)
    search_fields = ("name", "slug", "description")


@admin.register(Certification)
class CertificationAdmin(ContentAdmin):
    list_display = ("name", "issuer", "level", "cost_min", "cost_max", "cost_currency")
    list_filter = ("level", "cost_currency", "issuer")
    search_fields = ("name", "slug", "issuer", "summary")


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ("title", "slug", "level", "rank", "voice", "technical")
    list_filter = ("level", "rank", "voice", "technical", "tracks")
    search_fields = ("title", "slug", "summary", "also_called")
    filter_horizontal = ("tracks", "certifications")
    inlines = (RoleSkillInline, RoleOnetLinkInline, SalaryRangeInline, LadderStepInline)


@admin.register(RoleSkill)
class RoleSkillAdmin(ContentAdmin):
    list_display = ("role", "skill", "level", "order")
    list_filter = ("level", "skill__category", "role__rank")
    search_fields = ("role__title", "skill__name", "why")
    list_select_related = ("role", "skill")
    autocomplete_fields = ("role", "skill")


@admin.register(LadderStep)
class LadderStepAdmin(ContentAdmin):
    list_display = ("from_role", "to_role", "years_min", "years_max", "confidence")
    list_filter = ("confidence", "from_role__rank", "to_role__rank")
    search_fields = ("from_role__title", "to_role__title", "how_promoted")
    list_select_related = ("from_role", "to_role")
    autocomplete_fields = ("from_role", "to_role")
    filter_horizontal = ("skills", "certifications")


@admin.register(Industry)
class IndustryAdmin(ContentAdmin):
    list_display = ("name", "slug")
    list_filter = ("roles",)
    search_fields = ("name", "slug", "summary")
    filter_horizontal = ("roles",)


@admin.register(Company)
class CompanyAdmin(ContentAdmin):
    list_display = ("name", "slug", "headquarters")
    list_filter = ("tracks",)
    search_fields = ("name", "slug", "what_they_do", "headquarters")
    filter_horizontal = ("tracks",)


@admin.register(SalaryRange)
class SalaryRangeAdmin(ContentAdmin):
    list_display = ("role", "country", "amount_min", "amount_max", "currency", "period", "year")
    list_filter = ("country", "period", "year", "role__rank")
    search_fields = ("role__title", "role__slug", "note")
    list_select_related = ("role",)
    autocomplete_fields = ("role",)


@admin.register(Faq)
class FaqAdmin(ContentAdmin):
    list_display = ("question", "topic", "order")
    list_filter = ("topic",)
    search_fields = ("question", "answer", "slug")


@admin.register(Book)
class BookAdmin(ContentAdmin):
    list_display = ("title", "author")
    list_filter = ("author",)
    search_fields = ("title", "author", "why_read")


@admin.register(Guide)
class GuideAdmin(ContentAdmin):
    list_display = ("title", "slug")
    list_filter = ("slug",)
    search_fields = ("title", "slug", "summary")


class OnetExtractFilter(admin.SimpleListFilter):
    """Occupations our roles link to carry the full extract; related ones only a title."""

    title = "extract"
    parameter_name = "extract"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("full", "Full (linked to a role)"), ("title", "Title only (related)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "full":
            return queryset.exclude(description="")
        if self.value() == "title":
            return queryset.filter(description="")
        return queryset


@admin.register(OnetOccupation)
class OnetOccupationAdmin(ContentAdmin):
    list_display = ("code", "title")
    list_filter = (OnetExtractFilter,)
    search_fields = ("code", "title", "description")


@admin.register(RoleOnetLink)
class RoleOnetLinkAdmin(ContentAdmin):
    list_display = ("role", "occupation", "order")
    list_filter = ("role__rank", "role__level")
    search_fields = ("role__title", "occupation__code", "occupation__title", "why")
    list_select_related = ("role", "occupation")
    autocomplete_fields = ("role", "occupation")
