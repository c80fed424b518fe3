"""Imported courses are published only by those who may publish in the catalog."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.moderation import EDITORS_GROUP
from courses.models import CoursePage
from tests.courses.test_import import GOOD_COURSES

pytestmark = pytest.mark.django_db


def make_user(name, group_name=None, permissions=()):
    user = get_user_model().objects.create_user(username=name, password="x")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def upload(client, publish):
    data = {"kind": "courses", "file": SimpleUploadedFile("c.csv", "\n".join(GOOD_COURSES).encode())}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("courses_import"), data)


def test_an_importer_without_the_right_to_publish_in_the_catalog_cannot_publish_imported_courses(
    client, vocab, course_index
):
    clerk = make_user("clerk", permissions=["access_admin", "add_learningactivity"])
    client.force_login(clerk)

    refused = upload(client, publish=True)
    token = upload(client, publish=False).context["token"]
    forged = client.post(
        reverse("courses_import"), {"token": token, "filename": "c.csv", "kind": "courses", "publish": "1"}
    )

    assert "publish" in refused.context["form"].errors
    assert "token" not in refused.context
    assert forged.status_code == 403 or forged.url == reverse("wagtailadmin_home")
    assert not CoursePage.objects.exists()


def test_an_editor_publishes_imported_courses_where_editors_publish(client, vocab, course_index):
    editor = make_user("editor", EDITORS_GROUP)
    client.force_login(editor)

    token = upload(client, publish=True).context["token"]
    client.post(reverse("courses_import"), {"token": token, "filename": "c.csv", "kind": "courses", "publish": "1"})

    courses = CoursePage.objects.all()
    assert courses.count() == 2 and all(course.live for course in courses)
    assert {course.latest_revision.user for course in courses} == {editor}
