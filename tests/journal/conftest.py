"""Fixtures for the journal: a journal with an issue, sections, people and articles."""

import datetime

import pytest

from journal.models import ArticleAuthor, ArticlePage, ArticleReference, IssuePage, JournalPage, Person, Section
from journal.references import parse_reference_list
from tests.factories import add_page

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"}


def make_journal(home, slug="sqjyyj", publish=True):
    journal = JournalPage(
        title="社区教育研究",
        title_en="Community Education Research",
        slug=slug,
        issn="1234-5679",
        cn_number="CN 33-1234/G4",
        publisher="浙江省社区教育指导中心",
        publisher_en="Zhejiang Provincial Community Education Guidance Center",
        introduction="研究社区教育与终身学习的学术期刊。",
    )
    return add_page(home, journal, publish=publish)


def make_issue(journal, year=2019, number=2, volume=5, publish=True):
    issue = IssuePage(
        title=f"{year}年第{number}期",
        slug=f"{year}-{number}",
        year=year,
        number=number,
        volume=volume,
        published_date=datetime.date(year, number * 2, 15),
    )
    return add_page(journal, issue, publish=publish)


def make_person(name, name_en="", affiliation="浙江开放大学", **fields):
    return Person.objects.create(name=name, name_en=name_en, affiliation=affiliation, **fields)


def make_article(issue, title, people=(), slug=None, publish=True, corresponding=0, references="", **fields):
    """An article under ``issue``; ``references`` is a pasted GB/T 7714 list, one entry a line."""
    fields.setdefault("abstract", "本文讨论社区教育的发展。")
    fields.setdefault("keywords", "社区教育；终身学习")
    fields.setdefault("pages", "1-8")
    article = ArticlePage(title=title, slug=slug or f"a{ArticlePage.objects.count() + 1}", **fields)
    for index, person in enumerate(people):
        article.authorships.add(ArticleAuthor(person=person, sort_order=index, is_corresponding=index == corresponding))
    parsed = parse_reference_list(references)
    assert not parsed.errors, parsed.errors
    article.reference_entries = [ArticleReference.from_csl(item, sort_order=n) for n, item in enumerate(parsed.items)]
    return add_page(issue, article, publish=publish)


@pytest.fixture
def sections(db):
    return [
        Section.objects.create(name="理论探索", name_en="Theoretical Studies", slug="theory", sort_order=1),
        Section.objects.create(name="实践研究", name_en="Practice", slug="practice", sort_order=2),
    ]


@pytest.fixture
def journal(home_page):
    return make_journal(home_page)


@pytest.fixture
def issue(journal):
    return make_issue(journal)


@pytest.fixture
def four_authors(db):
    return [
        make_person("王小明", "Wang Xiaoming", "浙江开放大学", affiliation_en="Zhejiang Open University",
                    orcid="0000-0002-1825-0097", email="wang@example.org", notes="王小明（1980—），男，副教授。"),
        make_person("李 华", "Li Hua", "杭州市社区大学", affiliation_en="Hangzhou Community College"),
        make_person("欧阳春", "Ouyang Chun", "宁波社区大学", affiliation_en="Ningbo Community College"),
        make_person("张三", "Zhang San", "温州社区大学", affiliation_en="Wenzhou Community College"),
    ]  # fmt: skip


@pytest.fixture
def article(issue, sections, four_authors):
    return make_article(
        issue,
        "社区教育服务乡村振兴的路径研究",
        four_authors,
        slug="rural",
        title_en="Paths for Community Education to Serve Rural Revitalisation",
        section=sections[0],
        abstract="乡村振兴需要社区教育的支撑。",
        abstract_en="Rural revitalisation needs community education.",
        keywords="社区教育；乡村振兴；文化礼堂",
        keywords_en="community education; rural revitalisation",
        pages="12-19",
        clc_number="G77",
        document_code="A",
        article_number="1234-5679(2019)02-0012-08",
        received_date=datetime.date(2019, 1, 10),
        revised_date=datetime.date(2019, 2, 20),
        funding="浙江省教育科学规划课题（2018SCG001）",
        references=(
            "[1] 叶忠海. 社区教育学[M]. 上海: 华东师范大学出版社, 2016.\n"
            "[2] 吴遵民. 终身学习[J]. 教育研究, 2017(3): 1-5.\n"
            "[3] SMITH J, DOE A. Learning cities[J]. Journal of Adult Education, 2020, 12(3): 45-60. "
            "DOI: 10.1000/jae.2020.045."
        ),
    )
