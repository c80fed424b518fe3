"""Editors see usage figures in the admin; the snippets and page editors work."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import BROWSER


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_usage_report_and_article_panel(admin_client, article):
    from django.test import Client

    for address in ("10.0.0.1", "10.0.0.2"):  # two readers
        Client(REMOTE_ADDR=address).get(article.url, **BROWSER)
    report = admin_client.get("/admin/reports/journal-usage/")
    assert report.status_code == 200
    text = report.content.decode()
    assert "社区教育服务乡村振兴的路径研究" in text
    edit = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert edit.status_code == 200
    assert "读者浏览 2 次，下载 PDF 0 次（不含机器人）。" in edit.content.decode()


@pytest.mark.django_db
def test_editors_previews_are_not_counted(admin_client, article):
    from journal.usage import totals

    admin_client.get(article.url, **BROWSER)
    assert totals(article)["views"] == 0


@pytest.mark.django_db
def test_snippet_and_page_editors_open(admin_client, journal, issue, sections, four_authors):
    for url in (
        "/admin/snippets/journal/person/",
        f"/admin/snippets/journal/person/edit/{four_authors[0].pk}/",
        "/admin/snippets/journal/section/",
        "/admin/snippets/journal/researchproject/",
        f"/admin/pages/add/journal/articlepage/{issue.pk}/",
        f"/admin/pages/{journal.pk}/edit/",
    ):
        assert admin_client.get(url).status_code == 200, url
