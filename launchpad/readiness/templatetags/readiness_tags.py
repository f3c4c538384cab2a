"""Template helpers for readiness: figures with their units, and the check's way back."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Q
from django.utils.translation import gettext as _

from launchpad.readiness.models import ReadinessCheck
from launchpad.readiness.services import CHECK_STEPS, QUIZ_STEP_TESTS
from launchpad.skills.models import QuizAttempt, TypingAttempt

register = template.Library()

LEVEL_LABELS = {
    "basic": "Basic",
    "conversational": "Conversational",
    "fluent": "Fluent",
    "native": "Native or bilingual",
}


def _with_unit(measure: str, value: float) -> str:
    if measure == "typing.wpm":
        return _("%(value)s WPM") % {"value": f"{value:.0f}"}
    if measure == "data_entry.kph":
        return _("%(value)s KPH") % {"value": f"{value:,.0f}"}
    if measure.startswith("reply."):
        return _("%(value)s / 100") % {"value": f"{value:.0f}"}
    return f"{value:.0f}%"


@register.filter
def measured(component: Any) -> str:
    """A component's value as the candidate knows it (with its unit, or the self-rating)."""
    if component.value is None:
        return _("not measured yet")
    if component.level:
        return _("%(level)s (self-rated)") % {"level": _(LEVEL_LABELS.get(component.level, ""))}
    return _with_unit(component.spec.measure, component.value)


@register.filter
def bar(component: Any) -> str:
    """The track's threshold for the component, with its unit."""
    measure = component.spec.measure
    if measure == "language.other":
        return _("Fluent")
    return _with_unit(measure, component.spec.threshold)


@register.inclusion_tag("readiness/_continue.html", takes_context=True)
def readiness_continue(context: dict[str, Any], attempt: Any) -> dict[str, Any]:
    """A way back to the readiness check when `attempt` is one of its mini tests."""
    user = context.get("user")
    found = None
    if user is not None and user.is_authenticated and attempt is not None:
        if isinstance(attempt, TypingAttempt):
            condition = Q(typing=attempt)
        elif isinstance(attempt, QuizAttempt):
            condition = Q(english=attempt) | Q(judgment=attempt) | Q(computer=attempt)
        else:
            condition = None
        if condition is not None:
            found = ReadinessCheck.objects.filter(condition, user=user).first()
    number = 0
    if found is not None:
        # Typing and quiz attempts number their rows separately: compare like with like.
        steps = ("typing",) if isinstance(attempt, TypingAttempt) else tuple(QUIZ_STEP_TESTS)
        number = next(
            CHECK_STEPS.index(step) + 1
            for step in steps
            if getattr(found, f"{step}_id") == attempt.pk
        )
    return {
        "readiness_check": found, "attempt": attempt, "step_number": number,
        "step_total": len(CHECK_STEPS),
    }  # fmt: skip


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """`mapping[key]`, or None when it is missing."""
    return mapping.get(key) if isinstance(mapping, dict) else None
