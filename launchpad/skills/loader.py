"""Loads the skills-lab content (typing passages, thresholds) into the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

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


@transaction.atomic
def load_skills(content: SkillsContent) -> SkillsLoadReport:
    """Upserts passages and thresholds by slug and removes the ones that left the files.

    Attempts keep their own copy of the text they showed, so removing a passage loses nothing
    a candidate did. Raises ContentError (writing nothing) when a threshold names a track
    that is not loaded.
    """
    report = SkillsLoadReport()
    tracks = {track.slug: track for track in Track.objects.all()}
    missing = sorted({t.track for t in content.thresholds} - set(tracks))
    if missing:
        raise ContentError([f"thresholds.yaml: track {slug!r} is not loaded" for slug in missing])

    created = updated = 0
    for passage in content.passages:
        _, was_created = TypingPassage.objects.update_or_create(
            slug=passage.slug,
            defaults={"title": passage.title, "kind": passage.kind,
                      "difficulty": passage.difficulty, "text": passage.text},
        )  # fmt: skip
        created += was_created
        updated += not was_created
    deleted, _ = TypingPassage.objects.exclude(slug__in=[p.slug for p in content.passages]).delete()
    report.counts["TypingPassage"] = [created, updated, deleted]

    created = updated = 0
    for threshold in content.thresholds:
        _, was_created = SkillThreshold.objects.update_or_create(
            slug=threshold.slug,
            defaults={
                "test": threshold.test,
                "track": tracks[threshold.track],
                "label": threshold.label,
                "min_wpm": _decimal(threshold.min_wpm),
                "min_accuracy": _decimal(threshold.min_accuracy),
                "min_kph": threshold.min_kph,
                "note": threshold.note,
                "sources": list(threshold.sources),
            },
        )
        created += was_created
        updated += not was_created
    deleted, _ = SkillThreshold.objects.exclude(
        slug__in=[t.slug for t in content.thresholds]
    ).delete()
    report.counts["SkillThreshold"] = [created, updated, deleted]

    created = updated = 0
    for item in content.quiz_items:
        _, was_created = QuizItem.objects.update_or_create(
            slug=item.slug,
            defaults={
                "test": item.test,
                "skill": item.skill,
                "difficulty": item.difficulty,
                "cefr": item.cefr,
                "passage": item.passage,
                "prompt": item.prompt,
                "options": [{"text": text, "score": score} for text, score in item.options],
                "explanation": item.explanation,
            },
        )
        created += was_created
        updated += not was_created
    # Attempts keep a snapshot of their items, so removing one loses no result.
    deleted, _ = QuizItem.objects.exclude(slug__in=[i.slug for i in content.quiz_items]).delete()
    report.counts["QuizItem"] = [created, updated, deleted]

    created = updated = 0
    for scenario in content.reply_scenarios:
        _, was_created = ReplyScenario.objects.update_or_create(
            slug=scenario.slug,
            defaults={
                "channel": scenario.channel,
                "difficulty": scenario.difficulty,
                "title": scenario.title,
                "customer_name": scenario.customer_name,
                "message": scenario.message,
                "facts": list(scenario.facts),
                "key_points": list(scenario.key_points),
            },
        )
        created += was_created
        updated += not was_created
    deleted, _ = ReplyScenario.objects.exclude(
        slug__in=[s.slug for s in content.reply_scenarios]
    ).delete()
    report.counts["ReplyScenario"] = [created, updated, deleted]
    return report
