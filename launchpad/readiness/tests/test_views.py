"""The pages: the guest's guided check from the first visit to sign-up, the report, its PDF
and the plan, with who may see what."""

from __future__ import annotations

import datetime
import json
import random

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts.models import CandidateProfile, User
from launchpad.goals.tests.conftest import local_today
from launchpad.readiness import selectors, services
from launchpad.readiness.models import KnockoutAnswers, PlanItem, ReadinessCheck
from launchpad.readiness.tests.factories import best_answers, typing_result
from launchpad.skills.models import QuizAttempt, TypingAttempt
from launchpad.skills.tests.conftest import keystrokes

START = reverse("readiness:start")
BEGIN = reverse("readiness:begin")
CHECK = reverse("readiness:check")
PROFILE = reverse("readiness:profile")
REPORT = reverse("readiness:report")
PDF = reverse("readiness:report_pdf")
PLAN = reverse("readiness:plan")
SIGNUP = reverse("accounts:signup")
HTMX = {"HX-Request": "true"}


def profile_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "country": "IN", "city": "Pune", "education_level": "undergraduate",
        "shift_availability": ["night", "rotational"], "work_types": ["international-voice"],
        "english_level": "fluent", "other_language": "Hindi",
        "other_language_level": "native", "adult": "yes", "on_site": "yes", "notice_days": "0",
        "doc_aadhaar": "yes", "doc_pan": "yes",
    }  # fmt: skip
    data.update(overrides)
    return data


def signup_data(**overrides: str) -> dict[str, str]:
    data = {
        "full_name": "Ravi Kumar", "email": "ravi@example.com", "password1": "Blue-river-42x",
        "password2": "Blue-river-42x", "role": "candidate", "time_zone": "Asia/Kolkata",
    }  # fmt: skip
    data.update(overrides)
    return data


def session_user(client) -> User:
    return User.objects.get(pk=client.session[SESSION_KEY])


def begin_as_guest(client) -> User:
    response = client.post(BEGIN)
    assert response.status_code == 302 and response["Location"] == CHECK
    return session_user(client)


