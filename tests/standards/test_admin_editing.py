"""Editors reorder clauses in the page editor: numbers follow the new order, clause ids stay."""

import pytest
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
