from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from launchpad.accounts import services
from launchpad.accounts.exceptions import ProfileInvalid
from launchpad.accounts.models import CandidateProfile, LanguageSkill
from launchpad.accounts.phone import normalise_phone
from launchpad.accounts.services import LanguageEntry

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("accounts:profile")


def profile_post(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "country": "IN",
        "city": "Nagpur",
        "phone": "+91 98765-43210",
        "education_level": "undergraduate",
        "degree": "B.Com",
        "field_of_study": "Accounting",
        "graduation_year": "2023",
        "score_type": "cgpa",
        "score_value": "7.8",
        "shift_availability": ["day", "night"],
        "work_types": ["international-voice", "chat-email"],
        "current_role": "",
        "years_experience": "0",
        "languages-TOTAL_FORMS": "3",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "English",
        "languages-0-level": "fluent",
        "languages-1-language": "Hindi",
        "languages-1-level": "native",
        "languages-2-language": "",
        "languages-2-level": "",
    }
    data.update(overrides)
    return data


def snapshot(user) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    profile = CandidateProfile.objects.get(user=user)
    fields = {name: getattr(profile, name) for name in services.PROFILE_FIELDS}
    fields["current_role"] = profile.current_role_id
    return fields, list(profile.languages.values_list("language", "level"))


def test_profile_update_saves_every_field_and_normalises_the_phone(alice_client, alice):
    response = alice_client.post(PROFILE_URL, profile_post())

    assert response.status_code == 302
    profile = CandidateProfile.objects.get(user=alice)
    assert profile.phone == "+919876543210"
    assert profile.city == "Nagpur"
    assert profile.education_level == "undergraduate"
    assert profile.graduation_year == 2023
    assert (profile.score_type, profile.score_value) == ("cgpa", Decimal("7.80"))
    assert profile.shift_availability == ["day", "night"]
    assert profile.work_types == ["international-voice", "chat-email"]
    assert list(profile.languages.values_list("language", "level")) == [
        ("English", "fluent"),
        ("Hindi", "native"),
    ]
    page = alice_client.get(PROFILE_URL).content.decode()
    assert "Your profile has been saved." in page


def test_profile_accepts_a_philippine_number_in_local_form(alice_client, alice):
    alice_client.post(PROFILE_URL, profile_post(country="PH", phone="0917-123-4567"))

    assert CandidateProfile.objects.get(user=alice).phone == "+639171234567"


def test_a_fresher_with_a_current_role_gets_no_error(alice_client, alice, role):
    response = alice_client.post(
        PROFILE_URL, profile_post(current_role=role.slug, years_experience="0")
    )

    assert response.status_code == 302
    profile = CandidateProfile.objects.get(user=alice)
    assert profile.current_role == role
    assert profile.years_experience == 0


def test_profile_languages_can_be_removed_and_replaced_in_one_save(alice_client, alice):
    alice_client.post(PROFILE_URL, profile_post())
    data = profile_post(
        **{
            "languages-INITIAL_FORMS": "2",
            "languages-0-DELETE": "on",
            "languages-2-language": "Marathi",
            "languages-2-level": "conversational",
        }
    )

    alice_client.post(PROFILE_URL, data)

    assert list(
        LanguageSkill.objects.filter(profile__user=alice).values_list("language", "level")
    ) == [("Hindi", "native"), ("Marathi", "conversational")]


def test_profile_page_shows_completeness_as_a_progress_bar(alice_client, alice):
    alice_client.post(PROFILE_URL, profile_post())
    expected = CandidateProfile.objects.get(user=alice).completeness

    html = alice_client.get(PROFILE_URL).content.decode()

    assert expected == 100
    assert 'role="progressbar"' in html
    assert f'aria-valuenow="{expected}"' in html
    assert "self-rated" in html
    assert 'autocomplete="tel"' in html
    assert '<datalist id="degree-suggestions">' in html
    assert "<legend>" in html


def test_profile_page_works_for_a_user_without_a_profile(client, bob):
    client.force_login(bob)

    response = client.get(PROFILE_URL)

    assert response.status_code == 200
    assert 'aria-valuenow="0"' in response.content.decode()


