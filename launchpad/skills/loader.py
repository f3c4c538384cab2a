"""Loads the skills-lab content (passages, thresholds, items, scenarios) into the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from launchpad.careers.models import Track
from launchpad.content.reader import ContentError
from launchpad.content.skills_reader import SkillsContent
from launchpad.skills.models import QuizItem, ReplyScenario, SkillThreshold, TypingPassage


@dataclass
class SkillsLoadReport:
    counts: dict[str, list[int]] = field(default_factory=dict)  # model: [created, updated, deleted]

    def summary(self) -> str:
        return "\n".join(
            f"  {name}: {c} created, {u} updated, {d} deleted"
            for name, (c, u, d) in self.counts.items()
        )


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _sync(model: type[models.Model], rows: Iterable[tuple[str, dict[str, Any]]]) -> list[int]:
    """Upserts `rows` ((slug, fields) pairs) by slug and deletes the model's other rows.

    Returns [created, updated, deleted].
    """
    created = updated = 0
    slugs = []
    for slug, fields in rows:
        slugs.append(slug)
        _, was_created = model._default_manager.update_or_create(slug=slug, defaults=fields)
        created += was_created
        updated += not was_created
    deleted, _ = model._default_manager.exclude(slug__in=slugs).delete()
    return [created, updated, deleted]


@transaction.atomic
def load_skills(content: SkillsContent) -> SkillsLoadReport:
    """Upserts every kind of skills content by slug and removes what left the files.

    Attempts keep their own copy of the text, items or scenario they showed, so removing
    content loses nothing a candidate did. Raises ContentError (writing nothing) when a
    threshold names a track that is not loaded.
    """
    tracks = {track.slug: track for track in Track.objects.all()}
    missing = sorted({t.track for t in content.thresholds} - set(tracks))
    if missing:
        raise ContentError([f"thresholds.yaml: track {slug!r} is not loaded" for slug in missing])

    report = SkillsLoadReport()
    report.counts["TypingPassage"] = _sync(
        TypingPassage,
        ((p.slug, {"title": p.title, "kind": p.kind, "difficulty": p.difficulty, "text": p.text})
         for p in content.passages),
    )  # fmt: skip
    report.counts["SkillThreshold"] = _sync(
        SkillThreshold,
        (
            (t.slug, {
                "test": t.test, "track": tracks[t.track], "label": t.label,
                "min_wpm": _decimal(t.min_wpm), "min_accuracy": _decimal(t.min_accuracy),
                "min_kph": t.min_kph, "note": t.note, "sources": list(t.sources),
            })
            for t in content.thresholds
        ),
    )  # fmt: skip
    report.counts["QuizItem"] = _sync(
        QuizItem,
        (
            (i.slug, {
                "test": i.test, "skill": i.skill, "difficulty": i.difficulty, "cefr": i.cefr,
                "passage": i.passage, "prompt": i.prompt,
                "options": [{"text": text, "score": score} for text, score in i.options],
                "explanation": i.explanation,
            })
            for i in content.quiz_items
        ),
    )  # fmt: skip
    report.counts["ReplyScenario"] = _sync(
        ReplyScenario,
        (
            (s.slug, {
                "channel": s.channel, "difficulty": s.difficulty, "title": s.title,
                "customer_name": s.customer_name, "message": s.message,
                "facts": list(s.facts), "key_points": list(s.key_points),
            })
            for s in content.reply_scenarios
        ),
    )  # fmt: skip
    return report
