"""Time zone choices: the zones most of our users live in first, then every other zone."""

from __future__ import annotations

import functools
import zoneinfo

from django.utils.translation import gettext_lazy as _

# Most candidates and trainers are in India or the Philippines.
COMMON_TIME_ZONES: list[tuple[str, str]] = [
    ("Asia/Kolkata", "Asia/Kolkata (IST)"),
    ("Asia/Manila", "Asia/Manila (PHT)"),
]


@functools.cache
def all_time_zone_names() -> tuple[str, ...]:
    """Every IANA zone this server knows, sorted, without aliases such as "localtime"."""
    names = zoneinfo.available_timezones()
    return tuple(
        sorted(
            name
            for name in names
            if ("/" in name or name == "UTC")
            and not name.startswith(("posix/", "right/", "Etc/", "SystemV/"))
        )
    )


def time_zone_choices() -> list[tuple[object, object]]:
    """Grouped choices for a select: common zones, then the rest alphabetically."""
    common = {value for value, _label in COMMON_TIME_ZONES}
    rest = [(name, name.replace("_", " ")) for name in all_time_zone_names() if name not in common]
    return [
        (_("Common"), list(COMMON_TIME_ZONES)),
        (_("All time zones"), rest),
    ]
