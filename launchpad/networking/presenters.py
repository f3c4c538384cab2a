"""Turns networking reads into what the pages show: the dashboard's reminders as one list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.networking import selectors
from launchpad.networking.models import FollowUp


@dataclass(frozen=True)
class ReminderRow:
    """One line of the dashboard's reminders."""

    kind: str  # follow_up, next_action, interview or event
    label: str
    title: str
    about: str
    day: datetime.date
    at: datetime.datetime | None  # the time, for interviews and events
    url: str
    overdue: bool
    follow_up: FollowUp | None = None


def reminder_rows(reminders: selectors.Reminders, *, today: datetime.date) -> list[ReminderRow]:
    """Every reminder in one list: overdue ones first, then by day and time."""
    rows: list[ReminderRow] = []
    for follow_up in [*reminders.overdue, *reminders.due]:
        if follow_up.contact is not None:
            url = follow_up.contact.get_absolute_url()
        elif follow_up.event is not None:
            url = follow_up.event.get_absolute_url()
        else:
            url = ""
        rows.append(
            ReminderRow(
                kind="follow_up",
                label=_("Follow-up"),
                title=follow_up.title,
                about=selectors.follow_up_about(follow_up),
                day=follow_up.due_on,
                at=None,
                url=url,
                overdue=follow_up.due_on < today,
                follow_up=follow_up,
            )
        )
    for application in reminders.next_actions:
        assert application.next_action_due is not None
        rows.append(
            ReminderRow(
                kind="next_action",
                label=_("Next step"),
                title=application.next_action,
                about=str(application),
                day=application.next_action_due,
                at=None,
                url=selectors.application_path(application),
                overdue=application.next_action_due < today,
            )
        )
    for application in reminders.interviews:
        assert application.interview_at is not None
        at = timezone.localtime(application.interview_at)
        rows.append(
            ReminderRow(
                kind="interview",
                label=_("Interview"),
                title=str(application),
                about=str(application.get_stage_display()),
                day=at.date(),
                at=at,
                url=selectors.application_path(application),
                overdue=False,
            )
        )
    for event in reminders.events:
        at = timezone.localtime(event.starts_at)
        ongoing = at.date() < today  # started before today: shown on today, without a time
        rows.append(
            ReminderRow(
                kind="event",
                label=str(event.get_kind_display()),
                title=event.title,
                about=event.location,
                day=today if ongoing else at.date(),
                at=None if ongoing else at,
                url=event.get_absolute_url(),
                overdue=False,
            )
        )
    rows.sort(key=lambda r: (not r.overdue, r.day, r.at is not None, r.at or 0, r.title))
    return rows


def dashboard_panel(user: User, today: datetime.date) -> dict[str, Any]:
    """The dashboard's networking panel: reminders of follow-ups overdue or due within a
    week, applications' next steps due, and interviews and events in the next two weeks.
    Three queries."""
    reminders = selectors.reminders(user, today)
    rows = reminder_rows(reminders, today=today)
    return {
        "rows": rows,
        "count": len(rows),
        "overdue_count": sum(1 for r in rows if r.overdue),
        "today": today,
    }
