"""Editors reorder clauses in the page editor: numbers follow the new order, clause ids stay; a
long standard opens as numbered, collapsed clauses."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from standards import authoring as a
from standards.models import StandardPage

pytestmark = pytest.mark.django_db


def stream(items):
    data = {
        str(index): {"type": block_type, "value": value, "deleted": "", "order": str(index), "id": block_id}
        for index, (block_type, value, block_id) in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def clause(key, title, text):
    requirement = {
        "level": "shall",
        "text": text,
        "check_method": "automatic",
        "rules": stream([("video_min_height", {"min_height": "720"}, a.uid(f"rule:{key}"))]),
    }
    value = {
        "title": title,
        "content": stream([("requirement", requirement, a.uid(f"req:{key}"))]),
        "explanation": rich_text(""),
    }
    return ("clause", value, a.uid(key))


def test_reordering_clauses_in_the_editor_renumbers_them_and_keeps_their_ids(admin_client, draft_version):
    chapter = {
        "title": "视频资源",
        "content": stream(
            [
                clause("video.captions", "字幕", "视频应配有字幕。"),
                clause("video.resolution", "分辨率", "视频应不低于720像素。"),
            ]
        ),
        "explanation": rich_text(""),
    }
    data = nested_form_data(
        {
            "title": draft_version.title,
            "slug": draft_version.slug,
            "code": draft_version.code,
            "version": draft_version.version,
            "status": draft_version.status,
            "stage": draft_version.stage,
            "body": stream([("chapter", chapter, a.uid("video"))]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/{draft_version.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    before = {clause.id: clause.number for clause in draft_version.document.clauses}
    assert (before[a.uid("video.resolution")], before[a.uid("video.captions")]) == ("3.1", "3.3")
    saved = StandardPage.objects.get(pk=draft_version.pk).get_latest_revision_as_object()
    numbers = {clause.id: clause.number for clause in saved.document.clauses}
    assert numbers[a.uid("video.captions")] == "1.1"
    assert numbers[a.uid("video.resolution")] == "1.2"
    requirement = saved.document.by_id(a.uid("video.resolution")).requirements[0]
    assert requirement.rules == [
        {"id": a.uid("rule:video.resolution"), "type": "video_min_height", "params": {"min_height": 720}}
    ]


def packed_stream_blocks(node):
    """Every StreamBlock definition in the editor's packed (telepath) block data, as
    (label, meta) pairs."""
    if isinstance(node, dict):
        if node.get("_type") == "wagtail.blocks.StreamBlock":
            meta = node["_args"][-1]
            yield meta.get("label", ""), meta
        for value in node.values():
            yield from packed_stream_blocks(value)
    elif isinstance(node, list):
        for value in node:
            yield from packed_stream_blocks(value)


def test_a_long_standard_opens_collapsed_with_clause_numbers_and_a_chinese_table_editor(admin_client, draft_version):
    response = admin_client.get(f"/admin/pages/{draft_version.pk}/edit/")
    html = BeautifulSoup(response.content, "html.parser")
    body = json.loads(html.select_one("[data-w-block-data-value]")["data-w-block-data-value"])

    streams = list(packed_stream_blocks(body))
    assert body["_args"][-1]["collapsed"] is True  # chapters, terms and annexes start as headers
    clause_contents = [meta for label, meta in streams if label == "内容"]
    assert clause_contents and all(meta["collapsed"] for meta in clause_contents)
    assert all(meta["collapsed"] for label, meta in streams if label == "术语")
    scripts = [script.get("src", "") for script in html.select("script")]
    assert any("standards/clause_numbers.js" in src for src in scripts)
    assert any("js/handsontable-zh-hans.js" in src for src in scripts)
