"""The job match: how well a resume answers a job description, and what to do about the gap.

`match` scores a JSON Resume against a job (a `JobSpec`, a JSON Resume job-schema mapping or
pasted text) from 0 to 100 and explains every point:

| component | weight | items (item weight) | item score |
|---|---|---|---|
| qualifications | 40 | must-haves (2), nice-to-haves (1) | share of its concepts found |
| responsibilities | 30 | responsibilities (1) | share of its concepts found |
| keywords | 20 | distinct keywords (1) | found or not; full marks at 10 |
| title | 10 | the job title | share found in headline and job titles (see below) |

A component scores 100 × Σ(weight × item score) / Σ weight (keywords: 100 × min(found,
full marks) / min(keywords, full marks), so repeating or piling up keywords adds nothing).
The match score is the weighted mean of the components the job has (a job without
responsibilities is scored on the other three, their weights scaled to add up to 100),
rounded half up. Keywords are the job's listed skills plus every vocabulary term in its
text (job titles and shifts aside). The title is read twice, as vocabulary terms and as
plain words (level words such as "executive" or "senior" left out); the better share counts.

A concept is a vocabulary term (`vocabulary.py`), a content word, or a list of them joined
by "or" / "such as" / "/" (any one meets it). It is found in the resume at the best of three
layers: `exact` (the job's own words), `lemma` (another form of the same words: handled /
handling) or `synonym` (another name of the term, or a narrower term: Zendesk meets CRM).
The evidence is the first resume field at that layer, as a path (`work[0].highlights[2]`);
experience comes first, then projects, skills, the summary, education, certificates,
awards, languages, and the app's BPO fields (`basics["x-bpo"]`: typing speed, English
level, shifts, work types), which its exports print. A job line that states a knockout
leaves those words to the knockout: "Typing speed of 30 WPM" is checked once, never scored.

A concept the resume misses is "evidenced" when the skills-lab profile or a part of the
resume that is not read for matching (interests, references, unknown fields) shows it:
the candidate has it and should say it. Otherwise it is "not evidenced": the advice says how
to gain it, never to add it. Knockouts (shifts, location, degree, typing speed, notice
period) are checked separately and never change the score; each is pass, fail or unknown.

Pure and deterministic: no clock, no I/O, no randomness.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from launchpad.core.knockouts import EDUCATION_ORDER, Outcome
from launchpad.core.resume.vocabulary import (
    TermHit,
    Vocabulary,
    is_word,
    lemma,
    lemmas,
    tokens,
)

MATCH_RULES_VERSION = "match-1"
WEIGHTS: Mapping[str, int] = {
    "qualifications": 40,
    "responsibilities": 30,
    "keywords": 20,
    "title": 10,
}
LABELS: Mapping[str, str] = {
    "qualifications": "Qualifications",
    "responsibilities": "Responsibilities",
    "keywords": "Keywords",
    "title": "Job title",
}
MUST_WEIGHT = 2
NICE_WEIGHT = 1
RESPONSIBILITY_WEIGHT = 1
KEYWORD_FULL_MARKS = 10
# "Immediate joiners" read as a notice period of at most this many days.
IMMEDIATE_NOTICE_DAYS = 15
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
# A CEFR level from the skills lab counts as evidence of English communication from here.
CEFR_EVIDENCE_FROM = "B1"


class Layer(enum.StrEnum):
    EXACT = "exact"
    LEMMA = "lemma"
    SYNONYM = "synonym"


LAYER_ORDER = (Layer.EXACT, Layer.LEMMA, Layer.SYNONYM)

# Words that say nothing a resume could show: function words and the filler of job ads.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


STOPWORDS = _words("""
a about above across after again against all almost also although always am among an and
any anyone anything are around as at be because been before being below between both but
by can cannot could did do does doing done down during each either else etc even ever every
few for from further had has have having he her here hers him his how however i if in into
is it its itself just least less let may me might more most much must my no nor not now of
off often on once one only onto or other others our ours out over own per please same shall
she should so some such than that the their theirs them then there these they this those
through thus till to too under until up upon us very via was we well were what when where
whether which while who whom whose why will with within without would yet you your yours
eg e.g ie i.e etc vs incl including include includes like new
ability able advantage added applicant applicants apply basic candidate candidates
company desirable desired excellent experience experienced expert field fresher freshers good
great high ideal ideally job knowledge least level mandatory minimum month months must need
needed needs nice plus position preferably preferred prefer proficiency proficient
proven related relevant require required requirement requirements responsibilities
responsibility role skill skills solid strong understanding welcome year years yrs
willing willingness eligible eligibility graduate graduates graduation pass passed only
immediate immediately joiner joiners joining join notice period wpm
hiring opening openings vacancy vacancies urgent urgently wanted walk drive
handle handling manage managing ensure ensuring maintain maintaining provide providing
perform performing work working assist assisting deliver delivering use using help helping
make making take taking follow following meet meeting get getting keep keeping
effective effectively efficient efficiently professional professionally timely manner
appropriate appropriately clear clearly prompt promptly positive overall daily day days
various multiple different etc related similar equivalent including across within
""")
STOP_LEMMAS = frozenset(lemma(w) for w in STOPWORDS if w.isalpha())
# Words of a job title that name a level or a kind of post rather than the work itself.
TITLE_FILLER = _words("""
executive associate representative agent specialist officer senior junior trainee
sr jr i ii iii intern internship staff member consultant advisor assistant
""")
TITLE_FILLER_LEMMAS = frozenset(lemma(w) for w in TITLE_FILLER)

# Tokens allowed between two terms for them to form one list ("Salesforce, Zendesk or
# Freshdesk"); a list is "any of" when a gap holds an alternative marker and no plain "and".
_GAP_TOKENS = _words("""
or and / , ( ) such as e.g eg like including etc i.e ie tool tools software platform
platforms system systems any either other similar
""")
_ALTERNATIVE_TOKENS = frozenset(
    {"or", "/", "such", "e.g", "eg", "like", "including", "either", "i.e", "ie"}
)
_MAX_GAP = 4

# ------------------------------------------------------------------ job descriptions

_BULLET_RE = re.compile(
    r"^\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u25cb\u25a0\u25a1\u27a2\u27a4\u25ba"
    r"\u2713\u2714>]+|\(?\d{1,2}[.)]|\(?[a-h][)])\s*"
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!\bvs\.)\s+(?=\S)")
_HEADING_LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z &'/()-]{1,48}?)\s*[:\-\u2013]\s*(.*)$")
_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:we(?:'re| are)\s+)?(?:urgently\s+)?hiring(?:\s+for)?|urgent(?:ly)?\s+"
    r"(?:opening|requirement|hiring)(?:\s+for)?|job\s+opening(?:\s+for)?|opening\s+for|"
    r"walk[- ]?in(?:\s+drive)?(?:\s+for)?|vacancy(?:\s+for)?)\s*[:\-\u2013]?\s*",
    re.IGNORECASE,
)
_SECTION_NAMES: Mapping[str, tuple[str, ...]] = {
    "title": _phrases("job title|title|position|position title|role|job role|designation"),
    "responsibility": _phrases(
        "responsibilities|key responsibilities|job responsibilities|roles and "
        "responsibilities|role and responsibilities|duties and responsibilities|what you "
        "will do|what you'll do|what you will be doing|your role|the role|duties|job "
        "duties|day to day|your responsibilities|key result areas|kras|what the job "
        "involves"
    ),
    "must": _phrases(
        "requirements|qualifications|qualification|eligibility|eligibility criteria|who "
        "we are looking for|what we are looking for|what we're looking for|must have|must "
        "haves|must-have|required skills|skills required|desired candidate "
        "profile|candidate profile|what you need|what you'll need|what you will need|you "
        "have|minimum qualifications|basic qualifications|required "
        "qualifications|requirements and qualifications|job requirements|who you "
        "are|education|experience|desired profile|key requirements|skills and "
        "qualifications|requirement|criteria|educational qualification"
    ),
    "nice": _phrases(
        "preferred|preferred qualifications|preferred skills|nice to have|good to "
        "have|bonus|bonus points|added "
        "advantage|pluses|desirable|nice-to-have|good-to-have|preferred experience"
    ),
    "keywords": _phrases(
        "key skills|skills|skill set|skillset|keywords|tools|technical skills|tools and "
        "technologies|key skill"
    ),
    "intro": _phrases(
        "job description|about the role|role overview|overview|summary|job "
        "summary|position summary|description|about the job|job profile"
    ),
    "other": _phrases(
        "about us|about the company|company overview|who we are|benefits|perks|perks and "
        "benefits|what we offer|why join us|salary|compensation|ctc|how to "
        "apply|contact|contact details|walk in details|walk-in details|interview "
        "details|venue|equal opportunity|company|industry|employment type|job "
        "type|department|openings|no of openings|number of openings"
    ),
    "location": _phrases("location|job location|work location|place of work|office location"),
    "shift": _phrases(
        "shift|shifts|shift timings|shift timing|working hours|timings|timing|work "
        "schedule|schedule|working days"
    ),
    "notice": _phrases("notice period|joining"),
}
_SECTION_OF = {name: section for section, names in _SECTION_NAMES.items() for name in names}
_NICE_RE = re.compile(
    r"\b(?:preferred|preferably|prefer|good to have|nice to have|added advantage|"
    r"an advantage|advantageous|bonus|desirable|optional|(?:is |a |an |added |big )plus)\b"
    r"|\bplus\s*[.)!]?\s*$",
    re.IGNORECASE,
)
_MUST_CUE_RE = re.compile(
    r"\b(?:must|should|required|requirements?|mandatory|need to|needs to|minimum|at least|"
    r"eligib\w*|essential|we need|candidates? (?:with|who|having)|looking for (?:candidates|"
    r"people|someone|applicants|graduates|freshers)|proficien\w*|knowledge of|ability to)\b",
    re.IGNORECASE,
)
_RESPONSIBILITY_CUE_RE = re.compile(
    r"\byou(?:'ll| will| would)\b|^(?:responsible for|the role (?:involves|includes)|"
    r"your (?:role|job|day)|responsibilities include)",
    re.IGNORECASE,
)
# Sections whose lines can state an education rule ("about us" text cannot).
_REQUIREMENT_SECTIONS = frozenset({"", "intro", "must", "nice"})
# Labels that describe one fact: "Location: Pune" does not open a section.
_INLINE_ONLY = frozenset({"location", "shift", "notice", "other"})
_KEYWORD_SPLIT_RE = re.compile(r"\s*[,;|\u2022\u00b7/]\s*|\s+-\s+")

_NIGHT_RE = re.compile(
    r"\b(?:night|graveyard|overnight|us|u\.s\.|uk|usa|australian|aus|international|late)"
    r"[- ]shifts?\b|\bgraveyard\b|\bnight\s+(?:time\s+)?(?:work|hours|process)\b|"
    r"\d{1,2}(?::\d{2})?\s*p\.?m\.?\s*(?:to|-|\u2013)\s*\d{1,2}(?::\d{2})?\s*a\.?m\b",
    re.IGNORECASE,
)
_ROTATIONAL_RE = re.compile(
    r"\b(?:rotational|rotating|rotation|any|flexible)[- ]shifts?\b|\b24\s*[x/]\s*7\b|"
    r"\bwilling to work in (?:any )?shifts\b|\bshifts? rotation\b",
    re.IGNORECASE,
)
_SHIFT_WORD_RE = re.compile(r"\b(night|rotational|rotating|graveyard)\b", re.IGNORECASE)
_ONSITE_RE = re.compile(
    r"\b(?:work(?:ing)? from (?:the )?office|wfo|on[- ]?site|office[- ]based|in[- ]office|"
    r"no work from home|not (?:a )?remote|no remote|relocat\w+)\b",
    re.IGNORECASE,
)
_REMOTE_RE = re.compile(r"\b(?:remote|work from home|wfh|home[- ]based)\b", re.IGNORECASE)
_DEGREE_MAX_RE = re.compile(
    r"\b(?:no|not for)\s+(?:post[- ]?graduat(?:es?|ion)|pgs?|masters?)\b|"
    r"\b(?:post[- ]?graduat(?:es?|ion)|pgs?|masters?|mba)\b[^.;]{0,30}?"
    r"\bnot\s+(?:be\s+)?(?:eligible|allowed|considered|accepted)\b|\bover[- ]?qualified\b",
    re.IGNORECASE,
)
_DEGREE_MIN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:12th|hsc|10\s*\+\s*2|higher secondary|senior high(?: school)?|shs|"
            r"k\s*-?\s*12)\b(?:\s*(?:pass(?:ed)?|graduates?|completed))?",
            re.IGNORECASE,
        ),
        "higher_secondary",
    ),
    (re.compile(r"\bdiploma\b", re.IGNORECASE), "diploma"),
    (
        re.compile(
            r"\b(?:undergraduates?|college level|(?:2nd|second) year college|"
            r"at least (?:2|two) years (?:of|in) college)\b",
            re.IGNORECASE,
        ),
        "ug_studying",
    ),
    (
        re.compile(
            r"\b(?:any\s+graduate|graduates?|graduation|bachelor'?s?|degree)\b", re.IGNORECASE
        ),
        "undergraduate",
    ),
)
_WPM_RE = re.compile(
    r"\b(\d{2,3})\s*\+?\s*(?:wpm|words per minute|words/min)\b"
    r"(?:[^.;,\d]{0,25}\d{2,3}\s*%\s*(?:typing\s+)?accuracy)?",
    re.IGNORECASE,
)
_IMMEDIATE_RE = re.compile(
    r"\bimmediate(?:ly)?\s+(?:joiners?|joining|join|start|starters?|available|availability)\b|"
    r"\b(?:can\s+)?join\s+immediately\b",
    re.IGNORECASE,
)
_NOTICE_DAYS_RE = re.compile(
    r"\bnotice(?:\s+period)?\b[^.;\d]{0,30}?(\d{1,3})\s*days?\b|\b(\d{1,3})\s*days?'?\s+notice\b",
    re.IGNORECASE,
)
# The text of a job line that a knockout states, left out of the line's concepts.
_KNOCKOUT_PATTERNS: tuple[re.Pattern[str], ...] = (
    _NIGHT_RE,
    _ROTATIONAL_RE,
    _DEGREE_MAX_RE,
    re.compile(r"\bpost[- ]?graduat\w*|\bpostgraduat\w*", re.IGNORECASE),
    *(pattern for pattern, _ in _DEGREE_MIN_PATTERNS),
    _WPM_RE,
    _IMMEDIATE_RE,
    _NOTICE_DAYS_RE,
    _ONSITE_RE,
)
_CITY_ALIASES = {
    "bangalore": "bengaluru",
    "bombay": "mumbai",
    "gurgaon": "gurugram",
    "madras": "chennai",
    "calcutta": "kolkata",
    "trivandrum": "thiruvananthapuram",
    "cochin": "kochi",
    "poona": "pune",
    "mysore": "mysuru",
    "baroda": "vadodara",
    "new delhi": "delhi",
    "manila city": "manila",
    "cebu city": "cebu",
    "davao city": "davao",
}

# ------------------------------------------------------------------ resume fields

# Sections read for matching, in the order evidence is reported: experience first.
_MATCH_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("work", ("position", "summary", "highlights")),
    ("volunteer", ("position", "summary", "highlights")),
    ("projects", ("name", "description", "highlights", "keywords", "roles")),
    ("skills", ("name", "keywords")),
    ("basics", ("label", "summary")),
    ("education", ("area", "studyType", "courses")),
    ("certificates", ("name", "issuer")),
    ("awards", ("title", "summary")),
    ("languages", ("language", "fluency")),
    ("publications", ("name", "summary")),
)
_TITLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("basics", "label"),
    ("work", "position"),
    ("volunteer", "position"),
)
# Keys whose values are identifiers, links or dates, never evidence of a skill.
_SKIP_KEYS = _words("""
x-bpo $schema address canonical countryCode date email endDate image lastModified location
name_of_person network phone postalCode releaseDate score startDate url username version
""")
# The app's BPO fields (basics["x-bpo"], see bpo.py), which its exports print.
_BPO_KEY = "x-bpo"
_WORK_TYPE_NAMES: Mapping[str, str] = {
    "international-voice": "International voice process",
    "domestic-voice": "Domestic voice process",
    "chat-email": "Chat and email support",
    "back-office": "Back office and data entry",
    "technical-support": "Technical support",
    "kpo": "KPO research and analytics",
}
_RESUME_WPM_RE = re.compile(r"\b(\d{2,3})\s*(?:\+\s*)?(?:wpm|words per minute)\b", re.IGNORECASE)
_EDUCATION_LEVEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:m\.?\s?com|m\.?\s?sc|mba|mca|m\.?\s?tech|pgdm|pgdba|m\.?\s?a|ms|"
            r"post[- ]?graduat\w*|postgraduat\w*|master\w*)\b",
            re.IGNORECASE,
        ),
        "postgraduate",
    ),
    (re.compile(r"\bundergraduate\b", re.IGNORECASE), "ug_studying"),
    (
        re.compile(
            r"\b(?:b\.?\s?com|b\.?\s?sc|b\.?\s?a|bba|bbm|bca|b\.?\s?tech|b\.?\s?e|bs\w*|"
            r"a\.?b|bachelor\w*|graduat\w*|degree)\b",
            re.IGNORECASE,
        ),
        "undergraduate",
    ),
    (re.compile(r"\b(?:diploma|polytechnic)\b", re.IGNORECASE), "diploma"),
    (
        re.compile(
            r"\b(?:12th|xii|hsc|higher secondary|intermediate|10\s*\+\s*2|senior high|"
            r"shs|puc|pre[- ]university|grade 12|k\s*-?\s*12)\b",
            re.IGNORECASE,
        ),
        "higher_secondary",
    ),
    (
        re.compile(
            r"\b(?:10th|ssc|matric\w*|secondary|high school|junior high|class x)\b", re.IGNORECASE
        ),
        "secondary",
    ),
)


@dataclass(frozen=True)
class JobKnockout:
    """A requirement that ends an application on its own, read from the job.

    `kind` is shift (with `shifts`: night, rotational), location (`city`, `on_site`), degree
    (`degree_min` or `degree_max`, levels as in `EDUCATION_ORDER`), typing (`min_wpm`) or
    notice (`notice_days`). `required` is False when the job only prefers it.
    """

    kind: str
    requirement: str
    required: bool = True
    shifts: tuple[str, ...] = ()
    city: str = ""
    on_site: bool = False
    degree_min: str | None = None
    degree_max: str | None = None
    min_wpm: int | None = None
    notice_days: int | None = None

    @property
    def label(self) -> str:
        """A short name for the rule, e.g. "Night shifts" or "Typing: 30 WPM"."""
        text = {
            "shift": " or ".join(self.shifts).capitalize() + " shifts",
            "location": (
                ("On-site" if self.on_site else "Location")
                + (f" in {self.city}" if self.city else "")
            ),
            "degree": (
                f"Education: {_LEVEL_NAMES.get(self.degree_min or '', '')} or above"
                if self.degree_min
                else f"Education: not above {_LEVEL_NAMES.get(self.degree_max or '', '')}"
            ),
            "typing": f"Typing: {self.min_wpm} WPM",
            "notice": (
                f"Notice period: {self.notice_days} days or less"
                if self.notice_days != IMMEDIATE_NOTICE_DAYS
                else f"Immediate joining (we read it as {IMMEDIATE_NOTICE_DAYS} days or less)"
            ),
        }[self.kind]
        return text if self.required else f"{text} (preferred)"


_LEVEL_NAMES = {
    "secondary": "10th / secondary school",
    "higher_secondary": "12th / senior high school",
    "diploma": "a diploma",
    "ug_studying": "a degree in progress",
    "undergraduate": "a bachelor's degree",
    "postgraduate": "a post-graduate degree",
}


@dataclass(frozen=True)
class JobSpec:
    """A job as the match reads it: its title, requirements, keywords and knockouts."""

    title: str = ""
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    responsibilities: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    description: str = ""
    knockouts: tuple[JobKnockout, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The job as JSON-ready data."""
        return {
            "title": self.title,
            "must_have": list(self.must_have),
            "nice_to_have": list(self.nice_to_have),
            "responsibilities": list(self.responsibilities),
            "keywords": list(self.keywords),
            "description": self.description,
            "knockouts": [
                {
                    "kind": k.kind,
                    "label": k.label,
                    "requirement": k.requirement,
                    "required": k.required,
                }
                for k in self.knockouts
            ],
        }


