"""Reads and validates the Readiness Index content (`readiness/index.yaml`, `knockouts.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from launchpad.content.reader import CONTENT_DIR, ContentError
from launchpad.core.knockouts import KnockoutRules, parse_knockouts
from launchpad.core.readiness import IndexSpec, ReadinessSpecError, parse_index_spec

READINESS_DIR = CONTENT_DIR / "readiness"


@dataclass(frozen=True)
class ReadinessContent:
    index: IndexSpec | None = None
    knockouts: KnockoutRules | None = None


def _load(path: Path, problems: list[str]) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        problems.append(f"{path.name}: cannot be read ({error})")
        return None


def read_readiness(directory: Path | None = None) -> ReadinessContent:
    """The validated readiness content; an absent folder or file means none of that part.

    Raises ContentError listing every problem (file and what is wrong).
    """
    directory = READINESS_DIR if directory is None else directory
    problems: list[str] = []
    index = knockouts = None
    index_path, knockouts_path = directory / "index.yaml", directory / "knockouts.yaml"
    if index_path.exists():
        raw = _load(index_path, problems)
        if raw is not None:
            try:
                index = parse_index_spec(raw)
            except ReadinessSpecError as error:
                problems.extend(f"index.yaml: {p}" for p in str(error).split("; "))
    if knockouts_path.exists():
        raw = _load(knockouts_path, problems)
        if raw is not None:
            try:
                knockouts = parse_knockouts(raw)
            except ReadinessSpecError as error:
                problems.extend(f"knockouts.yaml: {p}" for p in str(error).split("; "))
    if problems:
        raise ContentError(problems)
    return ReadinessContent(index=index, knockouts=knockouts)
