"""Networking: the people a candidate meets (recruiters, referrers, mentors, alumni), the
events they go to (job fairs, walk-in drives, webinars, workshops) and follow-up reminders;
all of it private to the candidate, and on their calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Contact(models.Model):
    class Kind(models.TextChoices):
        RECRUITER = "recruiter", _("Recruiter")
        REFERRER = "referrer", _("Referrer")
        MENTOR = "mentor", _("Mentor")
        ALUMNI = "alumni", _("Alumni")
        OTHER = "other", _("Other")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.RECRUITER)
    company = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    profile_url = models.URLField(max_length=300, blank=True)
    how_we_met = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networking:contact", args=[self.pk])


class Event(models.Model):
    class Kind(models.TextChoices):
        JOB_FAIR = "job_fair", _("Job fair")
        WALK_IN = "walk_in", _("Walk-in drive")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", _("Other")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.JOB_FAIR)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    contacts = models.ManyToManyField(Contact, blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("networking:event", args=[self.pk])


class FollowUp(models.Model):
    """A reminder to get back to someone or something, due on a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups"
    )
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.CASCADE,
        related_name="follow_ups",
    )  # fmt: skip
    notes = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["user", "done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.title} (due {self.due_on})"


class CalendarFeed(models.Model):
    """A secret address for the candidate's calendar feed: calendar apps cannot sign in, so
    the unguessable token is the key; the candidate can replace it to cut old subscribers off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"
