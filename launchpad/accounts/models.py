"""Accounts: users (candidate, trainer, staff), candidate profiles and API tokens."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.validators import validate_time_zone
from launchpad.common.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    """Users sign in with their e-mail address; there is no separate username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", User.Role.STAFF)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        """Finds the user for a sign-in: e-mail addresses match whatever their letter case."""
        return self.get(email__iexact=username)


class User(AbstractUser):
    class Role(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        TRAINER = "trainer", _("Trainer or placement officer")
        STAFF = "staff", _("Staff (admin)")

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CANDIDATE)
    # A guest account holds a first visit's readiness check until the visitor signs up (the
    # same row becomes their account) or it expires; it has no usable password.
    is_guest = models.BooleanField(default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Kolkata", validators=[validate_time_zone]
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        ordering = ["email"]
        constraints = [
            # The manager lower-cases addresses, but the admin or a shell could still store
            # "Alice@…" beside "alice@…"; the database refuses that too.
            models.UniqueConstraint(Lower("email"), name="unique_user_email_ci"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        if self.is_guest:
            return str(_("Guest"))
        return self.full_name or self.email.split("@")[0]


class CandidateProfile(TimeStampedModel):
    """What a candidate tells us about themselves; every field optional until they fill it."""

    class Country(models.TextChoices):
        INDIA = "IN", _("India")
        PHILIPPINES = "PH", _("Philippines")
        OTHER = "OTHER", _("Other")

    class EducationLevel(models.TextChoices):
        SECONDARY = "secondary", _("10th / junior high school")
        HIGHER_SECONDARY = "higher_secondary", _("12th pass / senior high school")
        DIPLOMA = "diploma", _("Diploma")
        UNDERGRADUATE_STUDYING = "ug_studying", _("Studying for a bachelor's degree")
        UNDERGRADUATE = "undergraduate", _("Bachelor's degree")
        POSTGRADUATE = "postgraduate", _("Master's degree or higher")

    class ScoreType(models.TextChoices):
        NONE = "", _("Not given")
        CGPA = "cgpa", _("CGPA out of 10")
        PERCENTAGE = "percentage", _("Percentage")

    class Shift(models.TextChoices):
        DAY = "day", _("Day shift")
        NIGHT = "night", _("Night shift")
        ROTATIONAL = "rotational", _("Rotational shifts")

    class WorkType(models.TextChoices):
        INTERNATIONAL_VOICE = "international-voice", _("International voice")
        DOMESTIC_VOICE = "domestic-voice", _("Domestic voice")
        CHAT_EMAIL = "chat-email", _("Chat and e-mail support")
        BACK_OFFICE = "back-office", _("Back office and data entry")
        TECHNICAL_SUPPORT = "technical-support", _("Technical support")
        KPO = "kpo", _("KPO (knowledge process outsourcing)")

    user = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="profile")
    country = models.CharField(max_length=8, choices=Country.choices, blank=True)
    city = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    education_level = models.CharField(max_length=20, choices=EducationLevel.choices, blank=True)
    degree = models.CharField(max_length=100, blank=True)
    field_of_study = models.CharField(max_length=100, blank=True)
    graduation_year = models.PositiveSmallIntegerField(null=True, blank=True)
    score_type = models.CharField(max_length=12, choices=ScoreType.choices, blank=True)
    score_value = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    shift_availability = models.JSONField(default=list, blank=True)
    work_types = models.JSONField(default=list, blank=True)
    current_role = models.ForeignKey(
        "careers.Role", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    years_experience = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(years_experience__gte=0) & Q(years_experience__lte=50),
                name="profile_years_experience_range",
            ),
            models.CheckConstraint(
                condition=Q(score_value__isnull=True)
                | (Q(score_type="cgpa") & Q(score_value__gte=0) & Q(score_value__lte=10))
                | (Q(score_type="percentage") & Q(score_value__gte=0) & Q(score_value__lte=100)),
                name="profile_score_in_range_for_type",
            ),
        ]

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def completeness(self) -> int:
        """Percentage of the profile's main fields that are filled in."""
        # Uses what the caller already loaded (a `has_languages` annotation or prefetched
        # languages) to save a query.
        has_languages = getattr(self, "has_languages", None)
        if has_languages is None:
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("languages")
            has_languages = bool(prefetched) if prefetched is not None else self.languages.exists()
        checks = [
            bool(self.country),
            bool(self.city),
            bool(self.education_level),
            bool(self.degree) or self.education_level in {"secondary", "higher_secondary"},
            self.graduation_year is not None,
            bool(self.shift_availability),
            bool(self.work_types),
            bool(has_languages),
        ]
        return round(100 * sum(checks) / len(checks))


class LanguageSkill(models.Model):
    """A language the candidate speaks, with a self-rated level (labelled as self-rated)."""

    class Level(models.TextChoices):
        BASIC = "basic", _("Basic: simple everyday phrases")
        CONVERSATIONAL = "conversational", _("Conversational: can hold a conversation")
        FLUENT = "fluent", _("Fluent: comfortable at work")
        NATIVE = "native", _("Native or bilingual")

    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(max_length=50)
    level = models.CharField(max_length=16, choices=Level.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                "profile", Lower("language"), name="unique_language_per_profile"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language} ({self.get_level_display()})"


class PersonalAccessToken(models.Model):
    """A token for scripts and integrations; only its SHA-256 digest is stored."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_expired(self, now: datetime.datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now
