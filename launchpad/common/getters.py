"""Permission-scoped getters: every object loaded from a URL goes through one of these.

An object the user may not see is reported as missing (404), never as forbidden, so that ids
of other people's data cannot be probed.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404

from launchpad.common.db import get_where

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


def get_owned_row_or_404(
    model: type[M], *, user: Any, owner_field: str = "user_id", **lookup: Any
) -> M:
    """As get_owned_or_404(model.objects.all(), ...) for a plain lookup (the primary key,
    say), loaded with `launchpad.common.db.get_where`: SQL built once, for the hot paths
    that load one object per request (the typing test's submission)."""
    if user is None or not user.is_authenticated:
        raise Http404
    try:
        found = get_where(model, **{owner_field: user.pk}, **lookup)
    except (ValueError, TypeError) as exc:
        raise Http404 from exc
    if found is None:
        raise Http404
    return found
