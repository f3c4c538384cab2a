"""The Readiness Index: scales, the per-track index, its range and confidence, and the content."""

from __future__ import annotations

import copy
import datetime
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from launchpad.core.readiness import (
    MEASURES,
    MEETS_SCORE,
    READINESS_RULES_VERSION,
    RECENT_DAYS,
    SELF_RATED_SCORES,
    Attempt,
    ComponentSpec,
    Confidence,
    IndexSpec,
    ReadinessSpecError,
    SelfRatings,
    Source,
    Status,
    TrackSpec,
    parse_index_spec,
    readiness,
    track_index,
)

NOW = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)
NO_RATINGS = SelfRatings()
SOURCE = Source("BPO Guide", "http://www.bpo-guide.com/non-voice-process.html", "C")


def comp(key, measure, weight, floor, threshold, target, self_rated=None):
    return ComponentSpec(key, key.title(), measure, weight, floor, threshold, target,
                         self_rated=self_rated, sources=(SOURCE,))  # fmt: skip


def att(test, ref=None, days_ago=1.0, **values):
    taken_at = NOW - datetime.timedelta(days=days_ago)
    return Attempt(test, ref or f"{test}:{days_ago}", taken_at, values)


def typing(wpm, accuracy, ref=None, days_ago=1.0):
    return att("typing", ref, days_ago, wpm=wpm, accuracy=accuracy)


def by_key(index):
    return {c.spec.key: c for c in index.components}


# ---- ComponentSpec.score ---------------------------------------------------------------

WPM = comp("wpm", "typing.wpm", 1, 10, 25, 35)


@pytest.mark.parametrize(
    ("value", "score"),
    [
        (-5, 0.0),
        (10, 0.0),  # the floor
        (17.5, 40.0),  # halfway to the threshold
        (25, MEETS_SCORE),  # the threshold: meets the bar
        (30, 90.0),  # halfway to the target
        (35, 100.0),  # the target
        (80, 100.0),
        (math.inf, 100.0),
        (-math.inf, 0.0),
        (math.nan, 0.0),
    ],
)
def test_a_value_is_scored_floor_0_threshold_80_target_100_linear_between(value, score):
    assert WPM.score(value) == pytest.approx(score)
    assert WPM.test == "typing"


@st.composite
def scales(draw, low=-1000.0, high=1000.0):
    """floor < threshold < target."""
    numbers = st.floats(low, high, allow_nan=False, allow_subnormal=False)
    points = draw(st.lists(numbers, min_size=3, max_size=3, unique=True))
    return tuple(sorted(points))


VALUES = st.floats(-2000, 2000, allow_nan=False)


@given(scale=scales(), a=VALUES, b=VALUES)
def test_the_score_is_monotonic_and_between_0_and_100(scale, a, b):
    spec = comp("any", "english.percent", 1, *scale)
    low, high = sorted((a, b))

    assert 0.0 <= spec.score(low) <= spec.score(high) <= 100.0


@given(scale=scales())
def test_the_scale_meets_its_fixed_points(scale):
    spec = comp("any", "english.percent", 1, *scale)
    floor, threshold, target = scale

    assert spec.score(floor) == 0.0
    assert spec.score(threshold) == MEETS_SCORE
    assert spec.score(target) == 100.0


# ---- One table-driven case per track ---------------------------------------------------
#
# Each spec is small but shaped like the real content; the expected figures are worked out
# by hand from the scale (floor -> 0, threshold -> 80, target -> 100) in the comments.

