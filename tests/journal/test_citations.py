"""GB/T 7714-2015 and APA through citeproc-py, with its known problems corrected."""

import pytest

from journal.citations import GBT_7714_2015, apa, csl_item, gbt7714, render
from journal.metadata import article_metadata
from journal.models import ArticlePage

from .conftest import BROWSER


@pytest.fixture
def metadata(article):
    return article_metadata(ArticlePage.objects.with_listing_data().get(pk=article.pk))


@pytest.mark.django_db
def test_gbt7714_chinese_first_three_authors_then_deng(metadata):
    assert (
        gbt7714(metadata)
        == "王小明, 李华, 欧阳春, 等. 社区教育服务乡村振兴的路径研究[J]. 社区教育研究, 2019, 5(2): 12-19."
    )


@pytest.mark.django_db
def test_gbt7714_english_reference_says_et_al(metadata):
    assert gbt7714(metadata, english=True) == (
        "WANG X, LI H, OUYANG C, et al. Paths for Community Education to Serve Rural Revitalisation[J]. "
        "Community Education Research, 2019, 5(2): 12-19."
    )


@pytest.mark.django_db
def test_known_citeproc_problems_are_really_corrected(metadata):
    """Without the corrections citeproc-py writes 王 小明 and drops [J]; with them it does not."""
    item = csl_item(metadata)
    assert item["author"][0] == {"literal": "王小明"}
    raw = render({**item, "author": [{"family": "王", "given": "小明"}], "type": "article"}, GBT_7714_2015)
    assert "王 小明" in raw  # what citeproc-py does with family/given Chinese names
    text = gbt7714(metadata)
    assert "王 小明" not in text and "[J]" in text
    with_doi = csl_item(metadata) | {"DOI": "10.12345/x.2019.001"}
    assert "[J/OL]" in render(with_doi, GBT_7714_2015)  # citeproc-py keeps the code when there is a DOI


@pytest.mark.django_db
def test_two_authors_are_all_listed(issue, four_authors):
    from journal.models import ArticlePage as Article

    from .conftest import make_article

    two = make_article(issue, "老年教育的数字化转型", four_authors[:2], slug="two")
    text = gbt7714(article_metadata(Article.objects.with_listing_data().get(pk=two.pk)))
    assert text.startswith("王小明, 李华. 老年教育的数字化转型[J]. 社区教育研究, 2019, 5(2)")
    assert "等" not in text


@pytest.mark.django_db
def test_apa(metadata):
    assert (
        apa(metadata)
        == "王小明, 李华, 欧阳春, & 张三. (2019). 社区教育服务乡村振兴的路径研究. 社区教育研究, 5(2), 12～19."
    )
    assert apa(metadata, english=True) == (
        "Wang, X., Li, H., Ouyang, C., & Zhang, S. (2019). Paths for Community Education to Serve "
        "Rural Revitalisation. Community Education Research, 5(2), 12–19."
    )


@pytest.mark.django_db
def test_cite_this_article_block_on_the_page(client, article):
    html = client.get(article.url, **BROWSER).content.decode()
    assert "王小明, 李华, 欧阳春, 等. 社区教育服务乡村振兴的路径研究[J]." in html
    assert "WANG X, LI H, OUYANG C, et al." in html


@pytest.mark.django_db
def test_a_reference_is_formatted_once_per_worker_and_again_when_it_changes(metadata):
    """An article page shows five references; citeproc-py writes each only the first time."""
    from unittest import mock

    from journal import citations

    item = {**csl_item(metadata), "title": "只在这里出现的标题"}
    with mock.patch.object(citations, "CitationStylesBibliography", wraps=citations.CitationStylesBibliography) as made:
        first = render(item, GBT_7714_2015)
        assert render(dict(reversed(item.items())), GBT_7714_2015) == first
        assert made.call_count == 1
        changed = render({**item, "title": "改过的标题"}, GBT_7714_2015)
    assert "改过的标题" in changed and "只在这里出现的标题" not in changed
    assert made.call_count == 2
