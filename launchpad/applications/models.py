"""The application tracker: one card per application moving through the stages of BPO
hiring (the rules are `launchpad/core/stages.py`), each move dated, with the offer when
one comes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    SAVED = "saved", _("Saved")
    APPLIED = "applied", _("Applied")
    HR_SCREEN = "hr_screen", _("HR screen")
    ASSESSMENT = "assessment", _("Assessment")
    OPERATIONS = "operations", _("Operations round")
    MOCK_CALL = "mock_call", _("Mock call")
    OFFER = "offer", _("Offer")
    BACKGROUND = "background", _("Background verification")
    TRAINING = "training", _("Training and nesting")
    PRODUCTION = "production", _("Production")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    WALK_IN = "walk_in", _("Walk-in")
    HIRING_DRIVE = "hiring_drive", _("Hiring drive")
    REFERRAL = "referral", _("Referral")


class Application(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    posting = models.ForeignKey(
        "jobs.Posting", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="applications",
    )  # fmt: skip
    # Kept on the card so it still reads right if the posting is removed.
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.SAVED)
    stage_changed_on = models.DateField()
    channel = models.CharField(max_length=12, choices=Channel.choices, blank=True)
    assessments = models.JSONField(default=list, blank=True)  # typing / english / svar / aptitude
    resume = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cover_letter = models.ForeignKey(
        "resumes.CoverLetter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contacts = models.ManyToManyField("networking.Contact", blank=True, related_name="applications")
    notes = models.TextField(blank=True)
    next_action = models.CharField(max_length=200, blank=True)
    next_action_due = models.DateField(null=True, blank=True)
    interview_at = models.DateTimeField(null=True, blank=True)  # the next interview, if booked
    documents = models.JSONField(default=dict, blank=True)  # {"stage": {"document": true}}
    position = models.PositiveIntegerField(default=0)  # order within a board column
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "-updated_at", "-id"]
        indexes = [models.Index(fields=["user", "stage"])]
        constraints = [
            # Tracking a posting twice returns the first card (services.track_posting).
            models.UniqueConstraint(
                fields=["user", "posting"],
                condition=models.Q(posting__isnull=False),
                name="applications_one_per_user_and_posting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}" if self.company else self.title

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", args=[self.pk])


class StageChange(models.Model):
    """One move of an application between stages, dated (the funnel is built from these)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    on = models.DateField()
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage or '-'} -> {self.to_stage} on {self.on}"


class Offer(models.Model):
    """An offer's terms, for the side-by-side comparison (amounts per month)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="offer")
    currency = models.CharField(max_length=3, default="INR")
    base_monthly = models.DecimalField(max_digits=10, decimal_places=2)
    shift = models.CharField(max_length=12, blank=True)  # day / night / rotational
    shift_start = models.TimeField(null=True, blank=True)
    shift_end = models.TimeField(null=True, blank=True)
    working_days_per_month = models.PositiveSmallIntegerField(default=22)
    # The employer's night differential, as a share of the hourly rate (0.10 = 10%).
    night_differential_rate = models.DecimalField(
        max_digits=4, decimal_places=3, null=True, blank=True
    )
    allowances = models.JSONField(default=list, blank=True)  # [{"label": "...", "monthly": 1500}]
    transport = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    growth = models.TextField(blank=True)
    joining_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"offer for {self.application}"
