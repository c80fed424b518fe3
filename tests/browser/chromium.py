"""A real browser (Debian's Chromium, driven by Playwright) for what only a browser shows:
layout on a phone, tap-target sizes, navigation by clicking.

The browser runs in Chinese, as the centre's editors and readers have it: its own words (a file
input's "选择文件", form validation messages) come from its interface language, which a
context's `locale` does not change; on Linux Chromium takes it from LANGUAGE (`--lang` is
ignored there) and needs Debian's chromium-l10n for it.

`.ci/run` installs Chromium; where it is missing these tests are skipped and say why.
"""

import os
import shutil

import pytest
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
INTERFACE_LANGUAGE = {"LANGUAGE": "zh_CN:zh"}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-l10n); .ci/run installs it")
    playwright_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Playwright's sync API switches greenlets, and Django's per-context connection objects
    # come back new: hand them the snapshot that serialized rollback restores after a flush.
    snapshots = {conn.alias: getattr(conn, "_test_serialized_contents", None) for conn in connections.all()}
    with playwright_api.sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            env=os.environ | INTERFACE_LANGUAGE,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
