"""Demo content for the standards section: the resource standard in two versions, FAQ, examples, downloads."""

import datetime

from cms.demo import child_page
from home.models import ContentPage

from . import demo_content as text
from .models import StandardIndexPage, StandardPage


def _paragraphs(pairs):
    stream = []
    for heading, paragraph in pairs:
        stream.append(("heading", {"text": heading, "level": "h2"}))
        stream.append(("paragraph", f"<p>{paragraph}</p>"))
    return stream


def load(home, stdout):
    index, _ = child_page(
        home,
        StandardIndexPage,
        "standards",
        title="标准规范",
        introduction="社区教育数字学习资源建设标准的全文、历次版本、检查清单和常见问题。",
        show_in_menus=True,
    )
    common = {
        "title": text.TITLE,
        "title_en": text.TITLE_EN,
        "code": text.CODE,
        "issuing_body": text.ISSUING_BODY,
    }
    draft, _ = child_page(
        index,
        StandardPage,
        "resources-2026-draft",
        version="2026征求意见稿",
        status=StandardPage.Status.SUPERSEDED,
        stage=StandardPage.Stage.FOR_COMMENT,
        issued_date=datetime.date(2026, 3, 15),
        comments_close=datetime.date(2026, 4, 30),
        introduction="征求意见稿，已由2026年发布稿代替，保留供查阅和比较。",
        body=text.body(published=False),
        **common,
    )
    child_page(
        index,
        StandardPage,
        "resources-2026",
        version="2026",
        status=StandardPage.Status.CURRENT,
        stage=StandardPage.Stage.PUBLISHED,
        issued_date=datetime.date(2026, 9, 1),
        effective_date=datetime.date(2026, 12, 1),
        supersedes=draft,
        introduction="规定了社区教育视频、音频、文档资源和元数据的建设要求，标注“自动”的要求可由系统直接检查资源文件。",
        body=text.body(published=True),
        **common,
    )
    for slug, title, introduction, pairs in (
        ("faq", "常见问题", "关于标准理解和资源检查的常见问题。", text.FAQ),
        ("examples", "资源示例", "符合与不符合标准的资源示例。", text.EXAMPLES),
        ("downloads", "下载", "标准的结构化数据和配套表格。", text.DOWNLOADS),
    ):
        child_page(index, ContentPage, slug, title=title, introduction=introduction, body=_paragraphs(pairs))
    published = StandardPage.objects.get(pk=index.get_children().get(slug="resources-2026").pk)
    document = published.document
    stdout.write(
        f"  standards: 2 versions, {len(document.clauses)} clauses, {len(document.terms)} terms, "
        f"{sum(len(r.rules) for r in document.requirements)} rules, 3 supporting pages"
    )
    return {"index": index}
