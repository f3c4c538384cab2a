"""Domain errors of the goal planner, each naming the form field a person should fix."""

from __future__ import annotations


class GoalError(Exception):
    """A goal or milestone change that cannot be made, with a message a person understands.

    `field` names the form (and API) field the problem belongs to; None means the whole form.
    """

    field: str | None = None

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field


class GoalRoleError(GoalError):
    """A role named by the goal is not on the career ladder."""

    field = "target_role"


class GoalUnreachableError(GoalError):
    """The ladder has no route from the start to the target; `suggestions` are reachable roles.

    Each suggestion is a (slug, title) pair, nearest rung first.
    """

    field = "target_role"

    def __init__(
        self,
        message: str,
        *,
        suggestions: tuple[tuple[str, str], ...] = (),
        field: str | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.suggestions = suggestions


class GoalDateError(GoalError):
    """The target date is in the past, today or too far ahead."""

    field = "target_date"


class GoalStatusError(GoalError):
    field = "status"


class MilestoneError(GoalError):
    """A milestone change that cannot be made (for example deleting a planned milestone)."""

    field = None
