"""The shared head and JSON-LD builders, without a page: language tags, licences, descriptions."""

import json

import pytest
from django.test import RequestFactory
from django.utils import translation

from cms.core.head import language_tag, plain_summary, view_alternates
from cms.core.structured_data import breadcrumb_list, license_url, script_body


@pytest.mark.parametrize(
    ("code", "tag"),
    [("zh-hans", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh", "zh-Hans"), ("en", "en"), ("en-US", "en"), ("", "")],
)
def test_language_codes_are_written_one_way(code, tag):
    assert language_tag(code) == tag


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("cc by-nc-sa 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
        ("https://example.org/licence", "https://example.org/licence"),
        ("版权所有", None),
        ("", None),
    ],
)
def test_licences_become_urls(text, url):
    assert license_url(text) == url


def test_description_is_one_plain_line_of_at_most_160_characters():
    text = plain_summary("<p>社区教育\n\n" + "终身学习" * 100 + "</p>")
    assert text.startswith("社区教育 终身学习") and "<" not in text and "\n" not in text
    assert 150 < len(text) <= 160


def test_routed_view_alternates_follow_the_language_prefix():
    request = RequestFactory().get("/en/activities/", HTTP_HOST="example.org")
    with translation.override("en"):  # as LocaleMiddleware does for /en/
        alternates = view_alternates(request)
    assert alternates == [
        ("zh-Hans", "http://example.org/activities/"),
        ("en", "http://example.org/en/activities/"),
        ("x-default", "http://example.org/activities/"),
    ]


def test_json_ld_cannot_close_its_script_element():
    body = script_body(breadcrumb_list([("</script><script>alert(1)</script>", "http://example.org/?a=1&b=2")]))
    assert "</" not in body and "<script" not in body
    assert json.loads(body)["itemListElement"][0]["name"] == "</script><script>alert(1)</script>"
