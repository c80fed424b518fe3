"""Courses translate into English with wagtail-localize; the copies keep their code and stay in their own catalog."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.moderation import EDITORS_GROUP
from cms.core.translation import translate
from courses.catalog import Catalog
from courses.models import CoursePage
from courses.resources import course_resources


def test_course_translates_and_catalogs_stay_per_language(
    course_index, make_course, make_activity, locales, localised_site, client
):
    course = make_course(title="越剧欣赏", summary="走进越剧。")
    make_activity(title="越剧欣赏第一讲", course=course, days_from_now=20)
    english_index = translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    english = translate(course, locales["en"], {"越剧欣赏": "Yue Opera Appreciation", "走进越剧。": "Meet Yue opera."})

    assert english.code == course.code and english.title == "Yue Opera Appreciation"
    assert [c.title for c in Catalog(course_index, {}).results()] == ["越剧欣赏"]
    assert [c.title for c in Catalog(english_index, {}).results()] == ["Yue Opera Appreciation"]
    assert CoursePage.objects.filter(code=course.code).count() == 2
    assert {r.course.pk for r in course_resources()} <= {course.pk}  # resources counted once, in the source language
    # The English copy shows the runs of the course and filters by them.
    assert "越剧欣赏第一讲" in client.get(english.url).content.decode()
    assert [c.title for c in Catalog(english_index, {"availability": "soon"}).results()] == ["Yue Opera Appreciation"]


def test_duplicate_code_in_one_language_is_refused(make_course):
    from django.core.exceptions import ValidationError

    first = make_course()
    second = make_course()
    second.code = first.code
    with pytest.raises(ValidationError):
        second.full_clean()


def test_submitting_a_course_for_translation_makes_a_draft_its_editor_publishes(
    course_index, make_course, locales, localised_site, committing_client
):
    """Untranslated Chinese never goes live on the English site by itself; in the catalog,
    where editors publish, the editor publishes the finished translation."""
    editor = get_user_model().objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    course = make_course(title="越剧欣赏", summary="走进越剧。")
    client = committing_client
    client.force_login(editor)

    for page in (course_index, course):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
        client.post(url, {"locales": [locales["en"].id]})
    english = CoursePage.objects.get(translation_key=course.translation_key, locale=locales["en"])
    assert not english.live
    assert not english.get_parent().live

    english_index = english.get_parent()
    client.post(reverse("wagtailadmin_pages:edit", args=[english_index.id]), {"action": "publish"})
    client.post(reverse("wagtailadmin_pages:edit", args=[english.id]), {"action": "publish"})
    english.refresh_from_db()
    assert english.live


def test_translated_course_keeps_its_category_and_shows_english_names(
    course_index, make_course, vocab, locales, localised_site, client
):
    culture = vocab["categories"][0]
    elderly, farmers, _youth = vocab["audiences"]
    course = make_course(title="越剧欣赏", category=culture, audiences=[elderly, farmers])
    translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    english = translate(course, locales["en"], {"越剧欣赏": "Yue Opera Appreciation"})

    # The copy points at the same (Chinese) category, so the catalogs' filter links agree.
    assert english.category_id == culture.pk
    page = client.get(english.url).content.decode()
    assert "Traditional culture" in page and "Older people" in page and "农民" in page  # farmers: untranslated
    assert '"educationalRole": "Older people"' in page
    assert english.search_facets()["category"] == "Traditional culture"
    assert course.search_facets()["category"] == "传统文化"
    chinese = client.get(course.url).content.decode()
    assert "传统文化" in chinese and "老年人" in chinese and "Older people" not in chinese
