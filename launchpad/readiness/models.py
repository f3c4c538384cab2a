"""Readiness: the index content (weights, thresholds, knockouts), answers, checks and plans.

The index content is edited as rows (`IndexComponent`, `Knockout`, `DocumentKind`) and
published as an immutable `IndexVersion` snapshot whenever it changes, so every readiness
figure can say which weights it was computed with.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from launchpad.core.knockouts import HOW_COMMON, RULES, parse_knockouts
from launchpad.core.readiness import MEASURES, SELF_RATINGS, ReadinessSpecError
from launchpad.core.weekly_plan import StepKind


def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class IndexComponent(models.Model):
    """One weighted component of a track's Readiness Index (content, editable by staff)."""

    track = models.ForeignKey(
        "careers.Track", on_delete=models.CASCADE, related_name="readiness_components"
    )
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=150)
    measure = models.CharField(
        max_length=32, choices=[(m, m) for m in MEASURES], help_text=_("What is measured.")
    )
    weight = models.FloatField(help_text=_("Relative weight within the track (above 0)."))
    floor = models.FloatField(help_text=_("At or below this value the component scores 0."))
    threshold = models.FloatField(help_text=_("The usual hiring bar: scores 80."))
    target = models.FloatField(help_text=_("A strong result: scores 100."))
    self_rated = models.CharField(
        max_length=32, blank=True, choices=[(s, s) for s in sorted(SELF_RATINGS)]
    )
    why = models.TextField()
    next_step = models.TextField()
    note = models.TextField(blank=True)
    sources = models.JSONField(default=_empty_list)

    class Meta:
        ordering = ["track__order", "order", "key"]
        constraints = [
            models.UniqueConstraint("track", "key", name="unique_component_per_track"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="component_weight_positive"),
            models.CheckConstraint(
                condition=Q(floor__lt=models.F("threshold")) & Q(threshold__lt=models.F("target")),
                name="component_floor_threshold_target_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.track_id}: {self.label}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.weight is not None and self.weight <= 0:
            errors["weight"] = str(_("The weight must be above 0."))
        if None not in (self.floor, self.threshold, self.target) and not (
            self.floor < self.threshold < self.target
        ):
            errors["threshold"] = str(_("Needs floor < threshold < target."))
        if self.measure == "language.other" and not self.self_rated:
            errors["self_rated"] = str(_("This measure can only be self-rated."))
        if not self.sources:
            errors["sources"] = str(_("Give at least one source."))
        if errors:
            raise ValidationError(errors)


class IndexVersion(models.Model):
    """An immutable snapshot of every track's components, published when they change."""

    label = models.CharField(max_length=40, help_text=_("The content's version label."))
    spec = models.JSONField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-id"]
        get_latest_by = "id"

    def __str__(self) -> str:
        return f"#{self.pk} ({self.label})"


class DocumentKind(models.Model):
    """A document employers ask for (PAN, Aadhaar, NBI clearance, ...)."""

    key = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=100)
    country = models.CharField(max_length=2, choices=[("IN", "India"), ("PH", "Philippines")])
    why = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["country", "order", "key"]

    def __str__(self) -> str:
        return self.label


class Knockout(models.Model):
    """A rule that ends an application before any test (content, editable by staff)."""

    key = models.SlugField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=150)
    tracks = models.JSONField(default=_empty_list, help_text=_("Track slugs."))
    countries = models.JSONField(default=_empty_list, blank=True, help_text=_("IN, PH or both."))
    rule = models.CharField(max_length=20, choices=[(r, r) for r in sorted(RULES)])
    params = models.JSONField(default=_empty_dict, blank=True)
    how_common = models.CharField(max_length=8, choices=[(h, h) for h in sorted(HOW_COMMON)])
    why = models.TextField()
    fix = models.TextField()
    sources = models.JSONField(default=_empty_list)

    class Meta:
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        """Refuses a rule the checklist could not evaluate (the loader's own checks)."""
        documents = [
            {"key": d.key, "label": d.label, "country": d.country}
            for d in DocumentKind.objects.all()
        ]
        raw = {
            "documents": documents,
            "knockouts": [{
                "key": self.key, "label": self.label, "tracks": self.tracks,
                "countries": self.countries, "rule": self.rule, "params": self.params,
                "how_common": self.how_common, "why": self.why, "fix": self.fix,
                "sources": self.sources,
            }],
        }  # fmt: skip
        try:
            parse_knockouts(raw)
        except ReadinessSpecError as error:
            raise ValidationError(str(error)) from error


class KnockoutAnswers(models.Model):
    """The candidate's answers to the knockout questions the profile does not cover."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="knockout_answers"
    )
    documents = models.JSONField(default=_empty_dict, blank=True)  # document key -> held
    notice_days = models.PositiveSmallIntegerField(null=True, blank=True)
    on_site = models.BooleanField(null=True, blank=True)
    adult = models.BooleanField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Knockout answers of {self.user_id}"


class ReadinessCheck(models.Model):
    """The guided first visit: a short profile, then four mini tests, in order."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="readiness_checks"
    )
    started_at = models.DateTimeField()
    profile_done_at = models.DateTimeField(null=True, blank=True)
    typing = models.ForeignKey(
        "skills.TypingAttempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    english = models.ForeignKey(
        "skills.QuizAttempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judgment = models.ForeignKey(
        "skills.QuizAttempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    computer = models.ForeignKey(
        "skills.QuizAttempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Readiness check {self.pk} of {self.user_id}"


class PlanItem(models.Model):
    """A step of the candidate's week-by-week plan, with what they did about it."""

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="plan_items")
    key = models.CharField(max_length=120)
    week_start = models.DateField()
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in StepKind])
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    ref = models.CharField(max_length=80, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    postponed_from = models.DateField(null=True, blank=True)
    track = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week_start", "id"]
        constraints = [models.UniqueConstraint("user", "key", name="unique_plan_item_key")]

    def __str__(self) -> str:
        return f"{self.week_start}: {self.key}"
