"""The content readers' shared field checks: cleaned values, and every problem named."""

from __future__ import annotations

import pytest

from launchpad.core.checks import checked_text, checked_texts


@pytest.mark.parametrize(
    ("value", "required", "expected", "problem"),
    [
        ("  Zendesk ", True, "Zendesk", None),
        (None, True, "", "term 3: name is required"),
        ("", False, "", None),
        ("   ", True, "", "term 3: name must be text"),
        (42, False, "", "term 3: name must be text"),
    ],
)
def test_checked_text(value, required, expected, problem):
    problems: list[str] = []
    assert checked_text(value, "term 3", "name", problems, required=required) == expected
    assert problems == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("value", "expected", "problems"),
    [
        ([" a ", "b"], ("a", "b"), []),
        (None, (), []),
        (["a", ""], (), ["scenario: tracks must be a list of texts"]),
        ("a", (), ["scenario: tracks must be a list of texts"]),
    ],
)
def test_checked_texts(value, expected, problems):
    found: list[str] = []
    assert checked_texts(value, "scenario", "tracks", found) == expected
    assert found == problems
