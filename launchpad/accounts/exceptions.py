"""Domain errors raised by the accounts services; views and the API turn them into messages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class AccountsError(Exception):
    """Base class for every accounts error."""


class EmailAlreadyRegistered(AccountsError):
    """Another account already uses this e-mail address (compared without letter case)."""


class ProfileInvalid(AccountsError):
    """The profile data broke a rule; `errors` maps field names to messages."""

    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = {key: list(value) for key, value in errors.items()}


class AccountDeletionIncomplete(AccountsError):
    """Rows that belong to the user were still present after the delete; nothing was removed."""

    def __init__(self, leftovers: Mapping[str, int]) -> None:
        super().__init__(", ".join(f"{label}: {count}" for label, count in leftovers.items()))
        self.leftovers = dict(leftovers)


class AccountDeletionBlocked(AccountsError):
    """Other data refers to the user in a way that forbids deleting them (a protected link)."""


class TokenInvalid(AccountsError):
    """The token request broke a rule (empty name, expiry outside 1 to 365 days)."""


class TokenLimitReached(AccountsError):
    """The user already holds the maximum number of API tokens."""


class TokenNotFound(AccountsError):
    """No token with that id belongs to the user."""
