"""The BPO skills vocabulary: terms, their synonyms, and the text rules matching relies on.

The vocabulary is content (`launchpad/content/resume/bpo_vocabulary.yaml`, described in the
README there): each term has a key, a display name, a category, the ways it is written
(synonyms and abbreviations), optionally broader terms (Zendesk is a kind of CRM), the
skills-lab evidence that proves it (`profile`) and advice on how to gain it.
`parse_vocabulary` validates parsed data and collects every problem before raising, so one
run shows an author everything to fix; a synonym claimed by two terms is an error, because
the matcher could not tell which term a resume means.

Matching works on tokens: lower-case words (hyphens split words, so "non-voice" and
"non voice" are the same), with punctuation kept as separate tokens so a phrase never
matches across a comma. `lemma` is a small rule-based English stemmer written for this
module (plurals, -ing, -ed, -er, British -ise/-yse/-tre spellings and a few irregular verbs);
it needs no downloaded data. Two words match at the lemma layer when their lemmas are equal.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from launchpad.core.checks import checked_text, checked_texts

VOCABULARY_PATH = Path(__file__).resolve().parents[2] / "content" / "resume" / "bpo_vocabulary.yaml"
CATEGORIES = (
    "kpi",
    "tool",
    "skill",
    "shift",
    "channel",
    "process",
    "certification",
    "language",
    "education",
    "role",
)
# Evidence from the skills lab and the profile that can stand for a term (see match.py).
PROFILE_EVIDENCE = (
    "typing_wpm",
    "english_cefr",
    "shift:day",
    "shift:night",
    "shift:rotational",
    "languages",
    "certificates",
)
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# A word (letters and digits, joined by inner dots, apostrophes or ampersands, with trailing
# + or #: "b.com", "node.js", "c++", "r&d"), a digit pair such as 24/7, or one punctuation mark.
_TOKEN_RE = re.compile(r"\d+/\d+|[a-z0-9]+(?:[.'&][a-z0-9]+)*[+#]*|[/,;:()|&.+!?]")
_VOWEL_RE = re.compile(r"[aeiouy]")
_IRREGULAR = {
    "used": "use", "using": "use", "uses": "use", "made": "make", "led": "lead",
    "sold": "sell", "upsold": "upsell", "taught": "teach", "wrote": "write",
    "written": "write", "built": "build", "won": "win", "met": "meet", "ran": "run",
    "spoke": "speak", "spoken": "speak", "bought": "buy", "brought": "bring",
    "kept": "keep", "dealt": "deal", "drove": "drive", "driven": "drive", "gave": "give",
    "given": "give", "took": "take", "taken": "take", "people": "person",
    "children": "child", "troubleshot": "troubleshoot",
    "learnt": "learn", "thought": "think", "understood": "understand", "grew": "grow",
    "grown": "grow", "began": "begin", "begun": "begin", "chose": "choose",
    "chosen": "choose", "knew": "know", "known": "know", "sent": "send", "spent": "spend",
    "felt": "feel", "held": "hold", "heard": "hear", "paid": "pay",
}  # fmt: skip
_BRITISH = {
    "colour": "color", "behaviour": "behavior", "favour": "favor", "honour": "honor",
    "labour": "labor", "neighbour": "neighbor", "endeavour": "endeavor", "humour": "humor",
    "programme": "program", "catalogue": "catalog", "dialler": "dialer", "enquiry": "inquiry",
    "enquiries": "inquiries", "enquire": "inquire",
}  # fmt: skip
_ISE_RE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations)$")
_YSE_RE = re.compile(r"^(\w+)ys(e|es|ed|ing)$")
_TRE_RE = re.compile(r"^(\w{3,})tre(s?)$")
# -ise words spelt the same on both sides of the Atlantic: left alone so they keep their form.
_ISE_KEEP = frozenset({"advise", "exercise", "expertise", "enterprise", "otherwise",
                       "promise", "premise", "surprise", "franchise", "merchandise",
                       "compromise", "supervise", "revise", "devise", "precise", "concise",
                       "raise", "praise", "noise", "cruise", "wise", "rise", "paradise",
                       "treatise", "demise", "disguise", "televise", "improvise"})  # fmt: skip
# Words that only look like verb + -er (and would otherwise collide: customer / custom).
_KEEP_ER = frozenset(
    {
        "customer",
        "number",
        "other",
        "under",
        "after",
        "over",
        "never",
        "ever",
        "power",
        "water",
        "paper",
        "member",
        "matter",
        "letter",
        "partner",
        "either",
        "whether",
        "together",
        "rather",
        "later",
        "corner",
        "river",
        "summer",
        "winter",
        "super",
        "proper",
        "computer",
    }
)
# Words whose -ing form means something else than the verb ("accounting" is not "account").
_KEEP = frozenset({"speed", "indeed", "series", "species", "news", "lens", "accounting",
                   "marketing", "banking", "morning", "evening"})  # fmt: skip


class VocabularyError(ValueError):
    """The vocabulary content is inconsistent; `problems` lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


