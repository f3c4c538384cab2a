"""Every write the accounts app makes: sign-up, profile, export, deletion and API tokens.

Functions are keyword-only, typed and named `<entity>_<verb>`; they raise the domain errors in
`launchpad.accounts.exceptions`. Input is expected to be validated by a form already (see
`forms.py`); the services still refuse data that would break a model rule, and change nothing
when they refuse.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.translation import gettext as _

from launchpad.accounts.exceptions import (
    AccountDeletionBlocked,
    AccountDeletionIncomplete,
    EmailAlreadyRegistered,
    ProfileInvalid,
    TokenInvalid,
    TokenLimitReached,
    TokenNotFound,
)
from launchpad.accounts.models import CandidateProfile, LanguageSkill, PersonalAccessToken, User

EXPORT_FORMAT_VERSION = 1
SIGNUP_ROLES = frozenset({User.Role.CANDIDATE, User.Role.TRAINER})
MAX_LANGUAGES = 8
TOKEN_PREFIX = "lp_"  # noqa: S105 (a marker, not a secret)
TOKEN_DISPLAY_PREFIX_LENGTH = 8
TOKEN_MAX_PER_USER = 20
TOKEN_MAX_EXPIRY_DAYS = 365
# A token used in a loop would otherwise write its row on every request.
TOKEN_TOUCH_INTERVAL = datetime.timedelta(minutes=1)

PROFILE_FIELDS = (
    "country",
    "city",
    "phone",
    "education_level",
    "degree",
    "field_of_study",
    "graduation_year",
    "score_type",
    "score_value",
    "shift_availability",
    "work_types",
    "current_role",
    "years_experience",
)
_PROFILE_LIST_CHOICES = {
    "shift_availability": CandidateProfile.Shift,
    "work_types": CandidateProfile.WorkType,
}


@dataclass(frozen=True)
class LanguageEntry:
    """One language a candidate speaks, with a self-rated level (a LanguageSkill.Level)."""

    language: str
    level: str


@dataclass(frozen=True)
class NewToken:
    """A freshly created token: `raw` is shown to the user once and never stored."""

    token: PersonalAccessToken
    raw: str


# Users ----------------------------------------------------------------------------------------


def _email_in_use(email: str, *, exclude_pk: int | None = None) -> bool:
    queryset = User.objects.filter(email__iexact=email)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.exists()


def user_signup(*, email: str, password: str, full_name: str, role: str, time_zone: str) -> User:
    """Creates a user (candidate or trainer) and their empty candidate profile, atomically.

    The password must already have passed Django's validators (the sign-up form does that).
    Raises EmailAlreadyRegistered when the address is taken in any letter case.
    """
    if role not in SIGNUP_ROLES:
        raise ValueError(f"Sign-up cannot create a {role!r} account.")
    email = User.objects.normalize_email(email.strip()).lower()
    if _email_in_use(email):
        raise EmailAlreadyRegistered(email)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email, password, full_name=full_name.strip(), role=role, time_zone=time_zone
            )
            CandidateProfile.objects.create(user=user)
    except IntegrityError as exc:  # a concurrent sign-up with the same address won the race
        raise EmailAlreadyRegistered(email) from exc
    return user


GUEST_EMAIL_DOMAIN = "guest.invalid"


def guest_create(*, time_zone: str = "Asia/Kolkata") -> User:
    """A guest account (no usable password, a placeholder address) with an empty profile.

    `.invalid` is reserved (RFC 2606), so the placeholder can never reach anyone.
    """
    with transaction.atomic():
        user = User.objects.create_user(
            f"guest-{secrets.token_hex(12)}@{GUEST_EMAIL_DOMAIN}", None, is_guest=True,
            time_zone=time_zone,
        )  # fmt: skip
        CandidateProfile.objects.create(user=user)
    return user


def guest_convert(
    *,
    user: User,
    email: str,
    password: str,
    full_name: str = "",
    role: str = User.Role.CANDIDATE,
    time_zone: str | None = None,
) -> User:
    """Turns a guest account into a candidate account, keeping everything it holds.

    The password must already have passed Django's validators (the form does that). Raises
    ValueError for an account that is not a guest and EmailAlreadyRegistered when the address
    is taken; either way nothing changes.
    """
    if not user.is_guest:
        raise ValueError("Only a guest account can be converted.")
    if role not in SIGNUP_ROLES:
        raise ValueError(f"Sign-up cannot create a {role!r} account.")
    email = User.objects.normalize_email(email.strip()).lower()
    if email.endswith("@" + GUEST_EMAIL_DOMAIN) or _email_in_use(email, exclude_pk=user.pk):
        raise EmailAlreadyRegistered(email)
    user.email = email
    user.full_name = full_name.strip()
    user.is_guest = False
    user.role = role
    if time_zone:
        user.time_zone = time_zone
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save(
                update_fields=["email", "full_name", "is_guest", "role", "time_zone", "password"]
            )
    except IntegrityError as exc:
        user.refresh_from_db()
        raise EmailAlreadyRegistered(email) from exc
    return user


# Rows a guest's results live in: (app label, model) moved wholesale to the account.
_GUEST_OWNED = (
    ("skills", "TypingAttempt"), ("skills", "DataEntryAttempt"), ("skills", "QuizAttempt"),
    ("skills", "ReplyAttempt"), ("readiness", "ReadinessCheck"),
    ("interview", "PracticeSession"),
)  # fmt: skip


def guest_merge(*, guest: User, into: User) -> int:
    """Moves a guest's results to an existing account it signed in to, then deletes the guest.

    Attempts and readiness checks move; the knockout answers move only when the account has
    none (the account's own answers win); the guest's plan is dropped (the account's plan
    is drawn again from the merged results). Returns how many rows moved. Raises ValueError
    when `guest` is not a guest or is `into`.
    """
    if not guest.is_guest or guest.pk == into.pk:
        raise ValueError("Only a guest account can be merged into another account.")
    moved = 0
    with transaction.atomic():
        for app_label, model_name in _GUEST_OWNED:
            model = apps.get_model(app_label, model_name)
            moved += model._default_manager.filter(user=guest).update(user=into)
        answers = apps.get_model("readiness", "KnockoutAnswers")._default_manager
        if not answers.filter(user=into).exists():
            moved += answers.filter(user=guest).update(user=into)
        moved += _merge_interview(guest=guest, into=into)
        account_delete(user=guest)
    return moved


def _merge_interview(*, guest: User, into: User) -> int:
    """Company notes and review cards move unless the account has its own for the same
    company or question (the account's win); coach settings move when the account has none."""
    notes = apps.get_model("interview", "CompanyNote")._default_manager
    taken = {name.casefold() for name in notes.filter(user=into).values_list("name", flat=True)}
    moved = 0
    for note in notes.filter(user=guest):
        if note.name.casefold() not in taken:
            note.user = into
            note.save(update_fields=["user"])
            moved += 1
    cards = apps.get_model("interview", "ReviewCard")._default_manager
    held = cards.filter(user=into).values_list("question_id", flat=True)
    moved += cards.filter(user=guest).exclude(question_id__in=list(held)).update(user=into)
    settings = apps.get_model("interview", "CoachSettings")._default_manager
    if not settings.filter(user=into).exists():
        moved += settings.filter(user=guest).update(user=into)
    return moved


def guests_purge(*, older_than: datetime.datetime) -> int:
    """Deletes guest accounts created before `older_than`, with everything they hold.

    Returns how many accounts were deleted.
    """
    stale = User.objects.filter(is_guest=True, date_joined__lt=older_than)
    count = 0
    for user in stale.iterator():
        account_delete(user=user)
        count += 1
    return count


def user_update(*, user: User, full_name: str, email: str, time_zone: str) -> User:
    """Changes the account's name, e-mail address and time zone.

    Raises EmailAlreadyRegistered when another account uses the new address.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if _email_in_use(email, exclude_pk=user.pk):
        raise EmailAlreadyRegistered(email)
    user.full_name = full_name.strip()
    user.email = email
    user.time_zone = time_zone
    try:
        with transaction.atomic():
            user.save(update_fields=["full_name", "email", "time_zone"])
    except IntegrityError as exc:
        user.refresh_from_db()
        raise EmailAlreadyRegistered(email) from exc
    return user


# Profile --------------------------------------------------------------------------------------


def _check_profile_lists(fields: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, choices in _PROFILE_LIST_CHOICES.items():
        if name not in fields:
            continue
        value = fields[name]
        if not isinstance(value, list) or any(item not in choices.values for item in value):
            errors[name] = [_("Choose from the options listed.")]
        elif len(set(value)) != len(value):
            errors[name] = [_("Each option can be chosen once.")]
    return errors


def _check_languages(languages: Sequence[LanguageEntry]) -> list[str]:
    problems: list[str] = []
    if len(languages) > MAX_LANGUAGES:
        problems.append(
            _("List at most %(max)d languages: the ones you would use at work.")
            % {"max": MAX_LANGUAGES}
        )
    seen: set[str] = set()
    for entry in languages:
        name = entry.language.strip()
        if not name:
            problems.append(_("Every language needs a name."))
        elif len(name) > 50:
            problems.append(_("Language names are at most 50 characters."))
        if entry.level not in LanguageSkill.Level.values:
            problems.append(_("Choose a level for %(language)s.") % {"language": name})
        key = name.casefold()
        if key and key in seen:
            problems.append(
                _("%(language)s is listed twice. Keep one row per language.") % {"language": name}
            )
        seen.add(key)
    return problems


def profile_update(
    *,
    user: User,
    fields: Mapping[str, Any],
    languages: Sequence[LanguageEntry] | None = None,
) -> CandidateProfile:
    """Sets the given profile fields and, when `languages` is given, replaces the languages.

    Only the keys present in `fields` change (so the API can patch). Everything happens in one
    transaction: on ProfileInvalid nothing is changed. Creates the profile if the user has none.
    """
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(fields) - set(PROFILE_FIELDS))
    for name in unknown:
        errors[name] = [_("This is not a profile field.")]
    errors.update(_check_profile_lists(fields))
    if languages is not None:
        problems = _check_languages(languages)
        if problems:
            errors["languages"] = problems
    if errors:
        raise ProfileInvalid(errors)

    with transaction.atomic():
        profile, _created = CandidateProfile.objects.select_for_update().get_or_create(user=user)
        for name, value in fields.items():
            setattr(profile, name, value)
        try:
            profile.full_clean(exclude=["user"], validate_unique=False)
        except ValidationError as exc:
            raise ProfileInvalid(exc.message_dict) from exc
        profile.save()
        if languages is not None:
            profile.languages.all().delete()
            LanguageSkill.objects.bulk_create(
                LanguageSkill(profile=profile, language=entry.language.strip(), level=entry.level)
                for entry in languages
            )
    return profile


# Export ---------------------------------------------------------------------------------------


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _profile_data(profile: CandidateProfile) -> dict[str, Any]:
    return {
        "country": profile.country,
        "city": profile.city,
        "phone": profile.phone,
        "education_level": profile.education_level,
        "degree": profile.degree,
        "field_of_study": profile.field_of_study,
        "graduation_year": profile.graduation_year,
        "score_type": profile.score_type,
        "score_value": _number(profile.score_value),
        "shift_availability": list(profile.shift_availability),
        "work_types": list(profile.work_types),
        "current_role": profile.current_role.slug if profile.current_role else None,
        "years_experience": _number(profile.years_experience),
        "created_at": _iso(profile.created_at),
        "updated_at": _iso(profile.updated_at),
    }


# What the export holds of each skills test's attempts, as (key in the export, field) pairs;
# every attempt also carries its status, times, rules version and result.
_ATTEMPT_EXPORTS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "typing_attempts": ("TypingAttempt", (("mode", "mode"), ("duration_s", "duration_s"),
                        ("is_drill", "is_drill"), ("text", "text"), ("log", "log"))),
    "data_entry_attempts": ("DataEntryAttempt", (("mode", "mode"), ("records", "records"),
                            ("time_limit_s", "time_limit_s"), ("entered", "entered"))),
    "quiz_attempts": ("QuizAttempt", (("test", "test"), ("focus_skill", "focus_skill"),
                      ("late_by_s", "late_by_s"), ("form", "form"), ("items", "items"),
                      ("answers", "answers"))),
    "reply_attempts": ("ReplyAttempt", (("scenario", "shown"), ("late_by_s", "late_by_s"),
                       ("text", "text"))),
}  # fmt: skip
_ATTEMPT_COMMON = ("status", "started_at", "submitted_at", "rules_version", "result")


def _attempts_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Every skills-test attempt of `user`, by test: raw input, what was shown, the scores."""
    from django.apps import apps

    exported: dict[str, list[dict[str, Any]]] = {}
    for key, (model_name, fields) in _ATTEMPT_EXPORTS.items():
        model = apps.get_model("skills", model_name)
        rows = model._default_manager.filter(user=user).order_by("started_at", "id")
        exported[key] = [
            {
                **{name: getattr(row, attr) for name, attr in fields},
                **{name: getattr(row, name) for name in _ATTEMPT_COMMON},
                "started_at": _iso(row.started_at),
                "submitted_at": _iso(row.submitted_at),
            }
            for row in rows
        ]
    return exported


def _goals_data(user: User) -> list[dict[str, Any]]:
    # Imported here: the goals app depends on accounts, not the other way round.
    from launchpad.goals.models import Goal

    goals = (
        Goal.objects.filter(user=user)
        .select_related("target_role", "start_role")
        .prefetch_related("milestones")
        .order_by("id")
    )
    return [
        {
            "id": goal.pk,
            "target_role": goal.target_role.slug,
            "target_role_title": goal.target_role.title,
            "start_role": goal.start_role.slug if goal.start_role else None,
            "target_date": _iso(goal.target_date),
            "aspiration": goal.aspiration,
            "motivation": goal.motivation,
            "status": goal.status,
            "path_role_slugs": list(goal.path_role_slugs),
            "plan_version": goal.plan_version,
            "created_at": _iso(goal.created_at),
            "updated_at": _iso(goal.updated_at),
            "milestones": [
                {
                    "order": milestone.order,
                    "kind": milestone.kind,
                    "title": milestone.title,
                    "detail": milestone.detail,
                    "step_label": milestone.step_label,
                    "due_date": _iso(milestone.due_date),
                    "reference_slug": milestone.reference_slug,
                    "done_at": _iso(milestone.done_at),
                }
                for milestone in goal.milestones.all()
            ],
        }
        for goal in goals
    ]


def account_export(*, user: User, now: datetime.datetime | None = None) -> dict[str, Any]:
    """Returns everything stored about `user` as JSON-ready data.

    Holds the account (never the password hash), the profile and its languages, goals with
    their milestones, every skills attempt, the readiness answers, checks and plan, and API
    token metadata (never the token digests).
    """
    now = now or timezone.now()
    profile = CandidateProfile.objects.filter(user=user).select_related("current_role").first()
    languages = (
        [
            {"language": skill.language, "level": skill.level, "self_rated": True}
            for skill in profile.languages.all()
        ]
        if profile is not None
        else []
    )
    tokens = [
        {
            "name": token.name,
            "prefix": token.prefix,
            "created_at": _iso(token.created_at),
            "last_used_at": _iso(token.last_used_at),
            "expires_at": _iso(token.expires_at),
        }
        for token in PersonalAccessToken.objects.filter(user=user).order_by("created_at")
    ]
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": _iso(now),
        "user": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "time_zone": user.time_zone,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_active": user.is_active,
            "is_staff": user.is_staff,
        },
        "profile": _profile_data(profile) if profile is not None else None,
        "languages": languages,
        "goals": _goals_data(user),
        **_attempts_data(user),
        **_readiness_data(user),
        **_interview_data(user),
        **_networking_data(user),
        **_simulator_data(user),
        "api_tokens": tokens,
    }


