"""Categories and audiences became translatable (courses 0007-0009): on a site upgraded with data, every
term keeps its row (courses still point at it) in the default language, and its English name becomes
its English translation, so the English site loses no names; going back restores the English names."""

import pytest
from django.utils import translation

from courses.models import Audience, Category
from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = ("courses", "0006_instructor_professional_title")


def test_an_upgraded_site_keeps_its_english_category_and_audience_names():
    old = migrate([BEFORE]).loader.project_state(BEFORE).apps
    OldCategory, OldAudience = old.get_model("courses", "Category"), old.get_model("courses", "Audience")
    culture = OldCategory.objects.create(name="传统文化", name_en="Traditional culture", slug="culture", sort_order=2)
    health = OldCategory.objects.create(name="健康养生", name_en="", slug="health", sort_order=1)
    elderly = OldAudience.objects.create(name="老年人", name_en="Older people", slug="elderly")

    migrate(latest())

    chinese = Category.objects.get(pk=culture.pk)
    assert (chinese.locale.language_code, chinese.name, chinese.slug) == ("zh-hans", "传统文化", "culture")
    english = chinese.get_translation(Category.objects.filter(locale__language_code="en").first().locale)
    assert (english.name, english.slug, english.sort_order) == ("Traditional culture", "culture", 2)
    assert not Category.objects.get(pk=health.pk).get_translations().exists()  # no English name, no translation
    assert Audience.objects.get(pk=elderly.pk).get_translations().get().name == "Older people"
    with translation.override("en"):
        assert Category.objects.get(pk=culture.pk).label == "Traditional culture"
        assert Category.objects.get(pk=health.pk).label == "健康养生"  # untranslated: the Chinese name
    with translation.override("zh-hans"):
        assert Category.objects.get(pk=culture.pk).label == "传统文化"

    old = migrate([BEFORE]).loader.project_state(BEFORE).apps
    restored = old.get_model("courses", "Category").objects.order_by("slug")
    assert list(restored.values_list("pk", "name", "name_en")) == [
        (culture.pk, "传统文化", "Traditional culture"),
        (health.pk, "健康养生", ""),
    ]
    assert old.get_model("courses", "Audience").objects.get().name_en == "Older people"
    migrate(latest())
