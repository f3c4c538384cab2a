"""Puts validated career content into the database, idempotently.

`load_careers` matches rows by slug (O*NET occupations by code, role skills and links by
their pair, ladder steps by from/to, salaries by role and position), updates only fields
that differ, sets many-to-many links to exactly what the files say and deletes rows that
vanished from the files, all in one transaction. A row that something outside the careers
app still points to (a goal's target role, a profile's current role) is kept, with a
warning, rather than deleted: goals protect their target role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models, transaction

from launchpad.careers.models import (
    Book,
    Certification,
    Company,
    Faq,
    Guide,
    Industry,
    LadderStep,
    OnetOccupation,
    Role,
    RoleOnetLink,
    RoleSkill,
    SalaryRange,
    Skill,
    Track,
)
from launchpad.careers.services import content_version_bump
from launchpad.content.reader import CareersContent, ContentError, check_onet_links

M = TypeVar("M", bound=models.Model)


@dataclass
class ModelCounts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    kept: int = 0  # gone from the files but kept because other rows refer to them

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class LoadReport:
    """What a load did, per model (and per many-to-many link, e.g. "Role tracks")."""

    counts: dict[str, ModelCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def of(self, name: str) -> ModelCounts:
        return self.counts.setdefault(name, ModelCounts())

    @property
    def created(self) -> int:
        return sum(c.created for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def deleted(self) -> int:
        return sum(c.deleted for c in self.counts.values())

    def summary(self) -> str:
        lines = [
            f"Content loaded: {self.created} created, {self.updated} updated, "
            f"{self.deleted} deleted."
        ]
        for name, counts in self.counts.items():
            if counts.changed or counts.kept:
                kept = f", {counts.kept} kept" if counts.kept else ""
                lines.append(
                    f"  {name}: {counts.created} created, {counts.updated} updated, "
                    f"{counts.deleted} deleted{kept}"
                )
        lines += [f"Warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def _decimal(value: float | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class _Loader:
    def __init__(self) -> None:
        self.report = LoadReport()
        # Deletions run last, dependants first, so nothing disappears by cascade uncounted.
        self.deletions: list[tuple[str, list[models.Model]]] = []

    def sync(
        self,
        name: str,
        model: type[M],
        key_fields: tuple[str, ...],
        rows: Iterable[tuple[tuple[Any, ...], dict[str, Any]]],
    ) -> dict[tuple[Any, ...], M]:
        """Upserts `rows` (key values, field values) and schedules the rest for deletion."""
        counts = self.report.of(name)
        existing = {
            tuple(getattr(obj, f) for f in key_fields): obj for obj in model._default_manager.all()
        }
        result: dict[tuple[Any, ...], M] = {}
        for key, values in rows:
            obj = existing.pop(key, None)
            if obj is None:
                obj = model._default_manager.create(
                    **dict(zip(key_fields, key, strict=True)), **values
                )
                counts.created += 1
            else:
                changed = [n for n, v in values.items() if getattr(obj, n) != v]
                if changed:
                    for n in changed:
                        setattr(obj, n, values[n])
                    obj.save(update_fields=changed)
                    counts.updated += 1
            result[key] = obj
        vanished = sorted(existing.values(), key=lambda o: o.pk)
        self.deletions.append((name, list(vanished)))
        return result

    def set_links(self, name: str, manager: Any, wanted: Iterable[models.Model]) -> None:
        """Sets a many-to-many relation to exactly `wanted`, counting links added and removed."""
        counts = self.report.of(name)
        wanted_pks = {obj.pk for obj in wanted}
        current = set(manager.values_list("pk", flat=True))
        if wanted_pks - current:
            manager.add(*sorted(wanted_pks - current))
            counts.created += len(wanted_pks - current)
        if current - wanted_pks:
            manager.remove(*sorted(current - wanted_pks))
            counts.deleted += len(current - wanted_pks)

    def delete_vanished(self) -> None:
        for name, objects in reversed(self.deletions):
            if not objects:
                continue
            counts = self.report.of(name)
            model = type(objects[0])
            referrers = _outside_references(model, [obj.pk for obj in objects])
            for obj in objects:
                if obj.pk in referrers:
                    counts.kept += 1
                    self.report.warnings.append(
                        f"{model._meta.verbose_name} {_key_of(obj)!r} is no longer in the "
                        f"content files but was kept: {', '.join(referrers[obj.pk])} refer to it."
                    )
                else:
                    obj.delete()
                    counts.deleted += 1


def _key_of(obj: models.Model) -> str:
    return str(getattr(obj, "slug", None) or getattr(obj, "code", None) or obj)


def _outside_references(model: type[models.Model], pks: list[Any]) -> dict[Any, list[str]]:
    """Which of `pks` rows outside the careers app point to, and what those rows are."""
    found: dict[Any, dict[str, int]] = {}
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        other = relation.related_model
        if other is None or other._meta.app_label == model._meta.app_label:
            continue
        assert isinstance(relation, models.ForeignObjectRel)
        field_name = relation.field.name
        for pk in other._default_manager.filter(**{f"{field_name}__in": pks}).values_list(
            field_name, flat=True
        ):
            label = str(other._meta.verbose_name_plural)
            found.setdefault(pk, {}).setdefault(label, 0)
            found[pk][label] += 1
    return {
        pk: [f"{count} {label}" for label, count in sorted(labels.items())]
        for pk, labels in found.items()
    }


def load_careers(content: CareersContent, onet: Sequence[Mapping[str, Any]]) -> LoadReport:
    """Writes `content` and the O*NET occupations to the database in one transaction.

    Raises ContentError (and writes nothing) when a role links to an O*NET code that the
    extract does not hold.
    """
    problems = check_onet_links(content, onet)
    if problems:
        raise ContentError(problems)
    loader = _Loader()
    with transaction.atomic():
        _load(loader, content, onet)
        loader.delete_vanished()
        content_version_bump()
    return loader.report


def _load(loader: _Loader, content: CareersContent, onet: Sequence[Mapping[str, Any]]) -> None:
    tracks = loader.sync(
        "Track",
        Track,
        ("slug",),
        (
            (
                (t["slug"],),
                {
                    "name": t["name"],
                    "order": t["order"],
                    "voice": t["voice"],
                    "technical": t["technical"],
                    "summary": t["summary"],
                    "description": t["description"],
                    "typical_tasks": t["typical_tasks"],
                    "who_fits": t["who_fits"],
                    "entry_requirements": t["entry_requirements"],
                    "sources": t["sources"],
                },
            )
            for t in content.tracks
        ),
    )
    skills = loader.sync(
        "Skill",
        Skill,
        ("slug",),
        (
            (
                (s["slug"],),
                {
                    "name": s["name"],
                    "category": s["category"],
                    "description": s["description"],
                    "how_tested": s["how_tested"],
                    "how_to_build": s["how_to_build"],
                    "sources": s["sources"],
                },
            )
            for s in content.skills
        ),
    )
    certifications = loader.sync(
        "Certification",
        Certification,
        ("slug",),
        (
            (
                (c["slug"],),
                {
                    "name": c["name"],
                    "issuer": c["issuer"],
                    "summary": c["summary"],
                    "cost_min": _decimal(c["cost_min"]),
                    "cost_max": _decimal(c["cost_max"]),
                    "cost_currency": c["cost_currency"] or "",
                    "cost_year": c["cost_year"],
                    "cost_note": c["cost_note"],
                    "effort": c["effort"],
                    "format": c["format"],
                    "validity": c["validity"],
                    "prerequisites": c["prerequisites"],
                    "level": c["level"],
                    "sources": c["sources"],
                },
            )
            for c in content.certifications
        ),
    )
    occupations = loader.sync(
        "OnetOccupation",
        OnetOccupation,
        ("code",),
        (
            (
                (o["code"],),
                {
                    "title": o["title"],
                    "description": o["description"],
                    "tasks": o["tasks"],
                    "skills": o["skills"],
                    "technology": o["technology"],
                    "related": o["related"],
                },
            )
            for o in onet
        ),
    )
    roles = loader.sync(
        "Role",
        Role,
        ("slug",),
        (
            (
                (r["slug"],),
                {
                    "title": r["title"],
                    "level": r["level"],
                    "rank": r["rank"],
                    "voice": r["voice"],
                    "technical": r["technical"],
                    "summary": r["summary"],
                    "what_the_work_is": r["what_the_work_is"],
                    "day_in_the_job": r["day_in_the_job"],
                    "kpis": r["kpis"],
                    "education": r["education"],
                    "also_called": r["also_called"],
                    "sources": r["sources"],
                },
            )
            for r in content.roles
        ),
    )
    for r in content.roles:
        role = roles[(r["slug"],)]
        loader.set_links("Role tracks", role.tracks, [tracks[(s,)] for s in r["tracks"]])
        loader.set_links(
            "Role certifications",
            role.certifications,
            [certifications[(s,)] for s in r["certifications"]],
        )
    loader.sync(
        "RoleSkill",
        RoleSkill,
        ("role_id", "skill_id"),
        (
            (
                (roles[(r["slug"],)].pk, skills[(link["skill"],)].pk),
                {"level": link["level"], "why": link["why"], "order": order},
            )
            for r in content.roles
            for order, link in enumerate(r["skills"])
        ),
    )
    loader.sync(
        "RoleOnetLink",
        RoleOnetLink,
        ("role_id", "occupation_id"),
        (
            (
                (roles[(r["slug"],)].pk, occupations[(link["code"],)].pk),
                {"why": link["why"], "order": order},
            )
            for r in content.roles
            for order, link in enumerate(r["onet"])
        ),
    )
    steps = loader.sync(
        "LadderStep",
        LadderStep,
        ("from_role_id", "to_role_id"),
        (
            (
                (roles[(s["from"],)].pk, roles[(s["to"],)].pk),
                {
                    "years_min": _decimal(s["years_min"]),
                    "years_max": _decimal(s["years_max"]),
                    "asks": s["asks"],
                    "how_promoted": s["how_promoted"],
                    "confidence": s["confidence"],
                    "sources": s["sources"],
                },
            )
            for s in content.ladder
        ),
    )
    for s in content.ladder:
        step = steps[(roles[(s["from"],)].pk, roles[(s["to"],)].pk)]
        loader.set_links("LadderStep skills", step.skills, [skills[(k,)] for k in s["skills"]])
        loader.set_links(
            "LadderStep certifications",
            step.certifications,
            [certifications[(k,)] for k in s["certifications"]],
        )
    industries = loader.sync(
        "Industry",
        Industry,
        ("slug",),
        (
            (
                (i["slug"],),
                {
                    "name": i["name"],
                    "summary": i["summary"],
                    "work_examples": i["work_examples"],
                    "sources": i["sources"],
                },
            )
            for i in content.industries
        ),
    )
    for i in content.industries:
        loader.set_links(
            "Industry roles", industries[(i["slug"],)].roles, [roles[(s,)] for s in i["roles"]]
        )
    companies = loader.sync(
        "Company",
        Company,
        ("slug",),
        (
            (
                (c["slug"],),
                {
                    "name": c["name"],
                    "what_they_do": c["what_they_do"],
                    "headquarters": c["headquarters"],
                    "hires_in": c["hires_in"],
                    "notes": c["notes"],
                    "sources": c["sources"],
                },
            )
            for c in content.companies
        ),
    )
    for c in content.companies:
        loader.set_links(
            "Company tracks", companies[(c["slug"],)].tracks, [tracks[(s,)] for s in c["tracks"]]
        )
    # A role's salary rows are its entries in salaries.yaml, matched by position.
    positions: dict[str, int] = {}
    salary_rows = []
    for s in content.salaries:
        order = positions[s["role"]] = positions.get(s["role"], -1) + 1
        salary_rows.append(
            (
                (roles[(s["role"],)].pk, order),
                {
                    "country": s["country"],
                    "currency": s["currency"],
                    "period": s["period"],
                    "amount_min": _decimal(s["min"]),
                    "amount_max": _decimal(s["max"]),
                    "year": s["year"],
                    "note": s["note"],
                    "sources": s["sources"],
                },
            )
        )
    loader.sync("SalaryRange", SalaryRange, ("role_id", "order"), salary_rows)
    loader.sync(
        "Faq",
        Faq,
        ("slug",),
        (
            (
                (f["slug"],),
                {
                    "question": f["question"],
                    "answer": f["answer"],
                    "topic": f["topic"],
                    "order": f["order"],
                    "sources": f["sources"],
                },
            )
            for f in content.faqs
        ),
    )
    loader.sync(
        "Book",
        Book,
        ("slug",),
        (
            (
                (b["slug"],),
                {
                    "title": b["title"],
                    "author": b["author"],
                    "why_read": b["why_read"],
                    "topics": b["topics"],
                    "sources": b["sources"],
                },
            )
            for b in content.books
        ),
    )
    loader.sync(
        "Guide",
        Guide,
        ("slug",),
        (
            (
                (g["slug"],),
                {
                    "title": g["title"],
                    "summary": g["summary"],
                    "sections": g["sections"],
                    "table": g["table"],
                    "sources": g["sources"],
                },
            )
            for g in content.guides
        ),
    )
