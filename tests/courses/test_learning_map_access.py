"""The learning map for readers who cannot see it or use a mouse: the drawing is decorative and
every place is in a list, with links, told apart by shape and words rather than colour."""

import pytest
from bs4 import BeautifulSoup

from courses.models import LearningPlace

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(vocab):
    hangzhou = vocab["cities"]["杭州市"]
    return [
        LearningPlace.objects.create(
            name="良渚古城体验基地",
            kind="base",
            city=hangzhou,
            latitude=30.39,
            longitude=119.99,
            website="https://example.org/liangzhu",
        ),
        LearningPlace.objects.create(name="西湖研学线路", kind="tour", city=hangzhou, latitude=30.25, longitude=120.15),
    ]


def test_places_are_links_in_an_accessible_list(client, site, places):
    page = BeautifulSoup(client.get("/learning-map/").content, "html.parser")
    svg = page.select_one(".learning-map svg")
    # No role="img" holding links (axe nested-interactive): the drawing is hidden and holds none.
    assert svg["aria-hidden"] == "true" and not svg.find("a") and svg.get("role") is None
    listing = page.select_one("ol.place-list")
    assert listing["aria-labelledby"] == "places-title"
    items = listing.find_all("li", recursive=False)
    assert [item.select_one(".place__name").get_text(strip=True) for item in items] == [
        "良渚古城体验基地",
        "西湖研学线路",
    ]
    assert items[0].select_one(".place__name a")["href"] == "https://example.org/liangzhu"
    for item in items:
        nearby = item.select_one(".place__links a")
        assert nearby["href"].startswith("/activities/?city=3301")
        assert "杭州市" in nearby.text


def test_kinds_differ_by_shape_not_only_colour(client, site, places):
    page = BeautifulSoup(client.get("/learning-map/").content, "html.parser")
    assert len(page.select(".learning-map svg circle.marker--base")) == 1
    assert len(page.select(".learning-map svg path.marker--tour")) == 1
    shapes = [item.select_one(".place__shape").text for item in page.select("ol.place-list > li")]
    assert shapes == ["●", "▲"]
    legend = page.select_one(".legend").get_text(" ", strip=True)
    assert "● 体验基地" in legend and "▲ 游学项目" in legend
