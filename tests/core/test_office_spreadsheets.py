"""Dates and encodings as offices' spreadsheets write them."""

import datetime

import pytest

from cms.core.spreadsheets import decode_text, parse_date, parse_datetime


@pytest.mark.parametrize("text", ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "2026 年 3 月 5 日", "46086"])
def test_the_date_forms_offices_write(text):
    assert parse_date(text) == datetime.date(2026, 3, 5)


@pytest.mark.parametrize(
    "text", ["2026年3月5日 14:30", "2026/3/5 14:30", "2026-03-05T14:30", "2026年3月5日14时30分", "46086.6041666667"]
)
def test_dates_with_a_time(text):
    assert parse_datetime(text) == datetime.datetime(2026, 3, 5, 14, 30)


@pytest.mark.parametrize("text", ["明天", "2026年2月30日", "2026/3/5 下午", "12", "123456"])
def test_what_is_not_a_date(text):
    assert parse_datetime(text) is None


def test_encodings_are_detected_and_named():
    assert decode_text("课程".encode("utf-8-sig")) == ("课程", "UTF-8")
    assert decode_text("课程".encode()) == ("课程", "UTF-8")
    assert decode_text("课程".encode("gbk")) == ("课程", "GBK/GB18030")
    assert decode_text("课程".encode("utf-16")) == (None, None)
