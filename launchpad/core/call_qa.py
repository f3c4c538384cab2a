"""The mock call and chat simulator, and the QA scorecard it is scored on (issue 8).

Three kinds of content live in `launchpad/content/simulator/` (its README gives the formats):

- scenarios (`scenarios/<id>.yaml`): a customer persona, the facts the agent must discover or
  state, the verification and policy, and a branching script of nodes; `parse_scenario`
  checks that every referenced node and fact exists, every node is reachable and can reach
  an end, and some end is resolved, and reports every problem at once;
- the move lexicon (`moves.yaml`): phrases (matched on lemmas, with "*" for one word and
  "..." for up to four), and regexes, for the nine agent moves, for markers the scorecard
  uses (own name, ownership, hold permission/time/return, next steps, thanks, further help)
  and for rude language; every entry carries examples that must match and must not;
- the scorecard (`scorecard.yaml`): QA lines with weights summing to 100, each computed by a
  built-in check, plus fatal items that zero the call (fact sheet §5.1).

`recognise` finds moves in an agent's text and says which phrase or pattern matched where
(character spans in the normalised text, see `vocabulary.normalise`). The engine
(`start`, `agent_says`) is pure: a `Simulation` is a frozen value and every step returns a
new one; the customer's line variant is picked by turn number, so replays are identical.
Of the moves recognised in a turn, the first in `PRIORITY` that the current node handles
decides the transition (a transition marked `requires_verification` is skipped until every
verification field has been asked); otherwise the node's `default` applies. An empathy
statement that is not the chosen move still adds the node's `empathise` mood rise (when
positive); rude language lowers the mood by one more. A hold starts at a `hold` move and
ends at the agent's next turn; a reply slower than the channel's dead-air threshold after a
customer line (not during a hold) is recorded as dead air.

`score` rates a transcript (agent, customer and system turns with times) on the scorecard;
every line lists the transcript turns (0-based indexes) that earned or lost points and why.
The checks (N/A lines earn full points and say so):

- opening: a third each for a greeting, the brand and the agent's own name in the first two
  agent turns;
- verification: each verification field asked (a `verify` turn naming it) before the first
  explanation, offer or sensitive value; asked late earns half; N/A when not required;
- empathy-ownership: half for an empathy statement, half for an ownership statement;
- probing: a probing question (not in the opening turn, not a verify/hold/close/transfer
  turn) before the first explanation or offer; a probe only after it earns half;
- accuracy: the share of `state` facts stated correctly; any wrong value (a number within
  four words after the fact's label that is no known value) loses the line; N/A without
  `state` facts;
- hold: per hold, a quarter each for asking permission, giving a time, thanking on return
  and staying within `hold_max_seconds`; N/A without a hold;
- resolution: half for an explanation, offer or transfer, half for next steps;
- closing: half for offering further help, half for thanks, in the last two agent turns;
- dead-air: full with no dead air, half with one gap, none with more; N/A when the
  channel's threshold is 0;
- handle-time: full within the target, half within 1.5 times the target.

Fatal items: `data-before-verification` (a sensitive fact's value in an agent turn before
every verification field was asked), `never-repeat` (a `never_repeat` value in any agent
turn) and `rude-language`. A fatal item zeroes the total; the lines still show what they
would have earned (`raw_total`).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from launchpad.core.checks import checked_text, checked_texts
from launchpad.core.resume.vocabulary import is_word, lemmas, normalise, tokens

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content" / "simulator"
SCENARIOS_DIR = CONTENT_DIR / "scenarios"
MOVES_PATH = CONTENT_DIR / "moves.yaml"
SCORECARD_PATH = CONTENT_DIR / "scorecard.yaml"

MOVES = ("greet", "verify", "empathise", "probe", "explain", "offer", "hold", "transfer", "close")
# The order in which a turn's moves are tried against the current node's transitions.
PRIORITY = ("transfer", "hold", "close", "offer", "explain", "verify", "probe", "empathise",
            "greet")  # fmt: skip
MARKERS = ("own-name", "ownership", "hold-permission", "hold-time", "hold-return",
           "next-steps", "thanks", "further-help")  # fmt: skip
RUDE = "rude"
TRACKS = ("international-voice", "domestic-voice", "chat-email", "back-office",
          "technical-support", "kpo")  # fmt: skip
CHANNELS = ("voice", "chat", "email")
OUTCOMES = ("resolved", "escalated", "unresolved")
SPEAKERS = ("agent", "customer", "system")
CHECKS = ("opening", "verification", "empathy-ownership", "probing", "accuracy", "hold",
          "resolution", "closing", "dead-air", "handle-time")  # fmt: skip
FATAL_CHECKS = ("data-before-verification", "never-repeat", "rude-language")
MOOD_MIN, MOOD_MAX = -2, 2
DEAD_AIR_SECONDS = {"voice": 8.0, "chat": 20.0, "email": 0.0}
GAP_WORDS = 4  # "..." in a phrase stands for up to this many words
ACCURACY_WINDOW = 4  # a number this many tokens after a fact's label is a statement of it
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ANY, _GAP = "*", "..."
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_ZERO_CENTS_RE = re.compile(r"(?<=\d)\.00\b")


class CallQAError(ValueError):
    """Simulator content or input is invalid; `problems` lists every problem found."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


class ScenarioError(CallQAError):
    """A scenario is invalid."""


class MovesError(CallQAError):
    """The move lexicon is invalid."""


class ScorecardError(CallQAError):
    """The scorecard is invalid."""


class TranscriptError(CallQAError):
    """A transcript is invalid."""


# --- scenarios ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """Something the agent must discover or state; `value` as the scenario writes it."""

    key: str
    label: str
    value: str
    aliases: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    sensitive: bool = False
    never_repeat: bool = False
    state: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "aliases": list(self.aliases),
            "accept": list(self.accept),
            "sensitive": self.sensitive,
            "never_repeat": self.never_repeat,
            "state": self.state,
        }


@dataclass(frozen=True)
class Persona:
    name: str
    mood_start: int
    traits: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verification:
    required: bool = False
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Policy:
    key: str
    text: str


@dataclass(frozen=True)
class Transition:
    """Where a move leads: the next node, a mood change and the facts the customer reveals."""

    next: str
    mood: int = 0
    reveals: tuple[str, ...] = ()
    requires_verification: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "next": self.next,
            "mood": self.mood,
            "reveals": list(self.reveals),
            "requires_verification": self.requires_verification,
        }


