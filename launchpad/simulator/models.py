"""Call simulator: the customer scenarios (staff-edited, validated by the core parser in
launchpad/core/call_qa.py before they can be published) and a candidate's simulation runs.

A run stores only the candidate's turns (text and time); the customer's side is rebuilt by
replaying the deterministic engine (`selectors.simulation`). A finished run keeps its QA
score (`QAScore.to_dict()`) and its total, which the readiness index reads per channel."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from launchpad.core import call_qa


class Channel(models.TextChoices):
    VOICE = "voice", _("Voice call")
    CHAT = "chat", _("Chat")
    EMAIL = "email", _("E-mail")


def normalise_spec(raw: Any) -> Any:
    """Scenario content as plain JSON: PyYAML's boolean key for a bare `on:` becomes "on",
    and anything that is not JSON (a date YAML read from an unquoted value) becomes text."""
    if isinstance(raw, dict):
        return {("on" if k is True else str(k)): normalise_spec(v) for k, v in raw.items()}
    if isinstance(raw, list | tuple):
        return [normalise_spec(v) for v in raw]
    return json.loads(json.dumps(raw, default=str))


class Scenario(models.Model):
    """One customer scenario. `spec` is the scenario file as a mapping (what
    `call_qa.parse_scenario` reads); title, channel and tracks are copied from it."""

    slug = models.SlugField(max_length=80, unique=True, help_text=_("Equals the spec's id."))
    title = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.CHAT)
    tracks = models.JSONField(default=list, blank=True)
    spec = models.JSONField(
        default=dict,
        help_text=_(
            "The scenario in the format of launchpad/content/simulator/README.md. An invalid "
            "scenario can be saved only as an unpublished draft."
        ),
    )
    is_published = models.BooleanField(
        default=True, help_text=_("Candidates can practise it. Only a valid scenario.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse("simulator:scenario", args=[self.slug])

    def scenario(self) -> call_qa.Scenario:
        """The parsed scenario (raises call_qa.ScenarioError for an invalid spec)."""
        cached: call_qa.Scenario | None = getattr(self, "_parsed", None)
        if cached is None:
            cached = call_qa.parse_scenario(normalise_spec(self.spec))
            self._parsed = cached
        return cached

    def problems(self) -> list[str]:
        """Everything wrong with the spec (empty when it is valid)."""
        try:
            parsed = call_qa.parse_scenario(normalise_spec(self.spec))
        except call_qa.ScenarioError as error:
            return list(error.problems)
        if self.slug and parsed.id != self.slug:
            return [f"the spec's id {parsed.id!r} must equal the slug {self.slug!r}"]
        return []

    def clean(self) -> None:
        self.spec = normalise_spec(self.spec)
        self.__dict__.pop("_parsed", None)
        problems = self.problems()
        if problems:
            if self.is_published:
                raise ValidationError(
                    {
                        "spec": [*problems],
                        "is_published": [
                            _(
                                "An invalid scenario cannot be published: fix the spec, or "
                                "untick this to save a draft."
                            )
                        ],
                    }
                )
            return
        parsed = self.scenario()
        self.title, self.channel, self.tracks = parsed.title, parsed.channel, list(parsed.tracks)


class SimulationRun(models.Model):
    """One simulated call or chat of a candidate: their turns, and when finished its score."""

    class Mode(models.TextChoices):
        SINGLE = "single", _("One conversation")
        MULTI = "multi", _("Several chats at once")

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="simulation_runs"
    )
    # PROTECT: scenarios are unpublished, never deleted, so a run can always be replayed.
    scenario = models.ForeignKey(Scenario, on_delete=models.PROTECT, related_name="runs")
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.SINGLE)
    group = models.CharField(max_length=32, blank=True)  # shared by runs of one multi-chat
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # [{"text": "...", "at": seconds since start}], the browser's clock kept within the server's
    agent_turns = models.JSONField(default=list, blank=True)
    total = models.PositiveSmallIntegerField(null=True, blank=True)  # 0-100, rounded
    passed = models.BooleanField(null=True, blank=True)
    outcome = models.CharField(max_length=12, blank=True)  # resolved/escalated/unresolved
    score = models.JSONField(null=True, blank=True)  # QAScore.to_dict()
    _simulation: call_qa.Simulation  # the replayed state, cached by selectors.simulation

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.scenario} {self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        name = "simulator:result" if self.is_finished else "simulator:run"
        return reverse(name, args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None
