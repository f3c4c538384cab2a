"""Reads: the evidence the index uses, self-ratings, knockout answers and the report."""

from __future__ import annotations

import datetime
import random
import zoneinfo

import pytest
from django.utils import timezone

from launchpad.accounts.models import LanguageSkill
from launchpad.core.knockouts import Outcome
from launchpad.readiness import selectors, services
from launchpad.readiness.models import KnockoutAnswers
from launchpad.readiness.tests.factories import (
    best_answers,
    data_entry_result,
    quiz_result,
    reply_result,
    typing_result,
)
from launchpad.skills import services as skills_services
from launchpad.skills.models import TypingAttempt
from launchpad.skills.tests.conftest import keystrokes

KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")


def by_ref(attempts):
    return {a.ref: a for a in attempts}


# --- Evidence -------------------------------------------------------------------------------


def test_evidence_maps_every_kind_of_scored_attempt(alice):
    typing = typing_result(alice, wpm=41.5, accuracy=96.0)
    fixed_text = typing_result(alice, wpm=30, accuracy=99, mode="text", duration_s=None)
    entry = data_entry_result(alice, kph=8500, accuracy=97.5)
    english = quiz_result(alice, "english", percent=64)
    sjt = quiz_result(alice, "sjt", percent=80)
    computer = quiz_result(alice, "computer", percent=55)
    chat = reply_result(alice, "chat", total=72)
    email = reply_result(alice, "email", total=81)

    found = by_ref(selectors.evidence(alice))

    assert set(found) == {
        f"typing:{typing.pk}", f"typing:{fixed_text.pk}", f"data-entry:{entry.pk}",
        f"quiz:{english.pk}", f"quiz:{sjt.pk}", f"quiz:{computer.pk}", f"reply:{chat.pk}",
        f"reply:{email.pk}",
    }  # fmt: skip
    assert found[f"typing:{typing.pk}"].test == "typing"
    assert found[f"typing:{typing.pk}"].values == {"wpm": 41.5, "accuracy": 96.0}
    assert found[f"typing:{typing.pk}"].taken_at == typing.submitted_at
    assert found[f"data-entry:{entry.pk}"].test == "data-entry"
    assert found[f"data-entry:{entry.pk}"].values == {"kph": 8500, "accuracy": 97.5}
    assert found[f"quiz:{english.pk}"].test == "english"
    assert found[f"quiz:{sjt.pk}"].test == "judgment"
    assert found[f"quiz:{computer.pk}"].test == "computer"
    assert found[f"quiz:{computer.pk}"].values == {"percent": 55}
    assert found[f"reply:{chat.pk}"].test == "reply-chat"
    assert found[f"reply:{email.pk}"].test == "reply-email"
    assert found[f"reply:{email.pk}"].values == {"score": 81}


def test_evidence_leaves_out_drills_short_tests_practice_runs_and_open_attempts(alice, bob):
    typing_result(alice, is_drill=True, mode="text", duration_s=None)
    typing_result(alice, duration_s=30)
    quiz_result(alice, "english", focus_skill="grammar")
    reply_result(alice, "voice")
    TypingAttempt.objects.create(user=alice, text="x", mode="timed", duration_s=60,
                                 started_at=timezone.now())  # fmt: skip
    typing_result(bob)
    kept = typing_result(alice, duration_s=120)

    assert [a.ref for a in selectors.evidence(alice)] == [f"typing:{kept.pk}"]


def test_evidence_until_leaves_out_later_results(alice):
    now = timezone.now()
    early = quiz_result(alice, "english", at=now - datetime.timedelta(days=3))
    quiz_result(alice, "english", at=now - datetime.timedelta(hours=1))

    found = selectors.evidence(alice, until=now - datetime.timedelta(days=1))

    assert [a.ref for a in found] == [f"quiz:{early.pk}"]


