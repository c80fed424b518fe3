"""import_journal: the happy path, idempotent re-import, and every invalid case writing nothing."""

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document

from journal.models import ArticlePage, IssuePage, JournalPage, Person, Section

SAMPLE = {
    "issues": [
        {
            "year": 2019,
            "volume": 5,
            "number": 2,
            "published": "2019-04-15",
            "title": "2019年第2期",
            "articles": [
                {
                    "title": "社区教育服务乡村振兴的实践路径",
                    "title_en": "Practical Paths of Community Education Serving Rural Revitalisation",
                    "section": "理论探索",
                    "authors": [
                        {"name": "张 三", "name_en": "Zhang San", "affiliation": "浙江开放大学", "orcid": ""},
                        {"name": "李四", "name_en": "Li Si", "affiliation": "湖州市社区大学", "corresponding": True},
                    ],
                    "abstract": "以浙江省农村文化礼堂为例，分析社区教育服务乡村振兴的路径。",
                    "abstract_en": "Taking village cultural halls in Zhejiang as examples.",
                    "keywords": ["社区教育", "乡村振兴"],
                    "keywords_en": ["community education", "rural revitalisation"],
                    "pages": "1-8",
                    "doi": "",
                    "clc": "G77",
                    "doc_code": "A",
                    "fund": "浙江省社科联研究课题（2018N45）",
                    "received": "2019-01-10",
                    "body": "第一段。\n\n第二段。",
                    "references": ["[1] 叶忠海. 社区教育学[M]. 上海: 华东师范大学出版社, 2016."],
                    "pdf": "pdf/2019-2-1.pdf",
                },
                {
                    "title": "老年人数字素养提升的社区路径",
                    "section": "实践研究",
                    "authors": [{"name": "王五", "affiliation": "宁波社区大学"}],
                    "keywords": ["老年教育"],
                },
            ],
        },
        {"year": 2019, "number": 1, "published": "2019-01-15", "articles": []},
    ]
}


def write_file(tmp_path, data, name="issues.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


@pytest.fixture
def source(tmp_path):
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "2019-2-1.pdf").write_bytes(b"%PDF-1.4 sample")
    return tmp_path


def counts():
    return (
        JournalPage.objects.count(),
        IssuePage.objects.count(),
        ArticlePage.objects.count(),
        Person.objects.count(),
        Section.objects.count(),
        Document.objects.count(),
    )


@pytest.mark.django_db
def test_import_creates_a_journal_with_issues_and_articles(home_page, source, capsys):
    call_command("import_journal", str(write_file(source, SAMPLE)), "--publish")
    assert "2 new and 0 updated issues, 2 new and 0 updated articles" in capsys.readouterr().out
    journal = JournalPage.objects.get()
    assert journal.get_parent().pk == home_page.pk
    issue = IssuePage.objects.get(year=2019, number=2)
    assert issue.live and issue.volume == 5 and str(issue.published_date) == "2019-04-15"
    article = ArticlePage.objects.with_listing_data().get(title="社区教育服务乡村振兴的实践路径")
    assert article.live and article.section.name == "理论探索"
    assert [a.person.name for a in article.ordered_authorships()] == ["张三", "李四"]
    assert [a.is_corresponding for a in article.ordered_authorships()] == [False, True]
    assert article.keyword_list == ["社区教育", "乡村振兴"]
    assert (article.clc_number, article.document_code, str(article.received_date)) == ("G77", "A", "2019-01-10")
    assert [block.block_type for block in article.body] == ["paragraph", "paragraph"]
    assert article.pdf.file.read() == b"%PDF-1.4 sample"
    (reference,) = article.reference_entries.all()
    assert (reference.type, reference.authors, reference.title) == ("book", "叶忠海", "社区教育学")
    assert (reference.place, reference.publisher, reference.date) == ("上海", "华东师范大学出版社", "2016")


