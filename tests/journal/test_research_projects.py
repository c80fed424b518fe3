"""Research projects go through moderation as pages do: the research listing shows published
projects only; editors save drafts and submit them, a moderator publishes."""

import pytest
from django.urls import reverse

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from journal.models import ResearchIndexPage, ResearchProject
from tests.factories import add_page, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(home_page):
    return add_page(home_page, ResearchIndexPage(title="科研课题", slug="research"))


def project(title, year=2025, **fields):
    return ResearchProject.objects.create(
        title=title, kind=ResearchProject.Kind.PLANNED, year=year, lead="王建华", institution="浙江开放大学", **fields
    )


def listed(client, listing, **params):
    response = client.get(listing.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_listing_shows_published_projects_only(client, listing):
    project("社区教育数字化转型研究")
    draft = project("老年教育课程体系研究", year=2030, live=False)
    for params in ({}, {"kind": "planned"}, {"year": "2030"}):
        html = listed(client, listing, **params)
        assert "社区教育数字化转型研究" in html and "老年教育课程体系研究" not in html
    draft.save_revision().publish()
    assert "老年教育课程体系研究" in listed(client, listing, year="2030")
    assert "社区教育数字化转型研究" not in listed(client, listing, year="2030"), "the draft's year now filters"


def _form(title, **action):
    return {
        "title": title,
        "kind": "planned",
        "year": "2026",
        "status": "approved",
        "lead": "李申报",
        "institution": "安吉县社区学院",
        "summary": "",
        **action,
    }


def test_an_editor_submits_for_moderation_and_a_moderator_publishes(client, listing):
    editor, moderator = staff_user("editor", EDITORS_GROUP), staff_user("moderator", MODERATORS_GROUP)
    client.force_login(editor)
    add = "/admin/snippets/journal/researchproject/add/"
    form = client.get(add).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(add, _form("乡村学堂研究", **{"action-publish": "1"}))
    assert not ResearchProject.objects.filter(live=True).exists(), "an editor cannot publish"
    client.post(add, _form("文化礼堂研究", **{"action-submit": "1"}))
    submitted = ResearchProject.objects.get(title="文化礼堂研究")
    assert not submitted.live and submitted.workflow_in_progress
    assert "文化礼堂研究" not in listed(client, listing)

    client.force_login(moderator)
    task_state = submitted.current_workflow_task_state
    viewset = ResearchProject.snippet_viewset
    client.post(reverse(viewset.get_url_name("workflow_action"), args=[submitted.pk, "approve", task_state.pk]), {})
    submitted.refresh_from_db()
    assert submitted.live and "文化礼堂研究" in listed(client, listing)


def test_an_editors_change_to_a_published_project_waits(client, listing):
    published = project("社区教育数字化转型研究")  # as before moderation: live, no revision
    client.force_login(staff_user("editor", EDITORS_GROUP))
    edit = f"/admin/snippets/journal/researchproject/edit/{published.pk}/"
    assert client.get(edit).status_code == 200
    client.post(edit, _form("改过的题目", **{"action-publish": "1"}))
    published.refresh_from_db()
    assert published.title == "社区教育数字化转型研究" and published.live
    assert "改过的题目" not in listed(client, listing)
