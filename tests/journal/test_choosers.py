"""An editor enters an article by a new author without leaving the article: the author chooser creates."""

import json

import pytest
from django.urls import reverse

from cms.core.moderation import EDITORS_GROUP
from journal.models import Person, Section
from tests.courses.test_import_permissions import make_user

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_new_author_from_the_article_editors_chooser(client, article):
    client.force_login(make_user("editor", EDITORS_GROUP))
    chooser = reverse("wagtailsnippetchoosers_journal_person:choose")

    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    modal = json.loads(client.get(chooser).content)
    created = client.post(
        reverse("wagtailsnippetchoosers_journal_person:create"),
        {"name": "陈新", "name_en": "Chen Xin", "affiliation": "温州社区大学"},
    )

    assert chooser in editor_page  # the authors' chooser of the article editor is this one
    assert "陈新" not in modal["html"] and 'name="name"' in modal["html"]  # it has a creation form
    person = Person.objects.get(name="陈新")
    assert (person.name_en, person.affiliation) == ("Chen Xin", "温州社区大学")
    assert json.loads(created.content)["step"] == "chosen"  # and hands the new author to the article


def test_an_editor_creates_a_section_from_the_chooser(client, article):
    client.force_login(make_user("editor", EDITORS_GROUP))

    client.post(
        reverse("wagtailsnippetchoosers_journal_section:create"),
        {"name": "乡村教育", "name_en": "Rural education", "slug": "rural-education", "sort_order": 9},
    )

    assert Section.objects.filter(slug="rural-education", name="乡村教育").exists()
