from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import CandidateProfile, User
from launchpad.resumes.models import Resume

POSTED_CHOICES = [
    ("", _("Any time")), ("1", _("Last 24 hours")), ("7", _("Last 7 days")),
    ("30", _("Last 30 days")), ("90", _("Last 90 days")),
]  # fmt: skip
CURRENCY_CHOICES = [("INR", _("INR a year")), ("PHP", _("PHP a month"))]
NO_RESUME = "none"


class SearchForm(forms.Form):
    """The search and filter form (GET): every field optional, bad values reported."""

    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    track = forms.ChoiceField(
        label=_("Kind of work"), required=False,
        choices=[("", _("Any")), *CandidateProfile.WorkType.choices],
    )  # fmt: skip
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    shift = forms.ChoiceField(
        label=_("Shift"), required=False, choices=[("", _("Any")), *CandidateProfile.Shift.choices]
    )
    salary_at_least = forms.IntegerField(
        label=_("Pays at least"), required=False, min_value=0, max_value=100_000_000,
        error_messages={"invalid": _("Enter the amount as a number, such as 300000.")},
    )  # fmt: skip
    currency = forms.ChoiceField(label=_("Per"), required=False, choices=CURRENCY_CHOICES)
    posted = forms.ChoiceField(label=_("Posted"), required=False, choices=POSTED_CHOICES)
    resume = forms.ChoiceField(
        label=_("Rank by my resume"), required=False,
        help_text=_("Postings are ordered by how well this resume matches them."),
    )  # fmt: skip

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        resumes = Resume.objects.filter(user=user).values_list("pk", "title")
        cast(forms.ChoiceField, self.fields["resume"]).choices = [
            *((str(pk), title) for pk, title in resumes),
            (NO_RESUME, _("Don't rank: newest first")),
        ]
        for name in ("track", "shift", "currency", "posted", "resume"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose from the list.")
