"""The career ladder: paths, validation, reachable goals and the diagram layout."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from launchpad.core.ladder import (
    CareerPath,
    Edge,
    Ladder,
    LadderError,
    LadderLayout,
    NoPathError,
    RoleNode,
    Step,
    UnknownRoleError,
    find_path,
    layout_ladder,
    reachable_targets,
    validate_ladder,
)


def role(slug: str, rank: int = 1, *, tracks: tuple[str, ...] = (), title: str = "") -> RoleNode:
    return RoleNode(
        slug=slug,
        title=title or slug.replace("-", " ").title(),
        rank=rank,
        is_entry=rank == 1,
        tracks=tracks,
    )


def step(low: str, high: str, years_min: float = 1, years_max: float = 2) -> Step:
    return Step(from_slug=low, to_slug=high, years_min=years_min, years_max=years_max)


# Three entry roles, two senior roles, two rank-3 roles and a manager; years are chosen so
# every route to the top has a different typical length.
LADDER = Ladder(
    roles=(
        role("cse", tracks=("international-voice",)),
        role("chat-agent", tracks=("chat-email",)),
        role("back-office-associate", tracks=("back-office",)),
        role("kpo-analyst", tracks=("kpo",)),
        role("senior-cse", 2),
        role("sme", 2),
        role("team-leader", 3),
        role("quality-analyst", 3),
        role("operations-manager", 4),
    ),
    steps=(
        step("cse", "senior-cse", 1, 2),
        step("chat-agent", "senior-cse", 1, 3),
        step("back-office-associate", "sme", 1, 2),
        step("senior-cse", "team-leader", 1, 2),
        step("sme", "team-leader", 2, 3),
        step("senior-cse", "quality-analyst", 1, 1.5),
        step("team-leader", "operations-manager", 2, 4),
        step("quality-analyst", "operations-manager", 3, 5),
    ),
)


@pytest.mark.parametrize(
    ("start", "target", "tracks", "expected"),
    [
        # A fresher with no preference starts wherever the target is quickest to reach.
        (None, "team-leader", (), ("cse", "senior-cse", "team-leader")),
        # A preferred track is tried first, even when another start would be quicker.
        (None, "team-leader", ("back-office",), ("back-office-associate", "sme", "team-leader")),
        (None, "team-leader", ("chat-email",), ("chat-agent", "senior-cse", "team-leader")),
        # A preferred track whose entry roles lead nowhere near the target falls back to all.
        (None, "team-leader", ("kpo",), ("cse", "senior-cse", "team-leader")),
        # A preferred track with no entry role at all also falls back.
        (None, "team-leader", ("technical-support",), ("cse", "senior-cse", "team-leader")),
        # An entry role as the target is a path of one role: get hired.
        (None, "chat-agent", (), ("chat-agent",)),
        (None, "chat-agent", ("chat-email",), ("chat-agent",)),
        (None, "kpo-analyst", ("back-office",), ("kpo-analyst",)),
        # From a current role the quickest route wins (6.5 years via team leader, not 7.25).
        (
            "chat-agent",
            "operations-manager",
            (),
            ("chat-agent", "senior-cse", "team-leader", "operations-manager"),
        ),
        # Preferred tracks do not matter once the candidate has a role.
        (
            "back-office-associate",
            "team-leader",
            ("international-voice",),
            ("back-office-associate", "sme", "team-leader"),
        ),
        ("senior-cse", "quality-analyst", (), ("senior-cse", "quality-analyst")),
    ],
)
def test_find_path_returns_the_quickest_route(start, target, tracks, expected):
    path = find_path(LADDER, start=start, target=target, preferred_tracks=tracks)

    assert path.roles == expected
    assert path.start == start
    assert path.target == target
    assert [(s.from_slug, s.to_slug) for s in path.steps] == list(itertools.pairwise(expected))


def test_career_path_sums_the_years_of_its_steps():
    path = find_path(LADDER, start="cse", target="operations-manager")

    assert path.years_min == 1 + 1 + 2
    assert path.years_max == 2 + 2 + 4


def test_a_fresher_who_is_hired_straight_into_the_target_has_no_years_to_wait():
    path = find_path(LADDER, start=None, target="cse")

    assert path == CareerPath(start=None, target="cse", roles=("cse",), steps=())
    assert (path.years_min, path.years_max) == (0, 0)


@pytest.mark.parametrize(
    ("start", "target", "unknown"),
    [
        (None, "astronaut", "astronaut"),
        ("cse", "astronaut", "astronaut"),
        ("astronaut", "team-leader", "astronaut"),
    ],
)
def test_find_path_names_the_unknown_role(start, target, unknown):
    with pytest.raises(UnknownRoleError) as caught:
        find_path(LADDER, start=start, target=target)

    assert caught.value.slug == unknown
    assert repr(unknown) in str(caught.value)
    assert isinstance(caught.value, LadderError)


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        ("team-leader", "quality-analyst", "no route from Team Leader to Quality Analyst"),
        ("operations-manager", "cse", "no route from Operations Manager to Cse"),
        ("team-leader", "team-leader", "already in this role"),
    ],
)
def test_find_path_explains_when_there_is_no_route(start, target, message):
    with pytest.raises(NoPathError, match=message):
        find_path(LADDER, start=start, target=target)


def test_find_path_explains_when_no_entry_role_leads_to_the_target():
    ladder = Ladder(roles=(*LADDER.roles, role("island", 3)), steps=LADDER.steps)

    with pytest.raises(NoPathError, match="No entry role leads to Island"):
        find_path(ladder, start=None, target="island")


def test_find_path_fails_for_a_fresher_when_the_ladder_has_no_entry_roles():
    ladder = Ladder(roles=(role("lead", 3),), steps=())

    with pytest.raises(NoPathError):
        find_path(ladder, start=None, target="lead")


def test_equal_years_go_to_fewer_steps_then_alphabetical_order():
    ladder = Ladder(
        roles=(role("b-start"), role("a-start"), role("middle", 2), role("top", 3)),
        steps=(
            step("b-start", "top", 2, 2),
            step("a-start", "top", 2, 2),
            # The same two years in two steps: loses to the single step.
            step("a-start", "middle", 1, 1),
            step("middle", "top", 1, 1),
        ),
    )

    path = find_path(ladder, start=None, target="top")

    assert path.roles == ("a-start", "top")


def test_tie_breaking_does_not_depend_on_the_order_of_the_files():
    forward = find_path(LADDER, start=None, target="operations-manager")
    backward = find_path(
        Ladder(roles=LADDER.roles[::-1], steps=LADDER.steps[::-1]),
        start=None,
        target="operations-manager",
    )

    assert forward == backward


def test_duplicate_steps_with_equal_years_do_not_break_the_search():
    ladder = Ladder(
        roles=(role("agent"), role("lead", 2)),
        steps=(
            Step("agent", "lead", 1, 2, asks=("first",)),
            Step("agent", "lead", 1, 2, asks=("second",)),
        ),
    )

    path = find_path(ladder, start="agent", target="lead")

    assert path.roles == ("agent", "lead")
    assert path.steps[0].asks == ("first",)


def test_ladder_lookups():
    assert LADDER.role("sme").rank == 2
    assert LADDER.has_role("sme")
    assert not LADDER.has_role("astronaut")
    assert [s.to_slug for s in LADDER.steps_from("senior-cse")] == [
        "team-leader",
        "quality-analyst",
    ]
    assert [r.slug for r in LADDER.entry_roles()] == [
        "cse",
        "chat-agent",
        "back-office-associate",
        "kpo-analyst",
    ]
    assert step("a", "b", 1, 2).years_mid == 1.5


# --- validate_ladder ------------------------------------------------------------------------


def test_a_sound_ladder_has_no_problems():
    assert validate_ladder(LADDER) == []


@pytest.mark.parametrize(
    ("roles", "steps", "expected"),
    [
        (
            (role("agent"), role("agent")),
            (),
            ["Role 'agent' appears more than once."],
        ),
        (
            (role("agent"),),
            (step("agent", "ghost"),),
            ["Step agent → ghost names unknown role 'ghost'."],
        ),
        (
            (role("agent"),),
            (step("ghost", "agent"),),
            ["Step ghost → agent names unknown role 'ghost'."],
        ),
        (
            (role("agent"), role("lead", 2)),
            (step("agent", "lead"), step("lead", "lead")),
            [
                "Step lead → lead goes nowhere.",
                "The ladder has a cycle: a role leads back to itself.",
            ],
        ),
        (
            (role("agent"), role("lead", 2)),
            (step("agent", "lead"), step("agent", "lead")),
            ["Step agent → lead appears more than once."],
        ),
        (
            (role("agent"), role("lead", 2)),
            (step("agent", "lead", -1, 2),),
            ["Step agent → lead has years -1–2."],
        ),
        (
            (role("agent"), role("lead", 2)),
            (step("agent", "lead", 3, 2),),
            ["Step agent → lead has years 3–2."],
        ),
        (
            (role("agent"), role("lead", 2), role("manager", 3)),
            (step("agent", "lead"), step("lead", "manager"), step("manager", "lead")),
            ["The ladder has a cycle: a role leads back to itself."],
        ),
        (
            (role("agent"), role("lead", 2), role("island", 3)),
            (step("agent", "lead"),),
            ["Role 'island' cannot be reached from any entry role."],
        ),
        (
            (role("lead", 2),),
            (),
            ["Role 'lead' cannot be reached from any entry role."],
        ),
    ],
)
def test_validate_ladder_reports_each_kind_of_problem(roles, steps, expected):
    assert validate_ladder(Ladder(roles=roles, steps=steps)) == expected


# --- reachable_targets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (
            None,
            (
                "back-office-associate",
                "chat-agent",
                "cse",
                "kpo-analyst",
                "senior-cse",
                "sme",
                "quality-analyst",
                "team-leader",
                "operations-manager",
            ),
        ),
        ("cse", ("senior-cse", "quality-analyst", "team-leader", "operations-manager")),
        ("sme", ("team-leader", "operations-manager")),
        ("operations-manager", ()),
        ("kpo-analyst", ()),
    ],
)
def test_reachable_targets_lists_goals_by_rank_then_title(start, expected):
    assert reachable_targets(LADDER, start) == expected


def test_reachable_targets_rejects_an_unknown_start():
    with pytest.raises(UnknownRoleError):
        reachable_targets(LADDER, "astronaut")


# --- layout_ladder --------------------------------------------------------------------------


def _overlap(a, b, layout: LadderLayout) -> bool:
    return (
        a.x < b.x + layout.node_width
        and b.x < a.x + layout.node_width
        and a.y < b.y + layout.node_height
        and b.y < a.y + layout.node_height
    )


def test_layout_puts_each_rank_in_its_own_row_with_entry_roles_at_the_bottom():
    layout = layout_ladder(LADDER)
    by_slug = {node.slug: node for node in layout.nodes}

    for node in layout.nodes:
        assert node.row == [1, 2, 3, 4].index(LADDER.role(node.slug).rank)
        assert node.title == LADDER.role(node.slug).title
    assert by_slug["cse"].y > by_slug["senior-cse"].y > by_slug["team-leader"].y
    assert by_slug["team-leader"].y > by_slug["operations-manager"].y
    assert len({node.y for node in layout.nodes if node.row == 0}) == 1
    assert [(n.row, n.column) for n in layout.nodes] == sorted(
        (n.row, n.column) for n in layout.nodes
    )


def test_layout_nodes_never_overlap_and_fit_in_the_drawing():
    layout = layout_ladder(LADDER, node_width=120, node_height=40, gap_x=10, gap_y=30, margin=5)

    for a, b in itertools.combinations(layout.nodes, 2):
        assert not _overlap(a, b, layout), (a.slug, b.slug)
    for node in layout.nodes:
        assert 5 <= node.x <= layout.width - 5 - layout.node_width
        assert 5 <= node.y <= layout.height - 5 - layout.node_height
    # The widest row (four entry roles) fills the width exactly.
    assert layout.width == 2 * 5 + 4 * 120 + 3 * 10
    assert layout.height == 2 * 5 + 4 * 40 + 3 * 30


def test_layout_edges_join_the_top_of_the_lower_role_to_the_bottom_of_the_higher_one():
    layout = layout_ladder(LADDER)
    by_slug = {node.slug: node for node in layout.nodes}

    assert [(e.from_slug, e.to_slug) for e in layout.edges] == [
        (s.from_slug, s.to_slug) for s in LADDER.steps
    ]
    for edge in layout.edges:
        low, high = by_slug[edge.from_slug], by_slug[edge.to_slug]
        assert edge == Edge(
            edge.from_slug,
            edge.to_slug,
            low.x + layout.node_width / 2,
            low.y,
            high.x + layout.node_width / 2,
            high.y + layout.node_height,
        )


def test_layout_orders_a_row_by_where_its_roles_come_from():
    ladder = Ladder(
        roles=(role("a-left"), role("b-right"), role("a-above-right", 2), role("z-above-left", 2)),
        steps=(step("a-left", "z-above-left"), step("b-right", "a-above-right")),
    )

    layout = layout_ladder(ladder)

    top_row = [n.slug for n in layout.nodes if n.row == 1]
    assert top_row == ["z-above-left", "a-above-right"]


def test_layout_skips_steps_to_roles_that_are_not_on_the_ladder():
    ladder = Ladder(roles=(role("agent"),), steps=(step("agent", "ghost"),))

    assert layout_ladder(ladder).edges == ()


def test_layout_of_an_empty_ladder_is_just_the_margins():
    layout = layout_ladder(Ladder(roles=(), steps=()), margin=12)

    assert (layout.width, layout.height, layout.nodes, layout.edges) == (24, 24, (), ())


# --- Invariants on random ladders -----------------------------------------------------------

TRACKS = ("voice", "chat", "back-office")


@st.composite
def ladders(draw: st.DrawFn) -> Ladder:
    """Random acyclic ladders: steps only go from a role to one listed after it."""
    size = draw(st.integers(min_value=2, max_value=7))
    ranks = sorted(draw(st.lists(st.integers(1, 4), min_size=size, max_size=size)))
    ranks[0] = 1
    roles = tuple(
        RoleNode(
            slug=f"r{index}",
            title=f"Role {index}",
            rank=rank,
            is_entry=rank == 1,
            tracks=(draw(st.sampled_from(TRACKS)),),
        )
        for index, rank in enumerate(ranks)
    )
    steps = []
    for low, high in itertools.combinations(range(size), 2):
        if draw(st.booleans()):
            years_min = draw(st.integers(0, 8)) / 2
            years_max = years_min + draw(st.integers(0, 6)) / 2
            steps.append(Step(f"r{low}", f"r{high}", years_min, years_max))
    return Ladder(roles=roles, steps=tuple(draw(st.permutations(steps))))


def _all_paths(ladder: Ladder, start: str, target: str) -> list[tuple[Step, ...]]:
    if start == target:
        return [()]
    found = []
    for first in ladder.steps_from(start):
        for rest in _all_paths(ladder, first.to_slug, target):
            found.append((first, *rest))
    return found


def _cost(steps: tuple[Step, ...]) -> float:
    return sum(s.years_mid for s in steps)


@settings(max_examples=300, deadline=None)
@given(
    ladder=ladders(),
    data=st.data(),
)
def test_a_found_path_is_connected_and_no_brute_force_path_is_quicker(ladder, data):
    slugs = [r.slug for r in ladder.roles]
    target = data.draw(st.sampled_from(slugs))
    start = data.draw(st.none() | st.sampled_from(slugs))
    preferred = data.draw(st.lists(st.sampled_from(TRACKS), max_size=2))
    assume(start != target)

    if start is not None:
        starts = [start]
    else:
        entries = ladder.entry_roles()
        favoured = [r.slug for r in entries if set(preferred) & set(r.tracks)]
        if any(_all_paths(ladder, s, target) for s in favoured):
            starts = favoured
        else:
            starts = [r.slug for r in entries]
    candidates = [p for s in starts for p in _all_paths(ladder, s, target)]

    try:
        path = find_path(ladder, start=start, target=target, preferred_tracks=preferred)
    except NoPathError:
        assert candidates == []
        return

    assert candidates
    assert path.roles[-1] == target
    if start is None:
        assert ladder.role(path.roles[0]).is_entry
        assert path.roles[0] in starts
    else:
        assert path.roles[0] == start
    assert len(path.steps) == len(path.roles) - 1
    for index, taken in enumerate(path.steps):
        assert taken in ladder.steps
        assert (taken.from_slug, taken.to_slug) == (path.roles[index], path.roles[index + 1])
    best = min(_cost(c) for c in candidates)
    assert math.isclose(_cost(path.steps), best) or _cost(path.steps) < best


@settings(max_examples=100, deadline=None)
@given(ladder=ladders())
def test_random_ladders_lay_out_without_overlaps(ladder):
    layout = layout_ladder(ladder)

    assert len(layout.nodes) == len(ladder.roles)
    for a, b in itertools.combinations(layout.nodes, 2):
        assert not _overlap(a, b, layout)
    assert len(layout.edges) == len(ladder.steps)
    rows = {node.row for node in layout.nodes}
    assert rows == set(range(len({r.rank for r in ladder.roles})))


def _unknown_years_ladder() -> Ladder:
    from launchpad.core.ladder import UNKNOWN_STEP_YEARS

    assert UNKNOWN_STEP_YEARS == 2.0
    return Ladder(
        roles=(
            RoleNode("agent", "Agent", 1, True),
            RoleNode("manager", "Manager", 4, False),
            RoleNode("head", "Head", 5, False),
        ),
        steps=(
            Step("agent", "manager", 3, 5),
            Step("manager", "head", None, None),
        ),
    )


def test_a_step_without_sourced_years_is_weighed_as_assumed_and_counted():
    path = find_path(_unknown_years_ladder(), start="agent", target="head")

    assert path.roles == ("agent", "manager", "head")
    assert path.assumed_steps == 1
    assert (path.years_min, path.years_max) == (5.0, 7.0)
    assert path.steps[1].years_mid == 2.0
    assert not path.steps[1].years_known


def test_a_step_with_one_end_of_its_years_missing_is_a_problem():
    ladder = Ladder(
        roles=(RoleNode("agent", "Agent", 1, True), RoleNode("lead", "Lead", 3, False)),
        steps=(Step("agent", "lead", 1, None),),
    )

    assert validate_ladder(ladder) == ["Step agent → lead gives only one end of its years."]
