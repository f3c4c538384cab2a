"""Errors the resume studio's services raise for input they refuse (nothing was changed)."""

from __future__ import annotations

from collections.abc import Sequence


class ResumeInvalid(ValueError):
    """The resume is not valid JSON Resume; `problems` lists each, for the candidate."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))
