"""Permission-scoped getters: every object loaded from a URL goes through one of these.

An object the user may not see is reported as missing (404), never as forbidden, so that ids
of other people's data cannot be probed.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404

M = TypeVar("M", bound=models.Model)


def get_owned_or_404(
    queryset: models.QuerySet[M], *, user: Any, owner_field: str = "user", **lookup: Any
) -> M:
    """Returns the object matching `lookup` that belongs to `user`, or raises Http404.

    A malformed id (for example text where a number is expected) is also a 404.
    """
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        return queryset.get(**{owner_field: user}, **lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
