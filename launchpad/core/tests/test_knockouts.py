"""The knockout checklist: each rule's outcomes, country filtering, and the content rules."""

from __future__ import annotations

import copy

import pytest

from launchpad.core.knockouts import (
    EDUCATION_ORDER,
    Answers,
    Document,
    Knockout,
    KnockoutResult,
    KnockoutRules,
    Outcome,
    check_knockouts,
    parse_knockouts,
    summary,
)
from launchpad.core.readiness import ReadinessSpecError, Source

TRACKS = ["international-voice", "domestic-voice", "chat-email", "back-office",
          "technical-support", "kpo"]  # fmt: skip


def source(**changes):
    return {"label": "Naukri: BPO jobs", "url": "https://www.naukri.com/", "grade": "C",
            **changes}  # fmt: skip


def knockout(key, rule, params=None, **changes):
    raw = {
        "key": key, "label": key.replace("-", " ").capitalize(), "tracks": ["chat-email"],
        "rule": rule, "how_common": "most", "why": "Employers ask for it.",
        "fix": "Sort it out before you apply.", "sources": [source()],
    }  # fmt: skip
    if params is not None:
        raw["params"] = params
    return {**raw, **changes}


def knockouts_raw():
    return {
        "documents": [
            {"key": "pan", "label": "PAN card", "country": "IN", "why": "Payroll."},
            {"key": "aadhaar", "label": "Aadhaar", "country": "IN"},
            {"key": "nbi", "label": "NBI clearance", "country": "PH", "why": "Background check."},
        ],
        "knockouts": [
            knockout("night-shifts", "shifts", {"any_of": ["night", "rotational"]},
                     tracks=["international-voice", "chat-email"]),
            knockout("graduate", "education_min", {"level": "undergraduate"}, how_common="some"),
            knockout("not-overqualified", "education_max", {"level": "undergraduate"},
                     how_common="some"),
            knockout("india-documents", "documents", {"all_of": ["pan", "aadhaar"]},
                     countries=["IN"]),
            knockout("philippines-documents", "documents", {"all_of": ["nbi"]},
                     countries=["PH"]),
            knockout("notice", "notice_max_days", {"days": 30}),
            knockout("on-site", "on_site", tracks=["back-office"]),
            knockout("adult", "age_min", {"years": 18}, tracks=TRACKS),
        ],
    }  # fmt: skip


RULES = parse_knockouts(knockouts_raw(), known_tracks=TRACKS)
BY_KEY = {k.key: k for k in RULES.knockouts}


def test_valid_knockout_content_parses():
    assert RULES.documents == (
        Document("pan", "PAN card", "IN", "Payroll."),
        Document("aadhaar", "Aadhaar", "IN", ""),
        Document("nbi", "NBI clearance", "PH", "Background check."),
    )
    shifts = BY_KEY["night-shifts"]
    assert shifts == Knockout(
        key="night-shifts", label="Night shifts", tracks=("international-voice", "chat-email"),
        countries=(), rule="shifts", params={"any_of": ["night", "rotational"]},
        how_common="most", why="Employers ask for it.", fix="Sort it out before you apply.",
        sources=(Source("Naukri: BPO jobs", "https://www.naukri.com/", "C"),),
    )  # fmt: skip
    assert BY_KEY["india-documents"].countries == ("IN",)
    assert BY_KEY["on-site"].params == {}
    assert parse_knockouts(knockouts_raw()) == RULES  # no known_tracks: any slug


def test_a_track_gets_only_its_own_knockouts():
    assert [k.key for k in RULES.for_track("back-office")] == ["on-site", "adult"]
    assert [k.key for k in RULES.for_track("kpo")] == ["adult"]
    assert RULES.for_track("retail") == ()


def evaluate(key, answers):
    (result,) = [r for r in check_knockouts(RULES, "chat-email", answers) if r.knockout.key == key]
    return result


