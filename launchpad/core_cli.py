"""`launchpad ladder`: the career ladder from the content files, without a database.

    launchpad ladder validate
    launchpad ladder path --to team-leader [--from customer-service-executive]
                          [--track international-voice] [--json]
    launchpad ladder plan --to team-leader [--from ...] --by 2028-06-30 [--today YYYY-MM-DD]
                          [--track ...] [--json]

Exit codes: 0 done, 1 the content has problems or there is no route, 2 a bad argument
(an unknown role or track, a date that is not in the future).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import difflib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from launchpad.content.reader import (
    CAREERS_DIR,
    ONET_DIR,
    CareersContent,
    ContentError,
    build_ladder,
    check_onet_links,
    read_careers,
    read_onet,
)
from launchpad.core.ladder import (
    UNKNOWN_STEP_YEARS,
    CareerPath,
    Ladder,
    NoPathError,
    UnknownRoleError,
    find_path,
)
from launchpad.core.planner import Plan, PlanError, plan_goal

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class _Usage(Exception):
    """A bad argument: printed and answered with exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchpad ladder",
        description="The career ladder from the content files (no database needed).",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help=f"careers content directory (default {CAREERS_DIR})",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("validate", help="check the content files and the ladder")

    def goal_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--to", required=True, metavar="ROLE", help="target role slug")
        sub.add_argument(
            "--from",
            dest="start",
            metavar="ROLE",
            help="current role slug (leave out for a fresher)",
        )
        sub.add_argument(
            "--track",
            action="append",
            default=[],
            metavar="TRACK",
            help="preferred track for a fresher (repeatable)",
        )
        sub.add_argument("--json", action="store_true", help="print JSON")

    goal_options(commands.add_parser("path", help="the quickest typical path to a role"))
    plan = commands.add_parser("plan", help="a dated milestone plan to reach a role by a date")
    goal_options(plan)
    plan.add_argument("--by", required=True, type=_date, metavar="YYYY-MM-DD")
    plan.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="default: today")
    return parser


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2028-06-30") from None


def ladder_command(argv: Sequence[str], *, out: TextIO | None = None) -> int:
    """Runs `launchpad ladder ...`; returns the exit code."""
    out = sys.stdout if out is None else out
    parser = _parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    directory: Path | None = args.dir
    try:
        content = read_careers(directory)
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    ladder = build_ladder(content)
    try:
        if args.command == "validate":
            return _validate(content, directory, out)
        path = _find(content, ladder, args)
        if args.command == "path":
            _print_path(ladder, path, as_json=args.json, out=out)
            return EXIT_OK
        today = args.today or datetime.date.today()
        plan = plan_goal(
            ladder,
            path,
            today=today,
            target_date=args.by,
            skill_names=content.skill_names,
            certification_names=content.certification_names,
        )
        _print_plan(ladder, path, plan, as_json=args.json, out=out)
        return EXIT_OK
    except (_Usage, UnknownRoleError, PlanError) as error:
        print(f"launchpad ladder: {error}", file=sys.stderr)
        return EXIT_USAGE
    except NoPathError as error:
        print(f"launchpad ladder: {error}", file=sys.stderr)
        return EXIT_PROBLEM


def _validate(content: CareersContent, directory: Path | None, out: TextIO) -> int:
    # The O*NET extract lives beside the careers directory; check the roles' links to it.
    onet_dir = ONET_DIR if directory is None else directory.parent / "onet"
    try:
        problems = check_onet_links(content, read_onet(onet_dir))
    except ContentError as error:
        problems = error.problems
    if problems:
        print(ContentError(problems), file=sys.stderr)
        return EXIT_PROBLEM
    ladder = build_ladder(content)
    print(
        f"ok: {len(ladder.roles)} roles, {len(ladder.steps)} ladder steps, "
        f"{len(content.skills)} skills, {len(content.certifications)} certifications",
        file=out,
    )
    return EXIT_OK


def _find(content: CareersContent, ladder: Ladder, args: argparse.Namespace) -> CareerPath:
    roles = [role.slug for role in ladder.roles]
    for slug in (args.to, args.start):
        if slug is not None and not ladder.has_role(slug):
            raise _Usage(
                f"there is no role {slug!r}{_did_you_mean(slug, roles)}. Roles: {', '.join(roles)}"
            )
    tracks = list(content.track_names)
    for track in args.track:
        if track not in content.track_names:
            hint = _did_you_mean(track, tracks)
            raise _Usage(f"there is no track {track!r}{hint}. Tracks: {', '.join(tracks)}")
    return find_path(ladder, start=args.start, target=args.to, preferred_tracks=args.track)


def _did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _years(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return f"no sourced timeline (planning assumes {UNKNOWN_STEP_YEARS:g} years)"
    if low == high:
        return f"{low:g} years"
    return f"{low:g}–{high:g} years"


def _path_data(ladder: Ladder, path: CareerPath) -> dict[str, Any]:
    return {
        "start": path.start,
        "target": path.target,
        "roles": [{"slug": s, "title": ladder.role(s).title} for s in path.roles],
        "years_min": path.years_min,
        "years_max": path.years_max,
        "assumed_steps": path.assumed_steps,
        "steps": [
            {
                "from": step.from_slug,
                "to": step.to_slug,
                "years_min": step.years_min,
                "years_max": step.years_max,
                "asks": list(step.asks),
                "skills": list(step.skills),
                "certifications": list(step.certifications),
            }
            for step in path.steps
        ],
    }


def _print_path(ladder: Ladder, path: CareerPath, *, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(_path_data(ladder, path), indent=2, ensure_ascii=False), file=out)
        return
    titles = [ladder.role(slug).title for slug in path.roles]
    print(" → ".join(titles), file=out)
    if path.start is None:
        print(f"Start: get hired into the entry role {titles[0]}.", file=out)
    total = f"Typically {_years(path.years_min, path.years_max)} in all"
    if path.assumed_steps:
        total += f", counting {path.assumed_steps} step(s) with no sourced timeline as assumed"
    print(total + ".", file=out)
    for number, step in enumerate(path.steps, 1):
        low, high = ladder.role(step.from_slug).title, ladder.role(step.to_slug).title
        print(f"\n{number}. {low} → {high}: {_years(step.years_min, step.years_max)}", file=out)
        for ask in step.asks:
            print(f"   - {ask}", file=out)


def _print_plan(
    ladder: Ladder, path: CareerPath, plan: Plan, *, as_json: bool, out: TextIO
) -> None:
    if as_json:
        data = {
            "path": _path_data(ladder, path),
            "feasibility": plan.feasibility.value,
            "available_years": plan.available_years,
            "typical_years_min": plan.typical_years_min,
            "typical_years_max": plan.typical_years_max,
            "version": plan.version,
            "milestones": [
                {
                    **dataclasses.asdict(m),
                    "kind": m.kind.value,
                    "due": m.due.isoformat(),
                }
                for m in plan.milestones
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return
    titles = [ladder.role(slug).title for slug in path.roles]
    print(" → ".join(titles), file=out)
    print(
        f"Feasibility: {plan.feasibility.value.replace('_', ' ')} "
        f"({plan.available_years:g} years available; typically "
        f"{_years(plan.typical_years_min, plan.typical_years_max)}).",
        file=out,
    )
    label = None
    for milestone in plan.milestones:
        if milestone.step_label != label:
            label = milestone.step_label
            print(f"\n{label}", file=out)
        print(f"  {milestone.due.isoformat()}  {milestone.title}", file=out)