@dataclass(frozen=True)
class Node:
    """One step of the script: the customer's line (variants) and the agent moves it handles."""

    id: str
    customer: tuple[str, ...]
    on: Mapping[str, Transition]
    default: Transition | None = None
    end: bool = False
    outcome: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer": list(self.customer),
            "on": {move: t.to_dict() for move, t in self.on.items()},
            "default": None if self.default is None else self.default.to_dict(),
            "end": self.end,
            "outcome": self.outcome,
        }


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    tracks: tuple[str, ...]
    channel: str
    summary: str
    brand: str
    persona: Persona
    facts: tuple[Fact, ...]
    verification: Verification
    policy: tuple[Policy, ...]
    target_handle_seconds: int
    start: str
    nodes: Mapping[str, Node]
    agent_name_hint: str = ""

    def fact(self, key: str) -> Fact:
        """The fact with this key (KeyError when there is none)."""
        for fact in self.facts:
            if fact.key == key:
                return fact
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "tracks": list(self.tracks),
            "channel": self.channel,
            "summary": self.summary,
            "brand": self.brand,
            "agent_name_hint": self.agent_name_hint,
            "persona": {
                "name": self.persona.name,
                "mood_start": self.persona.mood_start,
                "traits": list(self.persona.traits),
            },
            "facts": [f.to_dict() for f in self.facts],
            "verification": {
                "required": self.verification.required,
                "fields": list(self.verification.fields),
            },
            "policy": [{"key": p.key, "text": p.text} for p in self.policy],
            "target_handle_seconds": self.target_handle_seconds,
            "start": self.start,
            "nodes": {key: node.to_dict() for key, node in self.nodes.items()},
        }


_SCENARIO_KEYS = frozenset({"id", "title", "tracks", "channel", "summary", "brand",
                            "agent_name_hint", "persona", "facts", "verification", "policy",
                            "target_handle_seconds", "start", "nodes"})  # fmt: skip
_FACT_KEYS = frozenset({"key", "label", "aliases", "value", "accept", "sensitive",
                        "never_repeat", "state"})  # fmt: skip
_NODE_KEYS = frozenset({"customer", "on", "default", "end", "outcome"})
_TRANSITION_KEYS = frozenset({"next", "mood", "reveals", "requires_verification"})


def _unknown(
    raw: Mapping[Any, Any], known: frozenset[str], where: str, problems: list[str]
) -> None:
    extra = sorted(str(k) for k in raw if k not in known)
    if extra:
        problems.append(f"{where}: unknown field(s) {', '.join(extra)}")


def _flag(raw: Mapping[Any, Any], name: str, where: str, problems: list[str]) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        problems.append(f"{where}: {name} must be true or false")
        return False
    return value


def _key(value: Any, where: str, name: str, problems: list[str]) -> str:
    if not isinstance(value, str) or not KEY_RE.match(value):
        problems.append(f"{where}: {name} must be lower-case words joined by hyphens")
        return "" if not isinstance(value, str) else value
    return value