def test_evidence_uses_the_figures_the_skills_services_scored(alice, bank, long_ago):
    typing = skills_services.typing_attempt_start(
        user=alice, mode="timed", duration_s=60, rng=random.Random(1), now=long_ago
    )
    skills_services.typing_attempt_submit(
        attempt=typing, events=keystrokes(typing.text[:200], gap=0.15), now=timezone.now()
    )
    quiz = skills_services.quiz_start(
        user=alice, test="computer", mini=True, rng=random.Random(2), now=long_ago
    )
    skills_services.quiz_submit(attempt=quiz, answers=best_answers(quiz), now=timezone.now())
    typing.refresh_from_db()
    quiz.refresh_from_db()

    found = by_ref(selectors.evidence(alice))

    assert found[f"typing:{typing.pk}"].values == {"wpm": typing.wpm, "accuracy": typing.accuracy}
    assert typing.wpm is not None and typing.wpm > 0
    assert found[f"quiz:{quiz.pk}"].values == {"percent": 100.0}
    assert quiz.is_mini and len(quiz.items) == 5


# --- Self-ratings and answers -------------------------------------------------------------


def add_languages(user, *pairs):
    for language, level in pairs:
        LanguageSkill.objects.create(profile=user.profile, language=language, level=level)


def test_self_ratings_take_english_and_the_best_other_language(alice):
    add_languages(
        alice, ("English ", "fluent"), ("Hindi", "conversational"), ("Marathi", "native"),
        ("Tamil", "basic"),
    )  # fmt: skip

    ratings = selectors.self_ratings(alice)

    assert ratings.english == "fluent"
    assert ratings.other_language == "native"


def test_self_ratings_are_empty_without_languages(alice, bob):
    assert selectors.self_ratings(alice) == selectors.SelfRatings()
    assert selectors.self_ratings(bob) == selectors.SelfRatings()


def test_answers_combine_the_profile_and_the_readiness_questions(alice):
    profile = alice.profile
    profile.education_level = "undergraduate"
    profile.shift_availability = ["night", "day"]
    profile.save()
    KnockoutAnswers.objects.create(
        user=alice, documents={"aadhaar": True, "pan": False}, notice_days=15, on_site=True,
        adult=True,
    )  # fmt: skip

    given = selectors.answers(alice)

    assert given.country == "IN"
    assert given.shifts == frozenset({"night", "day"})
    assert given.education == "undergraduate"
    assert given.documents == {"aadhaar": True, "pan": False}
    assert (given.notice_days, given.on_site, given.adult) == (15, True, True)


def test_unanswered_questions_stay_unknown(alice, bob):
    given = selectors.answers(alice)
    assert given.shifts is None and given.education is None and given.documents is None
    assert given.notice_days is None and given.on_site is None and given.adult is None

    nobody = selectors.answers(bob)  # no profile at all
    assert nobody == selectors.Answers()


# --- The report -----------------------------------------------------------------------------


def test_a_report_with_no_content_loaded_is_empty(alice):
    typing_result(alice)

    report = selectors.report(alice)

    assert report.version is None and report.spec is None
    assert report.tracks == () and report.best_fit == () and not report.measured_any
    assert report.to_dict()["index_version"] is None and report.to_dict()["tracks"] == []
    assert selectors.history(report, tz=KOLKATA) == ([], [])


def test_a_report_with_no_results_has_every_track_but_no_index(alice, content):
    report = selectors.report(alice)

    assert len(report.tracks) == 6 and not report.measured_any
    assert all(t.index.index is None for t in report.tracks)
    assert report.best_fit == ()
    assert {k.outcome for t in report.tracks for k in t.knockouts} == {Outcome.UNKNOWN}


def kpo_first_results(user):
    """Results that measure all of KPO, so it ranks first (the others miss a part)."""
    quiz_result(user, "english", percent=95)
    quiz_result(user, "computer", percent=95)
    reply_result(user, "email", total=95)
    typing_result(user, wpm=60, accuracy=99.5)


def rank_key(row):
    index = row.index.index
    return (-(index if index is not None else -1.0), -row.index.low, row.track.slug)


def test_the_report_orders_the_best_fit_first(alice, content):
    kpo_first_results(alice)

    report = selectors.report(alice)

    slugs = [t.track.slug for t in report.tracks]
    assert slugs[0] == "kpo"
    assert list(report.tracks) == sorted(report.tracks, key=rank_key)
    assert [t.track.slug for t in report.best_fit] == slugs[:3]
    assert report.measured_any and report.version is not None
    assert report.track("kpo") is report.tracks[0] and report.track("nope") is None


