"""What editors do in the admin: rename courses, export sign-ups, see progress, upload a reviewed base map."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from courses.models import CatalogSettings, CourseIndexPage, CoursePage, LearningPlace, Registration
from courses.registration import register


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_renamed_course_keeps_its_old_url(make_course, client, django_capture_on_commit_callbacks):
    course = make_course(title="越剧欣赏", slug="yueju")
    course.slug = "yueju-appreciation"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail sends page_slug_changed on commit
        course.save_revision().publish()
    response = client.get("/courses/yueju/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/courses/yueju-appreciation/")
    assert client.get(response["Location"]).status_code == 200


def test_course_page_tree_rules(course_index, home_page):
    assert CourseIndexPage in home_page.specific_class.allowed_subpage_models()
    assert course_index.specific_class.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == []


def test_course_county_must_belong_to_city(make_course, vocab):
    from django.core.exceptions import ValidationError

    course = make_course()
    course.county = vocab["counties"]["鄞州区"]  # Ningbo's, while the course is in Hangzhou
    with pytest.raises(ValidationError):
        course.full_clean()


def test_registrations_list_and_csv_export_for_editors_only(make_activity, admin_client, client):
    activity = make_activity(capacity=1, takes_registrations=True)
    register(activity, "张三", "13800000001")
    register(activity, "李四", "13800000002")
    listing = admin_client.get("/admin/snippets/courses/registration/")
    assert listing.status_code == 200 and "13800000001" in listing.content.decode()
    export = admin_client.get("/admin/snippets/courses/registration/?export=csv")
    body = b"".join(export.streaming_content if export.streaming else [export.content]).decode("utf-8-sig")
    assert "张三" in body and "13800000002" in body
    assert client.get("/admin/snippets/courses/registration/").status_code == 302  # anonymous: to login


def test_waiting_list_moves_up_when_a_place_frees(make_activity):
    activity = make_activity(capacity=1, takes_registrations=True)
    first = register(activity, "张三", "13800000001")
    second = register(activity, "李四", "13800000002")
    assert second.state == Registration.State.WAITING
    first.delete()
    second.refresh_from_db()
    assert second.state == Registration.State.CONFIRMED


def test_progress_panel_on_the_dashboard(admin_client, make_activity, site):
    make_activity(days_from_now=-2)
    html = admin_client.get("/admin/").content.decode()
    assert "courses-progress-title" in html and 'class="bar-chart"' in html


def test_uploaded_base_map_shows_its_review_number(client, site, vocab):
    from demo.media import demo_image

    settings = CatalogSettings.for_site(site)
    settings.map_image = demo_image("浙江省标准地图", seed=9, size=(800, 720))
    settings.map_review_number = "浙S(2023)12号"
    settings.full_clean()
    settings.save()
    LearningPlace.objects.create(
        name="良渚古城体验基地", city=vocab["cities"]["杭州市"], latitude=30.39, longitude=119.99
    )
    html = client.get("/learning-map/").content.decode()
    assert "浙S(2023)12号" in html and "<image" in html


def test_base_map_without_review_number_is_refused(site):
    from django.core.exceptions import ValidationError

    from demo.media import demo_image

    settings = CatalogSettings.for_site(site)
    settings.map_image = demo_image("未审核地图", seed=10)
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_progress_counts_only_held_activities_this_year(make_activity, site):
    from courses.progress import context

    held = make_activity(days_from_now=-1)
    make_activity(days_from_now=-1, status="cancelled")
    make_activity(days_from_now=5)  # not held yet
    data = context(Site.objects.get(pk=site.pk), year=timezone.localtime(held.start).year)
    assert data["activities"].total == 1
    assert data["activities"].target == 10_000


def test_editors_manage_activities_and_export_sign_ups(make_activity, client):
    from django.contrib.auth.models import Group, User

    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="编辑 Editors"))
    activity = make_activity(capacity=5, takes_registrations=True)
    register(activity, "张三", "13800000001")
    client.force_login(editor)
    assert client.get("/admin/snippets/courses/learningactivity/").status_code == 200
    assert client.get(f"/admin/snippets/courses/learningactivity/edit/{activity.pk}/").status_code == 200
    export = client.get("/admin/snippets/courses/registration/?export=csv")
    assert export.status_code == 200
    assert "13800000001" in b"".join(export.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize(
    "model",
    [
        "courses/learningactivity",
        "courses/venue",
        "courses/instructor",
        "courses/provider",
        "courses/category",
        "courses/audience",
        "core/region",  # the shared vocabulary, listed in the catalog's menu
        "courses/learningplace",
    ],
)
def test_admin_lists_and_forms_render(model, admin_client, vocab):
    assert admin_client.get(f"/admin/snippets/{model}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/{model}/add/").status_code == 200


def test_admin_course_editor_and_settings_render(admin_client, make_course, site):
    course = make_course()
    assert admin_client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/courses/coursepage/{course.get_parent().pk}/").status_code == 200
    assert admin_client.get(f"/admin/settings/courses/catalogsettings/{site.pk}/").status_code == 200
    assert admin_client.get("/admin/courses/import/").status_code == 200
