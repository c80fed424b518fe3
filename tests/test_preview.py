"""Every page type previews in the admin before it was ever saved, showing what the editor typed.

A page's context must come from the page itself: a new page has nothing in the database yet
(the journal's article once re-read itself and failed here; tests/journal/test_preview.py
previews its draft too).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.core.models import Region
from cms.core.moderation import EDITORS_GROUP
from courses.models import Category, CourseIndexPage, CoursePage, ResourceSetPage
from home.models import ContentPage, NewsIndexPage, NewsPage
from journal.models import (
    ArticlePage,
    CaseCollectionPage,
    CasePage,
    IssuePage,
    JournalPage,
    ReportPage,
    ResearchIndexPage,
)
from standards.models import StandardIndexPage, StandardPage
from tests.factories import add_page

pytestmark = pytest.mark.django_db

# page type, the parent it is added under (a key of `tree`), and the fields a preview requires
# (a name of `tree` stands for that object's id)
PAGE_TYPES = [
    (ContentPage, "home", {}),
    (NewsIndexPage, "home", {}),
    (NewsPage, "news", {}),
    (CourseIndexPage, "home", {}),
    (CoursePage, "courses", {"code": "T1", "summary": "简介", "year": "2026", "category": "category", "city": "city"}),
    (ResourceSetPage, "home", {}),
    (JournalPage, "home", {}),
    (IssuePage, "journal", {"year": "2026", "number": "1"}),
    (ArticlePage, "issue", {}),
    (ReportPage, "home", {"year_from": "2024", "year_to": "2025"}),
    (CaseCollectionPage, "home", {}),
    (CasePage, "cases", {"city": "city"}),
    (ResearchIndexPage, "home", {}),
    (StandardIndexPage, "home", {}),
    (StandardPage, "standards", {}),
]


@pytest.fixture
def tree(home_page):
    journal = add_page(home_page, JournalPage(title="社区教育研究", slug="journal"))
    return {
        "home": home_page,
        "news": add_page(home_page, NewsIndexPage(title="新闻通知", slug="news")),
        "courses": add_page(home_page, CourseIndexPage(title="特色课程", slug="courses")),
        "journal": journal,
        "issue": add_page(journal, IssuePage(title="2019年第1期", slug="2019-1", year=2019, number=1)),
        "cases": add_page(home_page, CaseCollectionPage(title="案例集", slug="cases")),
        "standards": add_page(home_page, StandardIndexPage(title="标准规范", slug="standards")),
        "category": Category.objects.create(name="传统文化", slug="culture"),
        "city": Region.objects.filter(level=Region.Level.CITY).first(),
    }


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    return client


@pytest.mark.parametrize(("model", "parent", "required"), PAGE_TYPES, ids=[row[0].__name__ for row in PAGE_TYPES])
def test_a_new_page_previews_what_the_editor_typed(editor_client, tree, model, parent, required):
    args = [model._meta.app_label, model._meta.model_name, tree[parent].pk]
    data = querydict_from_html(
        editor_client.get(reverse("wagtailadmin_pages:add", args=args)).content.decode(), form_id="page-edit-form"
    )
    # StreamFields are drawn by the admin's JavaScript, so their (empty) data is added here.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(nested_form_data({field.name: streamfield([])}))
    data.update(title="尚未保存的预览页面", slug="unsaved-preview")
    data.update({name: str(tree[value].pk) if value in tree else value for name, value in required.items()})
    pages_before = model.objects.count()
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=args)

    assert editor_client.post(preview_url, data).json()["is_available"] is True
    response = editor_client.get(preview_url)

    assert response.status_code == 200
    assert "尚未保存的预览页面" in response.content.decode()
    assert model.objects.count() == pages_before