RULE_CASES = [
    ("night-shifts", Answers(shifts=frozenset({"night"})), "pass"),
    ("night-shifts", Answers(shifts=frozenset({"day", "rotational"})), "pass"),
    ("night-shifts", Answers(shifts=frozenset({"day"})), "fail"),
    ("night-shifts", Answers(shifts=frozenset()), "fail"),
    ("night-shifts", Answers(), "unknown"),
    ("graduate", Answers(education="postgraduate"), "pass"),
    ("graduate", Answers(education="undergraduate"), "pass"),  # exactly the level
    ("graduate", Answers(education="ug_studying"), "fail"),
    ("graduate", Answers(education="secondary"), "fail"),
    ("graduate", Answers(), "unknown"),
    ("graduate", Answers(education="doctorate"), "unknown"),  # not a level we know
    ("not-overqualified", Answers(education="diploma"), "pass"),
    ("not-overqualified", Answers(education="undergraduate"), "pass"),
    ("not-overqualified", Answers(education="postgraduate"), "fail"),
    ("not-overqualified", Answers(), "unknown"),
    ("notice", Answers(notice_days=0), "pass"),
    ("notice", Answers(notice_days=30), "pass"),
    ("notice", Answers(notice_days=31), "fail"),
    ("notice", Answers(), "unknown"),
    ("adult", Answers(adult=True), "pass"),
    ("adult", Answers(adult=False), "fail"),
    ("adult", Answers(), "unknown"),
]


@pytest.mark.parametrize(("key", "answers", "outcome"), RULE_CASES)
def test_each_rule_passes_fails_or_stays_unknown(key, answers, outcome):
    result = evaluate(key, answers)

    assert result.outcome == outcome
    assert result.missing == () and result.unanswered == ()


@pytest.mark.parametrize(
    ("on_site", "outcome"), [(True, Outcome.PASS), (False, Outcome.FAIL), (None, Outcome.UNKNOWN)]
)
def test_the_on_site_rule(on_site, outcome):
    (result,) = [
        r for r in check_knockouts(RULES, "back-office", Answers(on_site=on_site))
        if r.knockout.rule == "on_site"
    ]  # fmt: skip

    assert result.outcome is outcome


@pytest.mark.parametrize(
    ("documents", "outcome", "missing", "unanswered"),
    [
        ({"pan": True, "aadhaar": True}, "pass", (), ()),
        ({"pan": True, "aadhaar": True, "nbi": False}, "pass", (), ()),  # nbi is not asked
        ({"pan": False, "aadhaar": True}, "fail", ("pan",), ()),
        ({"pan": False, "aadhaar": False}, "fail", ("pan", "aadhaar"), ()),
        ({"pan": True}, "unknown", (), ("aadhaar",)),
        ({}, "unknown", (), ("pan", "aadhaar")),
        (None, "unknown", (), ("pan", "aadhaar")),
        ({"aadhaar": False}, "fail", ("aadhaar",), ("pan",)),  # a missing one decides
    ],
)
def test_the_documents_rule_lists_missing_and_unanswered_documents(
    documents, outcome, missing, unanswered
):
    result = evaluate("india-documents", Answers(country="IN", documents=documents))

    assert result.outcome == outcome
    assert result.missing == missing and result.unanswered == unanswered
    assert result.to_dict()["missing"] == list(missing)
    assert result.to_dict()["unanswered"] == list(unanswered)


@pytest.mark.parametrize(
    ("country", "documents_knockouts"),
    [
        ("IN", ["india-documents"]),
        ("PH", ["philippines-documents"]),
        (None, ["india-documents", "philippines-documents"]),  # not known yet: all shown
        ("OTHER", []),  # only the knockouts for every country
    ],
)
def test_country_specific_knockouts_follow_the_candidates_country(country, documents_knockouts):
    results = check_knockouts(RULES, "chat-email", Answers(country=country))

    keys = [r.knockout.key for r in results]
    assert [k for k in keys if k.endswith("-documents")] == documents_knockouts
    everywhere = ["night-shifts", "graduate", "not-overqualified", "notice", "adult"]
    assert [k for k in keys if not k.endswith("-documents")] == everywhere


def test_the_summary_counts_each_outcome():
    answers = Answers(
        country="IN",
        shifts=frozenset({"night"}),
        education="postgraduate",
        documents={"pan": True},
        notice_days=60,
    )

    results = check_knockouts(RULES, "chat-email", answers)

    outcomes = {r.knockout.key: str(r.outcome) for r in results}
    assert outcomes == {
        "night-shifts": "pass", "graduate": "pass", "not-overqualified": "fail",
        "india-documents": "unknown", "notice": "fail", "adult": "unknown",
    }  # fmt: skip
    assert summary(results) == {"pass": 2, "fail": 2, "unknown": 2}
    assert summary([]) == {"pass": 0, "fail": 0, "unknown": 0}


