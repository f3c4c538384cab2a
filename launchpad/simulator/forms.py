from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from launchpad.simulator.services import MAX_TURN_CHARS


class ReplyForm(forms.Form):
    """The candidate's reply; `at` is the browser's clock (empty without JavaScript)."""

    text = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_TURN_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TURN_CHARS}),
        error_messages={
            "required": _("Type your reply before you send it."),
            "max_length": _("Keep each reply under %(limit_value)s characters."),
        },
    )
    at = forms.FloatField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args: Any, run_id: int, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"run{run_id}-%s")
        super().__init__(*args, **kwargs)
