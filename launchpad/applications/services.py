"""Writes for the application tracker. Each refuses bad input with ApplicationInputError and
then changes nothing. Stage moves follow the rules of `launchpad/core/stages.py`; each one is
recorded as a dated StageChange, and undo takes the last one back."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from launchpad.accounts.models import User
from launchpad.applications.exceptions import ApplicationInputError
from launchpad.applications.models import Application, Channel, Offer, Stage, StageChange
from launchpad.core import offers as core_offers
from launchpad.core import stages as core
from launchpad.jobs.models import Posting
from launchpad.networking.models import Contact
from launchpad.resumes.models import CoverLetter, Resume

MAX_TITLE = 200
MAX_NOTE = 300
MAX_NOTES = 5000
MAX_NEXT_ACTION = 200
MAX_OFFER_TEXT = 200
MAX_GROWTH = 2000
MAX_ALLOWANCES = 5
MAX_ALLOWANCE_LABEL = 80
MAX_MONEY = Decimal("99999999.99")  # what the offer's amount columns hold
CURRENCIES = ("INR", "PHP", "USD", "GBP", "EUR", "AUD", "SGD", "AED")
SHIFTS = ("day", "night", "rotational")


def stage_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Stage.choices}


def refusal_message(refusal: core.Refusal) -> str:
    """The core's reason, translated, with the stage names of the model."""
    return refusal.message(stage_labels(), template=_(refusal.template))


def timeline_of(application: Application) -> core.Timeline:
    """The application's stage history as the core's timeline (a card made without one,
    by another app or the admin, starts at its stage)."""
    moves = [
        core.Move(change.to_stage, change.on, change.from_stage)
        for change in application.stage_changes.all()
    ]
    if not moves:
        moves = [core.Move(application.stage, application.stage_changed_on)]
    return core.Timeline(tuple(moves))


def _text(value: str | None, limit: int, message: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ApplicationInputError(message % {"n": limit})
    return value


def _channel(channel: str) -> str:
    if channel and channel not in Channel.values:
        raise ApplicationInputError(_("Choose how you applied from the list."))
    return channel


# Creating ------------------------------------------------------------------------------------


def application_create(
    *, user: User, title: str = "", company: str = "", channel: str = "",
    posting: Posting | None = None, stage: str = Stage.SAVED, on: datetime.date,
    today: datetime.date, now: datetime.datetime, note: str = "",
) -> Application:  # fmt: skip
    """A new card at `stage` (saved up to offer), dated `on`.

    From a posting the title and company are copied from it (so the card still reads right
    if the posting goes), and a posting the user already tracks returns that card instead.
    The posting must be public or the user's own.
    """
    if posting is not None:
        if posting.owner_id is not None and posting.owner_id != user.pk:
            raise ApplicationInputError(_("That job posting is not available."))
        existing = Application.objects.filter(user=user, posting=posting).first()
        if existing is not None:
            return existing
        title, company = posting.title, posting.company
    title = _text(title, MAX_TITLE, _("Keep the job title under %(n)s characters."))
    if not title:
        raise ApplicationInputError(_("Write the job title."))
    company = _text(company, MAX_TITLE, _("Keep the company's name under %(n)s characters."))
    note = _text(note, MAX_NOTE, _("Keep the note under %(n)s characters."))
    channel = _channel(channel)
    try:
        timeline = core.Timeline.start(stage, on)
    except core.MoveRefused as refused:
        raise ApplicationInputError(refusal_message(refused.refusal)) from refused
    if on > today:
        raise ApplicationInputError(refusal_message(core.Refusal(core.RefusalCode.IN_THE_FUTURE)))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                user=user, posting=posting, title=title, company=company, channel=channel,
                stage=timeline.current, stage_changed_on=on,
            )  # fmt: skip
            StageChange.objects.create(
                application=application, from_stage="", to_stage=timeline.current, on=on,
                at=now, note=note,
            )  # fmt: skip
    except IntegrityError:
        # The same posting tracked twice at once: the other request's card stands.
        return Application.objects.get(user=user, posting=posting)
    return application


def track_posting(
    *, user: User, posting: Posting, today: datetime.date, now: datetime.datetime
) -> tuple[Application, bool]:
    """The user's card for `posting`, made (saved, today) when there is none; and whether
    it was made now."""
    existing = Application.objects.filter(user=user, posting=posting).first()
    if existing is not None:
        return existing, False
    application = application_create(user=user, posting=posting, on=today, today=today, now=now)
    return application, True


# Moving --------------------------------------------------------------------------------------


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _refresh(application: Application, fresh: Application) -> Application:
    for name in ("stage", "stage_changed_on", "assessments", "updated_at"):
        setattr(application, name, getattr(fresh, name))
    return application


