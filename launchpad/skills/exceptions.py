"""Errors the skills lab raises; each message is written for the candidate."""

from __future__ import annotations


class SkillsError(Exception):
    """Base class: the message is safe and useful to show to the person."""


class NoPassagesError(SkillsError):
    pass


class AttemptAlreadySubmittedError(SkillsError):
    pass


class InvalidLogError(SkillsError):
    pass


class NothingToDrillError(SkillsError):
    pass
