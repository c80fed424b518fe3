"""A standard found by the site search links straight to the clauses that hold the words."""

import datetime

import pytest

from standards.models import StandardIndexPage, StandardPage
from tests.factories import add_page
from tests.standards.conftest import standard_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(home_page):
    index = add_page(home_page, StandardIndexPage(title="标准规范", slug="standards", introduction="资源建设标准"))
    return add_page(
        index,
        StandardPage(
            title="社区教育数字学习资源建设标准",
            slug="resources-2026",
            code="DB33/T 9999—2026",
            version="2026",
            status=StandardPage.Status.CURRENT,
            stage=StandardPage.Stage.PUBLISHED,
            issued_date=datetime.date(2026, 9, 1),
            body=standard_body(1),
        ),
    )


def test_the_clauses_holding_the_words_are_linked_under_the_standard(client, standard):
    html = client.get("/search/", {"q": "字幕"}).content.decode()
    parts = html.split('class="search-result__parts"')[1].split("</ul>")[0]
    number = next(
        clause.number for clause in standard.document.clauses if clause.title == "字幕" and clause.kind != "term"
    )
    # The term 字幕 (2.2) and the clause requiring captions, each at its numbered address.
    assert f'href="/standards/resources-2026/{number}/"' in parts
    assert f"{number} 字幕" in parts and "<mark>字幕</mark>" in parts
    assert 'href="/standards/resources-2026/2.2/"' in parts


def test_every_word_must_be_in_the_clause(client, standard):
    html = client.get("/search/", {"q": "分辨率 像素"}).content.decode()
    parts = html.split('class="search-result__parts"')[1].split("</ul>")[0]
    assert parts.count("<li>") == 1 and "分辨率" in parts
    html = client.get("/search/", {"q": "字幕 分辨率"}).content.decode()  # the standard, but no one clause
    assert 'class="search-result__parts"' not in html
