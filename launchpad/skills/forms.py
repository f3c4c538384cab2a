from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.skills.models import DataEntryAttempt, TypingPassage

LENGTH_CHOICES = [
    ("30", _("30 seconds")),
    ("60", _("1 minute")),
    ("120", _("2 minutes")),
    ("300", _("5 minutes")),
    ("text", _("One passage, untimed")),
]


class TypingStartForm(forms.Form):
    length = forms.ChoiceField(
        label=_("How long?"),
        choices=LENGTH_CHOICES,
        initial="60",
        widget=forms.RadioSelect,
        help_text=_("Most employers' typing tests last 1 to 5 minutes."),
        error_messages={"required": _("Choose how long the test should be.")},
    )
    kind = forms.ChoiceField(
        label=_("What kind of text?"),
        choices=[("", _("A mix of everything")), *TypingPassage.Kind.choices],
        required=False,
        help_text=_("Call notes, chat replies and order records look like the real work."),
    )
    difficulty = forms.ChoiceField(
        label=_("Difficulty"),
        choices=[("", _("Any difficulty")), *TypingPassage.Difficulty.choices],
        required=False,
        help_text=_("Hard passages have numbers, IDs, capitals and punctuation."),
    )

    def mode_and_duration(self) -> tuple[str, int | None]:
        length = self.cleaned_data["length"]
        if length == "text":
            return "text", None
        return "timed", int(length)


class DataEntryStartForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("What to key in"),
        choices=DataEntryAttempt.Mode.choices,
        initial=DataEntryAttempt.Mode.RECORDS,
        widget=forms.RadioSelect,
        help_text=_(
            "Customer records: names, mobiles, addresses, amounts and dates. 10-key: numbers "
            "only, as on a numeric keypad."
        ),
        error_messages={"required": _("Choose records or 10-key numbers.")},
    )
