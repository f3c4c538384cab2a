"""The data-entry test: records handed out, keyed, timed by the server and scored."""

from __future__ import annotations

import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.skills import services
from launchpad.skills.exceptions import AttemptAlreadySubmittedError, InvalidLogError
from launchpad.skills.models import DataEntryAttempt, SkillThreshold


@pytest.fixture
def attempt(alice):
    return services.data_entry_start(
        user=alice, mode="records", rng=random.Random(5),
        now=timezone.now() - datetime.timedelta(seconds=60),
    )  # fmt: skip


def form_for(attempt, *, wrong=0):
    data = {}
    for index, record in enumerate(attempt.records, 1):
        for name, value in record.items():
            data[f"r{index}-{name}"] = value
    for name in list(attempt.records[0])[:wrong]:
        data[f"r1-{name}"] = "oops"
    return data


def test_start_hands_out_records_from_a_seed(attempt):
    assert (
        attempt.mode == "records" and len(attempt.records) == services.DATA_ENTRY_RECORDS["records"]
    )
    assert attempt.status == "started" and attempt.time_limit_s == 300


def test_a_bad_mode_is_refused(alice):
    with pytest.raises(InvalidLogError):
        services.data_entry_start(user=alice, mode="speed", rng=random.Random(), now=timezone.now())
    assert not DataEntryAttempt.objects.exists()


def test_submitting_scores_kph_over_the_servers_time_and_lists_errors(attempt):
    entered = [dict(record) for record in attempt.records]
    entered[0]["name"] = entered[0]["name"].lower()

    scored = services.data_entry_submit(attempt=attempt, entered=entered, now=timezone.now())

    assert scored.status == "scored"
    assert 59 <= scored.result["seconds"] <= 62
    assert scored.result["errors"][0]["field"] == "name"
    assert scored.field_accuracy == pytest.approx(
        100 * (len(attempt.records) * 7 - 1) / (len(attempt.records) * 7)
    )
    assert scored.kph == pytest.approx(
        scored.result["correct_keystrokes"] * 3600 / scored.result["seconds"], rel=0.01
    )


def test_a_late_answer_is_timed_at_the_limit(alice):
    late = services.data_entry_start(
        user=alice, mode="ten-key", rng=random.Random(1),
        now=timezone.now() - datetime.timedelta(minutes=30),
    )  # fmt: skip
    scored = services.data_entry_submit(attempt=late, entered=late.records, now=timezone.now())
    assert scored.result["seconds"] == 300


def test_a_second_submission_is_refused(attempt):
    services.data_entry_submit(attempt=attempt, entered=attempt.records, now=timezone.now())
    with pytest.raises(AttemptAlreadySubmittedError):
        services.data_entry_submit(attempt=attempt, entered=[], now=timezone.now())
    attempt.refresh_from_db()
    assert attempt.field_accuracy == 100


def test_the_pages_start_show_and_score_an_attempt(alice_client, alice):
    response = alice_client.post(reverse("skills:data_entry_start"), {"mode": "records"})
    attempt = DataEntryAttempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert attempt.records[0]["customer_id"] in page and 'name="r1-name"' in page

    done = alice_client.post(attempt.get_absolute_url(), form_for(attempt, wrong=2))
    assert done.status_code == 302
    result = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="result-kph"' in result and "Fields to check" in result and "oops" in result


def test_the_result_compares_with_the_data_entry_cut_offs(alice_client, attempt, thresholds):
    track = thresholds[0].track
    SkillThreshold.objects.create(
        slug="de", test="data-entry", track=track, label="DEO minimum", min_kph=8000,
        min_accuracy=98, sources=[{"label": "Fact sheet", "url": None, "grade": "C"}],
    )  # fmt: skip
    services.data_entry_submit(attempt=attempt, entered=attempt.records, now=timezone.now())

    page = alice_client.get(attempt.get_absolute_url()).content.decode()

    assert "DEO minimum" in page and "8000 KPH" in page


def test_an_outsider_gets_404_and_cannot_submit(eve_client, attempt):
    assert eve_client.get(attempt.get_absolute_url()).status_code == 404
    assert eve_client.post(attempt.get_absolute_url(), form_for(attempt)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "started"


def test_a_second_form_post_keeps_the_first_score(alice_client, attempt):
    alice_client.post(attempt.get_absolute_url(), form_for(attempt))
    response = alice_client.post(
        attempt.get_absolute_url(), form_for(attempt, wrong=5), follow=True
    )
    assert "already submitted" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.field_accuracy == 100


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(reverse("skills:data_entry_start"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_export_carries_my_data_entry_attempts(alice, attempt):
    from launchpad.accounts.services import account_export

    services.data_entry_submit(attempt=attempt, entered=attempt.records, now=timezone.now())

    exported = account_export(user=alice)["data_entry_attempts"]

    assert exported[0]["records"] == attempt.records
    assert exported[0]["result"]["field_accuracy"] == 100


def test_a_drill_re_keys_only_the_records_with_a_wrong_field(alice_client, attempt):
    entered = [dict(record) for record in attempt.records]
    entered[2]["phone"] = "+91 00000 00000"
    services.data_entry_submit(attempt=attempt, entered=entered, now=timezone.now())

    response = alice_client.post(reverse("skills:data_entry_drill", args=[attempt.pk]))

    drill = DataEntryAttempt.objects.exclude(pk=attempt.pk).get()
    assert response["Location"] == drill.get_absolute_url()
    assert drill.records == [attempt.records[2]]


def test_a_perfect_attempt_has_nothing_to_drill(alice_client, attempt):
    services.data_entry_submit(attempt=attempt, entered=attempt.records, now=timezone.now())
    response = alice_client.post(reverse("skills:data_entry_drill", args=[attempt.pk]), follow=True)
    assert "nothing to drill" in response.content.decode()
    assert DataEntryAttempt.objects.count() == 1


def test_start_pages_chart_progress_once_there_are_two_results(alice_client, alice):
    for _ in range(2):
        done = services.data_entry_start(user=alice, mode="ten-key", rng=random.Random(),
                                         now=timezone.now())  # fmt: skip
        services.data_entry_submit(attempt=done, entered=done.records, now=timezone.now())
    page = alice_client.get(reverse("skills:data_entry_start")).content.decode()
    assert "<polyline" in page and "Progress over time" in page