TRACK_CASES = [
    pytest.param(
        TrackSpec("international-voice", "", (
            comp("english", "english.percent", 4, 40, 70, 90, "english-level"),
            comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
            comp("typing-accuracy", "typing.accuracy", 1, 80, 90, 98),
            comp("judgment", "judgment.percent", 4, 30, 60, 85),
        )),
        [typing(30, 95), att("english", percent=70)],
        NO_RATINGS,
        # english 70 -> 80; 30 WPM -> 80 + 20 * 5/10 = 90; 95% -> 80 + 20 * 5/8 = 92.5;
        # judgment missing. earned = 4*80 + 90 + 92.5 = 502.5 over 6 present, 10 in all.
        {"english": "measured", "typing-speed": "measured", "typing-accuracy": "measured",
         "judgment": "missing"},
        (83.75, 50.25, 90.25, 0.6, Confidence.MEDIUM),
        id="international-voice",
    ),
    pytest.param(
        TrackSpec("domestic-voice", "", (
            comp("other-language", "language.other", 3, 0, 50, 80, "other-language-level"),
            comp("english", "english.percent", 1, 20, 50, 80, "english-level"),
            comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
            comp("judgment", "judgment.percent", 1, 30, 60, 85),
        )),
        [typing(22, 91), att("english", percent=65), att("judgment", percent=45)],
        SelfRatings(english="basic", other_language="fluent"),
        # other language self-rated fluent = 70 -> 93.3, capped at 80, half confidence;
        # English measured 65 -> 80 + 20 * 15/30 = 90 (the measurement replaces "basic");
        # 22 WPM -> 80 * 12/15 = 64; judgment 45 -> 80 * 15/30 = 40.
        # earned = 3*80 + 90 + 64 + 40 = 434 over 6; confidence (1.5 + 3) / 6.
        {"other-language": "self_rated", "english": "measured", "typing-speed": "measured",
         "judgment": "measured"},
        (434 / 6, 434 / 6, 434 / 6, 0.75, Confidence.MEDIUM),
        id="domestic-voice",
    ),
    pytest.param(
        TrackSpec("chat-email", "", (
            comp("typing-speed", "typing.wpm", 2, 15, 30, 40),
            comp("typing-accuracy", "typing.accuracy", 1, 80, 90, 98),
            comp("english", "english.percent", 2, 40, 70, 90, "english-level"),
            comp("chat", "reply.chat", 2, 0, 60, 85),
            comp("email", "reply.email", 1, 0, 60, 85),
        )),
        [typing(30, 95), att("reply-chat", score=72)],
        SelfRatings(english="fluent"),
        # 30 WPM -> 80; 95% -> 92.5; English self-rated fluent = 70 -> 80 (half confidence);
        # chat 72 -> 80 + 20 * 12/25 = 89.6; e-mail missing.
        # earned = 160 + 92.5 + 160 + 179.2 = 591.7 over 7 present, 8 in all.
        {"typing-speed": "measured", "typing-accuracy": "measured", "english": "self_rated",
         "chat": "measured", "email": "missing"},
        (591.7 / 7, 591.7 / 8, 691.7 / 8, 6 / 8, Confidence.MEDIUM),
        id="chat-email",
    ),
    pytest.param(
        TrackSpec("back-office", "", (
            comp("kph", "data_entry.kph", 3, 3000, 8000, 12000),
            comp("field-accuracy", "data_entry.accuracy", 3, 90, 97, 99.5),
            comp("typing-speed", "typing.wpm", 2, 15, 35, 45),
            comp("typing-accuracy", "typing.accuracy", 1, 85, 95, 98),
            comp("computer", "computer.percent", 1, 30, 60, 85),
        )),
        [att("data-entry", kph=9000, accuracy=98), typing(30, 95)],
        NO_RATINGS,
        # 9000 KPH -> 80 + 20 * 1000/4000 = 85; 98% -> 80 + 20 * 1/2.5 = 88;
        # 30 WPM -> 80 * 15/20 = 60; 95% -> 80; computer missing.
        # earned = 255 + 264 + 120 + 80 = 719 over 9 present, 10 in all.
        {"kph": "measured", "field-accuracy": "measured", "typing-speed": "measured",
         "typing-accuracy": "measured", "computer": "missing"},
        (719 / 9, 71.9, 81.9, 0.9, Confidence.HIGH),
        id="back-office",
    ),
    pytest.param(
        TrackSpec("technical-support", "", (
            comp("computer", "computer.percent", 3, 30, 60, 85),
            comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
            comp("english", "english.percent", 2, 40, 70, 90, "english-level"),
            comp("judgment", "judgment.percent", 2, 30, 60, 85),
        )),
        [att("computer", percent=85), typing(40, 99), att("english", percent=30),
         att("judgment", percent=60)],
        SelfRatings(english="native"),
        # computer at the target -> 100; 40 WPM above the target -> 100; English 30 below
        # the floor -> 0 (measured, so the self-rating is not used); judgment 60 -> 80.
        # earned = 300 + 100 + 0 + 160 = 560 over 8, all measured.
        {"computer": "measured", "typing-speed": "measured", "english": "measured",
         "judgment": "measured"},
        (70.0, 70.0, 70.0, 1.0, Confidence.HIGH),
        id="technical-support",
    ),
    pytest.param(
        TrackSpec("kpo", "", (
            comp("computer", "computer.percent", 2, 30, 60, 85),
            comp("english", "english.percent", 2, 40, 70, 90, "english-level"),
            comp("judgment", "judgment.percent", 3, 30, 60, 85),
            comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
        )),
        [],
        SelfRatings(english="native"),
        # Only a self-rating: native = 80 -> 90 on this scale, capped at 80.
        # earned = 160 over 2 present, 8 in all; confidence 0.5 * 2 / 8.
        {"computer": "missing", "english": "self_rated", "judgment": "missing",
         "typing-speed": "missing"},
        (80.0, 20.0, 95.0, 0.125, Confidence.LOW),
        id="kpo",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("track", "attempts", "ratings", "statuses", "expected"), TRACK_CASES)
def test_each_track_index_matches_the_hand_worked_figures(
    track, attempts, ratings, statuses, expected
):
    index_, low, high, confidence, label = expected

    result = track_index(track, attempts, ratings, as_of=NOW, version="2026-03")

    assert result.track == track.track
    assert result.index == pytest.approx(index_)
    assert result.low == pytest.approx(low)
    assert result.high == pytest.approx(high)
    assert result.confidence == pytest.approx(confidence)
    assert result.confidence_label is label
    assert {k: str(c.status) for k, c in by_key(result).items()} == statuses
    assert sum(c.points for c in result.components) == pytest.approx(result.index, abs=1e-9)
    assert result.version == "2026-03" and result.rules_version == READINESS_RULES_VERSION


# ---- Missing components, self-ratings, old results, ties ---------------------------------

TWO = TrackSpec("chat-email", "", (
    comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
    comp("english", "english.percent", 1, 40, 70, 90, "english-level"),
))  # fmt: skip


def test_a_missing_component_counts_neither_as_zero_nor_as_full_marks():
    result = track_index(TWO, [typing(17.5, 99)], NO_RATINGS, as_of=NOW)

    assert result.index == pytest.approx(40.0)  # not 20 (missing as 0), not 70 (as 100)
    assert result.low == pytest.approx(20.0)
    assert result.high == pytest.approx(70.0)
    assert result.confidence == 0.5
    english = by_key(result)["english"]
    assert english.status is Status.MISSING
    assert english.score is None and english.value is None and english.points == 0.0
    assert english.meets is None and english.attempt is None


def test_each_missing_component_widens_the_range_and_lowers_the_confidence():
    track = TrackSpec("kpo", "", (
        comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
        comp("english", "english.percent", 1, 40, 70, 90),
        comp("judgment", "judgment.percent", 1, 30, 60, 85),
    ))  # fmt: skip
    everything = [typing(30, 99), att("english", percent=80), att("judgment", percent=72.5)]

    results = [track_index(track, everything[:n], NO_RATINGS, as_of=NOW) for n in (3, 2, 1)]

    assert [r.index for r in results] == pytest.approx([90.0, 90.0, 90.0])
    widths = [r.high - r.low for r in results]
    assert widths == sorted(widths) and widths[0] == pytest.approx(0.0)
    assert [r.confidence for r in results] == pytest.approx([1.0, 2 / 3, 1 / 3])


def test_with_nothing_measured_or_rated_there_is_no_index_and_the_full_range():
    result = track_index(TWO, [], NO_RATINGS, as_of=NOW)

    assert result.index is None
    assert (result.low, result.high, result.confidence) == (0.0, 100.0, 0.0)
    assert result.confidence_label is Confidence.NONE
    assert all(c.status is Status.MISSING for c in result.components)
    assert result.strengths == ()
    assert result.to_dict()["index"] is None


@pytest.mark.parametrize(
    ("level", "score"),
    [
        ("basic", 0.0),  # 20 is below this scale's floor of 40
        ("conversational", 80 * 10 / 30),  # 50 -> 26.7
        ("fluent", 80.0),  # 70 is the threshold
        ("native", 80.0),  # 80 would score 90: a self-rating never scores above the bar
    ],
)
def test_english_falls_back_to_the_self_rating_capped_at_the_bar_with_half_confidence(level, score):
    result = track_index(TWO, [typing(25, 99)], SelfRatings(english=level), as_of=NOW)

    english = by_key(result)["english"]
    assert english.status is Status.SELF_RATED
    assert english.level == level and english.value == SELF_RATED_SCORES[level]
    assert english.score == pytest.approx(score) and english.attempt is None
    assert result.index == pytest.approx((80 + score) / 2)
    assert result.confidence == 0.75
    assert english.to_dict()["level"] == level and english.to_dict()["evidence"] is None


def test_the_other_language_falls_back_to_its_own_self_rating():
    track = TrackSpec("domestic-voice", "", (
        comp("english", "english.percent", 1, 40, 70, 90, "english-level"),
        comp("other-language", "language.other", 1, 0, 50, 80, "other-language-level"),
    ))  # fmt: skip
    ratings = SelfRatings(english="basic", other_language="native")

    result = track_index(track, [], ratings, as_of=NOW)

    english, other = by_key(result)["english"], by_key(result)["other-language"]
    assert english.level == "basic" and english.score == 0.0
    assert other.level == "native" and other.score == MEETS_SCORE  # 100 on its scale, capped
    assert result.confidence == 0.5 and result.index == pytest.approx(40.0)


def test_a_self_rating_is_ignored_when_unknown_or_when_the_component_takes_none():
    typing_only = TrackSpec("kpo", "", (comp("typing-speed", "typing.wpm", 1, 10, 25, 35),))

    unknown_level = track_index(TWO, [], SelfRatings(english="expert"), as_of=NOW)
    not_rateable = track_index(typing_only, [], SelfRatings("native", "native"), as_of=NOW)

    assert by_key(unknown_level)["english"].status is Status.MISSING
    assert not_rateable.index is None and not_rateable.confidence == 0.0


def test_a_measured_result_replaces_the_self_rating_even_when_lower():
    rated = track_index(TWO, [typing(25, 99)], SelfRatings(english="fluent"), as_of=NOW)
    measured = track_index(
        TWO, [typing(25, 99), att("english", "english:1", percent=55)],
        SelfRatings(english="fluent"), as_of=NOW,
    )  # fmt: skip

    english = by_key(measured)["english"]
    assert english.status is Status.MEASURED and english.level is None
    assert english.score == pytest.approx(40.0) and english.attempt.ref == "english:1"
    assert measured.confidence == 1.0 > rated.confidence
    assert measured.index < rated.index  # the measurement is the better evidence


def test_results_older_than_recent_days_are_ignored():
    old = typing(35, 99, "typing:old", days_ago=RECENT_DAYS + 1 / 86400)
    edge = typing(20, 99, "typing:edge", days_ago=RECENT_DAYS)

    only_old = track_index(TWO, [old], NO_RATINGS, as_of=NOW)
    with_edge = track_index(TWO, [old, edge], NO_RATINGS, as_of=NOW)

    assert only_old.index is None
    assert by_key(with_edge)["typing-speed"].attempt.ref == "typing:edge"


def test_the_best_attempt_is_chosen_by_weighted_points_not_by_one_figure():
    track = TrackSpec("chat-email", "", (
        comp("typing-speed", "typing.wpm", 1, 15, 30, 40),
        comp("typing-accuracy", "typing.accuracy", 3, 80, 90, 98),
    ))  # fmt: skip
    fast = typing(40, 85, "typing:fast")  # 100 + 3 * 40 = 220
    careful = typing(30, 98, "typing:careful")  # 80 + 3 * 100 = 380

    result = track_index(track, [fast, careful], NO_RATINGS, as_of=NOW)

    assert {c.attempt.ref for c in result.components} == {"typing:careful"}
    assert result.index == pytest.approx(380 / 4)


@pytest.mark.parametrize("order", [1, -1])
def test_on_a_tie_the_latest_attempt_is_chosen(order):
    earlier = typing(30, 95, "typing:earlier", days_ago=10)
    later = typing(30, 95, "typing:later", days_ago=2)
    weaker = typing(25, 95, "typing:weaker", days_ago=1)  # the latest, but worth 80, not 90

    result = track_index(TWO, [earlier, later, weaker][::order], NO_RATINGS, as_of=NOW)

    assert by_key(result)["typing-speed"].attempt.ref == "typing:later"


def test_an_attempt_lacking_a_needed_value_leaves_that_component_missing():
    track = TrackSpec("chat-email", "", (
        comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
        comp("typing-accuracy", "typing.accuracy", 1, 80, 90, 98),
        comp("english", "english.percent", 1, 40, 70, 90, "english-level"),
    ))  # fmt: skip
    attempts = [
        att("typing", "typing:1", wpm=30),
        att("english", "english:1", words=200),  # no percent at all
        att("computer", "computer:1", percent=90),  # a test this track does not use
    ]

    result = track_index(track, attempts, SelfRatings(english="fluent"), as_of=NOW)

    parts = by_key(result)
    assert parts["typing-speed"].status is Status.MEASURED
    assert parts["typing-speed"].attempt.ref == "typing:1"
    assert parts["typing-accuracy"].status is Status.MISSING
    assert parts["english"].status is Status.SELF_RATED  # the attempt had no percent
    assert result.index == pytest.approx(85.0)


def test_a_nan_result_scores_zero():
    result = track_index(TWO, [typing(math.nan, 99)], NO_RATINGS, as_of=NOW)

    assert by_key(result)["typing-speed"].score == 0.0 and result.index == 0.0


# ---- Strengths, gaps, labels, serialisation --------------------------------------------


def test_strengths_meet_the_bar_and_gaps_come_biggest_possible_gain_first():
    track = TrackSpec("kpo", "", (
        comp("typing-speed", "typing.wpm", 1, 10, 25, 35),
        comp("english", "english.percent", 2, 40, 70, 90),
        comp("judgment", "judgment.percent", 1, 30, 60, 85),
        comp("computer", "computer.percent", 1, 30, 60, 85),
        comp("chat", "reply.chat", 1, 0, 60, 85),
    ))  # fmt: skip
    attempts = [typing(25, 99), att("english", percent=55), att("judgment", percent=45)]

    result = track_index(track, attempts, NO_RATINGS, as_of=NOW)

    assert [c.spec.key for c in result.strengths] == ["typing-speed"]
    # english 2 * (80 - 40) = 80; chat and computer 1 * 80 (by key); judgment 1 * 40.
    assert [c.spec.key for c in result.gaps] == ["chat", "computer", "english", "judgment"]
    assert [c.gain for c in result.gaps] == pytest.approx([80, 80, 80, 40])
    assert by_key(result)["typing-speed"].gain == 0.0


@pytest.mark.parametrize(
    ("confidence", "label"),
    [(1.0, "high"), (0.8, "high"), (0.79, "medium"), (0.5, "medium"), (0.49, "low"),
     (0.01, "low"), (0.0, "none")],
)  # fmt: skip
def test_the_confidence_label_buckets(confidence, label):
    result = track_index(TWO, [], NO_RATINGS, as_of=NOW)
    shifted = type(result)(
        result.track, None, 0.0, 100.0, confidence, result.components, result.version
    )

    assert shifted.confidence_label == label


def test_to_dict_rounds_and_names_the_evidence():
    attempt = att("typing", "typing:42", days_ago=3, wpm=27.123, accuracy=99)

    data = track_index(TWO, [attempt], NO_RATINGS, as_of=NOW, version="v1").to_dict()

    assert data["track"] == "chat-email" and data["version"] == "v1"
    assert data["rules_version"] == READINESS_RULES_VERSION
    assert data["index"] == 84.2 and data["low"] == 42.1 and data["high"] == 92.1
    assert data["confidence"] == 0.5 and data["confidence_label"] == "medium"
    speed, english = data["components"]
    assert speed == {
        "key": "typing-speed", "label": "Typing-Speed", "measure": "typing.wpm",
        "status": "measured", "value": 27.1, "level": None, "score": 84.2, "points": 84.25,
        "weight": 1, "floor": 10, "threshold": 25, "target": 35, "meets": True,
        "evidence": "typing:42", "taken_at": attempt.taken_at.isoformat(),
        "sources": [{"label": SOURCE.label, "url": SOURCE.url, "grade": "C"}],
    }  # fmt: skip
    assert english["status"] == "missing" and english["score"] is None
    assert english["evidence"] is None and english["taken_at"] is None


def test_readiness_ranks_tracks_by_low_end_then_index_then_slug():
    def one(slug, *components):
        return TrackSpec(slug, "", components)

    spec = IndexSpec("2026-03", (
        one("kpo", comp("judgment", "judgment.percent", 1, 30, 60, 85)),
        one("back-office", comp("speed", "typing.wpm", 1, 10, 25, 35)),
        one("chat-email", comp("speed", "typing.wpm", 1, 10, 25, 35),
            comp("chat", "reply.chat", 1, 0, 60, 85)),
        one("domestic-voice", comp("speed", "typing.wpm", 1, 10, 25, 35)),
        one("international-voice", comp("english", "english.percent", 1, 40, 70, 90)),
    ))  # fmt: skip

    ranked = readiness(spec, [typing(25, 99)], NO_RATINGS, as_of=NOW)

    # back-office and domestic-voice tie on low end 80 and index 80 (slug order); chat-email
    # has index 80 but a lower low end (half its weight is missing); tracks without an index
    # come last, by slug.
    order = ["back-office", "domestic-voice", "chat-email", "international-voice", "kpo"]
    assert [r.track for r in ranked] == order
    assert {r.version for r in ranked} == {"2026-03"}
    assert spec.track("kpo") is spec.tracks[0] and spec.track("bpo") is None
    assert spec.tracks[2].total_weight == 2


def test_a_track_proven_on_all_its_evidence_outranks_a_higher_index_on_half_of_it():
    half = TrackSpec("chat-email", "", (
        comp("speed", "typing.wpm", 1, 10, 25, 35), comp("chat", "reply.chat", 1, 0, 60, 85),
    ))  # fmt: skip
    full = TrackSpec("back-office", "", (comp("speed", "typing.wpm", 1, 10, 25, 100),))
    ranked = readiness(IndexSpec("v", (half, full)), [typing(40, 99)], NO_RATINGS, as_of=NOW)
    by_slug = {r.track: r for r in ranked}
    assert by_slug["chat-email"].index == 100 and by_slug["chat-email"].low == 50
    assert 50 < by_slug["back-office"].low == by_slug["back-office"].index < 100
    assert [r.track for r in ranked] == ["back-office", "chat-email"]


# ---- Properties: bounds, explained points, monotonicity ----------------------------------

TESTS = sorted({test for test, _ in MEASURES.values()})
KEYS = {test: sorted({key for t, key in MEASURES.values() if t == test}) for test in TESTS}
LEVELS = st.sampled_from([None, *SELF_RATED_SCORES, "expert"])
RATINGS = st.builds(SelfRatings, LEVELS, LEVELS)
RESULT_VALUES = st.floats(-50, 250, allow_nan=False)


@st.composite
def tracks(draw):
    measures = draw(st.lists(st.sampled_from(sorted(MEASURES)), min_size=1, max_size=6))
    components = []
    for number, measure in enumerate(measures):
        rating = draw(st.sampled_from([None, "english-level", "other-language-level"]))
        weight = draw(st.floats(0.05, 10))
        scale = draw(scales(-20.0, 200.0))
        components.append(comp(f"c{number}", measure, weight, *scale, self_rated=rating))
    return TrackSpec("kpo", "", tuple(components))


def attempts(*, complete, min_size=0):
    """Attempts on any test; `complete` ones carry every value their test yields."""

    @st.composite
    def one(draw):
        test = draw(st.sampled_from(TESTS))
        if complete:
            values = draw(st.fixed_dictionaries({k: RESULT_VALUES for k in KEYS[test]}))
        else:
            values = draw(st.dictionaries(st.sampled_from(KEYS[test]), RESULT_VALUES))
        days = draw(st.sampled_from([0, 1, 30, 100, RECENT_DAYS, RECENT_DAYS + 1, 400]))
        return att(test, f"{test}:{draw(st.integers(0, 10**6))}", days, **values)

    return st.lists(one(), min_size=min_size, max_size=8)


def statuses(result):
    return [c.status for c in result.components]


@settings(max_examples=300)
@given(track=tracks(), results=attempts(complete=False), ratings=RATINGS)
def test_the_index_is_bounded_and_every_point_is_explained(track, results, ratings):
    result = track_index(track, results, ratings, as_of=NOW)

    middle = result.low if result.index is None else result.index
    assert 0.0 <= result.low <= middle <= result.high <= 100.0
    assert 0.0 <= result.confidence <= 1.0
    assert math.isclose(sum(c.points for c in result.components), result.index or 0.0,
                        abs_tol=1e-9)  # fmt: skip
    for part in result.components:
        if part.status is Status.MEASURED:
            assert part.attempt is not None and part.attempt.test == part.spec.test
            assert part.attempt.taken_at >= NOW - datetime.timedelta(days=RECENT_DAYS)
            assert part.value == part.attempt.values[MEASURES[part.spec.measure][1]]
        elif part.status is Status.SELF_RATED:
            assert part.attempt is None and part.level in SELF_RATED_SCORES
            assert part.score is not None and part.score <= MEETS_SCORE
        else:
            assert part.score is None and part.points == 0.0
        if part.score is not None:
            assert 0.0 <= part.score <= 100.0
    if result.index is None:
        assert result.confidence == 0.0 and result.low == 0.0 and result.high == 100.0


@settings(max_examples=300)
@given(
    track=tracks(),
    results=attempts(complete=True, min_size=1),
    ratings=RATINGS,
    data=st.data(),
)
def test_a_better_value_never_lowers_the_index(track, results, ratings, data):
    number = data.draw(st.integers(0, len(results) - 1), label="attempt")
    chosen = results[number]
    key = data.draw(st.sampled_from(sorted(chosen.values)), label="value")
    better = chosen.values[key] + data.draw(st.floats(0, 300), label="by")
    improved = Attempt(chosen.test, chosen.ref, chosen.taken_at, {**chosen.values, key: better})

    before = track_index(track, results, ratings, as_of=NOW)
    after = track_index(track, [*results[:number], improved, *results[number + 1 :]], ratings,
                        as_of=NOW)  # fmt: skip

    assert statuses(after) == statuses(before)  # complete attempts: the same components
    if before.index is not None:
        assert after.index >= before.index
        assert after.low >= before.low and after.high >= before.high


@settings(max_examples=300)
@given(
    track=tracks(),
    results=attempts(complete=False),
    extra=attempts(complete=False, min_size=1),
    ratings=RATINGS,
)
def test_adding_an_attempt_never_lowers_the_index_when_the_same_components_stay_present(
    track, results, extra, ratings
):
    before = track_index(track, results, ratings, as_of=NOW)
    after = track_index(track, [*results, extra[0]], ratings, as_of=NOW)
    # The same components present, measured or self-rated as before (a measurement replacing
    # a self-rating may well be lower: see the test above on that).
    assume(statuses(after) == statuses(before))

    if before.index is not None:
        assert after.index >= before.index
        assert after.low >= before.low and after.high >= before.high
        assert after.confidence == before.confidence


@given(track=tracks(), results=attempts(complete=False), ratings=RATINGS)
def test_the_order_of_the_attempts_does_not_matter(track, results, ratings):
    # Distinct times, as real results have: ties then always go to the latest.
    results = [
        Attempt(a.test, a.ref, a.taken_at - datetime.timedelta(seconds=n), a.values)
        for n, a in enumerate(results)
    ]
    forward = track_index(track, results, ratings, as_of=NOW)
    backward = track_index(track, results[::-1], ratings, as_of=NOW)

    assert forward.index == backward.index
    assert [c.value for c in forward.components] == [c.value for c in backward.components]


# ---- Parsing the content ---------------------------------------------------------------


def source(**changes):
    return {"label": "BPO Guide", "url": "https://www.bpo-guide.com/", "grade": "C", **changes}


def component(key, measure, **changes):
    return {
        "key": key, "label": key.title(), "measure": measure, "weight": 2, "floor": 10,
        "threshold": 25, "target": 35, "why": "Hiring tests check it.",
        "next_step": "Take the test.", "sources": [source()], **changes,
    }  # fmt: skip


def index_raw():
    return {
        "version": "2026-03",
        "tracks": [
            {
                "track": "chat-email",
                "summary": "  Chat and e-mail support.  ",
                "components": [
                    component("typing-speed", "typing.wpm", note="Net WPM."),
                    component(
                        "english",
                        "english.percent",
                        self_rated="english-level",
                        floor=40.5,
                        threshold=70,
                        target=90,
                    ),
                ],
            },
            {
                "track": "domestic-voice",
                "components": [
                    component(
                        "other-language",
                        "language.other",
                        self_rated="other-language-level",
                        floor=0,
                        threshold=50,
                        target=80,
                    ),
                ],
            },
        ],
    }


def test_a_valid_index_spec_parses():
    spec = parse_index_spec(index_raw(), known_tracks=["chat-email", "domestic-voice", "kpo"])

    assert spec.version == "2026-03"
    chat = spec.track("chat-email")
    assert chat.summary == "Chat and e-mail support."
    speed, english = chat.components
    assert speed == ComponentSpec(
        "typing-speed", "Typing-Speed", "typing.wpm", 2.0, 10.0, 25.0, 35.0,
        why="Hiring tests check it.", next_step="Take the test.", note="Net WPM.",
        sources=(Source("BPO Guide", "https://www.bpo-guide.com/", "C"),),
    )  # fmt: skip
    assert isinstance(speed.weight, float)
    assert english.self_rated == "english-level" and english.floor == 40.5
    assert english.note == ""
    other = spec.track("domestic-voice")
    assert other.summary == "" and other.components[0].self_rated == "other-language-level"
    assert parse_index_spec(index_raw()) == spec  # no known_tracks: any slug


def first_component(raw):
    return raw["tracks"][0]["components"][0]


def spec_error(mutate, known_tracks=None):
    raw = copy.deepcopy(index_raw())
    mutate(raw)
    with pytest.raises(ReadinessSpecError) as caught:
        parse_index_spec(raw, known_tracks=known_tracks)
    return str(caught.value)


COMPONENT = "track chat-email component 1 (typing-speed)"

SPEC_ERRORS = [
    (lambda r: r.pop("version"), "index: version must be a non-empty text"),
    (lambda r: r.update(version="  "), "index: version must be a non-empty text"),
    (lambda r: r.update(tracks=[]), "index: tracks must be a non-empty list"),
    (lambda r: r.update(tracks={"kpo": {}}), "index: tracks must be a non-empty list"),
    (lambda r: r["tracks"].append("kpo"), "track 3: must be a mapping"),
    (lambda r: r["tracks"][0].pop("track"), "track 1: track must be a non-empty text"),
    (lambda r: r["tracks"][1].update(track="chat-email"), "track chat-email: appears twice"),
    (lambda r: r["tracks"][0].update(summary=["Chat"]), "track chat-email: summary must be a text"),
    (lambda r: r["tracks"][0].pop("components"),
     "track chat-email: components must be a non-empty list"),
    (lambda r: r["tracks"][0].update(components=[]),
     "track chat-email: components must be a non-empty list"),
    (lambda r: r["tracks"][0]["components"].append(7),
     "track chat-email component 3: must be a mapping"),
    (lambda r: first_component(r).pop("key"),
     "track chat-email component 1: key must be a non-empty text"),
    (lambda r: r["tracks"][0]["components"][1].update(key="typing-speed"),
     "track chat-email: component key 'typing-speed' appears twice"),
    (lambda r: first_component(r).update(measure="typing.cpm"),
     f"{COMPONENT}: unknown measure 'typing.cpm'; use one of typing.wpm, typing.accuracy, "
     "data_entry.kph"),
    (lambda r: first_component(r).pop("measure"), f"{COMPONENT}: unknown measure ''"),
    (lambda r: first_component(r).update(self_rated="typing-level"),
     f"{COMPONENT}: self_rated must be empty or one of english-level, other-language-level"),
    (lambda r: first_component(r).update(self_rated=["english-level"]),
     f"{COMPONENT}: self_rated must be empty or one of english-level, other-language-level"),
    (lambda r: r["tracks"][1]["components"][0].pop("self_rated"),
     "track domestic-voice component 1 (other-language): language.other can only be "
     "self-rated; set self_rated"),
    (lambda r: first_component(r).update(weight="2"), f"{COMPONENT}: weight must be a number"),
    (lambda r: first_component(r).update(weight=True), f"{COMPONENT}: weight must be a number"),
    (lambda r: first_component(r).update(weight=math.nan),
     f"{COMPONENT}: weight must be a number"),
    (lambda r: first_component(r).update(weight=0), f"{COMPONENT}: weight must be above 0"),
    (lambda r: first_component(r).update(weight=-1), f"{COMPONENT}: weight must be above 0"),
    (lambda r: first_component(r).pop("floor"), f"{COMPONENT}: floor must be a number"),
    (lambda r: first_component(r).update(threshold=None),
     f"{COMPONENT}: threshold must be a number"),
    (lambda r: first_component(r).update(target=math.inf), f"{COMPONENT}: target must be a number"),
    (lambda r: first_component(r).update(threshold=35),
     f"{COMPONENT}: needs floor < threshold < target"),
    (lambda r: first_component(r).update(floor=30),
     f"{COMPONENT}: needs floor < threshold < target"),
    (lambda r: first_component(r).update(label=""), f"{COMPONENT}: label must be a non-empty text"),
    (lambda r: first_component(r).pop("why"), f"{COMPONENT}: why must be a non-empty text"),
    (lambda r: first_component(r).update(next_step=3),
     f"{COMPONENT}: next_step must be a non-empty text"),
    (lambda r: first_component(r).update(note=5), f"{COMPONENT}: note must be a text"),
    (lambda r: first_component(r).pop("sources"), f"{COMPONENT}: needs at least one source"),
    (lambda r: first_component(r).update(sources=[]), f"{COMPONENT}: needs at least one source"),
    (lambda r: first_component(r).update(sources=["BPO Guide"]),
     f"{COMPONENT} source 1: must be a mapping with label, url and grade"),
    (lambda r: first_component(r)["sources"].append(source(label=" ")),
     f"{COMPONENT} source 2: label must be a non-empty text"),
    (lambda r: first_component(r).update(sources=[source(url=None)]),
     f"{COMPONENT} source 1: url must be a non-empty text"),
    (lambda r: first_component(r).update(sources=[source(url="www.bpo-guide.com")]),
     f"{COMPONENT} source 1: url must start with http:// or https://"),
    (lambda r: first_component(r).update(sources=[source(grade="D")]),
     f"{COMPONENT} source 1: grade must be A, B or C"),
    (lambda r: first_component(r).update(sources=[source(grade=None)]),
     f"{COMPONENT} source 1: grade must be A, B or C"),
]  # fmt: skip


@pytest.mark.parametrize(("mutate", "message"), SPEC_ERRORS)
def test_each_problem_in_the_index_content_is_named(mutate, message):
    assert message in spec_error(mutate)


def test_a_track_outside_the_known_tracks_is_named():
    message = spec_error(lambda r: None, known_tracks=["chat-email"])

    assert message == "track domestic-voice: is not a known track"


def test_the_index_content_must_be_a_mapping():
    with pytest.raises(ReadinessSpecError, match="must be a mapping with version and tracks"):
        parse_index_spec(["chat-email"])


def test_every_problem_is_listed_not_just_the_first():
    def break_twice(raw):
        raw.pop("version")
        first_component(raw).update(weight=0, sources=[source(grade="Z")])

    message = spec_error(break_twice)

    assert message.split("; ") == [
        "index: version must be a non-empty text",
        f"{COMPONENT}: weight must be above 0",
        f"{COMPONENT} source 1: grade must be A, B or C",
    ]
