"""Activity lists by region and month, the calendar, availability, and sign-up with its safeguards."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.catalog import Catalog
from courses.models import Registration, Venue
from courses.registration import purge_expired


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


def test_list_filters_by_city_and_month(make_activity, vocab, client):
    ningbo = Venue.objects.create(name="宁波礼堂", city=vocab["cities"]["宁波市"])
    first = make_activity(title="杭州活动")
    make_activity(title="宁波活动", venue=ningbo)
    month = timezone.localtime(first.start).strftime("%Y-%m")
    html = client.get(f"/activities/?city=3301&month={month}").content.decode()
    assert "杭州活动" in html and "宁波活动" not in html
    soon_link = BeautifulSoup(html, "html.parser").select_one('.filter-tabs a[href*="availability=soon"]')["href"]
    assert "city=3301" in soon_link and f"month={month}" in soon_link  # filters combine
    assert client.get("/activities/?city=3302&month=2019-13&page=x").status_code == 200
    by_county = client.get("/activities/?city=3301&county=330103").content.decode()
    assert "杭州活动" in by_county and "西湖区" in by_county
    assert "杭州活动" not in client.get("/activities/?city=3301&county=330101").content.decode()


def test_region_and_month_links_keep_the_other_filters(make_activity, client):
    activity = make_activity(title="杭州活动")
    month = timezone.localtime(activity.start).strftime("%Y-%m")
    page = BeautifulSoup(client.get("/activities/?availability=soon&city=3301").content, "html.parser")
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in page.select(".catalog__facets a")}
    assert "availability=soon" in links["宁波市"] and "city=3302" in links["宁波市"]
    assert "availability=soon" in links["西湖区"] and "city=3301" in links["西湖区"]
    by_county = BeautifulSoup(client.get("/activities/" + links["西湖区"]).content, "html.parser")
    month_link = by_county.select_one(f'.catalog__facets a[href*="month={month}"]')["href"]
    assert all(part in month_link for part in ("availability=soon", "city=3301", "county=330103"))


def test_calendar_view_shows_month(make_activity, client):
    activity = make_activity(title="月历活动")
    month = timezone.localtime(activity.start).strftime("%Y-%m")
    response = client.get(f"/activities/calendar/?month={month}")
    assert "月历活动" in response.content.decode()
    assert client.get("/activities/calendar/?month=nonsense").status_code == 200


def test_availability_filters_and_soonest_sort(make_course, make_activity, course_index):
    now = timezone.now()
    running = make_course(title="在办课程")
    make_activity(course=running, days_from_now=0, hours=3).__class__.objects.filter(course=running).update(
        start=now - datetime.timedelta(hours=1)
    )
    soon = make_course(title="即将开始课程")
    make_activity(course=soon, days_from_now=20)
    later = make_course(title="预告课程")
    make_activity(course=later, days_from_now=120)
    past = make_course(title="往期课程")
    make_activity(course=past, days_from_now=-30)
    make_course(title="无活动课程")

    def titles(**params):
        return [c.title for c in Catalog(course_index, params, now=now).results()]

    assert titles(availability="current") == ["在办课程"]
    assert titles(availability="soon") == ["即将开始课程"]
    assert titles(availability="upcoming") == ["预告课程"]
    assert titles(availability="past") == ["往期课程"]
    assert titles(sort="soonest")[:3] == ["在办课程", "即将开始课程", "预告课程"]


def _signup(client, activity, **data):
    payload = {"name": "张三", "phone": "13800000000", "consent": "on", "website": ""}
    payload.update(data)
    return client.post(f"/activities/{activity.pk}/signup/", payload)


def test_signup_confirms_then_waitlists_and_hides_personal_data(make_activity, client):
    activity = make_activity(capacity=1, takes_registrations=True)
    first = _signup(client, activity, name="张三", phone="13800000001")
    assert first.status_code == 302
    done = client.get(first["Location"]).content.decode()
    assert "13800000001" not in done and "张三" not in done
    second = _signup(client, activity, name="李四", phone="13800000002")
    waiting_page = client.get(second["Location"]).content.decode()
    assert "候补第 1 位" in waiting_page and "李四" not in waiting_page
    states = dict(Registration.objects.values_list("phone", "state"))
    assert states == {"13800000001": "confirmed", "13800000002": "waiting"}
    assert Registration.objects.get(phone="13800000001").erase_after > timezone.localdate()
    detail = client.get(activity.get_absolute_url()).content.decode()
    assert "张三" not in detail and "13800000001" not in detail


def test_signup_needs_consent_and_valid_phone_and_rejects_bots(make_activity, client):
    activity = make_activity(capacity=10, takes_registrations=True)
    assert _signup(client, activity, consent="").status_code == 400
    assert _signup(client, activity, phone="12345").status_code == 400
    assert _signup(client, activity, website="http://spam.example").status_code == 400
    assert not Registration.objects.exists()


def test_signup_rate_limited(make_activity, client):
    activity = make_activity(capacity=100, takes_registrations=True)
    statuses = [_signup(client, activity, phone=f"1380000{n:04d}").status_code for n in range(7)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [429, 429]
    assert Registration.objects.count() == 5


def test_signup_closed_when_not_taking_registrations(make_activity, client):
    activity = make_activity(takes_registrations=False)
    assert _signup(client, activity).status_code == 400
    assert client.get(f"/activities/{activity.pk}/signup/").status_code == 302


def test_purge_erases_expired_registrations(make_activity, client):
    activity = make_activity(capacity=5, takes_registrations=True)
    _signup(client, activity)
    Registration.objects.update(erase_after=timezone.localdate() - datetime.timedelta(days=1))
    assert purge_expired() == 1 and not Registration.objects.exists()


def test_progress_page_and_map(make_activity, make_course, client, vocab):
    from courses.models import LearningPlace

    held = make_activity(days_from_now=-3)
    year = timezone.localtime(held.start).year
    make_course(year=year)
    LearningPlace.objects.create(
        name="良渚古城体验基地", city=vocab["cities"]["杭州市"], latitude=30.39, longitude=119.99
    )
    progress = BeautifulSoup(client.get(f"/progress/?year={year}").content, "html.parser")
    assert progress.select_one(".bar-chart") is not None
    assert "1 / 10000" in progress.get_text()
    assert progress.select_one(f'a[href="?year={year}"]') is not None
    assert client.get("/progress/?year=abc").status_code == 200
    response = client.get("/learning-map/?kind=base&city=3301")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("circle") is not None and "良渚古城体验基地" in soup.get_text()
    assert "杭州市" in soup.select_one(".learning-map__cities").get_text()
    assert not soup.find("svg").find("path")  # no boundaries drawn


def test_activity_list_and_calendar_queries_do_not_grow_per_activity(make_activity, make_course, client):
    course = make_course()
    for n in range(3):
        make_activity(title=f"活动{n}", course=course, days_from_now=n + 1)
    counts = {}
    for label in ("few", "many"):
        if label == "many":
            for n in range(3, 30):
                make_activity(title=f"活动{n}", course=course, days_from_now=(n % 9) + 1)
        for url in ("/activities/", "/activities/calendar/", "/activities.ics"):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[(label, url)] = len(queries)
    for url in ("/activities/", "/activities/calendar/", "/activities.ics"):
        assert counts[("many", url)] == counts[("few", url)], url


def test_signing_up_with_a_number_already_signed_up_reveals_nothing_of_that_sign_up(make_activity, client):
    """Typing someone else's phone number must not open their sign-up page (its reference)."""
    activity = make_activity(capacity=1, takes_registrations=True)
    theirs = _signup(client, activity, name="张三", phone="13800000001")
    reference = Registration.objects.get().reference

    again = _signup(client, activity, name="冒名者", phone="13800000001")
    page = again.content.decode()

    assert theirs.status_code == 302 and again.status_code == 200
    for response in (again, client.get(theirs["Location"])):  # personal: never kept by a browser or proxy
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert reference not in page and "张三" not in page and "已确认" not in page
    assert "已经报名" in page or "already signed up" in page
    assert Registration.objects.count() == 1 and Registration.objects.get().name == "张三"
