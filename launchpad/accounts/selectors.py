"""Reads of the accounts app that views and the API share."""

from __future__ import annotations

from django.db.models import QuerySet

from launchpad.accounts.models import CandidateProfile, PersonalAccessToken, User


def profile_for_user(*, user: User) -> CandidateProfile | None:
    """The user's profile with its current role and languages loaded, or None if they have none."""
    return (
        CandidateProfile.objects.select_related("current_role")
        .prefetch_related("languages")
        .filter(user=user)
        .first()
    )


def profile_completeness(*, profile: CandidateProfile | None) -> int:
    """How complete the profile is, 0 to 100 (0 for a user without a saved profile)."""
    if profile is None or profile.pk is None:
        return 0
    return profile.completeness


def token_list(*, user: User) -> QuerySet[PersonalAccessToken]:
    """The user's API tokens, newest first."""
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at", "-id")
