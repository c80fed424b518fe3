"""Demo content: the journal 《社区教育研究》 (8 issues, 82 articles with English metadata),
a development report, a case collection with 22 cases, and research projects.

Deterministic (one seeded generator) and idempotent (pages are found by slug, people by
name and affiliation), through the same page API editors use.
"""

import datetime
import random

from demo.media import demo_image
from demo.pages import child_page

from . import demo_content as text
from .models import (
    ArticleAuthor,
    ArticlePage,
    CaseCollectionPage,
    CasePage,
    IssuePage,
    JournalPage,
    Person,
    ReportPage,
    ResearchIndexPage,
    ResearchProject,
    Section,
)
from .models.reports import Region

SEED = 4
ISSUES = [(2018, 4, number) for number in range(1, 5)] + [(2019, 5, number) for number in range(1, 5)]
ARTICLES_PER_ISSUE = 10
ISSN, CN = "2096-0000", "CN 33-1420/G4"


def load(home, stdout):
    rng = random.Random(SEED)
    sections = _sections()
    people = _people()
    journal = _journal(home)
    stdout.write("  journal: issues and articles")
    earlier, used_titles = [], set()  # earlier articles are cited by later ones
    for year, volume, number in ISSUES:
        issue = _issue(journal, year, volume, number)
        made = _articles(rng, issue, sections, people, earlier, used_titles)
        stdout.write(f"    {issue.title}: {made} new article(s)")
    _report(home)
    stdout.write("  journal: case collection")
    _cases(home, rng)
    _research(home)
    return {"journal": journal}


def _sections():
    sections = {}
    for order, (slug, name, name_en) in enumerate(text.SECTIONS, start=1):
        sections[slug], _ = Section.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    return sections


def _people():
    people = []
    for n, (name, name_en, affiliation) in enumerate(text.PEOPLE):
        where, where_en = text.AFFILIATIONS[affiliation]
        person, _ = Person.objects.get_or_create(
            name=name,
            affiliation=where,
            defaults={
                "name_en": name_en,
                "affiliation_en": where_en,
                "notes": f"{name}（{1965 + n % 20}—），{'男' if n % 3 else '女'}，{where}"
                f"{['讲师', '副教授', '教授', '助理研究员'][n % 4]}，主要研究方向为社区教育与终身学习。",
            },
        )
        people.append(person)
    return people


def _journal(home):
    journal, _ = child_page(
        home,
        JournalPage,
        "journal",
        title="社区教育研究",
        title_en="Community Education Research",
        issn=ISSN,
        cn_number=CN,
        publisher="浙江省社区教育指导中心",
        publisher_en="Zhejiang Provincial Community Education Guidance Center",
        introduction="《社区教育研究》刊登社区教育、老年教育与终身学习领域的理论研究与实践探索成果，季刊。",
        about="<p>本刊由浙江省社区教育指导中心主办，设理论探索、实践研究、老年教育、社区学院建设、"
        "终身学习与学习型社会、国际视野等栏目，欢迎各地社区教育工作者与研究者投稿。</p>",
        editorial_board="<p>主编：王晓燕</p><p>副主编：陈建国、李慧敏</p><p>编委（按姓氏笔画排序）："
        "刘婷婷、杨志华、张国强、周雅琴、赵丽君、黄俊杰</p>",
        show_in_menus=True,
    )
    return journal


def _issue(journal, year, volume, number):
    issue, _ = child_page(
        journal,
        IssuePage,
        f"{year}-{number}",
        title=f"{year}年第{number}期",
        year=year,
        volume=volume,
        number=number,
        published_date=datetime.date(year, number * 3 - 1, 15),
        introduction=f"本期共刊发论文{ARTICLES_PER_ISSUE + (1 if number == 4 else 0)}篇。",
        cover=demo_image(f"《社区教育研究》{year}年第{number}期封面", seed=400 + year * 10 + number, size=(600, 850)),
    )
    return issue


def _draw(rng, used_titles, people, earlier):
    """The random parts of one article; drawn whether or not the article exists already."""
    title = None
    while title is None or title in used_titles:  # every demo article has its own title
        topic, topic_en, keywords, keywords_en, section = text.TOPICS[rng.randrange(len(text.TOPICS))]
        pattern, pattern_en = text.TITLE_PATTERNS[rng.randrange(len(text.TITLE_PATTERNS))]
        place, place_en = text.PLACES[rng.randrange(len(text.PLACES))]
        lens, lens_en = text.LENSES[rng.randrange(len(text.LENSES))]
        title = pattern.format(topic=topic, place=place, lens=lens)
    used_titles.add(title)
    finding, finding_en = text.FINDINGS[rng.randrange(len(text.FINDINGS))]
    suggestion, suggestion_en = text.SUGGESTIONS[rng.randrange(len(text.SUGGESTIONS))]
    return {
        "title": title,
        "title_en": pattern_en.format(topic_en=topic_en, place_en=place_en, lens_en=lens_en),
        "section": section,
        "authors": rng.sample(people, rng.choice([1, 1, 2, 2, 3, 4])),
        "length": rng.randint(5, 9),
        "cited": rng.sample(earlier, min(len(earlier), rng.randint(2, 4))),
        "funding": (rng.choice(text.FUNDING), rng.randint(1, 60)) if rng.random() < 0.6 else None,
        "clc": rng.choice(["G77", "G777", "G720", "G779.2"]),
        "received_day": rng.randint(1, 28),
        "abstract": (
            f"{topic}是推动全民终身学习、建设学习型社会的重要抓手。本文以{place}为研究对象，"
            f"通过问卷调查与深度访谈，分析了{topic}在组织机制、课程资源与队伍建设等方面的现状。"
            f"研究发现，{finding}。据此，文章提出{suggestion}等对策建议。"
        ),
        "abstract_en": (
            f"{topic_en} is a key lever for lifelong learning for all. Drawing on a questionnaire survey and "
            f"in-depth interviews in {place_en}, this paper examines its organisation, learning resources and "
            f"workforce. It finds that {finding_en}, and proposes {suggestion_en}."
        ),
        "keywords": [*keywords, place[:3]],
        "keywords_en": [*keywords_en, place_en.split(", ")[-1]],
        "body": [
            ("heading", {"text": text.BODY_HEADINGS[0], "level": "h2"}),
            ("paragraph", f"<p>近年来，{place}围绕{topic}开展了一系列探索，积累了可资借鉴的经验。</p>"),
            ("heading", {"text": text.BODY_HEADINGS[1], "level": "h2"}),
            ("paragraph", f"<p>调查显示，{finding}。</p>"),
            ("heading", {"text": text.BODY_HEADINGS[2], "level": "h2"}),
            ("paragraph", f"<p>为此，应当{suggestion}，并把相关工作纳入区域终身学习体系统筹规划。</p>"),
        ],
    }


