"""Resume studio: resumes kept as JSON Resume documents with every saved version, uploaded
files (private, under unguessable names), and the job descriptions a candidate matches."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _upload_name(instance: Any, filename: str) -> str:
    # The stored name says nothing about the candidate or the file; the original name is
    # kept in a field and only ever shown to the owner.
    return f"resumes/{secrets.token_hex(16)}"


class Resume(models.Model):
    """A candidate's resume; its content is the latest `ResumeVersion`."""

    class Source(models.TextChoices):
        BUILT = "built", _("Built here")
        JSON = "json", _("Imported JSON Resume")
        FILE = "file", _("Imported from a file")
        TAILORED = "tailored", _("Tailored for a job")

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="resumes")
    title = models.CharField(max_length=120)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.BUILT)
    upload = models.ForeignKey(
        "resumes.ResumeUpload", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="resumes",
    )  # fmt: skip
    tailored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="tailored"
    )
    job = models.ForeignKey(
        "resumes.JobDescription", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="resumes",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resumes:detail", args=[self.pk])


class ResumeVersion(models.Model):
    """One saved state of a resume (never changed once written)."""

    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint("resume", "number", name="unique_resume_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.resume} v{self.number}"


class ResumeUpload(models.Model):
    """A resume file the candidate uploaded, kept only when it could be read."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="resume_uploads"
    )
    file = models.FileField(upload_to=_upload_name)
    original_name = models.CharField(max_length=255)
    file_type = models.CharField(max_length=8)  # pdf or docx, from the bytes
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    parsed = models.JSONField()  # the parser's resume, field guesses, layout and warnings
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.original_name


class JobDescription(models.Model):
    """A job a candidate matches resumes against: pasted text or a JSON Resume job."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="jobs")
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    data = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})" if self.company else self.title


class CoverLetter(models.Model):
    """A cover letter for one job, drafted from the resume and profile, then edited."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="cover_letters"
    )
    resume = models.ForeignKey(
        Resume, null=True, blank=True, on_delete=models.SET_NULL, related_name="cover_letters"
    )
    job = models.ForeignKey(
        JobDescription, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="cover_letters",
    )  # fmt: skip
    title = models.CharField(max_length=200)
    # The letter as `core.resume.cover_letter.CoverLetter.to_dict()`: paragraphs with the
    # claims (and their sources) the draft was built from; edits replace the texts.
    letter = models.JSONField()
    edited = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resumes:letter", args=[self.pk])
