"""Offline grammar and spelling checks for written replies, through Harper (harper-py).

Building a Harper linter loads its dictionary and is the slow step, and a linter must not be
used by two threads at once, so each thread keeps its own, built on first use.
"""

from __future__ import annotations

import threading

import harper

from launchpad.core.reply import GrammarIssue

# Layout nits (a trailing space, two spaces) are not what the reply test is about.
IGNORED_KINDS = {"Formatting"}
_local = threading.local()


def _linter() -> harper.Linter:
    linter = getattr(_local, "linter", None)
    if linter is None:
        linter = _local.linter = harper.Linter()
    return linter


def _counts(kind: str, problem: str) -> bool:
    if kind in IGNORED_KINDS:
        return False
    # The dictionary does not know customers' names, agents' names or codes such as INR and
    # ORD-58213, which replies are full of: capitalised words are not spell-checked.
    return not (kind == "Spelling" and problem[:1].isupper())


def grammar_issues(text: str) -> list[GrammarIssue]:
    """The checker's findings for `text`, in order of appearance."""
    return [
        GrammarIssue(kind=str(lint.lint_kind), message=str(lint.message),
                     text=str(lint.problem_text))
        for lint in _linter().lint(text)
        if _counts(str(lint.lint_kind), str(lint.problem_text))
    ]  # fmt: skip
