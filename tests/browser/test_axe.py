"""axe-core (pinned in package.json, installed by `npm ci`) on the demo: one page of every public
page type in each language it exists in, and every routed view in both languages, in the standard
look and in care mode, at a desktop and a phone width. Any WCAG 2.0/2.1 A or AA violation fails
the test, listed as page, rule, impact and the element's selector."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Q

from calls.models import CallIndexPage
from cms.core.care_mode import CARE_MODE_COOKIE
from courses.models import CoursePage
from journal.models import JournalPage, Person
from network.models import DirectoryIndexPage
from standards.models import StandardPage
from tests.public_pages import one_page_per_type_and_language, routed_view_urls

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOOKS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}},
    "care mode desktop": {"viewport": {"width": 1280, "height": 900}, "care": True},
    "care mode phone": {"viewport": {"width": 390, "height": 844}, "care": True},
}
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(results => results.violations.flatMap(rule => rule.nodes.map(node =>
        `${rule.id} (${rule.impact}) ${node.target.join(' ')}`)))"""


NOT_FOUND = "/no-such-page/"


def forms_and_listings():
    """Routed views the head test leaves out: sign-up and log-in forms, listings, a course's
    conformance report, the 404 page."""
    calls = CallIndexPage.objects.live().public().first()
    journal = JournalPage.objects.live().public().first()
    author = Person.objects.filter(authorships__isnull=False).order_by("pk").first()
    standard = StandardPage.objects.live().public().order_by("path").first()
    directory = DirectoryIndexPage.objects.live().public().first()
    with_media = Q(lessons__video__isnull=False) | Q(lessons__audio__isnull=False) | Q(lessons__document__isnull=False)
    recorded = CoursePage.objects.live().public().filter(with_media).order_by("path").first()
    return [
        calls.url + "sign-up/",
        calls.url + "log-in/",
        journal.url + "keywords/?q=社区教育",
        journal.url + f"authors/{author.pk}/",
        standard.url + "checklist/",
        standard.url + "changes/",
        standard.url + f"conformance/{recorded.pk}/",
        directory.url + "experts/",
        directory.url + "volunteers/top-100/",
        NOT_FOUND,
        "/en" + NOT_FOUND,
    ]


def public_urls():
    pages = [page.url for page in one_page_per_type_and_language().values()]
    return list(dict.fromkeys([*pages, *routed_view_urls(), *forms_and_listings()]))


def violations(page, url):
    response = page.goto(url)
    if response.status != (404 if url.endswith(NOT_FOUND) else 200):
        return [f"HTTP {response.status}"]
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_AA)


def test_no_wcag_aa_violation_on_any_public_page(live_server, browser):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci` installs it (package.json)")
    call_command("load_demo_content", stdout=io.StringIO())
    urls = public_urls()
    assert any(url.startswith("/en/") for url in urls) and len(urls) >= 30
    found = []
    for look, options in LOOKS.items():
        # The site's CSP (script-src 'self') would block the injected axe script.
        context = browser.new_context(viewport=options["viewport"], locale="zh-CN", bypass_csp=True)
        if options.get("care"):
            context.add_cookies([{"name": CARE_MODE_COOKIE, "value": "1", "url": live_server.url}])
        page = context.new_page()
        for url in urls:
            found += [f"{url} [{look}]: {problem}" for problem in violations(page, live_server.url + url)]
        context.close()
    assert not found, "\n".join(found)


def test_the_audit_reports_what_it_is_given(browser):
    """The injected axe runs the WCAG rules: a picture without words and an empty link are caught."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci` installs it (package.json)")
    page = browser.new_page()
    page.set_content('<html lang="zh-Hans"><title>t</title><main><img src="a.png"><a href="/"></a></main></html>')
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE, WCAG_AA)
    page.close()
    assert found == ["image-alt (critical) img", "link-name (serious) a"]
