"""Field checks shared by the content readers (vocabulary, call scenarios): each takes a
value read from YAML, appends a problem naming `where` and `name` when it is wrong, and
returns the cleaned value (or an empty one), so a reader can list every problem at once."""

from __future__ import annotations

from typing import Any


def checked_text(
    value: Any, where: str, name: str, problems: list[str], *, required: bool = True
) -> str:
    """`value` stripped; a missing or empty one is a problem only when `required`."""
    if value is None or value == "":
        if required:
            problems.append(f"{where}: {name} is required")
        return ""
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {name} must be text")
        return ""
    return value.strip()


def checked_texts(value: Any, where: str, name: str, problems: list[str]) -> tuple[str, ...]:
    """`value`, a list of non-empty texts, stripped; missing is an empty tuple."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {name} must be a list of texts")
        return ()
    return tuple(v.strip() for v in value)
