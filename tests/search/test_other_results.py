"""Learning activities (rows, not pages) found by the site search beside the page results: public,
not yet over, matching every word, traditional script included."""

import datetime

import pytest
from django.utils import timezone

from cms.core.models import Region
from courses.models import LearningActivity, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(site):
    city = Region.objects.get(level="city", name="杭州市")
    venue = Venue.objects.create(name="龙坞村文化礼堂", address="杭州市西湖区转塘街道", city=city)
    now = timezone.now().replace(microsecond=0)

    def activity(title, days, **fields):
        start = now + datetime.timedelta(days=days)
        return LearningActivity.objects.create(
            title=title, venue=venue, start=start, end=start + datetime.timedelta(hours=2), **fields
        )

    return {
        "soon": activity("茶艺体验课", 3, description="学习绿茶冲泡。"),
        "later": activity("茶艺进阶课", 20),
        "past": activity("茶艺讲座（已结束）", -10),
        "hidden": activity("茶艺内部培训", 5, is_published=False),
        "other": activity("太极拳晨练", 4),
    }


def test_the_page_lists_matching_activities_soonest_first(client, activities):
    html = client.get("/search/", {"q": "茶艺"}).content.decode()
    block = html.split('class="search-others"')[1].split("</section>")[0]
    assert "学习活动" in block and "(2)" in block
    assert block.index("茶艺体验课") < block.index("茶艺进阶课")
    for absent in ("已结束", "内部培训", "太极拳"):
        assert absent not in block
    assert f'href="/activities/{activities["soon"].pk}/"' in block
    assert "Nothing found" not in html and "没有找到" not in html


def test_every_word_must_match_and_excluded_words_drop(client, activities):
    html = client.get("/search/", {"q": "茶藝 -進階"}).content.decode()  # traditional script
    block = html.split('class="search-others"')[1].split("</section>")[0]
    assert "茶艺体验课" in block and "茶艺进阶课" not in block
    assert 'class="search-others"' not in client.get("/search/", {"q": "茶艺 太极拳"}).content.decode()


def test_the_api_lists_them_under_others(client, activities):
    data = client.get("/api/search/", {"q": "绿茶"}).json()
    assert data["others"] == [
        {
            "type": "courses.learningactivity",
            "label": "学习活动",
            "count": 1,
            "results": [
                {
                    "title": "茶艺体验课",
                    "url": f"/activities/{activities['soon'].pk}/",
                    "snippet": "龙坞村文化礼堂 · 学习绿茶冲泡。",
                    "date": timezone.localtime(activities["soon"].start).isoformat(),
                }
            ],
        }
    ]
