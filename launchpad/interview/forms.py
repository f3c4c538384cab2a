from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import User
from launchpad.careers.models import Role, Track
from launchpad.interview.models import CompanyNote, Round
from launchpad.interview.services import MAX_ANSWER_CHARS, MAX_NOTE_FIELD, SESSION_SIZES

ROUND_CHOICES = [("", _("Let the coach pick")), *Round.choices]


def _track_choices() -> list[tuple[str, Any]]:
    return [("", _("Any track")), *Track.objects.order_by("order").values_list("slug", "name")]


def _role_choices() -> list[tuple[str, Any]]:
    return [
        ("", _("Any role")),
        *Role.objects.order_by("rank", "title").values_list("slug", "title"),
    ]


def _company_choices(user: User) -> list[tuple[str, Any]]:
    notes = CompanyNote.objects.filter(user=user).values_list("pk", "name")
    return [("", _("No company")), *((str(pk), name) for pk, name in notes)]


class _ForUser(forms.Form):
    """Track, role and company choices; the company list holds only the user's own notes."""

    track = forms.ChoiceField(label=_("Track"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)
    company = forms.ChoiceField(
        label=_("Company"),
        required=False,
        help_text=_('Your research notes on it are used in "why this company" questions.'),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        cast(forms.ChoiceField, self.fields["track"]).choices = _track_choices()
        cast(forms.ChoiceField, self.fields["role"]).choices = _role_choices()
        cast(forms.ChoiceField, self.fields["company"]).choices = _company_choices(user)
        for name in ("track", "role", "company"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose from the list.")

    def company_note(self) -> CompanyNote | None:
        pk = self.cleaned_data.get("company")
        return CompanyNote.objects.filter(user=self.user, pk=pk).first() if pk else None


class SettingsForm(_ForUser):
    interview_date = forms.DateField(
        label=_("My interview date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The coach paces new questions so the bank is covered before it."),
        error_messages={"invalid": _("Enter a date such as 2026-12-01.")},
    )
    field_order = ["interview_date", "track", "role", "company"]


class StartForm(_ForUser):
    round = forms.ChoiceField(
        label=_("Round"),
        required=False,
        choices=ROUND_CHOICES,
        help_text=_(
            "The coach asks questions due for review first, then new ones from every round."
        ),
        error_messages={"invalid_choice": _("Choose a round from the list.")},
    )
    count = forms.TypedChoiceField(
        label=_("Questions"),
        coerce=int,
        choices=[(n, str(n)) for n in SESSION_SIZES],
        initial=5,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose 3, 5 or 10 questions.")},
    )
    field_order = ["round", "count", "track", "role", "company"]


def _note(label: Any, help_text: Any = "", rows: int = 2) -> forms.CharField:
    """One optional free-text part of a company note."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_NOTE_FIELD,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class CompanyNoteForm(forms.Form):
    name = forms.CharField(label=_("Company"), max_length=120)
    services = _note(
        _("Services and processes"),
        _("What they do: inbound voice, chat support, collections, tech support..."),
    )
    client_industries = _note(
        _("Their clients' industries"), _("Telecom, banking, healthcare, retail, travel...")
    )
    locations = _note(_("Locations"), _("Cities and sites, and the one you applied to."))
    values = _note(
        _("Values and culture"), _("What they say they stand for, awards, training, growth paths.")
    )
    notes = _note(_("Anything else"), rows=3)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=MAX_ANSWER_CHARS,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
        error_messages={"max_length": _("Keep the answer under %(limit_value)d characters.")},
    )
    think_seconds = forms.FloatField(required=False, min_value=0, widget=forms.HiddenInput)
    answer_seconds = forms.FloatField(required=False, min_value=0, widget=forms.HiddenInput)
    # Set by the page script when the candidate recorded the answer in the browser.
    spoken = forms.BooleanField(required=False, widget=forms.HiddenInput)
