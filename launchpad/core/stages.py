"""The application tracker's stage machine: which moves an application may make through BPO
hiring, the documents each stage asks for, the practice that helps with it, and the funnel
of where a candidate's applications stop.

The hiring path (bpo-facts.md section 1.1) runs

    saved → applied → hr_screen → assessment → operations → mock_call → offer
          → background → training → production

with two closing stages beside it, `rejected` and `withdrawn`. The rules:

1. Moves go forward along the path. A backward move is refused ("stages only move forward;
   undo the last move if it was a mistake"); `Timeline.undo` takes the last move back.
2. A forward move may skip the rounds a company does not run (HR screen, assessment,
   operations round, mock call) and background verification (some employers verify after
   joining). It never skips `applied` (a saved job has not been applied to), `offer`
   (nobody is verified, trained or put on the floor without one) or `training` (every new
   hire is trained and nested before production).
3. `production` is final: the candidate was hired.
4. `rejected` and `withdrawn` are reachable from any stage before production, except that a
   job only saved cannot be rejected (nobody has seen the application yet). Both are final
   except for a reopen, which goes back to the stage the application was closed at.
5. A move is dated: not before the previous move, and not after today.

Every refusal carries a plain reason for the candidate (`Refusal.message`). Messages are
English templates marked with `gettext_noop` so the app can translate them; stage names in
them are filled in by the caller's labels.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


def gettext_noop(message: str) -> str:
    """Marks a message for translation (extracted by makemessages; translated by the app)."""
    return message


SAVED = "saved"
APPLIED = "applied"
HR_SCREEN = "hr_screen"
ASSESSMENT = "assessment"
OPERATIONS = "operations"
MOCK_CALL = "mock_call"
OFFER = "offer"
BACKGROUND = "background"
TRAINING = "training"
PRODUCTION = "production"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

PATH: tuple[str, ...] = (
    SAVED, APPLIED, HR_SCREEN, ASSESSMENT, OPERATIONS, MOCK_CALL, OFFER, BACKGROUND, TRAINING,
    PRODUCTION,
)  # fmt: skip
CLOSED: tuple[str, ...] = (REJECTED, WITHDRAWN)
STAGES: tuple[str, ...] = PATH + CLOSED
# Rounds a company may not run: a forward move may pass over them.
SKIPPABLE = frozenset({HR_SCREEN, ASSESSMENT, OPERATIONS, MOCK_CALL, BACKGROUND})
# Where a newly tracked application may start (one already under way can be added midway).
START_STAGES: tuple[str, ...] = PATH[: PATH.index(OFFER) + 1]
# The pseudo-target of a reopen: back to the stage the application was closed at.
REOPEN = "reopen"

STAGE_LABELS: Mapping[str, str] = {
    SAVED: gettext_noop("Saved"),
    APPLIED: gettext_noop("Applied"),
    HR_SCREEN: gettext_noop("HR screen"),
    ASSESSMENT: gettext_noop("Assessment"),
    OPERATIONS: gettext_noop("Operations round"),
    MOCK_CALL: gettext_noop("Mock call"),
    OFFER: gettext_noop("Offer"),
    BACKGROUND: gettext_noop("Background verification"),
    TRAINING: gettext_noop("Training and nesting"),
    PRODUCTION: gettext_noop("Production"),
    REJECTED: gettext_noop("Rejected"),
    WITHDRAWN: gettext_noop("Withdrawn"),
}

# The tests of the assessment stage (bpo-facts.md 1.1, 2 and 3).
ASSESSMENT_KINDS: Mapping[str, str] = {
    "typing": gettext_noop("Typing test"),
    "english": gettext_noop("English test (Versant or written)"),
    "svar": gettext_noop("SVAR spoken English test"),
    "aptitude": gettext_noop("Aptitude test"),
}


class RefusalCode(enum.StrEnum):
    UNKNOWN_STAGE = "unknown_stage"
    SAME_STAGE = "same_stage"
    BACKWARD = "backward"
    SKIPS_STAGE = "skips_stage"
    NOT_APPLIED = "not_applied"
    HIRED = "hired"
    CLOSED = "closed"
    NOT_CLOSED = "not_closed"
    BAD_START = "bad_start"
    NOTHING_TO_UNDO = "nothing_to_undo"
    BEFORE_LAST_MOVE = "before_last_move"
    IN_THE_FUTURE = "in_the_future"
    BROKEN_HISTORY = "broken_history"


REASONS: Mapping[RefusalCode, str] = {
    RefusalCode.UNKNOWN_STAGE: gettext_noop("Choose a stage from the list."),
    RefusalCode.SAME_STAGE: gettext_noop("It is already at %(stage)s."),
    RefusalCode.BACKWARD: gettext_noop(
        "Stages only move forward; undo the last move if it was a mistake."
    ),
    RefusalCode.SKIPS_STAGE: gettext_noop(
        "%(target)s comes after %(required)s: move it to %(required)s first."
    ),
    RefusalCode.NOT_APPLIED: gettext_noop(
        "You have not applied to this job yet: mark it Applied first, or withdraw it if "
        "you no longer want it."
    ),
    RefusalCode.HIRED: gettext_noop(
        "Production is the last stage: you were hired. Undo the last move if it was a "
        "mistake."
    ),
    RefusalCode.CLOSED: gettext_noop(
        "This application is closed (%(stage)s). Reopen it first: it goes back to "
        "%(before)s."
    ),
    RefusalCode.NOT_CLOSED: gettext_noop(
        "Only a rejected or withdrawn application can be reopened."
    ),
    RefusalCode.BAD_START: gettext_noop(
        "A new application starts at a stage up to Offer."
    ),
    RefusalCode.NOTHING_TO_UNDO: gettext_noop("There is no move to undo."),
    RefusalCode.BEFORE_LAST_MOVE: gettext_noop(
        "The date is before the last move (%(date)s). Choose that day or a later one."
    ),
    RefusalCode.IN_THE_FUTURE: gettext_noop(
        "The date is in the future. Record a move on the day it happened."
    ),
    RefusalCode.BROKEN_HISTORY: gettext_noop(
        "The stage history does not add up; the move was not recorded."
    ),
}  # fmt: skip

# Parameters of a refusal that name a stage (filled in with the caller's stage labels).
_STAGE_PARAMS = frozenset({"stage", "target", "required", "before"})


@dataclass(frozen=True)
class Refusal:
    """Why a move is refused: a code, the message template and its parameters (stage keys,
    or `date` as an ISO date)."""

    code: RefusalCode
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return REASONS[self.code]

    def message(
        self, labels: Mapping[str, str] = STAGE_LABELS, template: str | None = None,
        date_format: str = "%d %b %Y",
    ) -> str:  # fmt: skip
        """The reason in words: stage keys become `labels`, dates are formatted."""
        values: dict[str, str] = {}
        for name, value in self.params.items():
            if name in _STAGE_PARAMS:
                values[name] = labels.get(value, value)
            else:
                values[name] = datetime.date.fromisoformat(value).strftime(date_format)
        return (template or self.template) % values


class MoveRefused(ValueError):
    """A move, start or undo the rules refuse; `refusal` says why."""

    def __init__(self, refusal: Refusal) -> None:
        self.refusal = refusal
        super().__init__(refusal.message())


def _refuse(code: RefusalCode, **params: str) -> Refusal:
    return Refusal(code, params)


def check_transition(current: str, target: str, *, closed_from: str | None = None) -> (
    Refusal | None
):  # fmt: skip
    """Why `current` may not move to `target` (None when it may). `closed_from` is the stage
    a rejected or withdrawn application was closed at; `target` may be `REOPEN`."""
    if target == REOPEN:
        if current not in CLOSED:
            return _refuse(RefusalCode.NOT_CLOSED)
        target = closed_from or ""
    if target not in STAGES or current not in STAGES:
        return _refuse(RefusalCode.UNKNOWN_STAGE)
    if target == current:
        return _refuse(RefusalCode.SAME_STAGE, stage=current)
    if current in CLOSED:
        if closed_from is not None and target == closed_from:
            return None
        return _refuse(RefusalCode.CLOSED, stage=current, before=closed_from or SAVED)
    if current == PRODUCTION:
        return _refuse(RefusalCode.HIRED)
    if target in CLOSED:
        if current == SAVED and target == REJECTED:
            return _refuse(RefusalCode.NOT_APPLIED)
        return None
    here, there = PATH.index(current), PATH.index(target)
    if there < here:
        return _refuse(RefusalCode.BACKWARD)
    for passed in PATH[here + 1 : there]:
        if passed == APPLIED:
            return _refuse(RefusalCode.NOT_APPLIED)
        if passed not in SKIPPABLE:
            return _refuse(RefusalCode.SKIPS_STAGE, target=target, required=passed)
    return None


def allowed_targets(current: str, *, closed_from: str | None = None) -> tuple[str, ...]:
    """Every stage `current` may move to, in path order (a closed one: its reopen stage)."""
    return tuple(
        stage for stage in STAGES
        if check_transition(current, stage, closed_from=closed_from) is None
    )  # fmt: skip


@dataclass(frozen=True)
class Move:
    """One dated move; the first move of a history has `from_stage` "" (the start)."""

    to_stage: str
    on: datetime.date
    from_stage: str = ""


@dataclass(frozen=True)
class Timeline:
    """An application's moves, oldest first; build one with `start` or `replay`, which
    check every rule, then `move` and `undo` return new timelines."""

    moves: tuple[Move, ...]

    @classmethod
    def start(cls, stage: str, on: datetime.date) -> Timeline:
        if stage not in START_STAGES:
            raise MoveRefused(_refuse(RefusalCode.BAD_START))
        return cls((Move(stage, on),))

    @classmethod
    def replay(cls, moves: Iterable[Move]) -> Timeline:
        """A timeline of `moves` (a stored history), each checked against the rules."""
        moves = tuple(moves)
        if not moves or moves[0].from_stage:
            raise MoveRefused(_refuse(RefusalCode.BROKEN_HISTORY))
        timeline = cls.start(moves[0].to_stage, moves[0].on)
        for move in moves[1:]:
            if move.from_stage != timeline.current:
                raise MoveRefused(_refuse(RefusalCode.BROKEN_HISTORY))
            timeline = timeline.move(move.to_stage, on=move.on)
        return timeline

    @property
    def current(self) -> str:
        return self.moves[-1].to_stage

    @property
    def last_on(self) -> datetime.date:
        return self.moves[-1].on

    @property
    def closed_from(self) -> str | None:
        """The stage a rejected or withdrawn application was closed at (None when open)."""
        return self.moves[-1].from_stage if self.current in CLOSED else None

    @property
    def stages(self) -> tuple[str, ...]:
        return tuple(move.to_stage for move in self.moves)

    @property
    def furthest(self) -> str:
        """The furthest stage of the path it reached."""
        return furthest_stage(self.stages)

    @property
    def visited(self) -> tuple[str, ...]:
        """Path stages it has been at, in path order (for the documents checklist)."""
        seen = set(self.stages)
        return tuple(stage for stage in PATH if stage in seen)

    def options(self) -> tuple[str, ...]:
        return allowed_targets(self.current, closed_from=self.closed_from)

    def check(
        self, target: str, *, on: datetime.date, today: datetime.date | None = None
    ) -> Refusal | None:
        """Why moving to `target` on `on` is refused (None when it is allowed)."""
        refusal = check_transition(self.current, target, closed_from=self.closed_from)
        if refusal is not None:
            return refusal
        if on < self.last_on:
            return _refuse(RefusalCode.BEFORE_LAST_MOVE, date=self.last_on.isoformat())
        if today is not None and on > today:
            return _refuse(RefusalCode.IN_THE_FUTURE)
        return None

    def resolve(self, target: str) -> str:
        """The stage `target` means: a reopen is the stage it was closed at."""
        return (self.closed_from or target) if target == REOPEN else target

    def move(
        self, target: str, *, on: datetime.date, today: datetime.date | None = None
    ) -> Timeline:
        """The timeline after moving to `target` on `on`; raises MoveRefused."""
        refusal = self.check(target, on=on, today=today)
        if refusal is not None:
            raise MoveRefused(refusal)
        return Timeline((*self.moves, Move(self.resolve(target), on, self.current)))

    def undo(self) -> Timeline:
        """The timeline without its last move (the start cannot be undone)."""
        if len(self.moves) < 2:
            raise MoveRefused(_refuse(RefusalCode.NOTHING_TO_UNDO))
        return Timeline.replay(self.moves[:-1])


def furthest_stage(stages: Iterable[str]) -> str:
    """The furthest path stage among `stages` (saved when there is none)."""
    reached = [PATH.index(stage) for stage in stages if stage in PATH]
    return PATH[max(reached)] if reached else SAVED


def stopped_at(stages: Sequence[str]) -> str:
    """Where an application stands or stopped: its current stage, or for a closed one the
    stage it was closed at."""
    if stages and stages[-1] in CLOSED:
        before = [stage for stage in stages[:-1] if stage in PATH]
        return before[-1] if before else SAVED
    return stages[-1] if stages else SAVED


def clean_assessments(kinds: Iterable[str]) -> tuple[str, ...]:
    """The assessment kinds, known ones only, each once, in the usual order."""
    wanted = set(kinds)
    unknown = wanted - set(ASSESSMENT_KINDS)
    if unknown:
        raise ValueError(f"unknown assessment kinds: {sorted(unknown)}")
    return tuple(kind for kind in ASSESSMENT_KINDS if kind in wanted)


# Documents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """A document a stage asks for; `country` "" means every country."""

    key: str
    label: str
    country: str = ""


COUNTRIES = frozenset({"IN", "PH"})

DOCUMENTS: Mapping[str, tuple[Document, ...]] = {
    SAVED: (),
    APPLIED: (
        Document("resume", gettext_noop("Resume, tailored to this job")),
        Document("photo", gettext_noop("Passport-size photographs (walk-ins)")),
        Document("id_copy", gettext_noop("Copy of a photo ID (walk-ins)")),
    ),
    HR_SCREEN: (
        Document("resume_print", gettext_noop("Printed resume")),
        Document("id_proof", gettext_noop("Photo ID to show")),
    ),
    ASSESSMENT: (
        Document("test_invite", gettext_noop("Test invitation and login details")),
        Document("headset", gettext_noop("Working headset with a microphone (voice tests)")),
    ),
    OPERATIONS: (),
    MOCK_CALL: (),
    OFFER: (
        Document("offer_letter", gettext_noop("Offer letter received")),
        Document("offer_signed", gettext_noop("Offer letter signed and returned")),
    ),
    BACKGROUND: (
        Document("id_proof", gettext_noop("Photo ID proof")),
        Document("address_proof", gettext_noop("Address proof")),
        Document("education", gettext_noop("Education certificates and mark sheets")),
        Document(
            "previous_employment",
            gettext_noop("Previous employment: relieving letter or certificate, payslips"),
        ),
        Document("pan", gettext_noop("PAN card"), "IN"),
        Document("aadhaar", gettext_noop("Aadhaar"), "IN"),
        Document("nsr", gettext_noop("National Skills Registry (NSR) profile"), "IN"),
        Document("nbi", gettext_noop("NBI clearance"), "PH"),
        Document("sss", gettext_noop("SSS number"), "PH"),
        Document("tin", gettext_noop("TIN"), "PH"),
        Document("philhealth", gettext_noop("PhilHealth number"), "PH"),
        Document("pagibig", gettext_noop("Pag-IBIG number"), "PH"),
    ),
    TRAINING: (
        Document("joining_forms", gettext_noop("Joining forms signed")),
        Document("bank_account", gettext_noop("Bank account for the salary")),
        Document("medical", gettext_noop("Pre-employment medical")),
    ),
    PRODUCTION: (),
    REJECTED: (),
    WITHDRAWN: (),
}


def documents_for(stage: str, country: str = "") -> tuple[Document, ...]:
    """The documents `stage` asks for in `country` (IN or PH); for another or an unknown
    country, those of both, so the candidate picks what applies."""
    country = country.upper()
    return tuple(
        doc for doc in DOCUMENTS.get(stage, ())
        if not doc.country or country not in COUNTRIES or doc.country == country
    )  # fmt: skip


# Practice ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Practice:
    """What helps with a stage: a page of the app (`url_name`, for `reverse`)."""

    key: str
    label: str
    url_name: str
    why: str


PRACTICE: Mapping[str, Practice] = {
    SAVED: Practice(
        "jobs", gettext_noop("Job search"), "jobs:list",
        gettext_noop("Saved jobs you never apply to: search for ones that fit you better."),
    ),
    APPLIED: Practice(
        "resumes", gettext_noop("Resume studio"), "resumes:list",
        gettext_noop("Applications that get no call back: match your resume to the job."),
    ),
    HR_SCREEN: Practice(
        "interview", gettext_noop("Interview coach"), "interview:home",
        gettext_noop("Practise the HR round: introduction, why a BPO, shifts, salary."),
    ),
    ASSESSMENT: Practice(
        "skills", gettext_noop("Skills lab"), "skills:lab",
        gettext_noop("Practise typing, English and aptitude tests until you clear the bar."),
    ),
    OPERATIONS: Practice(
        "interview", gettext_noop("Interview coach"), "interview:home",
        gettext_noop("Practise the operations round: customer situations, answered with STAR."),
    ),
    MOCK_CALL: Practice(
        "interview", gettext_noop("Interview coach"), "interview:home",
        gettext_noop("Practise handling a customer out loud (a mock-call simulator is coming)."),
    ),
    OFFER: Practice(
        "offers", gettext_noop("Offer comparison"), "applications:offers",
        gettext_noop("Compare the offers side by side, night differential included."),
    ),
}  # fmt: skip


def practice_for(stage: str) -> Practice | None:
    return PRACTICE.get(stage)


# Funnel -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStage:
    """One stage of the path: how many applications reached it (a stage a company skipped
    counts as passed), how many are at it now, and how many stopped there."""

    stage: str
    reached: int
    active: int
    rejected: int
    withdrawn: int

    @property
    def went_on(self) -> int:
        return self.reached - self.active - self.rejected - self.withdrawn


@dataclass(frozen=True)
class Drop:
    """The stage where most applications were rejected, and what helps with it."""

    stage: str
    rejected: int
    reached: int
    practice: Practice | None

    @property
    def share(self) -> float:
        return self.rejected / self.reached


@dataclass(frozen=True)
class Funnel:
    total: int
    hired: int
    active: int
    rejected: int
    withdrawn: int
    stages: tuple[FunnelStage, ...]
    biggest_drop: Drop | None


def funnel(histories: Iterable[Sequence[str]]) -> Funnel:
    """The funnel of applications given each one's stages in order (oldest first).

    An application reached a stage when it got to it or beyond it. A closed one stopped at
    the stage it was closed at. The biggest drop is the stage with the most rejections
    (the earlier stage on a tie); withdrawals are the candidate's choice and point at no
    practice. None when nothing was rejected.
    """
    furthest: list[int] = []
    ends: list[tuple[str, str]] = []  # (state: active / rejected / withdrawn / hired, stage)
    for stages in histories:
        if not stages:
            continue
        furthest.append(PATH.index(furthest_stage(stages)))
        last = stages[-1]
        state = last if last in CLOSED else ("hired" if last == PRODUCTION else "active")
        ends.append((state, stopped_at(stages)))
    rows = []
    for index, stage in enumerate(PATH):
        rows.append(
            FunnelStage(
                stage=stage,
                reached=sum(1 for f in furthest if f >= index),
                active=sum(1 for s, at in ends if s in ("active", "hired") and at == stage),
                rejected=sum(1 for s, at in ends if s == REJECTED and at == stage),
                withdrawn=sum(1 for s, at in ends if s == WITHDRAWN and at == stage),
            )
        )
    worst = max(rows, key=lambda row: (row.rejected, -PATH.index(row.stage)))
    drop = (
        Drop(worst.stage, worst.rejected, worst.reached, practice_for(worst.stage))
        if worst.rejected else None
    )  # fmt: skip
    states = [state for state, _at in ends]
    return Funnel(
        total=len(ends),
        hired=states.count("hired"),
        active=states.count("active"),
        rejected=states.count(REJECTED),
        withdrawn=states.count(WITHDRAWN),
        stages=tuple(rows),
        biggest_drop=drop,
    )
