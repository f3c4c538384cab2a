"""Turns a career path into a dated milestone plan and judges whether the date is realistic.

The plan gives each ladder step a share of the time between today and the target date in
proportion to the step's typical years (the midpoint of its range). A fresher's path starts
with a hiring stage: the entry role's skills and certifications, then getting hired.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from launchpad.core.ladder import UNKNOWN_STEP_YEARS, CareerPath, Ladder

PLANNER_RULES_VERSION = "plan-2"

# A planning assumption, not a sourced figure: the hiring stage of a fresher (skills,
# tests, applications) is weighted as six months when the time to the target is shared out.
HIRING_STAGE_YEARS = 0.5
DAYS_PER_YEAR = 365.25


class MilestoneKind(enum.StrEnum):
    SKILL = "skill"
    CERTIFICATION = "certification"
    EXPERIENCE = "experience"
    ROLE = "role"


class Feasibility(enum.StrEnum):
    COMFORTABLE = "comfortable"
    REALISTIC = "realistic"
    AMBITIOUS = "ambitious"
    VERY_AMBITIOUS = "very_ambitious"


@dataclass(frozen=True)
class PlannedMilestone:
    order: int
    kind: MilestoneKind
    title: str
    detail: str
    step_label: str
    due: datetime.date
    reference: str


@dataclass(frozen=True)
class Plan:
    milestones: tuple[PlannedMilestone, ...]
    feasibility: Feasibility
    typical_years_min: float
    typical_years_max: float
    available_years: float
    assumed_steps: int = 0
    version: str = PLANNER_RULES_VERSION


class PlanError(ValueError):
    pass


def judge_feasibility(*, available_years: float, years_min: float, years_max: float) -> Feasibility:
    """Compares the time available with the typical range for the path.

    At or beyond the top of the range the plan is comfortable; within the range, realistic;
    at half the bottom of the range or more, ambitious; below that, very ambitious.
    """
    if available_years >= years_max:
        return Feasibility.COMFORTABLE
    if available_years >= years_min:
        return Feasibility.REALISTIC
    if available_years >= years_min / 2:
        return Feasibility.AMBITIOUS
    return Feasibility.VERY_AMBITIOUS


def plan_goal(
    ladder: Ladder,
    path: CareerPath,
    *,
    today: datetime.date,
    target_date: datetime.date,
    skill_names: Mapping[str, str],
    certification_names: Mapping[str, str],
) -> Plan:
    """Builds the milestone list for `path`, dated between `today` and `target_date`.

    Skills and certifications already planned for an earlier step are not repeated. Raises
    PlanError when the target date is not after today.
    """
    if target_date <= today:
        raise PlanError("The target date must be in the future.")
    available_days = (target_date - today).days
    available_years = available_days / DAYS_PER_YEAR

    stages: list[tuple[str, float, list[tuple[MilestoneKind, str, str, str]]]] = []
    planned_skills: set[str] = set()
    planned_certs: set[str] = set()

    def skill_items(slugs: tuple[str, ...], why: str) -> list[tuple[MilestoneKind, str, str, str]]:
        items = []
        for slug in slugs:
            if slug in planned_skills:
                continue
            planned_skills.add(slug)
            name = skill_names.get(slug, slug)
            items.append((MilestoneKind.SKILL, f"Build and prove: {name}", why, slug))
        return items

    def cert_items(slugs: tuple[str, ...], why: str) -> list[tuple[MilestoneKind, str, str, str]]:
        items = []
        for slug in slugs:
            if slug in planned_certs:
                continue
            planned_certs.add(slug)
            name = certification_names.get(slug, slug)
            items.append(
                (MilestoneKind.CERTIFICATION, f"Consider the certification: {name}", why, slug)
            )
        return items

    if path.start is None:
        entry = ladder.role(path.roles[0])
        why = f"Employers test this when hiring {_a(entry.title)}."
        items = skill_items(entry.skills, why)
        items += cert_items(entry.certifications[:1], f"Helps you stand out for {entry.title}.")
        items.append(
            (
                MilestoneKind.ROLE,
                f"Get hired as {_a(entry.title)}",
                "Apply, pass the tests and interviews, and join.",
                entry.slug,
            )
        )
        stages.append((f"Get hired as {_a(entry.title)}", HIRING_STAGE_YEARS, items))

    for step in path.steps:
        low, high = ladder.role(step.from_slug), ladder.role(step.to_slug)
        label = f"{low.title} → {high.title}"
        if step.years_min is None or step.years_max is None:
            timing = (
                "No source gives a typical time for this move; the plan assumes "
                f"{_format_years(UNKNOWN_STEP_YEARS, UNKNOWN_STEP_YEARS)}. "
            )
        else:
            timing = f"Typically {_format_years(step.years_min, step.years_max)} before this move. "
        items = [
            (
                MilestoneKind.EXPERIENCE,
                f"Build a track record as {_a(low.title)}",
                timing + " ".join(_sentence(ask) for ask in step.asks),
                low.slug,
            )
        ]
        items += skill_items(step.skills, f"The move to {high.title} asks for it.")
        items += cert_items(step.certifications, f"Helps the move to {high.title}.")
        items.append(
            (
                MilestoneKind.ROLE,
                f"Move up to {high.title}",
                f"Apply internally or elsewhere for {high.title}.",
                high.slug,
            )
        )
        stages.append((label, max(step.years_mid, 0.1), items))

    weight_total = sum(weight for _, weight, _ in stages)
    milestones: list[PlannedMilestone] = []
    elapsed = 0.0
    order = 0
    for label, weight, items in stages:
        stage_start = elapsed
        elapsed += weight
        for index, (kind, title, detail, reference) in enumerate(items):
            # Items share their stage's span evenly; the stage's last item lands at its end.
            share = stage_start + weight * (index + 1) / len(items)
            due = today + datetime.timedelta(days=round(available_days * share / weight_total))
            order += 1
            milestones.append(
                PlannedMilestone(
                    order, kind, title, detail.strip(), label, min(due, target_date), reference
                )
            )

    hiring = HIRING_STAGE_YEARS if path.start is None else 0.0
    years_min, years_max = path.years_min + hiring, path.years_max + hiring
    return Plan(
        milestones=tuple(milestones),
        feasibility=judge_feasibility(
            available_years=available_years, years_min=years_min, years_max=years_max
        ),
        typical_years_min=years_min,
        typical_years_max=years_max,
        available_years=round(available_years, 2),
        assumed_steps=path.assumed_steps,
    )


def _sentence(text: str) -> str:
    """The text as a sentence: stripped, ending in a full stop unless it already ends one."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _a(title: str) -> str:
    """The title with its indefinite article: "an Operations Manager", "a Team Leader"."""
    return f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title}"


def _format_years(low: float, high: float) -> str:
    def one(value: float) -> str:
        if value < 1:
            return f"{round(value * 12)} months"
        return f"{value:g} years" if value != 1 else "1 year"

    if low == high:
        return one(low)
    if high < 1:
        return f"{round(low * 12)}–{round(high * 12)} months"
    return f"{one(low)} to {one(high)}"