def test_graduation_year_upper_bound_follows_the_current_year(alice_client):
    latest = timezone.now().year + 6

    ok = alice_client.post(PROFILE_URL, profile_post(graduation_year=str(latest)))
    too_late = alice_client.post(PROFILE_URL, profile_post(graduation_year=str(latest + 1)))

    assert ok.status_code == 302
    assert too_late.status_code == 200
    assert f"Enter a year from 1960 to {latest}" in str(too_late.context["form"].errors)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"score_value": "11"}, "score_value", "A CGPA is between 0 and 10"),
        (
            {"score_type": "percentage", "score_value": "120"},
            "score_value",
            "A percentage is between 0 and 100",
        ),
        ({"score_type": "", "score_value": "75"}, "score_type", "choose whether it is a CGPA"),
        ({"score_type": "cgpa", "score_value": ""}, "score_value", "Enter your score"),
        ({"country": "IN", "phone": "+91 12345 67890"}, "phone", "India +91 and 10 digits"),
        ({"country": "IN", "phone": "98765 4321"}, "phone", "India +91 and 10 digits"),
        ({"country": "PH", "phone": "+63 817 123 4567"}, "phone", "Philippines +63"),
        ({"country": "PH", "phone": "0917 123 456"}, "phone", "Philippines +63"),
        ({"graduation_year": "1900"}, "graduation_year", "Enter a year from 1960"),
        ({"graduation_year": "next year"}, "graduation_year", "four digits"),
        ({"years_experience": "-1"}, "years_experience", "cannot be negative"),
        ({"years_experience": "51"}, "years_experience", "at most 50 years"),
        ({"years_experience": "1.3"}, "years_experience", "nearest half year"),
        ({"country": "Atlantis"}, "country", "Choose India, the Philippines or Other"),
        ({"work_types": ["astronaut"]}, "work_types", "Choose kinds of work from the list"),
        ({"current_role": "no-such-role"}, "current_role", "Choose your current role"),
    ],
)
def test_profile_rejects_bad_input_with_a_clear_message_and_changes_nothing(
    alice_client, alice, overrides, field, message
):
    alice_client.post(PROFILE_URL, profile_post())
    before = snapshot(alice)
    changed = profile_post(city="Changed City", **overrides)
    changed["languages-2-language"] = "Tamil"
    changed["languages-2-level"] = "basic"

    response = alice_client.post(PROFILE_URL, changed)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in str(error) for error in errors[field]), errors
    assert snapshot(alice) == before
    assert f'id="id_{field}_error"' in response.content.decode()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Hindi", "native"), ("hindi ", "fluent")], "You listed hindi twice"),
        ([("English", "")], "Choose how well you speak English"),
        ([("", "fluent")], "Enter the language"),
        ([(f"Language {n}", "basic") for n in range(9)], "List at most 8 languages"),
        ([("English", "superb")], "Choose a level from the list"),
    ],
)
def test_profile_rejects_bad_languages_and_changes_nothing(alice_client, alice, rows, message):
    alice_client.post(PROFILE_URL, profile_post())
    before = snapshot(alice)
    data = profile_post(city="Changed City")
    data["languages-TOTAL_FORMS"] = str(len(rows))
    for key in [k for k in data if k.startswith("languages-") and k[10].isdigit()]:
        del data[key]
    for index, (language, level) in enumerate(rows):
        data[f"languages-{index}-language"] = language
        data[f"languages-{index}-level"] = level

    response = alice_client.post(PROFILE_URL, data)

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert snapshot(alice) == before


def test_profile_form_without_the_languages_management_data_is_an_error_not_a_crash(
    alice_client, alice
):
    data = {k: v for k, v in profile_post().items() if not k.startswith("languages-")}

    response = alice_client.post(PROFILE_URL, data)

    assert response.status_code == 200
    assert "languages part of the form was incomplete" in response.content.decode()


def test_profile_update_service_is_atomic_when_languages_break_a_rule(alice):
    services.profile_update(user=alice, fields={"city": "Pune"}, languages=[])
    with pytest.raises(ProfileInvalid):
        services.profile_update(
            user=alice,
            fields={"city": "Mumbai"},
            languages=[LanguageEntry("Hindi", "native"), LanguageEntry("HINDI", "fluent")],
        )

    assert CandidateProfile.objects.get(user=alice).city == "Pune"


def test_profile_update_service_refuses_a_score_out_of_range_even_without_the_form(alice):
    with pytest.raises(ProfileInvalid) as info:
        services.profile_update(
            user=alice, fields={"score_type": "cgpa", "score_value": Decimal("11")}
        )

    assert info.value.errors
    assert CandidateProfile.objects.get(user=alice).score_value is None


def test_profile_update_service_creates_a_missing_profile(bob):
    profile = services.profile_update(user=bob, fields={"city": "Cebu"})

    assert profile.user == bob
    assert profile.city == "Cebu"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("+91 98765 43210", "", "+919876543210"),
        ("+91-6123-456-789", "IN", "+916123456789"),
        ("98765 43210", "IN", "+919876543210"),
        ("098765 43210", "IN", "+919876543210"),
        ("91 98765 43210", "IN", "+919876543210"),
        ("0091 98765 43210", "", "+919876543210"),
        ("+91 58765 43210", "IN", None),
        ("+91 98765 4321", "IN", None),
        ("+63 917 123 4567", "", "+639171234567"),
        ("+63 0917 123 4567", "PH", "+639171234567"),
        ("0917-123-4567", "PH", "+639171234567"),
        ("(0917) 123 4567", "PH", "+639171234567"),
        ("+63 2 8123 4567", "PH", None),
        ("917 123 4567", "PH", "+639171234567"),
        ("98765 43210", "", None),
        ("+44 7700 900123", "OTHER", "+447700900123"),
        ("+44 7700 900123", "IN", None),
        ("call me", "IN", None),
        ("", "IN", None),
    ],
)
def test_normalise_phone(raw, country, expected):
    assert normalise_phone(raw, country=country) == expected