def _mood(value: Any, where: str, problems: list[str]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
        problems.append(f"{where}: mood must be a whole number from -2 to 2")
        return 0
    return value


def _value(value: Any, where: str, problems: list[str]) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
        problems.append(f"{where}: value is required (quote it)")
        return ""
    return str(value).strip()


def _parse_fact(number: int, raw: Any, problems: list[str]) -> Fact | None:
    where = f"fact {number}"
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    key = _key(raw.get("key"), where, "key", problems)
    where = f"fact {key or number}"
    _unknown(raw, _FACT_KEYS, where, problems)
    never_repeat = _flag(raw, "never_repeat", where, problems)
    return Fact(
        key=key,
        label=checked_text(raw.get("label"), where, "label", problems),
        value=_value(raw.get("value"), where, problems),
        aliases=checked_texts(raw.get("aliases"), where, "aliases", problems),
        accept=checked_texts(raw.get("accept"), where, "accept", problems),
        sensitive=_flag(raw, "sensitive", where, problems) or never_repeat,
        never_repeat=never_repeat,
        state=_flag(raw, "state", where, problems),
    )


def _parse_transition(raw: Any, here: str, where: str, problems: list[str]) -> Transition:
    if isinstance(raw, str):
        return Transition(next=raw)
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a node id or a mapping with next, mood, reveals")
        return Transition(next=here)
    _unknown(raw, _TRANSITION_KEYS, where, problems)
    target = raw.get("next", here)
    if not isinstance(target, str):
        problems.append(f"{where}: next must be a node id")
        target = here
    return Transition(
        next=target,
        mood=_mood(raw.get("mood", 0), where, problems),
        reveals=checked_texts(raw.get("reveals"), where, "reveals", problems),
        requires_verification=_flag(raw, "requires_verification", where, problems),
    )


def _parse_node(node_id: str, raw: Any, problems: list[str]) -> Node | None:
    where = f"node {node_id}"
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    if True in raw:  # PyYAML (YAML 1.1) reads a bare `on:` key as the boolean true
        raw = {("on" if k is True else k): v for k, v in raw.items()}
    _unknown(raw, _NODE_KEYS, where, problems)
    customer = raw.get("customer")
    lines: tuple[str, ...] = ()
    if isinstance(customer, str) and customer.strip():
        lines = (customer.strip(),)
    elif isinstance(customer, list) and customer:
        lines = checked_texts(customer, where, "customer", problems)
    else:
        problems.append(f"{where}: customer must be a line or a list of lines")
    end = _flag(raw, "end", where, problems)
    raw_on = raw.get("on") or {}
    on: dict[str, Transition] = {}
    if not isinstance(raw_on, Mapping):
        problems.append(f"{where}: on must map moves to transitions")
        raw_on = {}
    for move, item in raw_on.items():
        if move not in MOVES:
            problems.append(f"{where}: unknown move {move!r}; use one of {', '.join(MOVES)}")
            continue
        on[move] = _parse_transition(item, node_id, f"{where} on {move}", problems)
    default = None
    if raw.get("default") is not None:
        default = _parse_transition(raw["default"], node_id, f"{where} default", problems)
    outcome = raw.get("outcome")
    if end:
        if outcome not in OUTCOMES:
            problems.append(f"{where}: an end node needs outcome: {' | '.join(OUTCOMES)}")
            outcome = None
        if on or default is not None:
            problems.append(f"{where}: an end node cannot have on or default")
    else:
        if outcome is not None:
            problems.append(f"{where}: only end nodes have an outcome")
            outcome = None
        if not on and default is None:
            problems.append(f"{where}: needs at least one transition (on or default) or end: true")
    return Node(id=node_id, customer=lines, on=on, default=default, end=end, outcome=outcome)


def _successors(node: Node) -> tuple[str, ...]:
    targets = [t.next for t in node.on.values()]
    targets.append(node.default.next if node.default is not None else node.id)
    return tuple(targets)


def _check_graph(start: str, nodes: Mapping[str, Node], problems: list[str]) -> None:
    for node in nodes.values():
        for move, transition in [*node.on.items(), ("default", node.default)]:
            if transition is not None and transition.next not in nodes:
                label = "default" if move == "default" else f"on {move}"
                problems.append(
                    f"node {node.id} {label}: next node {transition.next!r} does not exist"
                )
    if start not in nodes:
        problems.append(f"start: node {start!r} does not exist")
        return
    reachable = {start}
    todo = [start]
    while todo:
        for target in _successors(nodes[todo.pop()]):
            if target in nodes and target not in reachable:
                reachable.add(target)
                todo.append(target)
    for node_id in nodes:
        if node_id not in reachable:
            problems.append(f"node {node_id}: is never reached from start")
    ending = {n for n, node in nodes.items() if node.end}
    changed = True
    while changed:
        changed = False
        for node_id, node in nodes.items():
            if node_id not in ending and any(t in ending for t in _successors(node)):
                ending.add(node_id)
                changed = True
    for node_id in sorted(reachable - ending):
        problems.append(f"node {node_id}: no path from it reaches an end node (a dead loop)")
    if not any(n.outcome == "resolved" for n in nodes.values()):
        problems.append("nodes: at least one end node needs outcome: resolved")


def parse_scenario(raw: Any) -> Scenario:
    """Parsed scenario content (a mapping) as a `Scenario`; ScenarioError lists every problem."""
    if not isinstance(raw, Mapping):
        raise ScenarioError(["a scenario must be a mapping (see the simulator README)"])
    problems: list[str] = []
    _unknown(raw, _SCENARIO_KEYS, "scenario", problems)
    scenario_id = _key(raw.get("id"), "scenario", "id", problems)
    tracks = checked_texts(raw.get("tracks"), "scenario", "tracks", problems)
    if not tracks:
        problems.append("scenario: tracks must list at least one track")
    for track in tracks:
        if track not in TRACKS:
            problems.append(f"scenario: unknown track {track!r}; use one of {', '.join(TRACKS)}")
    channel = raw.get("channel")
    if channel not in CHANNELS:
        problems.append(f"scenario: channel must be one of {', '.join(CHANNELS)}")
        channel = "chat"
    persona_raw = raw.get("persona")
    if not isinstance(persona_raw, Mapping):
        problems.append("persona: must be a mapping with name, mood_start and traits")
        persona_raw = {}
    persona = Persona(
        name=checked_text(persona_raw.get("name"), "persona", "name", problems),
        mood_start=_mood(persona_raw.get("mood_start"), "persona", problems),
        traits=checked_texts(persona_raw.get("traits"), "persona", "traits", problems),
    )
    raw_facts = raw.get("facts")
    if not isinstance(raw_facts, list):
        problems.append("facts: must be a list (it may be empty)")
        raw_facts = []
    parsed = (_parse_fact(n, item, problems) for n, item in enumerate(raw_facts, 1))
    facts = tuple(f for f in parsed if f is not None)
    fact_keys = [f.key for f in facts]
    for key in sorted({k for k in fact_keys if k and fact_keys.count(k) > 1}):
        problems.append(f"facts: key {key!r} appears twice")
    verification = _parse_verification(raw.get("verification"), set(fact_keys), problems)
    policy = _parse_policy(raw.get("policy"), problems)
    target = raw.get("target_handle_seconds")
    if isinstance(target, bool) or not isinstance(target, int) or target <= 0:
        problems.append("scenario: target_handle_seconds must be a whole number above 0")
        target = 1
    raw_nodes = raw.get("nodes")
    nodes: dict[str, Node] = {}
    if not isinstance(raw_nodes, Mapping) or not raw_nodes:
        problems.append("nodes: must map node ids to nodes")
        raw_nodes = {}
    for node_id, item in raw_nodes.items():
        _key(node_id, f"node {node_id}", "its id", problems)
        node = _parse_node(str(node_id), item, problems)
        if node is not None:
            nodes[str(node_id)] = node
            for move, transition in [*node.on.items(), ("default", node.default)]:
                for key in transition.reveals if transition is not None else ():
                    if key not in fact_keys:
                        problems.append(f"node {node_id} {move}: reveals unknown fact {key!r}")
    start = raw.get("start")
    if not isinstance(start, str):
        problems.append("scenario: start must name the first node")
        start = ""
    elif raw_nodes:
        _check_graph(start, nodes, problems)
    title = checked_text(raw.get("title"), "scenario", "title", problems)
    summary = checked_text(raw.get("summary"), "scenario", "summary", problems)
    brand = checked_text(raw.get("brand"), "scenario", "brand", problems)
    hint = checked_text(
        raw.get("agent_name_hint"), "scenario", "agent_name_hint", problems, required=False
    )
    if problems:
        raise ScenarioError(problems)
    return Scenario(
        id=scenario_id,
        title=title,
        tracks=tracks,
        channel=str(channel),
        summary=summary,
        brand=brand,
        persona=persona,
        facts=facts,
        verification=verification,
        policy=policy,
        target_handle_seconds=int(target),
        start=start,
        nodes=nodes,
        agent_name_hint=hint,
    )


def _parse_verification(raw: Any, fact_keys: set[str], problems: list[str]) -> Verification:
    if raw is None:
        return Verification()
    if not isinstance(raw, Mapping):
        problems.append("verification: must be a mapping with required and fields")
        return Verification()
    _unknown(raw, frozenset({"required", "fields"}), "verification", problems)
    required = _flag(raw, "required", "verification", problems)
    fields = checked_texts(raw.get("fields"), "verification", "fields", problems)
    for key in fields:
        if key not in fact_keys:
            problems.append(f"verification: field {key!r} is not a fact key")
    if required and not fields:
        problems.append("verification: required needs at least one field")
    return Verification(required=required, fields=fields)


def _parse_policy(raw: Any, problems: list[str]) -> tuple[Policy, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append("policy: must be a list of key and text")
        return ()
    policy: list[Policy] = []
    for number, item in enumerate(raw, 1):
        where = f"policy {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be a mapping with key and text")
            continue
        policy.append(
            Policy(
                key=_key(item.get("key"), where, "key", problems),
                text=checked_text(item.get("text"), where, "text", problems),
            )
        )
    keys = [p.key for p in policy]
    for key in sorted({k for k in keys if k and keys.count(k) > 1}):
        problems.append(f"policy: key {key!r} appears twice")
    return tuple(policy)


def _read_yaml(path: Path, error: type[CallQAError]) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise error([f"{path}: cannot read it ({exc.__class__.__name__})"]) from exc
    except yaml.YAMLError as exc:
        raise error([f"{path}: not valid YAML ({exc})"]) from exc


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in a YAML file; its id must equal the file's name without `.yaml`."""
    path = Path(path)
    try:
        scenario = parse_scenario(_read_yaml(path, ScenarioError))
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {p}" for p in exc.problems) from exc
    if scenario.id != path.stem:
        raise ScenarioError([f"{path.name}: id {scenario.id!r} must equal the file name"])
    return scenario


def load_scenarios(directory: str | Path = SCENARIOS_DIR) -> tuple[Scenario, ...]:
    """Every scenario in a folder (`*.yaml`), by id; ScenarioError lists every file's problems."""
    scenarios: list[Scenario] = []
    problems: list[str] = []
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            scenarios.append(load_scenario(path))
        except ScenarioError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ScenarioError(problems)
    return tuple(sorted(scenarios, key=lambda s: s.id))


# --- recognising moves ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One phrase (lemma parts, "*" and "...") or one compiled regex, with its source text."""

    source: str
    parts: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Cue:
    """How one move, marker or the rude list is recognised, with its test examples."""

    name: str
    patterns: tuple[Pattern, ...]
    examples: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()


@dataclass(frozen=True)
class MoveLexicon:
    version: str
    moves: Mapping[str, Cue]
    markers: Mapping[str, Cue]
    rude: Cue

    def cues(self) -> tuple[tuple[str, Cue], ...]:
        """Every cue with its kind ("move", "marker" or "rude"), moves first."""
        return (
            *(("move", cue) for cue in self.moves.values()),
            *(("marker", cue) for cue in self.markers.values()),
            ("rude", self.rude),
        )


@dataclass(frozen=True)
class MoveHit:
    """A cue found in a text: `text` is normalised_text[start:end], matched by `pattern`."""

    move: str
    kind: str
    pattern: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class _Text:
    """A text prepared for matching: normalised, its tokens with spans, and their lemmas."""

    normal: str
    stems: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def _prepare(text: str) -> _Text:
    normal = normalise(text)
    found = tokens(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token in found:
        at = normal.find(token, cursor)
        amp = normal.find("&", cursor) if token == "and" else -1  # noqa: S105
        if amp != -1 and (at == -1 or amp < at):
            at, size = amp, 1
        else:
            size = len(token)
        spans.append((at, at + size))
        cursor = at + size
    return _Text(normal, lemmas(found), tuple(spans))


def _phrase_parts(phrase: str) -> tuple[str, ...]:
    parts: list[str] = []
    for chunk in phrase.split():
        if chunk in (_ANY, _GAP):
            parts.append(chunk)
        else:
            parts.extend(lemmas(tokens(chunk)))
    return tuple(parts)


def _match_at(parts: Sequence[str], stems: Sequence[str], i: int) -> int | None:
    """The end index when `parts` match `stems` from index i, else None."""
    if not parts:
        return i
    head, rest = parts[0], parts[1:]
    if head == _GAP:
        for skip in range(GAP_WORDS + 1):
            if skip and (i + skip > len(stems) or not is_word(stems[i + skip - 1])):
                return None
            end = _match_at(rest, stems, i + skip)
            if end is not None:
                return end
        return None
    if i >= len(stems) or not (stems[i] == head or (head == _ANY and is_word(stems[i]))):
        return None
    return _match_at(rest, stems, i + 1)


def _find(pattern: Pattern, text: _Text) -> tuple[int, int] | None:
    """The character span of the first match of `pattern` in the prepared text."""
    if pattern.regex is not None:
        match = pattern.regex.search(text.normal)
        return None if match is None else (match.start(), match.end())
    for i in range(len(text.stems)):
        end = _match_at(pattern.parts, text.stems, i)
        if end is not None:
            return text.spans[i][0], text.spans[end - 1][1]
    return None


def _recognise(text: _Text, lexicon: MoveLexicon) -> tuple[MoveHit, ...]:
    hits: list[MoveHit] = []
    for kind, cue in lexicon.cues():
        for pattern in cue.patterns:
            span = _find(pattern, text)
            if span is not None:
                start, end = span
                hits.append(MoveHit(cue.name, kind, pattern.source, start, end,
                                    text.normal[start:end]))  # fmt: skip
    return tuple(hits)


def recognise(text: str, lexicon: MoveLexicon) -> tuple[MoveHit, ...]:
    """Every move, marker and rude phrase in `text`: one hit per phrase or pattern that matched
    (its first occurrence), moves first, in lexicon order. Spans index the normalised text."""
    return _recognise(_prepare(text), lexicon)


def _parse_cue(name: str, raw: Any, where: str, problems: list[str]) -> Cue:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping with phrases, patterns, examples, must_not")
        return Cue(name, ())
    _unknown(raw, frozenset({"phrases", "patterns", "examples", "must_not"}), where, problems)
    patterns: list[Pattern] = []
    for phrase in checked_texts(raw.get("phrases"), where, "phrases", problems):
        parts = _phrase_parts(phrase)
        if not parts or not is_word(parts[0]) or parts[0] == _ANY:
            problems.append(f"{where}: phrase {phrase!r} must start with a word")
        else:
            patterns.append(Pattern(phrase, parts=parts))
    for source in checked_texts(raw.get("patterns"), where, "patterns", problems):
        try:
            patterns.append(Pattern(source, regex=re.compile(source)))
        except re.error as exc:
            problems.append(f"{where}: pattern {source!r} is not a valid regex ({exc})")
    if not patterns:
        problems.append(f"{where}: needs at least one phrase or pattern")
    return Cue(
        name=name,
        patterns=tuple(patterns),
        examples=checked_texts(raw.get("examples"), where, "examples", problems),
        must_not=checked_texts(raw.get("must_not"), where, "must_not", problems),
    )


def _parse_cues(raw: Any, names: Sequence[str], section: str,
                problems: list[str]) -> dict[str, Cue]:  # fmt: skip
    if not isinstance(raw, Mapping):
        problems.append(f"{section}: must map {', '.join(names)} to their phrases")
        return {}
    cues: dict[str, Cue] = {}
    for name in raw:
        if name not in names:
            problems.append(f"{section}: unknown entry {name!r}; use {', '.join(names)}")
    for name in names:
        if name not in raw:
            problems.append(f"{section}: {name} is missing")
        else:
            cues[name] = _parse_cue(name, raw[name], f"{section} {name}", problems)
    return cues


def parse_moves(raw: Any) -> MoveLexicon:
    """Parsed `moves.yaml` content as a `MoveLexicon`; MovesError lists every problem,
    including any example the lexicon does not recognise as its entry, and any `must_not`
    text it does."""
    if not isinstance(raw, Mapping):
        raise MovesError(["the move lexicon must be a mapping with moves, markers and rude"])
    problems: list[str] = []
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int | str) or version == "":
        problems.append("version: required (a number or text)")
    moves = _parse_cues(raw.get("moves"), MOVES, "moves", problems)
    markers = _parse_cues(raw.get("markers"), MARKERS, "markers", problems)
    rude = _parse_cue(RUDE, raw.get("rude"), "rude", problems)
    if problems:
        raise MovesError(problems)
    lexicon = MoveLexicon(str(version), moves, markers, rude)
    for kind, cue in lexicon.cues():
        label = cue.name if kind == "rude" else f"{kind}s {cue.name}"
        for example in cue.examples:
            if not any(h.move == cue.name for h in recognise(example, lexicon)):
                problems.append(f"{label}: example {example!r} is not recognised")
        for example in cue.must_not:
            found = [h for h in recognise(example, lexicon) if h.move == cue.name]
            if found:
                problems.append(
                    f"{label}: must_not {example!r} is recognised (by {found[0].pattern!r})"
                )
    if problems:
        raise MovesError(problems)
    return lexicon


def load_moves(path: str | Path = MOVES_PATH) -> MoveLexicon:
    """The move lexicon in a YAML file (by default the packaged one)."""
    return parse_moves(_read_yaml(Path(path), MovesError))


# --- the scorecard --------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreLine:
    key: str
    label: str
    section: str
    points: int
    check: str
    improve: str


@dataclass(frozen=True)
class FatalItem:
    key: str
    label: str
    check: str
    improve: str


@dataclass(frozen=True)
class Scorecard:
    version: str
    pass_mark: int
    hold_max_seconds: float
    dead_air_seconds: Mapping[str, float]
    lines: tuple[ScoreLine, ...]
    fatal: tuple[FatalItem, ...]
    sources: tuple[str, ...] = ()


def _number(value: Any, where: str, name: str, problems: list[str]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        problems.append(f"{where}: {name} must be a number of 0 or more")
        return 0.0
    return float(value)


def _parse_items(raw: Any, section: str, checks: Sequence[str], *, lines: bool,
                 problems: list[str]) -> list[dict[str, Any]]:  # fmt: skip
    if not isinstance(raw, list) or not raw:
        problems.append(f"{section}: must be a non-empty list")
        return []
    items: list[dict[str, Any]] = []
    for number, item in enumerate(raw, 1):
        where = f"{section} {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be a mapping")
            continue
        fields = {"key", "label", "check", "improve"} | ({"section", "points"} if lines else set())
        _unknown(item, frozenset(fields), where, problems)
        parsed: dict[str, Any] = {
            "key": _key(item.get("key"), where, "key", problems),
            "label": checked_text(item.get("label"), where, "label", problems),
            "improve": checked_text(item.get("improve"), where, "improve", problems),
            "check": item.get("check"),
        }
        if parsed["check"] not in checks:
            problems.append(f"{where}: check must be one of {', '.join(checks)}")
        if lines:
            parsed["section"] = checked_text(item.get("section"), where, "section", problems)
            points = item.get("points")
            if isinstance(points, bool) or not isinstance(points, int) or points <= 0:
                problems.append(f"{where}: points must be a whole number above 0")
                points = 0
            parsed["points"] = points
        items.append(parsed)
    for name in ("key", "check"):
        values = [i[name] for i in items if isinstance(i[name], str) and i[name]]
        for value in sorted({v for v in values if values.count(v) > 1}):
            problems.append(f"{section}: {name} {value!r} appears twice")
    return items


def parse_scorecard(raw: Any) -> Scorecard:
    """Parsed `scorecard.yaml` content as a `Scorecard`; ScorecardError lists every problem
    (unknown checks, repeated keys or checks, weights that do not add up to 100, ...)."""
    if not isinstance(raw, Mapping):
        raise ScorecardError(["the scorecard must be a mapping with lines and fatal"])
    problems: list[str] = []
    known = {"version", "sources", "pass_mark", "hold_max_seconds", "dead_air_seconds", "lines",
             "fatal"}  # fmt: skip
    _unknown(raw, frozenset(known), "scorecard", problems)
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int | str) or version == "":
        problems.append("version: required (a number or text)")
    pass_mark = raw.get("pass_mark")
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, int) or not 0 < pass_mark <= 100:
        problems.append("pass_mark: must be a whole number from 1 to 100")
        pass_mark = 0
    hold_max = _number(raw.get("hold_max_seconds"), "scorecard", "hold_max_seconds", problems)
    dead_raw = raw.get("dead_air_seconds")
    dead_air: dict[str, float] = {}
    if not isinstance(dead_raw, Mapping) or set(dead_raw) != set(CHANNELS):
        problems.append(f"dead_air_seconds: must give seconds for {', '.join(CHANNELS)}")
    else:
        for channel in CHANNELS:
            dead_air[channel] = _number(dead_raw[channel], "dead_air_seconds", channel, problems)
    line_items = _parse_items(raw.get("lines"), "lines", CHECKS, lines=True, problems=problems)
    fatal_items = _parse_items(raw.get("fatal"), "fatal", FATAL_CHECKS, lines=False,
                               problems=problems)  # fmt: skip
    total = sum(int(i["points"]) for i in line_items)
    if line_items and total != 100:
        problems.append(f"lines: points must add up to 100 (they add up to {total})")
    sources = checked_texts(raw.get("sources"), "scorecard", "sources", problems)
    if problems:
        raise ScorecardError(problems)
    return Scorecard(
        version=str(version),
        pass_mark=int(pass_mark),
        hold_max_seconds=hold_max,
        dead_air_seconds=dead_air,
        lines=tuple(ScoreLine(**i) for i in line_items),
        fatal=tuple(FatalItem(**i) for i in fatal_items),
        sources=sources,
    )


