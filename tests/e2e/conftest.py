"""Browser journeys: Playwright driving Debian's Chromium against Django's live server.

Playwright's own browser download does not work offline, so the system Chromium is used
(override with LAUNCHPAD_CHROMIUM). Each journey runs at a phone and a desktop width, and
every page it visits is checked with axe-core for serious or critical violations. Any
request to a host other than the live server fails the test: pages must make no external
requests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (fixtures, assertions) are safe here because nothing else shares the loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("LAUNCHPAD_CHROMIUM", "/usr/bin/chromium")
VIEWPORTS = {
    "phone": {"width": 360, "height": 780},
    "desktop": {"width": 1280, "height": 900},
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make browser` or set LAUNCHPAD_CHROMIUM."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            # A fake microphone that grants itself, for the interview coach's recorder.
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
        ],
    }


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args: dict, viewport_name: str) -> dict:
    return {
        **browser_context_args,
        "viewport": VIEWPORTS[viewport_name],
        "is_mobile": viewport_name == "phone",
        "has_touch": viewport_name == "phone",
    }


@pytest.fixture
def content(transactional_db: None) -> None:
    """Loads the packaged career content into the live server's database."""
    from django.core.management import call_command

    call_command("load_content", verbosity=0)


@pytest.fixture
def site(live_server, page, content) -> Iterator[SiteDriver]:
    driver = SiteDriver(live_server.url, page)
    page.route("**/*", driver.guard_request)
    yield driver
    assert not driver.external_requests, f"external requests: {driver.external_requests}"
    assert not driver.console_errors, f"browser console errors: {driver.console_errors}"


class SiteDriver:
    """Wraps the page with helpers: go to a path, and audit accessibility on every visit."""

    def __init__(self, base_url: str, page) -> None:
        self.base_url = base_url
        self.page = page
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        self.axe = Axe()
        self.audited: set[str] = set()
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("response", self._on_response)

    def _on_console(self, message) -> None:
        # A page a test visits on purpose may be a 404; broken sub-resources are caught by
        # _on_response with their URL instead of this anonymous console line.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.console_errors.append(f"{response.status} for {response.url}")

    def guard_request(self, route) -> None:
        url = route.request.url
        host = urlparse(url).netloc
        if url.startswith(("data:", "blob:")) or host == urlparse(self.base_url).netloc:
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()

    def go(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.audit()

    def audit(self) -> None:
        """Fails on any serious or critical axe-core violation on the current page."""
        path = urlparse(self.page.url).path
        results = self.axe.run(self.page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if n.get("target") else "?" for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v.get("impact") in {"serious", "critical"}
        ]
        assert not bad, f"accessibility violations on {path}:\n" + "\n".join(bad)
        self.audited.add(path)
