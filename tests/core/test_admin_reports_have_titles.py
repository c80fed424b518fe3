"""Every admin screen the apps add names itself: in the browser tab and as the page heading."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

SCREENS = {
    "journal_usage_report": "期刊使用统计",
    "journal_counter_titles": "期刊月度使用统计（COUNTER 刊名报告）",
    "journal_counter_items": "文章月度使用统计（COUNTER 单篇报告）",
    "standards_conformance": "符合性检查报告",
    "courses_import": "导入课程和活动",
}


@pytest.mark.parametrize("url_name", SCREENS)
def test_an_admin_report_has_a_chinese_title_and_heading(client, home_page, url_name):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    print(url_name, repr(html.title.get_text(strip=True)), [h.get_text(strip=True) for h in html.select("h1")])
    assert SCREENS[url_name] in html.title.get_text()
    # A monthly report names its month after its title ("…: 2026-03").
    assert [h1.get_text(strip=True).split(": ")[0] for h1 in html.select("h1")] == [SCREENS[url_name]]
