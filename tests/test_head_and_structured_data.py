"""What search engines and chat apps read in the demo's <head>, for every page type and routed view.

The demo is loaded once; one page of each page type in each language it exists in, and every
routed view in both languages, are fetched and their heads parsed. Each test then states one
rule over all of them and lists every URL that breaks it.
"""

import io
import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve as serve_static
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory, override_settings
from PIL import Image

from cms.core.head import DESCRIPTION_FIELDS
from tests.public_pages import one_page_per_type_and_language, routed_view_urls

pytestmark = pytest.mark.django_db

LANGUAGE_TAGS = {"zh-Hans", "en"}
# The properties each schema.org type must have here (Google's required ones, and ours).
REQUIRED = {
    "Organization": {"name", "url", "logo"},
    "WebSite": {"name", "url", "inLanguage", "potentialAction"},
    "BreadcrumbList": {"itemListElement"},
    "Course": {"name", "description", "provider", "inLanguage", "url"},
    "Event": {"name", "startDate", "location", "eventStatus"},
    "ScholarlyArticle": {"headline", "author", "datePublished", "inLanguage", "license", "isPartOf"},
    "NewsArticle": {"headline", "datePublished", "inLanguage", "url", "publisher"},
    "CreativeWork": {"name", "url", "inLanguage"},
    "Dataset": {"name", "description", "url", "distribution"},
    "Periodical": {"name", "url", "inLanguage"},
    "PublicationIssue": {"issueNumber", "isPartOf", "url"},
    "Report": {"name", "url", "inLanguage"},
    "Article": {"headline", "url", "inLanguage"},
}


