"""Volunteers go through moderation as pages do: a draft one (from the admin, an import or a call)
is on no public path until a moderator publishes it; editors save drafts and submit them for
moderation, they never publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from network.importer import run_import
from network.models import TOP_100, Volunteer

from .conftest import SECRET_EMAIL, SECRET_PHONE

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteers(directory, make_volunteer):
    return {
        "published": make_volunteer("陈秀英", honours=[(2025, TOP_100)]),
        "draft": make_volunteer(
            "林待审", honours=[(2025, TOP_100)], live=False, phone=SECRET_PHONE, email=SECRET_EMAIL
        ),
        # Alone in 2024: that year's roll exists only once it is published.
        "draft_2024": make_volunteer("吴待审", honours=[(2024, TOP_100)], live=False),
    }


def public_texts(client):
    texts = [
        client.get(url).content.decode()
        for url in ("/directory/volunteers/top-100/", "/directory/volunteers/top-100/2025/", "/sitemap.xml")
    ]
    texts.append(client.get("/api/v2/pages/", {"fields": "*"}).content.decode())
    for query in ("林待审", "吴待审"):
        texts.append(client.get("/search/", {"q": query}).content.decode().split('class="search-layout"')[-1])
    return texts


def test_a_draft_volunteer_is_on_no_public_path(client, volunteers):
    texts = public_texts(client)
    assert "陈秀英" in texts[0] and "陈秀英" in texts[1], "the published one is on the roll"
    for text in texts:
        assert "林待审" not in text and "吴待审" not in text
        assert SECRET_PHONE not in text and SECRET_EMAIL not in text
    assert client.get("/directory/volunteers/top-100/2024/").status_code == 404
    assert "/directory/volunteers/top-100/2024/" not in texts[2], "no sitemap entry for a roll of drafts"


def test_once_published_the_volunteer_is_on_the_roll_without_contact_data(client, volunteers):
    for name in ("draft", "draft_2024"):
        volunteers[name].save_revision().publish()
    assert "林待审" in client.get("/directory/volunteers/top-100/2025/").content.decode()
    assert "吴待审" in client.get("/directory/volunteers/top-100/2024/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/directory/volunteers/top-100/2024/" in sitemap
    for text in public_texts(client) + [client.get("/directory/volunteers/top-100/2024/").content.decode()]:
        assert SECRET_PHONE not in text and SECRET_EMAIL not in text


def _form(name, **fields):
    return {
        "name": name,
        "affiliation": "西湖区社区学校",
        "service_hours": "12",
        "honours-TOTAL_FORMS": "1",
        "honours-INITIAL_FORMS": "0",
        "honours-MIN_NUM_FORMS": "0",
        "honours-MAX_NUM_FORMS": "1000",
        "honours-0-year": "2025",
        "honours-0-title": TOP_100,
        "honours-0-ORDER": "1",
        **fields,
    }


def test_an_editor_submits_for_moderation_and_a_moderator_publishes(client, directory, editor, moderator):
    client.force_login(editor)
    add = "/admin/snippets/network/volunteer/add/"
    form = client.get(add).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(add, _form("周提交", **{"action-publish": "1"}))
    assert not Volunteer.objects.filter(live=True, name="周提交").exists(), "an editor cannot publish"
    client.post(add, _form("钱提交", **{"action-submit": "1"}))
    volunteer = Volunteer.objects.get(name="钱提交")
    assert not volunteer.live and volunteer.workflow_in_progress
    assert "钱提交" not in client.get("/directory/volunteers/top-100/2025/").content.decode()

    client.force_login(moderator)
    edit = f"/admin/snippets/network/volunteer/edit/{volunteer.pk}/"
    assert 'name="action-publish"' in client.get(edit).content.decode()
    task_state = volunteer.current_workflow_task_state
    approve = reverse(
        Volunteer.snippet_viewset.get_url_name("workflow_action"), args=[volunteer.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""})
    volunteer.refresh_from_db()
    assert volunteer.live
    assert "钱提交" in client.get("/directory/volunteers/top-100/2025/").content.decode()


def test_an_editors_change_to_a_published_volunteer_waits_for_moderation(client, volunteers, editor):
    published = volunteers["published"]
    client.force_login(editor)
    edit = f"/admin/snippets/network/volunteer/edit/{published.pk}/"
    assert client.get(edit).status_code == 200, "a volunteer from before moderation (no revision) opens"
    assert "陈秀英" in client.get("/admin/snippets/network/volunteer/").content.decode()
    client.post(edit, _form("陈秀英（改）", **{"action-publish": "1", "honours-0-year": "2025"}))
    published.refresh_from_db()
    assert published.name == "陈秀英" and published.live
    assert "陈秀英（改）" not in client.get("/directory/volunteers/top-100/2025/").content.decode()


def csv(text):
    return ("\ufeff" + text).encode("utf-8")


VOLUNTEERS = csv("name,organisation,region,service_hours,honours\n孙导入,西湖区社区学校,杭州市/西湖区,80,2025 百佳\n")


def test_an_import_makes_drafts_unless_asked_to_publish(client, directory, regions):
    assert run_import("volunteers", VOLUNTEERS, "volunteers.csv").ok
    volunteer = Volunteer.objects.get(name="孙导入")
    assert not volunteer.live and volunteer.latest_revision is not None
    assert "孙导入" not in client.get("/directory/volunteers/top-100/2025/").content.decode()

    # A known volunteer's change waits as a draft: the site shows what was published.
    volunteer.save_revision().publish()
    changed = VOLUNTEERS.replace(b",80,", b",95,")
    assert run_import("volunteers", changed, "volunteers.csv").ok
    volunteer.refresh_from_db()
    assert volunteer.service_hours == 80 and volunteer.has_unpublished_changes
    assert volunteer.get_latest_revision_as_object().service_hours == 95

    assert run_import("volunteers", changed, "volunteers.csv", publish=True).ok
    volunteer.refresh_from_db()
    assert volunteer.live and volunteer.service_hours == 95 and not volunteer.has_unpublished_changes
    assert [(h.year, h.title) for h in volunteer.honours.all()] == [(2025, TOP_100)]
    assert "孙导入" in client.get("/directory/volunteers/top-100/2025/").content.decode()


def test_only_those_who_may_publish_volunteers_publish_an_import(client, directory, regions, editor, moderator):
    def upload(user, publish):
        client.force_login(user)
        data = {"import-kind": "volunteers", "import-file": SimpleUploadedFile("v.csv", VOLUNTEERS)}
        return client.post("/admin/network/import/", {**data, "import-publish": "on"} if publish else data)

    refused = upload(editor, publish=True)
    assert refused.status_code == 302 and refused.url == "/admin/", "the admin's permission-denied redirect"
    assert not Volunteer.objects.exists()
    assert upload(editor, publish=False).url == reverse("network_import")
    assert not Volunteer.objects.get().live
    assert upload(moderator, publish=True).url == reverse("network_import")
    assert Volunteer.objects.get().live


def test_comparing_revisions_shows_contact_data_only_with_the_permission(client, volunteers, editor, moderator):
    # Revisions keep the contact data; their comparison must hide it as the edit form does.
    volunteer = volunteers["draft"]
    first = volunteer.save_revision()
    volunteer.phone, volunteer.service_hours = "13800000001", 200
    second = volunteer.save_revision()
    compare = reverse(
        Volunteer.snippet_viewset.get_url_name("revisions_compare"), args=[volunteer.pk, first.pk, second.pk]
    )
    client.force_login(editor)
    html = client.get(compare).content.decode()
    assert "200" in html, "the editor compares the other fields"
    assert "13800000001" not in html and SECRET_PHONE not in html
    client.force_login(moderator)
    html = client.get(compare).content.decode()
    assert "13800000001" in html and SECRET_PHONE in html
