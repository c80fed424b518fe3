"""The standard as pages: full text, clause permalinks across versions, glossary, checklist, JSON, changes."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import WorkflowPage

from standards import authoring as a
from standards.models import StandardIndexPage, StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_page_tree_rules(standards_index):
    assert StandardPage.can_create_at(standards_index)
    assert not StandardPage.can_create_at(standards_index.get_parent())
    assert StandardIndexPage.can_create_at(standards_index.get_parent())


def test_standards_section_is_bound_to_the_moderation_workflow(standards_index, draft_version):
    from cms.core.moderation import get_moderation_workflow

    workflow = get_moderation_workflow()
    assert workflow is not None
    assert WorkflowPage.objects.filter(page=standards_index, workflow=workflow).exists()
    assert draft_version.get_workflow() == workflow


def test_full_text_has_numbers_toc_permalinks_and_linked_terms(client, draft_version):
    page = soup(client.get(draft_version.url))
    assert page.select_one("#clause-3\\.1 .clause__number").text == "3.1"
    assert page.select_one("#clause-3\\.3 h3").get_text(" ", strip=True).startswith("3.3 字幕")
    assert page.select_one('.standard-toc a[href="#clause-3.2"]') is not None
    assert page.select_one("#clause-3\\.1 .clause__permalink")["href"] == f"{draft_version.url}3.1/"
    annex = page.select_one("#clause-A")
    assert "规范性" in annex.get_text()
    # 字幕 used in 3.3 links to its definition, with the definition on hover…
    term_link = page.select_one('#clause-3\\.3 a.term[href="#clause-2.2"]')
    assert term_link["title"] == "与音频同步显示的文字。"
    # …and the glossary links back to where it is used.
    uses = page.select_one("#clause-2\\.2 .term-entry__uses")
    assert [link.text for link in uses.select("a")] == ["3.3"]
    requirement = page.select_one("#clause-3\\.1 .requirement--shall")
    assert requirement.select_one(".requirement__level").text == "应"
    assert "min_height = 720" in requirement.get_text()


def test_level_filter_keeps_matching_clauses_and_their_chapter(client, draft_version):
    page = soup(client.get(draft_version.url + "?level=should"))
    shown = {section["id"] for section in page.select(".standard-body section.clause")}
    assert shown == {"clause-3", "clause-3.2"}
    for junk in ("?level=nonsense", "?level=", "?level[]=1"):
        assert client.get(draft_version.url + junk).status_code == 200


def test_readable_clause_url_shows_the_clause_with_a_citation(client, draft_version):
    page = soup(client.get(draft_version.url + "3.1/"))
    assert page.select_one(".cite__line").text == "《社区教育数字学习资源建设标准》（DB33/T 9999—2026）第3.1条"
    assert page.select_one("#clause-3\\.1") is not None
    assert page.select_one("#clause-3\\.2") is None
    assert client.get(draft_version.url + "9.9/").status_code == 404
    assert soup(client.get(draft_version.url + "2.1/")).select_one("#clause-2\\.1 dfn").text == "微课"
    assert soup(client.get(draft_version.url + "A.1/")).select_one("#clause-A\\.1") is not None


def test_stable_permalink_follows_the_clause_across_versions(client, draft_version, published_version):
    clause_id = a.uid("video.length")
    old = client.get(f"{draft_version.url}clause/{clause_id}/")
    new = client.get(f"{published_version.url}clause/{clause_id}/")
    # In the published version a clause was inserted before it: 3.2 became 3.3.
    assert old.status_code == 302 and old["Location"] == f"{draft_version.url}3.2/"
    assert new.status_code == 302 and new["Location"] == f"{published_version.url}3.3/"
    # Both versions stay readable at their own URLs.
    assert soup(client.get(old["Location"])).select_one(".cite__line").text.endswith("第3.2条")
    assert soup(client.get(new["Location"])).select_one(".cite__line").text.endswith("第3.3条")
    # A clause removed in the later version is gone there, still present in the earlier one.
    removed_id = a.uid("video.captions")
    assert client.get(f"{draft_version.url}clause/{removed_id}/").status_code == 302
    assert client.get(f"{published_version.url}clause/{removed_id}/").status_code == 404


def test_json_download_lists_clauses_with_levels_and_rules(client, draft_version):
    response = client.get(draft_version.url + "json/?download")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["standard"]["code"] == "DB33/T 9999—2026"
    clauses = {clause["number"]: clause for clause in data["clauses"]}
    resolution = clauses["3.1"]
    assert resolution["id"] == a.uid("video.resolution")
    assert resolution["level"] == "shall" and resolution["normative"] is True
    assert "视频的垂直分辨率应不低于720像素。" in resolution["text"]
    assert resolution["check"] == [
        {
            "id": a.uid("rule.height"),
            "type": "video_min_height",
            "params": {"min_height": 720},
            "level": "shall",
            "requirement": a.uid("requirement:video.resolution"),
        }
    ]
    assert resolution["url"].endswith("/resources-2026-draft/3.1/")
    assert clauses["2.1"]["text"] == "围绕单一知识点、时长较短的视频课程。"


def test_terms_and_checklist_views(client, draft_version):
    glossary = soup(client.get(draft_version.url + "terms/"))
    assert [d.text for d in glossary.select(".term-entry dfn")] == ["微课", "字幕"]
    checklist = soup(client.get(draft_version.url + "checklist/"))
    rows = checklist.select(".checklist tbody tr")
    assert [row.select_one("td a").text for row in rows] == ["3.1", "3.3"]


def test_changes_view_lists_added_removed_and_changed_clauses(client, draft_version, published_version):
    page = soup(client.get(published_version.url + "changes/"))
    added = page.select_one(".changes--added").get_text()
    removed = page.select_one(".changes--removed").get_text()
    changed = page.select_one(".changes--changed")
    assert "一般要求" in added
    assert "字幕" in removed
    assert "分辨率" in changed.get_text()
    assert changed.select_one("del").text == "72" and changed.select_one("ins").text == "108"
    assert client.get(published_version.url + "changes/no-such-version/").status_code == 404
    assert client.get(published_version.url + f"changes/{draft_version.slug}/").status_code == 200


def test_index_lists_versions(client, draft_version, published_version, standards_index):
    page = soup(client.get(standards_index.url))
    assert [row.select("td")[2].text for row in page.select(".standards-list tbody tr")] == ["2026", "2026征求意见稿"]


def test_a_version_copied_in_the_admin_keeps_its_clause_ids(client, draft_version):
    """Editors start a new version by copying the page: permalinks must keep working in the copy."""
    copy = draft_version.copy(
        to=draft_version.get_parent(),
        update_attrs={"slug": "resources-2027", "version": "2027", "title": draft_version.title},
        keep_live=True,
    ).specific
    assert [c.id for c in copy.document.clauses] == [c.id for c in draft_version.document.clauses]
    response = client.get(f"{copy.url}clause/{a.uid('video.length')}/")
    assert response["Location"] == f"{copy.url}3.2/"


def test_listing_and_standard_pages_use_a_fixed_number_of_queries(
    client, standards_index, draft_version, published_version, django_assert_max_num_queries
):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries(standards_index.url)  # warm the site settings and caches
    index_before, page_before = queries(standards_index.url), queries(published_version.url)
    for number in range(10):
        add_version(standards_index, number)
    assert queries(standards_index.url) == index_before
    assert queries(published_version.url) == page_before
    with django_assert_max_num_queries(30):
        client.get(published_version.url + "changes/")


def add_version(index, number):
    from tests.factories import add_page

    from .conftest import standard_body

    return add_page(
        index,
        StandardPage(
            title=f"标准{number}",
            slug=f"standard-{number}",
            code="DB33/T 9999—2026",
            version=f"2027-{number}",
            body=standard_body(1),
        ),
    )


def test_an_empty_standard_renders_and_exports_nothing(client, standards_index):
    from tests.factories import add_page

    page = add_page(standards_index, StandardPage(title="空白标准", slug="empty", code="DB33/T 0", version="草案"))
    assert client.get(page.url).status_code == 200
    assert client.get(page.url + "checklist/").status_code == 200
    assert client.get(page.url + "terms/").status_code == 200
    assert json.loads(client.get(page.url + "json/").content)["clauses"] == []
    assert client.get(page.url + "changes/").status_code == 404  # no other version to compare with
