"""The written reply test (the chat and e-mail round): a rubric a candidate can follow.

A reply is scored on six criteria, each 0-100 with a stated weight, and every criterion
says what it found. Grammar and spelling issues come from an offline checker outside this
module (passed in as `GrammarIssue`s), so this module stays pure and deterministic.

| criterion | weight | how |
|---|---|---|
| spelling and grammar | 25 | 100 minus 12 per issue per 100 words, floored at 0 |
| greeting and closing | 15 | 50 for a greeting, 50 for a closing line |
| apology and empathy | 20 | 50 for an apology, 50 for an empathy phrase |
| ownership and next steps | 20 | 50 for first-person action, 50 for a time or reference |
| clarity | 10 | half sentence length (full to 20 words, none from 35), half reading ease |
| tone | 10 | 100 minus 25 per blaming phrase, slang word, capitalised word of 4+ letters or "!!" |

Reading ease is the Flesch score with syllables estimated from vowel groups: full marks
from 70 (plain English), none at 30 (hard going).

The phrase lists are ours: they follow the QA scorecard behaviours in the fact sheet (§5.1:
empathy, ownership, professional close) and are meant to coach, not to grade like a human.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

REPLY_RULES_VERSION = "reply-2"

GREETINGS = ("hi", "hello", "dear", "good morning", "good afternoon", "good evening",
             "greetings", "thank you for reaching out", "thank you for contacting",
             "thanks for reaching out", "thanks for contacting")  # fmt: skip
CLOSINGS = ("regards", "sincerely", "best wishes", "thank you", "thanks", "have a great",
            "have a good", "have a nice", "take care", "anything else", "happy to help",
            "feel free to")  # fmt: skip
APOLOGIES = ("sorry", "apologise", "apologize", "apologies", "regret")
EMPATHY = ("i understand", "i can understand", "i can see", "i know how", "frustrating",
           "inconvenience", "must have been", "i appreciate", "thank you for your patience",
           "i realise", "i realize")  # fmt: skip
OWNERSHIP = ("i will", "i'll", "i have", "i've", "we will", "we'll", "we have", "let me",
             "i am going to", "i'm going to", "i can", "i've raised", "i have raised")  # fmt: skip
TIME_OR_REFERENCE = re.compile(
    r"\b(within|by|today|tomorrow|hours?|days?|minutes?|working days|business days|"
    r"reference|ticket|case|ord-\d+|[a-z]{2,5}-\d{3,})\b",
    re.IGNORECASE,
)
BLAME = ("you should have", "your fault", "you failed", "you didn't read", "as i said",
         "obviously", "calm down", "not my problem", "you must have")  # fmt: skip
SLANG = ("gonna", "wanna", "pls", "plz", "asap", "lol", "bro", "ya", "u", "ur", "thx", "k",
         "okie", "coz", "cuz")  # fmt: skip
WORD = re.compile(r"[A-Za-z']+")
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


@dataclass(frozen=True)
class GrammarIssue:
    kind: str
    message: str
    text: str


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    weight: int
    score: float
    found: str


@dataclass(frozen=True)
class ReplyScore:
    total: float
    criteria: tuple[Criterion, ...]
    words: int
    sentences: int
    wpm: float
    issues: tuple[GrammarIssue, ...]
    rules_version: str = REPLY_RULES_VERSION

    def to_dict(self) -> dict[str, object]:
        return {
            "total": round(self.total, 1),
            "criteria": [
                {
                    "key": c.key,
                    "label": c.label,
                    "weight": c.weight,
                    "score": round(c.score, 1),
                    "found": c.found,
                }
                for c in self.criteria
            ],
            "words": self.words,
            "sentences": self.sentences,
            "wpm": round(self.wpm, 1),
            "issues": [{"kind": i.kind, "message": i.message, "text": i.text} for i in self.issues],
            "rules_version": self.rules_version,
        }


def syllables(word: str) -> int:
    """An estimate of a word's syllables: groups of vowels, less a silent final e, at least 1."""
    word = word.lower().strip("'")
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def reading_ease(words: Sequence[str], sentences: int) -> float:
    """The Flesch reading-ease score (higher is easier; 60-70 is plain English), 0 if empty."""
    if not words or not sentences:
        return 0.0
    per_sentence = len(words) / sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def _has(text: str, phrases: Sequence[str]) -> list[str]:
    return [p for p in phrases if re.search(rf"(?<![a-z']){re.escape(p)}(?![a-z'])", text)]


