"""Loads the question bank into the database: rows matched by id are updated in place, new
ones created, and questions gone from the files retired (never deleted: answers keep them)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from launchpad.content.interview_reader import InterviewContent
from launchpad.interview.models import Question


@dataclass
class InterviewLoadReport:
    created: int = 0
    updated: int = 0
    retired: int = 0

    def summary(self) -> str:
        return f"  Question: {self.created} created, {self.updated} updated, {self.retired} retired"


@transaction.atomic
def load_interview(content: InterviewContent) -> InterviewLoadReport:
    report = InterviewLoadReport()
    if not content.questions:
        return report
    for order, guide in enumerate(content.questions):
        _, created = Question.objects.update_or_create(
            slug=guide.id,
            defaults={
                "order": order, "round": guide.round, "kind": guide.kind,
                "prompt": guide.prompt, "looking_for": guide.looking_for,
                "structure": list(guide.structure), "mistakes": list(guide.mistakes),
                "talking_points": [
                    {"point": p.point, "cues": list(p.cues)} for p in guide.talking_points
                ],
                "tracks": list(guide.tracks), "roles": list(guide.roles), "star": guide.star,
                "min_words": guide.min_words, "max_words": guide.max_words,
                "think_seconds": guide.think_seconds, "answer_seconds": guide.answer_seconds,
                "about_company": guide.about_company, "job_terms": list(guide.job_terms),
                "sources": [
                    {"label": s.label, "url": s.url, "grade": s.grade} for s in guide.sources
                ],
                "is_active": True,
            },
        )  # fmt: skip
        report.created += created
        report.updated += not created
    report.retired = (
        Question.objects.filter(is_active=True)
        .exclude(slug__in=[g.id for g in content.questions])
        .update(is_active=False)
    )
    return report
