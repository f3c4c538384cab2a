"""Errors the networking services raise for input they refuse (nothing was changed)."""


class NetworkingInputError(ValueError):
    """The request cannot be carried out; the message says why, for the candidate."""
