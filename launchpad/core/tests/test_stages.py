"""The stage machine: every rule and its reason, dates, undo and reopen, the documents and
practice per stage, and the funnel."""

from __future__ import annotations

import datetime

import pytest

from launchpad.core import stages as s
from launchpad.core.stages import (
    Move,
    MoveRefused,
    Refusal,
    RefusalCode,
    Timeline,
    allowed_targets,
    check_transition,
    clean_assessments,
    documents_for,
    funnel,
    furthest_stage,
    practice_for,
    stopped_at,
)

DAY = datetime.date(2026, 11, 2)


def day(n: int) -> datetime.date:
    return DAY + datetime.timedelta(days=n)


def code(current, target, **kwargs):
    refusal = check_transition(current, target, **kwargs)
    return refusal.code if refusal else None


# Rules -----------------------------------------------------------------------------------


def test_the_stage_keys_are_the_models_and_in_hiring_order():
    assert s.PATH == (
        "saved", "applied", "hr_screen", "assessment", "operations", "mock_call", "offer",
        "background", "training", "production",
    )  # fmt: skip
    assert s.STAGES[len(s.PATH) :] == ("rejected", "withdrawn")
    assert set(s.STAGE_LABELS) == set(s.STAGES) == set(s.DOCUMENTS)


def test_a_saved_job_can_only_be_applied_to_or_withdrawn():
    assert allowed_targets("saved") == ("applied", "withdrawn")
    assert code("saved", "hr_screen") == RefusalCode.NOT_APPLIED
    assert code("saved", "rejected") == RefusalCode.NOT_APPLIED
    assert code("saved", "offer") == RefusalCode.NOT_APPLIED


def test_forward_moves_may_skip_rounds_a_company_does_not_run():
    assert code("applied", "hr_screen") is None
    assert code("applied", "offer") is None  # straight from a walk-in to an offer
    assert code("hr_screen", "mock_call") is None
    assert code("offer", "training") is None  # verification after joining


def test_offer_and_training_are_never_skipped():
    assert code("assessment", "background") == RefusalCode.SKIPS_STAGE
    assert code("mock_call", "production") == RefusalCode.SKIPS_STAGE
    assert code("offer", "production") == RefusalCode.SKIPS_STAGE
    refusal = check_transition("assessment", "training")
    assert refusal is not None
    assert refusal.params == {"target": "training", "required": "offer"}
    assert refusal.message() == ("Training and nesting comes after Offer: move it to Offer first.")


def test_backward_moves_are_refused_with_the_undo_hint():
    refusal = check_transition("assessment", "hr_screen")
    assert refusal is not None and refusal.code == RefusalCode.BACKWARD
    assert refusal.message() == (
        "Stages only move forward; undo the last move if it was a mistake."
    )


def test_the_same_stage_and_unknown_stages_are_refused():
    refusal = check_transition("offer", "offer")
    assert refusal is not None and refusal.message() == "It is already at Offer."
    assert code("offer", "hired") == RefusalCode.UNKNOWN_STAGE
    assert code("nowhere", "offer") == RefusalCode.UNKNOWN_STAGE


def test_production_is_final():
    assert allowed_targets("production") == ()
    assert code("production", "rejected") == RefusalCode.HIRED
    assert code("production", "withdrawn") == RefusalCode.HIRED


@pytest.mark.parametrize("stage", s.PATH[1:-1])
def test_rejected_and_withdrawn_are_reachable_from_every_stage_before_production(stage):
    assert code(stage, "rejected") is None
    assert code(stage, "withdrawn") is None


def test_a_closed_application_only_reopens_to_where_it_was_closed():
    assert allowed_targets("rejected", closed_from="assessment") == ("assessment",)
    assert code("rejected", "reopen", closed_from="assessment") is None
    assert code("withdrawn", "rejected", closed_from="offer") == RefusalCode.CLOSED
    refusal = check_transition("rejected", "offer", closed_from="assessment")
    assert refusal is not None
    assert refusal.message() == (
        "This application is closed (Rejected). Reopen it first: it goes back to Assessment."
    )
    assert code("offer", "reopen") == RefusalCode.NOT_CLOSED
    # A history without the stage before the close cannot be reopened.
    assert code("rejected", "reopen") == RefusalCode.UNKNOWN_STAGE
    assert code("rejected", "applied") == RefusalCode.CLOSED


def test_refusal_messages_take_the_callers_labels_and_template():
    refusal = Refusal(RefusalCode.SKIPS_STAGE, {"target": "production", "required": "training"})
    labels = {"production": "On the floor", "training": "Nesting"}
    assert refusal.message(labels) == "On the floor comes after Nesting: move it to Nesting first."
    assert refusal.message(labels, template="%(required)s!") == "Nesting!"
    dated = Refusal(RefusalCode.BEFORE_LAST_MOVE, {"date": "2026-11-02"})
    assert dated.message() == (
        "The date is before the last move (02 Nov 2026). Choose that day or a later one."
    )
    assert dated.template == s.REASONS[RefusalCode.BEFORE_LAST_MOVE]