def normalise(text: str) -> str:
    """`text` in lower-case ASCII, curly quotes straightened and accents dropped."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.lower()


def tokens(text: str) -> tuple[str, ...]:
    """The tokens of `text`: normalised words, digit pairs (24/7) and punctuation marks.

    Hyphens and dashes separate words and are dropped; a lone "&" becomes "and"; a word's
    possessive "'s" stays on the word (the lemma drops it).
    """
    found = _TOKEN_RE.findall(normalise(text))
    return tuple("and" if t == "&" else t for t in found)


def is_word(token: str) -> bool:
    """Whether a token is a word (not a punctuation mark)."""
    return token[0].isalnum()


def _undouble(stem: str) -> str:
    """A doubled final consonant made single ("plann" -> "plan"), except l, s, z and f."""
    if (
        len(stem) >= 4
        and stem[-1] == stem[-2]
        and stem[-1] not in "aeioulszf"
        and stem[-1].isalpha()
    ):
        return stem[:-1]
    return stem


def _american(word: str) -> str:
    """British spellings in their American form, so both sides of a match agree."""
    if word in _BRITISH:
        return _BRITISH[word]
    match = _ISE_RE.match(word)
    if match and word not in _ISE_KEEP and not word.endswith(("wise", "rise", "cise")):
        return f"{match.group(1)}iz{match.group(2)}"
    match = _YSE_RE.match(word)
    if match:
        return f"{match.group(1)}yz{match.group(2)}"
    match = _TRE_RE.match(word)
    if match:
        return f"{match.group(1)}ter{match.group(2)}"
    return word


@lru_cache(maxsize=65536)
def lemma(token: str) -> str:
    """The lemma (really a stem) of a token: "handled", "handles", "handling" -> "handl".

    Rules, in order: drop a possessive "'s"; irregular forms ("sold" -> "sell"); British
    spellings ("analyse" -> "analyze", "centre" -> "center"); plurals (-ies -> -y, -sses,
    -shes, -ches, -xes, -zes lose -es, otherwise a final -s goes unless the word ends in
    -ss, -us or -is); then one of -ing / -ed (-ied -> -y) when at least three letters with a
    vowel remain, undoubling a final consonant ("planned" -> "plan"); then -er on the same
    condition (not for words such as "customer" that only look like verb + -er); then a
    final -e. Tokens that are not plain words (b.com, 24/7, c++) are returned as they are.
    """
    word = token.lower()
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if not word.isalpha():
        return word
    word = _IRREGULAR.get(word, word)
    word = _american(word)
    if len(word) <= 3 or word in _KEEP:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
        if word in _KEEP:
            return word
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and _VOWEL_RE.search(stem):
            if suffix == "ed" and stem.endswith("i"):
                stem = stem[:-1] + "y"
            word = _undouble(stem)
            break
    stem = word[:-2]
    if word.endswith("er") and word not in _KEEP_ER and len(stem) >= 3 and _VOWEL_RE.search(stem):
        word = _undouble(stem)
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def lemmas(words: Iterable[str]) -> tuple[str, ...]:
    """The lemma of each token, punctuation kept as it is."""
    return tuple(lemma(w) if is_word(w) else w for w in words)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    how_to_gain: str


@dataclass(frozen=True)
class Term:
    """One vocabulary term. `synonyms` are every way it is written, the name included."""

    key: str
    name: str
    category: str
    synonyms: tuple[str, ...]
    broader: tuple[str, ...] = ()
    profile: str | None = None
    how_to_gain: str = ""


@dataclass(frozen=True)
class TermHit:
    """A term found in a token sequence: tokens[start:end] is `surface`, a synonym's form."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Vocabulary:
    """The validated vocabulary, with the indexes the matcher uses (built once)."""

    version: str
    categories: Mapping[str, Category]
    terms: tuple[Term, ...]
    _by_key: dict[str, Term] = field(init=False, repr=False, compare=False)
    _index: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(
        init=False, repr=False, compare=False
    )
    _narrower: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    # Changes whenever anything in the vocabulary does (its version may not be bumped).
    fingerprint: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {t.key: t for t in self.terms}
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term in self.terms:
            for synonym in term.synonyms:
                stems = lemmas(tokens(synonym))
                entries = index.setdefault(stems[0], [])
                if (stems, term.key) not in entries:
                    entries.append((stems, term.key))
        children: dict[str, set[str]] = {}
        for term in self.terms:
            for parent in term.broader:
                children.setdefault(parent, set()).add(term.key)
        narrower: dict[str, frozenset[str]] = {}
        for key in by_key:
            seen: set[str] = set()
            todo = list(children.get(key, ()))
            while todo:
                child = todo.pop()
                if child not in seen:
                    seen.add(child)
                    todo.extend(children.get(child, ()))
            narrower[key] = frozenset(seen)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})
        object.__setattr__(self, "_narrower", narrower)
        content = repr((self.version, sorted(self.categories.items()), self.terms))
        object.__setattr__(self, "fingerprint", hashlib.sha256(content.encode()).hexdigest()[:16])

    def term(self, key: str) -> Term:
        """The term with this key (KeyError when there is none)."""
        return self._by_key[key]

    def narrower(self, key: str) -> frozenset[str]:
        """The keys of every term that is, directly or not, a kind of term `key`."""
        return self._narrower.get(key, frozenset())

    def how_to_gain(self, key: str) -> str:
        """The term's advice on gaining it, or its category's when it has none."""
        term = self._by_key[key]
        return term.how_to_gain or self.categories[term.category].how_to_gain

    def find(self, stems: Sequence[str]) -> tuple[TermHit, ...]:
        """Every occurrence of every term in a lemmatised token sequence, overlaps included.

        Overlapping hits are all kept ("customer service representative" holds both the role
        and the skill "customer service"), so adding words to a text never loses a hit.
        """
        hits: list[TermHit] = []
        for start, stem in enumerate(stems):
            for phrase, key in self._index.get(stem, ()):
                end = start + len(phrase)
                if tuple(stems[start:end]) == phrase:
                    hits.append(TermHit(key, start, end))
        return tuple(hits)

    def lookup(self, text: str) -> Term | None:
        """The term `text` is a synonym of (compared by lemmas), or None."""
        stems = lemmas(tokens(text))
        if not stems:
            return None
        for phrase, key in self._index.get(stems[0], ()):
            if phrase == stems:
                return self._by_key[key]
        return None


