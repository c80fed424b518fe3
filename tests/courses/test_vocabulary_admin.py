"""Editors translate categories and audiences in wagtail-localize, as they translate pages, and courses
choose from the terms in the source language only."""

from bs4 import BeautifulSoup
from django.urls import reverse

from courses.models import Category
from courses.vocabulary_import import import_terms


def test_a_new_category_is_translated_in_wagtail_localize(vocab, locales, admin_client):
    [crafts] = import_terms(Category, [{"name": "手工技艺", "slug": "crafts"}])
    listing = admin_client.get(reverse("wagtailsnippets_courses_category:list")).content.decode()
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["courses", "category", crafts.pk])
    assert "手工技艺" in listing and submit in listing  # "Translate", for the term with no English yet

    response = admin_client.post(submit, {"locales": [locales["en"].pk]})
    assert response.status_code == 302
    english = crafts.get_translation(locales["en"])
    # The slug, which the catalog's filter links carry, and the order stay those of the Chinese term.
    assert (english.slug, english.sort_order) == (crafts.slug, crafts.sort_order)
    english_listing = admin_client.get(reverse("wagtailsnippets_courses_category:list") + "?locale=en")
    assert "Traditional culture" in english_listing.content.decode()


def test_courses_choose_among_the_chinese_terms(course_index, vocab, admin_client):
    form_url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", course_index.pk])
    form = BeautifulSoup(admin_client.get(form_url).content, "html.parser")
    categories = [option.text for option in form.select("select[name=category] option") if option["value"]]
    assert categories == ["传统文化", "健康养生", "数字生活"]  # the English rows exist, only not offered
    assert "老年人" in form.text and "Older people" not in form.text
