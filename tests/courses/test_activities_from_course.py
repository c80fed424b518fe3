"""Editors manage a course's activities from the course's own editor: they see its activities
with links to edit them, and add one that starts tied to the course."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    client.force_login(get_user_model().objects.create_superuser("office", password="x"))
    return client


def activities_panel(client, course):
    html = BeautifulSoup(client.get(f"/admin/pages/{course.pk}/edit/").content, "html.parser")
    assert html.find(string=re.compile(r"^\s*活动\s*$"))  # the panel's heading, in Chinese
    return html.select_one("ul.course-activities"), html.find("a", string="为本课程添加活动")


def test_the_course_editor_lists_its_activities_and_adds_one_for_the_course(office, make_course, make_activity):
    course, other = make_course(title="茶艺入门"), make_course(title="书法入门")
    tea = make_activity(title="茶艺体验课", course=course)
    make_activity(title="书法体验课", course=other)

    listed, add_link = activities_panel(office, course)

    assert [a.get_text() for a in listed.select("a")] == ["茶艺体验课"]
    assert office.get(listed.a["href"]).context["object"] == tea  # the link opens the activity's editor
    add_form = BeautifulSoup(office.get(add_link["href"]).content, "html.parser")
    assert add_form.select_one('input[name="course"]')["value"] == str(course.pk)


def test_a_course_without_activities_says_so_and_still_offers_to_add_one(office, make_course):
    listed, add_link = activities_panel(office, make_course(title="茶艺入门"))
    assert listed is None and add_link is not None