def load_scorecard(path: str | Path = SCORECARD_PATH) -> Scorecard:
    """The scorecard in a YAML file (by default the packaged one)."""
    return parse_scorecard(_read_yaml(Path(path), ScorecardError))


# --- transcripts and facts in text ----------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """One line of a transcript: who spoke, what, and when (seconds from the start)."""

    speaker: str
    text: str
    at: float

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, "at": self.at}


def parse_transcript(raw: Any) -> tuple[str | None, tuple[Turn, ...]]:
    """A transcript's scenario id (or None) and its turns; TranscriptError lists every problem.

    The format: `{"scenario": "id", "turns": [{"speaker": "agent", "text": "...", "at": 3.5}]}`
    with speakers agent, customer or system, times in seconds that never go back, and at
    least one agent turn.
    """
    if not isinstance(raw, Mapping):
        raise TranscriptError(["a transcript must be an object with turns"])
    problems: list[str] = []
    scenario = raw.get("scenario")
    if scenario is not None and not isinstance(scenario, str):
        problems.append("scenario: must be a scenario id")
        scenario = None
    raw_turns = raw.get("turns")
    if not isinstance(raw_turns, list) or not raw_turns:
        raise TranscriptError([*problems, "turns: must be a non-empty list"])
    turns: list[Turn] = []
    last = 0.0
    for number, item in enumerate(raw_turns):
        where = f"turn {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be an object with speaker, text and at")
            continue
        speaker, text, at = item.get("speaker"), item.get("text"), item.get("at")
        if speaker not in SPEAKERS:
            problems.append(f"{where}: speaker must be one of {', '.join(SPEAKERS)}")
        if not isinstance(text, str):
            problems.append(f"{where}: text must be a string")
        if isinstance(at, bool) or not isinstance(at, int | float) or at < 0:
            problems.append(f"{where}: at must be seconds from the start (0 or more)")
            at = last
        elif at < last:
            problems.append(f"{where}: at {at} is earlier than the turn before ({last})")
        last = max(last, float(at))
        turns.append(Turn(str(speaker), str(text), float(at)))
    if not any(t.speaker == "agent" for t in turns):
        problems.append("turns: there is no agent turn to score")
    if problems:
        raise TranscriptError(problems)
    return scenario, tuple(turns)