def _readiness_data(user: User) -> dict[str, Any]:
    """The knockout answers, readiness checks and plan steps (the readiness app's rows)."""
    answers = apps.get_model("readiness", "KnockoutAnswers")._default_manager.filter(user=user)
    checks = apps.get_model("readiness", "ReadinessCheck")._default_manager.filter(user=user)
    items = apps.get_model("readiness", "PlanItem")._default_manager.filter(user=user)
    return {
        "knockout_answers": [
            {"documents": a.documents, "notice_days": a.notice_days, "on_site": a.on_site,
             "adult": a.adult, "updated_at": _iso(a.updated_at)}
            for a in answers
        ],
        "readiness_checks": [
            {"started_at": _iso(c.started_at), "profile_done_at": _iso(c.profile_done_at),
             "completed_at": _iso(c.completed_at), "typing_attempt": c.typing_id,
             "english_attempt": c.english_id, "judgment_attempt": c.judgment_id,
             "computer_attempt": c.computer_id}
            for c in checks.order_by("started_at", "id")
        ],
        "plan_items": [
            {"week_start": _iso(i.week_start), "kind": i.kind, "title": i.title,
             "detail": i.detail, "status": i.status, "postponed_from": _iso(i.postponed_from)}
            for i in items.order_by("week_start", "id")
        ],
    }  # fmt: skip


