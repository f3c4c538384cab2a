"""Reads and validates the interview coach's content (`interview/questions/*.yaml` and
`interview/language.yaml`) against the role slugs and the BPO vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from launchpad.content.reader import CONTENT_DIR, ContentError
from launchpad.core.interview import (
    InterviewContentError,
    Lexicon,
    QuestionGuide,
    load_question_files,
    parse_lexicon,
)
from launchpad.core.resume.vocabulary import load_vocabulary

INTERVIEW_DIR = CONTENT_DIR / "interview"


@dataclass(frozen=True)
class InterviewContent:
    questions: tuple[QuestionGuide, ...] = ()
    lexicon: Lexicon | None = None


def _role_slugs(careers_dir: Path) -> set[str] | None:
    path = careers_dir / "roles.yaml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    items = data.get("roles", data) if isinstance(data, dict) else data
    return {item["slug"] for item in items if isinstance(item, dict) and "slug" in item}


def read_interview(
    directory: Path | None = None, *, known_roles: set[str] | None = None
) -> InterviewContent:
    """The validated question bank and word lists; an absent folder means none. Role slugs
    are checked against `known_roles` (default: the careers roles beside the folder).

    Raises ContentError listing every problem (file and what is wrong).
    """
    directory = INTERVIEW_DIR if directory is None else directory
    if not directory.exists():
        return InterviewContent()
    terms = {term.key for term in load_vocabulary().terms}
    roles = known_roles if known_roles is not None else _role_slugs(directory.parent / "careers")
    problems: list[str] = []
    questions: tuple[QuestionGuide, ...] = ()
    lexicon = None
    if (directory / "questions").exists():
        try:
            questions = load_question_files(
                directory / "questions", known_roles=roles, known_terms=terms
            )
        except InterviewContentError as error:
            problems.extend(error.problems)
    language = directory / "language.yaml"
    if language.exists():
        try:
            raw = yaml.safe_load(language.read_text(encoding="utf-8"))
            lexicon = parse_lexicon(raw, known_terms=terms)
        except yaml.YAMLError as error:
            problems.append(f"language.yaml: cannot be read ({error})")
        except InterviewContentError as error:
            problems.extend(f"language.yaml: {p}" for p in error.problems)
    if problems:
        raise ContentError(problems)
    return InterviewContent(questions=questions, lexicon=lexicon)