def _canon_stems(text: str) -> tuple[str, ...]:
    """Lemmas of a text with thousands commas and ".00" dropped, so 1,499.00 reads 1499."""
    return lemmas(tokens(_ZERO_CENTS_RE.sub("", _THOUSANDS_RE.sub("", normalise(text)))))


def _positions(phrase: Sequence[str], stems: Sequence[str]) -> list[int]:
    """Where `phrase` starts in `stems` (every occurrence)."""
    size = len(phrase)
    return [i for i in range(len(stems) - size + 1) if tuple(stems[i : i + size]) == tuple(phrase)]


@lru_cache(maxsize=4096)
def _forms(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(f for f in (_canon_stems(t) for t in texts) if f)


def _says_value(fact: Fact, stems: Sequence[str]) -> bool:
    return any(_positions(form, stems) for form in _forms((fact.value, *fact.accept)))


def _names(fact: Fact, stems: Sequence[str]) -> list[int]:
    """The token index just after each mention of the fact's label or an alias."""
    ends: list[int] = []
    for form in _forms((fact.label, *fact.aliases)):
        ends.extend(i + len(form) for i in _positions(form, stems))
    return sorted(ends)


def _mentions_brand(brand: str, stems: Sequence[str]) -> bool:
    return any(_positions(form, stems) for form in _forms((brand,)))


def _known_numbers(scenario: Scenario) -> frozenset[str]:
    texts = [p.text for p in scenario.policy]
    for fact in scenario.facts:
        texts.extend((fact.value, *fact.accept))
    return frozenset(t for text in texts for t in _canon_stems(text) if any(c.isdigit() for c in t))


def _wrong_number(fact: Fact, stems: Sequence[str], known: frozenset[str]) -> str | None:
    """A number said within ACCURACY_WINDOW tokens after the fact's label that is no known
    value (no fact's value and no number in the policy), when the turn does not say the
    fact's value; None when there is none."""
    if _says_value(fact, stems):
        return None
    for end in _names(fact, stems):
        for token in stems[end : end + ACCURACY_WINDOW]:
            if not is_word(token) and token != ",":  # noqa: S105 (a comma, not a password)
                break
            if any(c.isdigit() for c in token) and token not in known:
                return token
    return None


# --- the simulation engine ------------------------------------------------------------------


@dataclass(frozen=True)
class Hold:
    """A hold: the agent turn that started it and when it started and ended (None: still on)."""

    turn: int
    start: float
    end: float | None = None


@dataclass(frozen=True)
class DeadAir:
    """An agent turn that came `seconds` after the customer's last line (over the threshold)."""

    turn: int
    seconds: float


@dataclass(frozen=True)
class Simulation:
    """The state of a running simulation. Build one with `start`, advance it with
    `agent_says`; the transcript can be scored with `score` at any time."""

    scenario: Scenario
    lexicon: MoveLexicon
    node: str
    mood: int
    transcript: tuple[Turn, ...]
    revealed: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()
    holds: tuple[Hold, ...] = ()
    dead_air: tuple[DeadAir, ...] = ()
    last_moves: tuple[str, ...] = ()
    last_move: str | None = None
    dead_air_seconds: float = 0.0
    ended: bool = False
    outcome: str | None = None

    @property
    def verified(self) -> bool:
        """Whether every verification field has been asked for (True when none is needed)."""
        return set(self.scenario.verification.fields) <= set(self.asked)

    @property
    def on_hold(self) -> bool:
        return bool(self.holds) and self.holds[-1].end is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.id,
            "node": self.node,
            "mood": self.mood,
            "revealed": list(self.revealed),
            "asked": list(self.asked),
            "verified": self.verified,
            "on_hold": self.on_hold,
            "holds": [dataclasses.asdict(h) for h in self.holds],
            "dead_air": [dataclasses.asdict(d) for d in self.dead_air],
            "last_moves": list(self.last_moves),
            "last_move": self.last_move,
            "ended": self.ended,
            "outcome": self.outcome,
            "transcript": [t.to_dict() for t in self.transcript],
        }


