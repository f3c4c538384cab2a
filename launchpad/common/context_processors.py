from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """Site-wide template values: the product name and the languages offered."""
    return {"SITE_NAME": settings.SITE_NAME, "AVAILABLE_LANGUAGES": settings.LANGUAGES}
