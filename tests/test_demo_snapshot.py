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
from django.db import transaction
from django.test import Client, override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page

from courses.models import LearningActivity
from journal.models import ArticlePage, IssuePage, JournalPage, Person, Section
from journal.oai import identifier_for
from network.models import DirectoryIndexPage, Expert
from standards.models import StandardPage

SNAPSHOT_FILE = Path(__file__).resolve().parent / "snapshots" / "demo_site.json"
LANGUAGE_PREFIXES = ("", "/en")
SEARCH_WORDS = {"": "社区教育", "/en": "community"}
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)

pytestmark = pytest.mark.django_db


def page_urls():
    return sorted(url for url in (page.url for page in Page.objects.live().public().specific()) if url)


def placeholder(template, **ids):
    """(snapshot key, URL to fetch, ids) for a URL holding database ids: the key names them, the URL has them."""
    return template.format(**{name: f"<{name}>" for name in ids}), template.format(**ids), ids


def plain(urls):
    return [(url, url, {}) for url in urls]


def routed_urls():
    """The URLs that are not pages of the tree, or are views routed inside a page; (key, URL, ids)."""
    urls = [
        "/sitemap.xml",
        "/robots.txt",
        "/admin/",
        "/no-such-page/",
        "/en/no-such-page/",
        "/api/v2/pages/",
        "/api/v2/pages/?type=home.NewsPage",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/search/?q=社区教育",
        "/activities.ics",
        "/oai/?verb=Identify",
        "/oai/?verb=ListMetadataFormats",
        "/oai/?verb=ListSets",
        "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai/?verb=NoSuchVerb",
        "/news/?kind=notice",
    ]
    for prefix in LANGUAGE_PREFIXES:
        word = SEARCH_WORDS[prefix]
        urls += [
            f"{prefix}/search/?q={word}",
            f"{prefix}/search/?q=",
            f"{prefix}/search/suggest/?q={word[:2]}",
            f"{prefix}/search/export/?q={word}",
            f"{prefix}/activities/",
            f"{prefix}/activities/?page=2",
            f"{prefix}/activities/calendar/",
            f"{prefix}/learning-map/",
            f"{prefix}/progress/",
            f"{prefix}/news/rss/",
            f"{prefix}/news/atom/",
        ]
    entries = plain(urls)

    activity = LearningActivity.objects.public().order_by("pk").first()
    for prefix in LANGUAGE_PREFIXES:
        entries += [
            placeholder(prefix + "/activities/{activity}/", activity=activity.pk),
            placeholder(prefix + "/activities/{activity}/signup/", activity=activity.pk),
        ]
    entries.append(placeholder("/activities/{activity}.ics", activity=activity.pk))

    journal = JournalPage.objects.live().public().get()
    urls = [journal.url + suffix for suffix in ("keywords/?q=社区教育", "most-read/", "rss/", "atom/")]
    urls += [journal.url + suffix for suffix in ("issues/rss/", "issues/atom/")]
    urls += [
        f"{journal.url}sections/{slug}/" for slug in Section.objects.order_by("slug").values_list("slug", flat=True)
    ]
    urls.append(IssuePage.objects.live().public().order_by("path").first().url + "crossref/")
    article = ArticlePage.objects.live().public().order_by("path").first()
    urls += [article.url + suffix for suffix in ("pdf/", "cite/bibtex/", "cite/ris/", "cite/jats/", "cite/nothing/")]
    entries += plain(urls)
    author = Person.objects.filter(authorships__isnull=False).order_by("pk").first()
    entries.append(placeholder(journal.url + "authors/{person}/", person=author.pk))
    entries.append(
        (
            "/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier=<article>",
            f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier_for(article.pk)}",
            {"article": article.pk},
        )
    )

    for standard in StandardPage.objects.live().public().order_by("path"):
        urls = [standard.url + suffix for suffix in ("?level=shall", "terms/", "checklist/", "json/", "changes/")]
        urls += [standard.url + f"{clause.number}/" for clause in standard.document.clauses]
        first_clause = standard.document.clauses[0]
        urls.append(standard.url + f"clause/{first_clause.id}/")
        entries += plain(urls)

    directory = DirectoryIndexPage.objects.live().public().get()
    entries += plain([directory.url + suffix for suffix in ("?type=experience_base", "?region=3301", "experts/")])
    entries += plain([directory.url + "volunteers/top-100/", directory.url + "volunteers/top-100/2024/"])
    expert = Expert.objects.filter(public_profile=True).order_by("pk").first()
    entries.append(placeholder(directory.url + "experts/{expert}/", expert=expert.pk))

    document = get_document_model().objects.order_by("pk").first()
    # Storage renames a file whose name an earlier demo load in this test run left on disk ("_Ab3dE9x").
    key, url, ids = placeholder("/documents/{document}/" + document.filename, document=document.pk)
    entries.append((re.sub(r"_[A-Za-z0-9]{7}(\.\w+)$", r"\1", key), url, ids))
    return entries


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
        transaction.set_rollback(True)
    cache.clear()
    return {"pages": pages, "snapshot": snapshot}


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