def score_reply(text: str, *, issues: Sequence[GrammarIssue], seconds: float) -> ReplyScore:
    """Scores the reply `text` written in `seconds` with the checker's `issues`."""
    lower = text.lower()
    words = WORD.findall(text)
    word_count = len(words)
    sentences = max(1, len(SENTENCE_END.findall(text.strip() + " "))) if word_count else 0
    per_100 = 100 * len(issues) / max(word_count, 1)
    grammar = max(0.0, 100 - 12 * per_100) if word_count else 0.0

    first_line = lower.strip().splitlines()[0] if lower.strip() else ""
    last_lines = " ".join(lower.strip().splitlines()[-3:]) if lower.strip() else ""
    greeting = _has(first_line, GREETINGS)
    closing = _has(last_lines, CLOSINGS)
    apology, empathy = _has(lower, APOLOGIES), _has(lower, EMPATHY)
    ownership = _has(lower, OWNERSHIP)
    timing = TIME_OR_REFERENCE.findall(text)
    average = word_count / sentences if sentences else 0.0
    ease = reading_ease(words, sentences)
    length_part = max(0.0, min(100.0, 100 * (35 - average) / 15))
    ease_part = max(0.0, min(100.0, 100 * (ease - 30) / 40))
    clarity = 0.0 if not word_count else (length_part + ease_part) / 2
    slang = [w for w in (w.lower() for w in words) if w in SLANG]
    # Short capitals are usually codes (INR, PHP, OTP, KYC), so only longer ones count.
    shouted = [w for w in words if len(w) >= 4 and w.isupper()]
    blame = _has(lower, BLAME)
    exclaim = text.count("!!")
    tone_hits = len(blame) + len(slang) + len(shouted) + exclaim
    tone = max(0.0, 100 - 25 * tone_hits) if word_count else 0.0

    def listed(values: Sequence[str]) -> str:
        return ", ".join(f'"{v}"' for v in values[:3])

    criteria = (
        Criterion("grammar", "Spelling and grammar", 25, grammar,
                  f"{len(issues)} issue(s) in {word_count} words"),
        Criterion("greeting_closing", "Greeting and closing", 15,
                  50.0 * bool(greeting) + 50.0 * bool(closing),
                  f"greeting: {listed(greeting) or 'none'}; closing: {listed(closing) or 'none'}"),
        Criterion("empathy", "Apology and empathy", 20,
                  50.0 * bool(apology) + 50.0 * bool(empathy),
                  f"apology: {listed(apology) or 'none'}; empathy: {listed(empathy) or 'none'}"),
        Criterion("ownership", "Ownership and next steps", 20,
                  50.0 * bool(ownership) + 50.0 * bool(timing),
                  f"action: {listed(ownership) or 'none'}; "
                  f"time or reference: {listed(timing) or 'none'}"),
        Criterion("clarity", "Clarity", 10, clarity,
                  f"{average:.1f} words a sentence over {sentences} sentence(s); "
                  f"reading ease {ease:.0f}"),
        Criterion("tone", "Tone", 10, tone,
                  "no blame or slang" if not tone_hits else
                  f"{listed(blame + slang + shouted) or 'repeated !!'}"),
    )  # fmt: skip
    total = sum(c.score * c.weight for c in criteria) / sum(c.weight for c in criteria)
    minutes = max(seconds, 1.0) / 60
    return ReplyScore(
        total=total,
        criteria=criteria,
        words=word_count,
        sentences=sentences,
        wpm=len(text) / 5 / minutes,
        issues=tuple(issues),
    )