@transaction.atomic
def application_move(
    *, application: Application, to_stage: str, on: datetime.date, today: datetime.date,
    now: datetime.datetime, note: str = "", assessments: Sequence[str] | None = None,
) -> Application:  # fmt: skip
    """Moves the card to `to_stage` (or `core.REOPEN`) on `on`, recording the move.

    `assessments` (typing / english / svar / aptitude) are the tests of a move to the
    assessment stage. Raises ApplicationInputError with the core's reason when the rules
    refuse the move.
    """
    note = _text(note, MAX_NOTE, _("Keep the note under %(n)s characters."))
    fresh = _locked(application)
    timeline = timeline_of(fresh)
    refusal = timeline.check(to_stage, on=on, today=today)
    if refusal is not None:
        raise ApplicationInputError(refusal_message(refusal))
    target = timeline.resolve(to_stage)
    if target == Stage.ASSESSMENT and assessments is not None:
        try:
            fresh.assessments = list(core.clean_assessments(assessments))
        except ValueError as error:
            raise ApplicationInputError(_("Choose the tests from the list.")) from error
    StageChange.objects.create(
        application=fresh, from_stage=timeline.current, to_stage=target, on=on, at=now,
        note=note,
    )  # fmt: skip
    fresh.stage, fresh.stage_changed_on = target, on
    fresh.save(update_fields=["stage", "stage_changed_on", "assessments", "updated_at"])
    return _refresh(application, fresh)


@transaction.atomic
def application_undo(*, application: Application) -> Application:
    """Takes back the last move: the card returns to the stage (and date) before it."""
    fresh = _locked(application)
    changes = list(fresh.stage_changes.all())
    try:
        undone = timeline_of(fresh).undo()
    except core.MoveRefused as refused:
        raise ApplicationInputError(refusal_message(refused.refusal)) from refused
    changes[-1].delete()
    fresh.stage, fresh.stage_changed_on = undone.current, undone.last_on
    fresh.save(update_fields=["stage", "stage_changed_on", "updated_at"])
    return _refresh(application, fresh)


# Details -------------------------------------------------------------------------------------


def application_update(
    *, application: Application, title: str, company: str, channel: str, notes: str,
    next_action: str, next_action_due: datetime.date | None,
    interview_at: datetime.datetime | None, resume: Resume | None,
    cover_letter: CoverLetter | None,
) -> Application:  # fmt: skip
    """Saves the card's details; the resume and cover letter must be the user's own."""
    title = _text(title, MAX_TITLE, _("Keep the job title under %(n)s characters."))
    if not title:
        raise ApplicationInputError(_("Write the job title."))
    if resume is not None and resume.user_id != application.user_id:
        raise ApplicationInputError(_("Choose one of your own resumes."))
    if cover_letter is not None and cover_letter.user_id != application.user_id:
        raise ApplicationInputError(_("Choose one of your own cover letters."))
    next_action = _text(
        next_action, MAX_NEXT_ACTION, _("Keep the next step under %(n)s characters.")
    )
    if next_action_due is not None and not next_action:
        raise ApplicationInputError(_("Write the next step that is due on that date."))
    application.title = title
    application.company = _text(
        company, MAX_TITLE, _("Keep the company's name under %(n)s characters.")
    )
    application.channel = _channel(channel)
    application.notes = _text(notes, MAX_NOTES, _("Keep the notes under %(n)s characters."))
    application.next_action, application.next_action_due = next_action, next_action_due
    application.interview_at = interview_at
    application.resume, application.cover_letter = resume, cover_letter
    application.save()
    return application


def contacts_set(*, application: Application, contacts: Iterable[Contact]) -> Application:
    """The people linked to the application: only the user's own contacts."""
    chosen = list(contacts)
    if any(contact.user_id != application.user_id for contact in chosen):
        raise ApplicationInputError(_("Choose from your own contacts."))
    application.contacts.set(chosen)
    return application


def _checklist_stage(application: Application, stage: str) -> set[str]:
    """The document keys of `stage`, which must be the card's current or a past stage."""
    if stage not in timeline_of(application).visited:
        raise ApplicationInputError(
            _("Tick documents of the current stage or of one the application has passed.")
        )
    return {doc.key for doc in core.DOCUMENTS[stage]}


@transaction.atomic
def documents_set(*, application: Application, stage: str, done: Iterable[str]) -> Application:
    """Records which of `stage`'s documents are ready (the others are not)."""
    keys = _checklist_stage(application, stage)
    done = set(done)
    if not done <= keys:
        raise ApplicationInputError(_("Tick documents from the list."))
    fresh = _locked(application)
    documents = dict(fresh.documents or {})
    documents[stage] = {key: True for key in sorted(done)}
    fresh.documents = documents
    fresh.save(update_fields=["documents", "updated_at"])
    application.documents = fresh.documents
    return application