def read_head(response):
    soup = BeautifulSoup(response.content, "html.parser")

    def meta(attribute, name):
        tag = soup.find("meta", attrs={attribute: name})
        return tag["content"] if tag else None

    canonical = soup.find("link", rel="canonical")
    return {
        "status": response.status_code,
        "lang": soup.html.get("lang"),
        "description": meta("name", "description"),
        "canonical": canonical["href"] if canonical else None,
        "alternates": {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")},
        "og": {name: meta("property", f"og:{name}") for name in ("title", "url", "image", "locale")},
        "twitter_card": meta("name", "twitter:card"),
        "icons": [link["href"] for link in soup.select("link[rel=icon], link[rel=apple-touch-icon]")],
        "manifest": soup.find("link", rel="manifest")["href"],
        "json_ld": [script.string for script in soup.find_all("script", type="application/ld+json")],
        "pictures": [[source.get("type") for source in picture.find_all("source")] for picture in soup("picture")],
        "own_text": "",
    }


def own_text(page):
    return " ".join(str(getattr(page, field, "") or "") for field in DESCRIPTION_FIELDS)


@pytest.fixture(scope="module")
def heads(django_db_setup, django_db_blocker, tmp_path_factory):
    """{url: parsed head}, and for each page type the URL that stands for it."""
    media_root = tmp_path_factory.mktemp("head-media")
    with override_settings(MEDIA_ROOT=str(media_root)), django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        call_command("load_demo_content", stdout=io.StringIO())
        client = Client()
        found, kinds = {}, {}
        for (kind, language), page in one_page_per_type_and_language().items():
            found[page.url] = read_head(client.get(page.url))
            found[page.url]["own_text"] = own_text(page)
            kinds[f"{kind} ({language})"] = page.url
        for url in routed_view_urls():
            found[url] = read_head(client.get(url))
            kinds[url] = url
        # Every alternate named anywhere, so symmetry can be checked from both ends.
        for head in list(found.values()):
            for href in head["alternates"].values():
                path = urlsplit(href).path
                if path not in found:
                    found[path] = read_head(client.get(path))
        manifest = client.get(found["/"]["manifest"])
        transaction.set_rollback(True)
    cache.clear()
    return {"found": found, "kinds": kinds, "manifest": manifest}


def failures(heads, check):
    return {
        url: problem for url, head in heads["found"].items() if head["status"] == 200 and (problem := check(url, head))
    }


def test_every_page_type_and_routed_view_was_visited(heads):
    kinds = heads["kinds"]
    for kind in ("HomePage (zh-hans)", "HomePage (en)", "CoursePage (zh-hans)", "ArticlePage (zh-hans)"):
        assert kind in kinds
    assert len([kind for kind in kinds if "(" in kind]) >= 15
    assert all(heads["found"][url]["status"] == 200 for url in kinds.values())


def test_description_is_there_and_pages_take_it_from_their_own_fields(heads):
    def check(url, head):
        description = head["description"]
        if not description or len(description) > 160:
            return f"description {description!r}"
        if head["own_text"] and description.rstrip("…")[:20] not in " ".join(head["own_text"].split()):
            return f"{description!r} is not from the page's fields"
        return None

    assert not failures(heads, check)


def test_canonical_and_share_card_are_absolute(heads):
    def check(url, head):
        expected = "http://testserver" + url.split("?")[0]
        problems = []
        if head["canonical"] != expected:
            problems.append(f"canonical {head['canonical']}")
        if head["og"]["url"] != head["canonical"]:
            problems.append(f"og:url {head['og']['url']}")
        if not (head["og"]["image"] or "").startswith("http://testserver/"):
            problems.append(f"og:image {head['og']['image']}")
        if not head["og"]["title"] or head["twitter_card"] != "summary_large_image":
            problems.append("card")
        return problems

    assert not failures(heads, check)


def test_hreflang_pairs_are_symmetric_with_x_default(heads):
    found = heads["found"]

    def check(url, head):
        alternates = head["alternates"]
        if "x-default" not in alternates or not set(alternates) - {"x-default"} <= LANGUAGE_TAGS:
            return f"alternates {alternates}"
        if "http://testserver" + url.split("?")[0] not in alternates.values():
            return "does not name itself"
        for tag, href in alternates.items():
            other = found[urlsplit(href).path]["alternates"]
            if other != alternates:
                return f"{tag} → {href} lists {other}"
        return None

    assert not failures(heads, check)
    assert set(found["/en/activities/"]["alternates"]) == {"zh-Hans", "en", "x-default"}
    assert found["/en/"]["alternates"]["x-default"] == "http://testserver/"


def test_one_language_code_convention(heads):
    def check(url, head):
        codes = {head["lang"], *(tag for tag in head["alternates"] if tag != "x-default")}
        codes |= {item["inLanguage"] for item in map(json.loads, head["json_ld"]) if "inLanguage" in item}
        return codes - LANGUAGE_TAGS

    assert not failures(heads, check)
    assert heads["found"]["/"]["lang"] == "zh-Hans" and heads["found"]["/en/"]["lang"] == "en"


def test_json_ld_parses_and_has_what_its_type_requires(heads):
    seen_types = set()

    def check(url, head):
        problems = []
        items = [json.loads(text) for text in head["json_ld"]]
        types = [item["@type"] for item in items]
        if "BreadcrumbList" not in types:
            problems.append("no BreadcrumbList")
        for item in items:
            seen_types.add(item["@type"])
            if item["@context"] != "https://schema.org":
                problems.append(f"{item['@type']} context")
            missing = REQUIRED.get(item["@type"], {"name"}) - item.keys()
            if missing:
                problems.append(f"{item['@type']} lacks {sorted(missing)}")
            if "numberOfLessons" in item:
                problems.append("numberOfLessons is not schema.org")
            if "license" in item and not item["license"].startswith("https://"):
                problems.append(f"license {item['license']}")
        return problems

    assert not failures(heads, check)
    assert {"Organization", "WebSite", "BreadcrumbList", "Course", "Event", "ScholarlyArticle"} <= seen_types
    assert {"Dataset", "NewsArticle", "PublicationIssue"} <= seen_types


def test_home_page_names_the_organisation_and_its_search(heads):
    items = {item["@type"]: item for item in map(json.loads, heads["found"]["/en/"]["json_ld"])}
    assert items["Organization"]["logo"].startswith("http://testserver/static/")
    action = items["WebSite"]["potentialAction"]
    assert action["target"]["urlTemplate"] == "http://testserver/en/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_breadcrumbs_lead_from_home_to_the_page(heads):
    course = heads["kinds"]["CoursePage (zh-hans)"]
    items = {item["@type"]: item for item in map(json.loads, heads["found"][course]["json_ld"])}
    trail = items["BreadcrumbList"]["itemListElement"]
    assert trail[0]["item"] == "http://testserver/"
    assert trail[-1]["item"] == "http://testserver" + course
    assert [step["position"] for step in trail] == list(range(1, len(trail) + 1))
    routed = {item["@type"]: item for item in map(json.loads, heads["found"]["/en/learning-map/"]["json_ld"])}
    names = [step["name"] for step in routed["BreadcrumbList"]["itemListElement"]]
    assert names[-1] == "Lifelong-learning map" and len(names) == 2


def test_pictures_offer_modern_formats_with_a_fallback(heads):
    pictures = [sources for head in heads["found"].values() for sources in head["pictures"]]
    assert pictures
    assert all(sources == ["image/avif", "image/webp"] for sources in pictures)


def test_icons_and_manifest_answer(heads):
    head = heads["found"]["/"]
    for href in head["icons"]:
        name = href.removeprefix("/static/")
        assert serve_static(RequestFactory().get(href), name, insecure=True).status_code == 200
        path = finders.find(name)
        if href.endswith(".png"):
            with Image.open(path) as image:
                assert image.width == image.height >= 32
    manifest = heads["manifest"]
    assert manifest.status_code == 200 and manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["lang"] == "zh-Hans" and data["start_url"] == "/"
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    assert all(finders.find(icon["src"].removeprefix("/static/")) for icon in data["icons"])


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/static/icons/favicon-32.png")
