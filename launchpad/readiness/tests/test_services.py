"""Writes: knockout answers, the guided check, and the week-by-week plan."""

from __future__ import annotations

import datetime
import random

import pytest
from django.utils import timezone

from launchpad.accounts.exceptions import ProfileInvalid
from launchpad.accounts.services import LanguageEntry
from launchpad.careers.models import Role
from launchpad.careers.tests.factories import CertificationFactory, RoleFactory
from launchpad.core.weekly_plan import week_start
from launchpad.goals.models import Goal
from launchpad.readiness import selectors, services
from launchpad.readiness.exceptions import ReadinessInputError
from launchpad.readiness.models import KnockoutAnswers, PlanItem, ReadinessCheck
from launchpad.readiness.tests.factories import best_answers, quiz_result, typing_result
from launchpad.skills import services as skills_services
from launchpad.skills.models import QuizAttempt, TypingAttempt
from launchpad.skills.tests.conftest import keystrokes

TODAY = datetime.date(2026, 3, 4)  # a Wednesday
MONDAY = datetime.date(2026, 3, 2)


# --- Knockout answers -----------------------------------------------------------------------


def test_answers_are_stored_and_unanswered_documents_left_out(alice, content):
    row = services.answers_update(
        user=alice, documents={"aadhaar": True, "pan": False, "marksheet-10": None},
        notice_days=30, on_site=None, adult=True,
    )  # fmt: skip

    assert row.documents == {"aadhaar": True, "pan": False}
    assert (row.notice_days, row.on_site, row.adult) == (30, None, True)
    services.answers_update(user=alice, documents={}, notice_days=None, on_site=False, adult=None)
    row.refresh_from_db()
    assert row.documents == {} and row.notice_days is None and row.on_site is False
    assert KnockoutAnswers.objects.filter(user=alice).count() == 1


@pytest.mark.parametrize(
    ("documents", "notice_days", "message"),
    [
        ({"passport": True}, 10, "Unknown documents: passport."),
        ({"aadhaar": True}, 400, "between 0 and 365 days"),
        ({"aadhaar": True}, -1, "between 0 and 365 days"),
    ],
)
def test_invalid_answers_are_refused_and_change_nothing(
    alice, content, documents, notice_days, message
):
    services.answers_update(user=alice, documents={"pan": True}, notice_days=5, on_site=True,
                            adult=True)  # fmt: skip

    with pytest.raises(ReadinessInputError, match=message):
        services.answers_update(
            user=alice, documents=documents, notice_days=notice_days, on_site=False, adult=False
        )

    row = KnockoutAnswers.objects.get(user=alice)
    assert row.documents == {"pan": True}
    assert (row.notice_days, row.on_site, row.adult) == (5, True, True)


def test_refused_answers_create_no_row(alice, content):
    with pytest.raises(ReadinessInputError):
        services.answers_update(user=alice, documents={}, notice_days=400, on_site=None,
                                adult=None)  # fmt: skip
    assert not KnockoutAnswers.objects.exists()


# --- The guided check -----------------------------------------------------------------------


def save_profile(check, **overrides):
    values = {
        "fields": {"country": "IN", "education_level": "undergraduate",
                   "shift_availability": ["night"], "work_types": ["international-voice"]},
        "languages": [LanguageEntry("English", "fluent")],
        "documents": {"aadhaar": True},
        "notice_days": 0, "on_site": True, "adult": True, "now": timezone.now(),
    }  # fmt: skip
    values.update(overrides)
    return services.check_profile_save(check=check, **values)


def test_check_start_reuses_the_open_check(alice):
    now = timezone.now()
    first = services.check_start(user=alice, now=now)

    assert services.check_start(user=alice, now=now) == first
    first.completed_at = now
    first.save()
    second = services.check_start(user=alice, now=now)
    assert second != first and ReadinessCheck.objects.filter(user=alice).count() == 2


