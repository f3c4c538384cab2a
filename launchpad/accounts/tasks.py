"""Background tasks of the accounts app (run by `launchpad worker`; immediately in tests)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email_task(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> int:
    """Sends one e-mail (plain text, optionally with an HTML part); returns the number sent."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=list(to)
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
