"""Writes to the career knowledge base that are not the content loader itself."""

from __future__ import annotations

from django.db.models import F

from launchpad.careers.models import ContentState


def content_version_bump() -> int:
    """Marks career content as changed (cached fragments keyed on the old version go stale).

    Returns the new version. Safe to call inside the transaction that made the change: the new
    version becomes visible to other processes together with the change itself.
    """
    if not ContentState.objects.filter(pk=1).update(version=F("version") + 1):
        ContentState.objects.create(pk=1, version=1)
    return ContentState.objects.values_list("version", flat=True).get(pk=1)