def test_a_step_cannot_start_before_the_profile(alice, bank):
    check = services.check_start(user=alice, now=timezone.now())

    with pytest.raises(ReadinessInputError, match="Start with the short profile"):
        services.check_step_start(check=check, step="typing", rng=random.Random(1),
                                  now=timezone.now())  # fmt: skip
    with pytest.raises(ReadinessInputError, match="no such step"):
        services.check_step_start(check=check, step="profile", rng=random.Random(1),
                                  now=timezone.now())  # fmt: skip
    assert not TypingAttempt.objects.exists()


def test_the_profile_step_saves_profile_languages_and_answers_together(alice, content):
    check = services.check_start(user=alice, now=timezone.now())

    save_profile(check)

    alice.profile.refresh_from_db()
    assert alice.profile.education_level == "undergraduate"
    assert alice.profile.shift_availability == ["night"]
    assert selectors.self_ratings(alice).english == "fluent"
    assert KnockoutAnswers.objects.get(user=alice).documents == {"aadhaar": True}
    check.refresh_from_db()
    assert check.profile_done_at is not None
    assert services.step_state(check)["profile"] == "done"
    assert services.next_step(check) == "typing"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"notice_days": 400}, ReadinessInputError),
        ({"documents": {"passport": True}}, ReadinessInputError),
        ({"fields": {"shift_availability": ["weekends"]}}, ProfileInvalid),
    ],
)
def test_a_refused_profile_step_changes_nothing(alice, content, overrides, error):
    check = services.check_start(user=alice, now=timezone.now())

    with pytest.raises(error):
        save_profile(check, **overrides)

    alice.profile.refresh_from_db()
    assert alice.profile.education_level == "" and alice.profile.shift_availability == []
    assert not alice.profile.languages.exists()
    assert not KnockoutAnswers.objects.exists()
    check.refresh_from_db()
    assert check.profile_done_at is None


def test_a_step_hands_out_the_same_attempt_until_it_is_submitted(alice, content, bank, long_ago):
    check = services.check_start(user=alice, now=long_ago)
    save_profile(check)

    first = services.check_step_start(check=check, step="typing", rng=random.Random(1),
                                      now=long_ago)  # fmt: skip
    again = services.check_step_start(check=check, step="typing", rng=random.Random(2),
                                      now=timezone.now())  # fmt: skip

    assert isinstance(first, TypingAttempt) and again.pk == first.pk
    assert first.mode == "timed" and first.duration_s == 60
    check.refresh_from_db()
    assert services.step_state(check)["typing"] == "started"
    skills_services.typing_attempt_submit(
        attempt=first, events=keystrokes(first.text[:120], gap=0.2), now=timezone.now()
    )
    check.refresh_from_db()
    assert services.step_state(check)["typing"] == "done"
    assert services.next_step(check) == "english"

    retry = services.check_step_start(check=check, step="typing", rng=random.Random(3),
                                      now=timezone.now())  # fmt: skip

    assert retry.pk != first.pk and not retry.is_scored
    check.refresh_from_db()
    assert check.typing_id == retry.pk


def take_quiz_step(check, step, now):
    attempt = services.check_step_start(check=check, step=step, rng=random.Random(4), now=now)
    assert isinstance(attempt, QuizAttempt) and attempt.is_mini
    return skills_services.quiz_submit(
        attempt=attempt, answers=best_answers(attempt), now=timezone.now()
    )


def test_the_check_finishes_once_every_step_is_done(alice, content, bank, long_ago):
    check = services.check_start(user=alice, now=long_ago)
    save_profile(check)
    typing = services.check_step_start(check=check, step="typing", rng=random.Random(1),
                                       now=long_ago)  # fmt: skip
    skills_services.typing_attempt_submit(
        attempt=typing, events=keystrokes(typing.text[:150], gap=0.2), now=timezone.now()
    )
    sizes = {}
    for step in ("english", "judgment"):
        sizes[step] = len(take_quiz_step(check, step, long_ago).items)
        check.refresh_from_db()
        assert services.check_finish_if_done(check=check, now=timezone.now()).completed_at is None

    sizes["computer"] = len(take_quiz_step(check, "computer", long_ago).items)
    check.refresh_from_db()
    done_at = timezone.now()
    finished = services.check_finish_if_done(check=check, now=done_at)

    assert sizes == {"english": 10, "judgment": 5, "computer": 5}
    assert finished.completed_at == done_at
    assert services.next_step(finished) is None
    assert services.check_finish_if_done(check=finished, now=timezone.now()).completed_at == done_at
    assert selectors.active_check(alice) is None
    report = selectors.report(alice)
    voice = report.track("international-voice")
    # Everything but the mock call (15 of 100), which the simulator measures, not the check.
    assert voice is not None and voice.index.confidence == 0.85


