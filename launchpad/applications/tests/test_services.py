"""The tracker's services: creating (by hand and from a posting), moving with the core's
rules and reasons, undo and reopen, details with the user's own resume, letter and contacts,
documents, offers, deleting; and the selectors behind the pages."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from launchpad.applications import selectors, services
from launchpad.applications.exceptions import ApplicationInputError
from launchpad.applications.models import Application, Offer, StageChange
from launchpad.applications.tests.conftest import DAY
from launchpad.applications.tests.factories import (
    ContactFactory,
    CoverLetterFactory,
    PostingFactory,
    ResumeFactory,
)

pytestmark = pytest.mark.django_db


def day(n: int) -> datetime.date:
    return DAY + datetime.timedelta(days=n)


def create(user, now, **kwargs):
    values = {"title": "Voice process associate", "company": "Acme", "on": DAY, "today": DAY}
    return services.application_create(user=user, now=now, **{**values, **kwargs})


def do_move(application, stage, n, now, **kwargs):
    return services.application_move(
        application=application, to_stage=stage, on=day(n), today=day(n), now=now, **kwargs
    )


# Creating ------------------------------------------------------------------------------------


def test_create_records_the_first_stage_with_its_date(alice, now):
    application = create(alice, now, channel="walk_in", stage="applied", note="Walk-in drive")
    assert (application.stage, application.stage_changed_on) == ("applied", DAY)
    assert application.channel == "walk_in"
    change = application.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.on, change.note) == (
        "", "applied", DAY, "Walk-in drive",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Write the job title."),
        ({"title": "x" * 201}, "Keep the job title under 200 characters."),
        ({"company": "x" * 201}, "Keep the company's name under 200 characters."),
        ({"channel": "carrier_pigeon"}, "Choose how you applied from the list."),
        ({"stage": "production"}, "A new application starts at a stage up to Offer."),
        ({"on": day(1)}, "The date is in the future. Record a move on the day it happened."),
        ({"note": "x" * 301}, "Keep the note under 300 characters."),
    ],
)
def test_create_refuses_bad_input(alice, now, changes, message):
    with pytest.raises(ApplicationInputError) as refused:
        create(alice, now, **changes)
    assert str(refused.value) == message
    assert not Application.objects.exists()


def test_tracking_a_posting_copies_it_and_a_second_time_returns_the_same_card(alice, now):
    posting = PostingFactory(title="Chat support", company="Northwind")
    application, created = services.track_posting(user=alice, posting=posting, today=DAY, now=now)
    assert created and (application.title, application.company) == ("Chat support", "Northwind")
    assert application.stage == "saved" and application.posting == posting
    again, created = services.track_posting(user=alice, posting=posting, today=DAY, now=now)
    assert not created and again.pk == application.pk
    assert create(alice, now, posting=posting).pk == application.pk
    assert Application.objects.count() == 1


def test_a_posting_someone_else_pasted_cannot_be_tracked(alice, eve, now):
    pasted = PostingFactory(owner=alice)
    with pytest.raises(ApplicationInputError, match="not available"):
        create(eve, now, posting=pasted)
    assert create(alice, now, posting=pasted).user == alice


def test_a_race_to_track_the_same_posting_keeps_one_card(alice, now, monkeypatch):
    posting = PostingFactory()
    first = create(alice, now, posting=posting)
    # The other request checked before this one saved: its insert hits the constraint.
    real_filter = Application.objects.filter

    class Nothing:
        def first(self):
            return None

    monkeypatch.setattr(
        Application.objects, "filter",
        lambda *a, **k: Nothing() if "posting" in k else real_filter(*a, **k),
    )  # fmt: skip
    assert create(alice, now, posting=posting).pk == first.pk


# Moving --------------------------------------------------------------------------------------


def test_a_move_is_recorded_with_its_date_and_note(alice, now):
    application = create(alice, now, stage="applied")
    do_move(application, "assessment", 2, now, note="Typing at 10 am")
    application.refresh_from_db()
    assert (application.stage, application.stage_changed_on) == ("assessment", day(2))
    last = application.stage_changes.last()
    assert (last.from_stage, last.to_stage, last.note) == (
        "applied",
        "assessment",
        "Typing at 10 am",
    )


def test_an_illegal_move_is_refused_with_the_reason_and_nothing_changes(alice, now):
    application = create(alice, now, stage="applied")
    with pytest.raises(ApplicationInputError) as refused:
        do_move(application, "training", 1, now)
    assert str(refused.value) == "Training and nesting comes after Offer: move it to Offer first."
    application.refresh_from_db()
    assert application.stage == "applied" and application.stage_changes.count() == 1
    with pytest.raises(ApplicationInputError, match="Stages only move forward"):
        do_move(do_move(application, "offer", 1, now), "hr_screen", 2, now)
    with pytest.raises(ApplicationInputError, match=r"before the last move \(03 Nov 2026\)"):
        do_move(application, "background", 0, now)
    with pytest.raises(ApplicationInputError, match="in the future"):
        services.application_move(
            application=application, to_stage="background", on=day(5), today=day(4), now=now
        )
    with pytest.raises(ApplicationInputError, match="Keep the note under 300"):
        do_move(application, "background", 2, now, note="x" * 301)


def test_assessments_are_kept_with_a_move_to_the_assessment(alice, now):
    application = create(alice, now, stage="applied")
    with pytest.raises(ApplicationInputError, match="tests from the list"):
        do_move(application, "assessment", 1, now, assessments=["iq"])
    do_move(application, "assessment", 1, now, assessments=["svar", "typing"])
    application.refresh_from_db()
    assert application.assessments == ["typing", "svar"]


def test_undo_takes_back_the_last_move(alice, now):
    application = create(alice, now, stage="applied")
    do_move(application, "hr_screen", 1, now)
    do_move(application, "rejected", 3, now)
    services.application_undo(application=application)
    assert (application.stage, application.stage_changed_on) == ("hr_screen", day(1))
    application.refresh_from_db()
    assert application.stage == "hr_screen" and application.stage_changes.count() == 2
    services.application_undo(application=application)
    with pytest.raises(ApplicationInputError, match=r"There is no move to undo\."):
        services.application_undo(application=application)
    assert application.stage_changes.count() == 1


def test_reopen_goes_back_to_the_stage_it_was_closed_at(alice, now):
    application = create(alice, now, stage="applied")
    do_move(application, "assessment", 1, now)
    do_move(application, "withdrawn", 2, now)
    with pytest.raises(ApplicationInputError) as refused:
        do_move(application, "offer", 3, now)
    assert str(refused.value) == (
        "This application is closed (Withdrawn). Reopen it first: it goes back to Assessment."
    )
    do_move(application, "reopen", 3, now)
    assert application.stage == "assessment"
    assert application.stage_changes.last().from_stage == "withdrawn"


def test_a_card_without_history_moves_from_its_stage(alice, now):
    application = Application.objects.create(
        user=alice, title="Made elsewhere", stage="hr_screen", stage_changed_on=DAY
    )
    do_move(application, "offer", 1, now)
    assert list(application.stage_changes.values_list("from_stage", "to_stage")) == [
        ("hr_screen", "offer")
    ]


# Details -------------------------------------------------------------------------------------


def update(application, **changes):
    values = {
        "title": application.title, "company": application.company, "channel": "",
        "notes": "", "next_action": "", "next_action_due": None, "interview_at": None,
        "resume": None, "cover_letter": None,
    }  # fmt: skip
    return services.application_update(application=application, **{**values, **changes})


def test_update_saves_the_details_with_the_users_own_resume_and_letter(alice, now):
    application = create(alice, now)
    resume, letter = ResumeFactory(user=alice), CoverLetterFactory(user=alice)
    interview = timezone.now() + datetime.timedelta(days=2)
    update(
        application, title="Chat process", channel="referral", notes="Ask for Priya",
        next_action="Call back", next_action_due=DAY, interview_at=interview, resume=resume,
        cover_letter=letter,
    )  # fmt: skip
    application.refresh_from_db()
    assert (application.title, application.channel, application.next_action) == (
        "Chat process", "referral", "Call back",
    )  # fmt: skip
    assert application.resume == resume and application.cover_letter == letter
    assert application.interview_at == interview


def test_update_refuses_another_users_resume_or_letter_and_bad_text(alice, eve, now):
    application = create(alice, now)
    for changes, message in [
        ({"resume": ResumeFactory(user=eve)}, "Choose one of your own resumes."),
        ({"cover_letter": CoverLetterFactory(user=eve)}, "Choose one of your own cover letters."),
        ({"title": ""}, "Write the job title."),
        ({"next_action_due": DAY}, "Write the next step that is due on that date."),
        ({"notes": "x" * 5001}, "Keep the notes under 5000 characters."),
    ]:
        with pytest.raises(ApplicationInputError) as refused:
            update(application, **changes)
        assert str(refused.value) == message
    application.refresh_from_db()
    assert application.resume is None and application.cover_letter is None


def test_contacts_are_only_the_users_own(alice, eve, now):
    application = create(alice, now)
    mine, theirs = ContactFactory(user=alice), ContactFactory(user=eve)
    services.contacts_set(application=application, contacts=[mine])
    assert list(application.contacts.all()) == [mine]
    with pytest.raises(ApplicationInputError, match="your own contacts"):
        services.contacts_set(application=application, contacts=[mine, theirs])
    assert list(application.contacts.all()) == [mine]


def test_documents_of_current_and_past_stages(alice, now):
    application = create(alice, now, stage="applied")
    do_move(application, "offer", 1, now)
    services.documents_set(application=application, stage="offer", done=["offer_letter"])
    services.documents_toggle(application=application, stage="applied", key="resume", done=True)
    services.documents_toggle(application=application, stage="offer", key="offer_signed", done=True)
    services.documents_toggle(
        application=application, stage="offer", key="offer_letter", done=False
    )
    application.refresh_from_db()
    assert application.documents == {"offer": {"offer_signed": True}, "applied": {"resume": True}}
    with pytest.raises(ApplicationInputError, match="current stage or of one"):
        services.documents_set(application=application, stage="background", done=["pan"])
    with pytest.raises(ApplicationInputError, match="from the list"):
        services.documents_set(application=application, stage="offer", done=["pan"])
    with pytest.raises(ApplicationInputError, match="from the list"):
        services.documents_toggle(application=application, stage="offer", key="pan", done=True)


# Offers --------------------------------------------------------------------------------------


def save_offer(application, **changes):
    values = {
        "currency": "PHP", "base_monthly": Decimal(20000), "shift": "night",
        "shift_start": datetime.time(22), "shift_end": datetime.time(7),
        "allowances": [("Rice", Decimal(1500)), ("", None)],
        "texts": {"transport": "Shuttle", "location": "Makati"},
    }  # fmt: skip
    return services.offer_save(application=application, **{**values, **changes})


def test_an_offer_needs_the_offer_stage(alice, now):
    application = create(alice, now, stage="applied")
    with pytest.raises(ApplicationInputError, match="Move the application to Offer"):
        save_offer(application)
    do_move(application, "offer", 1, now)
    do_move(application, "withdrawn", 2, now)  # a declined offer still compares
    offer = save_offer(application, night_differential_rate=Decimal("0.125"))
    assert offer.allowances == [{"label": "Rice", "monthly": "1500.00"}]
    assert (offer.transport, offer.location) == ("Shuttle", "Makati")
    assert offer.night_differential_rate == Decimal("0.125")
    save_offer(application, base_monthly=Decimal("21000.499"))
    assert Offer.objects.get().base_monthly == Decimal("21000.50")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"currency": "XYZ"}, "Choose the currency from the list."),
        ({"shift": "graveyard"}, "Choose day, night or rotational for the shift."),
        ({"base_monthly": Decimal("100000000")}, "Check the monthly base pay: it is too large."),
        ({"base_monthly": Decimal(0)}, "The monthly base pay must be more than zero."),
        ({"allowances": [("", Decimal(5))]}, "Name each allowance (rice, transport, shift...)."),
        ({"allowances": [("Rice", None)]}, "Give the monthly amount of the allowance “Rice”."),
        ({"allowances": [("x" * 81, Decimal(1))]}, "Keep allowance names under 80 characters."),
        ({"allowances": [("Rice", Decimal(-1))]}, "An allowance cannot be negative."),
        ({"allowances": [("A", Decimal(1))] * 6}, "List at most 5 allowances."),
        ({"shift_end": datetime.time(22)}, "A shift cannot start and end at the same time."),
        ({"night_differential_rate": Decimal(2)},
         "The night differential must be between 0% and 100%."),
        ({"texts": {"growth": "x" * 2001}}, "Keep each text under 2000 characters."),
    ],
)  # fmt: skip
def test_offer_save_refuses_bad_terms(alice, now, changes, message):
    application = create(alice, now, stage="offer")
    with pytest.raises(ApplicationInputError) as refused:
        save_offer(application, **changes)
    assert str(refused.value) == message
    assert not Offer.objects.exists()


def test_delete_removes_the_card_with_its_history_and_offer(alice, now):
    application = create(alice, now, stage="offer")
    save_offer(application)
    resume = ResumeFactory(user=alice)
    update(application, resume=resume)
    services.application_delete(application=application)
    assert not Application.objects.exists() and not StageChange.objects.exists()
    assert not Offer.objects.exists() and resume.__class__.objects.filter(pk=resume.pk).exists()


# Selectors -----------------------------------------------------------------------------------


def test_the_board_has_a_column_per_stage_and_the_moves_each_card_may_make(alice, eve, now):
    saved = create(alice, now)
    closed = create(alice, now, stage="applied")
    do_move(closed, "rejected", 1, now)
    create(eve, now)
    board = selectors.board(alice, today=day(1))
    assert board.columns[0].stage == "saved" and len(board.columns) == 10
    assert [c.stage for c in board.closed] == ["rejected", "withdrawn"]
    (card,) = board.columns[0].cards
    assert card.application == saved
    assert card.options == [("applied", "Applied"), ("withdrawn", "Withdrawn")]
    (rejected,) = board.closed[0].cards
    assert rejected.options == [("reopen", "Reopen: back to Applied")]
    assert board.total == 2 and board.closed_count == 1
    assert selectors.move_options("rejected", None) == []
    assert selectors.card(closed, today=day(1)).options == rejected.options


def test_the_list_filters_and_sorts(alice, now):
    a = create(alice, now, title="Alpha", company="Zed", stage="applied", channel="online")
    b = create(alice, now, title="Beta", company="Acme", stage="offer")
    c = create(alice, now, title="Gamma", company="Mid", stage="applied")
    do_move(c, "rejected", 1, now)
    update(b, next_action="Sign", next_action_due=day(3))

    def titles(**kwargs):
        return [x.title for x in selectors.application_list(alice, **kwargs)]

    assert titles(sort="title") == ["Alpha", "Beta", "Gamma"]
    assert titles(sort="-title") == ["Gamma", "Beta", "Alpha"]
    assert titles(sort="company") == ["Beta", "Gamma", "Alpha"]
    assert titles(sort="stage") == ["Alpha", "Beta", "Gamma"]
    assert titles(sort="-stage") == ["Gamma", "Beta", "Alpha"]
    assert titles(sort="due")[0] == "Beta" and titles(sort="-due")[0] == "Beta"
    assert titles(stage="open", sort="title") == ["Alpha", "Beta"]
    assert titles(stage="rejected") == ["Gamma"]
    assert titles(channel="online") == ["Alpha"]
    assert titles(q="acm") == ["Beta"]
    assert selectors.clean_sort("nonsense") == "-changed"
    assert a in selectors.application_list(alice, sort="nonsense")


def test_the_funnel_reads_the_histories(alice, now):
    for _n in range(2):
        application = create(alice, now, stage="applied")
        do_move(application, "assessment", 1, now)
        do_move(application, "rejected", 2, now)
    create(alice, now)
    Application.objects.create(user=alice, title="No history", stage="hr_screen",
                               stage_changed_on=DAY)  # fmt: skip
    page = selectors.funnel(alice)
    assert page.funnel.total == 4 and page.funnel.rejected == 2
    assert page.drop_label == "Assessment" and page.drop_percent == 100
    assert page.drop_practice is not None and page.drop_practice.label == "Skills lab"
    assert page.drop_practice.url == "/skills/"
    rows = {row.stage: row for row in page.rows}
    assert rows["hr_screen"].reached == 3 and rows["saved"].percent == 100
    # A practice page of an app not mounted yet has no link.
    assert rows["saved"].practice is not None
    assert rows["saved"].practice.url == selectors.safe_url("jobs:list")
    assert selectors.safe_url("nowhere:list") is None


def test_the_offer_comparison_groups_by_currency(alice, eve, now):
    ph = create(alice, now, title="PH offer", stage="offer")
    save_offer(ph)
    india = create(alice, now, title="IN offer", stage="offer")
    save_offer(india, currency="INR", base_monthly=Decimal(30000))
    broken = create(alice, now, title="Broken", stage="offer")
    save_offer(broken)
    Offer.objects.filter(application=broken).update(working_days_per_month=40)
    save_offer(create(eve, now, stage="offer"))
    result = selectors.offer_comparison(alice)
    assert [g.currency for g in result.comparison.groups] == ["PHP", "INR"]
    assert result.problems == ["Broken at Acme"]
    assert set(result.applications) == {str(ph.pk), str(india.pk)}
    assert selectors.offer_figures(ph).night.amount == Decimal("2022.99")
    assert selectors.offer_figures(create(alice, now)) is None


def test_checklists_follow_the_country(alice, now):
    application = create(alice, now, stage="offer")
    do_move(application, "background", 1, now)
    timeline = services.timeline_of(application)
    india = selectors.checklists(application, timeline, "IN")
    assert [c.stage for c in india] == ["background", "offer"]
    assert india[0].current and not india[1].current
    assert "pan" in [i.key for i in india[0].items]
    assert "nbi" not in [i.key for i in india[0].items]
    assert "nbi" in [i.key for i in selectors.checklists(application, timeline, "PH")[0].items]
    assert selectors.country_of(alice) == "IN"
