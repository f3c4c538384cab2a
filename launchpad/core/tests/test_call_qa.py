"""Tests for the mock call simulator: scenario validation, move recognition, the engine and
the QA scoring (launchpad/core/call_qa.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from launchpad.core import call_qa
from launchpad.core.call_qa import (
    MovesError,
    ScenarioError,
    ScorecardError,
    TranscriptError,
    Turn,
    agent_says,
    load_moves,
    load_scenario,
    load_scenarios,
    load_scorecard,
    parse_moves,
    parse_scenario,
    parse_scorecard,
    parse_transcript,
    recognise,
    score,
    start,
)

FIXTURES = Path(__file__).parent / "call_qa"
SCENARIOS = call_qa.SCENARIOS_DIR
OURS = ("billing-double-charge", "irate-supervisor-request", "password-reset-verification",
        "card-data-privacy")  # fmt: skip

LEXICON = load_moves()
SCORECARD = load_scorecard()


def scenario(name: str) -> call_qa.Scenario:
    return load_scenario(SCENARIOS / f"{name}.yaml")


def raw_scenario(name: str = "billing-double-charge") -> dict[str, Any]:
    data = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def problems_of(raw: Any) -> tuple[str, ...]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(raw)
    return info.value.problems


def turns(*items: tuple[str, str, float]) -> tuple[Turn, ...]:
    return tuple(Turn(speaker, text, at) for speaker, text, at in items)


def line(result: call_qa.QAScore, key: str) -> call_qa.LineScore:
    return next(x for x in result.lines if x.key == key)


# --- scenario validation ------------------------------------------------------------------


@pytest.mark.parametrize("name", OURS)
def test_our_scenarios_load(name: str) -> None:
    loaded = scenario(name)
    assert loaded.id == name
    assert any(n.outcome == "resolved" for n in loaded.nodes.values())
    assert loaded.to_dict()["id"] == name


def test_every_packaged_scenario_is_valid() -> None:
    ids = [s.id for s in load_scenarios()]
    assert set(OURS) <= set(ids)
    assert ids == sorted(ids)


def test_scenario_fact_lookup() -> None:
    loaded = scenario("billing-double-charge")
    assert loaded.fact("duplicate-charge").value == "649"
    with pytest.raises(KeyError):
        loaded.fact("nope")


def test_dates_and_numbers_as_values_and_yaml_on_key() -> None:
    raw = raw_scenario()
    raw["facts"][1]["value"] = yaml.safe_load("2024-03-05")
    raw["facts"][0]["value"] = 40021877
    loaded = parse_scenario(raw)
    assert loaded.fact("date-of-birth").value == "2024-03-05"
    assert loaded.fact("account-number").value == "40021877"
    assert "greet" in loaded.nodes["opening"].on  # the YAML `on:` key (read as True) works


def test_not_a_mapping() -> None:
    assert problems_of([]) == ("a scenario must be a mapping (see the simulator README)",)


def test_every_missing_field_is_reported() -> None:
    problems = problems_of({})
    text = "\n".join(problems)
    for needed in ("id must be", "tracks must list", "channel must be", "persona: must be",
                   "facts: must be a list", "target_handle_seconds", "nodes: must map",
                   "start must name", "title is required", "summary is required",
                   "brand is required"):  # fmt: skip
        assert needed in text, needed


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.update(colour="red"), "scenario: unknown field(s) colour"),
        (lambda r: r.update(id="Bad Id"), "scenario: id must be lower-case"),
        (lambda r: r.update(tracks=["voice-ish"]), "unknown track 'voice-ish'"),
        (lambda r: r.update(channel="fax"), "channel must be one of"),
        (lambda r: r["persona"].update(mood_start=5), "persona: mood must be"),
        (lambda r: r["persona"].update(name=""), "persona: name is required"),
        (lambda r: r["persona"].update(traits="grumpy"), "traits must be a list of texts"),
        (lambda r: r.update(persona="x"), "persona: must be a mapping"),
        (lambda r: r.update(facts="x"), "facts: must be a list"),
        (lambda r: r["facts"].append("x"), "fact 7: must be a mapping"),
        (lambda r: r["facts"].append(dict(r["facts"][0])), "key 'account-number' appears twice"),
        (lambda r: r["facts"][0].update(value=None), "value is required"),
        (lambda r: r["facts"][0].update(value=True), "value is required"),
        (lambda r: r["facts"][0].update(sensitive="yes"), "sensitive must be true or false"),
        (lambda r: r["facts"][0].update(secret=1), "fact account-number: unknown field(s) secret"),
        (lambda r: r["facts"][0].update(label=5), "label must be text"),
        (lambda r: r["verification"].update(fields=["pin"]), "field 'pin' is not a fact key"),
        (lambda r: r["verification"].update(fields=[]), "required needs at least one field"),
        (lambda r: r.update(verification=[]), "verification: must be a mapping"),
        (lambda r: r.update(policy="x"), "policy: must be a list"),
        (lambda r: r["policy"].append("x"), "policy 4: must be a mapping"),
        (lambda r: r["policy"].append(dict(r["policy"][0])), "key 'verify-first' appears twice"),
        (lambda r: r.update(target_handle_seconds=0), "target_handle_seconds must be"),
        (lambda r: r.update(target_handle_seconds=True), "target_handle_seconds must be"),
        (lambda r: r.update(start="nowhere"), "start: node 'nowhere' does not exist"),
        (lambda r: r.update(start=3), "start must name the first node"),
        (lambda r: r.update(nodes=[]), "nodes: must map node ids to nodes"),
        (lambda r: r["nodes"].update(Bad="x"), "node Bad: its id must be"),
        (lambda r: r["nodes"].update(extra="x"), "node extra: must be a mapping"),
        (lambda r: r["nodes"]["issue"][True].update(shout="opening"), "unknown move 'shout'"),
        (lambda r: r["nodes"]["issue"].update({True: "x"}), "on must map moves to transitions"),
        (
            lambda r: r["nodes"]["issue"][True].update(probe="ghost"),
            "node issue on probe: next node 'ghost' does not exist",
        ),
        (
            lambda r: r["nodes"]["issue"].update(default={"next": "ghost"}),
            "node issue default: next node 'ghost' does not exist",
        ),
        (lambda r: r["nodes"]["issue"].update(default={"next": 4}), "next must be a node id"),
        (lambda r: r["nodes"]["issue"].update(default={"mood": 3}), "mood must be a whole number"),
        (lambda r: r["nodes"]["issue"].update(default=5), "must be a node id or a mapping"),
        (lambda r: r["nodes"]["issue"].update(default={"go": 1}), "unknown field(s) go"),
        (
            lambda r: r["nodes"]["issue"][True].update(probe={"next": "issue", "reveals": ["pin"]}),
            "node issue probe: reveals unknown fact 'pin'",
        ),
        (lambda r: r["nodes"]["issue"].update(customer=""), "customer must be a line or a list"),
        (lambda r: r["nodes"]["issue"].update(customer=[1]), "customer must be a list of texts"),
        (
            lambda r: r["nodes"]["issue"].update(outcome="resolved"),
            "only end nodes have an outcome",
        ),
        (lambda r: r["nodes"]["resolved-end"].update(outcome="won"), "needs outcome: resolved"),
        (
            lambda r: r["nodes"]["resolved-end"].update(default="opening"),
            "an end node cannot have on or default",
        ),
        (
            lambda r: r["nodes"].update(
                orphan={"customer": "hi", "end": True, "outcome": "resolved"}
            ),
            "node orphan: is never reached from start",
        ),
        (
            lambda r: r["nodes"]["resolved-end"].update(outcome="unresolved"),
            "at least one end node needs outcome: resolved",
        ),
    ],
)
def test_broken_scenarios_report_their_problem(change: Any, expected: str) -> None:
    raw = raw_scenario()
    change(raw)
    assert any(expected in p for p in problems_of(raw)), problems_of(raw)


def test_a_node_without_transitions_is_reported() -> None:
    raw = raw_scenario()
    raw["nodes"]["confirmed"] = {"customer": "ok"}
    problems = problems_of(raw)
    assert any("node confirmed: needs at least one transition" in p for p in problems)


def test_dead_loops_are_reported() -> None:
    raw = raw_scenario()
    raw["nodes"]["confirmed"] = {"customer": "ok", True: {"close": "confirmed"}}
    raw["nodes"]["refund-offered"] = {"customer": "ok", "default": {"next": "confirmed"}}
    problems = problems_of(raw)
    assert any("node confirmed: no path from it reaches an end node" in p for p in problems)
    assert any("node refund-offered: no path" in p for p in problems)


def test_minimal_scenario_defaults() -> None:
    minimal = {
        "id": "tiny", "title": "Tiny", "tracks": ["chat-email"], "channel": "email",
        "summary": "s", "brand": "B", "persona": {"name": "P", "mood_start": 0},
        "facts": [], "target_handle_seconds": 60, "start": "a",
        "nodes": {"a": {"customer": ["hi"], "default": {"next": "z"}},
                  "z": {"customer": "bye", "end": True, "outcome": "resolved"}},
    }  # fmt: skip
    loaded = parse_scenario(minimal)
    assert loaded.verification == call_qa.Verification()
    assert loaded.policy == ()
    assert loaded.nodes["a"].default == call_qa.Transition(next="z")


def test_load_scenario_checks_file_name_and_yaml(tmp_path: Path) -> None:
    wrong = tmp_path / "other-name.yaml"
    wrong.write_text((SCENARIOS / "billing-double-charge.yaml").read_text(), encoding="utf-8")
    with pytest.raises(ScenarioError, match="must equal the file name"):
        load_scenario(wrong)
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario(broken)
    with pytest.raises(ScenarioError, match="cannot read it"):
        load_scenario(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bad\.yaml: scenario: tracks"):
        load_scenarios(tmp_path)


# --- the lexicon and the scorecard ---------------------------------------------------------


def raw_moves() -> dict[str, Any]:
    data = yaml.safe_load(call_qa.MOVES_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def moves_problems(raw: Any) -> tuple[str, ...]:
    with pytest.raises(MovesError) as info:
        parse_moves(raw)
    return info.value.problems


def test_moves_file_covers_every_move_and_marker() -> None:
    assert set(LEXICON.moves) == set(call_qa.MOVES)
    assert set(LEXICON.markers) == set(call_qa.MARKERS)
    assert all(cue.examples and cue.must_not for _, cue in LEXICON.cues())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.pop("version"), "version: required"),
        (lambda r: r.update(moves=[]), "moves: must map"),
        (lambda r: r["moves"].pop("greet"), "moves: greet is missing"),
        (lambda r: r["moves"].update(dance={"phrases": ["x"]}), "unknown entry 'dance'"),
        (lambda r: r["markers"].update(thanks="x"), "markers thanks: must be a mapping"),
        (lambda r: r["moves"]["greet"].update(phrases=["* hello"]), "must start with a word"),
        (lambda r: r["moves"]["greet"].update(phrases=["..."]), "must start with a word"),
        (lambda r: r["moves"]["greet"].update(patterns=["(oops"]), "is not a valid regex"),
        (lambda r: r["moves"]["greet"].update(phrases=[], patterns=[]), "needs at least one"),
        (lambda r: r["moves"]["greet"].update(colour=1), "unknown field(s) colour"),
        (
            lambda r: r["moves"]["greet"]["examples"].append("Nothing here at all."),
            "moves greet: example 'Nothing here at all.' is not recognised",
        ),
        (
            lambda r: r["rude"]["must_not"].append("You idiot."),
            "rude: must_not 'You idiot.' is recognised (by 'idiot')",
        ),
    ],
)
def test_broken_lexicon_reports_its_problem(change: Any, expected: str) -> None:
    raw = raw_moves()
    change(raw)
    problems = moves_problems(raw)
    assert any(expected in p for p in problems), problems


def test_lexicon_must_be_a_mapping() -> None:
    assert moves_problems("x") == (
        "the move lexicon must be a mapping with moves, markers and rude",
    )


def raw_scorecard() -> dict[str, Any]:
    data = yaml.safe_load(call_qa.SCORECARD_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_scorecard_weights_add_up() -> None:
    assert sum(x.points for x in SCORECARD.lines) == 100
    assert {x.check for x in SCORECARD.lines} == set(call_qa.CHECKS)
    assert {x.check for x in SCORECARD.fatal} == set(call_qa.FATAL_CHECKS)
    assert SCORECARD.sources


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.update(version=True), "version: required"),
        (lambda r: r.update(pass_mark=0), "pass_mark: must be"),
        (lambda r: r.update(hold_max_seconds=-1), "hold_max_seconds must be a number"),
        (lambda r: r.update(dead_air_seconds={"voice": 8}), "dead_air_seconds: must give"),
        (lambda r: r["dead_air_seconds"].update(chat="x"), "chat must be a number"),
        (lambda r: r.update(lines=[]), "lines: must be a non-empty list"),
        (lambda r: r["lines"].append("x"), "lines 11: must be a mapping"),
        (lambda r: r["lines"][0].update(points=50), "must add up to 100 (they add up to 140)"),
        (lambda r: r["lines"][0].update(points=0), "points must be a whole number above 0"),
        (lambda r: r["lines"][0].update(check="vibes"), "check must be one of"),
        (lambda r: r["lines"][1].update(check="opening"), "check 'opening' appears twice"),
        (lambda r: r["fatal"][0].update(key="rude-language"), "key 'rude-language' appears twice"),
        (lambda r: r["fatal"][0].update(points=3), "unknown field(s) points"),
        (lambda r: r.update(extra=1), "scorecard: unknown field(s) extra"),
    ],
)
def test_broken_scorecard_reports_its_problem(change: Any, expected: str) -> None:
    raw = raw_scorecard()
    change(raw)
    with pytest.raises(ScorecardError) as info:
        parse_scorecard(raw)
    assert any(expected in p for p in info.value.problems), info.value.problems


def test_scorecard_must_be_a_mapping() -> None:
    with pytest.raises(ScorecardError):
        parse_scorecard(None)


# --- recognition ---------------------------------------------------------------------------


def names(text: str) -> set[str]:
    return {h.move for h in recognise(text, LEXICON)}


@pytest.mark.parametrize(("kind", "cue"), [(k, c) for k, c in LEXICON.cues()],
                         ids=lambda v: getattr(v, "name", v))  # fmt: skip
def test_lexicon_examples_match_and_must_not_do_not(kind: str, cue: call_qa.Cue) -> None:
    for example in cue.examples:
        assert cue.name in names(example), example
    for example in cue.must_not:
        assert cue.name not in names(example), example


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Good evening and welcome to Lumen Bank!", {"greet"}, {"close"}),
        ("Thanks for reaching out to Crescent Card Services.", {"greet"}, set()),
        ("Can I get your registered email address, please?", {"verify"}, set()),
        ("Kindly confirm your date of birth.", {"verify"}, {"probe"}),
        ("What is your registered mobile number?", {"verify", "probe"}, set()),
        ("I checked the link, it works.", {"explain"}, {"verify"}),
        ("I apologize for the trouble.", {"empathise"}, set()),
        ("I’m really sorry about that.", {"empathise"}, set()),  # curly apostrophe
        ("Could you walk me through what you see on the screen?", {"probe"}, set()),
        ("Why did the payment fail?", {"probe"}, set()),
        ("Here's how: open the app and tap Cards.", {"explain"}, set()),
        ("We'll credit Rs 150 to your next bill.", {"offer"}, set()),
        ("I've issued a replacement card.", {"offer"}, set()),
        ("Please hold the line while I check.", {"hold"}, {"hold-return"}),
        ("I'm transferring you to my supervisor.", {"transfer"}, set()),
        ("Goodbye and take care!", {"close"}, set()),
        ("Ravi here, how can I help?", {"own-name", "probe"}, set()),
        ("You'll get an SMS by tomorrow.", {"next-steps"}, set()),
        ("This is absolutely stupid.", {"rude"}, set()),
        ("Shit, the system is down.", {"rude"}, set()),
        ("", set(), {"greet"}),
        ("... ,,, ???", set(), {"probe"}),
    ],
)
def test_recognise_our_phrasings(text: str, expected: set[str], not_expected: set[str]) -> None:
    found = names(text)
    assert expected <= found, found
    assert not found & not_expected, found


def test_hits_are_explainable() -> None:
    text = "Hello, MY NAME is Asha & I’ll help."
    hits = recognise(text, LEXICON)
    normal = call_qa.normalise(text)
    own = next(h for h in hits if h.move == "own-name")
    assert (own.kind, own.pattern, own.text) == ("marker", "my name is", "my name is")
    assert normal[own.start : own.end] == own.text
    assert all(normal[h.start : h.end] == h.text for h in hits)
    assert own.to_dict()["pattern"] == "my name is"


def test_ampersand_and_gap_phrases() -> None:
    lexicon = parse_moves(_tiny_lexicon(["b and c", "tell ... truth", "one * three"]))
    hits = recognise("B & C", lexicon)
    assert [(h.start, h.end, h.text) for h in hits] == [(0, 5, "b & c")]
    assert names_in("tell me the whole truth", lexicon) == {"greet"}
    assert names_in("tell me, the truth", lexicon) == set()  # a gap never crosses punctuation
    assert names_in("tell a b c d e truth", lexicon) == set()  # more than four words
    assert names_in("one two three", lexicon) == {"greet"}
    assert names_in("one , three", lexicon) == set()
    assert names_in("tell", lexicon) == set()


def names_in(text: str, lexicon: call_qa.MoveLexicon) -> set[str]:
    return {h.move for h in recognise(text, lexicon) if h.kind == "move"}


def _tiny_lexicon(greet: list[str]) -> dict[str, Any]:
    entry = {"phrases": ["zzqx"]}
    return {
        "version": 1,
        "moves": {m: ({"phrases": greet} if m == "greet" else entry) for m in call_qa.MOVES},
        "markers": {m: entry for m in call_qa.MARKERS},
        "rude": entry,
    }


# --- the engine ----------------------------------------------------------------------------


def test_engine_walks_the_billing_call() -> None:
    sim = start(scenario("billing-double-charge"), LEXICON)
    assert sim.node == "opening" and sim.mood == -1 and not sim.ended
    assert sim.transcript[0].text.startswith("Hi. I've been charged twice")
    sim = agent_says(sim, "Thank you for calling Northwind Mobile, my name is Asha. "
                          "How may I help you?", 3)  # fmt: skip
    assert (sim.node, sim.last_move) == ("issue", "probe")
    sim = agent_says(sim, "Let me explain the charge.", 5)  # not verified yet: default
    assert (sim.node, sim.mood, sim.last_move) == ("issue", -2, None)
    sim = agent_says(sim, "I'm so sorry. May I have your account number and date of birth?", 8)
    assert (sim.node, sim.last_move, sim.mood) == ("verified", "verify", -1)  # empathy bonus
    assert sim.verified and set(sim.revealed) >= {"account-number", "bill-month"}
    assert sim.transcript[-1].text.startswith("I just gave you")  # variant by turn number
    sim = agent_says(sim, "May I place you on hold for two minutes?", 10)
    assert sim.on_hold and sim.node == "on-hold"
    sim = agent_says(sim, "Thank you for holding. I have checked and the charge of 649 "
                          "was posted twice.", 70)  # fmt: skip
    assert not sim.on_hold and sim.holds == (call_qa.Hold(7, 10.0, 70.0),)
    assert sim.dead_air == ()  # the wait was a hold, not dead air
    sim = agent_says(sim, "I have raised a refund of Rs 649.", 100)
    assert sim.dead_air == (call_qa.DeadAir(11, 30.0),)
    assert (sim.node, sim.mood) == ("refund-offered", 0)
    sim = agent_says(sim, "Is there anything else I can help with?", 102)
    assert sim.ended and sim.outcome == "resolved"
    assert sim.to_dict()["outcome"] == "resolved"
    with pytest.raises(ValueError, match="has ended"):
        agent_says(sim, "Hello?", 103)
    result = score(sim.scenario, sim.transcript, SCORECARD, LEXICON)
    assert 0 < result.total <= 100


def test_engine_rudeness_and_replays_are_deterministic() -> None:
    base = start(scenario("irate-supervisor-request"), LEXICON)
    angry = agent_says(base, "Calm down, sir.", 2)
    assert angry.mood == -2 and angry.node == "opening"
    calm = agent_says(base, "I completely understand, and I am sorry.", 2)
    assert (calm.node, calm.mood) == ("listening", -1)
    assert agent_says(base, "I completely understand, and I am sorry.", 2) == calm
    with pytest.raises(ValueError, match="earlier than the last turn"):
        agent_says(calm, "Hi", 1)


def test_engine_dead_air_threshold_and_end_at_start() -> None:
    chat = start(scenario("password-reset-verification"), LEXICON, dead_air_seconds=0)
    assert agent_says(chat, "Hi", 500).dead_air == ()
    slow = agent_says(start(scenario("password-reset-verification"), LEXICON), "Hi", 21)
    assert slow.dead_air == (call_qa.DeadAir(1, 21.0),)
    raw = {"id": "short", "title": "t", "tracks": ["kpo"], "channel": "voice", "summary": "s",
           "brand": "b", "persona": {"name": "p", "mood_start": 0}, "facts": [],
           "target_handle_seconds": 5, "start": "z",
           "nodes": {"z": {"customer": "bye", "end": True, "outcome": "resolved"}}}  # fmt: skip
    done = start(parse_scenario(raw), LEXICON)
    assert done.ended and done.outcome == "resolved"


# --- scoring -------------------------------------------------------------------------------

GOOD_BILLING = turns(
    ("customer", "Hi. I've been charged twice on my March bill and I want my money back.", 0),
    ("agent", "Good morning, thank you for calling Northwind Mobile, my name is Asha. "
              "I'm so sorry to hear that, I'll sort this out for you.", 4),
    ("customer", "Okay.", 9),
    ("agent", "May I have your account number and date of birth, please?", 12),
    ("customer", "40021877, 14 August 1990.", 20),
    ("agent", "Thank you. Could you tell me when you first noticed the second charge?", 24),
    ("customer", "Yesterday.", 30),
    ("agent", "May I place you on hold for two minutes while I check your bill?", 33),
    ("customer", "Okay.", 35),
    ("agent", "Thank you for holding. I have checked your account: the charge of Rs 649 "
              "was posted twice, and your bill total is Rs 1,298.00.", 100),
    ("customer", "So when do I get it back?", 105),
    ("agent", "I have raised a refund of Rs 649. It will be credited within 5-7 working days "
              "and your reference number is NW-20418.", 110),
    ("customer", "Great, thanks.", 115),
    ("agent", "Is there anything else I can help you with? Thank you for calling Northwind "
              "Mobile, have a great day!", 119),
)  # fmt: skip


def test_a_good_billing_call_scores_full_marks() -> None:
    result = score(scenario("billing-double-charge"), GOOD_BILLING, SCORECARD, LEXICON)
    assert result.fatal == ()
    assert {x.key: x.points for x in result.lines} == {x.key: x.points for x in SCORECARD.lines}
    assert result.total == 100.0 and result.passed and result.improvements == ()
    assert result.handle_seconds == 119.0
    data = result.to_dict()
    assert data["total"] == 100.0 and data["max"] == 100
    assert data["lines"][0]["evidence"][0] == {"turn": 1, "earned": True,
                                               "why": "a greeting in the opening"}  # fmt: skip


BAD_BILLING = turns(
    ("customer", "Hi. I've been charged twice on my March bill and I want my money back.", 0),
    ("agent", "Yes?", 15),
    ("customer", "I was charged twice!", 18),
    ("agent", "It looks like your bill total is 1298 and the extra charge is Rs 399.", 40),
    ("customer", "That's wrong.", 45),
    ("agent", "Please hold.", 50),
    ("customer", "...", 52),
    ("agent", "Ok. May I have your account number?", 300),
    ("customer", "40021877", 310),
    ("agent", "Bye.", 600),
)  # fmt: skip


def test_a_bad_billing_call_fails_with_evidence() -> None:
    result = score(scenario("billing-double-charge"), BAD_BILLING, SCORECARD, LEXICON)
    got = {x.key: x.points for x in result.lines}
    assert got == {"opening": 0.0, "verification": 3.8, "empathy-ownership": 0.0,
                   "probing": 0.0, "accuracy": 0.0, "hold": 0.0, "resolution": 7.5,
                   "closing": 0.0, "dead-air": 0.0, "handle-time": 0.0}  # fmt: skip
    assert result.raw_total == 11.3 and result.total == 0.0 and not result.passed
    assert [(f.key, f.turn) for f in result.fatal] == [("data-before-verification", 3)]
    assert result.to_dict()["fatal"][0]["key"] == "data-before-verification"
    assert "bill total before verification" in result.fatal[0].why
    wrong = [e for e in line(result, "accuracy").evidence if not e.earned]
    assert wrong[0] == call_qa.Evidence(3, False, "said 399 for the duplicate charge; it is 649")
    assert result.improvements[0].startswith("Never give account details")
    hold = line(result, "hold").evidence
    assert [e.earned for e in hold] == [False, False, False, False]
    assert "hold of 250 s (over 120 s)" in hold[3].why
    assert "asked for the account number only after" in line(result, "verification").evidence[0].why


def test_rude_language_fails_the_call() -> None:
    rude = (*GOOD_BILLING[:-1], Turn("agent", "Not my problem. Anything else? Thank you for "
                                              "calling Northwind Mobile.", 119))  # fmt: skip
    result = score(scenario("billing-double-charge"), rude, SCORECARD, LEXICON)
    assert result.raw_total == 100.0 and result.total == 0.0
    assert [(f.key, f.why) for f in result.fatal] == [
        ("rude-language", "rude language: 'not my problem'")
    ]


def test_never_repeat_data_fails_even_after_verification() -> None:
    sc = scenario("card-data-privacy")
    chat = turns(
        ("customer", sc.nodes["opening"].customer[0], 0),
        ("agent", "Hi Daniel, thank you for contacting Crescent Card Services, my name is Neha. "
                  "I'm sorry about the declined payment. For your safety please don't share "
                  "your full card number or CVV here.", 10),
        ("customer", "ok", 15),
        ("agent", "Can you confirm your last four digits and date of birth?", 20),
        ("customer", "last four 4242, dob 21 jan 1995", 30),
        ("agent", "Thanks. Could you tell me how much the payment was?", 35),
        ("customer", "30000", 40),
        ("agent", "I have checked: your daily limit is Rs 25,000, so the payment was declined. "
                  "You can raise it in the app under Cards, Limits and it changes at once. "
                  "I'll stay with you while you do it; you'll see it work within 2 minutes.", 55),
        ("customer", "done, it worked", 70),
        ("agent", "Is there anything else I can help with? Thank you for contacting Crescent "
                  "Card Services.", 75),
    )  # fmt: skip
    good = score(sc, chat, SCORECARD, LEXICON)
    assert good.fatal == () and good.total == 100.0
    leak = (*chat[:7], Turn("agent", "Your card 4111 1111 1111 4242 has a daily limit of "
                                     "25000.", 55), *chat[8:])  # fmt: skip
    bad = score(sc, leak, SCORECARD, LEXICON)
    assert [(f.key, f.turn) for f in bad.fatal] == [("never-repeat", 7)]
    assert bad.total == 0.0 and bad.raw_total == 85.0


def test_password_reset_chat_and_late_probing() -> None:
    sc = scenario("password-reset-verification")
    chat = turns(
        ("customer", "hi, im locked out of net banking. it says too many attempts", 0),
        ("agent", "Hello, welcome to Lumen Bank chat, this is Omar from support.", 5),
        ("customer", "hi", 8),
        ("agent", "To verify your identity, please confirm your registered email and date "
                  "of birth.", 15),
        ("customer", "k.rao@example.com, 3 november 1988", 30),
        ("agent", "I'll send a reset link to k.rao@example.com now; the link is valid for "
                  "30 minutes.", 45),
        ("customer", "got it", 60),
        ("agent", "Which browser are you using?", 62),
        ("customer", "chrome", 70),
        ("agent", "Great. Anything else?", 75),
    )  # fmt: skip
    result = score(sc, chat, SCORECARD, LEXICON)
    assert result.fatal == ()  # the email was given only after verification
    assert line(result, "probing").points == 5.0
    assert line(result, "empathy-ownership").points == 5.0
    assert line(result, "accuracy").points == 15.0
    assert line(result, "closing").points == 2.5
    assert line(result, "hold").applicable is False
    early = (*chat[:3], Turn("agent", "Sending the link to k.rao@example.com.", 15), *chat[4:])
    assert score(sc, early, SCORECARD, LEXICON).fatal[0].key == "data-before-verification"


def test_supervisor_call_with_transfer_and_slow_handle_time() -> None:
    sc = scenario("irate-supervisor-request")
    call = turns(
        ("customer", "This is the third time I'm calling! Get me a supervisor right now.", 0),
        ("agent", "I completely understand, sir. I'll connect you with my supervisor.", 3),
        ("customer", "Finally.", 5),
        ("agent", "The service credit is Rs 150. Thank you.", 500),
    )  # fmt: skip
    result = score(sc, call, SCORECARD, LEXICON)
    assert line(result, "resolution").points == 7.5
    assert line(result, "accuracy").points == 15.0
    assert line(result, "handle-time").points == 2.5
    assert line(result, "verification").points == 0.0
    slower = (*call[:3], Turn("agent", "Thank you.", 700))
    assert line(score(sc, slower, SCORECARD, LEXICON), "handle-time").points == 0.0


def test_hold_never_returned_and_empty_calls() -> None:
    sc = scenario("billing-double-charge")
    hold_end = turns(("customer", "Hi", 0), ("agent", "Please hold for 2 minutes.", 3))
    evidence = line(score(sc, hold_end, SCORECARD, LEXICON), "hold").evidence
    assert [e.why for e in evidence][2:] == ["never came back from the hold",
                                            "the hold never ended"]  # fmt: skip
    empty = score(sc, turns(("customer", "Hi", 0)), SCORECARD, LEXICON)
    assert empty.total == 20.0  # hold n/a (10), no dead air (5), handle time (5)
    assert score(sc, (), SCORECARD, LEXICON).handle_seconds == 0.0


def test_email_channel_skips_dead_air_and_no_state_facts() -> None:
    raw = raw_scenario()
    raw["channel"] = "email"
    raw["verification"] = {"required": False}
    for fact in raw["facts"]:
        fact["state"] = False
    sc = parse_scenario(raw)
    result = score(sc, BAD_BILLING, SCORECARD, LEXICON)
    assert line(result, "dead-air").applicable is False
    assert line(result, "accuracy").applicable is False
    assert line(result, "verification").points == 15.0
    assert result.fatal == ()


# --- transcripts -----------------------------------------------------------------------------


def test_parse_transcript() -> None:
    named, parsed = parse_transcript(
        {"scenario": "x", "turns": [{"speaker": "agent", "text": "Hi", "at": 1}]}
    )
    assert named == "x" and parsed == (Turn("agent", "Hi", 1.0),)
    assert parsed[0].to_dict() == {"speaker": "agent", "text": "Hi", "at": 1.0}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([], "a transcript must be an object with turns"),
        ({"turns": []}, "turns: must be a non-empty list"),
        (
            {"scenario": 3, "turns": [{"speaker": "agent", "text": "", "at": 0}]},
            "scenario: must be a scenario id",
        ),
        ({"turns": ["x"]}, "turn 0: must be an object"),
        ({"turns": [{"speaker": "bot", "text": "", "at": 0}]}, "speaker must be one of"),
        ({"turns": [{"speaker": "agent", "text": 1, "at": 0}]}, "text must be a string"),
        ({"turns": [{"speaker": "agent", "text": "", "at": -1}]}, "at must be seconds"),
        (
            {
                "turns": [
                    {"speaker": "agent", "text": "", "at": 5},
                    {"speaker": "agent", "text": "", "at": 4},
                ]
            },
            "earlier than the turn before",
        ),
        ({"turns": [{"speaker": "customer", "text": "", "at": 0}]}, "there is no agent turn"),
    ],
)
def test_bad_transcripts(raw: Any, expected: str) -> None:
    with pytest.raises(TranscriptError) as info:
        parse_transcript(raw)
    assert any(expected in p for p in info.value.problems), info.value.problems


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_recognise_never_crashes(text: str) -> None:
    normal = call_qa.normalise(text)
    for hit in recognise(text, LEXICON):
        assert normal[hit.start : hit.end] == hit.text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.floats(0, 60)), max_size=8))
def test_engine_and_score_stay_in_range(steps: list[tuple[str, float]]) -> None:
    sim = start(scenario("billing-double-charge"), LEXICON)
    clock = 0.0
    for text, wait in steps:
        if sim.ended:
            break
        clock += wait
        sim = agent_says(sim, text, clock)
        assert -2 <= sim.mood <= 2 and sim.node in sim.scenario.nodes
    result = score(sim.scenario, sim.transcript, SCORECARD, LEXICON)
    assert 0 <= result.total <= 100 and 0 <= result.raw_total <= 100


def test_accuracy_ignores_labels_without_numbers_and_known_policy_numbers() -> None:
    sc = scenario("billing-double-charge")
    call = turns(
        ("customer", "Hi", 0),
        ("agent", "I see the duplicate charge, and it will be refunded.", 3),
        ("agent", "The duplicate charge: within 5 to 7 working days, as per policy.", 6),
    )  # fmt: skip
    accuracy = line(score(sc, call, SCORECARD, LEXICON), "accuracy")
    assert accuracy.points == 7.5  # the timeline stated, the amount never; nothing wrong
    assert [e.why for e in accuracy.evidence] == [
        "stated the refund timeline correctly",
        "never stated the duplicate charge (649)",
    ]