def documents_toggle(*, application: Application, stage: str, key: str, done: bool) -> Application:
    """Ticks or unticks one document of `stage`."""
    ticked = {k for k, v in (application.documents or {}).get(stage, {}).items() if v}
    ticked = ticked | {key} if done else ticked - {key}
    if key not in _checklist_stage(application, stage):
        raise ApplicationInputError(_("Tick documents from the list."))
    return documents_set(application=application, stage=stage, done=ticked)


# Offer ---------------------------------------------------------------------------------------


def offer_terms(offer: Offer, *, country: str = "") -> core_offers.OfferTerms:
    """An offer row as the core's terms (amounts as Decimal)."""
    allowances = tuple(
        core_offers.Allowance(str(item.get("label", "")), Decimal(str(item.get("monthly", 0))))
        for item in offer.allowances or []
    )
    return core_offers.OfferTerms(
        key=str(offer.application_id), label=str(offer.application), currency=offer.currency,
        base_monthly=Decimal(offer.base_monthly), country=country, shift=offer.shift,
        shift_start=offer.shift_start, shift_end=offer.shift_end,
        working_days_per_month=offer.working_days_per_month,
        night_differential_rate=offer.night_differential_rate, allowances=allowances,
        transport=offer.transport, location=offer.location, growth=offer.growth,
        joining_date=offer.joining_date,
    )  # fmt: skip


def _allowances(items: Iterable[tuple[str, Decimal | None]]) -> list[dict[str, Any]]:
    found = []
    for label, amount in items:
        label = (label or "").strip()
        if not label and amount is None:
            continue
        if not label:
            raise ApplicationInputError(_("Name each allowance (rice, transport, shift...)."))
        if amount is None:
            raise ApplicationInputError(
                _("Give the monthly amount of the allowance “%(label)s”.") % {"label": label}
            )
        if len(label) > MAX_ALLOWANCE_LABEL:
            raise ApplicationInputError(
                _("Keep allowance names under %(n)s characters.") % {"n": MAX_ALLOWANCE_LABEL}
            )
        if not Decimal(0) <= amount <= MAX_MONEY:
            raise ApplicationInputError(_("An allowance cannot be negative."))
        found.append({"label": label, "monthly": str(amount.quantize(core_offers.CENT))})
    if len(found) > MAX_ALLOWANCES:
        raise ApplicationInputError(_("List at most %(n)s allowances.") % {"n": MAX_ALLOWANCES})
    return found


OFFER_TEXT_FIELDS = {"transport": MAX_OFFER_TEXT, "location": MAX_OFFER_TEXT,
                     "growth": MAX_GROWTH, "notes": MAX_NOTES}  # fmt: skip


def offer_save(
    *, application: Application, currency: str, base_monthly: Decimal, shift: str = "",
    shift_start: datetime.time | None = None, shift_end: datetime.time | None = None,
    working_days_per_month: int = 22, night_differential_rate: Decimal | None = None,
    allowances: Iterable[tuple[str, Decimal | None]] = (),
    texts: Mapping[str, str] | None = None, joining_date: datetime.date | None = None,
) -> Offer:  # fmt: skip
    """Saves the offer's terms (amounts a month). The application must have reached the
    offer stage; the arithmetic must work (see `core.offers.problems`)."""
    if core.PATH.index(timeline_of(application).furthest) < core.PATH.index(core.OFFER):
        raise ApplicationInputError(_("Move the application to Offer before you record the offer."))
    currency = (currency or "").strip().upper()
    if currency not in CURRENCIES:
        raise ApplicationInputError(_("Choose the currency from the list."))
    if shift and shift not in SHIFTS:
        raise ApplicationInputError(_("Choose day, night or rotational for the shift."))
    if base_monthly > MAX_MONEY:
        raise ApplicationInputError(_("Check the monthly base pay: it is too large."))
    values = {}
    for name, limit in OFFER_TEXT_FIELDS.items():
        values[name] = _text(
            (texts or {}).get(name, ""), limit, _("Keep each text under %(n)s characters.")
        )
    cleaned = _allowances(allowances)
    base_monthly = base_monthly.quantize(core_offers.CENT)
    if night_differential_rate is not None:
        night_differential_rate = night_differential_rate.quantize(Decimal("0.001"))
    offer = Offer.objects.filter(application=application).first() or Offer(application=application)
    offer.currency, offer.base_monthly, offer.shift = currency, base_monthly, shift
    offer.shift_start, offer.shift_end = shift_start, shift_end
    offer.working_days_per_month = working_days_per_month
    offer.night_differential_rate = night_differential_rate
    offer.allowances, offer.joining_date = cleaned, joining_date
    for name, value in values.items():
        setattr(offer, name, value)
    found = core_offers.problems(offer_terms(offer))
    if found:
        raise ApplicationInputError(" ".join(_(problem) for problem in found))
    offer.save()
    return offer


def application_delete(*, application: Application) -> None:
    """Deletes the card with its history and offer; the posting, resume and contacts stay."""
    application.delete()
