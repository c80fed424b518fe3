"""A district or county must lie in the chosen city, wherever a place is recorded."""

import pytest
from django.core.exceptions import ValidationError

from courses.models import LearningPlace, Venue


def places(vocab):
    """Hangzhou, one of its districts, and a county-level city of Jiaxing."""
    return vocab["cities"]["杭州市"], vocab["counties"]["西湖区"], vocab["counties"]["桐乡市"]


def test_course_county_must_be_in_its_city(make_course, vocab):
    hangzhou, xihu, tongxiang = places(vocab)
    course = make_course(city=hangzhou, county=xihu)
    course.full_clean()
    course.county = tongxiang
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "county" in error.value.message_dict


@pytest.mark.parametrize(
    "model, fields",
    [
        (Venue, {"name": "龙井村文化礼堂"}),
        (LearningPlace, {"name": "龙井茶文化体验基地", "latitude": 30.22, "longitude": 120.12}),
    ],
)
def test_venue_and_map_place_county_must_be_in_their_city(vocab, model, fields):
    hangzhou, xihu, tongxiang = places(vocab)
    model(city=hangzhou, county=xihu, **fields).full_clean()
    with pytest.raises(ValidationError) as error:
        model(city=hangzhou, county=tongxiang, **fields).full_clean()
    assert "county" in error.value.message_dict
