"""A researcher searches the journal archive in Chinese, narrows the results to one author with the
search box's ``author:`` syntax (the one the advanced-search help offers), opens the article,
reads both abstracts, and downloads its GB/T 7714—2025 citation and its PDF."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from pypdf import PdfWriter
from wagtail.documents import get_document_model

from journal.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDS = "智能技术"
AUTHOR = "叶青"
TITLE = "基于扎根理论的老年人智能技术运用能力提升研究"
# The entry as GB/T 7714—2025 writes a journal article: full-width commas and brackets after the title.
GB_T_7714_2025 = "叶青. 基于扎根理论的老年人智能技术运用能力提升研究[J]. 社区教育研究，2018，4（4）：29-34.\n"


def give_the_article_its_pdf():
    """The demo's articles have no PDF galley; this one gets a one-page PDF as an editor would."""
    pdf = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(pdf)
    galley = ContentFile(pdf.getvalue(), "ye-qing.pdf")
    document = get_document_model().objects.create(title=f"{TITLE} PDF", file=galley)
    article = ArticlePage.objects.get(title=TITLE)
    article.pdf = document
    article.save_revision().publish()


def run_search(page, query):
    page.locator("#search-q").fill(query)
    page.get_by_role("button", name="搜索", exact=True).click()
    page.wait_for_load_state()


def test_researcher_finds_an_article_by_author_and_downloads_citation_and_pdf(live_server, browser, screenshot):
    call_command("load_demo_content", stdout=io.StringIO())
    give_the_article_its_pdf()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()

    page.goto(live_server.url + "/search/")
    run_search(page, WORDS)
    everyone = page.locator(".search-result h3 a").all_inner_texts()
    assert TITLE in everyone and len(everyone) > 1
    screenshot(page, "search-in-chinese")

    page.locator(".search-help summary").click()  # the help names the author: filter
    assert page.locator(".search-help code", has_text="author:").is_visible()
    screenshot(page, "advanced-search-help")
    run_search(page, f"{WORDS} author:{AUTHOR}")
    assert page.locator(".search-result h3 a").all_inner_texts() == [TITLE]
    assert page.locator(".search-count").inner_text() == "共 1 条结果"
    screenshot(page, "search-by-author")

    page.locator(".search-result h3 a", has_text=TITLE).click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == TITLE
    assert page.locator(".authors a", has_text=AUTHOR).is_visible()
    chinese = page.locator('.bilingual [lang="zh-Hans"] .abstract')
    english = page.locator('.bilingual [lang="en"] .abstract')
    assert chinese.is_visible() and english.is_visible()
    assert chinese.inner_text().startswith("摘要：老年人智能技术运用能力提升")
    assert english.inner_text().startswith("Abstract: Improving Older People's Use of Smart Technology")
    screenshot(page, "article-with-both-abstracts")

    cite = page.locator("section.cite")
    cite.scroll_into_view_if_needed()
    screenshot(page, "cite-this-article")
    with page.expect_download() as citation:
        cite.get_by_role("link", name="GB/T 7714—2025").click()
    assert Path(citation.value.path()).read_text(encoding="utf-8") == GB_T_7714_2025
    assert cite.locator(".citation--gb-t-7714-2025").inner_text() + "\n" == GB_T_7714_2025

    # The PDF is served inline, so Chromium opens it in its viewer (which stands in for the bytes
    # in the page's own response); the file the browser was sent is fetched again to read it.
    with page.expect_response(lambda response: "/documents/" in response.url) as galley:
        page.get_by_role("link", name="下载 PDF").click()
    assert (galley.value.status, galley.value.headers["content-type"]) == (200, "application/pdf")
    assert context.request.get(galley.value.url).body().startswith(b"%PDF")
    screenshot(page, "pdf-opened")
    context.close()