def _simulator_data(user: User) -> dict[str, Any]:
    """Every mock call and chat: what the candidate wrote, when, and the QA score."""
    runs = apps.get_model("simulator", "SimulationRun")._default_manager.filter(user=user)
    return {
        "simulation_runs": [
            {"scenario": r.scenario.slug, "title": r.scenario.title,
             "channel": r.scenario.channel, "mode": r.mode, "group": r.group,
             "started_at": _iso(r.started_at), "finished_at": _iso(r.finished_at),
             "agent_turns": r.agent_turns, "total": r.total, "passed": r.passed,
             "outcome": r.outcome, "score": r.score}
            for r in runs.select_related("scenario").order_by("started_at", "id")
        ]
    }  # fmt: skip


def _networking_data(user: User) -> dict[str, Any]:
    """Contacts, events and follow-ups (the networking app's rows)."""
    from launchpad.networking.selectors import export_data

    return dict(export_data(user))


def _interview_data(user: User) -> dict[str, Any]:
    """Coach settings, company notes, practice sessions with every answer and its feedback,
    and the review schedule (the interview app's rows). Recordings live in the browser."""
    settings = apps.get_model("interview", "CoachSettings")._default_manager.filter(user=user)
    notes = apps.get_model("interview", "CompanyNote")._default_manager.filter(user=user)
    sessions = apps.get_model("interview", "PracticeSession")._default_manager.filter(user=user)
    cards = apps.get_model("interview", "ReviewCard")._default_manager.filter(user=user)
    return {
        "interview_settings": [
            {"interview_date": _iso(s.interview_date), "track": s.track, "role": s.role,
             "company": s.company.name if s.company else None}
            for s in settings.select_related("company")
        ],
        "company_notes": [
            {"name": n.name, "services": n.services, "client_industries": n.client_industries,
             "locations": n.locations, "values": n.values, "notes": n.notes,
             "updated_at": _iso(n.updated_at)}
            for n in notes
        ],
        "interview_sessions": [
            {"kind": s.kind, "round": s.round, "track": s.track, "role": s.role,
             "started_at": _iso(s.started_at), "finished_at": _iso(s.finished_at),
             "answers": [
                 {"question": a.question.slug, "prompt": a.question.prompt,
                  "shown_at": _iso(a.shown_at), "submitted_at": _iso(a.submitted_at),
                  "text": a.text, "think_seconds": a.think_seconds,
                  "answer_seconds": a.answer_seconds, "feedback": a.feedback,
                  "quality": a.quality}
                 for a in s.answers.select_related("question").order_by("position")
             ]}
            for s in sessions.order_by("started_at", "id")
        ],
        "interview_schedule": [
            {"question": c.question.slug, "due": _iso(c.due), "interval_days": c.interval_days,
             "ease": c.ease, "repetitions": c.repetitions, "reviews": c.reviews}
            for c in cards.select_related("question").order_by("due", "id")
        ],
    }  # fmt: skip


