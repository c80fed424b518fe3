"""Fixtures for the browser tests; the browser itself (tests/browser/chromium.py) is shared
from tests/conftest.py, so every test folder drives the one Chromium of the session."""

import itertools
import os
import re
from pathlib import Path

import pytest

# Screenshots of the journeys land here (one folder per test), for a person to look through
# after a run; build/ is ignored by git.
JOURNEY_SCREENSHOTS = Path(os.environ.get("JOURNEY_SCREENSHOTS", "build/journeys"))


@pytest.fixture
def phone(browser):
    """A phone-sized page (390×844, as an iPhone 12-14) with the reader's default font size."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """``screenshot(page, "step-name")`` saves the whole page as NN-step-name.png in the test's
    own folder, numbered in the order the journey took them."""
    folder = JOURNEY_SCREENSHOTS / re.sub(r"[^\w.-]+", "-", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    steps = itertools.count(1)

    def take(page, name):
        path = folder / f"{next(steps):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