def test_a_track_with_a_failed_knockout_is_not_a_best_fit(alice, content):
    kpo_first_results(alice)
    alice.profile.education_level = "higher_secondary"  # the KPO track asks for a degree
    alice.profile.save()

    report = selectors.report(alice)

    kpo = report.track("kpo")
    assert kpo is not None and kpo is report.tracks[0]
    assert [k.knockout.key for k in kpo.knockout_failures] == ["degree-for-kpo"]
    assert kpo not in report.best_fit
    assert [t.track.slug for t in report.best_fit] == [t.track.slug for t in report.tracks[1:4]]
    assert all(not t.knockout_failures for t in report.best_fit)


def test_country_specific_knockouts_follow_the_candidates_country(alice, content):
    KnockoutAnswers.objects.create(user=alice, documents={"aadhaar": True, "pan": False})

    voice = selectors.report(alice).track("international-voice")

    assert voice is not None
    outcomes = {k.knockout.key: k.outcome for k in voice.knockouts}
    assert outcomes["india-aadhaar"] is Outcome.PASS
    assert outcomes["india-pan"] is Outcome.FAIL
    assert "philippines-government-numbers" not in outcomes
    assert [k.knockout.key for k in voice.knockout_unknowns][:1] == ["night-or-rotational-shifts"]


def test_results_older_than_six_months_do_not_count(alice, content):
    typing_result(alice, at=timezone.now() - datetime.timedelta(days=200))

    report = selectors.report(alice)

    assert report.measured_any
    assert all(t.index.index is None for t in report.tracks)


def test_the_report_as_a_dict_names_its_version_and_evidence(alice, content):
    english = quiz_result(alice, "english", percent=60)

    data = selectors.report(alice).to_dict()

    assert data["index_version"] == content.published and data["index_label"]
    voice = next(t for t in data["tracks"] if t["track"] == "international-voice")
    assert voice["track_name"] == "International voice"
    part = next(c for c in voice["components"] if c["key"] == "english")
    assert part["evidence"] == f"quiz:{english.pk}" and part["value"] == 60.0
    assert part["score"] == 80.0 and part["meets"] is True
    assert {k["key"] for k in voice["knockouts"]} >= {"age-18", "work-from-office"}


def test_history_has_a_point_for_each_day_with_results(alice, content):
    now = timezone.now()
    typing_result(alice, wpm=20, accuracy=90, at=now - datetime.timedelta(days=3))
    typing_result(alice, wpm=40, accuracy=98, at=now - datetime.timedelta(days=1))
    # Older than the 30 days shown, but still counted in the days that are shown.
    typing_result(alice, wpm=10, accuracy=80, at=now - datetime.timedelta(days=90))

    slugs, points = selectors.history(selectors.report(alice, now=now), tz=KOLKATA)

    assert slugs[0] == "international-voice" and len(slugs) == 6
    assert len(points) == 2
    first, second = points
    assert first.day < second.day
    assert first.values["chat-email"] < second.values["chat-email"]


def test_practice_days_and_latest_results(alice, bob):
    now = timezone.now()
    typing_result(alice, is_drill=True, mode="text", duration_s=None,
                  at=now - datetime.timedelta(days=2))  # fmt: skip
    for hours in range(1, 7):
        quiz_result(alice, "english", at=now - datetime.timedelta(hours=hours))
    typing_result(bob, at=now)

    days = selectors.practice_days(alice, tz=KOLKATA)
    latest = selectors.latest_results(alice)

    assert (now - datetime.timedelta(days=2)).astimezone(KOLKATA).date() in days
    assert days == sorted(days)
    assert len(latest) == 5
    assert [row["at"] for row in latest] == sorted((row["at"] for row in latest), reverse=True)
    assert all(row["attempt"].user_id == alice.pk for row in latest)


def test_active_check_is_the_unfinished_one(alice):
    now = timezone.now()
    assert selectors.active_check(alice) is None
    check = services.check_start(user=alice, now=now)
    assert selectors.active_check(alice) == check
    check.completed_at = now
    check.save()
    assert selectors.active_check(alice) is None


@pytest.mark.parametrize(
    ("country", "expected"),
    [("IN", {"IN"}), ("PH", {"PH"}), ("OTHER", set()), (None, {"IN", "PH"})],
)
def test_the_documents_asked_about_follow_the_country(content, country, expected):
    rules = selectors.knockout_rules()
    assert {d.country for d in selectors.documents_for(rules, country)} == expected
