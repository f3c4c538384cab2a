"""Forms for signing up, signing in, the account settings, the profile and API tokens.

Every message is written for the person filling the form in: what is wrong and what to type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

from launchpad.accounts.models import CandidateProfile, LanguageSkill, User
from launchpad.accounts.phone import normalise_phone
from launchpad.accounts.services import MAX_LANGUAGES, TOKEN_MAX_EXPIRY_DAYS, LanguageEntry
from launchpad.accounts.validators import validate_time_zone
from launchpad.accounts.zones import time_zone_choices
from launchpad.careers.models import Role

EMAIL_TAKEN_MESSAGE = _(
    "An account with this e-mail already exists. Log in instead, or reset your password if "
    "you have forgotten it."
)
GRADUATION_YEAR_MIN = 1960
GRADUATION_YEAR_AHEAD = 6
DEGREE_SUGGESTIONS = (
    "B.Com", "BBA", "B.Sc", "BA", "BCA", "B.Tech", "B.E.", "BMS", "BS", "AB", "BSBA", "BSIT",
    "BSCS", "BS Accountancy", "BS Nursing", "M.Com", "MBA", "MCA", "M.Sc", "MA",
)  # fmt: skip
LANGUAGE_SUGGESTIONS = (
    "English", "Hindi", "Filipino", "Tagalog", "Cebuano", "Ilocano", "Bengali", "Marathi",
    "Telugu", "Tamil", "Gujarati", "Urdu", "Kannada", "Malayalam", "Odia", "Punjabi",
    "Assamese", "Spanish", "French", "German", "Japanese", "Mandarin", "Arabic",
)  # fmt: skip
PHONE_MESSAGE = _(
    "Enter a mobile number with its country code: India +91 and 10 digits starting with 6, 7, "
    "8 or 9 (for example +91 98765 43210); Philippines +63 and 10 digits starting with 9 (for "
    "example +63 917 123 4567). Spaces and dashes are fine."
)


def _refuse_reserved_domain(email: str) -> None:
    """Addresses under `.invalid` can never receive mail; guest accounts use that domain."""
    if email.rsplit("@", 1)[-1].endswith(".invalid"):
        raise ValidationError(
            _("Enter an e-mail address you can read: we send password reset links to it."),
            code="reserved_domain",
        )


def _email_is_taken(email: str, *, exclude_pk: int | None = None) -> bool:
    queryset = User.objects.filter(email__iexact=email)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.exists()


class BoundedDecimalField(forms.DecimalField):
    """A DecimalField that treats absurd magnitudes ("1e400") as invalid input.

    Django's step validator raises ValueError (a server error) on such values instead of a
    ValidationError, so they are refused before the validators run.
    """

    LIMIT = Decimal(10) ** 6

    def to_python(self, value: Any) -> Any:
        number = super().to_python(value)
        if number is not None and (not number.is_finite() or abs(number) >= self.LIMIT):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class TimeZoneField(forms.ChoiceField):
    """A select of every time zone, with India's and the Philippines' first."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("help_text", _("Dates and times are shown to you in this zone."))
        super().__init__(choices=time_zone_choices, validators=[validate_time_zone], **kwargs)
        self.error_messages["invalid_choice"] = _(
            "Choose a time zone from the list, for example Asia/Kolkata or Asia/Manila."
        )
        self.error_messages["required"] = _("Choose your time zone.")


def full_name_field() -> forms.CharField:
    """The full-name field, worded the same on every form that asks for it."""
    return forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your full name.")},
    )


def email_field(help_text: str | _StrPromise = "") -> forms.EmailField:
    """The e-mail field, worded the same on every form that asks for it."""
    return forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=help_text,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.com."),
        },
    )


# Sign-up and sign-in ---------------------------------------------------------------------------


class SignupForm(forms.Form):
    full_name = full_name_field()
    email = email_field(
        help_text=_("You log in with this address; password reset links are sent to it.")
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 8 characters. Not a common password, not only numbers, and not too like "
            "your name or e-mail address."
        ),
        error_messages={"required": _("Choose a password.")},
    )
    password2 = forms.CharField(
        label=_("Confirm password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure there is no typo."),
        error_messages={"required": _("Type your password again.")},
    )
    role = forms.ChoiceField(
        label=_("I am a"),
        choices=[
            (User.Role.CANDIDATE, _("Candidate: I want a job in a BPO or KPO, or to grow in one")),
            (User.Role.TRAINER, _("Trainer or placement officer: I help candidates get there")),
        ],
        initial=User.Role.CANDIDATE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose candidate or trainer.")},
    )
    time_zone = TimeZoneField(initial="Asia/Kolkata")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        _refuse_reserved_domain(email)
        if _email_is_taken(email):
            raise ValidationError(EMAIL_TAKEN_MESSAGE, code="email_taken")
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match. Type them again."))
        if password1:
            candidate = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, user=candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form with the e-mail address as the username (any letter case)."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.com."),
        },
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That e-mail address and password do not match an account. Check both and try "
            "again; the password is case-sensitive."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].error_messages["required"] = _("Enter your password.")

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class TaskPasswordResetForm(PasswordResetForm):
    """Password reset that hands the e-mail to a background task instead of sending inline.

    Like Django's form it says nothing about whether the address has an account.
    """

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from django.template import loader

        from launchpad.accounts.tasks import send_email_task

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        send_email_task.enqueue(subject=subject, body=body, to=[to_email], html_body=html_body)


