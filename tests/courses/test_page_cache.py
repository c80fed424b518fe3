"""Activities in the page cache: places taken show at once, and sign-up forms and results are
never cached (cms/core/page_cache.py)."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from courses.models import LearningPlace, Registration
from tests.conftest import cached_twice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


def _register(activity, phone):
    return Registration.objects.create(
        activity=activity,
        name="张三",
        phone=phone,
        state=Registration.State.CONFIRMED,
        consented_at=timezone.now(),
        erase_after=timezone.localdate(),
        reference=f"ref-{phone}",
    )


def test_places_taken_show_as_soon_as_someone_is_registered(page_cache_on, make_activity, client, committed):
    activity = make_activity(capacity=10, takes_registrations=False)  # an organiser registers people
    url = activity.get_absolute_url()
    assert "已报 0 / 共 10" in cached_twice(client, url)
    committed(lambda: _register(activity, "13800000001"))
    assert "已报 1 / 共 10" in client.get(url).content.decode()


def test_an_activity_edit_shows_in_the_list_and_on_its_page(page_cache_on, make_activity, client, committed):
    activity = make_activity(title="茶艺体验课", capacity=10)
    cached_twice(client, "/activities/")
    cached_twice(client, activity.get_absolute_url())

    def rename():
        activity.title = "插花体验课"
        activity.save()

    committed(rename)
    assert "插花体验课" in client.get("/activities/").content.decode()
    assert "插花体验课" in client.get(activity.get_absolute_url()).content.decode()


def test_a_venue_change_shows_on_the_activity(page_cache_on, make_activity, venue, client, committed):
    activity = make_activity(capacity=10)
    cached_twice(client, activity.get_absolute_url())

    def rename():
        venue.name = "转塘街道社区学校"
        venue.save()

    committed(rename)
    assert "转塘街道社区学校" in client.get(activity.get_absolute_url()).content.decode()


def test_the_learning_map_and_progress_are_cached_and_purged(page_cache_on, vocab, client, committed):
    cached_twice(client, "/learning-map/")
    cached_twice(client, "/progress/")
    committed(
        lambda: LearningPlace.objects.create(
            name="良渚文化村学习点", kind="tour", city=vocab["cities"]["杭州市"], latitude=30.38, longitude=120.03
        )
    )
    assert "良渚文化村学习点" in client.get("/learning-map/").content.decode()
    assert client.get("/progress/")["X-Page-Cache"] == "miss"


def test_an_open_sign_up_form_and_the_sign_up_result_are_never_cached(page_cache_on, make_activity, committing_client):
    client = committing_client
    activity = make_activity(capacity=1, takes_registrations=True)
    url = activity.get_absolute_url()
    for _ in range(2):
        page = client.get(url)
        assert "csrfmiddlewaretoken" in page.content.decode()
        assert page.get("X-Page-Cache") != "hit" and "public" not in page.get("Cache-Control", "")
    cached_twice(client, "/activities/")

    signed_up = client.post(
        f"/activities/{activity.pk}/signup/",
        {"name": "张三", "phone": "13800000001", "consent": "on", "website": ""},
    )
    assert signed_up.status_code == 302
    for _ in range(2):
        done = client.get(signed_up["Location"])
        assert done.status_code == 200 and "X-Page-Cache" not in done
        assert "private" in done["Cache-Control"]
    assert client.get("/activities/")["X-Page-Cache"] == "miss"  # the sign-up purged the list
