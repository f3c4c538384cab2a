"""The sign-in backend: Django's ModelBackend, loading the signed-in user with SQL built once.

Every signed-in request loads its user after its session. Django's backend builds that
SELECT through the ORM each time (about 0.3 ms on our two-core server against 0.04 ms for
the query, docs/benchmarks.md); this one reads the same row with
`launchpad.common.db.get_where`. Signing in, permissions and everything else are Django's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import backends, get_user_model

from launchpad.common.db import get_where


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend; `get_user` reads the row with SQL built once."""

    def get_user(self, user_id: Any) -> Any:
        """The active user with primary key `user_id` (from the session), else None."""
        model = get_user_model()
        try:
            user = get_where(model, **{model._meta.pk.name: user_id})
        except (ValueError, TypeError):  # not a key this model has
            return None
        return user if user is not None and self.user_can_authenticate(user) else None


# What `login(..., backend=...)` names when a view signs someone in without a password.
MODEL_BACKEND = f"{ModelBackend.__module__}.{ModelBackend.__qualname__}"
