"""Site settings and menus moved from home to core (home 0003): a site upgraded with data keeps
its settings, its menus with their translations, and what its groups were allowed to do."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from cms.core.models import NavigationMenu, SiteIdentity, SiteSettings
from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOME_BEFORE_THE_MOVE = ("home", "0002_editor_roles_and_languages")


def test_an_upgraded_site_keeps_its_settings_menus_and_permissions():
    old = migrate([HOME_BEFORE_THE_MOVE, ("core", None)]).loader.project_state(HOME_BEFORE_THE_MOVE).apps
    site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    locales = {locale.language_code: locale for locale in old.get_model("wagtailcore", "Locale").objects.all()}
    old.get_model("home", "SiteSettings").objects.create(
        site=site, center_name="某某社区学院", center_name_en="Some Community College", icp_number="浙ICP备1号"
    )
    Menu, Item = old.get_model("home", "NavigationMenu"), old.get_model("home", "NavigationMenuItem")
    key = uuid.uuid4()
    chinese = Menu.objects.create(slot="footer", locale=locales["zh-hans"], translation_key=key)
    english = Menu.objects.create(slot="footer", locale=locales["en"], translation_key=key)
    Item.objects.create(menu=chinese, link_url="/sitemap.xml", title="网站地图", sort_order=0)
    Item.objects.create(menu=english, link_url="/sitemap.xml", title="Sitemap", sort_order=0)
    menu_type = old.get_model("contenttypes", "ContentType").objects.get(app_label="home", model="navigationmenu")
    editors = old.get_model("auth", "Group").objects.get(name="编辑 Editors")
    editors.permissions.add(*old.get_model("auth", "Permission").objects.filter(content_type=menu_type))

    migrate(latest())

    assert SiteSettings.objects.get(site_id=site.pk).icp_number == "浙ICP备1号"
    # The name moved on to the default language's SiteIdentity (core 0003).
    identity = SiteIdentity.objects.get(locale_id=locales["zh-hans"].pk)
    assert identity.center_name == "某某社区学院"
    assert identity.get_translation(locales["en"].pk).center_name == "Some Community College"
    menu = NavigationMenu.objects.get(pk=chinese.pk)
    assert [(item.title, item.link_url) for item in menu.items.all()] == [("网站地图", "/sitemap.xml")]
    assert [item.title for item in menu.get_translation(locales["en"].pk).items.all()] == ["Sitemap"]
    assert ContentType.objects.get_for_model(NavigationMenu).pk == menu_type.pk
    granted = Group.objects.get(name="编辑 Editors").permissions.filter(
        content_type__app_label="core", content_type__model="navigationmenu"
    )
    assert set(granted.values_list("codename", flat=True)) == {
        "add_navigationmenu",
        "change_navigationmenu",
        "delete_navigationmenu",
        "view_navigationmenu",
    }
    # New rows take ids after the copied ones (PostgreSQL's sequences were moved on).
    assert NavigationMenu.objects.create(slot="main", locale_id=locales["zh-hans"].pk).pk > english.pk
