"""The standards section: its two versions are imported from demo/data through ``standards.importer``,
the FAQ, examples and downloads pages come from demo/data/standards.json, and the examples page
ends with two videos generated on the spot and checked against the standard."""

from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from wagtail.documents import get_document_model

from courses.resources import CourseResource
from home.models import ContentPage
from standards import importer, samples
from standards.conformance import check
from standards.models import StandardIndexPage, StandardPage
from standards.sources import standard_rules

from .media import demo_collection
from .pages import child_page, data_file, read_json, spec_page, stream


def _sample_document(title, data, name):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=demo_collection())
        document.file.save(name, ContentFile(data), save=True)
    return document


def _checked_examples(standard, words):
    """Two small videos made on the spot, checked against the standard, with the outcome table."""
    captions = samples.captions([(0, 1.5, "各位学员好，今天学习视频通话。"), (1.5, 3, "先打开微信，点击右上角加号。")])
    good = samples.video(width=1280, height=720, seconds=3, fps=25)
    poor = samples.video(width=640, height=360, seconds=3, fps=15, audio_rate=22050)
    course = SimpleNamespace(code="EXAMPLE", title="资源示例")
    metadata = {"title": "视频通话入门", "author": "杭州市社区学院", "language": "zh", "license": "CC BY-NC 4.0"}
    resources = [
        CourseResource(
            course, "示例", "video", "符合标准的示例视频", ContentFile(good, "good.mp4"), "",
            ContentFile(captions, "good.vtt"), metadata,
        ),
        CourseResource(
            course, "示例", "video", "不符合标准的示例视频", ContentFile(poor, "poor.mp4"), "", None,
            {"title": "视频通话入门"},
        ),
    ]  # fmt: skip
    info, rules = standard_rules(standard)
    report = check(resources, rules, standard=info)
    rows = [["资源", "条款", "规则", "结果", "说明"]]
    labels = {"passed": "通过", "failed": "不通过", "inapplicable": "不适用", "cantTell": "无法确定"}
    for entry in report.resources:
        rows += [
            [entry.resource.title, result.rule.clause_number, result.rule.type, labels[result.outcome], result.message]
            for result in entry.results
            if result.outcome != "inapplicable"
        ]
    blocks = stream(words)
    videos = ((good, "example-good.mp4"), (poor, "example-poor.mp4"))
    for entry, (data, name) in zip(report.resources, videos, strict=True):
        document = _sample_document(entry.resource.title, data, name)
        verdict = "符合" if entry.conforms else "不符合"
        title = f"{entry.resource.title}（{verdict}）"
        blocks.append({"type": "document", "value": {"document": document.pk, "title": title}})
    table = {"data": rows, "first_row_is_table_header": True}
    blocks.append({"type": "table", "value": {"caption": "示例视频检查结果", "table": table}})
    return blocks


def load(home, stdout):
    words = read_json("standards.json")
    index, _ = spec_page(home, StandardIndexPage, words["index"])
    for name in words["versions"]:  # the editors' import, as `import_standard FILE --publish`
        content = data_file(name).read_bytes()
        slug = importer.read(content)["standard"]["slug"]
        if not StandardPage.objects.child_of(index).filter(slug=slug).exists():
            report = importer.run_import(content, parent=index, publish=True)
            if not report.ok:
                raise CommandError(f"{name}: " + "; ".join(map(str, report.problems)))
    published = StandardPage.objects.child_of(index).get(slug="resources-2026").specific
    for spec in words["pages"]:
        if ContentPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        body = stream(spec["body"]) + (
            _checked_examples(published, words["checked_examples"]) if spec["slug"] == "examples" else []
        )
        child_page(index, ContentPage, spec["slug"], title=spec["title"], introduction=spec["introduction"], body=body)
    document = published.document
    stdout.write(
        f"  standards: 2 versions, {len(document.clauses)} clauses, {len(document.terms)} terms, "
        f"{sum(len(r.rules) for r in document.requirements)} rules, 3 supporting pages"
    )
    return {"index": index}