def _line(node: Node, turn: int) -> str:
    return node.customer[turn % len(node.customer)]


def start(scenario: Scenario, lexicon: MoveLexicon, *,
          dead_air_seconds: float | None = None) -> Simulation:  # fmt: skip
    """A new simulation at the scenario's start node, with the customer's first line at 0 s.

    `dead_air_seconds` defaults to DEAD_AIR_SECONDS for the channel (0 turns it off); pass
    the scorecard's value to keep the two in step."""
    node = scenario.nodes[scenario.start]
    threshold = DEAD_AIR_SECONDS[scenario.channel] if dead_air_seconds is None else dead_air_seconds
    return Simulation(
        scenario=scenario,
        lexicon=lexicon,
        node=node.id,
        mood=scenario.persona.mood_start,
        transcript=(Turn("customer", _line(node, 0), 0.0),),
        dead_air_seconds=float(threshold),
        ended=node.end,
        outcome=node.outcome,
    )


def _asked(scenario: Scenario, moves: Iterable[str], stems: Sequence[str],
           asked: Sequence[str]) -> tuple[str, ...]:  # fmt: skip
    """`asked` plus every verification field this turn asks for (a verify move naming it)."""
    if "verify" not in moves:
        return tuple(asked)
    found = [
        key
        for key in scenario.verification.fields
        if key not in asked and _names(scenario.fact(key), stems)
    ]
    return (*asked, *found)


def agent_says(sim: Simulation, text: str, at_seconds: float) -> Simulation:
    """The simulation after the agent's turn `text` at `at_seconds` and the customer's reply.

    Raises ValueError when the simulation has ended or `at_seconds` is earlier than the last
    turn."""
    if sim.ended:
        raise ValueError("the simulation has ended")
    last = sim.transcript[-1].at
    if at_seconds < last:
        raise ValueError(f"at_seconds {at_seconds} is earlier than the last turn ({last})")
    at_seconds = float(at_seconds)
    hits = _recognise(_prepare(text), sim.lexicon)
    moves = tuple(dict.fromkeys(h.move for h in hits if h.kind == "move"))
    rude = any(h.kind == "rude" for h in hits)
    index = len(sim.transcript)
    holds = list(sim.holds)
    dead_air = sim.dead_air
    if sim.on_hold:
        holds[-1] = dataclasses.replace(holds[-1], end=at_seconds)
    else:
        gap = at_seconds - last
        if sim.dead_air_seconds and gap > sim.dead_air_seconds:
            dead_air = (*dead_air, DeadAir(index, round(gap, 3)))
    if "hold" in moves:
        holds.append(Hold(index, at_seconds))
    asked = _asked(sim.scenario, moves, _canon_stems(text), sim.asked)
    verified = set(sim.scenario.verification.fields) <= set(asked)
    node = sim.scenario.nodes[sim.node]
    chosen: str | None = None
    transition = node.default or Transition(next=node.id)
    for move in PRIORITY:
        option = node.on.get(move)
        if move in moves and option is not None:
            if option.requires_verification and not verified:
                continue
            chosen, transition = move, option
            break
    change = transition.mood - (1 if rude else 0)
    empathy = node.on.get("empathise")
    if "empathise" in moves and chosen != "empathise" and empathy is not None:
        change += max(0, empathy.mood)
    mood = max(MOOD_MIN, min(MOOD_MAX, sim.mood + change))
    revealed = tuple(dict.fromkeys((*sim.revealed, *transition.reveals)))
    target = sim.scenario.nodes[transition.next]
    agent_turns = sum(1 for t in sim.transcript if t.speaker == "agent")
    reply = Turn("customer", _line(target, agent_turns + 1), at_seconds)
    return dataclasses.replace(
        sim,
        node=target.id,
        mood=mood,
        transcript=(*sim.transcript, Turn("agent", text, at_seconds), reply),
        revealed=revealed,
        asked=asked,
        holds=tuple(holds),
        dead_air=dead_air,
        last_moves=moves,
        last_move=chosen,
        ended=target.end,
        outcome=target.outcome,
    )


# --- scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Why points were earned or lost; `turn` is the transcript index, None for the call."""

    turn: int | None
    earned: bool
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"turn": self.turn, "earned": self.earned, "why": self.why}


