"""Errors the interview services raise for input they refuse (nothing was changed)."""


class InterviewInputError(ValueError):
    """The request cannot be carried out; the message says why, for the candidate."""
