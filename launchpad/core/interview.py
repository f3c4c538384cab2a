"""The interview coach: the question bank's rules and feedback on a written answer.

Questions and the word lists the feedback uses are content (`launchpad/content/interview`,
described in the README there). `parse_question`, `parse_questions` and `parse_lexicon`
validate parsed YAML and collect every problem before raising `InterviewContentError`, so one
run shows an author everything to fix.

`answer_feedback` reads a typed (or transcribed) answer with plain word patterns, no model:

- sentences: split at . ! ? and line breaks, not after abbreviations ("e.g.", "Mr.") or
  inside numbers ("4.5");
- words: the vocabulary's tokens (`resume/vocabulary.py`); talking-point cues, positive and
  negative words and job terms match by lemma (any word ending), while fillers, hedges,
  blame phrases and STAR cues match the exact words (tense matters for STAR);
- STAR, sentence by sentence: the situation, task and result from the lexicon's cue phrases
  (a year such as "in 2023" also sets a situation); the action from the action cues or from
  grammar: "I" then a past-tense verb ("I checked", "I then took"); for situational
  questions also "I would / I will / I'll + verb". An action told only with "we", or only in
  the passive voice ("the refund was processed"), counts as found with a note; a
  behavioural answer that only says what the candidate *would* do does not. A result with
  no number in it counts as found with a note to add one;
- fillers count whole phrases, some only in filler positions (see `language.yaml`): "like"
  after a comma-free verb use ("I like", "would like") is not a filler;
- ownership: how often the answer says "I" and "we", its passive sentences and blame.

`suggested_quality` (0-5) feeds spaced repetition (`spaced.py`):

    round(5 x (0.45 x coverage + 0.25 x STAR + 0.15 x length + 0.15 x fluency))

rounded half up, where coverage is the share of talking points covered; STAR the share of
the four parts found (when STAR is not expected, 5 x (0.65 x coverage + 0.15 x length +
0.20 x fluency)); length 1 inside the word range, falling in proportion outside it (half the
minimum scores 0.5, twice the maximum scores 0); fluency 1 at up to 2 fillers per 100 words,
0 at 8 or more, linear between (0 for an answer with no words). Blame caps the quality at 2.

This is a coaching guide from word patterns, not a grade: it cannot hear tone, pace or
accent, and it cannot tell whether a story is true or an answer is correct.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from launchpad.core.resume.vocabulary import KEY_RE, Vocabulary, is_word, lemma, lemmas, tokens

INTERVIEW_RULES_VERSION = "interview-1"
ROUNDS = ("hr", "operations", "role", "growth", "sales")
KINDS = ("introduction", "motivation", "behavioural", "situational", "knowledge", "task")
TRACKS = (
    "international-voice",
    "domestic-voice",
    "chat-email",
    "back-office",
    "technical-support",
    "kpo",
)
STAR_PARTS = ("situation", "task", "action", "result")
SPEAKING_WPM = 140  # facts §4.2: 130-150 spoken words a minute
ID_PREFIXES = {
    "hr": "hr-",
    "operations": "ops-",
    "role": "role-",
    "growth": "growth-",
    "sales": "sales-",
}
VARIETIES = ("common", "indian", "philippine")
FILLER_POSITIONS = ("anywhere", "opening", "before-comma", "before-pause", "after-be")
GRADES = ("A", "B", "C")
TRACK_TERM_ROUNDS = ("operations", "role")
EXPECTED_TRACK_TERMS = 5
CONTENT_DIR = Path(__file__).resolve().parents[1] / "content" / "interview"
LANGUAGE_PATH = CONTENT_DIR / "language.yaml"
QUESTIONS_DIR = CONTENT_DIR / "questions"

LIMITS = (
    "This is a guide from word patterns, not a grade: it cannot hear your tone, pace or "
    "accent, and it cannot tell whether your story is true or your answer is right."
)
# Fluency: full marks up to this many fillers per 100 words, none from FILLERS_NONE.
FILLERS_FULL, FILLERS_NONE = 2.0, 8.0
# Feedback thresholds: fillers worth a word, hedges worth a word, repeats worth a word.
FILLERS_IMPROVE_RATE, FILLERS_IMPROVE_COUNT = 3.0, 3
FLUENT_MIN_WORDS = 30
HEDGES_IMPROVE_COUNT = 2
REPEAT_MIN, REPEAT_SHARE = 6, 0.04
BLAME_QUALITY_CAP = 2


class InterviewContentError(ValueError):
    """The interview content is inconsistent; `problems` lists every problem found."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


# ---- The question bank -----------------------------------------------------------------


@dataclass(frozen=True)
class TalkingPoint:
    point: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    label: str
    url: str
    grade: str


@dataclass(frozen=True)
class QuestionGuide:
    id: str
    round: str
    kind: str
    prompt: str
    looking_for: str
    structure: tuple[str, ...]
    mistakes: tuple[str, ...]
    talking_points: tuple[TalkingPoint, ...]
    tracks: tuple[str, ...]
    roles: tuple[str, ...]
    star: bool
    min_words: int
    max_words: int
    think_seconds: int
    answer_seconds: int
    about_company: bool
    job_terms: tuple[str, ...]
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        """The question as one YAML item (`parse_question` reads it back unchanged)."""
        return {
            "id": self.id,
            "round": self.round,
            "kind": self.kind,
            "prompt": self.prompt,
            "looking_for": self.looking_for,
            "structure": list(self.structure),
            "mistakes": list(self.mistakes),
            "talking_points": [
                {"point": t.point, "cues": list(t.cues)} for t in self.talking_points
            ],
            "tracks": ["all"] if self.tracks == TRACKS else list(self.tracks),
            "roles": list(self.roles),
            "star": self.star,
            "words": [self.min_words, self.max_words],
            "seconds": {"think": self.think_seconds, "answer": self.answer_seconds},
            "about_company": self.about_company,
            "job_terms": list(self.job_terms),
            "sources": [{"label": s.label, "url": s.url, "grade": s.grade} for s in self.sources],
        }


QUESTION_FIELDS = ("id", "round", "kind", "prompt", "looking_for", "structure", "mistakes",
                   "talking_points", "tracks", "roles", "star", "words", "seconds",
                   "about_company", "job_terms", "sources")  # fmt: skip


def _text(raw: Any, where: str, name: str, problems: list[str]) -> str:
    if not isinstance(raw, str) or not raw.strip():
        problems.append(f"{where}: {name} must be a non-empty text")
        return ""
    return raw.strip()


def _texts(
    raw: Any, where: str, name: str, problems: list[str], low: int, high: int
) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() for v in raw):
        problems.append(f"{where}: {name} must be a list of texts")
        return ()
    if not low <= len(raw) <= high:
        problems.append(f"{where}: {name} must have {low}-{high} items, not {len(raw)}")
    return tuple(v.strip() for v in raw)


def _whole(raw: Any, where: str, name: str, problems: list[str], low: int, high: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        problems.append(f"{where}: {name} must be a whole number from {low} to {high}")
        return 0
    return raw


def _flag(raw: Any, where: str, name: str, problems: list[str], default: bool | None) -> bool:
    if raw is None and default is not None:
        return default
    if not isinstance(raw, bool):
        problems.append(f"{where}: {name} must be true or false")
        return False
    return raw


def _keys(
    raw: Any, where: str, name: str, problems: list[str], known: Collection[str] | None, what: str
) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) and KEY_RE.match(v) for v in raw):
        problems.append(f"{where}: {name} must be a list of lower-case-hyphen keys")
        return ()
    for value in sorted({v for v in raw if raw.count(v) > 1}):
        problems.append(f"{where}: {name} lists {value!r} twice")
    if known is not None:
        for value in raw:
            if value not in known:
                problems.append(f"{where}: {name}: unknown {what} {value!r}")
    return tuple(dict.fromkeys(raw))


