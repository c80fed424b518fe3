"""An editor previews an article in the admin: the preview shows the draft, saved or not."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.core.moderation import EDITORS_GROUP
from journal.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    return client


def form_data(client, form_url, form_id):
    """The admin form as the editor's browser would send it."""
    data = querydict_from_html(client.get(form_url).content.decode(), form_id=form_id)
    # StreamFields are drawn by the admin's JavaScript, so their (empty) data is added here.
    data.update(nested_form_data({"body": streamfield([])}))
    return data


def preview(client, preview_url, data):
    """What the preview panel does: POST the form to the preview URL, then GET the rendering."""
    state = client.post(preview_url, data).json()
    assert state == {"is_valid": True, "is_available": True}
    return client.get(preview_url)


def test_preview_of_a_draft_shows_the_changed_abstract(editor_client, article):
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = form_data(editor_client, edit_url, "page-edit-form")
    data["abstract"] = "草稿里改写的摘要：社区教育如何支撑乡村振兴。"

    response = preview(editor_client, reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk]), data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "草稿里改写的摘要：社区教育如何支撑乡村振兴。" in text
    assert "乡村振兴需要社区教育的支撑。" not in text
    # The authors and the bibliographic line come from the draft's issue and authorships.
    assert "王小明" in text and "社区教育研究, 2019, 5(2)" in text
    # Nothing was saved: the live article keeps its abstract.
    assert ArticlePage.objects.get(pk=article.pk).abstract == "乡村振兴需要社区教育的支撑。"


def test_preview_of_a_new_unsaved_article_renders(editor_client, issue, sections):
    args = ["journal", "articlepage", issue.pk]
    data = form_data(editor_client, reverse("wagtailadmin_pages:add", args=args), "page-edit-form")
    data.update(
        title="尚未保存的新文章",
        slug="unsaved",
        abstract="新文章的摘要，还没有保存过。",
        keywords="社区教育；数字化",
        section=str(sections[0].pk),
    )
    pages_before = ArticlePage.objects.count()

    response = preview(editor_client, reverse("wagtailadmin_pages:preview_on_add", args=args), data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "尚未保存的新文章" in text
    assert "新文章的摘要，还没有保存过。" in text
    assert "社区教育研究, 2019, 5(2)" in text
    assert ArticlePage.objects.count() == pages_before
