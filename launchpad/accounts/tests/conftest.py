from __future__ import annotations

import pytest

from launchpad.accounts import services


@pytest.fixture
def role(db):
    from launchpad.accounts.tests.factories import RoleFactory

    return RoleFactory(slug="customer-support-associate", title="Customer Support Associate")


@pytest.fixture
def alice_token(alice):
    return services.token_create(user=alice, name="alice script", expires_in_days=30)


@pytest.fixture
def eve_token(eve):
    return services.token_create(user=eve, name="eve script", expires_in_days=None)
