"""Reads the simulator's scenario files (`content/simulator/scenarios/*.yaml`) and loads them
into the database: rows matched by slug are updated in place, new ones created, and scenarios
gone from the files unpublished (never deleted: runs keep them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from launchpad.content.reader import CONTENT_DIR, ContentError
from launchpad.core import call_qa
from launchpad.simulator.models import Scenario, normalise_spec

SIMULATOR_DIR = CONTENT_DIR / "simulator"


@dataclass(frozen=True)
class SimulatorContent:
    # (the file as a JSON mapping, the parsed scenario), by id
    scenarios: tuple[tuple[dict[str, Any], call_qa.Scenario], ...] = ()


def read_simulator(directory: Path | None = None) -> SimulatorContent:
    """The validated scenarios (and the move lexicon and scorecard checked); an absent
    folder means none. Raises ContentError listing every problem (file and what is wrong)."""
    directory = SIMULATOR_DIR if directory is None else directory
    scenarios_dir = directory / "scenarios"
    if not scenarios_dir.exists():
        return SimulatorContent()
    problems: list[str] = []
    found: list[tuple[dict[str, Any], call_qa.Scenario]] = []
    for path in sorted(scenarios_dir.glob("*.yaml")):
        where = f"simulator/scenarios/{path.name}"
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(f"{where}: cannot be read ({error.__class__.__name__})")
            continue
        spec = normalise_spec(raw)
        try:
            parsed = call_qa.parse_scenario(spec)
        except call_qa.ScenarioError as error:
            problems.extend(f"{where}: {p}" for p in error.problems)
            continue
        if parsed.id != path.stem:
            problems.append(f"{where}: id {parsed.id!r} must equal the file name")
            continue
        found.append((spec, parsed))
    for name, loader in (
        ("moves.yaml", call_qa.load_moves),
        ("scorecard.yaml", call_qa.load_scorecard),
    ):
        if (directory / name).exists():
            try:
                loader(directory / name)
            except call_qa.CallQAError as error:
                problems.extend(f"simulator/{name}: {p}" for p in error.problems)
    if problems:
        raise ContentError(problems)
    return SimulatorContent(scenarios=tuple(sorted(found, key=lambda item: item[1].id)))


@dataclass
class SimulatorLoadReport:
    created: int = 0
    updated: int = 0
    unpublished: int = 0
    slugs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"  Scenario: {self.created} created, {self.updated} updated, "
            f"{self.unpublished} unpublished"
        )


@transaction.atomic
def load_simulator(content: SimulatorContent) -> SimulatorLoadReport:
    report = SimulatorLoadReport()
    if not content.scenarios:
        return report
    for spec, parsed in content.scenarios:
        _, created = Scenario.objects.update_or_create(
            slug=parsed.id,
            defaults={
                "title": parsed.title, "channel": parsed.channel, "tracks": list(parsed.tracks),
                "spec": spec, "is_published": True,
            },
        )  # fmt: skip
        report.created += created
        report.updated += not created
        report.slugs.append(parsed.id)
    report.unpublished = (
        Scenario.objects.filter(is_published=True).exclude(slug__in=report.slugs)
        .update(is_published=False)
    )  # fmt: skip
    return report