@pytest.mark.django_db
def test_references_may_be_csl_json_objects_and_a_reimport_replaces_them(home_page, source):
    call_command("import_journal", str(write_file(source, SAMPLE)), "--publish")
    changed = copy.deepcopy(SAMPLE)
    article0(changed)["references"] = [
        {
            "type": "article-journal",
            "title": "Learning cities",
            "author": [{"family": "Smith", "given": "John"}],
            "container-title": "Journal of Adult Education",
            "issued": {"date-parts": [[2020]]},
            "DOI": "10.1000/jae.2020.045",
        },
        "[2] 吴遵民. 终身学习[J]. 教育研究, 2017(3): 1-5.",
    ]
    call_command("import_journal", str(write_file(source, changed)), "--publish")
    article = ArticlePage.objects.get(title="社区教育服务乡村振兴的实践路径")
    rows = list(article.reference_entries.order_by("sort_order"))
    assert [(row.title, row.authors, row.doi) for row in rows] == [
        ("Learning cities", "Smith J", "10.1000/jae.2020.045"),
        ("终身学习", "吴遵民", ""),
    ]


@pytest.mark.django_db
def test_reimport_updates_and_never_duplicates(home_page, source):
    path = write_file(source, SAMPLE)
    call_command("import_journal", str(path), "--publish")
    before = counts()
    changed = copy.deepcopy(SAMPLE)
    changed["issues"][0]["articles"][0]["pages"] = "1-9"
    call_command("import_journal", str(write_file(source, changed)), "--publish")
    assert counts() == before
    assert ArticlePage.objects.get(title="社区教育服务乡村振兴的实践路径").pages == "1-9"


@pytest.mark.django_db
def test_without_publish_everything_is_a_draft(home_page, source, client):
    call_command("import_journal", str(write_file(source, SAMPLE)))
    assert not ArticlePage.objects.filter(live=True).exists()
    assert not IssuePage.objects.filter(live=True).exists()


@pytest.mark.django_db
def test_authors_are_matched_by_name_and_affiliation(home_page, source):
    Person.objects.create(name="张三", affiliation="浙江开放大学", notes="已有的作者简介")
    Person.objects.create(name="王五", affiliation="别的单位")
    call_command("import_journal", str(write_file(source, SAMPLE)), "--publish")
    assert Person.objects.filter(name="张三").count() == 1
    assert Person.objects.get(name="张三").notes == "已有的作者简介"
    assert Person.objects.filter(name="王五").count() == 2  # same name, other affiliation: another person


def broken(mutate):
    data = copy.deepcopy(SAMPLE)
    mutate(data)
    return data


def article0(data):
    return data["issues"][0]["articles"][0]


