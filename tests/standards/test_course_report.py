"""A course's own conformance report, public on the standard's page: the course page's badge
leads to it, and it shows each resource against each machine-checkable rule."""

import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from courses.models import Lesson
from tests.courses.conftest import course_index, make_course, vocab  # noqa: F401 - fixtures

from .test_check_resources import checker_standard  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def document(title, name, content):
    file = get_document_model()(title=title)
    file.file.save(name, ContentFile(content), save=True)
    return file


@pytest.fixture
def course_with_resources(make_course):  # noqa: F811
    cache.clear()
    course = make_course(title="茶艺入门")
    course.lessons = [
        Lesson(title="认识茶叶", document=document("讲义", "handout.txt", "讲义内容".encode())),
        Lesson(title="泡茶步骤", document=document("步骤图解", "steps.pdf", b"%PDF-1.4 steps")),
    ]
    course.save_revision().publish()
    return course


def test_the_badge_leads_to_the_courses_own_report(client, checker_standard, course_with_resources):  # noqa: F811
    page = client.get(course_with_resources.url).content.decode()
    link = re.search(r'class="conformance-badge[^"]*" href="([^"]+)"', page).group(1)
    assert link == f"{checker_standard.url}conformance/{course_with_resources.pk}/"

    report = client.get(link)
    text = report.content.decode()
    assert report.status_code == 200
    assert "茶艺入门" in text and course_with_resources.url in text, "names the course and links back"
    assert "讲义" in text and "步骤图解" in text, "each resource has its section"
    assert "✗ 不符合: 讲义" in text and "✓ 符合: 步骤图解" in text, "the text handout breaks the format rule"
    assert "2 个资源中有 1 个尚不符合" in text
    assert f'href="{checker_standard.url}format/"' not in text  # clause links use numbers
    assert re.search(rf'href="{checker_standard.url}[\d.]+/"', text), "each rule links to its clause"
    assert "不适用" not in text, "rules that do not apply to a kind of resource are left out"


@pytest.mark.parametrize("how", ["draft", "private", "unknown"])
def test_no_report_for_a_course_the_public_cannot_see(client, checker_standard, course_with_resources, how):  # noqa: F811
    course_id = course_with_resources.pk
    if how == "draft":
        course_with_resources.unpublish()
    elif how == "private":
        PageViewRestriction.objects.create(page=course_with_resources, restriction_type="login")
    else:
        course_id += 1000
    assert client.get(f"{checker_standard.url}conformance/{course_id}/").status_code == 404
