"""The dashboard shows each role its work first: a moderator what awaits review, an editor their
drafts and submissions; progress and usage panels come after the work."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from tests.journal.conftest import make_article

pytestmark = pytest.mark.django_db


def make_user(name, group_name):
    user = get_user_model().objects.create_user(username=name, password="x", email=f"{name}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def dashboard_panels(client, user):
    """(name, text) of each dashboard panel, top to bottom: Wagtail's by id, the apps' by heading id."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [
        (panel.get("id", "").removesuffix("-section") or panel["aria-labelledby"], panel.get_text(" ", strip=True))
        for panel in html.select(".w-dashboard > section")
    ]


def submit_for_moderation(page, user):
    revision = page.save_revision(user=user, log_action=True)
    page.get_workflow().start(page, user)
    return revision


def test_a_moderator_sees_a_submitted_article_above_every_other_panel(client, issue):
    editor, moderator = make_user("editor", EDITORS_GROUP), make_user("moderator", MODERATORS_GROUP)
    article = make_article(issue, "社区学习共同体的建设路径", publish=False)
    submit_for_moderation(article, editor)

    panels = dashboard_panels(client, moderator)

    first_id, first_text = panels[0]
    assert first_id == "awaiting-review" and "社区学习共同体的建设路径" in first_text
    assert "等待你的审查" in first_text
    assert all("社区学习共同体的建设路径" not in text for _, text in panels[1:])
    assert "等待你的审查： 1" in panels[1][1]  # the counts follow, with the number awaiting review


def test_an_editor_sees_their_draft_and_their_submission_before_the_progress_panel(client, issue):
    editor = make_user("editor", EDITORS_GROUP)
    draft = make_article(issue, "老年教育的数字化转型", publish=False)
    draft.save_revision(user=editor, log_action=True)  # as the page editor saves it
    submitted = make_article(issue, "社区学习共同体的建设路径", publish=False)
    submit_for_moderation(submitted, editor)

    panels = dashboard_panels(client, editor)
    texts = [text for _, text in panels]

    assert "你的草稿： 1" in texts[0] and "提交审核： 1" in texts[0] and "需要修改： 0" in texts[0]
    in_workflow = next(i for i, (panel_id, _) in enumerate(panels) if panel_id == "objects-in-workflow")
    recent = next(i for i, (panel_id, _) in enumerate(panels) if panel_id == "recent-edits")
    assert "社区学习共同体的建设路径" in texts[in_workflow]
    assert "老年教育的数字化转型" in texts[recent]
    progress = next(i for i, (name, _) in enumerate(panels) if name == "courses-progress-title")
    assert progress > max(in_workflow, recent)


def test_a_moderator_is_told_what_their_decision_did(client, issue):
    editor, moderator = make_user("editor", EDITORS_GROUP), make_user("moderator", MODERATORS_GROUP)
    approved = make_article(issue, "社区学习共同体的建设路径", publish=False)
    sent_back = make_article(issue, "老年教育的数字化转型", publish=False)
    for article in (approved, sent_back):
        submit_for_moderation(article, editor)
    client.force_login(moderator)

    def decide(article, action):
        task_state = article.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])
        response = client.post(url, {"comment": ""}, follow=True)
        return [str(message) for message in response.context["messages"]]

    assert decide(approved, "approve") == ["“社区学习共同体的建设路径”已批准。"]
    assert decide(sent_back, "reject") == ["“老年教育的数字化转型”已退回修改。"]