# Deletion -------------------------------------------------------------------------------------


def _rows_to_delete(user: User) -> dict[type[models.Model], set[Any]]:
    """Every row the delete will remove (the user and everything that cascades from it)."""
    collector = Collector(using=router.db_for_write(User, instance=user))
    collector.collect([user])
    planned: dict[type[models.Model], set[Any]] = {}
    for model, instances in collector.data.items():
        planned.setdefault(model, set()).update(obj.pk for obj in instances)
    for queryset in collector.fast_deletes:
        planned.setdefault(queryset.model, set()).update(queryset.values_list("pk", flat=True))
    return planned


def _rows_still_referring_to(user_id: int) -> dict[str, int]:
    """Rows in any model (including many-to-many tables) that still point at `user_id`."""
    leftovers: dict[str, int] = {}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                count = model._base_manager.filter(**{field.attname: user_id}).count()
                if count:
                    leftovers[f"{model._meta.label}.{field.name}"] = count
    return leftovers


def account_delete(*, user: User) -> None:
    """Deletes the user and, by cascade, everything they own; then checks nothing remains.

    The password check belongs to the caller (the confirmation form). Raises
    AccountDeletionBlocked if protected data refers to the user, and AccountDeletionIncomplete
    if any row survived; in both cases nothing is deleted.
    """
    user_id = user.pk
    try:
        with transaction.atomic():
            planned = _rows_to_delete(user)
            user.delete()
            leftovers = _rows_still_referring_to(user_id)
            for model, pks in planned.items():
                remaining = model._base_manager.filter(pk__in=pks).count() if pks else 0
                if remaining:
                    leftovers[model._meta.label] = remaining
            if leftovers:
                raise AccountDeletionIncomplete(leftovers)
    except (ProtectedError, RestrictedError) as exc:
        raise AccountDeletionBlocked(str(exc)) from exc
    except AccountDeletionIncomplete:
        user.pk = user_id
        raise


