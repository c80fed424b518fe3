"""Our catalogs (LOCALE_PATHS and the project's apps) take precedence over every installed
package's, so each msgid we translate also changes Wagtail's, wagtail-localize's, wagtailmedia's
and Django's screens. A word we use with another meaning needs a context (pgettext) or its own
English wording; where we keep a package's meaning in our own words, the .po entry says so."""

from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.utils import translation

from tests.test_project import CATALOGS, catalog_name

# A translator comment that declares a deliberate rewording of the packages' translation.
SAME_MEANING = "Same meaning as Django's/Wagtail's"


def package_catalogs():
    """Each installed package's Simplified Chinese catalog (Django's own included)."""
    folders = [Path(django.__file__).parent / "conf"]
    folders += [Path(app.path) for app in apps.get_app_configs() if "site-packages" in Path(app.path).parts]
    for folder in folders:
        for language in ("zh_Hans", "zh-hans", "zh_CN"):
            catalog = folder / "locale" / language / "LC_MESSAGES" / "django.po"
            if catalog.exists():
                yield catalog
                break


def package_translations():
    translations = {}
    for catalog in package_catalogs():
        for entry in polib.pofile(str(catalog)):
            msgstr = entry.msgstr or entry.msgstr_plural.get(0, "")
            if msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                translations.setdefault((entry.msgctxt, entry.msgid), set()).add(msgstr)
    return translations


PACKAGE_TRANSLATIONS = package_translations()


def test_the_packages_catalogs_are_found():
    found = {catalog.parts[-5] for catalog in package_catalogs()}
    assert {"wagtail", "admin", "wagtail_localize", "wagtailmedia", "conf"} <= found


@pytest.mark.parametrize("catalog", CATALOGS, ids=catalog_name)
def test_our_catalogs_never_give_a_package_string_another_meaning(catalog):
    changed = []
    for entry in polib.pofile(str(catalog)):
        ours = entry.msgstr or entry.msgstr_plural.get(0, "")
        theirs = PACKAGE_TRANSLATIONS.get((entry.msgctxt, entry.msgid), set())
        if ours and theirs and ours not in theirs and SAME_MEANING not in entry.tcomment:
            changed.append(f"{entry.msgid!r}: ours {ours!r}, theirs {sorted(theirs)}")
    assert changed == []


def test_wagtails_own_words_read_as_wagtail_means_them():
    """The meanings editors met in the admin before the catalogs were separated."""
    from courses.models import Instructor
    from journal.models import Person, ResearchProject, Section

    with translation.override("zh-hans"):
        assert translation.gettext("Approved") == "已批准"  # a workflow task, not a funded project
        assert translation.gettext("Published") == "已发布"  # page history, not a date
        assert "意见" not in translation.gettext("New")  # "New: course", not "New comment: course"
        assert str(ResearchProject.Status.APPROVED.label) == "已立项"
        assert str(Instructor._meta.get_field("job_title").verbose_name) == "职称"
        assert str(Section._meta.get_field("name_en").verbose_name) == "英文名称"
        assert str(Person._meta.get_field("name_en").verbose_name) == "英文姓名"


def test_the_admin_strings_the_packages_leave_in_english_read_in_chinese():
    from wagtail.models import Locale

    page_count = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("zh-hans"):
        for english in (
            "Saved",
            "Autosave is paused",
            "There are validation errors, click save to highlight them.",
            "Choose video",
            "Search terms",
            "Privacy and access",
            "Your pages and snippets in a workflow",
        ):
            assert translation.gettext(english) != english
        pages = translation.ngettext(page_count, page_count.replace("Page ", "Pages "), 247)
        assert (pages % {"total": 247, "site_name": "x"}).startswith("247 个页面")
        assert Locale(language_code="en").get_display_name() == "英文"  # "发布在英文", not "发布在English"
        assert translation.gettext("live") == "已上线"


@pytest.mark.django_db
def test_the_admins_javascript_strings_read_in_chinese(admin_client):
    catalog = admin_client.get("/admin/jsi18n/").content.decode()
    assert "\\u6b63\\u5728\\u81ea\\u52a8\\u4fdd\\u5b58" in catalog or "正在自动保存" in catalog  # Autosave in progress…
