"""The career ladder: validating it, finding the path between roles and laying it out.

A ladder is a directed graph of roles (nodes) and typical moves between them (steps), each
step carrying the usual years spent in the lower role before the move (or no years, where no
source gives a timeline). The shortest path is the one with the fewest typical years (the
midpoint of each step's range, or UNKNOWN_STEP_YEARS for a step without); ties go to fewer
steps, then to alphabetical order, so the answer is always the same for the same ladder.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

LADDER_RULES_VERSION = "ladder-2"

# A planning assumption, not a sourced figure: a step whose typical duration no source gives
# is weighed as two years when paths are compared and plans are dated, and is reported as
# assumed wherever its years are shown.
UNKNOWN_STEP_YEARS = 2.0


@dataclass(frozen=True)
class RoleNode:
    slug: str
    title: str
    rank: int
    is_entry: bool
    tracks: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    from_slug: str
    to_slug: str
    years_min: float | None
    years_max: float | None
    asks: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()

    @property
    def years_known(self) -> bool:
        return self.years_min is not None and self.years_max is not None

    @property
    def years_mid(self) -> float:
        """The step's weight: the middle of its range, or UNKNOWN_STEP_YEARS without one."""
        if self.years_min is None or self.years_max is None:
            return UNKNOWN_STEP_YEARS
        return (self.years_min + self.years_max) / 2


@dataclass(frozen=True)
class Ladder:
    roles: tuple[RoleNode, ...]
    steps: tuple[Step, ...]
    _by_slug: Mapping[str, RoleNode] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_slug", {role.slug: role for role in self.roles})

    def role(self, slug: str) -> RoleNode:
        """Returns the role with this slug; raises UnknownRoleError if there is none."""
        try:
            return self._by_slug[slug]
        except KeyError:
            raise UnknownRoleError(slug) from None

    def has_role(self, slug: str) -> bool:
        return slug in self._by_slug

    def steps_from(self, slug: str) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.from_slug == slug)

    def entry_roles(self) -> tuple[RoleNode, ...]:
        return tuple(role for role in self.roles if role.is_entry)


class LadderError(ValueError):
    """Base class for ladder problems a caller can show to a person."""


class UnknownRoleError(LadderError):
    def __init__(self, slug: str) -> None:
        super().__init__(f"There is no role called {slug!r} on the career ladder.")
        self.slug = slug


class NoPathError(LadderError):
    pass


@dataclass(frozen=True)
class CareerPath:
    """The roles from start to target (start first) and the steps between them.

    `start` is None for a fresher: the path then begins by getting hired into `roles[0]`,
    an entry role.
    """

    start: str | None
    target: str
    roles: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def years_min(self) -> float:
        """Typical years for the whole path, counting UNKNOWN_STEP_YEARS for unknown steps."""
        return sum(
            UNKNOWN_STEP_YEARS if step.years_min is None else step.years_min for step in self.steps
        )

    @property
    def years_max(self) -> float:
        return sum(
            UNKNOWN_STEP_YEARS if step.years_max is None else step.years_max for step in self.steps
        )

    @property
    def assumed_steps(self) -> int:
        """How many steps have no sourced duration (their years are UNKNOWN_STEP_YEARS)."""
        return sum(1 for step in self.steps if not step.years_known)


