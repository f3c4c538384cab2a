"""Career goals and their milestones.

A goal's milestones are a snapshot of the plan made when the goal was set (or re-planned),
so ticks a candidate made are never lost when the career content is edited later. The
figures behind the feasibility verdict (typical years, available years, the day the plan was
made and the planner's rules version) are stored beside the plan so it stays explainable.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from launchpad.common.models import TimeStampedModel

MOTIVATION_MAX_LENGTH = 2000


class Goal(TimeStampedModel):
    class Aspiration(models.TextChoices):
        MANAGEMENT = "management", _("Management: lead people and operations")
        DOMAIN = "domain", _("Domain expertise: become the expert others rely on")
        GROWTH = "growth", _("Professional growth: keep learning and moving up")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ACHIEVED = "achieved", _("Achieved")
        ARCHIVED = "archived", _("Archived")

    class Feasibility(models.TextChoices):
        # Mirrors launchpad.core.planner.Feasibility.
        COMFORTABLE = "comfortable", _("comfortable")
        REALISTIC = "realistic", _("realistic")
        AMBITIOUS = "ambitious", _("ambitious")
        VERY_AMBITIOUS = "very_ambitious", _("very ambitious")

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="goals")
    target_role = models.ForeignKey("careers.Role", on_delete=models.PROTECT, related_name="+")
    start_role = models.ForeignKey(
        "careers.Role",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the path starts: the current role, or empty for a fresher."),
    )
    target_date = models.DateField()
    aspiration = models.CharField(max_length=16, choices=Aspiration.choices)
    motivation = models.TextField(max_length=MOTIVATION_MAX_LENGTH, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    path_role_slugs = models.JSONField(default=list, blank=True)
    plan_version = models.CharField(max_length=16, blank=True)
    planned_on = models.DateField(
        null=True, blank=True, help_text=_("The day (in the user's time zone) the plan was made.")
    )
    typical_years_min = models.FloatField(null=True, blank=True)
    typical_years_max = models.FloatField(null=True, blank=True)
    available_years = models.FloatField(
        null=True, blank=True, help_text=_("Years between the planning day and the target date.")
    )
    feasibility = models.CharField(max_length=16, choices=Feasibility.choices, blank=True)
    assumed_steps = models.PositiveSmallIntegerField(
        default=0,
        help_text=_("Steps of the path with no sourced typical time, counted at an assumed one."),
    )

    class Meta:
        ordering = ["status", "target_date", "id"]
        indexes = [models.Index(fields=["user", "status"], name="goal_user_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(start_role=models.F("target_role")) | Q(start_role__isnull=True),
                name="goal_start_differs_from_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.target_role} by {self.target_date}"

    def get_absolute_url(self) -> str:
        return reverse("goals:goal_detail", args=[self.pk])

    @property
    def is_fresher_path(self) -> bool:
        return self.start_role_id is None


class Milestone(models.Model):
    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        CERTIFICATION = "certification", _("Certification")
        EXPERIENCE = "experience", _("Experience")
        ROLE = "role", _("Reach a role")
        CUSTOM = "custom", _("My own")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    step_label = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    reference_slug = models.SlugField(max_length=80, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["goal", "order"], name="milestone_goal_order")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="custom") | Q(reference_slug=""),
                name="milestone_custom_has_no_reference",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_custom(self) -> bool:
        return self.kind == self.Kind.CUSTOM

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_done and self.due_date is not None and self.due_date < today