@dataclass(frozen=True)
class ConceptMatch:
    """One thing the job asks for and where (if anywhere) the resume shows it."""

    id: str
    label: str
    found: bool
    layer: Layer | None = None
    path: str | None = None
    evidence: str = ""
    via: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The concept as JSON-ready data."""
        return {
            "id": self.id,
            "label": self.label,
            "found": self.found,
            "layer": str(self.layer) if self.layer else None,
            "path": self.path,
            "evidence": self.evidence,
            "via": self.via,
        }


@dataclass(frozen=True)
class ItemResult:
    """One requirement, responsibility, keyword or the title, scored 0-1."""

    text: str
    kind: str  # must, nice, responsibility, keyword or title
    weight: int
    score: float
    concepts: tuple[ConceptMatch, ...]
    note: str = ""

    @property
    def status(self) -> str:
        """matched, partial, missed, or not_scored when there was nothing to look for."""
        if not self.concepts:
            return "not_scored"
        if self.score >= 1:
            return "matched"
        return "partial" if self.score > 0 else "missed"

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready data."""
        return {
            "text": self.text,
            "kind": self.kind,
            "weight": self.weight,
            "score": round(self.score, 4),
            "status": self.status,
            "note": self.note,
            "concepts": [c.to_dict() for c in self.concepts],
        }