# Account settings ------------------------------------------------------------------------------


class AccountSettingsForm(forms.Form):
    full_name = full_name_field()
    email = email_field()
    time_zone = TimeZoneField()
    current_password = forms.CharField(
        label=_("Current password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Needed only when you change your e-mail address."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"full_name": user.full_name, "email": user.email, "time_zone": user.time_zone},
        )
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        _refuse_reserved_domain(email)
        if _email_is_taken(email, exclude_pk=self.user.pk):
            raise ValidationError(EMAIL_TAKEN_MESSAGE, code="email_taken")
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        email = cleaned.get("email")
        if email and email != self.user.email.lower():
            password = cleaned.get("current_password") or ""
            if not password:
                self.add_error(
                    "current_password",
                    _("Enter your current password to change your e-mail address."),
                )
            elif not self.user.check_password(password):
                self.add_error(
                    "current_password",
                    _("That password is not right. Your e-mail address has not been changed."),
                )
        return cleaned


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Type your password again to confirm that you want to delete everything."),
        error_messages={"required": _("Type your password to confirm.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("That password is not right. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


class TokenCreateForm(forms.Form):
    NEVER = "never"
    EXPIRY_CHOICES = [
        ("30", _("In 30 days")),
        ("90", _("In 90 days")),
        ("365", _("In a year")),
        (NEVER, _("Never")),
    ]

    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("What it is for, for example “attendance sheet script”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Give the token a name so you can recognise it later."),
            "max_length": _("Keep the name to %(limit_value)d characters or fewer."),
        },
    )
    expires = forms.ChoiceField(
        label=_("Expires"),
        choices=EXPIRY_CHOICES,
        initial="90",
        error_messages={"invalid_choice": _("Choose when the token expires.")},
    )

    def clean_expires(self) -> int | None:
        value = self.cleaned_data["expires"]
        if value == self.NEVER:
            return None
        days = int(value)
        if not 1 <= days <= TOKEN_MAX_EXPIRY_DAYS:  # pragma: no cover - the choices prevent it
            raise ValidationError(_("Choose when the token expires."))
        return days


# Profile ---------------------------------------------------------------------------------------


def _optional_choices(choices: Sequence[tuple[str, Any]], empty: Any) -> list[tuple[str, Any]]:
    return [("", empty), *[(value, label) for value, label in choices if value]]


