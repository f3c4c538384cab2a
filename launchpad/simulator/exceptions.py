"""Errors the simulator services raise for input they refuse (nothing was changed)."""


class SimulatorInputError(ValueError):
    """The request cannot be carried out; the message says why, for the candidate."""
