from __future__ import annotations

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from launchpad.applications.models import Application
from launchpad.networking.models import Contact, Event, FollowUp


class ContactFactory(DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact {n}")
    kind = "recruiter"
    company = "Acme Support"


class EventFactory(DjangoModelFactory[Event]):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Job fair {n}")
    kind = "job_fair"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    location = "Hinjewadi, Pune"


class FollowUpFactory(DjangoModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    title = factory.Sequence(lambda n: f"Follow up {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=2))


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application

    title = "Customer support associate"
    company = "Acme Support"
    stage = "hr_screen"
    stage_changed_on = factory.LazyFunction(timezone.localdate)