# API tokens -----------------------------------------------------------------------------------


def token_digest(raw_token: str) -> str:
    """The SHA-256 hex digest under which a token is stored."""
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


def token_create(
    *,
    user: User,
    name: str,
    expires_in_days: int | None = None,
    now: datetime.datetime | None = None,
) -> NewToken:
    """Creates a personal access token; the raw value is returned here once and never stored.

    `expires_in_days` is 1 to 365, or None for a token that never expires. Raises TokenInvalid for
    a blank name or an expiry outside that range, TokenLimitReached past the per-user limit.
    """
    name = name.strip()
    if not name or len(name) > 80:
        raise TokenInvalid(_("Give the token a name of 1 to 80 characters."))
    if expires_in_days is not None and not 1 <= expires_in_days <= TOKEN_MAX_EXPIRY_DAYS:
        raise TokenInvalid(
            _("A token expires after 1 to %(max)d days, or never.") % {"max": TOKEN_MAX_EXPIRY_DAYS}
        )
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the user's row so two concurrent requests cannot both pass the limit.
        User.objects.select_for_update().filter(pk=user.pk).first()
        if PersonalAccessToken.objects.filter(user=user).count() >= TOKEN_MAX_PER_USER:
            raise TokenLimitReached(
                _("You can hold at most %(max)d tokens. Revoke one you no longer use.")
                % {"max": TOKEN_MAX_PER_USER}
            )
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = PersonalAccessToken.objects.create(
            user=user,
            name=name,
            prefix=raw[:TOKEN_DISPLAY_PREFIX_LENGTH],
            digest=token_digest(raw),
            expires_at=(
                now + datetime.timedelta(days=expires_in_days)
                if expires_in_days is not None
                else None
            ),
        )
    return NewToken(token=token, raw=raw)


def token_revoke(*, user: User, token_id: int) -> None:
    """Deletes one of the user's own tokens. Raises TokenNotFound for anyone else's."""
    deleted, _details = PersonalAccessToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise TokenNotFound(token_id)


def token_authenticate(*, raw_token: str, now: datetime.datetime | None = None) -> User | None:
    """Returns the active user a valid, unexpired token belongs to, or None.

    Records when the token was last used, at most once a minute per token.
    """
    if not raw_token.startswith(TOKEN_PREFIX) or len(raw_token) > 200:
        return None
    now = now or timezone.now()
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(digest=token_digest(raw_token))
        .first()
    )
    if token is None or token.is_expired(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_TOUCH_INTERVAL:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
