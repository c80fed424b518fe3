"""On a phone, older readers get large text, big tap targets and no sideways scrolling."""

import pytest

from tests.factories import content_page, news_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_pages(localised_site, news_index, locales):
    from cms.core.translation import translate

    about = content_page(
        localised_site["zh"],
        title="中心简介",
        slug="about",
        show_in_menus=True,
        body=[
            (
                "table",
                {
                    "caption": "年度目标",
                    "table": {
                        "data": [
                            ["项目", "二〇一九年目标", "完成情况", "说明"],
                            ["特色课程", "100", "102", "覆盖全省十一个设区市"],
                        ],
                        "first_row_is_table_header": True,
                    },
                },
            )
        ],
    )
    translate(about, locales["en"], {"中心简介": "About the Center"})
    for number in range(12):
        news_page(news_index, f"农村文化礼堂学习活动第{number}期顺利举办，村民踊跃参加", slug=f"n{number}")
    from cms.core.models import NavigationMenu, NavigationMenuItem

    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=about, sort_order=0)
    NavigationMenuItem.objects.create(menu=menu, link_page=news_index, sort_order=1)
    return {"about": about}


@pytest.mark.parametrize("path", ["/", "/about/", "/news/", "/news/n1/", "/en/"])
def test_no_sideways_scrolling_and_large_text(live_server, phone, demo_pages, path):
    phone.goto(live_server.url + path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
    body_size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert body_size >= 18, f"body text is {body_size}px"


def test_menu_and_pagination_links_are_big_enough_to_tap(live_server, phone, demo_pages):
    phone.goto(live_server.url + "/news/")
    phone.click(".main-menu__fold summary")
    for selector in (".main-menu__fold a", ".main-menu__fold summary", ".pagination a", ".language-switcher a"):
        boxes = phone.eval_on_selector_all(selector, "links => links.map(a => a.getBoundingClientRect().height)")
        assert boxes, f"nothing matched {selector}"
        assert min(boxes) >= 44, f"{selector} tap targets as small as {min(boxes)}px"


def test_reader_switches_language_by_clicking(live_server, phone, demo_pages):
    phone.goto(live_server.url + "/about/")
    phone.click(".language-switcher a[hreflang=en]")
    phone.wait_for_url(live_server.url + "/en/about/")
    assert phone.inner_text("h1") == "About the Center"
    assert phone.get_attribute("html", "lang") == "en"
