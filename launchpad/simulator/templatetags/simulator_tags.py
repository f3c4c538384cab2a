from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def clock(seconds: Any) -> str:
    """Seconds as m:ss ("" for nothing)."""
    if seconds is None or seconds == "":
        return ""
    whole = max(0, round(float(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"
