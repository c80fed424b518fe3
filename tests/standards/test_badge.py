"""The conformance badge a course page can show."""

import pytest
from django.core.cache import cache
from django.template import Context, Template

from .test_check_resources import GOOD_COURSE, POOR_COURSE, checker_standard, source  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def badge(course):
    return Template("{% load standards_tags %}{% conformance_badge course %}").render(Context({"course": course}))


def test_badge_says_whether_the_course_conforms(checker_standard, source):  # noqa: F811
    cache.clear()
    assert "conformance-badge--yes" in badge(GOOD_COURSE)
    poor = badge(POOR_COURSE)
    assert "conformance-badge--no" in poor and "DB33/T 1—2026" in poor


def test_no_badge_without_a_standard_or_resources(db, source):  # noqa: F811
    cache.clear()
    assert badge(GOOD_COURSE).strip() == ""
