"""Loads the readiness content into the database and publishes the index as a version."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from launchpad.careers.models import Track
from launchpad.content.reader import ContentError
from launchpad.content.readiness_reader import ReadinessContent
from launchpad.readiness.models import DocumentKind, IndexComponent, Knockout
from launchpad.readiness.services import publish_index


@dataclass
class ReadinessLoadReport:
    counts: dict[str, list[int]] = field(default_factory=dict)  # model: [created, updated, deleted]
    published: int | None = None

    def summary(self) -> str:
        lines = [
            f"  {name}: {c} created, {u} updated, {d} deleted"
            for name, (c, u, d) in self.counts.items()
        ]
        if self.published is not None:
            lines.append(f"  Readiness Index published as version #{self.published}")
        return "\n".join(lines)


@transaction.atomic
def load_readiness(content: ReadinessContent) -> ReadinessLoadReport:
    """Replaces the index components, documents and knockouts with the files' content.

    Raises ContentError (writing nothing) when a track the content names is not loaded.
    Publishes a new index version only when the components changed.
    """
    report = ReadinessLoadReport()
    tracks = {track.slug: track for track in Track.objects.all()}
    named: set[str] = set()
    if content.index is not None:
        named |= {t.track for t in content.index.tracks}
    if content.knockouts is not None:
        named |= {slug for k in content.knockouts.knockouts for slug in k.tracks}
    missing = sorted(named - set(tracks))
    if missing:
        raise ContentError([f"readiness: track {slug!r} is not loaded" for slug in missing])

    if content.index is not None:
        kept = []
        created = updated = 0
        for track_spec in content.index.tracks:
            for order, c in enumerate(track_spec.components):
                row, was_created = IndexComponent.objects.update_or_create(
                    track=tracks[track_spec.track], key=c.key,
                    defaults={
                        "order": order, "label": c.label, "measure": c.measure,
                        "weight": c.weight, "floor": c.floor, "threshold": c.threshold,
                        "target": c.target, "self_rated": c.self_rated or "", "why": c.why,
                        "next_step": c.next_step, "note": c.note,
                        "sources": [s.__dict__ for s in c.sources],
                    },
                )  # fmt: skip
                kept.append(row.pk)
                created += was_created
                updated += not was_created
        deleted, _ = IndexComponent.objects.exclude(pk__in=kept).delete()
        report.counts["IndexComponent"] = [created, updated, deleted]
        summaries = {t.track: t.summary for t in content.index.tracks}
        version = publish_index(label=content.index.version, by="load-content", summaries=summaries)
        report.published = version.pk if version is not None else None

    if content.knockouts is not None:
        created = updated = 0
        for order, d in enumerate(content.knockouts.documents):
            _, was_created = DocumentKind.objects.update_or_create(
                key=d.key,
                defaults={"label": d.label, "country": d.country, "why": d.why, "order": order},
            )
            created += was_created
            updated += not was_created
        deleted, _ = DocumentKind.objects.exclude(
            key__in=[d.key for d in content.knockouts.documents]
        ).delete()
        report.counts["DocumentKind"] = [created, updated, deleted]
        created = updated = 0
        for order, k in enumerate(content.knockouts.knockouts):
            _, was_created = Knockout.objects.update_or_create(
                key=k.key,
                defaults={
                    "order": order, "label": k.label, "tracks": list(k.tracks),
                    "countries": list(k.countries), "rule": k.rule, "params": dict(k.params),
                    "how_common": k.how_common, "why": k.why, "fix": k.fix,
                    "sources": [s.__dict__ for s in k.sources],
                },
            )  # fmt: skip
            created += was_created
            updated += not was_created
        deleted, _ = Knockout.objects.exclude(
            key__in=[k.key for k in content.knockouts.knockouts]
        ).delete()
        report.counts["Knockout"] = [created, updated, deleted]
    return report
