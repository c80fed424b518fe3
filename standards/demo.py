"""Demo content for the standards section: the resource standard in two versions, FAQ, examples, downloads."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.demo import child_page, demo_collection
from home.models import ContentPage

from . import demo_content as text
from . import samples
from .conformance import check
from .models import StandardIndexPage, StandardPage
from .sources import standard_rules


@dataclass(frozen=True)
class SampleCourse:
    code: str
    title: str


@dataclass(frozen=True)
class SampleResource:
    """Shaped like courses.resources.CourseResource."""

    course: object
    lesson: str
    kind: str
    title: str
    file: object
    source: object
    captions: object
    metadata: dict


def _paragraphs(pairs):
    stream = []
    for heading, paragraph in pairs:
        stream.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        stream.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
    return stream


def _sample_document(title, data, name):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=demo_collection())
        document.file.save(name, ContentFile(data), save=True)
    return document


def _checked_examples(standard):
    """Two small videos made on the spot, checked against the standard, with the outcome table."""
    captions = samples.captions([(0, 1.5, "各位学员好，今天学习视频通话。"), (1.5, 3, "先打开微信，点击右上角加号。")])
    good = samples.video(width=1280, height=720, seconds=3, fps=25)
    poor = samples.video(width=640, height=360, seconds=3, fps=15, audio_rate=22050)
    course = SampleCourse("EXAMPLE", "资源示例")
    metadata = {"title": "视频通话入门", "author": "杭州市社区学院", "language": "zh", "license": "CC BY-NC 4.0"}
    resources = [
        SampleResource(
            course,
            "示例",
            "video",
            "符合标准的示例视频",
            ContentFile(good, "good.mp4"),
            "",
            ContentFile(captions, "good.vtt"),
            metadata,
        ),
        SampleResource(
            course,
            "示例",
            "video",
            "不符合标准的示例视频",
            ContentFile(poor, "poor.mp4"),
            "",
            None,
            {"title": "视频通话入门"},
        ),
    ]
    info, rules = standard_rules(standard)
    report = check(resources, rules, standard=info)
    rows = [["资源", "条款", "规则", "结果", "说明"]]
    labels = {"passed": "通过", "failed": "不通过", "inapplicable": "不适用", "cantTell": "无法确定"}
    for entry in report.resources:
        for result in entry.results:
            if result.outcome != "inapplicable":
                rows.append(
                    [
                        entry.resource.title,
                        result.rule.clause_number,
                        result.rule.type,
                        labels[result.outcome],
                        result.message,
                    ]
                )
    blocks = [
        {"type": "heading", "value": {"text": "自动检查示例", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>下面两段示例视频由系统现场生成，并按本标准现行版本的自动检查规则读取文件本身进行检查。"
            "第一段为1280×720、25帧/秒、配有WebVTT字幕；第二段分辨率和帧率不足，且无字幕。"
            "示例视频只有3秒，不满足第5.2.1条的时长建议；该条为“宜”类要求，不影响符合性判定。</p>",
        },
    ]
    for entry, (data, name) in zip(
        report.resources, ((good, "example-good.mp4"), (poor, "example-poor.mp4")), strict=True
    ):
        verdict = "符合" if entry.conforms else "不符合"
        document = _sample_document(entry.resource.title, data, name)
        blocks.append(
            {"type": "document", "value": {"document": document.pk, "title": f"{entry.resource.title}（{verdict}）"}}
        )
    blocks.append(
        {
            "type": "table",
            "value": {"caption": "示例视频检查结果", "table": {"data": rows, "first_row_is_table_header": True}},
        }
    )
    return blocks


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
    published = StandardPage.objects.get(pk=index.get_children().get(slug="resources-2026").pk)
    for slug, title, introduction, pairs in (
        ("faq", "常见问题", "关于标准理解和资源检查的常见问题。", text.FAQ),
        ("examples", "资源示例", "符合与不符合标准的资源示例。", text.EXAMPLES),
        ("downloads", "下载", "标准的结构化数据和配套表格。", text.DOWNLOADS),
    ):
        if ContentPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        body = _paragraphs(pairs)
        if slug == "examples":
            body += _checked_examples(published)
        child_page(index, ContentPage, slug, title=title, introduction=introduction, body=body)
    document = published.document
    stdout.write(
        f"  standards: 2 versions, {len(document.clauses)} clauses, {len(document.terms)} terms, "
        f"{sum(len(r.rules) for r in document.requirements)} rules, 3 supporting pages"
    )
    return {"index": index}
