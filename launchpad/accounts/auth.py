"""Authentication for the JSON API: personal access tokens, or the browser session.

`api_auth` is passed to `NinjaAPI(auth=...)`; public endpoints opt out with `auth=None`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from launchpad.accounts import services


class TokenAuth(HttpBearer):
    """`Authorization: Bearer lp_…`: a personal access token created under Account → API tokens.

    Expired tokens and tokens of deactivated users are refused. On success the user is also
    set as `request.user`, so endpoints read the user the same way for tokens and sessions.
    """

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = services.token_authenticate(raw_token=token.strip())
        if user is not None:
            request.user = user
        return user


api_auth = [TokenAuth(), django_auth]
