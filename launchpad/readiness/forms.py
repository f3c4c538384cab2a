from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.forms import ProfileForm
from launchpad.accounts.models import LanguageSkill
from launchpad.core.knockouts import Document

YES_NO_UNSURE = [("", _("Not sure / rather not say")), ("yes", _("Yes")), ("no", _("No"))]
HAVE_CHOICES = [("", _("Not sure")), ("yes", _("I have it")), ("no", _("I don't have it"))]
LEVEL_CHOICES = [("", _("Choose…")), *LanguageSkill.Level.choices]


def tristate(value: str) -> bool | None:
    """'yes' → True, 'no' → False, anything else → None (unanswered)."""
    return {"yes": True, "no": False}.get(value)


def from_tristate(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


class CheckProfileForm(forms.Form):
    """The readiness check's short profile: who you are, and the knockout questions."""

    # The profile's own fields, so both forms check them alike; only the labels and help
    # differ where the check asks in its own words.
    country = copy.deepcopy(ProfileForm.base_fields["country"])
    country.label = _("Where will you work?")
    city = copy.deepcopy(ProfileForm.base_fields["city"])
    education_level = copy.deepcopy(ProfileForm.base_fields["education_level"])
    shift_availability = copy.deepcopy(ProfileForm.base_fields["shift_availability"])
    shift_availability.help_text = _(
        "Most international voice jobs run at night in India and the Philippines."
    )
    work_types = copy.deepcopy(ProfileForm.base_fields["work_types"])
    english_level = forms.ChoiceField(
        label=_("My spoken English (self-rated)"),
        required=False,
        choices=LEVEL_CHOICES,
        help_text=_("Used only until you take the English test, and labelled as self-rated."),
        error_messages={"invalid_choice": _("Choose a level from the list.")},
    )
    other_language = forms.CharField(
        label=_("Another language I speak well"),
        required=False,
        max_length=50,
        help_text=_("For example Hindi, Tamil, Filipino or Cebuano. Domestic voice jobs need one."),
        error_messages={"max_length": _("Keep the language to %(limit_value)d characters.")},
    )
    other_language_level = forms.ChoiceField(
        label=_("Its level (self-rated)"),
        required=False,
        choices=LEVEL_CHOICES,
        error_messages={"invalid_choice": _("Choose a level from the list.")},
    )
    adult = forms.ChoiceField(
        label=_("Are you 18 or older?"),
        required=False,
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
    )
    on_site = forms.ChoiceField(
        label=_("Can you work from an office in a city with BPO centres?"),
        required=False,
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
        help_text=_("By commuting or by moving there. Most entry jobs are on site."),
    )
    notice_days = forms.IntegerField(
        label=_("Notice period at your current job, in days"),
        required=False,
        min_value=0,
        max_value=365,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Enter 0 if you are not working now. Leave empty if you are not sure."),
        error_messages={
            "invalid": _("Enter the notice period as a whole number of days, for example 30."),
            "min_value": _("The notice period cannot be negative. Enter 0 if you are free now."),
            "max_value": _("Enter a notice period of at most 365 days."),
        },
    )

    def __init__(self, *args: Any, documents: Sequence[Document] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document_keys = []
        for document in documents:
            name = f"doc_{document.key}"
            self.fields[name] = forms.ChoiceField(
                label=document.label,
                required=False,
                choices=HAVE_CHOICES,
                widget=forms.RadioSelect,
                help_text=document.why,
            )
            self.document_keys.append((name, document.key))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("other_language") and not cleaned.get("other_language_level"):
            self.add_error("other_language_level", _("Choose a level for that language."))
        if cleaned.get("other_language_level") and not cleaned.get("other_language"):
            self.add_error("other_language", _("Name the language, or clear its level."))
        other = (cleaned.get("other_language") or "").strip()
        if other.casefold() == "english":
            self.add_error("other_language", _("Rate English in the field above."))
        return cleaned

    @property
    def document_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _key in self.document_keys]

    def documents(self) -> dict[str, bool | None]:
        return {key: tristate(self.cleaned_data.get(name, "")) for name, key in self.document_keys}
