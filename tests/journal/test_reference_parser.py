"""Reading pasted GB/T 7714 reference lists: the round trip over the standard's examples,
the 2015 forms, and every unreadable line reported by its number."""

import pytest
from django.utils import translation

from journal.references import format_reference, parse_reference, parse_reference_list
from journal.references.gbt7714 import primary_names
from journal.references.item import read
from journal.references.names import format_name

from .gbt7714_examples import EXAMPLES, completed

EXACT_DATE_CODES = {"N", "P", "A", "EB", "PP", "DS"}


def printed_data(item):
    """The data a 2025 entry prints and a parse must give back, field by field.

    Always: title, type code (with /OL and whether it is a part “//” of a whole work), the
    first three primary names (authors, or a whole work's editors) as printed, container
    title and names, pages, URL, DOI, CSTR, publisher (or archive), place, edition, version,
    scale, size, translators. The year, except for standards (whose 2025 entry shows it only
    inside the number). Volume for [J], [M] and [C]; issue for [J]; the number for [R], [P],
    [A] and [S]; the exact date where the entry prints it (newspapers, patents, archives,
    online resources) and the access date where it prints one ([EB/OL], [PP/OL], [DS/OL]).
    """
    ref = read(item)
    data = {
        "title": ref.title,
        "code": (ref.code, ref.online, ref.contribution),
        "names": [format_name(name) for name in primary_names(ref)[:3]],
        "container": (ref.container_title, [format_name(name) for name in ref.container_authors[:3]]),
        "page": ref.page,
        "url": ref.url,
        "doi": ref.doi,
        "cstr": ref.cstr,
        "publisher": ref.publisher,
        "place": ref.place,
        "edition": ref.edition,
        "version": ref.version,
        "scale": ref.scale,
        "dimensions": ref.dimensions,
        "translators": [format_name(name) for name in ref.translators[:3]],
    }
    if ref.code in ("J", "M", "C"):
        data["volume"] = ref.volume
    if ref.code == "J":
        data["issue"] = ref.issue
    if ref.code in ("R", "P", "A", "S"):
        data["number"] = ref.number
    if ref.code != "S":
        data["year"] = ref.issued.year if ref.issued else None
    if ref.code in EXACT_DATE_CODES or (ref.code == "R" and not ref.publisher):
        data["date"] = ref.issued.full if ref.issued else None
    if ref.shows_accessed:
        data["accessed"] = ref.accessed.full if ref.accessed else None
    return data


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example["id"])
def test_parsing_a_formatted_example_gives_back_its_data(example):
    item = completed(example)
    parsed = parse_reference(format_reference(item))
    assert printed_data(parsed) == printed_data(item)


def test_reformatting_the_parsed_examples_gives_the_same_text_for_at_least_95_percent():
    different = []
    for example in EXAMPLES:
        text = format_reference(completed(example))
        again = format_reference(parse_reference(text))
        if again != text:
            different.append(f"{example['id']}\n  first  {text}\n  again  {again}")
    assert 1 - len(different) / len(EXAMPLES) >= 0.95, "\n".join(different)


def test_the_standards_entries_themselves_parse_as_a_numbered_list():
    text = "\n".join(f"[{number}] {example['expected']}" for number, example in enumerate(EXAMPLES, start=1))
    result = parse_reference_list(text)
    assert result.errors == []
    assert [format_reference(item) for item in result.items] == [example["expected"] for example in EXAMPLES]


REFERENCES_2015 = """\
[1] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
[2] SAITO M, MIYAZAKI K, ONO T, et al. Jadeite-bearing metagabbro[J]. Bull Geol Surv Jpn, 2006, 57(5/6): 169-176.

3. PEEBLES P Z, Jr. Probability, random variable, and random signal principles[M]. 4th ed. New York: McGraw Hill, 2001.
［4］ 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
[5] 全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015: 15.
[6] 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
[7] 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.
[8] ORTEGA A. Sharing the secrets[C]//SMITH J, DOE J. Proceedings. Berlin: Springer, 2003: 1-2.
[9] 白书农. 植物开花研究[M]//李承森, 王宇, 陈晓亚, 等. 植物科学进展. 北京: 高等教育出版社, 1998: 146-163.
"""


