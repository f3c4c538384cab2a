"""Skills lab: practice tests employers give, with every attempt stored and explained.

Content (typing passages, thresholds) is loaded from `launchpad/content/skills/*.yaml` by
`launchpad load-content`. An attempt keeps its raw input (the keystroke log), the scores and
the version of the scoring rules, so an old result stays explainable after the rules change.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _empty_list() -> list[object]:
    return []


class TypingPassage(models.Model):
    class Kind(models.TextChoices):
        CALL_NOTES = "call-notes", _("Call notes")
        CHAT_REPLY = "chat-reply", _("Chat replies")
        EMAIL = "email", _("E-mails")
        ADDRESSES_ORDERS = "addresses-orders", _("Addresses and order numbers")
        PROSE = "prose", _("Plain prose")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("Easy")
        MEDIUM = "medium", _("Medium")
        HARD = "hard", _("Hard")

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    text = models.TextField()

    class Meta:
        ordering = ["kind", "difficulty", "slug"]

    def __str__(self) -> str:
        return self.title


class SkillThreshold(models.Model):
    """A cut-off a result is held against, with where the figure comes from."""

    class Test(models.TextChoices):
        TYPING = "typing", _("Typing")
        DATA_ENTRY = "data-entry", _("Data entry")

    slug = models.SlugField(max_length=80, unique=True)
    test = models.CharField(max_length=16, choices=Test.choices)
    track = models.ForeignKey("careers.Track", on_delete=models.CASCADE, related_name="thresholds")
    label = models.CharField(max_length=150)
    min_wpm = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    min_accuracy = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    min_kph = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    sources = models.JSONField(default=_empty_list, blank=True)

    class Meta:
        ordering = ["test", "track__order", "slug"]

    def __str__(self) -> str:
        return self.label


class ScoredAttempt(models.Model):
    """What every skills-test attempt has: when it started and was submitted, and its result
    with the version of the rules that scored it. An attempt is scored exactly when it has
    been submitted, and only once (the services refuse a second submission)."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        SCORED = "scored", _("Scored")

    status = models.CharField(max_length=8, choices=Status.choices, default=Status.STARTED)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    rules_version = models.CharField(max_length=16, blank=True)

    class Meta:
        abstract = True
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="started", submitted_at__isnull=True, result__isnull=True)
                | Q(status="scored", submitted_at__isnull=False, result__isnull=False),
                name="%(app_label)s_%(class)s_scored_iff_submitted",
            ),
        ]

    @property
    def is_scored(self) -> bool:
        return self.status == self.Status.SCORED


class TypingAttempt(ScoredAttempt):
    """One sitting of the typing test, from the moment the server hands out the text."""

    class Mode(models.TextChoices):
        TIMED = "timed", _("Timed")
        TEXT = "text", _("Fixed text")

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="typing_attempts"
    )
    passage = models.ForeignKey(
        TypingPassage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The exact text shown, kept even if the passage is edited or removed later.
    text = models.TextField()
    is_drill = models.BooleanField(default=False)
    mode = models.CharField(max_length=8, choices=Mode.choices)
    duration_s = models.PositiveSmallIntegerField(null=True, blank=True)
    log = models.JSONField(null=True, blank=True)
    wpm = models.FloatField(null=True, blank=True)
    raw_wpm = models.FloatField(null=True, blank=True)
    accuracy = models.FloatField(null=True, blank=True)
    consistency = models.FloatField(null=True, blank=True)
    kph = models.FloatField(null=True, blank=True)

    class Meta(ScoredAttempt.Meta):
        indexes = [models.Index(fields=["user", "status", "-submitted_at"])]
        constraints = [
            *ScoredAttempt.Meta.constraints,
            models.CheckConstraint(
                condition=Q(mode="text") | Q(duration_s__gt=0),
                name="typing_timed_attempt_has_duration",
            ),
        ]

    def __str__(self) -> str:
        return f"Typing attempt {self.pk} by {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("skills:typing_attempt", args=[self.pk])


class DataEntryAttempt(ScoredAttempt):
    """One sitting of the data-entry test: the records shown, what was keyed, the score."""

    class Mode(models.TextChoices):
        RECORDS = "records", _("Customer records")
        TEN_KEY = "ten-key", _("10-key numbers")

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="data_entry_attempts"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices)
    seed = models.PositiveBigIntegerField()
    # The exact records shown (they can be regenerated from the seed, but are kept anyway).
    records = models.JSONField()
    time_limit_s = models.PositiveSmallIntegerField()
    entered = models.JSONField(null=True, blank=True)
    kph = models.FloatField(null=True, blank=True)
    field_accuracy = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Data-entry attempt {self.pk} by {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("skills:data_entry_attempt", args=[self.pk])


class QuizItem(models.Model):
    """A multiple-choice item of the English, judgment or computer test (content)."""

    class Test(models.TextChoices):
        ENGLISH = "english", _("English")
        SJT = "sjt", _("Customer-service judgment")
        COMPUTER = "computer", _("Computer proficiency")

    slug = models.SlugField(max_length=80, unique=True)
    test = models.CharField(max_length=10, choices=Test.choices)
    skill = models.CharField(max_length=40)
    difficulty = models.CharField(max_length=8)
    cefr = models.CharField(max_length=2, blank=True)
    passage = models.TextField(blank=True)
    prompt = models.TextField()
    options = models.JSONField()  # [{"text": ..., "score": ...}, ...]
    explanation = models.TextField(blank=True)

    class Meta:
        ordering = ["test", "skill", "slug"]
        indexes = [models.Index(fields=["test", "skill"])]

    def __str__(self) -> str:
        return self.slug


class QuizAttempt(ScoredAttempt):
    """One sitting of a multiple-choice test, with a snapshot of the items it showed."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    test = models.CharField(max_length=10, choices=QuizItem.Test.choices)
    focus_skill = models.CharField(max_length=40, blank=True)
    # A short form of the readiness check; its result counts like any other.
    is_mini = models.BooleanField(default=False)
    # [{"slug", "order"}] plus the items as shown, so a result stays explainable after edits.
    form = models.JSONField()
    items = models.JSONField()
    time_limit_s = models.PositiveSmallIntegerField()
    late_by_s = models.PositiveIntegerField(default=0)
    answers = models.JSONField(null=True, blank=True)
    percent = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_test_display()} attempt {self.pk} by {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("skills:quiz_attempt", args=[self.pk])


class ReplyScenario(models.Model):
    """A customer message for the written reply test (content)."""

    class Channel(models.TextChoices):
        CHAT = "chat", _("Chat")
        EMAIL = "email", _("E-mail")

    slug = models.SlugField(max_length=80, unique=True)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    difficulty = models.CharField(max_length=8)
    title = models.CharField(max_length=150)
    customer_name = models.CharField(max_length=100)
    message = models.TextField()
    facts = models.JSONField(default=_empty_list)
    key_points = models.JSONField(default=_empty_list)

    class Meta:
        ordering = ["channel", "slug"]

    def __str__(self) -> str:
        return self.title


class ReplyAttempt(ScoredAttempt):
    """One written reply, scored by the rubric in launchpad.core.reply."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="reply_attempts"
    )
    scenario = models.ForeignKey(ReplyScenario, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")  # fmt: skip
    # The scenario as shown, kept even if the content changes later.
    shown = models.JSONField()
    time_limit_s = models.PositiveSmallIntegerField()
    late_by_s = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True)
    total = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Reply attempt {self.pk} by {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("skills:reply_attempt", args=[self.pk])