def _parse_categories(raw: Any, problems: list[str]) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    if not isinstance(raw, Mapping):
        problems.append("categories: must be a mapping of category to label and how_to_gain")
        return categories
    for key, item in raw.items():
        where = f"category {key}"
        if key not in CATEGORIES:
            problems.append(f"{where}: unknown; use one of {', '.join(CATEGORIES)}")
            continue
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be a mapping")
            continue
        categories[key] = Category(
            key=key,
            label=checked_text(item.get("label"), where, "label", problems, required=True),
            how_to_gain=checked_text(
                item.get("how_to_gain"), where, "how_to_gain", problems, required=True
            ),
        )
    for key in CATEGORIES:
        if key not in categories and key not in raw:
            problems.append(f"category {key}: missing")
    return categories


def _parse_term(number: int, item: Any, problems: list[str]) -> Term | None:
    where = f"term {number}"
    if not isinstance(item, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    key = checked_text(item.get("key"), where, "key", problems, required=True)
    if key:
        where = f"term {key}"
        if not KEY_RE.match(key):
            problems.append(f"{where}: key must be lower-case words joined by hyphens")
    category = item.get("category")
    if category not in CATEGORIES:
        problems.append(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    synonyms = checked_texts(item.get("synonyms"), where, "synonyms", problems)
    if not synonyms:
        problems.append(f"{where}: synonyms must list at least one way the term is written")
    seen: set[tuple[str, ...]] = set()
    for synonym in synonyms:
        form = tokens(synonym)
        if not any(is_word(t) for t in form):
            problems.append(f"{where}: synonym {synonym!r} has no word in it")
        elif form in seen:
            problems.append(f"{where}: synonym {synonym!r} is listed twice")
        seen.add(form)
    profile = item.get("profile")
    if profile is not None and profile not in PROFILE_EVIDENCE:
        problems.append(f"{where}: profile must be one of {', '.join(PROFILE_EVIDENCE)}")
        profile = None
    if category == "language" and profile is None:
        profile = "languages"
    if category == "certification" and profile is None:
        profile = "certificates"
    return Term(
        key=key,
        name=checked_text(item.get("name"), where, "name", problems, required=True),
        category=str(category),
        synonyms=synonyms,
        broader=checked_texts(item.get("broader"), where, "broader", problems),
        profile=profile,
        how_to_gain=checked_text(item.get("how_to_gain"), where, "how_to_gain", problems,
                          required=False),
    )  # fmt: skip


def _check_terms(terms: Sequence[Term], problems: list[str]) -> None:
    keys = [t.key for t in terms]
    for key in sorted({k for k in keys if k and keys.count(k) > 1}):
        problems.append(f"terms: key {key!r} appears twice")
    known = set(keys)
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    for term in terms:
        for parent in term.broader:
            if parent not in known:
                problems.append(f"term {term.key}: broader term {parent!r} does not exist")
            elif parent == term.key:
                problems.append(f"term {term.key}: cannot be broader than itself")
        for synonym in term.synonyms:
            stems = lemmas(tokens(synonym))
            if not stems:
                continue
            other = owner.get(stems)
            if other and other[0] != term.key:
                problems.append(
                    f"synonym {synonym!r} of term {term.key} is also {other[1]!r} of term "
                    f"{other[0]} (the same once lower-cased and lemmatised): keep it in one term"
                )
            else:
                owner[stems] = (term.key, synonym)
    parents = {t.key: t.broader for t in terms}
    for term in terms:
        seen: set[str] = set()
        todo = list(term.broader)
        while todo:
            parent = todo.pop()
            if parent == term.key:
                problems.append(f"term {term.key}: its broader terms lead back to it")
                break
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))


def parse_vocabulary(data: Any) -> Vocabulary:
    """Parsed vocabulary content (a mapping) as a `Vocabulary`.

    Raises VocabularyError listing every problem: missing or unknown fields, unknown
    categories, keys that are not unique, broader terms that do not exist or form a loop,
    and any synonym that two terms share once lower-cased and lemmatised.
    """
    if not isinstance(data, Mapping):
        raise VocabularyError(["the vocabulary must be a mapping with categories and terms"])
    problems: list[str] = []
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int | str) or version == "":
        problems.append("version: required (a number or text)")
    categories = _parse_categories(data.get("categories"), problems)
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list) or not raw_terms:
        problems.append("terms: must be a non-empty list")
        raw_terms = []
    parsed = (_parse_term(n, item, problems) for n, item in enumerate(raw_terms, 1))
    terms = tuple(t for t in parsed if t is not None)
    _check_terms(terms, problems)
    if problems:
        raise VocabularyError(problems)
    return Vocabulary(version=str(version), categories=categories, terms=terms)


def load_vocabulary(path: str | Path = VOCABULARY_PATH) -> Vocabulary:
    """The vocabulary read from a YAML file (by default the one in launchpad/content)."""
    with Path(path).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return parse_vocabulary(data)