def test_a_result_serialises_with_its_knockout():
    result = KnockoutResult(BY_KEY["graduate"], Outcome.FAIL)

    assert result.to_dict() == {
        "key": "graduate", "label": "Graduate", "outcome": "fail", "how_common": "some",
        "missing": [], "unanswered": [],
    }  # fmt: skip


def test_every_education_level_is_ordered():
    rules = KnockoutRules((), tuple(
        Knockout(f"min-{level}", level, ("kpo",), (), "education_min", {"level": level},
                 "some", "", "", ())
        for level in EDUCATION_ORDER
    ))  # fmt: skip

    for have, level in enumerate(EDUCATION_ORDER):
        results = check_knockouts(rules, "kpo", Answers(education=level))
        outcomes = [str(r.outcome) for r in results]
        assert outcomes == ["pass"] * (have + 1) + ["fail"] * (len(EDUCATION_ORDER) - have - 1)


# ---- Parse errors ------------------------------------------------------------------------


def parse_error(mutate, known_tracks=TRACKS):
    raw = copy.deepcopy(knockouts_raw())
    mutate(raw)
    with pytest.raises(ReadinessSpecError) as caught:
        parse_knockouts(raw, known_tracks=known_tracks)
    return str(caught.value)


def first(raw):
    return raw["knockouts"][0]


def rule(key):
    """The raw knockout with `key`."""

    def pick(raw):
        return next(k for k in raw["knockouts"] if k["key"] == key)

    return pick


SHIFTS = rule("night-shifts")
DOCS = rule("india-documents")
NOTICE = rule("notice")
ADULT = rule("adult")

