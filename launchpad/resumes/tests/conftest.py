"""Fixtures for the resume studio tests: fixture files, a full JSON Resume, alice's resume,
and a reader that submits an editor page the way a browser would."""

from __future__ import annotations

import copy
import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from launchpad.resumes import services
from launchpad.skills.models import QuizAttempt, TypingAttempt

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "resume" / "fixtures"
PDF = FIXTURES / "ph_shifter_a_single.pdf"
DOCX = FIXTURES / "in_fresher_c_headings.docx"

SAMPLE: dict[str, Any] = {
    "basics": {
        "name": "Alice Fernandes",
        "label": "Customer support associate",
        "email": "alice.fernandes@example.com",
        "phone": "+91 98765 43210",
        "url": "https://alice.example.com",
        "summary": "Chat support fresher with a measured typing speed.",
        "location": {"city": "Pune", "region": "Maharashtra", "countryCode": "IN"},
        "profiles": [{"network": "LinkedIn", "username": "alicef"}],
    },
    "work": [
        {
            "name": "Quickserve BPO",
            "position": "Customer Support Intern",
            "startDate": "2024-01",
            "endDate": "2024-06",
            "highlights": ["Handled 60 chats a day", "Kept CSAT above 92%"],
            "url": "https://quickserve.example.com",
        }
    ],
    "education": [
        {
            "institution": "Sahyadri College of Commerce",
            "studyType": "B.Com",
            "area": "Accounting",
            "endDate": "2024",
            "score": "8.1 CGPA",
            "courses": ["Business communication"],
        }
    ],
    "skills": [{"name": "Customer service", "keywords": ["Chat support", "CRM"]}],
    "languages": [{"language": "English", "fluency": "Fluent"}],
    "volunteer": [
        {
            "organization": "Pune Food Bank",
            "position": "Volunteer",
            "highlights": ["Sorted donations every Saturday"],
            "url": "https://food.example.org",
        }
    ],
    "interests": [{"name": "Chess", "keywords": ["club captain"]}],
}


@pytest.fixture
def sample() -> dict[str, Any]:
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def resume(alice, sample):
    return services.resume_create(user=alice, title="Chat support", data=sample)


def media_files() -> list[Path]:
    """Every file stored under MEDIA_ROOT (the test's own temporary folder)."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def measured(alice):
    """A scored one-minute typing test and a scored full English test for alice."""
    now = timezone.now()
    typing = TypingAttempt.objects.create(
        user=alice, text="the quick brown fox", mode=TypingAttempt.Mode.TIMED, duration_s=60,
        status="scored", started_at=now - datetime.timedelta(minutes=5), submitted_at=now,
        result={"wpm": 41.5}, wpm=41.5, accuracy=96.0,
    )  # fmt: skip
    english = QuizAttempt.objects.create(
        user=alice, test="english", form=[], items=[], time_limit_s=900, status="scored",
        started_at=now - datetime.timedelta(minutes=20), submitted_at=now,
        result={"cefr_estimate": "B2"}, percent=78.0,
    )  # fmt: skip
    return typing, english


class _FormReader(HTMLParser):
    """The fields of the first <form> with `css_class`, with the values a browser sends."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.inside = False
        self.values: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.css_class in a.get("class", "").split():
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.values[name] = a.get("value") or "on"
            elif kind not in ("submit", "button", "file"):
                self.values[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline right after <textarea> and sends CRLF line ends.
            text = self.values[self._textarea].removeprefix("\n")
            self.values[self._textarea] = text.replace("\r\n", "\n").replace("\n", "\r\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside = False


def editor_values(html: str) -> dict[str, str]:
    """The editor form of a page as a browser would submit it unchanged."""
    reader = _FormReader("resume-editor")
    reader.feed(html)
    assert reader.values, "no editor form on the page"
    return reader.values
