"""factory-boy factories for the tracker. `ApplicationFactory` makes a card with its first
StageChange, as `services.application_create` does; move it on with the services."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from launchpad.applications.models import Application, StageChange
from launchpad.jobs.models import Posting
from launchpad.networking.models import Contact
from launchpad.resumes.models import CoverLetter, Resume


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Customer support associate {n}")
    company = "Acme Support"
    stage = "applied"
    stage_changed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(5))

    @factory.post_generation
    def history(obj: Application, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            StageChange.objects.create(
                application=obj,
                from_stage="",
                to_stage=obj.stage,
                on=obj.stage_changed_on,
                at=timezone.now(),
            )


class PostingFactory(DjangoModelFactory[Posting]):
    class Meta:
        model = Posting

    title = factory.Sequence(lambda n: f"Chat support executive {n}")
    company = "Northwind BPO"
    fingerprint = factory.Sequence(lambda n: f"fingerprint-{n}")


class ResumeFactory(DjangoModelFactory[Resume]):
    class Meta:
        model = Resume

    title = factory.Sequence(lambda n: f"Resume {n}")


class CoverLetterFactory(DjangoModelFactory[CoverLetter]):
    class Meta:
        model = CoverLetter

    title = factory.Sequence(lambda n: f"Letter {n}")
    letter = factory.LazyFunction(lambda: {"paragraphs": []})


class ContactFactory(DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Recruiter {n}")
    company = "Acme Support"