def _talking_points(raw: Any, where: str, problems: list[str]) -> tuple[TalkingPoint, ...]:
    if not isinstance(raw, list):
        problems.append(f"{where}: talking_points must be a list of {{point, cues}}")
        return ()
    if not 3 <= len(raw) <= 5:
        problems.append(f"{where}: talking_points must have 3-5 points, not {len(raw)}")
    points = []
    for number, item in enumerate(raw, 1):
        here = f"{where} talking point {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{here}: must be a mapping with point and cues")
            continue
        for name in sorted(set(item) - {"point", "cues"}, key=str):
            problems.append(f"{here}: unknown field {name!r}")
        point = _text(item.get("point"), here, "point", problems)
        cues = _texts(item.get("cues"), here, "cues", problems, 3, 8)
        seen: dict[tuple[str, ...], str] = {}
        for cue in cues:
            found = tokens(cue)
            if not 1 <= len(found) <= 4 or not all(is_word(t) for t in found):
                problems.append(f"{here}: cue {cue!r} must be 1-4 words without punctuation")
                continue
            stems = lemmas(found)
            if stems in seen:
                problems.append(
                    f"{here}: cue {cue!r} is the same as {seen[stems]!r} once word endings "
                    "are ignored"
                )
            seen.setdefault(stems, cue)
        points.append(TalkingPoint(point, cues))
    return tuple(points)