def test_every_refusal_code_has_a_reason():
    assert set(s.REASONS) == set(RefusalCode)


# Timeline ----------------------------------------------------------------------------------


def test_a_timeline_records_dated_moves_and_offers_the_next_ones():
    timeline = (
        Timeline.start("saved", DAY)
        .move("applied", on=day(1))
        .move("assessment", on=day(3), today=day(3))
    )
    assert timeline.current == "assessment"
    assert timeline.moves[-1] == Move("assessment", day(3), "applied")
    assert timeline.stages == ("saved", "applied", "assessment")
    assert timeline.visited == ("saved", "applied", "assessment")
    assert timeline.furthest == "assessment"
    assert timeline.closed_from is None
    assert timeline.last_on == day(3)
    assert timeline.options() == (
        "operations", "mock_call", "offer", "rejected", "withdrawn",
    )  # fmt: skip


def test_a_refused_move_raises_with_the_reason_and_changes_nothing():
    timeline = Timeline.start("applied", DAY)
    with pytest.raises(MoveRefused) as refused:
        timeline.move("background", on=day(1))
    assert refused.value.refusal.code == RefusalCode.SKIPS_STAGE
    assert str(refused.value) == (
        "Background verification comes after Offer: move it to Offer first."
    )
    assert timeline.current == "applied" and len(timeline.moves) == 1


def test_moves_are_dated_in_order_and_never_in_the_future():
    timeline = Timeline.start("applied", day(5))
    refusal = timeline.check("hr_screen", on=day(4))
    assert refusal is not None and refusal.code == RefusalCode.BEFORE_LAST_MOVE
    assert refusal.params == {"date": day(5).isoformat()}
    refusal = timeline.check("hr_screen", on=day(7), today=day(6))
    assert refusal is not None and refusal.code == RefusalCode.IN_THE_FUTURE
    assert timeline.check("hr_screen", on=day(5), today=day(5)) is None
    assert timeline.check("hr_screen", on=day(9)) is None  # no today: no future check


def test_a_new_application_starts_at_a_stage_up_to_offer():
    assert Timeline.start("offer", DAY).current == "offer"
    for stage in ("background", "production", "rejected", "reopen"):
        with pytest.raises(MoveRefused) as refused:
            Timeline.start(stage, DAY)
        assert refused.value.refusal.code == RefusalCode.BAD_START


def test_reject_then_reopen_goes_back_to_the_stage_before():
    timeline = Timeline.start("applied", DAY).move("assessment", on=day(1))
    rejected = timeline.move("rejected", on=day(2))
    assert rejected.closed_from == "assessment"
    assert rejected.options() == ("assessment",)
    assert rejected.resolve("reopen") == "assessment"
    assert rejected.resolve("offer") == "offer"
    reopened = rejected.move("reopen", on=day(3))
    assert reopened.current == "assessment"
    assert reopened.moves[-1] == Move("assessment", day(3), "rejected")
    assert reopened.closed_from is None
    assert reopened.move("offer", on=day(4)).current == "offer"


def test_undo_replays_the_history_without_the_last_move():
    timeline = Timeline.start("saved", DAY).move("applied", on=day(1)).move("offer", on=day(2))
    undone = timeline.undo()
    assert undone.current == "applied" and undone.moves == timeline.moves[:2]
    assert undone.undo().current == "saved"
    with pytest.raises(MoveRefused) as refused:
        Timeline.start("saved", DAY).undo()
    assert refused.value.refusal.code == RefusalCode.NOTHING_TO_UNDO
    assert str(refused.value) == "There is no move to undo."


def test_undo_of_a_reopen_closes_it_again():
    timeline = Timeline.start("applied", DAY).move("withdrawn", on=day(1)).move("reopen", on=day(2))
    assert timeline.undo().current == "withdrawn"


def test_replay_checks_a_stored_history():
    moves = [Move("applied", DAY), Move("rejected", day(1), "applied"),
             Move("applied", day(2), "rejected"), Move("hr_screen", day(3), "applied")]  # fmt: skip
    assert Timeline.replay(moves).current == "hr_screen"
    broken = [
        [],
        [Move("applied", DAY, "saved")],
        [Move("applied", DAY), Move("offer", day(1), "hr_screen")],
    ]
    for history in broken:
        with pytest.raises(MoveRefused) as refused:
            Timeline.replay(history)
        assert refused.value.refusal.code == RefusalCode.BROKEN_HISTORY
    with pytest.raises(MoveRefused) as refused:
        Timeline.replay([Move("applied", DAY), Move("hr_screen", day(-1), "applied")])
    assert refused.value.refusal.code == RefusalCode.BEFORE_LAST_MOVE
    with pytest.raises(MoveRefused) as refused:
        Timeline.replay([Move("applied", DAY), Move("saved", day(1), "applied")])
    assert refused.value.refusal.code == RefusalCode.BACKWARD