INVALID = {
    "bad JSON": ('{"issues": [\n  {"year": 2019,}\n]}', ["line 2: $: not valid JSON"]),
    "missing field": (
        broken(lambda d: article0(d).pop("section")),
        ["$.issues[0].articles[0].section: is missing"],
    ),
    "wrong type": (
        broken(lambda d: d["issues"][0].update(year="2019")),
        ['line 4: $.issues[0].year: must be a whole number, not "2019"'],
    ),
    "unknown date format": (
        broken(lambda d: article0(d).update(received="2019年1月10日")),
        ["$.issues[0].articles[0].received: must be a date written YYYY-MM-DD, not '2019年1月10日'"],
    ),
    "missing PDF file": (
        broken(lambda d: article0(d).update(pdf="pdf/missing.pdf")),
        ["$.issues[0].articles[0].pdf: no such file: pdf/missing.pdf"],
    ),
    "unreadable reference": (
        broken(lambda d: article0(d)["references"].extend(["叶忠海. 社区教育学. 上海, 2016.", {"title": "无类型"}])),
        [
            "$.issues[0].articles[0].references[1]: cannot be read as a GB/T 7714 entry: no document type code",
            "$.issues[0].articles[0].references[2]: no “type”",
        ],
    ),
    "several problems at once": (
        broken(
            lambda d: (
                article0(d).update(doc_code="Z", keywords="社区教育"),
                article0(d)["authors"][0].update(orcid="0000-0002-1825-0098"),
                d["issues"][1].pop("published"),
            )
        ),
        [
            "$.issues[0].articles[0].authors[0].orcid: This ORCID iD has a wrong check digit.",
            "$.issues[0].articles[0].keywords: must be a list of strings",
            "$.issues[0].articles[0].doc_code: must be one of A, B, C, D, E",
            "$.issues[1].published: is missing",
        ],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", INVALID.keys())
def test_invalid_input_writes_nothing_and_reports_every_problem(home_page, source, capsys, case):
    data, expected = INVALID[case]
    before = counts()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_journal", str(write_file(source, data)), "--publish")
    errors = capsys.readouterr().err
    for message in expected:
        assert message in errors
    assert all(line.startswith("line ") for line in errors.strip().splitlines())
    assert counts() == before


@pytest.mark.django_db
def test_unknown_journal_slug_writes_nothing(home_page, source, capsys):
    with pytest.raises(CommandError):
        call_command("import_journal", str(write_file(source, SAMPLE)), "--journal", "nope")
    assert "no journal with the slug 'nope'" in capsys.readouterr().err
    assert counts() == (0, 0, 0, 0, 0, 0)


@pytest.mark.django_db
def test_a_failure_while_writing_rolls_everything_back(home_page, source, monkeypatch):
    from journal import importer

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "_pdf", explode)
    with pytest.raises(RuntimeError):
        call_command("import_journal", str(write_file(source, SAMPLE)), "--publish")
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_sections_slugs_issue_introductions_and_headings_come_from_the_file(home_page, source):
    data = copy.deepcopy(SAMPLE)
    data["sections"] = [
        {"slug": "practice", "name": "实践研究", "name_en": "Practice Research"},
        {"slug": "theory", "name": "理论探索", "name_en": "Theoretical Studies"},
    ]
    data["people"] = [
        {"name": "赵六", "affiliation": "丽水开放大学", "name_en": "Zhao Liu"},
        {"name": "李四", "affiliation": "湖州市社区大学"},
    ]
    data["issues"][0]["introduction"] = "本期共刊发论文2篇。"
    article = data["issues"][0]["articles"][0]
    article["slug"] = "2019-2-01"
    article["body"] = "## 一、问题的提出\n\n近年来，各地开展了探索。"
    call_command("import_journal", str(write_file(source, data)), "--publish")

    assert list(Section.objects.order_by("sort_order").values_list("slug", "name_en")) == [
        ("practice", "Practice Research"),
        ("theory", "Theoretical Studies"),
    ]
    assert IssuePage.objects.get(number=2).introduction == "本期共刊发论文2篇。"
    assert list(Person.objects.order_by("pk").values_list("name", flat=True))[:2] == ["赵六", "李四"]
    assert Person.objects.get(name="赵六").name_en == "Zhao Liu"  # listed people need not have written yet
    page = ArticlePage.objects.get(slug="2019-2-01")
    assert page.section.slug == "theory"
    assert page.body[1].block_type == "paragraph" and "近年来" in str(page.body[1].value)
    assert page.body[0].block_type == "heading" and page.body[0].value["text"] == "一、问题的提出"


def test_a_bad_section_or_slug_is_reported_with_its_path(home_page, source):
    data = copy.deepcopy(SAMPLE)
    data["sections"] = [{"slug": "Theory Studies", "name": "理论探索"}, {"name": "无键"}]
    data["people"] = [{"name": "赵六", "corresponding": True}]
    data["issues"][0]["articles"][0]["slug"] = "第一篇"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_journal", str(write_file(source, data)), "--publish", stderr=err)
    problems = err.getvalue()
    assert "$.sections[0].slug: may hold only" in problems and "$.sections[1].slug: is missing" in problems
    assert "$.issues[0].articles[0].slug: may hold only" in problems
    assert "$.people[0].corresponding: is not a field this import knows" in problems
    assert not ArticlePage.objects.exists() and not Section.objects.exists()
