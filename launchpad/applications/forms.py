"""Forms of the application tracker. Choices of resumes, cover letters and contacts hold
only the user's own, so another user's id is refused as an invalid choice (and the services
check again)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import User
from launchpad.applications import selectors, services
from launchpad.applications.models import Channel, Stage
from launchpad.core import stages as core
from launchpad.networking.models import Contact
from launchpad.resumes.models import CoverLetter, Resume

CHANNEL_CHOICES = [("", _("Not given")), *Channel.choices]
START_CHOICES = [(value, label) for value, label in Stage.choices if value in core.START_STAGES]
MOVE_CHOICES = [*Stage.choices, (core.REOPEN, _("Reopen"))]
ASSESSMENT_CHOICES = [(key, _(label)) for key, label in core.ASSESSMENT_KINDS.items()]
CURRENCY_CHOICES = [(code, code) for code in services.CURRENCIES]
SHIFT_CHOICES = [("", _("Not given")), ("day", _("Day")), ("night", _("Night")),
                 ("rotational", _("Rotational"))]  # fmt: skip
ALLOWANCE_ROWS = services.MAX_ALLOWANCES
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
INVALID_DATE = _("Enter a date such as 2026-12-01.")


class ApplicationForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=services.MAX_TITLE)
    company = forms.CharField(label=_("Company"), max_length=services.MAX_TITLE, required=False)
    stage = forms.ChoiceField(
        label=_("Where it is now"), choices=START_CHOICES, initial=Stage.SAVED,
        help_text=_("Add one already under way at the stage it has reached."),
    )  # fmt: skip
    channel = forms.ChoiceField(label=_("How you applied"), choices=CHANNEL_CHOICES, required=False)
    on = forms.DateField(
        label=_("Since"), widget=DATE, error_messages={"invalid": INVALID_DATE},
        help_text=_("The day it reached that stage."),
    )  # fmt: skip


class MoveForm(forms.Form):
    to_stage = forms.ChoiceField(
        label=_("Move to"), choices=MOVE_CHOICES,
        error_messages={"invalid_choice": _("Choose a stage from the list.")},
    )  # fmt: skip
    on = forms.DateField(
        label=_("On"), required=False, widget=DATE, error_messages={"invalid": INVALID_DATE},
        help_text=_("Today if left empty."),
    )  # fmt: skip
    note = forms.CharField(
        label=_("Note"), required=False, max_length=services.MAX_NOTE,
        help_text=_("For example who called, or what the test was like."),
    )  # fmt: skip
    assessments = forms.MultipleChoiceField(
        label=_("Tests at the assessment"), required=False, choices=ASSESSMENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose the tests from the list.")},
    )  # fmt: skip


class EditForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=services.MAX_TITLE)
    company = forms.CharField(label=_("Company"), max_length=services.MAX_TITLE, required=False)
    channel = forms.ChoiceField(label=_("How you applied"), choices=CHANNEL_CHOICES, required=False)
    next_action = forms.CharField(
        label=_("Next step"), max_length=services.MAX_NEXT_ACTION, required=False,
        help_text=_("For example “Call the recruiter back” or “Bring the original certificates”."),
    )  # fmt: skip
    next_action_due = forms.DateField(
        label=_("Next step due"), required=False, widget=DATE,
        error_messages={"invalid": INVALID_DATE},
    )  # fmt: skip
    interview_at = forms.DateTimeField(
        label=_("Interview date and time"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Enter a date and time such as 2026-12-01 10:30.")},
    )  # fmt: skip
    resume = forms.ModelChoiceField(
        label=_("Resume you sent"), queryset=Resume.objects.none(), required=False,
        empty_label=_("None"),
        error_messages={"invalid_choice": _("Choose one of your own resumes.")},
    )  # fmt: skip
    cover_letter = forms.ModelChoiceField(
        label=_("Cover letter you sent"), queryset=CoverLetter.objects.none(),
        required=False, empty_label=_("None"),
        error_messages={"invalid_choice": _("Choose one of your own cover letters.")},
    )  # fmt: skip
    contacts = forms.ModelMultipleChoiceField(
        label=_("People at the company"), queryset=Contact.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Recruiters and referrers from your contacts."),
        error_messages={"invalid_choice": _("Choose from your own contacts.")},
    )  # fmt: skip
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=services.MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        resume, letter = self.fields["resume"], self.fields["cover_letter"]
        contacts = self.fields["contacts"]
        assert isinstance(resume, forms.ModelChoiceField)
        assert isinstance(letter, forms.ModelChoiceField)
        assert isinstance(contacts, forms.ModelMultipleChoiceField)
        resume.queryset = selectors.own_resumes(user)
        letter.queryset = selectors.own_cover_letters(user)
        contacts.queryset = selectors.own_contacts(user)


class DocumentsForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)
    done = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keys = sorted({doc.key for docs in core.DOCUMENTS.values() for doc in docs})
        cast(forms.MultipleChoiceField, self.fields["done"]).choices = [(k, k) for k in keys]


class OfferForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES)
    base_monthly = forms.DecimalField(
        label=_("Base pay a month"), min_value=Decimal("0.01"), max_digits=10,
        decimal_places=2, help_text=_("The basic salary before allowances and deductions."),
    )  # fmt: skip
    shift = forms.ChoiceField(label=_("Shift"), choices=SHIFT_CHOICES, required=False)
    shift_start = forms.TimeField(
        label=_("Shift starts"), required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )  # fmt: skip
    shift_end = forms.TimeField(
        label=_("Shift ends"), required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("A night shift ends the next morning: 22:00 to 07:00 is fine."),
    )  # fmt: skip
    working_days_per_month = forms.IntegerField(
        label=_("Working days a month"), min_value=1, max_value=31, initial=22,
        help_text=_("22 for a five-day week, 26 for a six-day week."),
    )  # fmt: skip
    night_differential_percent = forms.DecimalField(
        label=_("Night differential the employer states (%)"), required=False,
        min_value=Decimal(0), max_value=Decimal(100), max_digits=5, decimal_places=1,
        help_text=_(
            "Philippines: the law sets at least 10% of the hourly wage for each hour worked "
            "between 10 pm and 6 am; leave empty to use that. India: no law sets one, so "
            "give the employer's rate if the offer states one."
        ),
    )  # fmt: skip
    transport = forms.CharField(
        label=_("Transport"), required=False, max_length=services.MAX_OFFER_TEXT,
        help_text=_("For example “Cab pick-up and drop” or “Shuttle after 10 pm”."),
    )  # fmt: skip
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    growth = forms.CharField(
        label=_("Growth"), required=False, max_length=services.MAX_GROWTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Training, promotion path, certifications paid for."),
    )  # fmt: skip
    joining_date = forms.DateField(
        label=_("Joining date"), required=False, widget=DATE,
        error_messages={"invalid": INVALID_DATE},
    )  # fmt: skip
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=services.MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, ALLOWANCE_ROWS + 1):
            self.fields[f"allowance_{n}_label"] = forms.CharField(
                label=_("Allowance %(n)s") % {"n": n}, required=False,
                max_length=services.MAX_ALLOWANCE_LABEL,
            )  # fmt: skip
            self.fields[f"allowance_{n}_monthly"] = forms.DecimalField(
                label=_("Allowance %(n)s a month") % {"n": n}, required=False,
                min_value=Decimal(0), max_digits=10, decimal_places=2,
            )  # fmt: skip

    def allowance_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"allowance_{n}_label"], self[f"allowance_{n}_monthly"])
            for n in range(1, ALLOWANCE_ROWS + 1)
        ]

    def allowances(self) -> list[tuple[str, Decimal | None]]:
        data = self.cleaned_data
        return [
            (data.get(f"allowance_{n}_label") or "", data.get(f"allowance_{n}_monthly"))
            for n in range(1, ALLOWANCE_ROWS + 1)
        ]

    def rate(self) -> Decimal | None:
        percent = self.cleaned_data.get("night_differential_percent")
        return None if percent is None else percent / 100


def offer_initial(offer: Any) -> dict[str, Any]:
    """The form's initial values from a saved offer."""
    initial: dict[str, Any] = {
        name: getattr(offer, name)
        for name in ("currency", "base_monthly", "shift", "shift_start", "shift_end",
                     "working_days_per_month", "transport", "location", "growth",
                     "joining_date", "notes")
    }  # fmt: skip
    if offer.night_differential_rate is not None:
        initial["night_differential_percent"] = (offer.night_differential_rate * 100).normalize()
    for n, item in enumerate(offer.allowances or [], 1):
        initial[f"allowance_{n}_label"] = item.get("label", "")
        initial[f"allowance_{n}_monthly"] = item.get("monthly")
    return initial
