"""Reads and validates the skills-lab content files without Django.

`launchpad/content/skills/typing_passages.yaml` and `thresholds.yaml` (see the README in that
folder). Every problem is collected, so one run reports them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from launchpad.content.reader import CONTENT_DIR, ContentError

SKILLS_DIR = CONTENT_DIR / "skills"
KINDS = ("call-notes", "chat-reply", "email", "addresses-orders", "prose")
DIFFICULTIES = ("easy", "medium", "hard")
TESTS = ("typing", "data-entry")
TRACKS = (
    "international-voice",
    "domestic-voice",
    "chat-email",
    "back-office",
    "technical-support",
    "kpo",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Passages are typed on ordinary keyboards: printable ASCII on one line, single spaces.
TYPABLE = re.compile(r"^[ -~]+$")
MAX_PASSAGE_CHARS = 1000


@dataclass(frozen=True)
class Passage:
    slug: str
    title: str
    kind: str
    difficulty: str
    text: str


@dataclass(frozen=True)
class Threshold:
    slug: str
    test: str
    track: str
    label: str
    min_wpm: float | None
    min_accuracy: float | None
    min_kph: int | None
    note: str
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class QuizItemData:
    slug: str
    test: str
    skill: str
    difficulty: str
    cefr: str
    passage: str
    prompt: str
    options: tuple[tuple[str, int], ...]
    explanation: str


# The tests, their item files, the skills each may tag and the option scores each allows.
QUIZ_FILES = {
    "english": ("english_items.yaml", ("grammar", "vocabulary", "reading"), (0, 1)),
    "sjt": (
        "sjt_items.yaml",
        (
            "irate-customer",
            "refund-outside-policy",
            "supervisor-request",
            "wrong-order",
            "data-privacy",
            "hold-and-transfer",
            "technical-issue",
            "chat-and-email-etiquette",
        ),
        (0, 1, 2, 3),
    ),
    "computer": (
        "computer_items.yaml",
        (
            "files-and-folders",
            "documents",
            "spreadsheets",
            "email",
            "crm-and-ticketing",
            "troubleshooting",
            "internet-safety",
            "keyboard-and-os",
        ),
        (0, 1),
    ),
}
CEFR = ("A2", "B1", "B2", "C1")


@dataclass(frozen=True)
class ReplyScenarioData:
    slug: str
    channel: str
    difficulty: str
    title: str
    customer_name: str
    message: str
    facts: tuple[str, ...]
    key_points: tuple[str, ...]


@dataclass(frozen=True)
class SkillsContent:
    passages: tuple[Passage, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    quiz_items: tuple[QuizItemData, ...] = ()
    reply_scenarios: tuple[ReplyScenarioData, ...] = ()


@dataclass
class _Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def _load_list(path: Path, problems: _Problems) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        problems.add(path.name, f"cannot be read ({error})")
        return []
    if not isinstance(data, list):
        problems.add(path.name, "must be a list of entries")
        return []
    return data


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError
    return float(value)


def read_skills(directory: Path | None = None) -> SkillsContent:
    """Returns the validated skills content; an absent folder means no skills content.

    Raises ContentError listing every problem (file, entry and what is wrong).
    """
    directory = SKILLS_DIR if directory is None else directory
    if not directory.is_dir():
        return SkillsContent()
    problems = _Problems()
    passages = _read_passages(directory / "typing_passages.yaml", problems)
    thresholds = _read_thresholds(directory / "thresholds.yaml", problems)
    items = _read_quiz_items(directory, problems)
    scenarios = _read_reply_scenarios(directory / "reply_scenarios.yaml", problems)
    if problems.items:
        raise ContentError(problems.items)
    return SkillsContent(
        passages=tuple(passages),
        thresholds=tuple(thresholds),
        quiz_items=tuple(items),
        reply_scenarios=tuple(scenarios),
    )


def _read_reply_scenarios(path: Path, problems: _Problems) -> list[ReplyScenarioData]:
    if not path.exists():
        return []
    scenarios: list[ReplyScenarioData] = []
    seen: set[str] = set()
    fields = {"slug", "channel", "difficulty", "title", "customer_name", "message", "facts",
              "key_points"}  # fmt: skip
    for index, entry in enumerate(_load_list(path, problems), 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str):
            problems.add(f"{path.name}, entry {index}", "must be a mapping with a slug")
            continue
        where = f"{path.name}, scenario {entry['slug']!r}"
        if not SLUG.match(entry["slug"]) or entry["slug"] in seen:
            problems.add(where, "slug must be unique lowercase words joined by hyphens")
        seen.add(entry["slug"])
        if set(entry) != fields:
            problems.add(where, f"fields must be exactly: {', '.join(sorted(fields))}")
            continue
        if entry["channel"] not in ("chat", "email"):
            problems.add(where, "channel must be chat or email")
        if entry["difficulty"] not in DIFFICULTIES:
            problems.add(where, f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        lists_ok = all(
            isinstance(entry[key], list)
            and entry[key]
            and all(isinstance(v, str) for v in entry[key])
            for key in ("facts", "key_points")
        )
        if not lists_ok:
            problems.add(where, "facts and key_points must be non-empty lists of text")
            continue
        scenarios.append(
            ReplyScenarioData(
                slug=entry["slug"],
                channel=str(entry["channel"]),
                difficulty=str(entry["difficulty"]),
                title=str(entry["title"]),
                customer_name=str(entry["customer_name"]),
                message=str(entry["message"]).strip(),
                facts=tuple(entry["facts"]),
                key_points=tuple(entry["key_points"]),
            )
        )
    return scenarios


def _read_quiz_items(directory: Path, problems: _Problems) -> list[QuizItemData]:
    """Reads every item file that exists (a test without its file simply has no items)."""
    items: list[QuizItemData] = []
    seen: set[str] = set()
    allowed = {"slug", "skill", "difficulty", "cefr", "passage", "prompt", "options",
               "explanation"}  # fmt: skip
    for test, (filename, skills, scores) in QUIZ_FILES.items():
        path = directory / filename
        if not path.exists():
            continue
        for index, entry in enumerate(_load_list(path, problems), 1):
            where = f"{filename}, entry {index}"
            if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str):
                problems.add(where, "must be a mapping with a slug")
                continue
            slug = entry["slug"]
            where = f"{filename}, item {slug!r}"
            if not SLUG.match(slug):
                problems.add(where, "slug must be lowercase words joined by hyphens")
            if slug in seen:
                problems.add(where, "slug appears more than once")
            seen.add(slug)
            unknown = set(entry) - allowed
            if unknown:
                problems.add(where, f"unknown fields: {', '.join(sorted(unknown))}")
            if entry.get("skill") not in skills:
                problems.add(where, f"skill must be one of {', '.join(skills)}")
            if entry.get("difficulty") not in DIFFICULTIES:
                problems.add(where, f"difficulty must be one of {', '.join(DIFFICULTIES)}")
            cefr = entry.get("cefr") or ""
            if test == "english" and cefr not in CEFR:
                problems.add(where, f"cefr must be one of {', '.join(CEFR)}")
            if test != "english" and cefr:
                problems.add(where, "only English items carry a cefr level")
            prompt = entry.get("prompt")
            if not isinstance(prompt, str) or not prompt.strip():
                problems.add(where, "prompt is empty")
            options = entry.get("options")
            parsed: list[tuple[str, int]] = []
            if not isinstance(options, list) or not 3 <= len(options) <= 5:
                problems.add(where, "needs 3 to 5 options")
                options = []
            for option in options:
                if (
                    not isinstance(option, dict)
                    or not isinstance(option.get("text"), str)
                    or option.get("score") not in scores
                ):
                    problems.add(where, f"each option needs text and a score in {scores}")
                    continue
                parsed.append((option["text"], int(option["score"])))
            if parsed and [s for _, s in parsed].count(max(scores)) != 1:
                problems.add(where, f"exactly one option must score {max(scores)}")
            if len({text for text, _ in parsed}) != len(parsed):
                problems.add(where, "two options have the same text")
            items.append(
                QuizItemData(
                    slug=slug,
                    test=test,
                    skill=str(entry.get("skill")),
                    difficulty=str(entry.get("difficulty")),
                    cefr=str(cefr),
                    passage=str(entry.get("passage") or ""),
                    prompt=str(prompt or ""),
                    options=tuple(parsed),
                    explanation=str(entry.get("explanation") or ""),
                )
            )
    return items


def _read_passages(path: Path, problems: _Problems) -> list[Passage]:
    passages: list[Passage] = []
    seen: set[str] = set()
    for index, entry in enumerate(_load_list(path, problems), 1):
        where = f"{path.name}, entry {index}"
        if not isinstance(entry, dict):
            problems.add(where, "must be a mapping")
            continue
        slug = entry.get("slug")
        if isinstance(slug, str):
            where = f"{path.name}, passage {slug!r}"
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.add(where, "slug must be lowercase words joined by hyphens")
            continue
        if slug in seen:
            problems.add(where, "slug appears more than once")
        seen.add(slug)
        text, title = entry.get("text"), entry.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.add(where, "title is empty")
        if entry.get("kind") not in KINDS:
            problems.add(where, f"kind must be one of {', '.join(KINDS)}")
        if entry.get("difficulty") not in DIFFICULTIES:
            problems.add(where, f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        if not isinstance(text, str) or not text:
            problems.add(where, "text is empty")
            continue
        if not TYPABLE.match(text):
            problems.add(where, "text must be printable ASCII on one line")
        if "  " in text or text != text.strip():
            problems.add(where, "text must not have double, leading or trailing spaces")
        if len(text) > MAX_PASSAGE_CHARS:
            problems.add(where, f"text is longer than {MAX_PASSAGE_CHARS} characters")
        unknown = set(entry) - {"slug", "title", "kind", "difficulty", "text"}
        if unknown:
            problems.add(where, f"unknown fields: {', '.join(sorted(unknown))}")
        passages.append(
            Passage(slug, str(title), str(entry.get("kind")), str(entry.get("difficulty")), text)
        )
    return passages


def _read_thresholds(path: Path, problems: _Problems) -> list[Threshold]:
    thresholds: list[Threshold] = []
    seen: set[str] = set()
    fields = {"slug", "test", "track", "label", "min_wpm", "min_accuracy", "min_kph", "note",
              "sources"}  # fmt: skip
    for index, entry in enumerate(_load_list(path, problems), 1):
        where = f"{path.name}, entry {index}"
        if not isinstance(entry, dict):
            problems.add(where, "must be a mapping")
            continue
        slug = entry.get("slug")
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.add(where, "slug must be lowercase words joined by hyphens")
            continue
        where = f"{path.name}, threshold {slug!r}"
        if slug in seen:
            problems.add(where, "slug appears more than once")
        seen.add(slug)
        if entry.get("test") not in TESTS:
            problems.add(where, f"test must be one of {', '.join(TESTS)}")
        if entry.get("track") not in TRACKS:
            problems.add(where, f"track must be one of {', '.join(TRACKS)}")
        unknown = set(entry) - fields
        if unknown:
            problems.add(where, f"unknown fields: {', '.join(sorted(unknown))}")
        try:
            wpm = _number(entry.get("min_wpm"))
            accuracy = _number(entry.get("min_accuracy"))
            kph = _number(entry.get("min_kph"))
        except ValueError:
            problems.add(where, "min_wpm, min_accuracy and min_kph must be numbers or empty")
            continue
        if wpm is None and accuracy is None and kph is None:
            problems.add(where, "gives no figure (min_wpm, min_accuracy or min_kph)")
        if accuracy is not None and not 0 <= accuracy <= 100:
            problems.add(where, "min_accuracy must be a percentage from 0 to 100")
        if wpm is not None and not 0 < wpm <= 200:
            problems.add(where, "min_wpm must be between 0 and 200")
        sources = entry.get("sources")
        if not isinstance(sources, list) or not sources:
            problems.add(where, "needs at least one source")
            sources = []
        elif not all(isinstance(s, dict) and s.get("label") for s in sources):
            problems.add(where, "each source needs a label (and a url and grade when known)")
        thresholds.append(
            Threshold(
                slug=slug,
                test=str(entry.get("test")),
                track=str(entry.get("track")),
                label=str(entry.get("label") or ""),
                min_wpm=wpm,
                min_accuracy=accuracy,
                min_kph=None if kph is None else int(kph),
                note=str(entry.get("note") or ""),
                sources=tuple(s for s in sources if isinstance(s, dict)),
            )
        )
    return thresholds
