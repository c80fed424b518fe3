"""Admin lists speak Chinese: yes/no as 是/否, a missing publisher as "—", never "True" or "None"."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def cells(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [td.get_text(" ", strip=True) for td in html.select("table.listing tbody td")]


def test_the_activity_list_says_whether_each_is_published_in_chinese(admin_client, make_activity):
    make_activity(title="茶艺体验课", is_published=True)
    make_activity(title="书法体验课", is_published=False)

    shown = cells(admin_client.get(reverse("wagtailsnippets_courses_learningactivity:list")))

    assert "是" in shown and "否" in shown
    assert not {"True", "False", "None"} & set(shown)


def test_a_page_nobody_published_has_a_dash_for_its_last_publisher(admin_client, make_course):
    make_course(title="茶艺入门")  # published by code, as the importers do: no publisher recorded

    shown = cells(admin_client.get(reverse("wagtailadmin_reports:aging_pages")))

    assert any("茶艺入门" in cell for cell in shown)
    assert "None" not in " ".join(shown)
    assert "—" in shown