def _tracks(raw: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if raw == ["all"]:
        return TRACKS
    if not isinstance(raw, list) or not raw or not all(isinstance(t, str) for t in raw):
        problems.append(f"{where}: tracks must be a list of track slugs, or [all]")
        return ()
    for track in raw:
        if track not in TRACKS:
            problems.append(
                f"{where}: unknown track {track!r}; use {', '.join(TRACKS)}, or [all] alone"
            )
    return tuple(t for t in TRACKS if t in raw)


def _sources(raw: Any, where: str, problems: list[str]) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: sources must list at least one {{label, url, grade}}")
        return ()
    sources = []
    for number, item in enumerate(raw, 1):
        here = f"{where} source {number}"
        if not isinstance(item, Mapping):
            problems.append(f"{here}: must be a mapping with label, url and grade")
            continue
        label = _text(item.get("label"), here, "label", problems)
        url = _text(item.get("url"), here, "url", problems)
        if url and not url.startswith(("https://", "http://")):
            problems.append(f"{here}: url must start with http:// or https://")
        grade = item.get("grade")
        if grade not in GRADES:
            problems.append(f"{here}: grade must be A, B or C")
        sources.append(Source(label, url, str(grade)))
    return tuple(sources)


def parse_question(
    raw: Any,
    *,
    where: str = "question",
    known_roles: Collection[str] | None = None,
    known_terms: Collection[str] | None = None,
) -> QuestionGuide:
    """One question (a parsed YAML mapping) as a `QuestionGuide`.

    Raises InterviewContentError listing every problem (see the README's field table);
    `known_roles` and `known_terms`, when given, are the role slugs and vocabulary keys that
    `roles` and `job_terms` may use.
    """
    if not isinstance(raw, Mapping):
        raise InterviewContentError([f"{where}: must be a mapping of question fields"])
    problems: list[str] = []
    qid = raw.get("id")
    if isinstance(qid, str) and qid:
        where = f"{where} ({qid})"
    for name in sorted(set(raw) - set(QUESTION_FIELDS), key=str):
        problems.append(f"{where}: unknown field {name!r}")
    round_ = raw.get("round")
    if round_ not in ROUNDS:
        problems.append(f"{where}: round must be one of {', '.join(ROUNDS)}")
    if not isinstance(qid, str) or not KEY_RE.match(qid):
        problems.append(f"{where}: id must be a lower-case slug joined by hyphens")
        qid = str(qid)
    elif round_ in ROUNDS and not qid.startswith(ID_PREFIXES[round_]):
        problems.append(f"{where}: id must start with {ID_PREFIXES[round_]!r} for its round")
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: kind must be one of {', '.join(KINDS)}")
    words = raw.get("words")
    if not isinstance(words, list) or len(words) != 2:
        problems.append(f"{where}: words must be [min, max]")
        words = [0, 0]
    low = _whole(words[0], where, "words min", problems, 1, 399)
    high = _whole(words[1], where, "words max", problems, 2, 400)
    if low and high and low >= high:
        problems.append(f"{where}: words min must be below max")
    seconds = raw.get("seconds")
    if not isinstance(seconds, Mapping):
        problems.append(f"{where}: seconds must be {{think, answer}}")
        seconds = {}
    question = QuestionGuide(
        id=qid,
        round=str(round_),
        kind=str(kind),
        prompt=_text(raw.get("prompt"), where, "prompt", problems),
        looking_for=_text(raw.get("looking_for"), where, "looking_for", problems),
        structure=_texts(raw.get("structure"), where, "structure", problems, 3, 5),
        mistakes=_texts(raw.get("mistakes"), where, "mistakes", problems, 2, 4),
        talking_points=_talking_points(raw.get("talking_points"), where, problems),
        tracks=_tracks(raw.get("tracks"), where, problems),
        roles=_keys(raw.get("roles"), where, "roles", problems, known_roles, "role"),
        star=_flag(raw.get("star"), where, "star", problems, None),
        min_words=low,
        max_words=high,
        think_seconds=_whole(seconds.get("think"), where, "seconds think", problems, 10, 60),
        answer_seconds=_whole(seconds.get("answer"), where, "seconds answer", problems, 30, 240),
        about_company=_flag(raw.get("about_company"), where, "about_company", problems, False),
        job_terms=_keys(raw.get("job_terms"), where, "job_terms", problems, known_terms, "term"),
        sources=_sources(raw.get("sources"), where, problems),
    )
    if problems:
        raise InterviewContentError(problems)
    return question


def parse_questions(
    raw: Any,
    *,
    where: str = "",
    known_roles: Collection[str] | None = None,
    known_terms: Collection[str] | None = None,
) -> tuple[QuestionGuide, ...]:
    """A question file's content ({"questions": [...]}); ids must be unique.

    Raises InterviewContentError listing every problem of every question.
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("questions"), list):
        raise InterviewContentError([f"{prefix}must be a mapping with a list of questions"])
    problems = [f"{prefix}unknown key {k!r}" for k in sorted(set(raw) - {"questions"}, key=str)]
    items = raw["questions"]
    if not items:
        problems.append(f"{prefix}questions is empty")
    questions = []
    for number, item in enumerate(items, 1):
        try:
            questions.append(
                parse_question(
                    item,
                    where=f"{prefix}question {number}",
                    known_roles=known_roles,
                    known_terms=known_terms,
                )
            )
        except InterviewContentError as error:
            problems.extend(error.problems)
    problems.extend(_duplicates(questions, prefix))
    if problems:
        raise InterviewContentError(problems)
    return tuple(questions)


def _duplicates(questions: Sequence[QuestionGuide], prefix: str = "") -> list[str]:
    counts = Counter(q.id for q in questions)
    return [f"{prefix}id {qid!r} is used {n} times" for qid, n in counts.items() if n > 1]


def load_question_files(
    directory: Path = QUESTIONS_DIR,
    *,
    known_roles: Collection[str] | None = None,
    known_terms: Collection[str] | None = None,
) -> tuple[QuestionGuide, ...]:
    """Every question in the directory's *.yaml files, by file name; ids unique across files.

    Raises InterviewContentError listing every problem, each prefixed with its file's name.
    """
    problems: list[str] = []
    questions: list[QuestionGuide] = []
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            with path.open(encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
            questions.extend(
                parse_questions(
                    data, where=path.name, known_roles=known_roles, known_terms=known_terms
                )
            )
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(f"{path.name}: cannot be read: {' '.join(str(error).split())}")
        except InterviewContentError as error:
            problems.extend(error.problems)
    problems.extend(_duplicates(questions))
    if problems:
        raise InterviewContentError(problems)
    return tuple(questions)


# ---- The lexicon -------------------------------------------------------------------------


@dataclass(frozen=True)
class Filler:
    """A filler word or phrase; `when` lists the positions where it counts (FILLER_POSITIONS)."""

    phrase: str
    variety: str
    when: tuple[str, ...] = ("anywhere",)


@dataclass(frozen=True)
class Lexicon:
    fillers: tuple[Filler, ...]
    hedges: tuple[str, ...]
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    blame: tuple[str, ...]
    star_cues: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    track_terms: Mapping[str, tuple[str, ...]]


LEXICON_FIELDS = ("version", "fillers", "hedges", "positive", "negative", "blame", "star_cues",
                  "stopwords", "track_terms")  # fmt: skip


def _phrases(raw: Any, name: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(v, str) for v in raw):
        problems.append(f"{name}: must be a non-empty list of words or phrases")
        return ()
    seen: set[tuple[str, ...]] = set()
    for phrase in raw:
        found = tokens(phrase)
        if not any(is_word(t) for t in found):
            problems.append(f"{name}: {phrase!r} has no word in it")
        elif found in seen:
            problems.append(f"{name}: {phrase!r} is listed twice")
        seen.add(found)
    return tuple(v.strip() for v in raw)


def _fillers(raw: Any, problems: list[str]) -> tuple[Filler, ...]:
    if not isinstance(raw, Mapping):
        problems.append(f"fillers: must map each variety ({', '.join(VARIETIES)}) to a list")
        return ()
    fillers: list[Filler] = []
    for variety, items in raw.items():
        where = f"fillers {variety}"
        if variety not in VARIETIES:
            problems.append(f"{where}: unknown variety; use {', '.join(VARIETIES)}")
            continue
        if not isinstance(items, list):
            problems.append(f"{where}: must be a list")
            continue
        for item in items:
            when: Any = ["anywhere"]
            if isinstance(item, Mapping):
                when = item.get("when")
                item = item.get("phrase")
            if not isinstance(item, str) or not any(is_word(t) for t in tokens(item)):
                problems.append(f"{where}: {item!r} must be a word or phrase")
                continue
            if (
                not isinstance(when, list)
                or not when
                or not all(w in FILLER_POSITIONS for w in when)
            ):
                problems.append(
                    f"{where}: {item!r}: when must list positions from "
                    + ", ".join(FILLER_POSITIONS)
                )
                when = ["anywhere"]
            fillers.append(Filler(item.strip(), str(variety), tuple(when)))
    counts = Counter(tokens(f.phrase) for f in fillers)
    for filler in fillers:
        if counts.pop(tokens(filler.phrase), 1) > 1:
            problems.append(f"fillers: {filler.phrase!r} is listed more than once")
    if not fillers:
        problems.append("fillers: must list at least one filler")
    return tuple(fillers)


def _star_cues(raw: Any, problems: list[str]) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        problems.append(f"star_cues: must map {', '.join(STAR_PARTS)} to lists of phrases")
        return {}
    for part in sorted(set(raw) - set(STAR_PARTS), key=str):
        problems.append(f"star_cues: unknown part {part!r}")
    return {part: _phrases(raw.get(part), f"star_cues {part}", problems) for part in STAR_PARTS}


def _track_terms(
    raw: Any, problems: list[str], known: Collection[str] | None
) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        problems.append("track_terms: must map every track to a list of vocabulary keys")
        return {}
    for track in sorted(set(raw) - set(TRACKS), key=str):
        problems.append(f"track_terms: unknown track {track!r}")
    terms: dict[str, tuple[str, ...]] = {}
    for track in TRACKS:
        keys = _keys(raw.get(track), f"track_terms {track}", "terms", problems, known, "term")
        if not keys:
            problems.append(f"track_terms {track}: must list at least one vocabulary key")
        terms[track] = keys
    return terms


def parse_lexicon(raw: Any, *, known_terms: Collection[str] | None = None) -> Lexicon:
    """The feedback's word lists (parsed `language.yaml`) as a `Lexicon`.

    Raises InterviewContentError listing every problem; `known_terms`, when given, are the
    vocabulary keys `track_terms` may use.
    """
    if not isinstance(raw, Mapping):
        raise InterviewContentError(["the language lists must be a mapping"])
    problems = [f"unknown key {k!r}" for k in sorted(set(raw) - set(LEXICON_FIELDS), key=str)]
    positive = _phrases(raw.get("positive"), "positive", problems)
    negative = _phrases(raw.get("negative"), "negative", problems)
    both = {lemmas(tokens(p)) for p in positive} & {lemmas(tokens(n)) for n in negative}
    for phrase in negative:
        if lemmas(tokens(phrase)) in both:
            problems.append(f"negative: {phrase!r} is also a positive word")
    stopwords = raw.get("stopwords")
    if not isinstance(stopwords, list) or not all(isinstance(w, str) for w in stopwords):
        problems.append("stopwords: must be a list of words")
        stopwords = []
    lexicon = Lexicon(
        fillers=_fillers(raw.get("fillers"), problems),
        hedges=_phrases(raw.get("hedges"), "hedges", problems),
        positive=positive,
        negative=negative,
        blame=_phrases(raw.get("blame"), "blame", problems),
        star_cues=_star_cues(raw.get("star_cues"), problems),
        stopwords=frozenset(w.strip().lower() for w in stopwords),
        track_terms=_track_terms(raw.get("track_terms"), problems, known_terms),
    )
    if problems:
        raise InterviewContentError(problems)
    return lexicon


@lru_cache(maxsize=4)
def load_lexicon(
    path: Path = LANGUAGE_PATH, *, known_terms: frozenset[str] | None = None
) -> Lexicon:
    """The lexicon read from `language.yaml` (cached; pass a new path to reload)."""
    with Path(path).open(encoding="utf-8") as handle:
        return parse_lexicon(yaml.safe_load(handle), known_terms=known_terms)


# ---- Reading an answer -----------------------------------------------------------------

# Abbreviations a full stop does not end a sentence after. Titles and "e.g."-style ones
# never end one; the others only when a capital letter follows.
_NEVER_ENDS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "e.g", "i.e",
                         "eg", "ie", "vs", "approx", "viz", "cf", "fig",
                         "dept"})  # fmt: skip
_ENDS_BEFORE_CAPITAL = frozenset({"etc", "a.m", "p.m", "am", "pm", "inc", "ltd", "co", "jan",
                                  "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
                                  "dec", "min", "mins", "hrs", "sec", "secs"})  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?=\s|$)|\n")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_CHAR = re.compile(r"\s*(\S)")


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text`, stripped: split after . ! ? (and quotes closing them) that
    are followed by a space, and at line breaks; not after abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().rstrip("\"')]\u201d\u2019") == "." and not _ends_here(text, match):
            continue
        piece = text[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(sentences)


def _ends_here(text: str, match: re.Match[str]) -> bool:
    # Only the last few characters matter; a bounded window keeps long texts linear.
    before = _LAST_WORD.search(text[max(0, match.start() - 24) : match.start()])
    word = before.group(1) if before else ""
    after = _NEXT_CHAR.match(text, match.end())
    capital = after is not None and after.group(1).isupper()
    if word.lower() in _NEVER_ENDS or (len(word) == 1 and word.isupper() and word != "I"):
        return False
    return word.lower() not in _ENDS_BEFORE_CAPITAL or capital


_PAUSES = frozenset({",", ".", "!", "?", ";", ":"})
_BE = frozenset({"was", "were", "am", "i'm", "he's", "she's", "they're", "we're", "you're",
                 "it's"})  # fmt: skip
_RUN = re.compile(r"(\w)\1{2,}")
_I = frozenset({"i"})
_WE = frozenset({"we"})
_I_FORMS = frozenset({"i", "i'm", "i've", "i'll", "i'd"})
_WE_FORMS = frozenset({"we", "we're", "we've", "we'll", "we'd"})
_NEGATORS = frozenset({"not", "never", "no"})
_INTENSIFIERS = frozenset({"very", "really", "so", "too", "that", "at", "all"})
_NOUN_HEDGES = frozenset({"kind", "sort"})
_DETERMINERS = frozenset({"what", "which", "this", "that", "these", "those", "the", "a", "an",
                          "any", "every", "some", "same", "one", "another", "each", "other",
                          "right", "wrong"})  # fmt: skip
# Adverbs that may stand between a subject and its verb ("I then called", "was quickly").
_ADVERBS = frozenset({"then", "also", "first", "immediately", "quickly", "calmly", "politely",
                      "patiently", "personally", "carefully", "finally", "again", "just",
                      "soon", "later", "next", "actually", "always", "still", "only",
                      "successfully", "even", "gently", "clearly", "properly",
                      "slowly"})  # fmt: skip
_IRREGULAR_PAST = frozenset({
    "took", "made", "spoke", "told", "gave", "went", "found", "sent", "wrote", "kept", "got",
    "did", "put", "set", "let", "brought", "bought", "built", "led", "met", "paid", "ran",
    "said", "saw", "sold", "taught", "began", "chose", "drove", "held", "left", "read",
    "rang", "spent", "stood", "won", "came", "caught", "dealt", "heard", "understood",
    "sat", "broke", "drew", "fed", "fought", "forgot", "forgave", "hid", "hung", "lent",
    "lost", "meant", "rode", "rose", "shook", "shut", "sought", "split", "spread", "struck",
    "swore", "swept", "threw", "undertook", "upsold", "woke", "wore", "withdrew", "became",
    "overcame", "stuck",
})  # fmt: skip
_IRREGULAR_PARTICIPLES = frozenset({
    "taken", "given", "made", "sent", "done", "told", "written", "kept", "paid", "sold",
    "brought", "found", "shown", "put", "set", "left", "held", "built", "caught", "dealt",
    "known", "seen", "heard", "understood", "got", "gotten", "spoken", "chosen", "driven",
    "lost", "bought", "taught", "won", "hung", "thrown", "broken", "forgotten", "forgiven",
})  # fmt: skip
# -ed words that are not the action of the sentence (feelings, wants, states).
_NOT_ACTION_ED = frozenset({
    "wanted", "needed", "liked", "loved", "hated", "hoped", "wished", "seemed", "used",
    "supposed", "expected", "started", "worried", "pleased", "interested",
    "excited", "satisfied", "frustrated", "annoyed", "confused", "tired", "surprised",
    "shocked", "disappointed", "delighted", "impressed", "scared", "stressed", "relieved",
    "involved", "based", "qualified", "married", "experienced", "skilled", "talented",
    "dedicated", "motivated", "determined", "committed", "organized", "organised", "bored",
    "amazed", "exhausted", "overwhelmed", "concerned", "convinced", "agitated", "irritated",
    "embarrassed", "nervous", "located", "required", "allowed", "enjoyed", "preferred",
    "belonged", "owned", "cared", "agreed", "assumed", "believed", "realised", "realized",
    "remembered", "imagined", "feared", "deserved", "appreciated", "noticed", "learned",
})  # fmt: skip
# "I would / I'll ..." plans; what may not follow for it to be a plan.
_PLAN = (("i", "would"), ("i'd",), ("i", "will"), ("i'll",), ("i", "am", "going", "to"),
         ("i'm", "going", "to"), ("i", "can"), ("i", "should"), ("i", "must"))  # fmt: skip
_NOT_PLAN = frozenset({"not", "never", "like", "love", "prefer", "want", "hope"})
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                           "hundred", "hundreds", "thousand", "thousands", "half", "double",
                           "twice", "percent", "per", "dozen"})  # fmt: skip
_YEAR = re.compile(r"^(19|20)\d\d$")
_YEAR_LEADS = frozenset({"in", "during", "since", "back"})


def _squeeze(token: str) -> str:
    """A token with runs of three or more of a letter cut to two ("ummmm" -> "umm")."""
    return _RUN.sub(r"\1\1", token)


@lru_cache(maxsize=8192)
def _surface(phrase: str) -> tuple[str, ...]:
    return tuple(_squeeze(t) for t in tokens(phrase))


@lru_cache(maxsize=8192)
def _stems(phrase: str) -> tuple[str, ...]:
    return lemmas(tokens(phrase))


def _starts(seq: Sequence[str], phrase: Sequence[str]) -> list[int]:
    """Where `phrase` occurs in `seq` (overlapping occurrences included)."""
    size = len(phrase)
    if not size:
        return []
    first = phrase[0]
    return [
        i
        for i, token in enumerate(seq)
        if token == first and tuple(seq[i : i + size]) == tuple(phrase)
    ]


def _has(seq: Sequence[str], phrases: Iterable[str], *, stems: bool = False) -> bool:
    form = _stems if stems else _surface
    return any(_starts(seq, form(p)) for p in phrases)


@dataclass(frozen=True)
class _Sentence:
    text: str
    words: tuple[str, ...]  # surface tokens (lower case), punctuation included
    stems: tuple[str, ...]

    def after(self, index: int) -> tuple[int, str]:
        """The first token after `index` that is not an adverb, and where it is."""
        index += 1
        while index < len(self.words) and (
            self.words[index] in _ADVERBS or self.words[index].endswith("ly")
        ):
            index += 1
        return index, self.words[index] if index < len(self.words) else ""


def _is_past(token: str) -> bool:
    regular = token.endswith("ed") and len(token) > 4 and token.isalpha()
    return token in _IRREGULAR_PAST or (regular and token not in _NOT_ACTION_ED)


def _past_action(sentence: _Sentence, subjects: frozenset[str]) -> bool:
    """Whether the sentence has `subjects` ("i" or "we") then a past-tense verb."""
    return any(
        word in subjects and _is_past(sentence.after(i)[1]) for i, word in enumerate(sentence.words)
    )


def _plan(sentence: _Sentence) -> bool:
    """Whether the sentence has a first-person plan: "I would listen", "I'll check"."""
    for phrase in _PLAN:
        for start in _starts(sentence.words, phrase):
            _, verb = sentence.after(start + len(phrase) - 1)
            if verb and is_word(verb) and verb not in _NOT_PLAN:
                return True
    return False


def _passive(sentence: _Sentence) -> bool:
    """Whether the sentence is in the passive voice with someone else as the subject."""
    for i, word in enumerate(sentence.words):
        if word not in ("was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"):
            continue
        if i and sentence.words[i - 1] in _I_FORMS | _WE_FORMS:
            continue
        _, verb = sentence.after(i)
        participle = verb.endswith("ed") and len(verb) > 4 and verb not in _NOT_ACTION_ED
        if participle or verb in _IRREGULAR_PARTICIPLES:
            return True
    return False


def _has_number(sentence: _Sentence) -> bool:
    return any(any(c.isdigit() for c in w) or w in _NUMBER_WORDS for w in sentence.words)


def _year(sentence: _Sentence) -> bool:
    words = sentence.words
    return any(_YEAR.match(w) and i and words[i - 1] in _YEAR_LEADS for i, w in enumerate(words))


# ---- Feedback ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompanyFacts:
    """The target company and the candidate's research notes on it, one fact a line."""

    name: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class StarPart:
    part: str
    found: bool
    evidence: str
    note: str


@dataclass(frozen=True)
class PhraseCount:
    phrase: str
    count: int
    variety: str = ""


@dataclass(frozen=True)
class TermUse:
    key: str
    name: str


@dataclass(frozen=True)
class WordCount:
    word: str
    count: int


@dataclass(frozen=True)
class PointCheck:
    point: str
    covered: bool
    evidence: str


@dataclass(frozen=True)
class Ownership:
    i_statements: int
    we_statements: int
    passive: tuple[str, ...]
    blame: tuple[str, ...]
    verdict: str  # owns | shared | distant


@dataclass(frozen=True)
class CompanyCheck:
    name: str
    mentioned: bool
    facts_used: tuple[str, ...]
    facts_missed: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """One strength or improvement: `key` names the rule (for summaries), `text` the advice."""

    key: str
    text: str


@dataclass(frozen=True)
class Feedback:
    question_id: str
    round: str
    kind: str
    star: tuple[StarPart, ...]
    star_expected: bool
    word_count: int
    sentence_count: int
    min_words: int
    max_words: int
    length_verdict: str  # short | ok | long
    fillers: tuple[PhraseCount, ...]
    hedges: tuple[PhraseCount, ...]
    job_terms_used: tuple[TermUse, ...]
    job_terms_missed: tuple[TermUse, ...]
    repeated_words: tuple[WordCount, ...]
    talking_points: tuple[PointCheck, ...]
    positive_words: tuple[str, ...]
    negative_words: tuple[str, ...]
    tone: str  # positive | neutral | negative
    ownership: Ownership
    company: CompanyCheck | None
    strengths: tuple[str, ...]
    improvements: tuple[str, ...]
    suggested_quality: int
    strength_keys: tuple[str, ...] = ()  # the STRENGTHS key of each strength
    improvement_keys: tuple[str, ...] = ()  # the IMPROVEMENTS key of each improvement
    limits: str = LIMITS
    rules_version: str = INTERVIEW_RULES_VERSION

    @property
    def speaking_seconds(self) -> int:
        """How long the answer takes to say at SPEAKING_WPM."""
        return round(self.word_count * 60 / SPEAKING_WPM)

    @property
    def filler_count(self) -> int:
        return sum(f.count for f in self.fillers)

    @property
    def fillers_per_100_words(self) -> float:
        return round(100 * self.filler_count / self.word_count, 1) if self.word_count else 0.0

    @property
    def star_complete(self) -> bool:
        return all(part.found for part in self.star)

    @property
    def points_covered(self) -> int:
        return sum(1 for p in self.talking_points if p.covered)

    @property
    def talking_point_coverage(self) -> float:
        total = len(self.talking_points)
        return self.points_covered / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        company = self.company
        return {
            "question_id": self.question_id,
            "round": self.round,
            "kind": self.kind,
            "star": {p.part: {"found": p.found, "evidence": p.evidence, "note": p.note}
                     for p in self.star},
            "star_expected": self.star_expected,
            "star_complete": self.star_complete,
            "word_count": self.word_count,
            "length": {"min": self.min_words, "max": self.max_words,
                       "verdict": self.length_verdict,
                       "speaking_seconds": self.speaking_seconds},
            "sentence_count": self.sentence_count,
            "fillers": [{"phrase": f.phrase, "count": f.count, "variety": f.variety}
                        for f in self.fillers],
            "filler_count": self.filler_count,
            "fillers_per_100_words": self.fillers_per_100_words,
            "hedges": [{"phrase": h.phrase, "count": h.count} for h in self.hedges],
            "job_terms_used": [{"key": t.key, "name": t.name} for t in self.job_terms_used],
            "job_terms_missed": [{"key": t.key, "name": t.name} for t in self.job_terms_missed],
            "repeated_words": [{"word": w.word, "count": w.count} for w in self.repeated_words],
            "talking_points_covered": [{"point": p.point, "evidence": p.evidence}
                                       for p in self.talking_points if p.covered],
            "talking_points_missed": [{"point": p.point}
                                      for p in self.talking_points if not p.covered],
            "talking_point_coverage": round(self.talking_point_coverage, 3),
            "positivity": {"positive": list(self.positive_words),
                           "negative": list(self.negative_words), "tone": self.tone},
            "ownership": {"i_statements": self.ownership.i_statements,
                          "we_statements": self.ownership.we_statements,
                          "passive": list(self.ownership.passive),
                          "blame": list(self.ownership.blame),
                          "verdict": self.ownership.verdict},
            "company": None if company is None else {
                "name": company.name, "mentioned": company.mentioned,
                "facts_used": list(company.facts_used),
                "facts_missed": list(company.facts_missed)},
            "strengths": list(self.strengths),
            "improvements": list(self.improvements),
            "suggested_quality": self.suggested_quality,
            "limits": self.limits,
            "rules_version": self.rules_version,
        }  # fmt: skip


STAR_MISSING = {
    "situation": "Set the scene in one sentence: when and where it happened ('Last year, "
    "during my internship at ...').",
    "task": "Say what you had to do or achieve ('My job was to ...', 'I had to ...').",
    "action": "Say what you did, step by step, with 'I' ('I listened, I checked the order, "
    "I offered ...').",
    "result": "Add the result: what changed for the customer, ideally with a number.",
}
# For situational questions ("what would you do if ..."), the same parts told as a plan.
STAR_MISSING_PLAN = {
    "situation": "Start by naming the situation in a sentence ('If a customer is shouting "
    "about a late refund, ...').",
    "task": "Say what you would aim for ('My priority would be to calm the customer and ...').",
    "action": "Say what you would do, step by step, with 'I' ('I would listen, then I would "
    "check ...').",
    "result": "Say how it would end for the customer ('... so that the customer leaves with "
    "a date for the refund').",
}
NOTE_PASSIVE = "told in the passive voice: say what you did ('I processed the refund')"
NOTE_WE = "told as 'we': say what you did yourself ('I called the customer back')"
NOTE_HYPOTHETICAL = (
    "you said what you would do; this question asks about a real time: say what you did, "
    "in the past tense"
)
NOTE_NO_NUMBER = "add a number if you can: how many customers, how much time, what score"

# Generic wording of each advice key, for summaries over many answers.
STRENGTHS = {
    "points-all": "Covered every point the interviewer looks for.",
    "points-most": "Covered most of the key points.",
    "star": "Told the story in full: situation, task, action and result.",
    "result-number": "Gave a measurable result.",
    "length": "Kept to a good length.",
    "fluent": "Spoke with almost no fillers.",
    "job-terms": "Used the job's own vocabulary.",
    "ownership": "Owned the actions with 'I'.",
    "tone": "Kept a positive tone.",
    "company": "Used research on the company.",
}
IMPROVEMENTS = {
    "blame": "Leave out blame: say what happened and what you did about it.",
    "star-situation": "Set the scene: when and where it happened.",
    "star-task": "Say what you had to do or achieve.",
    "star-action": "Say what you did, step by step, with 'I'.",
    "star-hypothetical": "Tell a real time in the past tense, not what you would do.",
    "star-passive": "Tell your actions with 'I', not in the passive voice.",
    "star-we": "Say what you did yourself, not only what 'we' did.",
    "star-result": "Add the result, ideally with a number.",
    "result-number": "Put a number on the result.",
    "points": "Cover the points the interviewer looks for.",
    "short": "Say more: give the full story or explanation.",
    "long": "Keep it shorter: stop once the point is made.",
    "company-name": "Name the company you are applying to.",
    "company-facts": "Use your research on the company.",
    "company-research": "Research the company before the interview.",
    "job-terms": "Use the job's own vocabulary.",
    "fillers": "Cut fillers: pause silently instead.",
    "local-words": "Keep to English words in the interview.",
    "hedges": "Sound sure: fewer 'I think' and 'maybe'.",
    "ownership": "Say what you did with 'I'.",
    "tone": "End on a positive note.",
    "repetition": "Vary your words instead of repeating one.",
}


def answer_feedback(
    answer: str,
    question: QuestionGuide,
    *,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    track: str | None = None,
    company: CompanyFacts | None = None,
) -> Feedback:
    """Feedback on a written answer to `question` (the rules are in the module docstring).

    `track` adds the track's first terms to the expected job terms for operations and role
    questions; `company` (the candidate's target and research notes) is checked only for
    questions about the company. Raises ValueError for a blank answer or an unknown track.
    """
    if not answer.strip():
        raise ValueError("Write an answer first.")
    if track is not None and track not in TRACKS:
        raise ValueError(f"unknown track {track!r}; use one of {', '.join(TRACKS)}")
    sentences = tuple(
        _Sentence(text, found, lemmas(found))
        for text in split_sentences(answer)
        for found in [tokens(text)]
    )
    words = tokens(answer)
    stems = lemmas(words)
    word_count = sum(1 for t in words if is_word(t))
    verdict = (
        "short"
        if word_count < question.min_words
        else "long"
        if word_count > question.max_words
        else "ok"
    )
    fillers = _count_fillers(words, lexicon.fillers)
    hedges = _count_hedges(words, lexicon.hedges)
    used, missed = _job_terms(stems, question, lexicon, vocabulary, track)
    points = _talking_points_checked(sentences, question.talking_points)
    star = _star(sentences, question, lexicon)
    positive, negative = _tone_words(words, lexicon)
    tone = (
        "positive"
        if len(positive) > len(negative)
        else "negative"
        if len(negative) > len(positive)
        else "neutral"
    )
    passive = tuple(s.text for s in sentences if _passive(s) and not _active(s, lexicon))
    blame = _blame(words, lexicon.blame)
    i_count = sum(1 for t in words if t in _I_FORMS)
    we_count = sum(1 for t in words if t in _WE_FORMS)
    ownership = Ownership(
        i_statements=i_count,
        we_statements=we_count,
        passive=passive,
        blame=blame,
        verdict=(
            "distant"
            if not i_count + we_count or len(passive) > i_count + we_count
            else "shared"
            if we_count > i_count
            else "owns"
        ),
    )
    checked = None
    if company is not None and question.about_company:
        checked = _company(stems, company, lexicon)
    feedback = Feedback(
        question_id=question.id,
        round=question.round,
        kind=question.kind,
        star=star,
        star_expected=question.star,
        word_count=word_count,
        sentence_count=sum(1 for s in sentences if any(is_word(t) for t in s.words)),
        min_words=question.min_words,
        max_words=question.max_words,
        length_verdict=verdict,
        fillers=fillers,
        hedges=hedges,
        job_terms_used=used,
        job_terms_missed=missed,
        repeated_words=_repeated(words, lexicon),
        talking_points=points,
        positive_words=positive,
        negative_words=negative,
        tone=tone,
        ownership=ownership,
        company=checked,
        strengths=(),
        improvements=(),
        suggested_quality=0,
    )
    strengths, improvements = _advice(feedback, question)
    return replace(
        feedback,
        strengths=tuple(a.text for a in strengths),
        strength_keys=tuple(a.key for a in strengths),
        improvements=tuple(a.text for a in improvements),
        improvement_keys=tuple(a.key for a in improvements),
        suggested_quality=suggested_quality(feedback),
    )


def _count_fillers(words: Sequence[str], fillers: Sequence[Filler]) -> tuple[PhraseCount, ...]:
    """Filler counts, longest phrases first so no word counts twice ("so yeah" vs "so")."""
    squeezed = [_squeeze(t) for t in words]
    used = [False] * len(words)
    counts: dict[Filler, int] = {}
    for filler in sorted(fillers, key=lambda f: -len(_surface(f.phrase))):
        phrase = _surface(filler.phrase)
        for start in _starts(squeezed, phrase):
            end = start + len(phrase)
            if any(used[start:end]) or not _in_position(words, start, end, filler.when):
                continue
            used[start:end] = [True] * len(phrase)
            counts[filler] = counts.get(filler, 0) + 1
    ordered = sorted(counts, key=lambda f: (-counts[f], fillers.index(f)))
    return tuple(PhraseCount(f.phrase, counts[f], f.variety) for f in ordered)


def _in_position(words: Sequence[str], start: int, end: int, when: Sequence[str]) -> bool:
    after = words[end] if end < len(words) else ""
    before = words[start - 1] if start else ""
    checks = {
        "anywhere": True,
        "opening": start == 0 and after == ",",
        "before-comma": after == ",",
        "before-pause": after in _PAUSES or not after,
        "after-be": before in _BE,
    }
    return any(checks[w] for w in when)


def _count_hedges(words: Sequence[str], hedges: Sequence[str]) -> tuple[PhraseCount, ...]:
    used = [False] * len(words)
    counts: dict[str, int] = {}
    for hedge in sorted(hedges, key=lambda h: -len(_surface(h))):
        phrase = _surface(hedge)
        for start in _starts(words, phrase):
            end = start + len(phrase)
            noun = phrase[0] in _NOUN_HEDGES and start and words[start - 1] in _DETERMINERS
            if any(used[start:end]) or noun:
                continue
            used[start:end] = [True] * len(phrase)
            counts[hedge] = counts.get(hedge, 0) + 1
    ordered = sorted(counts, key=lambda h: (-counts[h], hedges.index(h)))
    return tuple(PhraseCount(h, counts[h]) for h in ordered)


def _blame(words: Sequence[str], phrases: Sequence[str]) -> tuple[str, ...]:
    """The blame phrases said, in order, longest first so "was not my fault" is one."""
    used = [False] * len(words)
    found: list[tuple[int, str]] = []
    for phrase in sorted(phrases, key=lambda p: -len(_surface(p))):
        size = len(_surface(phrase))
        for start in _starts(words, _surface(phrase)):
            if not any(used[start : start + size]):
                used[start : start + size] = [True] * size
                found.append((start, phrase))
    return tuple(dict.fromkeys(phrase for _, phrase in sorted(found)))


def _term(vocabulary: Vocabulary, key: str) -> TermUse:
    try:
        return TermUse(key, vocabulary.term(key).name)
    except KeyError:
        return TermUse(key, key)


def _job_terms(
    stems: Sequence[str],
    question: QuestionGuide,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    track: str | None,
) -> tuple[tuple[TermUse, ...], tuple[TermUse, ...]]:
    """The vocabulary terms the answer uses, and the expected ones it does not.

    An expected term is met by itself or by any narrower term (Zendesk meets CRM)."""
    found = tuple(dict.fromkeys(hit.key for hit in vocabulary.find(stems)))
    expected = list(question.job_terms)
    if track is not None and question.round in TRACK_TERM_ROUNDS:
        expected += lexicon.track_terms.get(track, ())[:EXPECTED_TRACK_TERMS]
    missed = [
        key
        for key in dict.fromkeys(expected)
        if key not in found and not vocabulary.narrower(key) & set(found)
    ]
    return (
        tuple(_term(vocabulary, k) for k in found),
        tuple(_term(vocabulary, k) for k in missed),
    )


def _talking_points_checked(
    sentences: Sequence[_Sentence], points: Sequence[TalkingPoint]
) -> tuple[PointCheck, ...]:
    checks = []
    for point in points:
        evidence = next((s.text for s in sentences if _has(s.stems, point.cues, stems=True)), None)
        checks.append(PointCheck(point.point, evidence is not None, evidence or ""))
    return tuple(checks)


def _active(sentence: _Sentence, lexicon: Lexicon) -> bool:
    return _past_action(sentence, _I) or _has(sentence.words, lexicon.star_cues["action"])


def _first(sentences: Sequence[_Sentence], test: Callable[[_Sentence], bool]) -> str | None:
    return next((s.text for s in sentences if test(s)), None)


def _star(
    sentences: Sequence[_Sentence], question: QuestionGuide, lexicon: Lexicon
) -> tuple[StarPart, ...]:
    cues = lexicon.star_cues
    situation = _first(sentences, lambda s: _has(s.words, cues["situation"]) or _year(s))
    task = _first(sentences, lambda s: _has(s.words, cues["task"]))
    planning = question.kind == "situational"
    missing = STAR_MISSING_PLAN if planning else STAR_MISSING
    active = _first(sentences, lambda s: _active(s, lexicon) or (planning and _plan(s)))
    shared = _first(sentences, lambda s: _past_action(s, _WE))
    passive = _first(sentences, _passive)
    plan = _first(sentences, _plan)
    results = [s for s in sentences if _has(s.words, cues["result"])]
    numbered = [s for s in results if _has_number(s)]

    parts = [
        StarPart("situation", situation is not None, situation or "",
                 "" if situation else missing["situation"]),
        StarPart("task", task is not None, task or "", "" if task else missing["task"]),
    ]  # fmt: skip
    if active is not None:
        parts.append(StarPart("action", True, active, ""))
    elif shared is not None:
        parts.append(StarPart("action", True, shared, NOTE_WE))
    elif passive is not None:
        parts.append(StarPart("action", True, passive, NOTE_PASSIVE))
    elif plan is not None:
        parts.append(StarPart("action", False, plan, NOTE_HYPOTHETICAL))
    else:
        parts.append(StarPart("action", False, "", missing["action"]))
    if numbered:
        parts.append(StarPart("result", True, numbered[0].text, ""))
    elif results:
        note = "" if planning else NOTE_NO_NUMBER
        parts.append(StarPart("result", True, results[0].text, note))
    else:
        parts.append(StarPart("result", False, "", missing["result"]))
    return tuple(parts)


def _negated(words: Sequence[str], start: int) -> int | None:
    """Where the negation before `start` is ("not happy", "never really enjoyed"), or None."""
    index = start - 1
    while index >= 0 and words[index] in _INTENSIFIERS:
        index -= 1
    if index >= 0 and (words[index] in _NEGATORS or words[index].endswith("n't")):
        return index
    return None


def _tone_words(words: Sequence[str], lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The positive and negative words used (as written, each once, in order of use)."""
    stems = [lemma(t) if is_word(t) else t for t in words]
    found: list[tuple[int, str, bool]] = []
    for phrases, good in ((lexicon.positive, True), (lexicon.negative, False)):
        for phrase in phrases:
            form = _stems(phrase)
            for start in _starts(stems, form):
                end = start + len(form)
                negation = _negated(words, start)
                if negation is None:
                    found.append((start, " ".join(words[start:end]), good))
                elif good:
                    found.append((negation, " ".join(words[negation:end]), False))
    found.sort()
    positive = tuple(dict.fromkeys(text for _, text, good in found if good))
    negative = tuple(dict.fromkeys(text for _, text, good in found if not good))
    return positive, negative


def _repeated(words: Sequence[str], lexicon: Lexicon) -> tuple[WordCount, ...]:
    """The top five content words said three or more times, grouped by lemma."""
    single_fillers = {
        _surface(f.phrase)[0] for f in lexicon.fillers if len(_surface(f.phrase)) == 1
    }
    groups: dict[str, list[str]] = {}
    for token in words:
        if (
            token.replace("'", "").isalpha()
            and len(token) > 2
            and token not in lexicon.stopwords
            and _squeeze(token) not in single_fillers
        ):
            groups.setdefault(lemma(token), []).append(token)
    ranked = sorted(
        (forms for forms in groups.values() if len(forms) >= 3),
        key=lambda forms: -len(forms),
    )
    return tuple(WordCount(Counter(forms).most_common(1)[0][0], len(forms)) for forms in ranked[:5])


def _company(stems: Sequence[str], company: CompanyFacts, lexicon: Lexicon) -> CompanyCheck:
    """Whether the answer names the company, and which research notes it uses: a note counts
    when at least half its content words (not stopwords) appear in the answer."""
    said = set(stems)
    used: list[str] = []
    missed: list[str] = []
    for fact in company.facts:
        keys = {lemma(t) for t in tokens(fact) if is_word(t) and t not in lexicon.stopwords}
        enough = keys and len(keys & said) >= math.ceil(len(keys) / 2)
        (used if enough else missed).append(fact)
    return CompanyCheck(
        name=company.name,
        mentioned=bool(_starts(stems, _stems(company.name))),
        facts_used=tuple(used),
        facts_missed=tuple(missed),
    )


def _quote(values: Sequence[str], limit: int = 3) -> str:
    return ", ".join(f"'{v}'" for v in values[:limit])


def _advice(
    feedback: Feedback, question: QuestionGuide
) -> tuple[tuple[Advice, ...], tuple[Advice, ...]]:
    """The strengths and improvements, most important first."""
    good: list[Advice] = []
    fix: list[Advice] = []
    star = {p.part: p for p in feedback.star}
    covered = [p.point for p in feedback.talking_points if p.covered]
    missed = [p.point for p in feedback.talking_points if not p.covered]
    total = len(feedback.talking_points)
    seconds = feedback.speaking_seconds
    rate = feedback.fillers_per_100_words
    own = feedback.ownership

    if total and not missed:
        good.append(Advice("points-all", "You covered every point the interviewer looks for."))
    elif total and len(covered) * 2 > total:
        good.append(Advice("points-most", f"You covered {len(covered)} of {total} key points: "
                           f"{'; '.join(covered)}."))  # fmt: skip
    star_notes = {p.note for p in feedback.star}
    if (
        feedback.star_expected
        and feedback.star_complete
        and not star_notes & {NOTE_PASSIVE, NOTE_WE}
    ):
        good.append(Advice("star", "Your story has all four STAR parts: situation, task, "
                           "action and result."))  # fmt: skip
    planning = question.kind == "situational"
    result = star["result"]
    if feedback.star_expected and not planning and result.found and not result.note:
        good.append(Advice("result-number", f"You gave a measurable result: "
                           f"\"{star['result'].evidence}\""))  # fmt: skip
    if feedback.length_verdict == "ok":
        good.append(Advice("length", f"Good length: {feedback.word_count} words, about "
                           f"{seconds} seconds when spoken."))  # fmt: skip
    if feedback.word_count >= FLUENT_MIN_WORDS and rate < 1:
        good.append(Advice("fluent", "Almost no fillers: you come across as prepared and sure."))
    if len(feedback.job_terms_used) >= 2:
        names = [t.name for t in feedback.job_terms_used]
        good.append(Advice("job-terms", f"You used the job's vocabulary: {', '.join(names[:5])}."))
    action = star["action"]
    if feedback.star_expected and action.found and own.verdict == "owns" and not own.blame:
        done = "would do" if planning else "did"
        good.append(Advice("ownership", f"You own your actions: you say what you {done} with "
                           "'I'."))  # fmt: skip
    if feedback.tone == "positive":
        good.append(Advice("tone", f"Positive tone ({_quote(feedback.positive_words)})."))
    if feedback.company is not None and feedback.company.facts_used:
        good.append(Advice("company", f"You used your research on {feedback.company.name}."))

    if own.blame:
        fix.append(Advice("blame", f"Leave out blame ({_quote(own.blame)}): describe what "
                          "happened and what you did about it. Interviewers mark down blaming "
                          "customers, colleagues or past employers."))  # fmt: skip
    if feedback.star_expected:
        for part in STAR_PARTS:
            note = star[part].note
            if not star[part].found and note == NOTE_HYPOTHETICAL:
                fix.append(Advice("star-hypothetical", "Tell a real time: say what you did, "
                                  "in the past tense ('I checked ...'), not what you would "
                                  "do."))  # fmt: skip
            elif not star[part].found:
                fix.append(Advice(f"star-{part}", note))
            elif note == NOTE_PASSIVE:
                fix.append(Advice("star-passive", "Tell your actions with 'I': say 'I processed "
                                  "the refund', not 'the refund was processed'."))  # fmt: skip
            elif note == NOTE_WE:
                fix.append(Advice("star-we", "Say what you did yourself: use 'I' for your own "
                                  "actions and 'we' only for the team's."))  # fmt: skip
            elif note == NOTE_NO_NUMBER:
                fix.append(Advice("result-number", "Put a number on the result (how many "
                                  "customers, how much faster, what score) to make it "
                                  "concrete."))  # fmt: skip
    if missed:
        fix.append(Advice("points", f"Add {'this point' if len(missed) == 1 else 'these points'}"
                          f": {'; '.join(missed)}."))  # fmt: skip
    low, high = question.min_words, question.max_words
    if feedback.length_verdict == "short":
        fix.append(Advice("short", f"Say more: {feedback.word_count} words is short for this "
                          f"question; aim for {low}-{high} words (about "
                          f"{round(low * 60 / SPEAKING_WPM)}-{round(high * 60 / SPEAKING_WPM)} "
                          "seconds spoken)."))  # fmt: skip
    elif feedback.length_verdict == "long":
        fix.append(Advice("long", f"Keep it shorter: {feedback.word_count} words (about "
                          f"{seconds} seconds) runs past {high}; cut repeats and stop once "
                          "you have made your point."))  # fmt: skip
    company = feedback.company
    if question.about_company and company is None:
        fix.append(Advice("company-research", "Add your target company and a few research "
                          "notes (its clients, size, the process you would join): generic "
                          "answers are spotted at once."))  # fmt: skip
    elif company is not None:
        if not company.mentioned:
            fix.append(Advice("company-name", f"Name {company.name} in your answer."))
        if company.facts_missed and not company.facts_used:
            fix.append(Advice("company-facts", f"Use your research: mention a fact such as "
                              f"\"{company.facts_missed[0]}\"."))  # fmt: skip
        elif not company.facts_missed and not company.facts_used:
            fix.append(Advice("company-research", f"Add research notes on {company.name} (its "
                              "clients, size, the process you would join) and use one or two "
                              "here."))  # fmt: skip
    if feedback.job_terms_missed:
        names = [t.name for t in feedback.job_terms_missed]
        more = f" and {len(names) - 5} more" if len(names) > 5 else ""
        fix.append(Advice("job-terms", f"Use the job's words where they fit: "
                          f"{', '.join(names[:5])}{more}."))  # fmt: skip
    if feedback.filler_count >= FILLERS_IMPROVE_COUNT and rate >= FILLERS_IMPROVE_RATE:
        said = [f"'{f.phrase}' x{f.count}" for f in feedback.fillers[:3]]
        fix.append(Advice("fillers", f"Cut the fillers ({', '.join(said)}; {rate} per 100 "
                          "words): pause silently instead. Interviewers read fillers as "
                          "nerves."))  # fmt: skip
    local = [f.phrase for f in feedback.fillers if f.variety != "common"]
    if local:
        fix.append(Advice("local-words", f"Keep to English: {_quote(local)} slip in from "
                          "everyday speech and sound casual in an interview."))  # fmt: skip
    hedges = sum(h.count for h in feedback.hedges)
    if hedges >= HEDGES_IMPROVE_COUNT:
        fix.append(Advice("hedges", f"Sound sure of yourself: drop "
                          f"{_quote([h.phrase for h in feedback.hedges])} and say what you do "
                          "or will do."))  # fmt: skip
    if feedback.star_expected and action.found and not action.note and own.verdict != "owns":
        fix.append(Advice("ownership", "Tell it in the first person: say what you did with 'I' "
                          "('I checked the account', 'I called back')."))  # fmt: skip
    if feedback.tone == "negative":
        fix.append(Advice("tone", f"Balance the hard parts ({_quote(feedback.negative_words)}) "
                          "with what went well or what you learned, and end on a positive "
                          "note."))  # fmt: skip
    top = feedback.repeated_words[0] if feedback.repeated_words else None
    if top and top.count >= REPEAT_MIN and top.count >= REPEAT_SHARE * feedback.word_count:
        fix.append(Advice("repetition", f"You said '{top.word}' {top.count} times: vary the "
                          "wording or cut the repeats."))  # fmt: skip
    return tuple(good), tuple(fix)


def suggested_quality(feedback: Feedback) -> int:
    """The 0-5 quality for spaced repetition (`spaced.review`), rounded half up from

        STAR expected:  5 x (0.45 coverage + 0.25 STAR + 0.15 length + 0.15 fluency)
        otherwise:      5 x (0.65 coverage + 0.15 length + 0.20 fluency)

    coverage: share of talking points covered; STAR: share of the four parts found; length:
    1 in range, words / min below it, 1 - (words - max) / max above it (not below 0);
    fluency: 1 up to 2 fillers per 100 words, 0 from 8, linear between (0 with no words).
    Any blame phrase caps the result at 2, so a blaming answer always counts as a lapse.
    """
    words = feedback.word_count
    low, high = feedback.min_words, feedback.max_words
    if words < low:
        length = words / low
    elif words > high:
        length = max(0.0, 1 - (words - high) / high)
    else:
        length = 1.0
    rate = 100 * feedback.filler_count / words if words else FILLERS_NONE
    fluency = min(1.0, max(0.0, (FILLERS_NONE - rate) / (FILLERS_NONE - FILLERS_FULL)))
    coverage = feedback.talking_point_coverage
    if feedback.star_expected:
        star = sum(1 for p in feedback.star if p.found) / len(STAR_PARTS)
        score = 0.45 * coverage + 0.25 * star + 0.15 * length + 0.15 * fluency
    else:
        score = 0.65 * coverage + 0.15 * length + 0.20 * fluency
    quality = math.floor(5 * score + 0.5)
    if feedback.ownership.blame:
        quality = min(quality, BLAME_QUALITY_CAP)
    return max(0, min(5, quality))


# ---- A mock interview --------------------------------------------------------------------


@dataclass(frozen=True)
class RoundSummary:
    answers: int
    talking_point_coverage: float
    star_rate: float | None


@dataclass(frozen=True)
class MockSummary:
    answers: int
    star_rate: float | None  # None when no answer expected STAR
    average_words: float
    in_range_share: float
    fillers_per_100_words: float
    talking_point_coverage: float
    job_terms_used: tuple[str, ...]
    strengths: tuple[str, ...]
    improvements: tuple[str, ...]
    per_round: Mapping[str, RoundSummary]

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "star_rate": _ratio(self.star_rate),
            "average_words": round(self.average_words, 1),
            "in_range_share": round(self.in_range_share, 3),
            "fillers_per_100_words": round(self.fillers_per_100_words, 1),
            "talking_point_coverage": round(self.talking_point_coverage, 3),
            "job_terms_used": list(self.job_terms_used),
            "strengths": list(self.strengths),
            "improvements": list(self.improvements),
            "per_round": {
                name: {
                    "answers": r.answers,
                    "talking_point_coverage": round(r.talking_point_coverage, 3),
                    "star_rate": _ratio(r.star_rate),
                }
                for name, r in self.per_round.items()
            },
        }


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _star_rate(feedbacks: Sequence[Feedback]) -> float | None:
    expected = [f for f in feedbacks if f.star_expected]
    return sum(1 for f in expected if f.star_complete) / len(expected) if expected else None


def _coverage(feedbacks: Sequence[Feedback]) -> float:
    total = sum(len(f.talking_points) for f in feedbacks)
    return sum(f.points_covered for f in feedbacks) / total if total else 0.0


def _top(keys: Iterable[str], texts: Mapping[str, str], answers: int) -> tuple[str, ...]:
    """The three most frequent advice keys (ties in the order of `texts`), as sentences."""
    counts = Counter(keys)
    order = list(texts)
    ranked = sorted(counts, key=lambda k: (-counts[k], order.index(k)))[:3]
    return tuple(f"{texts[k]} ({counts[k]} of {answers} answers)" for k in ranked)


def mock_summary(items: Sequence[tuple[QuestionGuide, Feedback]]) -> MockSummary:
    """A summary over a mock interview's answers: STAR rate (share of STAR-expected answers
    with all four parts), length, fillers, coverage, terms used, and the most frequent
    strengths and improvements (each advice counted once per answer)."""
    feedbacks = [f for _, f in items]
    answers = len(feedbacks)
    words = sum(f.word_count for f in feedbacks)
    fillers = sum(f.filler_count for f in feedbacks)
    rounds: dict[str, list[Feedback]] = {}
    for question, feedback in items:
        rounds.setdefault(question.round, []).append(feedback)
    return MockSummary(
        answers=answers,
        star_rate=_star_rate(feedbacks),
        average_words=words / answers if answers else 0.0,
        in_range_share=(
            sum(1 for f in feedbacks if f.length_verdict == "ok") / answers if answers else 0.0
        ),
        fillers_per_100_words=100 * fillers / words if words else 0.0,
        talking_point_coverage=_coverage(feedbacks),
        job_terms_used=tuple(dict.fromkeys(t.name for f in feedbacks for t in f.job_terms_used)),
        strengths=_top(
            (k for f in feedbacks for k in dict.fromkeys(f.strength_keys)),
            STRENGTHS,
            answers,
        ),
        improvements=_top(
            (k for f in feedbacks for k in dict.fromkeys(f.improvement_keys)),
            IMPROVEMENTS,
            answers,
        ),
        per_round={
            name: RoundSummary(len(rounds[name]), _coverage(rounds[name]), _star_rate(rounds[name]))
            for name in ROUNDS
            if name in rounds
        },
    )
