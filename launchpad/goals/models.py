"""Career goals and their milestones.

A goal's milestones are a snapshot of the plan made when the goal was set (or re-planned),
so ticks a candidate made are never lost when the career content is edited later.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from launchpad.common.models import TimeStampedModel


class Goal(TimeStampedModel):
    class Aspiration(models.TextChoices):
        MANAGEMENT = "management", _("Management: lead people and operations")
        DOMAIN = "domain", _("Domain expertise: become the expert others rely on")
        GROWTH = "growth", _("Professional growth: keep learning and moving up")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ACHIEVED = "achieved", _("Achieved")
        ARCHIVED = "archived", _("Archived")

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="goals")
    target_role = models.ForeignKey("careers.Role", on_delete=models.PROTECT, related_name="+")
    start_role = models.ForeignKey(
        "careers.Role", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Where the path starts: the current role, or empty for a fresher."),
    )
    target_date = models.DateField()
    aspiration = models.CharField(max_length=16, choices=Aspiration.choices)
    motivation = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    path_role_slugs = models.JSONField(default=list, blank=True)
    plan_version = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["status", "target_date", "id"]
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

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