def validate_ladder(ladder: Ladder) -> list[str]:
    """Returns a list of problems (empty when the ladder is sound).

    Checks: duplicate slugs, steps naming unknown roles, self-loops, duplicate steps, year
    ranges that are negative or reversed, cycles, and roles no entry role can reach.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for role in ladder.roles:
        if role.slug in seen:
            problems.append(f"Role {role.slug!r} appears more than once.")
        seen.add(role.slug)
    pairs: set[tuple[str, str]] = set()
    for step in ladder.steps:
        label = f"{step.from_slug} → {step.to_slug}"
        for slug in (step.from_slug, step.to_slug):
            if slug not in seen:
                problems.append(f"Step {label} names unknown role {slug!r}.")
        if step.from_slug == step.to_slug:
            problems.append(f"Step {label} goes nowhere.")
        if (step.from_slug, step.to_slug) in pairs:
            problems.append(f"Step {label} appears more than once.")
        pairs.add((step.from_slug, step.to_slug))
        if (step.years_min is None) != (step.years_max is None):
            problems.append(f"Step {label} gives only one end of its years.")
        elif (
            step.years_min is not None
            and step.years_max is not None
            and (step.years_min < 0 or step.years_min > step.years_max)
        ):
            problems.append(f"Step {label} has years {step.years_min}–{step.years_max}.")
    if _has_cycle(ladder):
        problems.append("The ladder has a cycle: a role leads back to itself.")
    reachable = _reachable(ladder, [role.slug for role in ladder.entry_roles()])
    for role in ladder.roles:
        if role.slug not in reachable:
            problems.append(f"Role {role.slug!r} cannot be reached from any entry role.")
    return problems


def _has_cycle(ladder: Ladder) -> bool:
    outgoing: dict[str, list[str]] = {}
    for step in ladder.steps:
        outgoing.setdefault(step.from_slug, []).append(step.to_slug)
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = finished

    def visit(slug: str) -> bool:
        state[slug] = 1
        for nxt in outgoing.get(slug, []):
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[slug] = 2
        return False

    return any(slug not in state and visit(slug) for slug in sorted(outgoing))


def _reachable(ladder: Ladder, starts: Iterable[str]) -> set[str]:
    found = set(starts)
    frontier = list(found)
    while frontier:
        slug = frontier.pop()
        for step in ladder.steps_from(slug):
            if step.to_slug not in found:
                found.add(step.to_slug)
                frontier.append(step.to_slug)
    return found


def find_path(
    ladder: Ladder,
    *,
    start: str | None,
    target: str,
    preferred_tracks: Iterable[str] = (),
) -> CareerPath:
    """Returns the quickest typical path from `start` (None for a fresher) to `target`.

    For a fresher the path begins at an entry role: entry roles in `preferred_tracks` are
    tried first, and the others only when none of those leads to the target. Raises
    UnknownRoleError or NoPathError with a message a person understands.
    """
    target_role = ladder.role(target)
    if start is not None:
        ladder.role(start)
        if start == target:
            raise NoPathError("You are already in this role: pick a role above it as your goal.")
        best = _dijkstra(ladder, [start], target)
        if best is None:
            raise NoPathError(
                f"The ladder has no route from {ladder.role(start).title} to "
                f"{target_role.title}. Pick a role that grows out of your current one."
            )
        return CareerPath(start=start, target=target, roles=best[0], steps=best[1])

    preferred = set(preferred_tracks)
    entries = ladder.entry_roles()
    preferred_entries = [r.slug for r in entries if preferred & set(r.tracks)]
    for candidates in (preferred_entries, [r.slug for r in entries]):
        if not candidates:
            continue
        if target in candidates:
            return CareerPath(start=None, target=target, roles=(target,), steps=())
        best = _dijkstra(ladder, candidates, target)
        if best is not None:
            return CareerPath(start=None, target=target, roles=best[0], steps=best[1])
    raise NoPathError(f"No entry role leads to {target_role.title} on the ladder yet.")


def _dijkstra(
    ladder: Ladder, starts: list[str], target: str
) -> tuple[tuple[str, ...], tuple[Step, ...]] | None:
    # Heap entries compare (years, hops, roles) so equal-cost paths resolve alphabetically;
    # the push counter settles the rest (two steps between the same roles) without ever
    # comparing Step objects, which have no order.
    heap: list[tuple[float, int, tuple[str, ...], int, tuple[Step, ...]]] = [
        (0.0, 0, (slug,), index, ()) for index, slug in enumerate(sorted(starts))
    ]
    heapq.heapify(heap)
    pushed = len(heap)
    settled: set[str] = set()
    while heap:
        years, hops, roles, _, steps = heapq.heappop(heap)
        here = roles[-1]
        if here == target:
            return roles, steps
        if here in settled:
            continue
        settled.add(here)
        for step in ladder.steps_from(here):
            if step.to_slug not in settled:
                heapq.heappush(
                    heap,
                    (
                        years + step.years_mid,
                        hops + 1,
                        (*roles, step.to_slug),
                        pushed,
                        (*steps, step),
                    ),
                )
                pushed += 1
    return None


def reachable_targets(ladder: Ladder, start: str | None) -> tuple[str, ...]:
    """Slugs of roles a goal may target from `start` (every role for a fresher), by rank.

    Raises UnknownRoleError when `start` is not on the ladder.
    """
    if start is None:
        slugs = {role.slug for role in ladder.roles}
    else:
        ladder.role(start)
        slugs = _reachable(ladder, [start]) - {start}
    ordered = sorted((ladder.role(s) for s in slugs), key=lambda r: (r.rank, r.title))
    return tuple(role.slug for role in ordered)


@dataclass(frozen=True)
class NodePosition:
    slug: str
    title: str
    row: int
    column: int
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    from_slug: str
    to_slug: str
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class LadderLayout:
    width: float
    height: float
    node_width: float
    node_height: float
    nodes: tuple[NodePosition, ...]
    edges: tuple[Edge, ...]


def layout_ladder(
    ladder: Ladder,
    *,
    node_width: float = 150,
    node_height: float = 44,
    gap_x: float = 24,
    gap_y: float = 56,
    margin: float = 12,
) -> LadderLayout:
    """Places roles in rows by rank (entry roles at the bottom) for an SVG diagram.

    Within a row roles are ordered by the average column of the roles that lead into them
    (so lines cross less), then by title. Coordinates are node top-left corners; edges run
    from the top-centre of the lower role to the bottom-centre of the higher one.
    """
    ranks = sorted({role.rank for role in ladder.roles})
    rows: dict[int, list[RoleNode]] = {rank: [] for rank in ranks}
    for role in ladder.roles:
        rows[role.rank].append(role)
    column_of: dict[str, float] = {}
    for rank in ranks:

        def sort_key(role: RoleNode) -> tuple[float, str]:
            parents = [
                column_of[s.from_slug]
                for s in ladder.steps
                if s.to_slug == role.slug and s.from_slug in column_of
            ]
            centre = sum(parents) / len(parents) if parents else float("inf")
            return (centre, role.title)

        rows[rank].sort(key=sort_key)
        for index, role in enumerate(rows[rank]):
            column_of[role.slug] = index
    widest = max((len(r) for r in rows.values()), default=0)
    width = 2 * margin + widest * node_width + max(widest - 1, 0) * gap_x
    height = 2 * margin + len(ranks) * node_height + max(len(ranks) - 1, 0) * gap_y
    positions: dict[str, NodePosition] = {}
    for row_index, rank in enumerate(ranks):
        members = rows[rank]
        row_width = len(members) * node_width + max(len(members) - 1, 0) * gap_x
        left = (width - row_width) / 2
        y = height - margin - node_height - row_index * (node_height + gap_y)
        for column, role in enumerate(members):
            x = left + column * (node_width + gap_x)
            positions[role.slug] = NodePosition(role.slug, role.title, row_index, column, x, y)
    edges = []
    for step in ladder.steps:
        if step.from_slug in positions and step.to_slug in positions:
            low, high = positions[step.from_slug], positions[step.to_slug]
            edges.append(
                Edge(
                    step.from_slug,
                    step.to_slug,
                    low.x + node_width / 2,
                    low.y,
                    high.x + node_width / 2,
                    high.y + node_height,
                )
            )
    ordered_nodes = tuple(sorted(positions.values(), key=lambda n: (n.row, n.column)))
    return LadderLayout(width, height, node_width, node_height, ordered_nodes, tuple(edges))