@dataclass(frozen=True)
class LineScore:
    key: str
    label: str
    section: str
    points: float
    max: int
    applicable: bool
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "section": self.section,
            "points": self.points,
            "max": self.max,
            "applicable": self.applicable,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class FatalHit:
    key: str
    label: str
    turn: int
    why: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class QAScore:
    scenario: str
    total: float
    raw_total: float
    pass_mark: int
    passed: bool
    lines: tuple[LineScore, ...]
    fatal: tuple[FatalHit, ...]
    handle_seconds: float
    target_handle_seconds: int
    improvements: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "total": self.total,
            "raw_total": self.raw_total,
            "max": 100,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "lines": [line.to_dict() for line in self.lines],
            "fatal": [f.to_dict() for f in self.fatal],
            "handle_seconds": self.handle_seconds,
            "target_handle_seconds": self.target_handle_seconds,
            "improvements": list(self.improvements),
        }


@dataclass(frozen=True)
class _AgentTurn:
    index: int
    turn: Turn
    stems: tuple[str, ...]
    moves: frozenset[str]
    markers: frozenset[str]
    hits: tuple[MoveHit, ...]


@dataclass(frozen=True)
class _Call:
    """Everything the checks need, computed once per transcript."""

    scenario: Scenario
    scorecard: Scorecard
    turns: tuple[Turn, ...]
    agent: tuple[_AgentTurn, ...]
    asked_at: Mapping[str, int]  # verification field -> the agent turn that asked for it
    verified_at: int | None  # the turn after which every field had been asked
    first_action: int | None  # the first explanation, offer or sensitive value
    known_numbers: frozenset[str]

    def first(self, name: str, kind: str = "move") -> _AgentTurn | None:
        for agent in self.agent:
            if name in (agent.moves if kind == "move" else agent.markers):
                return agent
        return None


def _hit_text(agent: _AgentTurn, name: str) -> str:
    hit = next(h for h in agent.hits if h.move == name)
    return f"{hit.text!r}"


def _build_call(scenario: Scenario, turns: Sequence[Turn], scorecard: Scorecard,
                lexicon: MoveLexicon) -> _Call:  # fmt: skip
    agent: list[_AgentTurn] = []
    asked: tuple[str, ...] = ()
    asked_at: dict[str, int] = {}
    verified_at: int | None = -1 if not scenario.verification.fields else None
    first_action: int | None = None
    sensitive = [f for f in scenario.facts if f.sensitive]
    for index, turn in enumerate(turns):
        if turn.speaker != "agent":
            continue
        hits = recognise(turn.text, lexicon)
        stems = _canon_stems(turn.text)
        moves = frozenset(h.move for h in hits if h.kind == "move")
        markers = frozenset(h.move for h in hits if h.kind != "move")
        agent.append(_AgentTurn(index, turn, stems, moves, markers, hits))
        if first_action is None and (
            moves & {"explain", "offer"} or any(_says_value(f, stems) for f in sensitive)
        ):
            first_action = index
        for key in _asked(scenario, moves, stems, asked)[len(asked) :]:
            asked_at[key] = index
        asked = tuple(asked_at)
        if verified_at is None and set(scenario.verification.fields) <= set(asked):
            verified_at = index
    return _Call(scenario, scorecard, tuple(turns), tuple(agent), asked_at, verified_at,
                 first_action, _known_numbers(scenario))  # fmt: skip


def _check_opening(call: _Call) -> tuple[float, bool, list[Evidence]]:
    opening = call.agent[:2]
    found: list[Evidence] = []
    brand = call.scenario.brand
    checks = (
        ("a greeting", [a for a in opening if "greet" in a.moves]),
        (f"the brand ({brand})", [a for a in opening if _mentions_brand(brand, a.stems)]),
        ("your own name", [a for a in opening if "own-name" in a.markers]),
    )
    for what, matching in checks:
        where = matching[0] if matching else None
        if where is None:
            found.append(Evidence(opening[0].index if opening else None, False,
                                  f"no {what} in the opening"))  # fmt: skip
        else:
            found.append(Evidence(where.index, True, f"{what} in the opening"))
    earned = sum(1 for e in found if e.earned)
    return earned / 3, True, found


def _check_verification(call: _Call) -> tuple[float, bool, list[Evidence]]:
    scenario = call.scenario
    if not scenario.verification.required:
        return 1.0, False, [Evidence(None, True, "no verification is needed in this scenario")]
    found: list[Evidence] = []
    credit = 0.0
    for key in scenario.verification.fields:
        label = scenario.fact(key).label
        at = call.asked_at.get(key)
        if at is None:
            found.append(Evidence(None, False, f"never asked for the {label}"))
        elif call.first_action is not None and at > call.first_action:
            credit += 0.5
            why = f"asked for the {label} only after account details were discussed"
            found.append(Evidence(at, False, f"{why} (turn {call.first_action})"))
        else:
            credit += 1
            found.append(Evidence(at, True, f"asked for the {label} first"))
    return credit / len(scenario.verification.fields), True, found


def _check_empathy(call: _Call) -> tuple[float, bool, list[Evidence]]:
    found: list[Evidence] = []
    for name, kind, what in (("empathise", "move", "empathy statement"),
                             ("ownership", "marker", "ownership statement")):  # fmt: skip
        where = call.first(name, kind)
        if where is None:
            found.append(Evidence(None, False, f"no {what}"))
        else:
            found.append(Evidence(where.index, True, f"{what}: {_hit_text(where, name)}"))
    return sum(0.5 for e in found if e.earned), True, found


def _check_probing(call: _Call) -> tuple[float, bool, list[Evidence]]:
    probes = [
        a
        for a in call.agent[1:]
        if "probe" in a.moves and not a.moves & {"verify", "hold", "close", "transfer"}
    ]
    if not probes:
        return 0.0, True, [Evidence(None, False, "no probing question about the problem")]
    first = probes[0]
    if call.first_action is None or first.index < call.first_action:
        return 1.0, True, [Evidence(first.index, True, f"probed: {_hit_text(first, 'probe')}")]
    why = f"probed only after explaining or offering (turn {call.first_action})"
    return 0.5, True, [Evidence(first.index, False, why)]


def _check_accuracy(call: _Call) -> tuple[float, bool, list[Evidence]]:
    facts = [f for f in call.scenario.facts if f.state]
    if not facts:
        return 1.0, False, [Evidence(None, True, "no figures to state in this scenario")]
    found: list[Evidence] = []
    correct: set[str] = set()
    wrong = False
    for agent in call.agent:
        for fact in facts:
            number = _wrong_number(fact, agent.stems, call.known_numbers)
            if number is not None:
                wrong = True
                why = f"said {number} for the {fact.label}; it is {fact.value}"
                found.append(Evidence(agent.index, False, why))
            elif fact.key not in correct and _says_value(fact, agent.stems):
                correct.add(fact.key)
                found.append(Evidence(agent.index, True, f"stated the {fact.label} correctly"))
    for fact in facts:
        if fact.key not in correct:
            found.append(Evidence(None, False, f"never stated the {fact.label} ({fact.value})"))
    return (0.0 if wrong else len(correct) / len(facts)), True, found


