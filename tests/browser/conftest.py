"""Fixtures for the browser tests; the browser itself (tests/browser/chromium.py) is shared
from tests/conftest.py, so every test folder drives the one Chromium of the session."""

import pytest


@pytest.fixture
def phone(browser):
    """A phone-sized page (390×844, as an iPhone 12-14) with the reader's default font size."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()