@dataclass(frozen=True)
class Component:
    """One part of the score; `score` is None when the job has nothing for it."""

    key: str
    label: str
    weight: int
    score: float | None
    items: tuple[ItemResult, ...]
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """The component as JSON-ready data."""
        return {
            "key": self.key,
            "label": self.label,
            "weight": self.weight,
            "score": None if self.score is None else round(self.score, 1),
            "explanation": self.explanation,
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True)
class Missing:
    """A concept the resume does not show, with the evidence that the candidate has it
    (`source` "profile" or "resume", `path`, `evidence`) or none, and what to do."""

    id: str
    label: str
    components: tuple[str, ...]
    advice: str
    source: str = ""
    path: str | None = None
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The gap as JSON-ready data."""
        return {
            "id": self.id,
            "label": self.label,
            "components": list(self.components),
            "source": self.source,
            "path": self.path,
            "evidence": self.evidence,
            "advice": self.advice,
        }


@dataclass(frozen=True)
class KnockoutCheck:
    """A knockout of the job against the resume and profile: pass, fail or unknown."""

    knockout: JobKnockout
    outcome: Outcome
    evidence: str
    advice: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The check as JSON-ready data."""
        return {
            "kind": self.knockout.kind,
            "label": self.knockout.label,
            "requirement": self.knockout.requirement,
            "required": self.knockout.required,
            "outcome": str(self.outcome),
            "evidence": self.evidence,
            "advice": self.advice,
        }


@dataclass(frozen=True)
class MatchResult:
    """The match score, its components, the gaps and the knockouts, all explained."""

    score: int
    components: tuple[Component, ...]
    matched: tuple[ConceptMatch, ...]
    missing_evidenced: tuple[Missing, ...]
    missing_unevidenced: tuple[Missing, ...]
    knockouts: tuple[KnockoutCheck, ...]
    explanation: tuple[str, ...]
    job: JobSpec
    version: str = MATCH_RULES_VERSION

    def component(self, key: str) -> Component:
        """The component with this key."""
        return next(c for c in self.components if c.key == key)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "version": self.version,
            "score": self.score,
            "job": self.job.to_dict(),
            "components": [c.to_dict() for c in self.components],
            "matched": [c.to_dict() for c in self.matched],
            "missing_evidenced": [m.to_dict() for m in self.missing_evidenced],
            "missing_unevidenced": [m.to_dict() for m in self.missing_unevidenced],
            "knockouts": [k.to_dict() for k in self.knockouts],
            "explanation": list(self.explanation),
        }


# ------------------------------------------------------------------ parsing a job


# Cached like the knockouts below: a board's adverts share most of their lines.
@functools.lru_cache(maxsize=8192)
def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", _BULLET_RE.sub("", line.replace("*", " ").replace("#", " "))).strip(
        " \t-:\u2013"
    )


@functools.lru_cache(maxsize=8192)
def _heading_key(label: str) -> str:
    text = label.lower().replace("&", " and ").replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9' -]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]


def _knockouts_in(line: str, *, section: str = "") -> list[JobKnockout]:
    """The knockouts a line of a job states (shift, degree, typing, notice, on-site)."""
    return list(_line_knockouts(line, section))


@functools.lru_cache(maxsize=8192)
def _line_knockouts(line: str, section: str) -> tuple[JobKnockout, ...]:
    # Cached: adverts repeat their lines (every posting of an employer, every job read
    # again), and each line is tried against a dozen patterns.
    found: list[JobKnockout] = []
    required = not _NICE_RE.search(line)
    shifts: list[str] = []
    if _NIGHT_RE.search(line):
        shifts.append("night")
    if _ROTATIONAL_RE.search(line):
        shifts.append("rotational")
    if section == "shift" and not shifts:
        for word in _SHIFT_WORD_RE.findall(line):
            kind = "night" if word.lower() in ("night", "graveyard") else "rotational"
            if kind not in shifts:
                shifts.append(kind)
    if shifts:
        found.append(JobKnockout("shift", line, required, shifts=tuple(shifts)))
    rest = line
    maximum = _DEGREE_MAX_RE.search(line)
    if maximum:
        found.append(JobKnockout("degree", line, required, degree_max="undergraduate"))
        rest = line.replace(maximum.group(0), " ")
    levels = [level for pattern, level in _DEGREE_MIN_PATTERNS if pattern.search(rest)]
    if levels and section in _REQUIREMENT_SECTIONS:
        lowest = min(levels, key=EDUCATION_ORDER.index)
        found.append(JobKnockout("degree", line, required, degree_min=lowest))
    wpm = _WPM_RE.search(line)
    if wpm:
        found.append(JobKnockout("typing", line, required, min_wpm=int(wpm.group(1))))
    days = _NOTICE_DAYS_RE.search(line)
    if _IMMEDIATE_RE.search(line):
        found.append(JobKnockout("notice", line, required, notice_days=IMMEDIATE_NOTICE_DAYS))
    elif days:
        found.append(
            JobKnockout("notice", line, required, notice_days=int(days.group(1) or days.group(2)))
        )
    if _ONSITE_RE.search(line):
        found.append(JobKnockout("location", line, required, on_site=True))
    return tuple(found)


def _joined(first: str, second: str) -> str:
    return first if second in first else f"{first}; {second}"


def _merge_knockouts(found: Iterable[JobKnockout]) -> tuple[JobKnockout, ...]:
    """One knockout per rule: the shift lines merged into one (any of their shifts), the
    location lines into one (city and on-site), repeats of any other rule dropped."""
    result: list[JobKnockout] = []
    merged: dict[str, JobKnockout] = {}
    seen: set[tuple[Any, ...]] = set()
    for knockout in found:
        if knockout.kind in ("shift", "location"):
            before = merged.get(knockout.kind)
            merged[knockout.kind] = (
                knockout
                if before is None
                else JobKnockout(
                    knockout.kind,
                    _joined(before.requirement, knockout.requirement),
                    before.required or knockout.required,
                    shifts=tuple(dict.fromkeys((*before.shifts, *knockout.shifts))),
                    city=before.city or knockout.city,
                    on_site=before.on_site or knockout.on_site,
                )
            )
            continue
        rule = (
            knockout.kind,
            knockout.degree_min,
            knockout.degree_max,
            knockout.min_wpm,
            knockout.notice_days,
        )
        if rule not in seen:
            seen.add(rule)
            result.append(knockout)
    return (*merged.values(), *result)


def _location_knockout(city: str, line: str) -> list[JobKnockout]:
    """A location knockout for a "Location:" line, unless it says the job is remote."""
    if _REMOTE_RE.search(city):
        return []
    city = re.split(r"\s*(?:[,/|(]|\s-\s)", city)[0].strip(" .")
    return [JobKnockout("location", line, True, city=city)] if city else []


