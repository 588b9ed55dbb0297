"""Browser journeys: Playwright drives Debian's Chromium (never a downloaded browser) against
pytest-django's live server; axe-core from npm checks each page against WCAG 2.2 AA."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path(os.environ.get("STOCKTAKE_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[5] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM}: apt-get install chromium")
    if not AXE.exists():
        pytest.fail(f"axe-core is needed at {AXE}: npm ci")
    # Playwright's synchronous API runs an event loop in this thread; the tests' own database
    # work (loading the demo) is synchronous all the same, so Django's guard is lifted here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page with JavaScript on."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_javascript(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def sign_in(page: Page, site: str, username: str = "analyst") -> None:
    """Sign in through the sign-in page as one of the demo's users."""
    from stocktake.demo.loader import DEMO_PASSWORD

    page.goto(site + "/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Sign out").wait_for()


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    problems = [
        f"{violation['id']}: {violation['help']} at {[n['target'] for n in violation['nodes'][:3]]}"
        for violation in result["violations"]
    ]
    assert not problems, f"{page.url}\n" + "\n".join(problems)
