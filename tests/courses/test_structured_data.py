"""Course and Event JSON-LD, and iCalendar exports that parse with the icalendar package."""

import json

from bs4 import BeautifulSoup
from icalendar import Calendar

from courses.models import LearningActivity


def _jsonld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_course_jsonld_has_required_properties(make_course, make_activity, vocab, client):
    course = make_course(title="越剧欣赏 </script>", audiences=vocab["audiences"][:2], hours=12, tags=["戏曲"])
    make_activity(title="越剧欣赏第一讲", course=course, capacity=40)
    make_activity(title="已取消的一讲", course=course, status=LearningActivity.Status.CANCELLED)
    make_activity(title="草稿活动", course=course, is_published=False)

    data = _jsonld(client.get(course.url))

    assert data["@context"] == "https://schema.org" and data["@type"] == "Course"
    assert data["name"] == "越剧欣赏 </script>"
    assert data["description"] and data["courseCode"] == course.code
    assert data["provider"] == {"@type": "Organization", "name": "杭州市西湖区社区学院"}
    assert data["inLanguage"] == "zh-Hans"
    assert "numberOfLessons" not in data
    assert {a["educationalRole"] for a in data["audience"]} == {"老年人", "农民"}
    instances = data["hasCourseInstance"]
    assert [i["name"] for i in instances] == ["越剧欣赏第一讲", "已取消的一讲"]
    assert all(i["@type"] == "CourseInstance" and i["startDate"] and i["location"]["name"] for i in instances)
    assert instances[1]["eventStatus"] == "https://schema.org/EventCancelled"


def test_event_jsonld(make_activity, client):
    activity = make_activity(capacity=30, status=LearningActivity.Status.POSTPONED, status_note="因台风延期")
    response = client.get(activity.get_absolute_url())
    assert "因台风延期" in response.content.decode()
    data = _jsonld(response)
    assert data["@type"] == "Event"
    for key in ("name", "startDate", "endDate", "location", "eventStatus", "organizer"):
        assert data[key]
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["location"]["geo"]["latitude"] == 30.18
    assert data["maximumAttendeeCapacity"] == 30


def test_activity_ics_parses(make_activity, client):
    activity = make_activity(title="茶艺体验课", status=LearningActivity.Status.CANCELLED)
    response = client.get(f"/activities/{activity.pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert "茶艺体验课" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == activity.start
    assert event.decoded("DTEND") == activity.end
    assert "龙坞村文化礼堂" in str(event["LOCATION"])


def test_filtered_list_ics(make_activity, vocab, client):
    from courses.models import Venue

    ningbo = Venue.objects.create(name="宁波某礼堂", city=vocab["cities"]["宁波市"])
    make_activity(title="杭州活动一")
    make_activity(title="杭州活动二", days_from_now=3)
    make_activity(title="宁波活动", venue=ningbo)
    make_activity(title="未发布", is_published=False)
    calendar = Calendar.from_ical(client.get("/activities.ics?city=3301").content)
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["杭州活动一", "杭州活动二"]
    everything = Calendar.from_ical(client.get("/activities.ics?month=bad&city=x").content)
    assert len(everything.walk("VEVENT")) == 3


def test_unpublished_activity_and_draft_course_activity_are_hidden(make_course, make_activity, client):
    draft = make_course(title="草稿课程", publish=False)
    hidden = make_activity(title="草稿课程的活动", course=draft)
    unpublished = make_activity(title="未发布活动", is_published=False)
    for activity in (hidden, unpublished):
        assert client.get(activity.get_absolute_url()).status_code == 404
        assert client.get(f"/activities/{activity.pk}.ics").status_code == 404
    listing = client.get("/activities/").content.decode()
    assert "草稿课程的活动" not in listing and "未发布活动" not in listing
