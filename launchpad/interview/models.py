"""Interview coach: the question bank (staff-edited), a candidate's practice sessions and
answers with their feedback, company research notes and the spaced-repetition card of each
question they have practised. Recordings never reach the server: the browser keeps them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from launchpad.core.interview import (
    InterviewContentError,
    QuestionGuide,
    TalkingPoint,
    parse_question,
)


class Round(models.TextChoices):
    HR = "hr", _("HR round")
    OPERATIONS = "operations", _("Operations round")
    ROLE = "role", _("Role-specific")
    GROWTH = "growth", _("Team leader, QA and trainer")
    SALES = "sales", _("Sales tasks")


class Kind(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    MOTIVATION = "motivation", _("Motivation")
    BEHAVIOURAL = "behavioural", _("Tell me about a time")
    SITUATIONAL = "situational", _("What would you do")
    KNOWLEDGE = "knowledge", _("Knowledge")
    TASK = "task", _("Task")


class Question(models.Model):
    """One question of the bank with its guide; `guide()` is what the feedback rules read."""

    slug = models.SlugField(max_length=80, unique=True)
    round = models.CharField(max_length=12, choices=Round.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    prompt = models.TextField()
    looking_for = models.TextField(help_text=_("What the interviewer is judging."))
    structure = models.JSONField(default=list, help_text=_("Steps of a good answer (3-5)."))
    mistakes = models.JSONField(default=list, help_text=_("Common mistakes (2-4)."))
    talking_points = models.JSONField(
        default=list, help_text=_('3-5 of {"point": "...", "cues": ["word", "short phrase"]}.')
    )
    tracks = models.JSONField(default=list, help_text=_('Track slugs, or ["all"].'))
    roles = models.JSONField(default=list, blank=True, help_text=_("Role slugs; empty for any."))
    star = models.BooleanField(default=False, help_text=_("A STAR answer is expected."))
    min_words = models.PositiveSmallIntegerField()
    max_words = models.PositiveSmallIntegerField()
    think_seconds = models.PositiveSmallIntegerField()
    answer_seconds = models.PositiveSmallIntegerField()
    about_company = models.BooleanField(
        default=False, help_text=_("Uses the candidate's research notes on the company.")
    )
    job_terms = models.JSONField(default=list, blank=True, help_text=_("Vocabulary term keys."))
    sources = models.JSONField(default=list, help_text=_('[{"label", "url", "grade"}]'))
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text=_("Retired questions keep their answers but are not asked.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.prompt

    def get_absolute_url(self) -> str:
        return reverse("interview:question", args=[self.slug])

    def as_raw(self) -> dict[str, Any]:
        """The row in the shape of one item of the question files."""
        return {
            "id": self.slug, "round": self.round, "kind": self.kind, "prompt": self.prompt,
            "looking_for": self.looking_for, "structure": self.structure,
            "mistakes": self.mistakes, "talking_points": self.talking_points,
            "tracks": self.tracks, "roles": self.roles, "star": self.star,
            "words": [self.min_words, self.max_words],
            "seconds": {"think": self.think_seconds, "answer": self.answer_seconds},
            "about_company": self.about_company, "job_terms": self.job_terms,
            "sources": self.sources,
        }  # fmt: skip

    def guide(self) -> QuestionGuide:
        """The validated guide (raises InterviewContentError for an invalid row)."""
        cached: QuestionGuide | None = getattr(self, "_guide", None)
        if cached is None:
            cached = parse_question(self.as_raw(), where=self.slug)
            self._guide = cached
        return cached

    def clean(self) -> None:
        try:
            parse_question(self.as_raw(), where=self.slug or "question")
        except InterviewContentError as error:
            raise ValidationError(error.problems) from error

    @property
    def points(self) -> tuple[TalkingPoint, ...]:
        return self.guide().talking_points


class CompanyNote(models.Model):
    """What a candidate learned about a company they target, for "why us" questions."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="company_notes"
    )
    name = models.CharField(_("company"), max_length=120)
    services = models.TextField(_("services and processes"), blank=True)
    client_industries = models.TextField(_("clients' industries"), blank=True)
    locations = models.TextField(_("locations"), blank=True)
    values = models.TextField(_("values and culture"), blank=True)
    notes = models.TextField(_("anything else"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("name"), "id"]
        constraints = [
            models.UniqueConstraint(
                "user", Lower("name"), name="interview_company_note_unique_name_per_user"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interview:company", args=[self.pk])


class CoachSettings(models.Model):
    """A candidate's interview date and the track, role and company they practise for."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="interview_settings"
    )
    interview_date = models.DateField(null=True, blank=True)
    track = models.CharField(max_length=40, blank=True)
    role = models.CharField(max_length=80, blank=True)
    company = models.ForeignKey(
        CompanyNote, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"interview settings of {self.user_id}"


class PracticeSession(models.Model):
    """A run of questions: everyday practice, one chosen question, or a mock interview day."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        SINGLE = "single", _("One question")
        MOCK = "mock", _("Mock interview")

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="interview_sessions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PRACTICE)
    round = models.CharField(max_length=12, blank=True)  # "" = the coach mixed the rounds
    track = models.CharField(max_length=40, blank=True)
    role = models.CharField(max_length=80, blank=True)
    company = models.ForeignKey(
        CompanyNote, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("interview:session", args=[self.pk])


class Answer(models.Model):
    """One question of a session: when it was shown, what was answered, and the feedback."""

    session = models.ForeignKey(PracticeSession, on_delete=models.CASCADE, related_name="answers")
    # PROTECT: a retired question is deactivated, never deleted, so no answer loses its guide.
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    position = models.PositiveSmallIntegerField()
    shown_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True)
    think_seconds = models.FloatField(null=True, blank=True)
    answer_seconds = models.FloatField(null=True, blank=True)
    feedback = models.JSONField(null=True, blank=True)
    suggested_quality = models.PositiveSmallIntegerField(null=True, blank=True)
    quality = models.PositiveSmallIntegerField(null=True, blank=True)  # the candidate's rating
    card_before = models.JSONField(null=True, blank=True)  # so a later rating replays SM-2

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="interview_answer_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.position}"

    def get_absolute_url(self) -> str:
        return reverse("interview:answer", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ReviewCard(models.Model):
    """The SM-2 state of one question for one candidate: when it should come back."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="interview_cards"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="cards")
    repetitions = models.PositiveSmallIntegerField(default=0)
    interval_days = models.PositiveIntegerField(default=0)
    ease = models.FloatField(default=2.5)
    due = models.DateField(null=True, blank=True)
    lapses = models.PositiveSmallIntegerField(default=0)
    reviews = models.PositiveIntegerField(default=0)
    last_quality = models.PositiveSmallIntegerField(null=True, blank=True)
    last_reviewed = models.DateField(null=True, blank=True)
    first_seen = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question"], name="interview_card_unique_question"
            )
        ]
        indexes = [models.Index(fields=["user", "due"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.question_id} due {self.due}"
