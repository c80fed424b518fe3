"""The conformance badge the standards app adds to course pages (through courses' page hook)."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from courses.models import Lesson
from standards.badges import conformance_badge
from tests.courses.conftest import course_index, make_course, vocab  # noqa: F401 - fixtures

from .test_check_resources import GOOD_COURSE, POOR_COURSE, checker_standard, source  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_badge_says_whether_the_course_conforms(checker_standard, source):  # noqa: F811
    cache.clear()
    assert "conformance-badge--yes" in conformance_badge(GOOD_COURSE)
    poor = conformance_badge(POOR_COURSE)
    assert "conformance-badge--no" in poor and "DB33/T 1—2026" in poor


def test_no_badge_without_a_standard_or_resources(db, source):  # noqa: F811
    cache.clear()
    assert conformance_badge(GOOD_COURSE) is None


def test_the_course_page_shows_the_badge_for_its_own_resources(client, checker_standard, make_course):  # noqa: F811
    """Standards reads the catalog's resources and adds the badge through the courses app's hooks."""
    cache.clear()
    handout = get_document_model()(title="讲义")
    handout.file.save("handout.txt", ContentFile("讲义内容".encode()), save=True)
    course = make_course(title="茶艺入门")
    course.lessons = [Lesson(title="认识茶叶", document=handout)]
    course.save_revision().publish()
    bare = make_course(title="没有资源的课程")

    page = client.get(course.url).content.decode()

    assert "conformance-badge--" in page and "DB33/T 1—2026" in page
    assert "conformance-badge" not in client.get(bare.url).content.decode()
