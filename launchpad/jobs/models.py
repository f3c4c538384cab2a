"""Job postings: imported by staff and trainers (seen by every candidate) or pasted by a
candidate (seen by them alone), each with what the search and the match need."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Workplace(models.TextChoices):
    ON_SITE = "on-site", _("On-site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class Posting(models.Model):
    """One job opening. `owner` is set for a posting a candidate pasted: only they see it."""

    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=2, blank=True)  # ISO 3166-1 alpha-2 (IN, PH)
    workplace = models.CharField(max_length=8, choices=Workplace.choices, blank=True)
    track = models.CharField(max_length=40, blank=True)  # one of the six tracks
    shifts = models.JSONField(default=list, blank=True)  # day / night / rotational
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    # INR per year or PHP per month, as each market quotes pay.
    salary_currency = models.CharField(max_length=3, blank=True)
    salary_period = models.CharField(max_length=5, blank=True)  # year / month
    must_have = models.JSONField(default=list, blank=True)
    nice_to_have = models.JSONField(default=list, blank=True)
    responsibilities = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True)
    # {"degree_min": "undergraduate", "shifts": ["night"], "min_wpm": 30, "documents": [...]}
    knockouts = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    # Same fingerprint = same posting: a re-import updates it instead of adding a duplicate.
    fingerprint = models.CharField(max_length=64)
    terms = models.JSONField(default=list, blank=True)  # vocabulary keys, for quick ranking
    search_text = models.TextField(blank=True)  # what full-text search indexes
    # How the match reads the posting (see launchpad/jobs/reading.py), read at import.
    reading = models.JSONField(null=True, blank=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="pasted_postings",
    )  # fmt: skip
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-posted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=models.Q(owner__isnull=True),
                name="jobs_posting_unique_public_fingerprint",
            ),
            models.UniqueConstraint(
                fields=["owner", "fingerprint"],
                condition=models.Q(owner__isnull=False),
                name="jobs_posting_unique_owned_fingerprint",
            ),
        ]
        indexes = [
            models.Index(fields=["track", "-posted_on"]),
            models.Index(fields=["city"]),
            models.Index(fields=["-posted_on", "-id"]),
            models.Index(fields=["owner", "-posted_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})" if self.company else self.title

    def get_absolute_url(self) -> str:
        return reverse("jobs:posting", args=[self.pk])


class ImportRun(models.Model):
    """One import of a postings file and its report: imported, updated, skipped and why."""

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    file_type = models.CharField(max_length=8)  # csv / json
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # [{"row": 3, "problems": ["..."]}]
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"
