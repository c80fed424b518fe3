"""The public URLs of the site as an anonymous visitor reaches them: every live public page of
the tree and the routed views that are not pages (activities, learning map, progress, search,
feeds, sitemap, robots.txt, OAI-PMH, the API, standards' clause views, article citations,
calendars…), each as (key, URL, ids). Kinds with very many members are represented by one member
each; database ids are written as placeholders in the key, so keys are the same on every database.
Used by the demo-site snapshot (tests/test_demo_snapshot.py)."""

import re

from wagtail.documents import get_document_model
from wagtail.models import Page

from courses.models import LearningActivity
from journal.models import ArticlePage, IssuePage, JournalPage, Person, Section
from journal.oai import identifier_for
from network.models import DirectoryIndexPage, Expert
from standards.models import StandardPage

LANGUAGE_PREFIXES = ("", "/en")
SEARCH_WORDS = {"": "社区教育", "/en": "community"}


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

    journal = JournalPage.objects.live().public().order_by("path").first()  # the Chinese one
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

    directory = DirectoryIndexPage.objects.live().public().order_by("path").first()  # the Chinese one
    entries += plain([directory.url + suffix for suffix in ("?type=experience_base", "?region=3301", "experts/")])
    entries += plain([directory.url + "volunteers/top-100/", directory.url + "volunteers/top-100/2024/"])
    expert = Expert.objects.filter(public_profile=True).order_by("pk").first()
    entries.append(placeholder(directory.url + "experts/{expert}/", expert=expert.pk))

    document = get_document_model().objects.order_by("pk").first()
    # Storage renames a file whose name an earlier demo load in this test run left on disk ("_Ab3dE9x").
    key, url, ids = placeholder("/documents/{document}/" + document.filename, document=document.pk)
    entries.append((re.sub(r"_[A-Za-z0-9]{7}(\.\w+)$", r"\1", key), url, ids))
    return entries
