"""A standard found by the site search links straight to the clauses that hold the words."""

import pytest

from tests.standards.conftest import draft_version, standards_index  # noqa: F401 (fixtures used below)

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard(draft_version):  # noqa: F811 (the imported fixture)
    return draft_version


def test_the_clauses_holding_the_words_are_linked_under_the_standard(client, standard):
    html = client.get("/search/", {"q": "字幕"}).content.decode()
    parts = html.split('class="search-result__parts"')[1].split("</ul>")[0]
    number = next(
        clause.number for clause in standard.document.clauses if clause.title == "字幕" and clause.kind != "term"
    )
    # The term 字幕 (2.2) and the clause requiring captions, each at its numbered address.
    assert f'href="/standards/resources-2026-draft/{number}/"' in parts
    assert f"{number} 字幕" in parts and "<mark>字幕</mark>" in parts
    assert 'href="/standards/resources-2026-draft/2.2/"' in parts


def test_every_word_must_be_in_the_clause(client, standard):
    html = client.get("/search/", {"q": "分辨率 像素"}).content.decode()
    parts = html.split('class="search-result__parts"')[1].split("</ul>")[0]
    assert parts.count("<li>") == 1 and "分辨率" in parts
    html = client.get("/search/", {"q": "字幕 分辨率"}).content.decode()  # the standard, but no one clause
    assert 'class="search-result__parts"' not in html