def finish_typing(client, url: str) -> None:
    attempt = TypingAttempt.objects.get(pk=url.rstrip("/").rsplit("/", 1)[1])
    TypingAttempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    response = client.post(
        reverse("skills:typing_submit", args=[attempt.pk]),
        json.dumps({"events": keystrokes(attempt.text[:150], gap=0.2)}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content


def finish_quiz(client, url: str) -> None:
    attempt = QuizAttempt.objects.get(pk=url.rstrip("/").rsplit("/", 1)[1])
    answers = {f"q-{slug}": str(index) for slug, index in best_answers(attempt).items()}
    assert client.post(url, answers).status_code == 302


# --- The guided check, from the first visit to sign-up ------------------------------------


def test_a_first_visitor_takes_the_whole_check_then_signs_up_and_keeps_everything(
    client, content, bank
):
    start = client.get(START)
    assert start.status_code == 200
    assert "Start the readiness check" in start.content.decode()
    assert start.context["check"] is None

    guest = begin_as_guest(client)
    assert guest.is_guest and guest.email.endswith("@guest.invalid")
    assert not guest.has_usable_password()
    assert CandidateProfile.objects.filter(user=guest).exists()
    check = ReadinessCheck.objects.get(user=guest)
    page = client.get(CHECK)
    assert page.context["next"] == "profile" and page.context["done"] == 0
    assert PROFILE in page.content.decode()
    assert "Continue where you left off" in client.get(START).content.decode()
    client.post(BEGIN)  # starting again resumes the same check
    assert ReadinessCheck.objects.filter(user=guest).get() == check

    # The profile form lists India's documents once the country is known.
    form = client.get(PROFILE).context["form"]
    assert {key for _name, key in form.document_keys} >= {"aadhaar", "nbi-clearance"}
    saved = client.post(PROFILE, profile_data())
    assert saved.status_code == 302 and saved["Location"] == CHECK
    answers = KnockoutAnswers.objects.get(user=guest)
    assert answers.documents == {"aadhaar": True, "pan": True}
    assert (answers.notice_days, answers.on_site, answers.adult) == (0, True, True)
    assert selectors.self_ratings(guest) == selectors.SelfRatings("fluent", "native")
    assert client.get(CHECK).context["next"] == "typing"

    typing = client.post(reverse("readiness:step", args=["typing"]))
    assert typing.status_code == 302 and typing["Location"].startswith("/skills/typing/")
    open_test = client.get(typing["Location"])
    assert "Back to the readiness check" in open_test.content.decode()
    # Asking again hands out the same test while it is open.
    assert client.post(reverse("readiness:step", args=["typing"]))["Location"] == typing["Location"]
    finish_typing(client, typing["Location"])
    assert "Continue the readiness check" in client.get(typing["Location"]).content.decode()

    for step in ("english", "judgment", "computer"):
        assert client.get(CHECK).context["next"] == step
        quiz = client.post(reverse("readiness:step", args=[step]))
        assert quiz.status_code == 302 and quiz["Location"].startswith("/skills/attempts/")
        finish_quiz(client, quiz["Location"])

    finished = client.get(CHECK)
    assert finished.status_code == 302 and finished["Location"] == REPORT
    check.refresh_from_db()
    assert check.completed_at is not None

    report = client.get(REPORT)
    html = report.content.decode()
    assert report.status_code == 200
    assert "You finished the readiness check." in html
    for name in ("International voice", "Domestic voice", "Back office", "KPO"):
        assert name in html
    assert "Sign up to keep my results" in html
    assert report.context["report"].measured_any
    assert len(report.context["report"].best_fit) == 3

    pdf = client.get(PDF)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert 'filename="readiness-report-' in pdf["Content-Disposition"]

    plan = client.get(PLAN)
    assert plan.status_code == 200 and plan.context["weeks"]
    assert PlanItem.objects.filter(user=guest).exists()

    attempts = {
        "typing": set(TypingAttempt.objects.filter(user=guest).values_list("pk", flat=True)),
        "quiz": set(QuizAttempt.objects.filter(user=guest).values_list("pk", flat=True)),
    }
    assert len(attempts["typing"]) == 1 and len(attempts["quiz"]) == 3

    signed_up = client.post(SIGNUP, signup_data())

    assert signed_up.status_code == 302 and signed_up["Location"] == REPORT
    user = User.objects.get(email="ravi@example.com")
    assert user.pk == guest.pk and not user.is_guest and user.role == User.Role.CANDIDATE
    assert user.full_name == "Ravi Kumar" and user.check_password("Blue-river-42x")
    assert session_user(client) == user
    assert (
        set(TypingAttempt.objects.filter(user=user).values_list("pk", flat=True))
        == (attempts["typing"])
    )
    assert (
        set(QuizAttempt.objects.filter(user=user).values_list("pk", flat=True))
        == (attempts["quiz"])
    )
    assert ReadinessCheck.objects.get(user=user) == check
    assert KnockoutAnswers.objects.filter(user=user).exists()
    after = client.get(REPORT).content.decode()
    assert "Your account keeps every result of your readiness check." in after
    assert "Sign up to keep my results" not in after
    assert not User.objects.filter(is_guest=True).exists()


def test_an_invalid_notice_period_shows_the_error_and_saves_nothing(client, content):
    guest = begin_as_guest(client)

    response = client.post(PROFILE, profile_data(notice_days="400"))

    assert response.status_code == 200
    assert "Enter a notice period of at most 365 days." in response.content.decode()
    assert not KnockoutAnswers.objects.filter(user=guest).exists()
    profile = CandidateProfile.objects.get(user=guest)
    assert profile.country == "" and profile.education_level == ""
    assert not profile.languages.exists()
    assert ReadinessCheck.objects.get(user=guest).profile_done_at is None


def test_a_language_level_without_a_language_is_refused(client, content):
    guest = begin_as_guest(client)

    response = client.post(PROFILE, profile_data(other_language=""))

    assert response.status_code == 200
    assert "Name the language, or clear its level." in response.content.decode()
    assert not KnockoutAnswers.objects.filter(user=guest).exists()


def test_a_step_before_the_profile_sends_back_to_the_check(client, content, bank):
    begin_as_guest(client)

    response = client.post(reverse("readiness:step", args=["typing"]))

    assert response.status_code == 302 and response["Location"] == CHECK
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Start with the short profile."
    ]
    assert not TypingAttempt.objects.exists()


def test_a_step_without_skills_content_explains_and_sends_back(client, content):
    begin_as_guest(client)
    client.post(PROFILE, profile_data())

    response = client.post(reverse("readiness:step", args=["typing"]), follow=True)

    assert response.redirect_chain[-1][0] == CHECK
    assert "There are no passages" in response.content.decode()


def test_an_unknown_step_is_refused(client, content):
    begin_as_guest(client)
    client.post(PROFILE, profile_data())

    response = client.post(reverse("readiness:step", args=["singing"]))

    assert response.status_code == 302 and response["Location"] == CHECK


def test_editing_the_answers_outside_the_check_returns_to_the_report(alice_client, alice, content):
    philippines = profile_data(country="PH", doc_aadhaar="", doc_pan="")
    philippines["doc_nbi-clearance"] = "yes"

    response = alice_client.post(PROFILE, philippines)

    assert response.status_code == 302 and response["Location"] == REPORT
    assert KnockoutAnswers.objects.get(user=alice).documents == {"nbi-clearance": True}
    assert not ReadinessCheck.objects.filter(user=alice).exists()
    alice.profile.refresh_from_db()
    assert alice.profile.country == "PH"
    page = alice_client.get(PROFILE)
    assert page.context["form"].initial["doc_nbi-clearance"] == "yes"
    assert page.context["form"].initial["other_language"] == "Hindi"


def test_a_member_without_a_check_is_sent_to_the_report(alice_client, content):
    assert alice_client.get(CHECK)["Location"] == REPORT


def test_a_guest_without_a_check_is_sent_to_the_start(client, content):
    guest = begin_as_guest(client)
    ReadinessCheck.objects.filter(user=guest).delete()

    assert client.get(CHECK)["Location"] == START
    assert client.post(reverse("readiness:step", args=["typing"]))["Location"] == START


def test_a_member_beginning_the_check_keeps_their_account(alice_client, alice, content):
    response = alice_client.post(BEGIN)

    assert response["Location"] == CHECK
    assert ReadinessCheck.objects.get().user == alice
    assert not User.objects.filter(is_guest=True).exists()


# --- Sign-up of a guest ---------------------------------------------------------------------


def test_signing_up_with_a_taken_address_shows_the_error_and_keeps_the_guest(
    client, alice, content
):
    guest = begin_as_guest(client)
    typing = typing_result(guest)

    response = client.post(SIGNUP, signup_data(email="Alice@Example.com"))

    assert response.status_code == 200
    assert "An account with this e-mail already exists." in response.content.decode()
    guest.refresh_from_db()
    assert guest.is_guest and guest.email.endswith("@guest.invalid")
    assert session_user(client) == guest
    typing.refresh_from_db()
    assert typing.user_id == guest.pk


def test_signing_up_with_a_placeholder_address_is_refused(client, content):
    guest = begin_as_guest(client)

    response = client.post(SIGNUP, signup_data(email="someone@guest.invalid"))

    assert response.status_code == 200
    guest.refresh_from_db()
    assert guest.is_guest


def test_a_signed_up_member_is_not_shown_the_sign_up_form(alice_client):
    assert alice_client.get(SIGNUP)["Location"] == reverse("accounts:profile")


# --- Sign-in required -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", CHECK),
        ("get", PROFILE),
        ("get", REPORT),
        ("get", PDF),
        ("get", PLAN),
        ("post", reverse("readiness:step", args=["typing"])),
        ("post", reverse("readiness:plan_item", args=[1])),
    ],
)
def test_pages_need_a_signed_in_user(client, db, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not User.objects.exists()


def test_the_start_page_needs_no_account_and_creates_none(client, db):
    assert client.get(START).status_code == 200
    assert not User.objects.exists()


def test_begin_only_takes_a_post(client, db):
    assert client.get(BEGIN).status_code == 405
    assert not User.objects.exists()


# --- Report and plan pages ------------------------------------------------------------------


def test_the_report_page_without_content_says_so(alice_client):
    response = alice_client.get(REPORT)

    assert response.status_code == 200
    assert "The readiness content is not loaded yet." in response.content.decode()
    plan = alice_client.get(PLAN)
    assert "there is no plan to show" in plan.content.decode()


def test_the_report_shows_every_track_with_its_evidence(alice_client, alice, content):
    typing_result(alice, wpm=33, accuracy=96)

    response = alice_client.get(REPORT)

    html = response.content.decode()
    assert response.status_code == 200
    for row in response.context["report"].tracks:
        assert f'id="track-{row.track.slug}"' in html
    assert "33 WPM" in html
    assert "Sign up to keep my results" not in html
    assert response.context["links"]["typing.wpm"] == reverse("skills:typing_start")


def test_the_pdf_names_the_member(alice_client, alice, content):
    typing_result(alice)

    response = alice_client.get(PDF)

    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.fixture
def alice_plan(alice, content):
    typing_result(alice, wpm=18, accuracy=85)
    return services.plan_refresh(user=alice, report=selectors.report(alice), today=local_today())


def open_item(user) -> PlanItem:
    item = (
        PlanItem.objects.filter(user=user, status="open", kind="drill")
        .order_by("week_start", "id")
        .first()
    )
    assert item is not None
    return item


def test_the_plan_page_groups_the_steps_by_week(alice_client, alice_plan):
    response = alice_client.get(PLAN)

    weeks = response.context["weeks"]
    html = response.content.decode()
    assert weeks[0].is_current and not weeks[0].is_past
    assert "This week" in html
    assert sum(len(w.items) for w in weeks) == len(alice_plan)
    assert all(item.url for w in weeks for item in w.items)
    assert response.context["track"] is not None


def test_an_htmx_action_returns_the_changed_row(alice_client, alice_plan, alice):
    item = open_item(alice)
    url = reverse("readiness:plan_item", args=[item.pk])

    response = alice_client.post(url, {"action": "done"}, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li class="plan-item plan-done" id="plan-item-{item.pk}">')
    assert 'value="undo"' in html and "<html" not in html
    item.refresh_from_db()
    assert item.status == "done"

    undone = alice_client.post(url, {"action": "undo"}, headers=HTMX)
    assert 'value="done"' in undone.content.decode()


def test_an_htmx_postpone_reloads_the_plan(alice_client, alice_plan, alice):
    item = open_item(alice)

    response = alice_client.post(
        reverse("readiness:plan_item", args=[item.pk]), {"action": "postpone"}, headers=HTMX
    )

    assert response.status_code == 204 and response["HX-Redirect"] == PLAN
    moved = PlanItem.objects.get(pk=item.pk)
    assert moved.postponed_from == item.week_start


def test_without_htmx_an_action_redirects_to_the_plan(alice_client, alice_plan, alice):
    item = open_item(alice)

    response = alice_client.post(
        reverse("readiness:plan_item", args=[item.pk]), {"action": "postpone"}
    )

    assert response.status_code == 302 and response["Location"] == PLAN
    assert "Moved to the week of" in str(next(iter(get_messages(response.wsgi_request))))
    assert (
        alice_client.post(reverse("readiness:plan_item", args=[item.pk]), {"action": "drop"})[
            "Location"
        ]
        == PLAN
    )
    assert PlanItem.objects.get(pk=item.pk).status == "dropped"


def test_a_refused_action_says_why(alice_client, alice_plan, alice):
    item = open_item(alice)
    url = reverse("readiness:plan_item", args=[item.pk])
    alice_client.post(url, {"action": "done"})

    htmx = alice_client.post(url, {"action": "postpone"}, headers=HTMX)
    plain = alice_client.post(url, {"action": "explode"})

    assert htmx.status_code == 400 and "Only a step still to do" in htmx.content.decode()
    assert plain.status_code == 302 and plain["Location"] == PLAN
    item.refresh_from_db()
    assert item.status == "done" and item.postponed_from is None


def test_plan_item_actions_need_a_post(alice_client, alice_plan, alice):
    item = open_item(alice)
    assert alice_client.get(reverse("readiness:plan_item", args=[item.pk])).status_code == 405


# --- Nobody sees anyone else's readiness ----------------------------------------------------


@pytest.fixture
def alice_with_results(alice, alice_plan):
    KnockoutAnswers.objects.create(user=alice, documents={"aadhaar": True}, notice_days=45)
    services.check_start(user=alice, now=timezone.now())
    return alice


def test_an_outsider_cannot_act_on_someone_elses_plan_step(eve_client, alice_with_results):
    item = open_item(alice_with_results)
    url = reverse("readiness:plan_item", args=[item.pk])

    for headers in ({}, HTMX):
        assert eve_client.post(url, {"action": "done"}, headers=headers).status_code == 404
    item.refresh_from_db()
    assert item.status == "open"
    assert eve_client.post(reverse("readiness:plan_item", args=["99999"]),
                           {"action": "done"}).status_code == 404  # fmt: skip


@pytest.mark.parametrize("who", ["eve", "bob"])
def test_others_see_nothing_of_alices_readiness(request, client, alice_with_results, who):
    other = request.getfixturevalue(who)
    client.force_login(other)
    alice_items = set(PlanItem.objects.filter(user=alice_with_results).values_list("pk", flat=True))
    alice_typing = TypingAttempt.objects.get(user=alice_with_results)

    report = client.get(REPORT)
    plan = client.get(PLAN)
    api = client.get("/api/readiness").json()
    api_plan = client.get("/api/readiness/plan").json()

    assert not report.context["report"].measured_any
    assert report.context["check"] is None
    assert "18 WPM" not in report.content.decode()
    shown = {item.pk for week in plan.context["weeks"] for item in week.items}
    assert not shown & alice_items
    assert all(c["evidence"] is None for t in api["tracks"] for c in t["components"])
    assert f"typing:{alice_typing.pk}" not in json.dumps(api)
    assert not {row["id"] for row in api_plan} & alice_items
    voice = next(t for t in api["tracks"] if t["track"] == "international-voice")
    notice = next(k for k in voice["knockouts"] if k["key"] == "short-notice-period")
    assert notice["outcome"] == "unknown"
    assert client.get(CHECK)["Location"] == REPORT
    assert client.get(PROFILE).context["form"].initial.get("notice_days") is None


def test_a_guest_is_a_different_user_from_everyone(client, alice_with_results):
    guest = begin_as_guest(client)

    assert guest.pk != alice_with_results.pk
    assert not client.get(REPORT).context["report"].measured_any


def test_the_skills_attempt_page_links_back_only_to_the_owners_check(
    alice_client, alice, content, bank
):
    check = services.check_start(user=alice, now=timezone.now())
    services.check_profile_save(
        check=check, fields={}, languages=[], documents={}, notice_days=None, on_site=None,
        adult=None, now=timezone.now(),
    )  # fmt: skip
    attempt = services.check_step_start(check=check, step="english", rng=random.Random(1),
                                        now=timezone.now())  # fmt: skip

    page = alice_client.get(attempt.get_absolute_url())
    assert "Back to the readiness check" in page.content.decode()
    plain = QuizAttempt.objects.create(
        user=alice, test="english", form=[], items=[], time_limit_s=60, started_at=timezone.now()
    )
    assert "readiness check" not in alice_client.get(plain.get_absolute_url()).content.decode()


# --- The dashboard panel --------------------------------------------------------------------


def test_the_dashboard_invites_a_newcomer_to_take_the_check(alice_client, content):
    html = alice_client.get(reverse("goals:dashboard")).content.decode()

    assert "How ready you are" in html
    assert f'action="{BEGIN}"' in html and "Take the readiness check" in html
    assert "Practice streak" in html


def test_the_dashboard_shows_readiness_over_time_and_this_weeks_steps(alice_client, alice, content):
    now = timezone.now()
    typing_result(alice, wpm=20, accuracy=90, at=now - datetime.timedelta(days=2))
    typing_result(alice, wpm=30, accuracy=96, at=now - datetime.timedelta(days=1))

    response = alice_client.get(reverse("goals:dashboard"))

    html = response.content.decode()
    panel = response.context["panel"]
    assert panel["trends"][0].chart is not None and panel["trends"][0].latest is not None
    assert [t.latest for t in panel["trends"]] == sorted(
        (t.latest for t in panel["trends"]), key=lambda v: -(v if v is not None else -1)
    )
    assert "Full readiness report" in html and "Readiness over time" in html
    assert panel["this_week"] and all(i.user_id == alice.pk for i in panel["this_week"])
    assert f'id="plan-item-{panel["this_week"][0].pk}"' in html
    assert "Typing: 30 WPM at 96%" in html


@pytest.mark.django_db
def test_a_mini_test_page_says_which_step_of_the_check_it_is(client):
    """Typing and quiz attempts share numbers (separate tables): the step is still right."""
    from launchpad.readiness.models import ReadinessCheck
    from launchpad.skills.models import QuizAttempt, TypingAttempt

    client.post(reverse("readiness:begin"))
    check = ReadinessCheck.objects.get()
    now = timezone.now()
    typing = TypingAttempt.objects.create(
        user=check.user, text="a b", mode="timed", duration_s=60, started_at=now
    )
    # The same id in both tables (PostgreSQL does not restart sequences between tests).
    quiz = QuizAttempt.objects.create(
        pk=typing.pk, user=check.user, test="sjt", form=[], items=[], time_limit_s=60,
        started_at=now, is_mini=True,
    )  # fmt: skip
    check.typing, check.judgment = typing, quiz
    check.save()
    assert typing.pk == quiz.pk  # the case that would confuse a lookup by id alone
    assert "step 2 of 5" in client.get(typing.get_absolute_url()).content.decode()
    assert "step 4 of 5" in client.get(quiz.get_absolute_url()).content.decode()
