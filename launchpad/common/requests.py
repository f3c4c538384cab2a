"""Request helpers shared by the apps' views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from launchpad.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, for views behind `login_required` (typed as our User model)."""
    from launchpad.accounts.models import User

    user = request.user
    assert isinstance(user, User), "signed_in_user() needs a login_required view"
    return user
