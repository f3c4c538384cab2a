"""The careers admin: every list and the role form open for staff and say where data lives."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from launchpad.careers.admin import SOURCE_OF_TRUTH_NOTE
from launchpad.careers.models import (
    Book,
    Company,
    Faq,
    Guide,
    Industry,
    OnetOccupation,
    RoleOnetLink,
    SalaryRange,
)
from launchpad.careers.tests.factories import (
    CertificationFactory,
    LadderStepFactory,
    RoleFactory,
    RoleSkillFactory,
    SkillFactory,
    TrackFactory,
)

CAREERS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "careers"]


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff@example.com", "a-Strong-pass-2026")
    client.force_login(user)
    return client


@pytest.fixture
def role(db):
    track = TrackFactory(slug="international-voice")
    certification = CertificationFactory()
    role = RoleFactory(
        slug="customer-service-executive", tracks=[track], certifications=[certification]
    )
    RoleSkillFactory(role=role, skill=SkillFactory())
    LadderStepFactory(from_role=role, skills=[SkillFactory()], certifications=[certification])
    occupation = OnetOccupation.objects.create(
        code="43-4051.00", title="Customer Service Representatives", description="Serve."
    )
    OnetOccupation.objects.create(code="41-9041.00", title="Telemarketers")
    RoleOnetLink.objects.create(role=role, occupation=occupation, why="Closest.")
    SalaryRange.objects.create(
        role=role,
        country="IN",
        currency="INR",
        period="year",
        amount_min=180000,
        amount_max=300000,
        year=2025,
    )
    Industry.objects.create(slug="banking", name="Banking", summary="Banks.").roles.add(role)
    Company.objects.create(slug="acme", name="Acme", what_they_do="BPO.").tracks.add(track)
    Faq.objects.create(slug="nights", question="Nights?", answer="Often.", topic="shifts")
    Book.objects.create(slug="book", title="A book", author="An author", why_read="Good.")
    Guide.objects.create(slug="bpo-vs-kpo", title="BPO vs KPO", summary="Differences.")
    return role


def test_every_careers_model_is_registered():
    assert len(CAREERS_MODELS) == 14


@pytest.mark.parametrize("model", CAREERS_MODELS, ids=lambda m: m._meta.model_name)
def test_staff_can_open_every_careers_changelist(staff_client, role, model):
    url = reverse(f"admin:careers_{model._meta.model_name}_changelist")

    assert staff_client.get(url).status_code == 200
    assert staff_client.get(url, {"q": "customer"}).status_code == 200


def test_staff_can_open_the_role_change_page_with_its_inlines_and_the_note(staff_client, role):
    response = staff_client.get(reverse("admin:careers_role_change", args=[role.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "launchpad load-content" in page
    assert SOURCE_OF_TRUTH_NOTE.split("`")[0].strip() in page
    for prefix in ("role_skills", "onet_links", "salaries", "steps_out"):
        assert f'id="{prefix}-group"' in page, prefix


def test_the_onet_extract_filter_splits_linked_from_related_occupations(staff_client, role):
    url = reverse("admin:careers_onetoccupation_changelist")

    full = staff_client.get(url, {"extract": "full"}).context["cl"].result_list
    title_only = staff_client.get(url, {"extract": "title"}).context["cl"].result_list

    assert [o.code for o in full] == ["43-4051.00"]
    assert [o.code for o in title_only] == ["41-9041.00"]


def test_a_candidate_cannot_open_the_careers_admin(alice_client):
    response = alice_client.get(reverse("admin:careers_role_changelist"))

    assert response.status_code == 302


def test_an_admin_edit_or_delete_moves_the_content_version_on(staff_client):
    from launchpad.careers import selectors
    from launchpad.careers.models import Faq

    faq = Faq.objects.create(
        slug="q", question="Is it hard?", answer="No.", topic="getting-started"
    )
    before = selectors.content_version()
    url = reverse("admin:careers_faq_change", args=[faq.pk])
    data = {
        "slug": "q",
        "question": "Is it hard at first?",
        "answer": "A little.",
        "topic": "getting-started",
        "order": 0,
        "sources": "[]",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content
    after_edit = selectors.content_version()
    assert after_edit > before

    staff_client.post(reverse("admin:careers_faq_delete", args=[faq.pk]), {"post": "yes"})
    assert not Faq.objects.filter(pk=faq.pk).exists()
    assert selectors.content_version() > after_edit