# --- The plan -------------------------------------------------------------------------------


def refresh(user, today=TODAY):
    return services.plan_refresh(user=user, report=selectors.report(user), today=today)


def weak_typist(user):
    typing_result(user, wpm=18, accuracy=85)


def test_no_plan_without_content(alice):
    assert refresh(alice) == []
    assert not PlanItem.objects.exists()


def test_the_plan_is_stored_week_by_week_from_the_gaps(alice, content):
    weak_typist(alice)

    items = refresh(alice)

    assert items and all(i.user_id == alice.pk for i in items)
    weeks = sorted({i.week_start for i in items})
    assert weeks[0] == MONDAY and len(weeks) == 8
    assert {i.kind for i in items} >= {"knockout", "drill", "interview", "apply"}
    track = services.plan_track(alice, selectors.report(alice))
    assert {i.track for i in items} == {track}
    drills = [i for i in items if i.kind == "drill"]
    assert all(i.title.startswith("Practise: ") for i in drills)
    knockouts = [i for i in items if i.kind == "knockout"]
    assert all(i.week_start == MONDAY and i.key.startswith("knockout:") for i in knockouts)
    assert [i.week_start for i in items] == sorted(i.week_start for i in items)


def test_drawing_the_plan_again_changes_nothing(alice, content):
    weak_typist(alice)
    first = {(i.pk, i.key, i.week_start, i.title, i.status) for i in refresh(alice)}

    assert {(i.pk, i.key, i.week_start, i.title, i.status) for i in refresh(alice)} == first


def typing_drills(user):
    return PlanItem.objects.filter(user=user, kind="drill", ref="typing.wpm")


def test_a_refresh_keeps_done_dropped_and_postponed_steps(alice, content):
    weak_typist(alice)
    refresh(alice)
    done, dropped, postponed = typing_drills(alice).order_by("week_start")[:3]
    services.plan_item_act(item=done, action="done", today=TODAY)
    services.plan_item_act(item=dropped, action="drop", today=TODAY)
    moved = services.plan_item_act(item=postponed, action="postpone", today=TODAY)

    typing_result(alice, wpm=60, accuracy=99.5)  # the typing gap closes
    refresh(alice)

    kept = {i.pk: i for i in PlanItem.objects.filter(user=alice)}
    assert kept[done.pk].status == "done" and kept[done.pk].week_start == done.week_start
    assert kept[dropped.pk].status == "dropped"
    assert kept[postponed.pk].week_start == moved.week_start
    assert kept[postponed.pk].postponed_from == postponed.week_start


def test_open_future_drills_go_when_their_gap_closes(alice, content):
    weak_typist(alice)
    refresh(alice)
    past = PlanItem.objects.create(
        user=alice, key="drill:typing.wpm:2026-02-23", week_start=MONDAY - datetime.timedelta(7),
        kind="drill", title="Practise: Typing speed", ref="typing.wpm",
    )  # fmt: skip
    assert typing_drills(alice).filter(week_start__gte=MONDAY).count() >= 2
    ticked = typing_drills(alice).filter(week_start__gte=MONDAY).first()
    assert ticked is not None
    services.plan_item_act(item=ticked, action="done", today=TODAY)

    typing_result(alice, wpm=60, accuracy=99.5)
    items = refresh(alice)

    left = set(typing_drills(alice).values_list("pk", flat=True))
    assert left == {past.pk, ticked.pk}
    assert past.pk in {i.pk for i in items}