def test_furthest_and_stopped_at():
    assert furthest_stage(["applied", "rejected", "applied", "offer"]) == "offer"
    assert furthest_stage(["withdrawn"]) == "saved"
    assert stopped_at(["applied", "assessment", "rejected"]) == "assessment"
    assert stopped_at(["rejected"]) == "saved"
    assert stopped_at(["applied", "hr_screen"]) == "hr_screen"
    assert stopped_at([]) == "saved"


def test_assessments_are_cleaned_to_known_kinds_in_order():
    assert clean_assessments(["svar", "typing", "svar"]) == ("typing", "svar")
    assert clean_assessments([]) == ()
    with pytest.raises(ValueError, match="versant"):
        clean_assessments(["versant"])


# Documents and practice ------------------------------------------------------------------


def keys(docs):
    return [doc.key for doc in docs]


def test_background_documents_are_country_aware():
    india = keys(documents_for("background", "IN"))
    philippines = keys(documents_for("background", "ph"))
    both = keys(documents_for("background", ""))
    assert {"id_proof", "address_proof", "education", "previous_employment"} <= set(india)
    assert "pan" in india and "nbi" not in india
    assert {"nbi", "sss", "tin", "philhealth", "pagibig"} <= set(philippines)
    assert "pan" not in philippines
    assert set(both) == set(india) | set(philippines)
    assert keys(documents_for("background", "US")) == both


def test_every_stage_has_a_checklist_and_keys_are_unique_within_it():
    assert keys(documents_for("offer")) == ["offer_letter", "offer_signed"]
    assert documents_for("operations") == ()
    assert documents_for("nowhere") == ()
    for docs in s.DOCUMENTS.values():
        assert len(keys(docs)) == len(set(keys(docs)))


def test_practice_per_stage():
    assessment = practice_for("assessment")
    assert assessment is not None and assessment.url_name == "skills:lab"
    assert {stage: p.url_name for stage, p in s.PRACTICE.items()} == {
        "saved": "jobs:list", "applied": "resumes:list", "hr_screen": "interview:home",
        "assessment": "skills:lab", "operations": "interview:home",
        "mock_call": "interview:home", "offer": "applications:offers",
    }  # fmt: skip
    assert practice_for("production") is None


# Funnel ------------------------------------------------------------------------------------


def test_the_funnel_counts_reached_and_where_applications_stop():
    result = funnel([
        ["saved"],
        ["saved", "applied", "assessment", "rejected"],
        ["applied", "assessment", "rejected"],
        ["applied", "hr_screen", "rejected"],
        ["applied", "offer", "training", "production"],
        ["applied", "hr_screen", "withdrawn"],
        ["applied", "rejected", "applied", "hr_screen"],  # reopened, still under way
        [],  # no history: not counted
    ])  # fmt: skip
    rows = {row.stage: row for row in result.stages}
    assert result.total == 7
    assert (result.hired, result.active, result.rejected, result.withdrawn) == (1, 2, 3, 1)
    assert rows["saved"].reached == 7 and rows["saved"].active == 1
    assert rows["applied"].reached == 6
    # Skipped rounds count as passed: the hired one went applied → offer.
    assert rows["hr_screen"].reached == 6
    assert rows["hr_screen"].active == 1 and rows["hr_screen"].rejected == 1
    assert rows["hr_screen"].withdrawn == 1 and rows["hr_screen"].went_on == 3
    assert rows["assessment"].reached == 3 and rows["assessment"].rejected == 2
    assert rows["production"].reached == 1 and rows["production"].active == 1
    drop = result.biggest_drop
    assert drop is not None and drop.stage == "assessment"
    assert (drop.rejected, drop.reached) == (2, 3)
    assert drop.share == pytest.approx(2 / 3)
    assert drop.practice is not None and drop.practice.url_name == "skills:lab"


def test_a_tie_points_at_the_earlier_stage_and_no_rejection_means_no_drop():
    tie = funnel([["applied", "rejected"], ["applied", "assessment", "rejected"]])
    assert tie.biggest_drop is not None and tie.biggest_drop.stage == "applied"
    calm = funnel([["applied", "withdrawn"], ["saved"]])
    assert calm.biggest_drop is None
    empty = funnel([])
    assert empty.total == 0 and empty.biggest_drop is None
    assert all(row.reached == 0 for row in empty.stages)
