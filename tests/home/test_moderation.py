"""Editors publish where a section allows it; elsewhere a moderator must approve."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.core.moderation import EDITORS_GROUP, MODERATION_TASK, MODERATION_WORKFLOW, MODERATORS_GROUP
from tests.factories import content_page, news_page
from tests.journal.conftest import make_journal

pytestmark = pytest.mark.django_db


def make_user(name, group_name):
    user = get_user_model().objects.create_user(username=name, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return make_user("editor", EDITORS_GROUP)


@pytest.fixture
def moderator():
    return make_user("moderator", MODERATORS_GROUP)


def post_edit(client, page, action):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by the admin's JavaScript, so their (empty) data is added here.
    data.update(nested_form_data({"body": streamfield([])}))
    data["title"] = page.title + "（修订）"
    data[action] = action
    return client.post(url, data)


def test_groups_and_workflow_exist_with_their_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS_GROUP, MODERATORS_GROUP}
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    task = workflow.tasks.get().specific
    assert task.name == MODERATION_TASK
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]


def test_a_workflow_renamed_in_the_admin_still_moderates_new_sections(home_page):
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    workflow.name = "编辑部三审"
    workflow.save()

    journal = make_journal(home_page)

    # bound to the section itself, so it stays moderated whatever the root page's workflow becomes
    assert WorkflowPage.objects.get(page=journal).workflow == workflow


def test_editor_can_publish_news_directly(client, editor, news_index):
    item = news_page(news_index, "学习活动周", slug="week")
    client.force_login(editor)

    response = post_edit(client, item, "action-publish")

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "学习活动周（修订）"
    assert item.live and not item.has_unpublished_changes


def test_editor_cannot_publish_a_page_that_needs_moderation(client, editor, home_page):
    about = content_page(home_page, title="中心简介", slug="about")
    assert not about.permissions_for_user(editor).can_publish()
    client.force_login(editor)

    post_edit(client, about, "action-publish")

    about.refresh_from_db()
    assert about.title == "中心简介"  # the live version is untouched
    assert about.has_unpublished_changes


def test_editor_submission_waits_for_a_moderator(client, editor, moderator, home_page):
    about = content_page(home_page, title="中心简介", slug="about")
    client.force_login(editor)

    post_edit(client, about, "action-submit")

    state = WorkflowState.objects.get(object_id=str(about.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == MODERATION_WORKFLOW
    about.refresh_from_db()
    assert about.title == "中心简介"

    task_state = state.current_task_state
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[about.pk, "approve", task_state.pk]),
        {"comment": "同意发布"},
    )
    assert response.status_code in (200, 302)
    about.refresh_from_db()
    assert about.title == "中心简介（修订）"
    assert about.live and not about.has_unpublished_changes