def _check_hold(call: _Call) -> tuple[float, bool, list[Evidence]]:
    holds = [(n, a) for n, a in enumerate(call.agent) if "hold" in a.moves]
    if not holds:
        return 1.0, False, [Evidence(None, True, "no hold on this call")]
    found: list[Evidence] = []
    for n, agent in holds:
        back = call.agent[n + 1] if n + 1 < len(call.agent) else None
        found.append(Evidence(agent.index, "hold-permission" in agent.markers,
                              "asked permission to hold" if "hold-permission" in agent.markers
                              else "put the customer on hold without asking"))  # fmt: skip
        found.append(Evidence(agent.index, "hold-time" in agent.markers,
                              "said how long the hold would be" if "hold-time" in agent.markers
                              else "gave no time for the hold"))  # fmt: skip
        if back is None:
            found.append(Evidence(agent.index, False, "never came back from the hold"))
            found.append(Evidence(agent.index, False, "the hold never ended"))
            continue
        thanked = "hold-return" in back.markers
        found.append(Evidence(back.index, thanked, "thanked the customer for holding" if thanked
                              else "did not thank the customer for holding"))  # fmt: skip
        seconds = back.turn.at - agent.turn.at
        short = seconds <= call.scorecard.hold_max_seconds
        found.append(Evidence(back.index, short, f"hold of {seconds:g} s "
                              f"({'within' if short else 'over'} "
                              f"{call.scorecard.hold_max_seconds:g} s)"))  # fmt: skip
    return sum(1 for e in found if e.earned) / len(found), True, found


def _check_resolution(call: _Call) -> tuple[float, bool, list[Evidence]]:
    found: list[Evidence] = []
    action = next((a for a in call.agent if a.moves & {"explain", "offer", "transfer"}), None)
    if action is None:
        found.append(Evidence(None, False, "no explanation, offer or transfer"))
    else:
        moves = ", ".join(m for m in ("explain", "offer", "transfer") if m in action.moves)
        found.append(Evidence(action.index, True, f"resolution step ({moves})"))
    steps = call.first("next-steps", "marker")
    if steps is None:
        found.append(Evidence(None, False, "no next steps (what happens, when, a reference)"))
    else:
        found.append(Evidence(steps.index, True, f"next steps: {_hit_text(steps, 'next-steps')}"))
    return sum(0.5 for e in found if e.earned), True, found


def _check_closing(call: _Call) -> tuple[float, bool, list[Evidence]]:
    last = call.agent[-2:]
    found: list[Evidence] = []
    for name, what in (
        ("further-help", "offered further help"),
        ("thanks", "thanked the customer"),
    ):
        where = next((a for a in last if name in a.markers), None)
        if where is None:
            turn = last[-1].index if last else None
            found.append(Evidence(turn, False, f"the close never {what}"))
        else:
            found.append(Evidence(where.index, True, f"{what} at the close"))
    return sum(0.5 for e in found if e.earned), True, found


def _check_dead_air(call: _Call) -> tuple[float, bool, list[Evidence]]:
    threshold = call.scorecard.dead_air_seconds.get(call.scenario.channel, 0.0)
    if not threshold:
        return 1.0, False, [Evidence(None, True, f"not timed on {call.scenario.channel}")]
    found: list[Evidence] = []
    on_hold = False
    by_index = {a.index: a for a in call.agent}
    for index, turn in enumerate(call.turns):
        if turn.speaker != "agent":
            continue
        previous = call.turns[index - 1] if index else None
        if previous is not None and previous.speaker == "customer" and not on_hold:
            gap = turn.at - previous.at
            if gap > threshold:
                found.append(Evidence(index, False, f"{gap:g} s of dead air before this reply "
                                                    f"(over {threshold:g} s)"))  # fmt: skip
        on_hold = "hold" in by_index[index].moves
    if not found:
        return 1.0, True, [Evidence(None, True, f"every reply within {threshold:g} s")]
    return (0.5 if len(found) == 1 else 0.0), True, found


def _handle_seconds(turns: Sequence[Turn]) -> float:
    return round(turns[-1].at - turns[0].at, 3) if turns else 0.0


def _check_handle_time(call: _Call) -> tuple[float, bool, list[Evidence]]:
    seconds = _handle_seconds(call.turns)
    target = call.scenario.target_handle_seconds
    if seconds <= target:
        return 1.0, True, [Evidence(None, True, f"handled in {seconds:g} s (target {target} s)")]
    share = 0.5 if seconds <= 1.5 * target else 0.0
    return share, True, [Evidence(None, False, f"handled in {seconds:g} s (target {target} s)")]


_CHECKS = {
    "opening": _check_opening,
    "verification": _check_verification,
    "empathy-ownership": _check_empathy,
    "probing": _check_probing,
    "accuracy": _check_accuracy,
    "hold": _check_hold,
    "resolution": _check_resolution,
    "closing": _check_closing,
    "dead-air": _check_dead_air,
    "handle-time": _check_handle_time,
}


def _fatal(call: _Call, item: FatalItem) -> list[FatalHit]:
    hits: list[FatalHit] = []
    for agent in call.agent:
        why = ""
        if item.check == "rude-language":
            rude = [h for h in agent.hits if h.kind == "rude"]
            why = f"rude language: {rude[0].text!r}" if rude else ""
        elif item.check == "never-repeat":
            said = [
                f for f in call.scenario.facts if f.never_repeat and _says_value(f, agent.stems)
            ]
            why = f"repeated the {said[0].label}" if said else ""
        else:
            before = call.verified_at is None or agent.index <= call.verified_at
            said = [f for f in call.scenario.facts if f.sensitive and _says_value(f, agent.stems)]
            if before and said and call.scenario.verification.required:
                why = f"gave the {said[0].label} before verification was complete"
        if why:
            hits.append(FatalHit(item.key, item.label, agent.index, why))
    return hits


def score(scenario: Scenario, transcript: Sequence[Turn], scorecard: Scorecard,
          lexicon: MoveLexicon) -> QAScore:  # fmt: skip
    """The QA score of a transcript on the scorecard (see the module docstring for the rules).

    Points per line are rounded to one decimal; a fatal item sets the total to 0."""
    call = _build_call(scenario, transcript, scorecard, lexicon)
    lines: list[LineScore] = []
    improvements: list[str] = []
    for line in scorecard.lines:
        share, applicable, evidence = _CHECKS[line.check](call)
        points = round(line.points * share, 1)
        lines.append(LineScore(line.key, line.label, line.section, points, line.points,
                               applicable, tuple(evidence)))  # fmt: skip
        if points < line.points:
            improvements.append(line.improve)
    fatal = tuple(hit for item in scorecard.fatal for hit in _fatal(call, item))
    fatal_advice = [i.improve for i in scorecard.fatal if any(h.key == i.key for h in fatal)]
    raw_total = round(sum(line.points for line in lines), 1)
    total = 0.0 if fatal else raw_total
    return QAScore(
        scenario=scenario.id,
        total=total,
        raw_total=raw_total,
        pass_mark=scorecard.pass_mark,
        passed=total >= scorecard.pass_mark,
        lines=tuple(lines),
        fatal=fatal,
        handle_seconds=_handle_seconds(transcript),
        target_handle_seconds=scenario.target_handle_seconds,
        improvements=(*fatal_advice, *improvements),
    )
