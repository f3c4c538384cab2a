"""Multiple-choice tests: English, customer-service judgment and computer proficiency.

An attempt draws a balanced form (the same number of items from every skill, spread over
difficulties) with each item's options shuffled, and is scored per skill. Options carry
points: one option scores 1 on right-or-wrong items; situational-judgment options score 0
(harmful) to 3 (best), so a sensible but weaker answer earns partial credit.

The English test also gives an estimated CEFR band. The rule is ours, not an official
mapping, and is labelled as an estimate wherever it is shown: a level counts as reached when
the candidate earns at least LEVEL_PASS_SHARE of the points on that level's items, and the
estimate is the highest level reached with every level below it reached too.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

QUIZ_RULES_VERSION = "quiz-1"
CEFR_LEVELS = ("A2", "B1", "B2", "C1")
LEVEL_PASS_SHARE = 0.6
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Option:
    text: str
    score: int


@dataclass(frozen=True)
class Item:
    slug: str
    skill: str
    difficulty: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str = ""
    passage: str = ""
    cefr: str = ""

    @property
    def max_score(self) -> int:
        return max(option.score for option in self.options)


@dataclass(frozen=True)
class FormItem:
    """An item on a candidate's form: `order[i]` is the original index of displayed option i."""

    slug: str
    order: tuple[int, ...]


class QuizError(ValueError):
    pass


def assemble_form(
    items: Sequence[Item], *, per_skill: Mapping[str, int], rng: random.Random
) -> tuple[FormItem, ...]:
    """Draws `per_skill[skill]` items of each skill, spread across difficulties.

    Items are taken in turn from each difficulty (shuffled within it), so a form has easy,
    medium and hard items in proportion to what exists. Items sharing a passage stay next to
    each other. Raises QuizError when a skill has fewer items than asked for.
    """
    chosen: list[Item] = []
    for skill in sorted(per_skill):
        wanted = per_skill[skill]
        pool = sorted((item for item in items if item.skill == skill), key=lambda i: i.slug)
        if len(pool) < wanted:
            raise QuizError(f"only {len(pool)} {skill} items for {wanted} places")
        buckets = [[item for item in pool if item.difficulty == level] for level in DIFFICULTIES]
        for bucket in buckets:
            rng.shuffle(bucket)
        picked: list[Item] = []
        while len(picked) < wanted:
            for bucket in buckets:
                if bucket and len(picked) < wanted:
                    picked.append(bucket.pop())
        first_seen: dict[str, int] = {}
        for index, item in enumerate(picked):
            first_seen.setdefault(item.passage, index)
        picked.sort(key=lambda item: (first_seen[item.passage], item.slug))
        chosen.extend(picked)
    form = []
    for item in chosen:
        order = list(range(len(item.options)))
        rng.shuffle(order)
        form.append(FormItem(item.slug, tuple(order)))
    return tuple(form)


@dataclass(frozen=True)
class ItemResult:
    slug: str
    skill: str
    chosen: int | None  # original option index, None when unanswered
    best: int  # original index of the best option
    earned: int
    possible: int


@dataclass(frozen=True)
class SkillScore:
    skill: str
    earned: int
    possible: int
    items: int

    @property
    def percent(self) -> float:
        return 100 * self.earned / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class QuizScore:
    percent: float
    earned: int
    possible: int
    answered: int
    skills: tuple[SkillScore, ...]
    items: tuple[ItemResult, ...]
    cefr_estimate: str  # "" when no item carries a level; "below A2" when A2 is not reached
    rules_version: str = QUIZ_RULES_VERSION

    def weakest_skill(self) -> str:
        """The skill with the lowest percentage (alphabetically first on a tie)."""
        return min(self.skills, key=lambda s: (s.percent, s.skill)).skill

    def to_dict(self) -> dict[str, object]:
        return {
            "percent": round(self.percent, 2),
            "earned": self.earned,
            "possible": self.possible,
            "answered": self.answered,
            "skills": [
                {
                    "skill": s.skill,
                    "percent": round(s.percent, 2),
                    "earned": s.earned,
                    "possible": s.possible,
                    "items": s.items,
                }
                for s in self.skills
            ],
            "items": [
                {
                    "slug": r.slug,
                    "skill": r.skill,
                    "chosen": r.chosen,
                    "best": r.best,
                    "earned": r.earned,
                    "possible": r.possible,
                }
                for r in self.items
            ],
            "cefr_estimate": self.cefr_estimate,
            "weakest_skill": self.weakest_skill() if self.skills else "",
            "rules_version": self.rules_version,
        }


def score_quiz(
    items: Mapping[str, Item], form: Sequence[FormItem], answers: Mapping[str, int | None]
) -> QuizScore:
    """Scores `answers` (item slug → displayed option index, or None) against `form`.

    An answer outside the displayed options, or for an item not on the form, is an error;
    an item left out of `answers` is unanswered and earns nothing.
    """
    on_form = {entry.slug for entry in form}
    stray = sorted(set(answers) - on_form)
    if stray:
        raise QuizError(f"answers for items not on this form: {', '.join(stray)}")
    results: list[ItemResult] = []
    for entry in form:
        item = items[entry.slug]
        displayed = answers.get(entry.slug)
        if displayed is not None and not 0 <= displayed < len(entry.order):
            raise QuizError(f"{entry.slug}: there is no option {displayed + 1}")
        chosen = None if displayed is None else entry.order[displayed]
        best = max(range(len(item.options)), key=lambda i: (item.options[i].score, -i))
        earned = 0 if chosen is None else item.options[chosen].score
        results.append(ItemResult(item.slug, item.skill, chosen, best, earned, item.max_score))
    skills = []
    for skill in sorted({r.skill for r in results}):
        own = [r for r in results if r.skill == skill]
        skills.append(SkillScore(skill, sum(r.earned for r in own),
                                 sum(r.possible for r in own), len(own)))  # fmt: skip
    earned = sum(r.earned for r in results)
    possible = sum(r.possible for r in results)
    return QuizScore(
        percent=100 * earned / possible if possible else 0.0,
        earned=earned,
        possible=possible,
        answered=sum(1 for r in results if r.chosen is not None),
        skills=tuple(skills),
        items=tuple(results),
        cefr_estimate=_cefr_estimate(items, results),
    )


def _cefr_estimate(items: Mapping[str, Item], results: Sequence[ItemResult]) -> str:
    by_level: dict[str, list[ItemResult]] = {}
    for result in results:
        level = items[result.slug].cefr
        if level:
            by_level.setdefault(level, []).append(result)
    if not by_level:
        return ""
    estimate = "below A2"
    for level in CEFR_LEVELS:
        own = by_level.get(level)
        if not own:
            continue
        possible = sum(r.possible for r in own)
        if sum(r.earned for r in own) < LEVEL_PASS_SHARE * possible:
            break
        estimate = level
    return estimate