PARSE_ERRORS = [
    (lambda r: r.update(documents=5), "documents: must be a list"),
    (lambda r: r.update(documents="pan"), "documents: must be a list"),
    (lambda r: r["documents"].append("pan"), "document 4: must be a mapping"),
    (lambda r: r["documents"][0].update(country="US"), "document 1: country must be IN or PH"),
    (lambda r: r["documents"][0].pop("country"), "document 1: country must be IN or PH"),
    (lambda r: r["documents"][1].pop("key"), "document 2: key must be a non-empty text"),
    (lambda r: r["documents"][1].update(label=""), "document 2: label must be a non-empty text"),
    (lambda r: r["documents"][1].update(why=["x"]), "document 2: why must be a text"),
    (lambda r: r["documents"][1].update(key="pan"), "documents: a document key appears twice"),
    (lambda r: r.pop("knockouts"), "knockouts: must be a non-empty list"),
    (lambda r: r.update(knockouts=[]), "knockouts: must be a non-empty list"),
    (lambda r: r["knockouts"].append(["adult"]), "knockout 9: must be a mapping"),
    (lambda r: first(r).pop("key"), "knockout 1: key must be a non-empty text"),
    (lambda r: ADULT(r).update(key="notice"), "knockouts: key 'notice' appears twice"),
    (lambda r: SHIFTS(r).pop("tracks"),
     "knockout night-shifts: tracks must be a non-empty list of track slugs"),
    (lambda r: SHIFTS(r).update(tracks=[]),
     "knockout night-shifts: tracks must be a non-empty list of track slugs"),
    (lambda r: SHIFTS(r).update(tracks="chat-email"),
     "knockout night-shifts: tracks must be a non-empty list of track slugs"),
    (lambda r: SHIFTS(r).update(tracks=[["chat-email"]]),
     "knockout night-shifts: tracks must be a non-empty list of track slugs"),
    (lambda r: SHIFTS(r).update(tracks=["chat-email", "retail"]),
     "knockout night-shifts: 'retail' is not a known track"),
    (lambda r: DOCS(r).update(countries="IN"),
     "knockout india-documents: countries must be a list of IN and PH"),
    (lambda r: DOCS(r).update(countries=["IN", "US"]),
     "knockout india-documents: countries must be a list of IN and PH"),
    (lambda r: DOCS(r).update(countries=[["IN"]]),
     "knockout india-documents: countries must be a list of IN and PH"),
    (lambda r: SHIFTS(r).update(rule="height"),
     "knockout night-shifts: unknown rule 'height'; use one of age_min, documents, "
     "education_max, education_min, notice_max_days, on_site, shifts"),
    (lambda r: SHIFTS(r).pop("rule"), "knockout night-shifts: unknown rule ''"),
    (lambda r: SHIFTS(r).update(params=["night"]),
     "knockout night-shifts: params must be a mapping"),
    (lambda r: SHIFTS(r).pop("params"),
     "knockout night-shifts: shifts needs any_of, a list from day, night, rotational"),
    (lambda r: SHIFTS(r).update(params={"any_of": []}),
     "knockout night-shifts: shifts needs any_of, a list from day, night, rotational"),
    (lambda r: SHIFTS(r).update(params={"any_of": "night"}),
     "knockout night-shifts: shifts needs any_of, a list from day, night, rotational"),
    (lambda r: SHIFTS(r).update(params={"any_of": ["night", "evening"]}),
     "knockout night-shifts: shifts needs any_of, a list from day, night, rotational"),
    (lambda r: SHIFTS(r).update(params={"any_of": [["night"]]}),
     "knockout night-shifts: shifts needs any_of, a list from day, night, rotational"),
    (lambda r: rule("graduate")(r).update(params={"level": "doctorate"}),
     "knockout graduate: education_min needs level, one of secondary, higher_secondary, "
     "diploma, ug_studying, undergraduate, postgraduate"),
    (lambda r: rule("not-overqualified")(r).update(params={}),
     "knockout not-overqualified: education_max needs level, one of secondary"),
    (lambda r: DOCS(r).update(params={"all_of": []}),
     "knockout india-documents: documents needs all_of, a list of document keys"),
    (lambda r: DOCS(r).update(params={"all_of": "pan"}),
     "knockout india-documents: documents needs all_of, a list of document keys"),
    (lambda r: DOCS(r).update(params={"all_of": ["pan", "passport"]}),
     "knockout india-documents: document 'passport' is not in the documents list"),
    (lambda r: DOCS(r).update(params={"all_of": [["pan"]]}),
     "knockout india-documents: document ['pan'] is not in the documents list"),
    (lambda r: NOTICE(r).update(params={"days": -1}),
     "knockout notice: notice_max_days needs days, a whole number of 0 or more"),
    (lambda r: NOTICE(r).update(params={"days": 30.5}),
     "knockout notice: notice_max_days needs days, a whole number of 0 or more"),
    (lambda r: NOTICE(r).update(params={"days": True}),
     "knockout notice: notice_max_days needs days, a whole number of 0 or more"),
    (lambda r: NOTICE(r).update(params={"years": 30}),
     "knockout notice: notice_max_days needs days, a whole number of 0 or more"),
    (lambda r: ADULT(r).update(params={"years": "18"}),
     "knockout adult: age_min needs years, a whole number of 0 or more"),
    (lambda r: ADULT(r).update(how_common="all"),
     "knockout adult: how_common must be most or some"),
    (lambda r: ADULT(r).pop("how_common"), "knockout adult: how_common must be most or some"),
    (lambda r: ADULT(r).update(label=" "), "knockout adult: label must be a non-empty text"),
    (lambda r: ADULT(r).pop("why"), "knockout adult: why must be a non-empty text"),
    (lambda r: ADULT(r).update(fix=None), "knockout adult: fix must be a non-empty text"),
    (lambda r: ADULT(r).update(sources=[]), "knockout adult: needs at least one source"),
    (lambda r: ADULT(r).update(sources=[source(url="ftp://naukri.com")]),
     "knockout adult source 1: url must start with http:// or https://"),
    (lambda r: ADULT(r).update(sources=[source(grade="E")]),
     "knockout adult source 1: grade must be A, B or C"),
]  # fmt: skip


@pytest.mark.parametrize(("mutate", "message"), PARSE_ERRORS)
def test_each_problem_in_the_knockout_content_is_named(mutate, message):
    assert message in parse_error(mutate)


def test_the_knockout_content_must_be_a_mapping():
    with pytest.raises(ReadinessSpecError, match="the knockout content must be a mapping"):
        parse_knockouts([knockout("adult", "age_min", {"years": 18})])


def test_every_knockout_problem_is_listed():
    def break_twice(raw):
        raw["documents"][2].update(country="SG")
        ADULT(raw).update(how_common="rare")

    assert parse_error(break_twice).split("; ") == [
        "document 3: country must be IN or PH",
        "knockout adult: how_common must be most or some",
    ]


def test_documents_may_be_left_out_when_no_rule_needs_them():
    rules = parse_knockouts({"knockouts": [knockout("adult", "age_min", {"years": 18})]})

    assert rules.documents == () and [k.key for k in rules.knockouts] == ["adult"]
