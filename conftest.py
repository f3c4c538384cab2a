"""Project-wide test fixtures: the named personas every test suite uses.

alice is a candidate, bob is her trainer, eve is an outsider who must see nothing of alice's.
"""

from __future__ import annotations

import pytest

PASSWORD = "a-Strong-pass-2026"


@pytest.fixture(autouse=True)
def _private_files_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files go to a folder of the test's own, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def alice(db):
    from launchpad.accounts.models import CandidateProfile, User

    user = User.objects.create_user(
        "alice@example.com", PASSWORD, full_name="Alice Fernandes", time_zone="Asia/Kolkata"
    )
    CandidateProfile.objects.create(user=user, country="IN", city="Pune")
    return user


@pytest.fixture
def bob(db):
    from launchpad.accounts.models import User

    return User.objects.create_user(
        "bob@example.com",
        PASSWORD,
        full_name="Bob Trainer",
        role=User.Role.TRAINER,
        time_zone="Asia/Manila",
    )


@pytest.fixture
def eve(db):
    from launchpad.accounts.models import CandidateProfile, User

    user = User.objects.create_user("eve@example.com", PASSWORD, full_name="Eve Outsider")
    CandidateProfile.objects.create(user=user)
    return user


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def eve_client(eve):
    """A client of eve's own: sharing `client` with alice_client would sign one of them out."""
    from django.test import Client

    other = Client()
    other.force_login(eve)
    return other
