"""Errors the application tracker's services raise for input they refuse (nothing changed)."""


class ApplicationInputError(ValueError):
    """The request cannot be carried out; the message says why, for the candidate."""
