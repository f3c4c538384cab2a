"""Forms for contacts, events and follow-ups. Choices of contacts, events and applications
hold only the signed-in user's own; the services check ownership again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.accounts.models import User
from launchpad.applications.models import Application
from launchpad.networking.models import Contact, Event
from launchpad.networking.services import MAX_NOTES

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
_CHOOSE = {"invalid_choice": _("Choose from the list.")}


def _notes(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=MAX_NOTES, help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


def _when(label: Any, *, required: bool, help_text: Any = "") -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, required=required, help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Enter a date and time such as 2026-12-01 10:30.")},
    )  # fmt: skip


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(
        label=_("Who they are"), choices=Contact.Kind.choices, initial=Contact.Kind.RECRUITER,
        error_messages=_CHOOSE,
    )  # fmt: skip
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    job_title = forms.CharField(
        label=_("Job title"), max_length=120, required=False,
        help_text=_("For example: Talent acquisition executive, Team leader."),
    )  # fmt: skip
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )  # fmt: skip
    email = forms.EmailField(
        label=_("E-mail"), required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("Enter an e-mail address such as name@example.com.")},
    )  # fmt: skip
    profile_url = forms.URLField(
        label=_("Profile link"), max_length=300, required=False, assume_scheme="https",
        help_text=_("Their LinkedIn or other professional profile."),
        error_messages={"invalid": _("Enter a web address starting with https://.")},
    )  # fmt: skip
    how_we_met = forms.CharField(
        label=_("How you met"), max_length=200, required=False,
        help_text=_("For example: the walk-in drive at Hinjewadi, a friend's referral."),
    )  # fmt: skip
    notes = _notes(_("Notes"), _("What you talked about, what they asked you to send, ..."))


class EventForm(forms.Form):
    title = forms.CharField(label=_("Event"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind of event"), choices=Event.Kind.choices, initial=Event.Kind.JOB_FAIR,
        error_messages=_CHOOSE,
    )  # fmt: skip
    starts_at = _when(_("Starts"), required=True)
    ends_at = _when(_("Ends"), required=False, help_text=_("Leave empty if you do not know."))
    location = forms.CharField(
        label=_("Place"), max_length=200, required=False,
        help_text=_("The address, or “Online”."),
    )  # fmt: skip
    url = forms.URLField(
        label=_("Link"), max_length=300, required=False, assume_scheme="https",
        help_text=_("The registration page or the webinar link."),
        error_messages={"invalid": _("Enter a web address starting with https://.")},
    )  # fmt: skip
    contacts = forms.ModelMultipleChoiceField(
        label=_("People you met there"), queryset=Contact.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from your contacts.")},
    )  # fmt: skip
    notes = _notes(_("Notes"), _("What to bring, who to ask for, what you learnt."))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contacts"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Contact.objects.filter(user=user).order_by("name", "id")
        if not field.queryset.exists():
            del self.fields["contacts"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts is not None and ends is not None and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class FollowUpForm(forms.Form):
    title = forms.CharField(
        label=_("What to do"), max_length=200,
        help_text=_("For example: Send my resume to Priya, call about the second round."),
    )  # fmt: skip
    due_on = forms.DateField(
        label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date such as 2026-12-01.")},
    )  # fmt: skip
    contact = forms.ModelChoiceField(
        label=_("About a contact"), queryset=Contact.objects.none(), required=False,
        empty_label=_("No one in particular"),
        error_messages={"invalid_choice": _("Choose one of your contacts.")},
    )  # fmt: skip
    event = forms.ModelChoiceField(
        label=_("About an event"), queryset=Event.objects.none(), required=False,
        empty_label=_("No event"),
        error_messages={"invalid_choice": _("Choose one of your events.")},
    )  # fmt: skip
    application = forms.ModelChoiceField(
        label=_("About an application"), queryset=Application.objects.none(), required=False,
        empty_label=_("No application"),
        error_messages={"invalid_choice": _("Choose one of your applications.")},
    )  # fmt: skip
    notes = _notes(_("Notes"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        querysets = {
            "contact": Contact.objects.filter(user=user).order_by("name", "id"),
            "event": Event.objects.filter(user=user).order_by("-starts_at", "-id"),
            "application": Application.objects.filter(user=user).order_by("-updated_at", "-id"),
        }
        for name, queryset in querysets.items():
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset
