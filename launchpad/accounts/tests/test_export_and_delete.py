from __future__ import annotations

import datetime
import json
import zoneinfo

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts import services
from launchpad.accounts.models import CandidateProfile, LanguageSkill, PersonalAccessToken, User

pytestmark = pytest.mark.django_db


def make_goal(user, role, *, title="Pass the versant test"):
    from launchpad.goals.models import Goal, Milestone

    goal = Goal.objects.create(
        user=user,
        target_role=role,
        target_date=datetime.date(2027, 6, 30),
        aspiration="growth",
        motivation=f"{user.display_name} wants to grow",
    )
    Milestone.objects.create(goal=goal, order=1, kind="custom", title=title)
    return goal


@pytest.fixture
def alice_data(alice, role):
    LanguageSkill.objects.create(profile=alice.profile, language="English", level="fluent")
    make_goal(alice, role)
    token = services.token_create(user=alice, name="alice script", expires_in_days=30)
    return token


@pytest.fixture
def eve_data(eve, role):
    make_goal(eve, role, title="Eve secret milestone")
    return services.token_create(user=eve, name="eve script")


def test_export_downloads_all_my_data_as_a_dated_json_attachment(alice_client, alice_data):
    response = alice_client.post(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    # The date is the user's own (alice is in India), not the server's.
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo("Asia/Kolkata"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="launchpad-export-{today:%Y%m%d}.json"'
    )
    data = json.loads(response.content)
    assert data["format_version"] == 1
    assert data["exported_at"]
    assert data["user"]["email"] == "alice@example.com"
    assert data["user"]["full_name"] == "Alice Fernandes"
    assert data["profile"]["city"] == "Pune"
    assert data["languages"] == [{"language": "English", "level": "fluent", "self_rated": True}]
    assert len(data["goals"]) == 1
    assert data["goals"][0]["target_role"] == "customer-support-associate"
    assert data["goals"][0]["milestones"][0]["title"] == "Pass the versant test"
    assert data["api_tokens"][0]["name"] == "alice script"
    assert data["api_tokens"][0]["prefix"] == alice_data.raw[:8]


def test_export_also_works_as_a_get_download(alice_client, alice_data):
    response = alice_client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_export_holds_nothing_of_eve_and_no_password_hash_or_token_digest(
    alice_client, alice, alice_data, eve, eve_data
):
    response = alice_client.post(reverse("accounts:export"))

    text = response.content.decode()
    assert "eve@example.com" not in text
    assert "Eve secret milestone" not in text
    assert "eve script" not in text
    assert "password" not in json.loads(text)["user"]
    assert alice.password not in text
    assert "md5$" not in text and "pbkdf2" not in text
    for token in PersonalAccessToken.objects.all():
        assert token.digest not in text
    assert alice_data.raw not in text


def test_account_export_service_returns_json_ready_data(alice, alice_data):
    data = services.account_export(user=alice)

    assert json.loads(json.dumps(data)) == data


def test_delete_page_asks_for_the_password(alice_client):
    html = alice_client.get(reverse("accounts:delete")).content.decode()

    assert 'autocomplete="current-password"' in html
    assert "cannot be undone" in html


def test_delete_with_a_wrong_password_removes_nothing(alice_client, alice, alice_data):
    response = alice_client.post(reverse("accounts:delete"), {"password": "wrong"})

    assert response.status_code == 200
    assert "That password is not right" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()
    assert SESSION_KEY in alice_client.session


def test_delete_with_the_password_removes_the_user_and_everything_they_own(
    alice_client, alice, alice_data, eve, eve_data, password
):
    from launchpad.goals.models import Goal, Milestone

    alice_id = alice.pk
    response = alice_client.post(reverse("accounts:delete"), {"password": password}, follow=True)

    assert not User.objects.filter(pk=alice_id).exists()
    assert not CandidateProfile.objects.filter(user_id=alice_id).exists()
    assert not LanguageSkill.objects.filter(profile__user_id=alice_id).exists()
    assert not PersonalAccessToken.objects.filter(user_id=alice_id).exists()
    assert not Goal.objects.filter(user_id=alice_id).exists()
    assert not Milestone.objects.filter(goal__user_id=alice_id).exists()
    # Eve's data is untouched.
    assert Goal.objects.filter(user=eve).count() == 1
    assert PersonalAccessToken.objects.filter(user=eve).count() == 1
    # Logged out and told so on the home page.
    assert SESSION_KEY not in alice_client.session
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Your account and all its data have been deleted" in response.content.decode()


def test_account_delete_service_changes_nothing_when_something_would_remain(
    alice, alice_data, monkeypatch
):
    from launchpad.accounts.exceptions import AccountDeletionIncomplete

    monkeypatch.setattr(
        services, "_rows_still_referring_to", lambda user_id: {"fake.Model.user": 1}
    )

    with pytest.raises(AccountDeletionIncomplete):
        services.account_delete(user=alice)

    assert User.objects.filter(pk=alice.pk).exists()
    assert CandidateProfile.objects.filter(user=alice).exists()
