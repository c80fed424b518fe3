"""The demo site as an anonymous visitor sees it: every public URL with its status and title.

The demo (`load_demo_content`) is loaded once for the module, then every live public page of the
tree (both languages) and the routed views that are not pages (activities, learning map,
progress, search, feeds, sitemap, robots.txt, OAI-PMH, the API, standards' clause views, article
citations, calendars…) are fetched with Django's test client. Each URL is recorded as its status
and the page's <title> (HTML), its content type (anything else) or its Location (redirects), and
compared with tests/snapshots/demo_site.json; a mismatch lists the added, removed and changed URLs.

A change a visitor should see (new page, new title) is recorded by regenerating the snapshot and
committing it with the change:

    UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_demo_snapshot.py

Kinds with very many members (activities, authors, articles' citation downloads) are represented
by one member each, chosen in creation order; their database ids are written as placeholders
(`/activities/<activity>/`) so the snapshot is the same on SQLite and PostgreSQL whatever ids the
database hands out.
"""

import html
import io
import json
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.site_urls import page_urls, plain, routed_urls

SNAPSHOT_FILE = Path(__file__).resolve().parent / "snapshots" / "demo_site.json"
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)


pytestmark = pytest.mark.django_db


def describe(response, ids):
    """What a visitor gets at one URL: status, and the title, content type or redirect target."""
    entry = {"status": response.status_code}
    content_type = response.get("Content-Type", "")
    if "Location" in response:
        location = response["Location"]
        for name, value in ids.items():  # an id in a redirect's target becomes its placeholder
            location = re.sub(rf"(?<=/){value}(?=[/.])", f"<{name}>", location)
        entry["location"] = location
    elif content_type.startswith("text/html"):
        match = TITLE.search(response.content.decode())
        entry["title"] = " ".join(html.unescape(match.group(1)).split()) if match else None
    else:
        entry["content_type"] = content_type
    return entry


def visit(urls):
    client = Client()
    return {key: describe(client.get(url), ids) for key, url, ids in urls}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's answers, computed in one transaction that is rolled back. Its uploads go to a
    media folder of their own: in the suite's shared one, a file name another test used first
    would get a suffix (intro_Ab12cd.vtt) and change the document's URL."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media_root)), django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        call_command("load_demo_content", stdout=io.StringIO())
        pages = page_urls()
        snapshot = visit(plain(pages) + routed_urls())
        with CaptureQueriesContext(connection) as sitemap_queries:
            sitemap = Client().get("/sitemap.xml")
        page_types = Page.objects.live().public().values("content_type").distinct().count()
        transaction.set_rollback(True)
    cache.clear()
    return {
        "pages": pages,
        "snapshot": snapshot,
        "sitemap_urls": sitemap.content.decode().count("<loc>"),
        "sitemap_queries": len(sitemap_queries),
        "page_types": page_types,
    }


def dump(snapshot):
    """One URL per line, sorted, so a change reads as a one-line diff in review."""
    lines = [
        f"  {json.dumps(url, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}"
        for url, entry in sorted(snapshot.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def difference(recorded, actual):
    lines = [f"+ {url}: {actual[url]}" for url in sorted(actual.keys() - recorded.keys())]
    lines += [f"- {url}: {recorded[url]}" for url in sorted(recorded.keys() - actual.keys())]
    lines += [
        f"~ {url}: {recorded[url]} -> {actual[url]}"
        for url in sorted(recorded.keys() & actual.keys())
        if recorded[url] != actual[url]
    ]
    return "\n".join(lines)


def test_every_public_page_of_the_demo_answers(demo_site):
    assert len(demo_site["pages"]) > 200
    assert any(url.startswith("/en/") for url in demo_site["pages"])
    failing = {
        url: demo_site["snapshot"][url] for url in demo_site["pages"] if demo_site["snapshot"][url]["status"] != 200
    }
    untitled = [url for url in demo_site["pages"] if not demo_site["snapshot"][url].get("title")]
    assert not failing and not untitled


def test_the_sitemap_costs_a_few_queries_whatever_the_number_of_pages(demo_site):
    """Every page type's sitemap entries come from the one page query (issue 11: 286 queries for 247 URLs)."""
    assert demo_site["sitemap_urls"] > 200
    # One query per page type (specific()) and a few more: 9 more for the demo's 22 page types
    # when the calls' announcement (公示) joined them; the count never grows with the pages.
    assert demo_site["sitemap_queries"] <= demo_site["page_types"] + 10, demo_site["sitemap_queries"]


def test_the_demo_site_matches_its_snapshot(demo_site):
    actual = demo_site["snapshot"]
    if os.environ.get("UPDATE_SNAPSHOT"):
        SNAPSHOT_FILE.parent.mkdir(exist_ok=True)
        SNAPSHOT_FILE.write_text(dump(actual), encoding="utf-8")
    recorded = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    assert recorded == actual, (
        "The demo site differs from tests/snapshots/demo_site.json (+ added, - removed, ~ changed).\n"
        "If the change is intended: UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_demo_snapshot.py\n"
        + difference(recorded, actual)
    )
