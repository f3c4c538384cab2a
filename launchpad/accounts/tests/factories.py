"""factory-boy factories for the accounts models (and a careers Role, for goals and profiles)."""

from __future__ import annotations

import factory

from launchpad.accounts.models import CandidateProfile, LanguageSkill, User

DEFAULT_PASSWORD = "a-Strong-pass-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"User Number{n}")
    role = User.Role.CANDIDATE
    time_zone = "Asia/Kolkata"
    password = factory.django.Password(DEFAULT_PASSWORD)


class CandidateProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateProfile

    user = factory.SubFactory(UserFactory)
    country = CandidateProfile.Country.INDIA
    city = "Pune"


class LanguageSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LanguageSkill

    profile = factory.SubFactory(CandidateProfileFactory)
    language = factory.Iterator(["English", "Hindi", "Marathi", "Tamil"])
    level = LanguageSkill.Level.FLUENT


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "careers.Role"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"role-{n}")
    title = factory.Sequence(lambda n: f"Customer Support Associate {n}")
    level = "entry"
    summary = "Answers customers' questions by phone, chat or e-mail."
