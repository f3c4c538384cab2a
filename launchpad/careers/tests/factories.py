"""factory-boy factories for the careers models.

    role = RoleFactory(tracks=[TrackFactory()], certifications=[CertificationFactory()])
    RoleSkillFactory(role=role, skill=SkillFactory(category="typing"), level="strong")
    LadderStepFactory(from_role=role, to_role=RoleFactory(level="growth", rank=2))

Slugs are unique sequences (`role-1`, `role-2`, ...); pass `slug=` to get a known one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import factory
from factory.django import DjangoModelFactory

from launchpad.careers.models import Certification, LadderStep, Role, RoleSkill, Skill, Track


def _sources() -> list[dict[str, str]]:
    return [{"label": "Test source", "url": "https://example.com/source", "grade": "C"}]


def _title(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


class TrackFactory(DjangoModelFactory[Track]):
    class Meta:
        model = Track
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"track-{n}")
    name = factory.LazyAttribute(lambda o: _title(o.slug))
    order = factory.Sequence(lambda n: n)
    voice = False
    technical = False
    summary = factory.LazyAttribute(lambda o: f"What {o.name} work is, in one sentence.")
    description = "A paragraph about the track."
    typical_tasks = factory.LazyFunction(lambda: ["Answer customers", "Log every contact"])
    who_fits = "People who like helping others."
    entry_requirements = factory.LazyFunction(lambda: ["Any graduate"])
    sources = factory.LazyFunction(_sources)


class SkillFactory(DjangoModelFactory[Skill]):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"skill-{n}")
    name = factory.LazyAttribute(lambda o: _title(o.slug))
    category = Skill.Category.COMMUNICATION
    description = "What the skill is."
    how_tested = "A short online test."
    how_to_build = "Practise every day."
    sources = factory.LazyFunction(_sources)


class CertificationFactory(DjangoModelFactory[Certification]):
    class Meta:
        model = Certification
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"certification-{n}")
    name = factory.LazyAttribute(lambda o: _title(o.slug))
    issuer = "Test Issuer"
    summary = "What the certification shows."
    cost_min = Decimal("100")
    cost_max = Decimal("200")
    cost_currency = "USD"
    cost_year = 2025
    effort = "20 hours"
    format = "Online multiple choice"
    validity = "Lifetime"
    level = Certification.Level.ENTRY
    sources = factory.LazyFunction(_sources)


class RoleFactory(DjangoModelFactory[Role]):
    """An entry role by default; pass level="growth", rank=2.. for a role above it."""

    class Meta:
        model = Role
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"role-{n}")
    title = factory.LazyAttribute(lambda o: _title(o.slug))
    level = Role.Level.ENTRY
    rank = 1
    summary = factory.LazyAttribute(lambda o: f"What a {o.title} does, in one sentence.")
    what_the_work_is = "A paragraph about the work."
    day_in_the_job = factory.LazyFunction(lambda: [{"time": "09:00", "activity": "Log in"}])
    kpis = factory.LazyFunction(lambda: ["Average handle time"])
    education = "Any graduate."
    sources = factory.LazyFunction(_sources)

    @factory.post_generation
    def tracks(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.tracks.set(extracted)

    @factory.post_generation
    def certifications(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.certifications.set(extracted)


class RoleSkillFactory(DjangoModelFactory[RoleSkill]):
    class Meta:
        model = RoleSkill

    role = factory.SubFactory(RoleFactory)
    skill = factory.SubFactory(SkillFactory)
    level = RoleSkill.Level.WORKING
    why = "The role needs it every day."
    order = factory.Sequence(lambda n: n)


class LadderStepFactory(DjangoModelFactory[LadderStep]):
    """A step from a new entry role to a new rank-2 growth role unless roles are given."""

    class Meta:
        model = LadderStep
        skip_postgeneration_save = True

    from_role = factory.SubFactory(RoleFactory)
    to_role = factory.SubFactory(RoleFactory, level=Role.Level.GROWTH, rank=2)
    years_min = Decimal("1.0")
    years_max = Decimal("2.0")
    asks = factory.LazyFunction(lambda: ["Consistent quality scores"])
    how_promoted = "Internal job posting and an interview."
    confidence = LadderStep.Confidence.MEDIUM
    sources = factory.LazyFunction(_sources)

    @factory.post_generation
    def skills(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.skills.set(extracted)

    @factory.post_generation
    def certifications(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.certifications.set(extracted)
