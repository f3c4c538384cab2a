"""A candidate's applications are private: eve (and bob, alice's trainer) get a 404 on every
one of alice's URLs, change nothing of hers, never see her cards in their pages or export,
and cannot attach her resume, letter or contacts, or track a posting she pasted."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from launchpad.applications import services
from launchpad.applications.models import Application, Offer, StageChange
from launchpad.applications.tests.conftest import move
from launchpad.applications.tests.factories import (
    ApplicationFactory,
    ContactFactory,
    CoverLetterFactory,
    PostingFactory,
    ResumeFactory,
)

pytestmark = pytest.mark.urls("launchpad.applications.tests.urls")

SECRET = "Secret Corp night process"


@pytest.fixture
def alices(alice):
    application = ApplicationFactory(user=alice, title=SECRET, company="Hidden BPO")
    move(application, "offer")
    services.offer_save(application=application, currency="INR", base_monthly=Decimal(31000))
    return application


def url(name, *args):
    return reverse(f"applications:{name}", args=args)


def snapshot(application):
    fresh = Application.objects.get(pk=application.pk)
    return (
        fresh.title, fresh.stage, fresh.notes, fresh.documents, fresh.resume_id,
        list(fresh.contacts.values_list("pk", flat=True)),
        StageChange.objects.filter(application=fresh).count(),
        Offer.objects.get(application=fresh).base_monthly,
    )  # fmt: skip


@pytest.fixture
def bob_client(bob):
    other = Client()
    other.force_login(bob)
    return other


@pytest.mark.parametrize("who", ["eve_client", "bob_client"])
def test_every_url_of_alices_application_is_a_404(request, who, alices):
    client = request.getfixturevalue(who)
    before = snapshot(alices)
    for name in ("detail", "edit", "offer", "delete"):
        assert client.get(url(name, alices.pk)).status_code == 404, name
    posts = {
        "move": {"to_stage": "background"},
        "undo": {},
        "edit": {"title": "Taken over"},
        "documents": {"stage": "offer", "done": ["offer_letter"]},
        "offer": {"currency": "INR", "base_monthly": "1", "working_days_per_month": "22"},
        "delete": {},
    }
    for name, data in posts.items():
        assert client.post(url(name, alices.pk), data).status_code == 404, name
    response = client.post(
        url("move", alices.pk), {"to_stage": "background"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404
    assert snapshot(alices) == before


def test_a_malformed_or_missing_id_is_a_404(alice_client, alices):
    assert alice_client.get(f"/applications/{alices.pk + 1000}/").status_code == 404


def test_eves_pages_and_export_never_show_alices_cards(eve_client, eve, alices):
    ApplicationFactory(user=eve, title="Eve's own job")
    for name in ("board", "list", "funnel", "offers"):
        page = eve_client.get(url(name)).content.decode()
        assert SECRET not in page and "Hidden BPO" not in page, name
    export = eve_client.get(url("export")).content.decode("utf-8-sig")
    assert SECRET not in export and "Eve's own job" in export
    assert "31000" not in eve_client.get(url("offers")).content.decode()


def test_eve_cannot_attach_alices_resume_letter_or_contacts(eve_client, eve, alice):
    own = ApplicationFactory(user=eve)
    for field, value in [
        ("resume", ResumeFactory(user=alice).pk),
        ("cover_letter", CoverLetterFactory(user=alice).pk),
        ("contacts", [ContactFactory(user=alice).pk]),
    ]:
        response = eve_client.post(url("edit", own.pk), {"title": "Mine", field: value})
        assert response.status_code == 400, field
    own.refresh_from_db()
    assert own.resume is None and own.cover_letter is None and not own.contacts.exists()


def test_the_edit_form_lists_only_the_users_own_resumes_and_contacts(eve_client, eve, alice):
    ResumeFactory(user=alice, title="Alice's resume")
    ContactFactory(user=alice, name="Alice's recruiter")
    ResumeFactory(user=eve, title="Eve's resume")
    page = eve_client.get(url("edit", ApplicationFactory(user=eve).pk)).content.decode()
    assert "Eve&#x27;s resume" in page
    assert "Alice&#x27;s resume" not in page and "Alice&#x27;s recruiter" not in page


def test_eve_cannot_track_a_posting_alice_pasted(eve_client, eve, alice):
    pasted = PostingFactory(owner=alice, title="Alice's pasted job")
    assert eve_client.post(url("from_posting", pasted.pk)).status_code == 404
    assert not Application.objects.filter(user=eve).exists()
    public = PostingFactory()
    assert eve_client.post(url("from_posting", public.pk)).status_code == 302
    assert Application.objects.filter(user=eve, posting=public).exists()
