"""Errors the readiness services raise for input they refuse (nothing was changed)."""


class ReadinessInputError(ValueError):
    """The request cannot be carried out; the message says why, for the candidate."""
