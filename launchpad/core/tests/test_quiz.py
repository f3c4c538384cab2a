from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from launchpad.core.quiz import (
    QUIZ_RULES_VERSION,
    FormItem,
    Item,
    Option,
    QuizError,
    assemble_form,
    score_quiz,
)


def mcq(slug, skill="grammar", difficulty="easy", cefr="", passage="", right=0, n=4):
    options = tuple(Option(f"{slug} option {i}", 1 if i == right else 0) for i in range(n))
    return Item(slug, skill, difficulty, f"{slug}?", options, "Because.", passage, cefr)


def sjt(slug, scores=(3, 2, 1, 0)):
    return Item(slug, "irate-customer", "medium", "Best move?",
                tuple(Option(f"{slug} {s}", s) for s in scores))  # fmt: skip


BANK = (
    [mcq(f"g{i}", "grammar", ("easy", "medium", "hard")[i % 3], ("A2", "B1", "B2", "C1")[i % 4])
     for i in range(12)]
    + [mcq(f"r{i}", "reading", "medium", "B1", passage=f"passage {i // 3}") for i in range(9)]
)  # fmt: skip
BY_SLUG = {item.slug: item for item in BANK}


def natural(items, slugs):
    """A form showing each item's options in their original order."""
    return tuple(FormItem(slug, tuple(range(len(items[slug].options)))) for slug in slugs)


def test_a_form_draws_the_asked_number_per_skill_across_difficulties():
    form = assemble_form(BANK, per_skill={"grammar": 6, "reading": 3}, rng=random.Random(4))

    grammar = [BY_SLUG[f.slug] for f in form if BY_SLUG[f.slug].skill == "grammar"]
    assert len(form) == 9 and len(grammar) == 6
    assert {item.difficulty for item in grammar} == {"easy", "medium", "hard"}
    assert len({f.slug for f in form}) == 9
    assert all(sorted(f.order) == [0, 1, 2, 3] for f in form)


def test_items_sharing_a_passage_stay_together_and_the_seed_decides_the_form():
    form = assemble_form(BANK, per_skill={"reading": 9}, rng=random.Random(1))
    passages = [BY_SLUG[f.slug].passage for f in form]
    assert passages == sorted(passages, key=passages.index)
    assert form == assemble_form(BANK, per_skill={"reading": 9}, rng=random.Random(1))


def test_asking_for_more_items_than_exist_is_an_error():
    with pytest.raises(QuizError, match="only 9 reading items"):
        assemble_form(BANK, per_skill={"reading": 10}, rng=random.Random())


def test_scoring_follows_the_shuffled_order_and_reports_per_skill():
    form = (FormItem("g0", (2, 0, 1, 3)), FormItem("r0", (0, 1, 2, 3)))
    # g0's right answer (original 0) is displayed second; r0 answered wrong.
    score = score_quiz(BY_SLUG, form, {"g0": 1, "r0": 2})

    assert (score.earned, score.possible, score.percent) == (1, 2, 50)
    assert [(s.skill, s.percent) for s in score.skills] == [("grammar", 100), ("reading", 0)]
    assert score.items[0].chosen == 0 and score.items[1].chosen == 2
    assert score.weakest_skill() == "reading"
    assert score.to_dict()["rules_version"] == QUIZ_RULES_VERSION


def test_unanswered_items_earn_nothing_and_bad_answers_are_errors():
    drawn = assemble_form(BANK, per_skill={"grammar": 2}, rng=random.Random(2))
    form = natural(BY_SLUG, [entry.slug for entry in drawn])
    score = score_quiz(BY_SLUG, form, {})
    assert score.answered == 0 and score.percent == 0
    with pytest.raises(QuizError, match="no option 5"):
        score_quiz(BY_SLUG, form, {form[0].slug: 4})
    with pytest.raises(QuizError, match="not on this form"):
        score_quiz(BY_SLUG, form, {"zzz": 0})
    assert score_quiz(BY_SLUG, (), {}).percent == 0


def test_situational_judgment_gives_partial_credit():
    items = {"s1": sjt("s1"), "s2": sjt("s2", (0, 3, 1, 2))}
    form = natural(items, ["s1", "s2"])
    score = score_quiz(items, form, {"s1": 1, "s2": 3})

    assert (score.earned, score.possible) == (4, 6)
    assert score.items[1].best == 1
    assert score.cefr_estimate == ""


@pytest.mark.parametrize(
    ("right_levels", "expected"),
    [((), "below A2"), (("A2",), "A2"), (("A2", "B1"), "B1"), (("A2", "B1", "B2", "C1"), "C1"),
     (("B1", "B2", "C1"), "below A2"), (("A2", "B2"), "A2")],
)  # fmt: skip
def test_the_cefr_estimate_is_the_highest_level_reached_without_gaps(right_levels, expected):
    items = {
        f"{lv}{i}": mcq(f"{lv}{i}", cefr=lv) for lv in ("A2", "B1", "B2", "C1") for i in range(2)
    }
    form = natural(items, list(items))
    answers = {slug: (0 if item.cefr in right_levels else 1) for slug, item in items.items()}

    assert score_quiz(items, form, answers).cefr_estimate == expected


def test_a_level_with_no_items_on_the_form_is_skipped():
    items = {"a": mcq("a", cefr="A2"), "c": mcq("c", cefr="B2")}
    form = natural(items, ["a", "c"])
    assert score_quiz(items, form, {"a": 0, "c": 0}).cefr_estimate == "B2"


@given(st.lists(st.integers(0, 3) | st.none(), min_size=6, max_size=6), st.integers(0, 5),
       st.integers(0, 3))  # fmt: skip
def test_scores_stay_in_range_and_a_better_answer_never_scores_lower(choices, which, better):
    items = {f"s{i}": sjt(f"s{i}") for i in range(6)}
    form = natural(items, list(items))
    answers = {f"s{i}": c for i, c in enumerate(choices)}
    score = score_quiz(items, form, answers)
    assert 0 <= score.percent <= 100
    current = answers[f"s{which}"]
    current_points = 0 if current is None else 3 - current
    if 3 - better >= current_points:
        improved = score_quiz(items, form, {**answers, f"s{which}": better})
        assert improved.earned >= score.earned