class ProfileForm(forms.Form):
    """The candidate profile. Every field is optional; what is given must make sense."""

    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=_optional_choices(CandidateProfile.Country.choices, _("Choose…")),
        error_messages={"invalid_choice": _("Choose India, the Philippines or Other.")},
    )
    city = forms.CharField(
        label=_("City or town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"max_length": _("Keep the city to %(limit_value)d characters or fewer.")},
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        max_length=25,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("With the country code, for example +91 98765 43210 or +63 917 123 4567."),
        error_messages={"max_length": PHONE_MESSAGE},
    )
    education_level = forms.ChoiceField(
        label=_("Highest education"),
        required=False,
        choices=_optional_choices(CandidateProfile.EducationLevel.choices, _("Choose…")),
        error_messages={"invalid_choice": _("Choose your education level from the list.")},
    )
    degree = forms.CharField(
        label=_("Degree or course"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "degree-suggestions", "autocomplete": "off"}),
        help_text=_("For example B.Com, BBA, BSBA or B.Tech. Type your own if it is not listed."),
        error_messages={"max_length": _("Keep the degree to %(limit_value)d characters or fewer.")},
    )
    field_of_study = forms.CharField(
        label=_("Subject or specialisation"),
        required=False,
        max_length=100,
        error_messages={
            "max_length": _("Keep the subject to %(limit_value)d characters or fewer.")
        },
    )
    graduation_year = forms.IntegerField(
        label=_("Year you graduated (or expect to)"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    score_type = forms.ChoiceField(
        label=_("Score type"),
        required=False,
        choices=CandidateProfile.ScoreType.choices,
        error_messages={"invalid_choice": _("Choose CGPA, percentage or Not given.")},
    )
    score_value = BoundedDecimalField(
        label=_("Score"),
        required=False,
        max_digits=5,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        help_text=_("A CGPA is 0 to 10; a percentage is 0 to 100."),
        error_messages={
            "invalid": _("Enter the score as a number, for example 7.8 or 72.5."),
            "max_digits": _("Enter the score as a number, for example 7.8 or 72.5."),
            "max_whole_digits": _("Enter the score as a number, for example 7.8 or 72.5."),
            "max_decimal_places": _("Use at most 2 digits after the decimal point."),
        },
    )
    shift_availability = forms.MultipleChoiceField(
        label=_("Shifts I can work"),
        required=False,
        choices=CandidateProfile.Shift.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose shifts from the list.")},
    )
    work_types = forms.MultipleChoiceField(
        label=_("Kinds of work I am interested in"),
        required=False,
        choices=CandidateProfile.WorkType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose kinds of work from the list.")},
    )
    current_role = forms.ModelChoiceField(
        label=_("Current role"),
        required=False,
        queryset=Role.objects.none(),
        to_field_name="slug",
        empty_label=_("None yet: I am a fresher or work outside BPO"),
        error_messages={"invalid_choice": _("Choose your current role from the list.")},
    )
    years_experience = BoundedDecimalField(
        label=_("Years of work experience"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(50),
        max_digits=4,
        decimal_places=1,
        step_size=Decimal("0.5"),
        widget=forms.NumberInput(attrs={"inputmode": "decimal"}),
        help_text=_("In half years: 0 for a fresher, 1.5 for a year and a half."),
        error_messages={
            "invalid": _("Enter the years as a number, for example 0, 2 or 1.5."),
            "min_value": _("Years of experience cannot be negative. Enter 0 if you are a fresher."),
            "max_value": _("Enter at most 50 years of experience."),
            "max_digits": _("Enter at most 50 years of experience."),
            "max_whole_digits": _("Enter at most 50 years of experience."),
            "max_decimal_places": _("Round to the nearest half year, for example 1.5."),
            "step_size": _("Round to the nearest half year, for example 1.5."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_role = self.fields["current_role"]
        assert isinstance(current_role, forms.ModelChoiceField)
        current_role.queryset = Role.objects.order_by("rank", "title")
        self.max_graduation_year = timezone.now().year + GRADUATION_YEAR_AHEAD
        year = self.fields["graduation_year"]
        assert isinstance(year, forms.IntegerField)
        year.widget.attrs.update(min=GRADUATION_YEAR_MIN, max=self.max_graduation_year)
        year.help_text = _("A year from %(min)d to %(max)d.") % {
            "min": GRADUATION_YEAR_MIN,
            "max": self.max_graduation_year,
        }
        year.error_messages["invalid"] = _("Enter the year as four digits, for example 2024.")

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        normalised = normalise_phone(raw, country=self.cleaned_data.get("country", ""))
        if normalised is None:
            raise ValidationError(PHONE_MESSAGE, code="invalid_phone")
        return normalised

    def clean_graduation_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("graduation_year")
        if year is not None and not GRADUATION_YEAR_MIN <= year <= self.max_graduation_year:
            raise ValidationError(
                _("Enter a year from %(min)d to %(max)d.")
                % {"min": GRADUATION_YEAR_MIN, "max": self.max_graduation_year},
                code="year_out_of_range",
            )
        return year

    def clean_years_experience(self) -> Decimal:
        value: Decimal | None = self.cleaned_data.get("years_experience")
        return Decimal(0) if value is None else value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        score_type = cleaned.get("score_type", "")
        score_value = cleaned.get("score_value")
        if "score_type" not in cleaned or "score_value" not in cleaned:
            return cleaned  # a field error is already shown
        if score_value is None:
            if score_type:
                self.add_error(
                    "score_value", _("Enter your score, or set the score type to “Not given”.")
                )
        elif not score_type:
            self.add_error(
                "score_type", _("You gave a score: choose whether it is a CGPA or a percentage.")
            )
        elif score_type == CandidateProfile.ScoreType.CGPA and not 0 <= score_value <= 10:
            self.add_error("score_value", _("A CGPA is between 0 and 10, for example 7.8."))
        elif score_type == CandidateProfile.ScoreType.PERCENTAGE and not 0 <= score_value <= 100:
            self.add_error("score_value", _("A percentage is between 0 and 100, for example 72.5."))
        return cleaned


def profile_form_initial(profile: CandidateProfile | None) -> dict[str, Any]:
    """The profile's current values, shaped as ProfileForm data."""
    if profile is None:
        return {"years_experience": "0"}
    return {
        "country": profile.country,
        "city": profile.city,
        "phone": profile.phone,
        "education_level": profile.education_level,
        "degree": profile.degree,
        "field_of_study": profile.field_of_study,
        "graduation_year": profile.graduation_year,
        "score_type": profile.score_type,
        "score_value": profile.score_value,
        "shift_availability": list(profile.shift_availability),
        "work_types": list(profile.work_types),
        "current_role": profile.current_role.slug if profile.current_role else "",
        "years_experience": profile.years_experience,
    }


class LanguageForm(forms.Form):
    """One spoken language and the candidate's own rating of it."""

    language = forms.CharField(
        label=_("Language"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"list": "language-suggestions", "autocomplete": "off"}),
        error_messages={
            "max_length": _("Keep the language name to %(limit_value)d characters or fewer.")
        },
    )
    level = forms.ChoiceField(
        label=_("Level (self-rated)"),
        required=False,
        choices=_optional_choices(LanguageSkill.Level.choices, _("Choose…")),
        error_messages={"invalid_choice": _("Choose a level from the list.")},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        language = (cleaned.get("language") or "").strip()
        cleaned["language"] = language
        level = cleaned.get("level")
        if self.errors:
            return cleaned
        if language and not level:
            self.add_error(
                "level",
                _("Choose how well you speak %(language)s (your own rating).")
                % {"language": language},
            )
        elif level and not language:
            self.add_error("language", _("Enter the language, or set the level back to “Choose…”."))
        return cleaned

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("language") and not data.get("level")


class BaseLanguageFormSet(forms.BaseFormSet[LanguageForm]):
    """Languages: at most eight, each listed once (compared without letter case)."""

    default_error_messages = {
        "too_many_forms": _("List at most eight languages: the ones you would use at work."),
        "missing_management_form": _(
            "The languages part of the form was incomplete. Reload the page and try again."
        ),
    }

    def clean(self) -> None:
        if any(self.errors):
            return
        seen: dict[str, str] = {}
        entries = 0
        for form in self.forms:
            if self._removed(form):
                continue
            if form.is_blank:
                continue
            entries += 1
            name = form.cleaned_data["language"]
            key = name.casefold()
            if key in seen:
                raise ValidationError(
                    _("You listed %(language)s twice. Keep one row per language.")
                    % {"language": name},
                    code="duplicate_language",
                )
            seen[key] = name
        if entries > MAX_LANGUAGES:
            raise ValidationError(
                _("List at most %(max)d languages: the ones you would use at work.")
                % {"max": MAX_LANGUAGES},
                code="too_many_languages",
            )

    def _removed(self, form: LanguageForm) -> bool:
        return self.can_delete and bool(getattr(form, "cleaned_data", {}).get("DELETE"))

    def entries(self) -> list[LanguageEntry]:
        """The languages kept, in order (call after is_valid())."""
        return [
            LanguageEntry(language=form.cleaned_data["language"], level=form.cleaned_data["level"])
            for form in self.forms
            if not self._removed(form) and not form.is_blank
        ]


LANGUAGE_PREFIX = "languages"
# A hard cap on rows a request can make the server build, whatever TOTAL_FORMS says.
LANGUAGE_ABSOLUTE_MAX = 20


def language_formset(
    *,
    data: Mapping[str, Any] | None = None,
    initial: list[dict[str, str]] | None = None,
) -> BaseLanguageFormSet:
    """The languages formset: the current languages plus blank rows to add more (up to 8)."""
    existing = len(initial or [])
    extra = max(0, min(max(1, 2 - existing), MAX_LANGUAGES - existing))
    formset_class = forms.formset_factory(
        LanguageForm,
        formset=BaseLanguageFormSet,
        extra=extra,
        can_delete=True,
        can_delete_extra=False,
        max_num=LANGUAGE_ABSOLUTE_MAX,
        absolute_max=LANGUAGE_ABSOLUTE_MAX,
        validate_max=True,
    )
    formset = formset_class(data=data, initial=initial, prefix=LANGUAGE_PREFIX)
    assert isinstance(formset, BaseLanguageFormSet)
    return formset


def language_initial(profile: CandidateProfile | None) -> list[dict[str, str]]:
    if profile is None or profile.pk is None:
        return []
    return [{"language": skill.language, "level": skill.level} for skill in profile.languages.all()]


def language_formset_data(entries: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Formset POST data for a plain list of {"language", "level"} (the API's shape)."""
    data: dict[str, Any] = {
        f"{LANGUAGE_PREFIX}-TOTAL_FORMS": str(len(entries)),
        f"{LANGUAGE_PREFIX}-INITIAL_FORMS": "0",
    }
    for index, entry in enumerate(entries):
        data[f"{LANGUAGE_PREFIX}-{index}-language"] = entry.get("language") or ""
        data[f"{LANGUAGE_PREFIX}-{index}-level"] = entry.get("level") or ""
    return data