def test_2015_half_width_entries_are_read_and_written_again_in_the_2025_form():
    result = parse_reference_list(REFERENCES_2015)
    assert result.errors == []
    items = {item["id"]: item for item in result.items}
    assert list(items) == ["ref-1", "ref-2", "ref-4", "ref-5", "ref-6", "ref-7", "ref-8", "ref-9", "ref-10"]
    assert items["ref-1"] | {"id": None} == {
        "id": None,
        "type": "article-journal",
        "author": [{"literal": "杨洪升"}],
        "title": "四库馆私家抄校书考略",
        "container-title": "文献",
        "issue": "1",
        "page": "56-75",
        "issued": {"date-parts": [[2013]]},
        "language": "zh-CN",
    }
    saito = items["ref-2"]
    assert saito["author"][0] == {"family": "SAITO", "given": "M"}
    assert saito["custom"] == {"names-truncated": ["author"]}
    assert (saito["volume"], saito["issue"]) == ("57", "5/6")
    assert items["ref-4"]["author"] == [{"family": "PEEBLES", "given": "P Z", "suffix": "Jr"}]
    assert items["ref-4"]["edition"] == "4"
    assert (items["ref-5"]["title"], items["ref-5"]["volume"]) == ("国史旧闻", "1")
    assert items["ref-6"]["number"] == "GB/T 7714—2015"
    assert items["ref-8"]["accessed"] == {"date-parts": [[2013, 10, 25]]}
    assert items["ref-9"]["editor"] == [{"family": "SMITH", "given": "J"}, {"family": "DOE", "given": "J"}]
    assert items["ref-10"]["type"] == "chapter"
    assert items["ref-10"]["custom"] == {"names-truncated": ["editor"]}
    assert [format_reference(item) for item in result.items] == [
        "杨洪升. 四库馆私家抄校书考略[J]. 文献，2013（1）：56-75.",
        "SAITO M，MIYAZAKI K，ONO T，et al. Jadeite-bearing metagabbro[J]. "
        "Bull Geol Surv Jpn，2006，57（5/6）：169-176.",
        "PEEBLES P Z Jr. Probability, random variable, and random signal principles[M]. 4th ed. "
        "New York：McGraw Hill，2001.",
        "陈登原. 国史旧闻：第1卷[M]. 北京：中华书局，2000：29.",
        "GB/T 7714—2015\u2003信息与文献 参考文献著录规则[S]. 北京：中国标准出版社，2015：15.",
        "萧钰. 出版业信息化迈入快车道[EB/OL]. （2001-12-19）[2002-04-15]. "
        "http://www.creader.com/news/20011219/200112190019.html.",
        "李炳穆. 韩国图书馆法[J/OL]. 图书情报工作，2008，52（6）：6-12. http://www.docin.com/p-400265742.html.",
        "ORTEGA A. Sharing the secrets[C]//SMITH J，DOE J. Proceedings. Berlin：Springer，2003：1-2.",
        "白书农. 植物开花研究[M]//李承森，王宇，陈晓亚，等. 植物科学进展. 北京：高等教育出版社，1998：146-163.",
    ]


def test_unreadable_lines_are_reported_by_their_number_with_a_reason():
    text = "\n".join(
        [
            "[1] 杨洪升. 四库馆私家抄校书考略[J]. 文献，2013（1）：56-75.",
            "see the attached list",
            "",
            "[4] 王小明. 没有出版信息[M]. 不知道.",
            "[5] 李华. 没有刊名的文章[J]. 2019.",
            "[6] [J]. 文献，2013（1）：56-75.",
            "[7] 张三. 网上的书[M/OL]. 北京：中华书局，2020.",
            "[8] 张三. 一章[J]//文集. 北京：中华书局，2020.",
        ]
    )
    with translation.override("en"):  # the reasons are in the active language (Chinese in the admin)
        result = parse_reference_list(text)
    assert [item["title"] for item in result.items] == ["四库馆私家抄校书考略"]
    reasons = {error.line: error.reason for error in result.errors}
    assert sorted(reasons) == [2, 4, 5, 6, 7, 8]
    assert "no document type code" in reasons[2]
    assert "出版地：出版者，出版年" in reasons[4]
    assert "刊名，年，卷（期）：页码" in reasons[5]
    assert "no title" in reasons[6]
    assert "without a URL or DOI" in reasons[7]
    assert "“//” after [J]" in reasons[8]
    assert result.errors[0].text == "see the attached list"
