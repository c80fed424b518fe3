"""Editors can translate journal pages with wagtail-localize; the English pages work."""

import pytest

from cms.core.translation import translate

from .conftest import BROWSER


@pytest.mark.django_db
def test_translated_article_keeps_its_authors_and_metadata(client, localised_site, locales, journal, issue, article):
    english_journal = translate(journal, locales["en"], {"社区教育研究": "Community Education Research"})
    translate(issue, locales["en"], {"2019年第2期": "2019, No. 2"})
    english = translate(article, locales["en"], {})
    assert english_journal.url.startswith("/en/")
    response = client.get(english.url, **BROWSER)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="citation_author" content="王小明"' in html
    assert "Cite this article" in html
    issue_page = client.get(english.get_parent().url, **BROWSER).content.decode()
    assert "Table of contents" in issue_page and "Paths for Community Education" in issue_page