def _articles(rng, issue, sections, people, earlier, used_titles):
    """An issue's articles in table-of-contents order (by section), with consecutive pages."""
    count = ARTICLES_PER_ISSUE + (1 if issue.number == 4 else 0)
    specs = [_draw(rng, used_titles, people, earlier) for _ in range(count)]
    order = [slug for slug, _, _ in text.SECTIONS]
    specs.sort(key=lambda spec: order.index(spec["section"]))
    made, start = 0, 1
    for position, spec in enumerate(specs, start=1):
        end = start + spec["length"] - 1
        made += _create(issue, spec, position, start, end, sections)
        earlier.append((spec["title"], spec["authors"], issue, f"{start}-{end}"))
        start = end + 1
    return made


def _create(issue, spec, position, start, end, sections):
    slug = f"{issue.year}-{issue.number}-{position:02d}"
    if ArticlePage.objects.filter(slug=slug).exists():
        return 0
    article = ArticlePage(
        slug=slug,
        title=spec["title"],
        title_en=spec["title_en"],
        section=sections[spec["section"]],
        abstract=spec["abstract"],
        abstract_en=spec["abstract_en"],
        keywords="；".join(spec["keywords"]),
        keywords_en="; ".join(spec["keywords_en"]),
        clc_number=spec["clc"],
        document_code="A",
        article_number=f"{ISSN}({issue.year}){issue.number:02d}-{start:04d}-{end - start + 1:02d}",
        funding=spec["funding"][0].format(year=issue.year - 1, n=spec["funding"][1]) if spec["funding"] else "",
        pages=f"{start}-{end}",
        received_date=datetime.date(
            issue.year - 1 if issue.number == 1 else issue.year, (issue.number * 3 + 7) % 12 + 1, spec["received_day"]
        ),
        body=spec["body"],
        references="\n".join(
            f"[{n}] {'，'.join(p.name for p in who[:3])}{'，等' if len(who) > 3 else ''}. {cited_title}[J]. "
            f"社区教育研究, {where.year}, {where.volume}({where.number}): {pages}."
            for n, (cited_title, who, where, pages) in enumerate(spec["cited"], start=1)
        ),
    )
    for order, person in enumerate(spec["authors"]):
        article.authorships.add(ArticleAuthor(person=person, sort_order=order, is_corresponding=order == 0))
    issue.add_child(instance=article)
    article.save_revision().publish()
    return 1


def _report(home):
    child_page(
        home,
        ReportPage,
        "report-2017-2018",
        title="2017-2018浙江省社区教育发展报告",
        year_from=2017,
        year_to=2018,
        introduction="报告全面记录了2017至2018年浙江省社区教育的发展状况、主要成效与典型经验。",
        chapters=[
            ("chapter", {"title": title, "summary": summary, "body": ""}) for title, summary in text.REPORT_CHAPTERS
        ],
        show_in_menus=True,
    )


def _cases(home, rng):
    collection, _ = child_page(
        home,
        CaseCollectionPage,
        "rural-revitalisation-cases",
        title="社区教育服务乡村振兴案例集",
        year=2019,
        introduction="收录全省各地社区教育服务乡村振兴的典型案例，按地区与主题浏览。",
        show_in_menus=True,
    )
    regions = list(Region)
    for n in range(22):
        region = regions[n % len(regions)]
        county = text.COUNTIES[region.value][n // len(regions)]
        project, summary, theme = text.CASE_PROJECTS[(n * 5) % len(text.CASE_PROJECTS)]
        child_page(
            collection,
            CasePage,
            f"case-{n + 1:02d}",
            title=f"{county}：{project}",
            region=region.value,
            county=county,
            institution=f"{county}社区学校",
            theme=theme,
            summary=summary,
            narrative=[
                (
                    "paragraph",
                    f"<p>{county}社区学校立足本地实际，{summary}项目由镇村两级共同推进，"
                    f"每月在文化礼堂开展{rng.randint(2, 6)}次活动。</p>",
                ),
            ],
            outcomes=f"<p>累计开展活动{rng.randint(30, 120)}场，参与群众{rng.randint(1500, 9000)}人次。</p>",
        )


def _research(home):
    for title, kind, year, affiliation, status in text.PROJECTS:
        where = text.AFFILIATIONS[affiliation][0]
        ResearchProject.objects.get_or_create(
            title=title,
            year=year,
            defaults={"kind": kind, "lead": text.PEOPLE[affiliation][0], "institution": where, "status": status},
        )
    child_page(
        home,
        ResearchIndexPage,
        "research",
        title="科研课题与成果",
        introduction="年度规划课题、实验项目与优秀科研成果。",
    )