def parse_job_text(text: str) -> JobSpec:
    """A job description pasted as text, read into a `JobSpec`.

    Headings (a line such as "Requirements", "Key Responsibilities:", "Good to have",
    "Key skills: ...") switch sections; a line under a requirements heading that says
    "preferred", "good to have", "nice to have", "a plus" or "added advantage" is a
    nice-to-have. Before any heading, a sentence with "you will" is a responsibility, one
    with a requirement cue ("must", "required", "minimum", "knowledge of", ...) a must-have
    (or a nice-to-have with a preference cue), anything else description. The title is a
    "Job title:" (or Position, Role, Designation) line, else the first line when it is short
    and not a heading, without "Hiring for" and the like. Knockouts are read from every
    line, and from Location, Shift and Notice period lines.
    """
    title = ""
    labelled_title = False
    must: list[str] = []
    nice: list[str] = []
    responsibilities: list[str] = []
    keywords: list[str] = []
    description: list[str] = []
    found: list[JobKnockout] = []
    section = ""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    for number, line in enumerate(lines):
        heading = _SECTION_OF.get(_heading_key(line))
        content = ""
        if heading is None:
            labelled = _HEADING_LABEL_RE.match(line)
            if labelled and _SECTION_OF.get(_heading_key(labelled.group(1))):
                heading = _SECTION_OF[_heading_key(labelled.group(1))]
                content = labelled.group(2).strip()
        where, raw = section, line
        if heading is not None:
            if heading == "title":
                if content and not labelled_title:
                    title, labelled_title = content, True
                section = "title" if not content else section
                continue
            if not content:
                section = heading
                continue
            if heading not in _INLINE_ONLY:
                section = heading
            where, line = heading, content
        elif section == "title":
            title = line if not labelled_title else title
            labelled_title, section = True, ""
            continue
        elif number == 0 and len(line.split()) <= 10 and not line.endswith("."):
            title = _TITLE_PREFIX_RE.sub("", line).strip()
            found.extend(_knockouts_in(line))
            continue
        found.extend(_knockouts_in(raw, section=where))
        if where == "location":
            found.extend(_location_knockout(line, raw))
            if section == "location":
                section = ""
            continue
        if where in ("shift", "notice", "other"):
            description.append(line)
            continue
        if where == "keywords":
            keywords.extend(k for k in _KEYWORD_SPLIT_RE.split(line) if k.strip())
            continue
        for sentence in _sentences(line):
            if where == "responsibility":
                responsibilities.append(sentence)
            elif where == "nice" or (where == "must" and _NICE_RE.search(sentence)):
                nice.append(sentence)
            elif where == "must":
                must.append(sentence)
            elif _RESPONSIBILITY_CUE_RE.search(sentence):
                responsibilities.append(sentence)
            elif _MUST_CUE_RE.search(sentence):
                (nice if _NICE_RE.search(sentence) else must).append(sentence)
            else:
                description.append(sentence)
    return JobSpec(
        title=title,
        must_have=tuple(must),
        nice_to_have=tuple(nice),
        responsibilities=tuple(responsibilities),
        keywords=tuple(k.strip() for k in keywords),
        description=" ".join(description),
        knockouts=_merge_knockouts(found),
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def parse_job_schema(data: Mapping[str, Any]) -> JobSpec:
    """A JSON Resume job-schema document read into a `JobSpec`.

    qualifications are must-haves, except those with a preference cue ("preferred",
    "a plus", ...), which are nice-to-haves; responsibilities are kept as they are; keywords
    are each skill's `keywords` (or its `name` when it has none). Knockouts come from the
    qualifications, responsibilities and description, and from `location.city` unless
    `remote` is "Full" (on-site when `remote` is "None").
    """
    qualifications = _strings(data.get("qualifications"))
    responsibilities = _strings(data.get("responsibilities"))
    keywords: list[str] = []
    skills = data.get("skills")
    for skill in skills if isinstance(skills, list) else []:
        if isinstance(skill, Mapping):
            words = _strings(skill.get("keywords"))
            keywords.extend(words or _strings(skill.get("name")))
    description = data.get("description")
    description = description if isinstance(description, str) else ""
    found: list[JobKnockout] = []
    for line in [*qualifications, *responsibilities, *_sentences(description)]:
        found.extend(_knockouts_in(line, section="must"))
    location = data.get("location")
    remote = data.get("remote")
    if isinstance(location, Mapping) and remote != "Full":
        city = location.get("city")
        if isinstance(city, str) and city.strip():
            found.append(
                JobKnockout(
                    "location",
                    f"Location: {city.strip()}",
                    True,
                    city=city.strip(),
                    on_site=remote == "None",
                )
            )
    title = data.get("title")
    return JobSpec(
        title=title.strip() if isinstance(title, str) else "",
        must_have=tuple(q for q in qualifications if not _NICE_RE.search(q)),
        nice_to_have=tuple(q for q in qualifications if _NICE_RE.search(q)),
        responsibilities=tuple(responsibilities),
        keywords=tuple(keywords),
        description=description,
        knockouts=_merge_knockouts(found),
    )


def parse_job(job: JobSpec | Mapping[str, Any] | str) -> JobSpec:
    """A `JobSpec` from a JobSpec (returned as is), a job-schema mapping or pasted text."""
    if isinstance(job, JobSpec):
        return job
    if isinstance(job, str):
        return parse_job_text(job)
    return parse_job_schema(job)


# ------------------------------------------------------------------ concepts


@dataclass(frozen=True)
class _Alt:
    """One way to meet a concept: a term (key), a content word or a phrase (key = lemmas)."""

    kind: str
    key: str
    surface: str  # " tok tok " as the job wrote it
    stems: str  # " lem lem "


@dataclass(frozen=True)
class _Concept:
    id: str
    label: str
    alts: tuple[_Alt, ...]
    term_keys: tuple[str, ...] = ()


def _padded(items: Iterable[str]) -> str:
    return f" {' '.join(items)} "


def _is_content(token: str, stem: str, *, title: bool = False) -> bool:
    """Whether a job's word says something a resume could show (not filler, not a number)."""
    if not is_word(token) or len(token) < 2 or not any(c.isalpha() for c in token):
        return False
    if token in STOPWORDS or stem in STOP_LEMMAS:
        return False
    return not (title and (token in TITLE_FILLER or stem in TITLE_FILLER_LEMMAS))


def _maximal(hits: Sequence[TermHit]) -> list[TermHit]:
    """Hits not strictly inside a longer hit, in text order."""
    kept = [
        hit
        for hit in hits
        if not any(
            o.start <= hit.start and hit.end <= o.end and o.end - o.start > hit.end - hit.start
            for o in hits
        )
    ]
    return sorted(kept, key=lambda h: (h.start, h.end))


@dataclass(frozen=True)
class _Unit:
    """A term or a content word of a job line, at tokens[start:end]."""

    start: int
    end: int
    id: str
    label: str
    alt: _Alt


def _close_chain(chain: list[_Unit], any_of: bool) -> list[list[_Unit]]:
    return [chain] if any_of else [[unit] for unit in chain]


def _chains(units: Sequence[_Unit], toks: Sequence[str]) -> list[list[_Unit]]:
    """Units grouped into "any of" lists: units a few list words apart ("Salesforce, Zendesk
    or Freshdesk", "CRM tools such as Salesforce", "economics, statistics or commerce") form
    one list when a gap holds an alternative marker and none holds a plain "and" ("and/or"
    counts as "or"); any other unit stands alone, and so do words side by side ("technical
    feasibility"), which are a phrase, not a list."""
    chains: list[list[_Unit]] = []
    current: list[_Unit] = []
    has_or = has_and = False
    for unit in units:
        gap = list(toks[current[-1].end : unit.start]) if current else []
        if current and 0 < len(gap) <= _MAX_GAP and all(g in _GAP_TOKENS for g in gap):
            current.append(unit)
            has_or = has_or or any(g in _ALTERNATIVE_TOKENS for g in gap)
            has_and = has_and or any(
                g == "and" and gap[i + 1 : i + 3] != ["/", "or"] for i, g in enumerate(gap)
            )
            continue
        chains.extend(_close_chain(current, has_or and not has_and))
        current, has_or, has_and = [unit], False, False
    chains.extend(_close_chain(current, has_or and not has_and))
    return chains


def _term_alt(hit: TermHit, toks: Sequence[str], stems: Sequence[str]) -> _Alt:
    return _Alt(
        "term", hit.key, _padded(toks[hit.start : hit.end]), _padded(stems[hit.start : hit.end])
    )


def _term_concept(alt: _Alt, vocabulary: Vocabulary) -> _Concept:
    return _Concept(f"term:{alt.key}", vocabulary.term(alt.key).name, (alt,), (alt.key,))


def _units(
    text: str, vocabulary: Vocabulary, exclude: frozenset[str], *, title: bool, words_only: bool
) -> tuple[list[_Unit], tuple[str, ...]]:
    """The terms of a text (the longest where they nest) and its content words outside any
    term, in text order; with `words_only`, every content word and no terms."""
    toks = tokens(text)
    stems = lemmas(toks)
    hits = () if words_only else vocabulary.find(stems)
    units = [
        _Unit(
            h.start, h.end, f"term:{h.key}", vocabulary.term(h.key).name, _term_alt(h, toks, stems)
        )
        for h in _maximal(hits)
        if h.key not in exclude
    ]
    covered = {i for h in hits for i in range(h.start, h.end)}
    for i, (token, stem) in enumerate(zip(toks, stems, strict=True)):
        if i not in covered and _is_content(token, stem, title=title):
            alt = _Alt("word", stem, _padded([token]), _padded([stem]))
            units.append(_Unit(i, i + 1, f"word:{stem}", token, alt))
    return sorted(units, key=lambda u: (u.start, u.end)), toks


def _concepts(
    text: str,
    vocabulary: Vocabulary,
    *,
    exclude: frozenset[str] = frozenset(),
    title: bool = False,
    words_only: bool = False,
) -> list[_Concept]:
    """The concepts of a piece of a job, each once, in text order: its terms and content
    words, a list joined by "or" being one "any of" concept. For a title, words that name
    a level or a kind of post ("executive", "senior") are left out."""
    units, toks = _units(text, vocabulary, exclude, title=title, words_only=words_only)
    concepts: list[_Concept] = []
    seen: set[str] = set()
    for chain in _chains(units, toks):
        members = list({u.id: u for u in chain}.values())
        concept_id = "|".join(u.id for u in members)
        if concept_id not in seen:
            seen.add(concept_id)
            concepts.append(
                _Concept(
                    concept_id,
                    " or ".join(u.label for u in members),
                    tuple(u.alt for u in members),
                    tuple(u.alt.key for u in members if u.alt.kind == "term"),
                )
            )
    return concepts


def _keyword_concepts(text: str, vocabulary: Vocabulary) -> list[_Concept]:
    """A listed keyword's concepts: its terms, or else its content words as one phrase."""
    toks = tokens(text)
    stems = lemmas(toks)
    hits = _maximal(vocabulary.find(stems))
    if hits:
        return [_term_concept(_term_alt(h, toks, stems), vocabulary) for h in hits]
    words = [(t, s) for t, s in zip(toks, stems, strict=True) if _is_content(t, s)]
    if not words:
        return []
    kind = "word" if len(words) == 1 else "phrase"
    key = " ".join(s for _, s in words)
    alt = _Alt(kind, key, _padded(t for t, _ in words), _padded(s for _, s in words))
    return [_Concept(f"{kind}:{key}", " ".join(t for t, _ in words), (alt,))]


# ------------------------------------------------------------------ the resume side


@dataclass(frozen=True)
class _Field:
    path: str
    text: str
    padded: str
    stem_padded: str
    terms: frozenset[str]


@dataclass(frozen=True)
class _Group:
    """Fields searched together, with their union for a quick "not here at all" test."""

    fields: tuple[_Field, ...]
    padded: str
    stem_padded: str
    terms: frozenset[str]


def _field(path: str, text: str, vocabulary: Vocabulary) -> _Field:
    toks = tokens(text)
    stems = lemmas(toks)
    terms = frozenset(h.key for h in vocabulary.find(stems))
    return _Field(path, text, _padded(toks), _padded(stems), terms)


def _group(strings: Iterable[tuple[str, str]], vocabulary: Vocabulary) -> _Group:
    fields = tuple(_field(p, t, vocabulary) for p, t in strings)
    return _Group(
        fields,
        "\n".join(f.padded for f in fields),
        "\n".join(f.stem_padded for f in fields),
        frozenset(k for f in fields for k in f.terms),
    )


def _entries(resume: Mapping[str, Any], section: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    value = resume.get(section)
    if section == "basics":
        if isinstance(value, Mapping):
            yield "basics", value
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, Mapping):
                yield f"{section}[{index}]", entry


def _entry_strings(prefix: str, entry: Mapping[str, Any], key: str) -> Iterator[tuple[str, str]]:
    value = entry.get(key)
    if isinstance(value, str) and value.strip():
        yield f"{prefix}.{key}", value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                yield f"{prefix}.{key}[{index}]", item


def _all_strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text in the resume with its path, except identifiers, links and dates."""
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if str(key) not in _SKIP_KEYS and not (path == "basics" and key == "name"):
                yield from _all_strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _all_strings(item, f"{path}[{index}]")


@dataclass(frozen=True)
class ResumeReading:
    fields: _Group  # read for matching, in evidence order
    titles: _Group  # headline and job titles
    elsewhere: _Group  # everything else, for "you have this, say it"
    texts: tuple[tuple[str, str], ...]  # every text with its path


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _bpo(resume: Mapping[str, Any]) -> Mapping[str, Any]:
    """The app's BPO fields (basics["x-bpo"]), or an empty mapping."""
    basics = resume.get("basics")
    fields = basics.get(_BPO_KEY) if isinstance(basics, Mapping) else None
    return fields if isinstance(fields, Mapping) else {}


def _bpo_strings(resume: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The BPO fields as the lines a recruiter reads (typing speed, English, shifts, work)."""
    bpo = _bpo(resume)
    root = f"basics.{_BPO_KEY}"
    found = []
    typing = bpo.get("typing")
    if isinstance(typing, Mapping) and _is_number(typing.get("wpm")):
        found.append((f"{root}.typing", f"Typing speed: {typing['wpm']:g} WPM"))
    english = bpo.get("english")
    if isinstance(english, Mapping):
        parts = [str(english[k]) for k in ("test", "score", "cefr") if english.get(k)]
        if parts:
            found.append((f"{root}.english", "English: " + " ".join(parts)))
    for key, text in (("shifts", "Available for {} shifts"), ("workTypes", "{}")):
        values = bpo.get(key)
        for index, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, str) and value:
                name = _WORK_TYPE_NAMES.get(value, value)
                found.append((f"{root}.{key}[{index}]", text.format(name)))
    return found


def read_resume(resume: Mapping[str, Any], vocabulary: Vocabulary) -> ResumeReading:
    """The resume read for matching: its fields grouped and their terms found."""
    matched = [
        found
        for section, keys in _MATCH_FIELDS
        for prefix, entry in _entries(resume, section)
        for key in keys
        for found in _entry_strings(prefix, entry, key)
    ]
    bpo = _bpo_strings(resume)
    matched += bpo
    titles = [
        found
        for section, key in _TITLE_FIELDS
        for prefix, entry in _entries(resume, section)
        for found in _entry_strings(prefix, entry, key)
    ]
    matched_paths = {p for p, _ in matched}
    every = (*_all_strings(resume, ""), *bpo)
    return ResumeReading(
        fields=_group(matched, vocabulary),
        titles=_group(titles, vocabulary),
        elsewhere=_group(((p, t) for p, t in every if p not in matched_paths), vocabulary),
        texts=every,
    )


def _snippet(text: str, limit: int = 120) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _possible(alt: _Alt, group: _Group, layer: Layer, vocabulary: Vocabulary) -> bool:
    if layer is Layer.EXACT:
        return alt.surface in group.padded
    if layer is Layer.LEMMA:
        return alt.stems in group.stem_padded
    return alt.kind == "term" and (
        alt.key in group.terms or bool(vocabulary.narrower(alt.key) & group.terms)
    )


def _meets(alt: _Alt, item: _Field, layer: Layer, vocabulary: Vocabulary) -> str | None:
    """How the field meets the alternative at this layer ("" for plainly), or None."""
    if layer is Layer.EXACT:
        return "" if alt.surface in item.padded else None
    if layer is Layer.LEMMA:
        return "" if alt.stems in item.stem_padded else None
    term = vocabulary.term(alt.key)
    if alt.key in item.terms:
        return f"another name for {term.name}"
    narrower = sorted(vocabulary.narrower(alt.key) & item.terms)
    if narrower:
        return f"{vocabulary.term(narrower[0]).name} is a kind of {term.name}"
    return None


def _find(concept: _Concept, group: _Group, vocabulary: Vocabulary) -> ConceptMatch:
    """Where the group shows the concept: the best layer, then the first field in order."""
    for layer in LAYER_ORDER:
        alts = [a for a in concept.alts if _possible(a, group, layer, vocabulary)]
        for item in group.fields if alts else ():
            for alt in alts:
                via = _meets(alt, item, layer, vocabulary)
                if via is not None:
                    evidence = _snippet(item.text)
                    return ConceptMatch(
                        concept.id, concept.label, True, layer, item.path, evidence, via
                    )
    return ConceptMatch(concept.id, concept.label, False)


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class _Line:
    """A line of the job ready to score: the words its knockouts state are left to the
    knockouts ("Typing speed of 30 WPM" is checked once, as a knockout, never scored)."""

    text: str
    concepts: tuple[_Concept, ...]
    knocked: bool


def _covered_keys(
    knockouts: Sequence[JobKnockout], text: str, vocabulary: Vocabulary
) -> frozenset[str]:
    """Terms in a line that its knockouts already check (shift, education, typing)."""
    kinds = {k.kind for k in knockouts}
    keys = set()
    for hit in vocabulary.find(lemmas(tokens(text))):
        term = vocabulary.term(hit.key)
        if (
            ("shift" in kinds and term.category == "shift")
            or ("degree" in kinds and term.category == "education")
            or ("typing" in kinds and term.profile == "typing_wpm")
        ):
            keys.add(hit.key)
    return frozenset(keys)


def _read_line(text: str, vocabulary: Vocabulary, *, roles: bool) -> _Line:
    """A job line's concepts, without the words its knockouts state; with `roles` False,
    job titles in it ("escalate to the team leader") are left out too."""
    stated = _knockouts_in(text, section="must")
    scrubbed = text
    for pattern in _KNOCKOUT_PATTERNS:
        scrubbed = pattern.sub(" ; ", scrubbed)
    exclude = set(_covered_keys(stated, text, vocabulary))
    if not roles:
        hits = vocabulary.find(lemmas(tokens(text)))
        exclude.update(h.key for h in hits if vocabulary.term(h.key).category == "role")
    concepts = _concepts(scrubbed, vocabulary, exclude=frozenset(exclude))
    return _Line(text, tuple(concepts), bool(stated))


# The reading of a job depends on the job, the vocabulary and these rules only, so it is
# read once and may be stored with the job. Bump JOB_READING_VERSION whenever a change to
# parse_job, the concept rules or the tokeniser could read a job differently: stored
# readings with another stamp are then read again (see `reading_stamp`).
JOB_READING_VERSION = "job-reading-1"


class StaleReadingError(ValueError):
    """A stored job reading made by other rules or another vocabulary, or not a reading."""


def reading_stamp(vocabulary: Vocabulary) -> str:
    """What a stored job reading must carry to be used with `vocabulary` and these rules."""
    return f"{JOB_READING_VERSION}/{MATCH_RULES_VERSION}/{vocabulary.fingerprint}"


@dataclass(frozen=True)
class JobReading:
    """A job read for matching any resume: the `JobSpec`, each line's concepts (with and
    without job titles), the title's two readings and the listed keywords' concepts.

    None of it depends on a resume, so a job board reads each posting once, stores
    `to_data()` beside it and matches every candidate against `from_data(...)`.
    """

    spec: JobSpec
    lines: Mapping[tuple[str, bool], _Line]
    titles: tuple[tuple[_Concept, ...], ...]  # by vocabulary terms, then by plain words
    keywords: tuple[tuple[str, tuple[_Concept, ...]], ...]
    stamp: str

    def to_data(self) -> dict[str, Any]:
        """The reading as compact JSON-ready data; `from_data` gives it back unchanged."""
        spec = self.spec
        index = {text: i for i, text in reversed(list(enumerate(_line_texts(spec))))}
        return {
            "stamp": self.stamp,
            "job": {
                "title": spec.title,
                "must_have": list(spec.must_have),
                "nice_to_have": list(spec.nice_to_have),
                "responsibilities": list(spec.responsibilities),
                "keywords": list(spec.keywords),
                "description": spec.description,
                "knockouts": [_knockout_data(k) for k in spec.knockouts],
            },
            "lines": _lines_data(self.lines, index),
            "titles": [[_concept_data(c) for c in concepts] for concepts in self.titles],
            "keywords": [
                [keyword, [_concept_data(c) for c in concepts]]
                for keyword, concepts in self.keywords
            ],
        }

    @classmethod
    def from_data(cls, data: Any, vocabulary: Vocabulary) -> JobReading:
        """A reading from `to_data()`'s output. Raises StaleReadingError when it was made by
        other rules or another vocabulary (read the job again), or is not a reading."""
        stamp = reading_stamp(vocabulary)
        if not isinstance(data, Mapping) or data.get("stamp") != stamp:
            raise StaleReadingError("the stored reading was made by other rules")
        try:
            job = data["job"]
            spec = JobSpec(
                title=str(job["title"]),
                must_have=tuple(map(str, job["must_have"])),
                nice_to_have=tuple(map(str, job["nice_to_have"])),
                responsibilities=tuple(map(str, job["responsibilities"])),
                keywords=tuple(map(str, job["keywords"])),
                description=str(job["description"]),
                knockouts=tuple(_knockout_from(k) for k in job["knockouts"]),
            )
            texts = _line_texts(spec)
            lines: dict[tuple[str, bool], _Line] = {}
            read: list[tuple[_Concept, ...]] = []
            for position, roles, knocked, concepts in data["lines"]:
                text = texts[position]
                if isinstance(concepts, int):  # the same concepts as an earlier line
                    if not 0 <= concepts < len(read):
                        raise IndexError(f"line {concepts} is not an earlier line")
                    read.append(read[concepts])
                else:
                    read.append(tuple(_concept_from(c, vocabulary) for c in concepts))
                lines[(text, bool(roles))] = _Line(text, read[-1], bool(knocked))
            titles = tuple(
                tuple(_concept_from(c, vocabulary) for c in concepts) for concepts in data["titles"]
            )
            keywords = tuple(
                (str(keyword), tuple(_concept_from(c, vocabulary) for c in concepts))
                for keyword, concepts in data["keywords"]
            )
        except (KeyError, IndexError, TypeError, ValueError) as error:
            raise StaleReadingError(f"the stored reading is damaged: {error!r}") from error
        if len(titles) != 2:
            raise StaleReadingError("the stored reading is damaged: two title readings expected")
        return cls(spec, lines, titles, keywords, stamp)


def _lines_data(
    lines: Mapping[tuple[str, bool], _Line], index: Mapping[str, int]
) -> list[list[Any]]:
    """[text position, roles, knocked, concepts] per line; concepts equal to an earlier
    line's (a requirement read with and without job titles often is) are that line's
    number instead, which keeps the stored reading small and quick to read back."""
    data: list[list[Any]] = []
    numbers: dict[tuple[str, bool], int] = {}
    for number, ((text, roles), line) in enumerate(lines.items()):
        numbers[(text, roles)] = number
        # Only the same text read the other way is compared: hashing every concept of
        # every line to find any equal one costs more than it saves.
        other = numbers.get((text, not roles))
        same = other is not None and lines[(text, not roles)].concepts == line.concepts
        concepts = other if same else [_concept_data(c) for c in line.concepts]
        data.append([index[text], int(roles), int(line.knocked), concepts])
    return data


def _line_texts(spec: JobSpec) -> list[str]:
    """Every text of a job that is read as a line, in a fixed order (lines are stored as
    positions in this list rather than again as text)."""
    return [*spec.must_have, *spec.nice_to_have, *spec.responsibilities, spec.description]


_KNOCKOUT_DEFAULTS = JobKnockout("", "")


def _knockout_data(knockout: JobKnockout) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": knockout.kind, "requirement": knockout.requirement}
    for name in ("required", "shifts", "city", "on_site", "degree_min", "degree_max",
                 "min_wpm", "notice_days"):  # fmt: skip
        value = getattr(knockout, name)
        if value != getattr(_KNOCKOUT_DEFAULTS, name):
            data[name] = list(value) if isinstance(value, tuple) else value
    return data


def _knockout_from(data: Mapping[str, Any]) -> JobKnockout:
    fields = dict(data)
    if "shifts" in fields:
        fields["shifts"] = tuple(map(str, fields["shifts"]))
    return JobKnockout(**fields)


def _concept_data(concept: _Concept) -> list[list[str]]:
    """A concept as its alternatives: a content word as ["w", word, lemma], a term or a
    phrase as [kind, key, words, lemmas]; its id, label and term keys follow from them."""
    return [
        ["w", alt.surface.strip(), alt.key]
        if alt.kind == "word"
        else [alt.kind, alt.key, alt.surface, alt.stems]
        for alt in concept.alts
    ]


def _concept_from(data: Sequence[Sequence[str]], vocabulary: Vocabulary) -> _Concept:
    alts: list[_Alt] = []
    labels: list[str] = []
    for item in data:
        if item[0] == "w":
            word, stem = str(item[1]), str(item[2])
            alts.append(_Alt("word", stem, _padded([word]), _padded([stem])))
            labels.append(word)
        elif item[0] in ("term", "phrase"):
            kind, key, surface, stems = (str(part) for part in item)
            alts.append(_Alt(kind, key, surface, stems))
            labels.append(vocabulary.term(key).name if kind == "term" else surface.strip())
        else:
            raise ValueError(f"unknown kind of concept {item[0]!r}")
    if not alts:
        raise ValueError("a concept with no alternatives")
    return _Concept(
        "|".join(f"{alt.kind}:{alt.key}" for alt in alts),
        " or ".join(labels),
        tuple(alts),
        tuple(alt.key for alt in alts if alt.kind == "term"),
    )


def read_job(
    job: JobSpec | Mapping[str, Any] | str,
    vocabulary: Vocabulary,
    *,
    memo: dict[tuple[Any, ...], Any] | None = None,
) -> JobReading:
    """`job` (a JobSpec, a job-schema mapping or pasted text) read for matching.

    `memo`, when given, keeps the lines and titles read, to be shared by jobs read together
    with the same vocabulary (an import of many postings often repeats them).
    """
    memo = {} if memo is None else memo
    spec = parse_job(job)
    wanted = [(text, True) for text in (*spec.must_have, *spec.nice_to_have)]
    wanted += [(text, False) for text in _line_texts(spec)]
    lines: dict[tuple[str, bool], _Line] = {}
    for text, roles in wanted:
        if (text, roles) not in lines:
            key = ("line", text, roles)
            if key not in memo:
                memo[key] = _read_line(text, vocabulary, roles=roles)
            lines[(text, roles)] = memo[key]
    if ("title", spec.title) not in memo:
        memo[("title", spec.title)] = tuple(
            tuple(_concepts(spec.title, vocabulary, title=True, words_only=words_only))
            for words_only in (False, True)
        )
    keywords = tuple((k, tuple(_keyword_concepts(k, vocabulary))) for k in spec.keywords)
    return JobReading(spec, lines, memo[("title", spec.title)], keywords, reading_stamp(vocabulary))


class _Run:
    """One match: the vocabulary, the job and the resume read once, and what was already
    looked up."""

    def __init__(self, vocabulary: Vocabulary, resume: ResumeReading, job: JobReading) -> None:
        self.vocabulary = vocabulary
        self.resume = resume
        self.job = job
        self.concepts: dict[str, _Concept] = {}
        self._found: dict[str, ConceptMatch] = {}

    def line(self, text: str, *, roles: bool = True) -> _Line:
        """The line's concepts as the job reading holds them (read now if it does not)."""
        found = self.job.lines.get((text, roles))
        return found if found is not None else _read_line(text, self.vocabulary, roles=roles)

    def look(self, concept: _Concept) -> ConceptMatch:
        """Where the resume's matched sections show the concept (looked up once)."""
        self.concepts.setdefault(concept.id, concept)
        if concept.id not in self._found:
            self._found[concept.id] = _find(concept, self.resume.fields, self.vocabulary)
        return self._found[concept.id]

    def items(
        self, texts: Iterable[str], kind: str, weight: int, *, roles: bool = True
    ) -> list[ItemResult]:
        """Each line as an item scored by the share of its concepts found."""
        items: list[ItemResult] = []
        for text in texts:
            line = self.line(text, roles=roles)
            matches = tuple(self.look(c) for c in line.concepts)
            share = sum(m.found for m in matches) / len(matches) if matches else 0.0
            if matches:
                note = ""
            elif line.knocked:
                note = "checked as a knockout (see Knockouts)"
            else:
                note = "nothing specific to look for in a resume"
            items.append(ItemResult(text, kind, weight if matches else 0, share, matches, note))
        return items


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _weighted(items: Sequence[ItemResult]) -> float | None:
    total = sum(i.weight for i in items)
    if not total:
        return None
    return 100 * sum(i.weight * i.score for i in items) / total


def _component(key: str, score: float | None, items: Sequence[ItemResult], why: str) -> Component:
    return Component(key, LABELS[key], WEIGHTS[key], score, tuple(items), why)


def _qualifications(run: _Run, job: JobSpec) -> Component:
    items = run.items(job.must_have, "must", MUST_WEIGHT)
    items += run.items(job.nice_to_have, "nice", NICE_WEIGHT)
    score = _weighted(items)
    if score is None:
        why = "The job lists no qualifications to check, so this part is not scored."
        return _component("qualifications", None, items, why)
    musts = [i for i in items if i.kind == "must" and i.concepts]
    nices = [i for i in items if i.kind == "nice" and i.concepts]
    why = (
        f"{_num(sum(i.score for i in musts))} of {len(musts)} must-haves (weight "
        f"{MUST_WEIGHT} each) and {_num(sum(i.score for i in nices))} of {len(nices)} "
        f"nice-to-haves (weight {NICE_WEIGHT} each) shown; a requirement counts the share of "
        "its parts your resume shows."
    )
    return _component("qualifications", score, items, why)


def _responsibilities(run: _Run, job: JobSpec) -> Component:
    items = run.items(job.responsibilities, "responsibility", RESPONSIBILITY_WEIGHT, roles=False)
    score = _weighted(items)
    if score is None:
        why = "The job lists no responsibilities, so this part is not scored."
        return _component("responsibilities", None, items, why)
    scored = [i for i in items if i.concepts]
    why = (
        f"{_num(sum(i.score for i in scored))} of {len(scored)} responsibilities shown in your "
        "experience, projects, skills or summary (each counts the share of its parts found)."
    )
    return _component("responsibilities", score, items, why)


def _keywords(run: _Run, job: JobSpec) -> Component:
    keywords: dict[str, tuple[str, _Concept]] = {}
    for keyword, concepts in run.job.keywords:
        for concept in concepts:
            keywords.setdefault(concept.id, (keyword, concept))
    for text in (*job.must_have, *job.nice_to_have, *job.responsibilities, job.description):
        for grouped in run.line(text, roles=False).concepts:
            for alt in grouped.alts:
                # Shifts are availability, checked as knockouts, not keywords to match.
                if alt.kind == "term" and run.vocabulary.term(alt.key).category != "shift":
                    concept = _term_concept(alt, run.vocabulary)
                    keywords.setdefault(concept.id, (concept.label, concept))
    items = []
    for text, concept in keywords.values():
        match = run.look(concept)
        items.append(ItemResult(text, "keyword", 1, float(match.found), (match,)))
    target = min(len(items), KEYWORD_FULL_MARKS)
    if not target:
        why = "The job names no keywords we know, so this part is not scored."
        return _component("keywords", None, items, why)
    hits = sum(i.score for i in items)
    why = (
        f"{_num(hits)} of {len(items)} distinct keywords found; full marks at {target} "
        f"(never more than {KEYWORD_FULL_MARKS}). Each keyword counts once however often you "
        "repeat it, so stuffing keywords does not help."
    )
    return _component("keywords", 100 * min(hits, target) / target, items, why)


def _title(run: _Run, job: JobSpec) -> Component:
    """The title read two ways, by vocabulary terms and by its words; the better counts."""
    readings = []
    for concepts in run.job.titles:
        readings.append(tuple(_find(c, run.resume.titles, run.vocabulary) for c in concepts))
    if not readings[1]:
        why = "The job has no title to compare, so this part is not scored."
        return _component("title", None, (), why)
    shares = [sum(m.found for m in r) / len(r) if r else 0.0 for r in readings]
    words_only = shares[1] > shares[0]
    matches = readings[words_only]
    found = sum(m.found for m in matches)
    reading = "words" if words_only else "parts"
    why = (
        f"{found} of {len(matches)} {reading} of the title '{job.title}' appear in your "
        "headline or job titles (the title is read as vocabulary terms and as plain words; "
        "the better reading counts)."
    )
    if found < len(matches):
        example = job.title if len(job.title.split()) <= 4 else "customer support"
        why += (
            " Use your real job titles; a fresher can write an honest headline naming the "
            f"role wanted, such as 'Fresher seeking a {example} role'."
        )
    item = ItemResult(job.title, "title", 1, found / len(matches), matches)
    return _component("title", 100 * found / len(matches), (item,), why)


# ------------------------------------------------------------------ evidence of gaps


def _cefr_at_least(level: Any, floor: str) -> bool:
    text = str(level).strip().upper()[:2]
    return text in CEFR_LEVELS and CEFR_LEVELS.index(text) >= CEFR_LEVELS.index(floor)


def _profile_items(profile: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Each entry of the profile's lists (languages, certificates, ...) as (path, text)."""
    for key, value in profile.items():
        if key == "shifts" or not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                text = " ".join(str(v) for v in item.values() if isinstance(v, str | int))
            else:
                text = str(item)
            if text.strip():
                yield f"profile.{key}[{index}]", text


def _measured(
    concept: _Concept, profile: Mapping[str, Any], vocabulary: Vocabulary
) -> tuple[str, str] | None:
    """(path, evidence) when a skills-lab result or the candidate's shift answer stands for
    one of the concept's terms or a narrower one."""
    shifts = profile.get("shifts")
    said = [str(s).lower() for s in shifts] if isinstance(shifts, list) else []
    wpm = profile.get("typing_wpm")
    cefr = profile.get("english_cefr")
    for key in concept.term_keys:
        for kind in (vocabulary.term(k).profile for k in (key, *sorted(vocabulary.narrower(key)))):
            if kind == "typing_wpm" and _is_number(wpm):
                return "profile.typing_wpm", f"Skills-lab typing test: {wpm:g} WPM"
            if kind == "english_cefr" and _cefr_at_least(cefr, CEFR_EVIDENCE_FROM):
                return "profile.english_cefr", f"Skills-lab English level: {cefr} (CEFR)"
            if kind and kind.startswith("shift:") and kind[6:] in said:
                return "profile.shifts", f"You said you can work {kind[6:]} shifts"
    return None


def _gain_advice(concept: _Concept, vocabulary: Vocabulary) -> str:
    prefix = "Not shown in your resume or profile, so do not claim it. "
    if concept.term_keys:
        return prefix + vocabulary.how_to_gain(concept.term_keys[0])
    return prefix + (
        "To gain it, learn or practise it (a course, a project, an internship or volunteer "
        "work), then describe what you actually did."
    )


def _gaps(
    components: Sequence[Component], run: _Run, profile: Mapping[str, Any]
) -> tuple[list[Missing], list[Missing]]:
    """Missed concepts split into evidenced ("you have this, say it") and not evidenced."""
    where: dict[str, list[str]] = {}
    for component in components:
        for item in component.items if component.key != "title" else ():
            for match in item.concepts:
                keys = where.setdefault(match.id, [])
                if not match.found and component.key not in keys:
                    keys.append(component.key)
    vocabulary = run.vocabulary
    profile_group = _group(_profile_items(profile), vocabulary)
    evidenced: list[Missing] = []
    unevidenced: list[Missing] = []
    for concept_id, keys in where.items():
        if not keys:
            continue
        concept = run.concepts[concept_id]
        measured = _measured(concept, profile, vocabulary)
        listed = _find(concept, profile_group, vocabulary)
        elsewhere = _find(concept, run.resume.elsewhere, vocabulary)
        if measured:
            advice = "You have this: say it on your resume (skills or summary) with the figure."
            evidenced.append(
                Missing(concept_id, concept.label, tuple(keys), advice, "profile", *measured)
            )
        elif listed.found:
            advice = "Your profile shows this: add it to your resume where it belongs."
            evidenced.append(
                Missing(
                    concept_id,
                    concept.label,
                    tuple(keys),
                    advice,
                    "profile",
                    listed.path,
                    listed.evidence,
                )
            )
        elif elsewhere.found:
            advice = (
                f"Your resume mentions this only in {elsewhere.path}, which recruiters and ATS "
                "skim: say it in your skills, summary or an experience bullet."
            )
            evidenced.append(
                Missing(
                    concept_id,
                    concept.label,
                    tuple(keys),
                    advice,
                    "resume",
                    elsewhere.path,
                    elsewhere.evidence,
                )
            )
        elif concept_id.startswith("term:") or "keywords" in keys:
            advice = _gain_advice(concept, vocabulary)
            unevidenced.append(Missing(concept_id, concept.label, tuple(keys), advice))
        # Otherwise a plain word left over from a sentence ("targets", "issues"): it counts
        # in its component's score and shows there as missed, but it is no skill to gain.
    return evidenced, unevidenced


# ------------------------------------------------------------------ knockouts


def _education_level(
    resume: Mapping[str, Any], profile: Mapping[str, Any]
) -> tuple[str | None, str]:
    """The candidate's highest education level and where it comes from."""
    stated = profile.get("education")
    if stated in EDUCATION_ORDER:
        return str(stated), "your profile"
    best: tuple[int, str, str] | None = None
    for prefix, entry in _entries(resume, "education"):
        text = " ".join(str(entry.get(k) or "") for k in ("studyType", "area"))
        for pattern, level in _EDUCATION_LEVEL_PATTERNS:
            if pattern.search(text):
                if level == "undergraduate" and entry.get("startDate") and not entry.get("endDate"):
                    level = "ug_studying"
                rank = EDUCATION_ORDER.index(level)
                if best is None or rank > best[0]:
                    best = (rank, level, f"{prefix}: {_snippet(text, 60)}")
                break
    if best is None:
        return None, ""
    return best[1], best[2]


def _city(name: str) -> str:
    key = re.sub(r"\s+", " ", name.lower().strip(" .,"))
    key = key.split(",")[0].strip()
    return _CITY_ALIASES.get(key, key)


def _check_shift(
    knockout: JobKnockout,
    original: Mapping[str, Any],
    resume: ResumeReading,
    profile: Mapping[str, Any],
    vocabulary: Vocabulary,
) -> KnockoutCheck:
    wanted = set(knockout.shifts)
    names = " or ".join(knockout.shifts)
    shifts = profile.get("shifts")
    where = "You said"
    if not (isinstance(shifts, list) and shifts):
        shifts = _bpo(original).get("shifts")
        where = "Your resume says"
    if isinstance(shifts, list) and shifts:
        said = [str(s).lower() for s in shifts]
        seen = f"{where} you can work {', '.join(said)} shifts."
        if wanted & set(said):
            return KnockoutCheck(knockout, Outcome.PASS, seen)
        return KnockoutCheck(
            knockout,
            Outcome.FAIL,
            seen,
            f"This job needs {names} shifts: look for roles on your shifts, or settle it "
            "with your family before you apply.",
        )
    for item in (*resume.fields.fields, *resume.elsewhere.fields):
        kinds = {
            code[6:]
            for k in item.terms
            if (code := vocabulary.term(k).profile or "").startswith("shift:")
        }
        if wanted & kinds:
            return KnockoutCheck(
                knockout,
                Outcome.PASS,
                f"Your resume says so at {item.path}: '{_snippet(item.text)}'.",
            )
    return KnockoutCheck(
        knockout,
        Outcome.UNKNOWN,
        f"Neither your resume nor your profile says whether you can work {names} shifts.",
        "Decide whether you can; if you can, say it on your resume (for example 'Available "
        f"for {names} shifts') and in the shift question of your profile.",
    )


def _check_location(
    knockout: JobKnockout, resume: Mapping[str, Any], profile: Mapping[str, Any]
) -> KnockoutCheck:
    if profile.get("on_site") is False:
        return KnockoutCheck(
            knockout,
            Outcome.FAIL,
            "You said you cannot work on-site.",
            "Look for remote or work-from-home roles instead.",
        )
    basics = resume.get("basics")
    location = basics.get("location") if isinstance(basics, Mapping) else None
    city = profile.get("city")
    source = "your profile"
    if not (isinstance(city, str) and city.strip()) and isinstance(location, Mapping):
        city = location.get("city")
        source = "your resume"
    have = city.strip() if isinstance(city, str) else ""
    if knockout.city and have:
        if _city(have) == _city(knockout.city):
            return KnockoutCheck(
                knockout, Outcome.PASS, f"{source.capitalize()} gives your city as {have}."
            )
        return KnockoutCheck(
            knockout,
            Outcome.UNKNOWN,
            f"{source.capitalize()} gives your city as {have}; the job is in {knockout.city}.",
            "Check the commute or whether you can relocate before applying, and say so in "
            "your application if you can.",
        )
    if profile.get("on_site") is True:
        return KnockoutCheck(knockout, Outcome.PASS, "You said you can work on-site.")
    if knockout.city:
        return KnockoutCheck(
            knockout,
            Outcome.UNKNOWN,
            "Your resume does not give your city.",
            "Add your city to your resume's contact details: recruiters filter by location.",
        )
    return KnockoutCheck(
        knockout,
        Outcome.UNKNOWN,
        "We do not know whether you can work from the office.",
        "Answer the on-site question in your profile.",
    )


def _check_degree(
    knockout: JobKnockout, resume: Mapping[str, Any], profile: Mapping[str, Any]
) -> KnockoutCheck:
    level, source = _education_level(resume, profile)
    if level is None:
        return KnockoutCheck(
            knockout,
            Outcome.UNKNOWN,
            "We could not tell your education level from your resume.",
            "Write your degree or class (for example 'B.Com', '12th / HSC') "
            "in each education entry.",
        )
    have = EDUCATION_ORDER.index(level)
    seen = f"You have {_LEVEL_NAMES[level]} ({source})."
    if knockout.degree_min is not None:
        if have >= EDUCATION_ORDER.index(knockout.degree_min):
            return KnockoutCheck(knockout, Outcome.PASS, seen)
        return KnockoutCheck(
            knockout,
            Outcome.FAIL,
            seen,
            f"This job asks for {_LEVEL_NAMES[knockout.degree_min]}: look "
            "for roles open to your education (many BPO roles take 12th "
            "pass).",
        )
    if have <= EDUCATION_ORDER.index(str(knockout.degree_max)):
        return KnockoutCheck(knockout, Outcome.PASS, seen)
    return KnockoutCheck(
        knockout,
        Outcome.FAIL,
        seen,
        "Some employers do not take post-graduates for entry roles; look for "
        "roles that value your degree (KPO, analyst, trainer tracks).",
    )


def _check_typing(
    knockout: JobKnockout,
    original: Mapping[str, Any],
    resume: ResumeReading,
    profile: Mapping[str, Any],
) -> KnockoutCheck:
    need = int(knockout.min_wpm or 0)
    measured = profile.get("typing_wpm")
    typing = _bpo(original).get("typing")
    from_lab = isinstance(typing, Mapping) and "skills lab" in str(typing.get("source")).lower()
    if _is_number(measured):
        seen = f"Your skills-lab typing test: {measured:g} WPM (measured)."
        if measured >= need:
            return KnockoutCheck(knockout, Outcome.PASS, seen)
        return KnockoutCheck(
            knockout,
            Outcome.FAIL,
            seen,
            f"Practise in the Skills lab until you reach {need} WPM, then retake the test.",
        )
    for path, text in resume.texts:
        stated = _RESUME_WPM_RE.search(text)
        if stated:
            wpm = int(stated.group(1))
            lab = from_lab and path.endswith(f"{_BPO_KEY}.typing")
            how = "measured in the skills lab" if lab else "self-reported, not measured"
            seen = f"Your resume says {wpm} WPM at {path} ({how})."
            advice = "" if lab else "Take the Skills lab typing test to back the figure."
            if wpm >= need:
                return KnockoutCheck(knockout, Outcome.PASS, seen, advice)
            return KnockoutCheck(
                knockout,
                Outcome.FAIL,
                seen,
                f"Practise until you reach {need} WPM. {advice}".strip(),
            )
    return KnockoutCheck(
        knockout,
        Outcome.UNKNOWN,
        "We have no typing speed for you.",
        "Take the Skills lab typing test; employers test typing at the assessment.",
    )


def _check_notice(
    knockout: JobKnockout, resume: Mapping[str, Any], profile: Mapping[str, Any]
) -> KnockoutCheck:
    limit = int(knockout.notice_days or 0)
    days = profile.get("notice_days")
    where = "You said"
    if not _is_number(days):
        days = _bpo(resume).get("noticePeriodDays")
        where = "Your resume says"
    if _is_number(days):
        seen = f"{where} your notice period is {days} days."
        if days <= limit:
            return KnockoutCheck(knockout, Outcome.PASS, seen)
        return KnockoutCheck(
            knockout,
            Outcome.FAIL,
            seen,
            "Ask your employer about an early release, or look for roles "
            "that accept your notice period.",
        )
    current = [p for p, entry in _entries(resume, "work") if not entry.get("endDate")]
    if not current:
        return KnockoutCheck(
            knockout, Outcome.PASS, "Your resume shows no current job, so you can join at once."
        )
    return KnockoutCheck(
        knockout,
        Outcome.UNKNOWN,
        f"Your resume shows a current job ({current[0]}) and we do not know your notice period.",
        "Answer the notice-period question in your profile.",
    )


def _check(
    knockout: JobKnockout,
    resume: Mapping[str, Any],
    read: ResumeReading,
    profile: Mapping[str, Any],
    vocabulary: Vocabulary,
) -> KnockoutCheck:
    if knockout.kind == "shift":
        return _check_shift(knockout, resume, read, profile, vocabulary)
    if knockout.kind == "location":
        return _check_location(knockout, resume, profile)
    if knockout.kind == "degree":
        return _check_degree(knockout, resume, profile)
    if knockout.kind == "typing":
        return _check_typing(knockout, resume, read, profile)
    return _check_notice(knockout, resume, profile)


# ------------------------------------------------------------------ the match


def match(
    resume: Mapping[str, Any],
    job: JobReading | JobSpec | Mapping[str, Any] | str,
    vocabulary: Vocabulary,
    profile_evidence: Mapping[str, Any] | None = None,
    *,
    resume_reading: ResumeReading | None = None,
) -> MatchResult:
    """How well `resume` (JSON Resume) answers `job`, explained; see the module docstring.

    `job` may be read already (`read_job`, or a stored reading); so may the resume
    (`resume_reading`, which must be `read_resume(resume, vocabulary)`): matching one
    resume against many jobs then reads each side once.

    `profile_evidence` is what the skills lab and the profile know, all optional:
    `typing_wpm` (measured net WPM), `english_cefr` ("B2"), `shifts` (["night", ...]),
    `languages` and `certificates` (lists of texts or mappings; any other list is read the
    same way), `education` (a level of `EDUCATION_ORDER`), `notice_days`, `on_site` (bool)
    and `city`. It never changes the score: it feeds "you have this, say it" and knockouts.
    """
    profile = profile_evidence or {}
    reading = job if isinstance(job, JobReading) else read_job(job, vocabulary)
    spec = reading.spec
    read = resume_reading if resume_reading is not None else read_resume(resume, vocabulary)
    run = _Run(vocabulary, read, reading)
    components = (
        _qualifications(run, spec),
        _responsibilities(run, spec),
        _keywords(run, spec),
        _title(run, spec),
    )
    present = [c for c in components if c.score is not None]
    total_weight = sum(c.weight for c in present)
    raw = sum(c.weight * (c.score or 0.0) for c in present) / total_weight if present else 0.0
    score = int(raw + 0.5)
    matched: dict[str, ConceptMatch] = {}
    for component in components:
        for item in component.items:
            for concept in item.concepts:
                if concept.found:
                    matched.setdefault(concept.id, concept)
    evidenced, unevidenced = _gaps(components, run, profile)
    checks = tuple(_check(k, resume, read, profile, vocabulary) for k in spec.knockouts)
    return MatchResult(
        score=score,
        components=components,
        matched=tuple(matched.values()),
        missing_evidenced=tuple(evidenced),
        missing_unevidenced=tuple(unevidenced),
        knockouts=checks,
        explanation=_explain(score, components, total_weight, evidenced, unevidenced, checks),
        job=spec,
    )


def _explain(
    score: int,
    components: Sequence[Component],
    total_weight: int,
    evidenced: Sequence[Missing],
    unevidenced: Sequence[Missing],
    checks: Sequence[KnockoutCheck],
) -> tuple[str, ...]:
    present = [c for c in components if c.score is not None]
    if present:
        parts = " + ".join(
            f"{c.label.lower()} {c.score or 0:.0f} \u00d7 {c.weight / total_weight:.0%}"
            for c in present
        )
        lines = [f"Match score {score}/100 = {parts} (rules {MATCH_RULES_VERSION})."]
    else:
        lines = [
            f"Match score 0/100: the job gives nothing to match (rules {MATCH_RULES_VERSION})."
        ]
    if present and total_weight < sum(WEIGHTS.values()):
        missing = ", ".join(c.label.lower() for c in components if c.score is None)
        lines.append(f"The job has no {missing}, so the other weights were scaled to 100%.")
    lines.extend(f"{c.label}: {c.explanation}" for c in components)
    lines.append(
        "Layers: exact = the job's own words; lemma = another form of the same words "
        "(handled / handling); synonym = another name from the BPO vocabulary (AHT = average "
        "handle time) or a narrower term (Zendesk for CRM)."
    )
    if evidenced:
        lines.append(
            f"You have this, say it: {len(evidenced)} requirement(s) your profile or resume "
            "shows but your experience, skills and summary do not."
        )
    if unevidenced:
        lines.append(
            f"Not evidenced: {len(unevidenced)} requirement(s); do not claim them, the advice "
            "says how to gain them."
        )
    if checks:
        counts = {o: sum(c.outcome is o for c in checks) for o in Outcome}
        lines.append(
            f"Knockouts (checked apart, never part of the score): {counts[Outcome.PASS]} pass, "
            f"{counts[Outcome.FAIL]} fail, {counts[Outcome.UNKNOWN]} unknown."
        )
    return tuple(lines)
