"""Forms of the goal planner: they check the shape of the input; services judge the plan."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from launchpad.careers.models import Role
from launchpad.core.ladder import reachable_targets
from launchpad.goals import rules
from launchpad.goals.exceptions import GoalError
from launchpad.goals.models import MOTIVATION_MAX_LENGTH, Goal
from launchpad.goals.selectors import LadderData

ASPIRATIONS: list[tuple[str, Any, Any]] = [
    (
        Goal.Aspiration.MANAGEMENT.value,
        _("Management"),
        _(
            "Advance to a managerial role: lead a team, then operations (Team Leader, "
            "Assistant Manager, Operations Manager)."
        ),
    ),
    (
        Goal.Aspiration.DOMAIN.value,
        _("Domain expertise"),
        _(
            "Gain expertise in a specific domain and become the person others rely on "
            "(subject-matter expert, quality, training, workforce management)."
        ),
    ),
    (
        Goal.Aspiration.GROWTH.value,
        _("Professional growth"),
        _(
            "Explore opportunities to grow: new skills, certifications and a better role, "
            "without committing to one direction yet."
        ),
    ),
]

FRESHER_LABEL = _("I'm new to BPO (fresher)")
START_INVALID = _("Pick your current role from the list, or choose “I'm new to BPO (fresher)”.")


def grouped_role_choices(roles: list[Role]) -> list[tuple[Any, Any]]:
    """Roles as <optgroup>s: entry roles first, then growth roles, each in ladder order."""
    entry = [(role.slug, role.title) for role in roles if role.level == Role.Level.ENTRY]
    growth = [(role.slug, role.title) for role in roles if role.level != Role.Level.ENTRY]
    groups: list[tuple[Any, Any]] = []
    if entry:
        groups.append((_("Entry roles"), entry))
    if growth:
        groups.append((_("Growth roles"), growth))
    return groups


class GoalForm(forms.Form):
    """Create or edit a goal. The target list holds only roles reachable from the start.

    `ladder` supplies the roles; `today` is the user's local date; `current_target_date`
    (when editing) is accepted unchanged even if it has passed.
    """

    start_role = forms.ChoiceField(
        label=_("Where are you now?"),
        required=False,
        help_text=_("Your current role. The path to your goal starts here."),
        error_messages={"invalid_choice": START_INVALID},
    )
    target_role = forms.CharField(
        label=_("Which role are you aiming for?"),
        widget=forms.Select,
        help_text=_("Only roles you can grow into from where you are now are listed."),
        error_messages={"required": _("Pick the role you are aiming for.")},
    )
    target_date = forms.DateField(
        label=_("By when?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Pick a target date."),
            "invalid": _("Enter a date such as 2027-06-30."),
        },
    )
    aspiration = forms.ChoiceField(
        label=_("What do you hope to achieve?"),
        choices=[(value, label) for value, label, _help in ASPIRATIONS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Pick what you hope to achieve.")},
    )
    motivation = forms.CharField(
        label=_("Why does this goal matter to you? (optional)"),
        required=False,
        max_length=MOTIVATION_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        data: Any = None,
        *,
        ladder: LadderData,
        today: datetime.date,
        initial: dict[str, Any] | None = None,
        current_target_date: datetime.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, initial=initial, **kwargs)
        self.ladder = ladder
        self.today = today
        self.current_target_date = current_target_date
        self.suggestions: tuple[tuple[str, str], ...] = ()
        roles = list(ladder.roles.values())
        start_field = self.fields["start_role"]
        assert isinstance(start_field, forms.ChoiceField)
        start_field.choices = [("", FRESHER_LABEL), *grouped_role_choices(roles)]
        self._set_target_choices()
        # Texts with numbers in them are built per request so they follow the active language.
        self.fields["target_date"].help_text = gettext(
            "A date after today, at most %(years)d years ahead."
        ) % {"years": rules.MAX_YEARS_AHEAD}
        self.fields["motivation"].help_text = gettext(
            "Writing down your reason helps on the hard days. Up to %(max)d characters."
        ) % {"max": MOTIVATION_MAX_LENGTH}
        date_widget = self.fields["target_date"].widget
        date_widget.attrs["min"] = (today + datetime.timedelta(days=1)).isoformat()
        date_widget.attrs["max"] = rules.latest_target_date(today).isoformat()

    def raw_value(self, name: str) -> str:
        """The value the form shows for `name`: submitted data when bound, else initial."""
        if self.is_bound:
            value = self.data.get(self.add_prefix(name), "")
        else:
            value = self.initial.get(name, "")
        if isinstance(value, Role):
            return value.slug
        return str(value or "").strip()

    def selected_start(self) -> str | None:
        """The start slug the form currently shows (None for a fresher or an unknown role)."""
        start = self.raw_value("start_role")
        return start if self.ladder.ladder.has_role(start) else None

    def _set_target_choices(self) -> None:
        start = self.selected_start()
        reachable = set(reachable_targets(self.ladder.ladder, start))
        chosen = self.raw_value("target_role")
        # Keep a chosen role in the list even when it is out of reach, so the form shows the
        # choice beside the explanation instead of silently dropping it.
        if chosen in self.ladder.roles:
            reachable.add(chosen)
        roles = [role for role in self.ladder.roles.values() if role.slug in reachable]
        widget = self.fields["target_role"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [("", _("Choose a role")), *grouped_role_choices(roles)]

    def clean_start_role(self) -> Role | None:
        slug = self.cleaned_data.get("start_role") or ""
        if not slug:
            return None
        role = self.ladder.roles.get(slug)
        if role is None:
            raise forms.ValidationError(START_INVALID, code="invalid_choice")
        return role

    def clean_target_role(self) -> Role:
        slug = self.cleaned_data["target_role"].strip()
        role = self.ladder.roles.get(slug)
        if role is None:
            raise forms.ValidationError(
                _(
                    "There is no role called “%(slug)s” on the career ladder. Pick one from the "
                    "list."
                ),
                code="unknown_role",
                params={"slug": slug[:80]},
            )
        return role

    def clean_target_date(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["target_date"]
        if self.current_target_date is not None and value == self.current_target_date:
            return value
        problem = rules.target_date_problem(value, self.today)
        if problem:
            raise forms.ValidationError(problem, code="out_of_range")
        return value

    def aspiration_options(self) -> list[dict[str, Any]]:
        """Each aspiration with its description, for a radio list with described options."""
        current = self.raw_value("aspiration")
        field_id = self["aspiration"].auto_id or "aspiration"
        return [
            {
                "value": value,
                "label": label,
                "help": help_text,
                "id": f"{field_id}_{index}",
                "checked": value == current,
            }
            for index, (value, label, help_text) in enumerate(ASPIRATIONS)
        ]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "target_role": data["target_role"],
            "start_role": data["start_role"],
            "target_date": data["target_date"],
            "aspiration": data["aspiration"],
            "motivation": data.get("motivation") or "",
        }

    def add_goal_error(self, exc: GoalError) -> None:
        """Shows a domain error from the services beside the field it is about."""
        field = exc.field if exc.field in self.fields else None
        self.add_error(field, exc.message)
        self.suggestions = getattr(exc, "suggestions", ())


class PreviewForm(forms.Form):
    """The fields the live path preview reads; everything optional."""

    start_role = forms.CharField(required=False)
    target_role = forms.CharField(required=False)
    target_date = forms.DateField(required=False)


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Your milestone"),
        max_length=200,
        help_text=_("For example: “Finish a mock call with a friend every week”."),
        error_messages={"required": _("Give the milestone a title.")},
    )
    due_date = forms.DateField(
        label=_("Due date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2027-06-30.")},
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["due_date"].widget.attrs["min"] = today.isoformat()

    def clean_due_date(self) -> datetime.date | None:
        value: datetime.date | None = self.cleaned_data.get("due_date")
        if value is None:
            return None
        if value < self.today:
            raise forms.ValidationError(_("Pick today or a later date."), code="past")
        if value > rules.latest_target_date(self.today):
            raise forms.ValidationError(
                _("Pick a date at most %(years)d years ahead."),
                code="too_far",
                params={"years": rules.MAX_YEARS_AHEAD},
            )
        return value


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)
