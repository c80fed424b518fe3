"""GB/T 7714—2025 entries: the standard's examples, both systems, names, the site's registry."""

import pytest

from journal.references import AUTHOR_YEAR, bibliography_order, format_reference, format_references

from .gbt7714_examples import DATA_GAPS, EXAMPLES, completed, describe, exact_failures


def test_the_fixture_holds_the_46_examples_of_the_standard():
    assert len(EXAMPLES) == 46
    assert len({example["id"] for example in EXAMPLES}) == 46


def test_at_least_95_percent_of_the_examples_are_reproduced_exactly():
    failures = exact_failures([(completed(example), example) for example in EXAMPLES], format_reference)
    rate = 1 - len(failures) / len(EXAMPLES)
    assert rate >= 0.95, f"{rate:.1%} reproduced; not reproduced:\n{describe(failures)}"


def test_the_examples_as_copied_fail_only_where_their_data_lacks_what_the_entry_prints():
    failures = exact_failures([(example["csl"], example) for example in EXAMPLES], format_reference)
    assert {id_ for id_, _, _ in failures} <= set(DATA_GAPS), describe(failures)
    assert len(failures) <= len(DATA_GAPS) == 4


@pytest.mark.parametrize("example_id", sorted(DATA_GAPS))
def test_each_data_gap_is_real(example_id):
    """A gap names fields the copied item lacks or has otherwise, and it matters to the entry."""
    example = next(example for example in EXAMPLES if example["id"] == example_id)
    supplied = DATA_GAPS[example_id]["csl"]
    assert all(example["csl"].get(key) != value for key, value in supplied.items())
    assert format_reference(example["csl"]) != example["expected"]


def journal_article(**fields):
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "四库馆私家抄校书考略",
        "container-title": "文献",
        "author": [{"literal": "杨洪升"}],
        "issue": "1",
        "page": "56-75",
        "issued": {"date-parts": [[2013]]},
        "language": "zh-CN",
    }
    return {**item, **fields}


def test_more_than_three_names_chinese_deng_western_et_al():
    four = [{"literal": name} for name in ("王小明", "李华", "欧阳春", "张三")]
    assert format_reference(journal_article(author=four)).startswith("王小明，李华，欧阳春，等. 四库馆")
    western = [{"family": family, "given": "Anna Maria"} for family in ("Smith", "Jones", "Brown", "Green")]
    entry = format_reference(journal_article(author=western, title="Paths", language="en-US"))
    assert entry.startswith("Smith A M，Jones A M，Brown A M，et al. Paths[J].")


def test_language_is_guessed_from_the_title_when_the_item_has_none():
    four = [{"literal": name} for name in ("王小明", "李华", "欧阳春", "张三")]
    assert "，等." in format_reference({**journal_article(author=four), "language": ""})


def test_supplement_issue_and_a_doi_make_an_online_journal_entry():
    entry = format_reference(journal_article(issue="增刊1", volume="62", DOI="10.1/x"))
    assert entry == "杨洪升. 四库馆私家抄校书考略[J/OL]. 文献，2013，62（增刊1）：56-75. DOI:10.1/x."


def test_author_year_system_moves_the_year_after_the_names():
    assert format_reference(journal_article(), system=AUTHOR_YEAR) == (
        "杨洪升. 2013. 四库馆私家抄校书考略[J]. 文献，（1）：56-75."
    )
    newspaper = {
        "id": "n",
        "type": "article-newspaper",
        "title": "数字革命与竞争国际化",
        "container-title": "中国青年报",
        "author": [{"literal": "丁文详"}],
        "page": "15",
        "issued": {"date-parts": [[2000, 11, 20]]},
    }
    entry = format_reference(newspaper, system=AUTHOR_YEAR)
    assert entry == "丁文详. 2000. 数字革命与竞争国际化[N]. 中国青年报，11-20（15）."


def test_author_year_list_is_ordered_by_language_then_pinyin_then_year_and_told_apart():
    zhang_2002 = journal_article(id="z2", author=[{"literal": "张伯伟"}], issued={"date-parts": [[2002]]})
    zhang_2002b = journal_article(id="z3", author=[{"literal": "张伯伟"}], issued={"date-parts": [[2002]]}, title="乙")
    an = journal_article(id="a", author=[{"literal": "安乐"}])
    boobier = journal_article(id="b", author=[{"family": "Boobier", "given": "Tony"}], title="AI", language="en-US")
    ordered = bibliography_order([boobier, zhang_2002, an, zhang_2002b])
    assert [item["id"] for item in ordered] == ["a", "z2", "z3", "b"]
    entries = format_references([zhang_2002b, zhang_2002], system=AUTHOR_YEAR)
    assert entries[0].startswith("张伯伟. 2002b. 乙[J].")
    assert entries[1].startswith("张伯伟. 2002a. 四库馆")


def test_unknown_style_or_system_is_refused():
    with pytest.raises(ValueError, match="unknown style"):
        format_reference(journal_article(), style="gb-t-7714-1987")
    with pytest.raises(ValueError, match="unknown system"):
        format_reference(journal_article(), system="footnotes")


@pytest.mark.django_db
def test_an_article_is_cited_in_gbt7714_2025_through_the_citations_registry(article):
    from journal.citations import citation_formats
    from journal.metadata import article_metadata
    from journal.models import ArticlePage

    metadata = article_metadata(ArticlePage.objects.with_listing_data().get(pk=article.pk))
    lines = {line["key"]: line["text"] for line in citation_formats(metadata)}
    assert lines["gb-t-7714-2025"] == (
        "王小明，李华，欧阳春，等. 社区教育服务乡村振兴的路径研究[J]. 社区教育研究，2019，5（2）：12-19."
    )
    assert lines["gb-t-7714-2025-en"].startswith("Wang X，Li H，Ouyang C，et al. Paths for Community Education")


@pytest.mark.django_db
def test_the_article_page_cites_the_article_in_gbt7714_2025(client, article):
    from bs4 import BeautifulSoup

    from .conftest import BROWSER

    page = BeautifulSoup(client.get(article.url, **BROWSER).content, "html.parser")
    entry = page.select_one(".citation--gb-t-7714-2025")
    assert entry.previous_sibling.get_text() == "GB/T 7714—2025"
    assert entry.get_text() == (
        "王小明，李华，欧阳春，等. 社区教育服务乡村振兴的路径研究[J]. 社区教育研究，2019，5（2）：12-19."
    )
