"""GET forms of the Explorer: the role filters, the company country filter, the path picker.

Each form is lenient: a value it does not know is dropped and reported in `ignored`, so a
hand-edited or stale URL still shows a page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.careers.models import Role
from launchpad.careers.selectors import COUNTRIES, RoleFilters, role_choices, track_list

VOICE_CHOICES = [
    ("", _("Voice or non-voice")),
    ("voice", _("Voice")),
    ("non-voice", _("Non-voice")),
]
TECHNICAL_CHOICES = [
    ("", _("Technical or not")),
    ("technical", _("Technical")),
    ("non-technical", _("Non-technical")),
]
LEVEL_CHOICES = [
    ("", _("Entry or growth")),
    (Role.Level.ENTRY.value, _("Entry roles")),
    (Role.Level.GROWTH.value, _("Growth roles")),
]


class LenientForm(forms.Form):
    """A form whose invalid fields are ignored rather than failing the whole form."""

    def usable_data(self) -> dict[str, Any]:
        """Cleaned values of the valid, non-empty fields."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in ("", None)}

    def ignored(self) -> list[str]:
        """Human-readable notes about values that were dropped."""
        self.is_valid()
        notes = []
        for name in self.errors:
            field = self.fields.get(name)
            label = field.label if field is not None else name
            value = str(self.data.get(name, ""))[:40]
            notes.append(
                str(_("We ignored “%(value)s” for %(label)s: it is not one of the choices."))
                % {"value": value, "label": label}
            )
        return notes


class RoleFilterForm(LenientForm):
    track = forms.ChoiceField(label=_("Track"), required=False)
    voice = forms.ChoiceField(label=_("Voice"), choices=VOICE_CHOICES, required=False)
    technical = forms.ChoiceField(label=_("Technical"), choices=TECHNICAL_CHOICES, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=LEVEL_CHOICES, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        track_field = self.fields["track"]
        assert isinstance(track_field, forms.ChoiceField)
        track_field.choices = [("", _("All tracks"))] + [
            (track.slug, track.name) for track in track_list().only("slug", "name")
        ]

    def filters(self) -> RoleFilters:
        """The valid filters as a RoleFilters (invalid ones left out)."""
        data = self.usable_data()
        voice = data.get("voice")
        technical = data.get("technical")
        return RoleFilters(
            track=data.get("track"),
            voice=None if voice is None else voice == "voice",
            technical=None if technical is None else technical == "technical",
            level=data.get("level"),
        )


class CompanyFilterForm(LenientForm):
    country = forms.ChoiceField(
        label=_("Hires in"),
        choices=[("", _("India or the Philippines")), *COUNTRIES.items()],
        required=False,
    )


class LadderPathForm(forms.Form):
    """The path picker on the ladder page, shown pre-filled; the view checks the values.

    The fields are named `from` and `to` (the query parameters), so they are added in
    `__init__`: `from` is a Python keyword.
    """

    def __init__(self, *args: Any, start: str = "", target: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = role_choices()
        self.fields["from"] = forms.ChoiceField(
            label=_("From (leave blank if you are new to BPO work)"),
            choices=[("", _("I am new to BPO work")), *roles],
            required=False,
            initial=start,
        )
        self.fields["to"] = forms.ChoiceField(
            label=_("To"), choices=[("", _("Pick a role")), *roles], required=False, initial=target
        )
