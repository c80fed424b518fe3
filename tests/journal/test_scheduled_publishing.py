"""Scheduled publishing and the API put nothing on the site that a moderator has not approved."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.moderation import EDITORS_GROUP, MODERATORS_GROUP
from tests.journal.conftest import make_article

pytestmark = pytest.mark.django_db


def make_user(name, group_name):
    user = get_user_model().objects.create_user(username=name, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_public_api_publishes_nothing(client, home_page):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method("/api/v2/pages/", {"title": "x"}, content_type="application/json")
        assert response.status_code == 405
    detail = f"/api/v2/pages/{home_page.id}/"
    assert client.patch(detail, {"title": "x"}, content_type="application/json").status_code == 405


def edit_form(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by the admin's JavaScript, so their (empty) data is added here.
    streams = [field.name for field in page._meta.get_fields() if isinstance(field, StreamField)]
    data.update(nested_form_data({name: streamfield([]) for name in streams}))
    return url, data


def test_an_editor_cannot_schedule_journal_content_past_moderation(client, issue):
    article = make_article(issue, "社区学习共同体的建设路径", publish=False)
    client.force_login(make_user("editor", EDITORS_GROUP))
    url, data = edit_form(client, article)
    data["go_live_at"] = timezone.localtime(timezone.now() - datetime.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"

    client.post(url, data)
    call_command("publish_scheduled")

    article.refresh_from_db()
    assert not article.live


def test_a_scheduled_page_goes_live_only_after_a_moderator_approved_it(client, issue):
    article = make_article(issue, "社区学习共同体的建设路径", publish=False)
    editor, moderator = make_user("editor", EDITORS_GROUP), make_user("moderator", MODERATORS_GROUP)
    client.force_login(editor)
    url, data = edit_form(client, article)
    soon = timezone.localtime() + datetime.timedelta(hours=1)  # the form speaks local time
    data["go_live_at"] = soon.strftime("%Y-%m-%d %H:%M")
    data["action-submit"] = "action-submit"
    client.post(url, data)
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live  # submitted, not approved: nothing to publish

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    article.refresh_from_db()
    assert not article.live and article.scheduled_revision is not None

    revision = article.scheduled_revision  # an hour passes:
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