def test_the_plan_follows_the_active_goal_and_ends_at_its_date(alice, content):
    certification = CertificationFactory(slug="data-basics", name="Data Basics")
    role = RoleFactory(slug="data-entry-operator", title="Data Entry Operator",
                       level=Role.Level.ENTRY, certifications=[certification])  # fmt: skip
    role.tracks.set([content_track("back-office")])
    Goal.objects.create(
        user=alice, target_role=role, target_date=TODAY + datetime.timedelta(weeks=3),
        aspiration="growth", path_role_slugs=["data-entry-operator"],
    )  # fmt: skip
    weak_typist(alice)

    items = refresh(alice)

    assert services.plan_track(alice, selectors.report(alice)) == "back-office"
    assert {i.track for i in items} == {"back-office"}
    assert max(i.week_start for i in items) == MONDAY + datetime.timedelta(weeks=3)
    certs = [i for i in items if i.kind == "certification"]
    assert [(c.key, c.ref, c.title) for c in certs] == [
        ("cert:data-basics", "data-basics", "Work toward Data Basics")
    ]


def content_track(slug):
    from launchpad.careers.models import Track

    return Track.objects.get(slug=slug)


def test_without_results_the_plan_follows_the_profiles_work_type(alice, content):
    alice.profile.work_types = ["chat-email"]
    alice.profile.save()

    items = refresh(alice)

    assert items and {i.track for i in items} == {"chat-email"}


# --- Acting on a step -----------------------------------------------------------------------


@pytest.fixture
def item(alice, content):
    weak_typist(alice)
    refresh(alice)
    return PlanItem.objects.filter(user=alice, kind="drill", week_start=MONDAY).first()


def test_a_step_can_be_done_undone_and_dropped(item):
    assert services.plan_item_act(item=item, action="done", today=TODAY).status == "done"
    assert services.plan_item_act(item=item, action="undo", today=TODAY).status == "open"
    assert services.plan_item_act(item=item, action="drop", today=TODAY).status == "dropped"
    item.refresh_from_db()
    assert item.status == "dropped"


def test_postponing_moves_a_step_to_the_next_week_and_remembers_where_it_was(item):
    moved = services.plan_item_act(item=item, action="postpone", today=TODAY)

    assert moved.week_start == MONDAY + datetime.timedelta(weeks=1)
    assert moved.postponed_from == MONDAY
    again = services.plan_item_act(item=moved, action="postpone", today=TODAY)
    assert again.week_start == MONDAY + datetime.timedelta(weeks=2)
    assert again.postponed_from == MONDAY


def test_a_step_from_a_past_week_is_postponed_to_next_week(item):
    later = TODAY + datetime.timedelta(weeks=3)

    moved = services.plan_item_act(item=item, action="postpone", today=later)

    assert moved.week_start == week_start(later) + datetime.timedelta(weeks=1)


def test_a_step_that_is_done_cannot_be_postponed(item):
    services.plan_item_act(item=item, action="done", today=TODAY)

    with pytest.raises(ReadinessInputError, match="Only a step still to do"):
        services.plan_item_act(item=item, action="postpone", today=TODAY)

    item.refresh_from_db()
    assert item.status == "done" and item.week_start == MONDAY and item.postponed_from is None


def test_an_unknown_action_is_refused(item):
    with pytest.raises(ReadinessInputError):
        services.plan_item_act(item=item, action="delete", today=TODAY)
    item.refresh_from_db()
    assert item.status == "open"


def test_an_english_result_replaces_the_self_rating(alice, content):
    services.check_profile_save(
        check=services.check_start(user=alice, now=timezone.now()), fields={},
        languages=[LanguageEntry("English", "native")], documents={}, notice_days=None,
        on_site=None, adult=None, now=timezone.now(),
    )  # fmt: skip
    voice = selectors.report(alice).track("international-voice")
    assert voice is not None
    english = next(c for c in voice.index.components if c.spec.key == "english")
    assert english.status == "self_rated" and english.level == "native"

    quiz_result(alice, "english", percent=50)

    voice = selectors.report(alice).track("international-voice")
    assert voice is not None
    english = next(c for c in voice.index.components if c.spec.key == "english")
    assert english.status == "measured" and english.value == 50
