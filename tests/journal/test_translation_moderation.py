"""Translating through wagtail-localize never publishes what a moderator has not approved.

Every test drives the admin views an editor uses (submit, "Sync translated pages", the
translation editor's publish, convert to alias), as an editor who may submit translations but
may not publish in the journal.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from cms.core.translation import translate
from tests.journal.conftest import make_article

pytestmark = pytest.mark.django_db


def make_user(name, group_name):
    user = get_user_model().objects.create_user(username=name, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return make_user("editor", EDITORS_GROUP)


@pytest.fixture
def moderator():
    return make_user("moderator", MODERATORS_GROUP)


@pytest.fixture
def english_issue(localised_site, locales, journal, issue):
    """The journal and its issue already live in English, as a moderator left them."""
    translate(journal, locales["en"], {"社区教育研究": "Community Education Research"})
    return translate(issue, locales["en"], {"2019年第2期": "2019, No. 2"})


@pytest.fixture
def client(committing_client):
    return committing_client


def submit_translation(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    return client.post(url, {"locales": [locale.id]})


def sync_translations(client, page, publish):
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.id])
    return client.post(url, {"publish_translations": "on"} if publish else {})


def translate_segment(client, page, locale, text, translated):
    """Translate one segment of ``page`` as wagtail-localize's editor saves it (a PUT per segment)."""
    source = TranslationSource.objects.get_for_instance(page)
    translation = source.translations.get(target_locale=locale)
    segment = source.stringsegment_set.get(string__data=text)
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        urlencode({"value": translated}),
        content_type="application/x-www-form-urlencoded",
    )


def assert_refused(response):
    """The admin answers a permission error by sending the user to the dashboard with a message."""
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")


def english_of(page, locales):
    return Page.objects.get(translation_key=page.translation_key, locale=locales["en"]).specific


def test_the_editor_may_submit_translations_but_not_publish_in_the_journal(editor, english_issue, locales):
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert not english_issue.permissions_for_user(editor).can_publish()


def test_submitting_a_translation_of_a_live_article_makes_a_draft(client, editor, english_issue, issue, locales):
    article = make_article(issue, "社区学习共同体的建设路径")
    client.force_login(editor)

    response = submit_translation(client, article, locales["en"])

    assert response.status_code == 302
    english = english_of(article, locales)
    assert not english.live
    assert client.get(english.url or "/en/journal/").status_code == 404


def test_sync_with_publish_immediately_does_not_publish_a_never_approved_article(
    client, editor, english_issue, issue, locales
):
    draft = make_article(issue, "尚未审定的文章", publish=False)
    client.force_login(editor)
    submit_translation(client, draft, locales["en"])

    form = client.get(
        reverse("wagtail_localize:update_translations", args=[TranslationSource.objects.get_for_instance(draft).id])
    ).context["form"]
    response = sync_translations(client, draft, publish=True)

    assert form.fields["publish_translations"].disabled
    assert response.status_code == 302
    english = english_of(draft, locales)
    assert not english.live
    draft.refresh_from_db()
    assert not draft.live


def test_sync_with_publish_immediately_does_not_replace_a_live_english_title(
    client, editor, english_issue, issue, locales
):
    article = make_article(issue, "社区学习共同体的建设路径")
    english = translate(article, locales["en"], {"社区学习共同体的建设路径": "Building learning communities"})
    assert english.live
    segment = TranslationSource.objects.get_for_instance(article).stringsegment_set.get(
        string__data="社区学习共同体的建设路径"
    )
    StringTranslation.objects.filter(translation_of=segment.string, locale=locales["en"]).update(
        data="An editor's own title"
    )
    client.force_login(editor)

    sync_translations(client, article, publish=True)

    english.refresh_from_db()
    assert english.title == "Building learning communities"
    assert english.live


def test_a_moderator_syncs_and_publishes_at_once(client, moderator, english_issue, issue, locales):
    article = make_article(issue, "社区学习共同体的建设路径")
    client.force_login(moderator)
    submit_translation(client, article, locales["en"])

    sync_translations(client, article, publish=True)

    assert english_of(article, locales).live


def test_the_translation_editor_refuses_to_publish_for_an_editor(client, editor, english_issue, issue, locales):
    article = make_article(issue, "社区学习共同体的建设路径")
    client.force_login(editor)
    submit_translation(client, article, locales["en"])
    english = english_of(article, locales)

    response = client.post(reverse("wagtailadmin_pages:edit", args=[english.id]), {"action": "publish"})

    assert_refused(response)
    english.refresh_from_db()
    assert not english.live


def test_an_editor_cannot_turn_a_translation_back_into_an_alias_of_an_unapproved_draft(
    client, editor, english_issue, issue, locales
):
    article = make_article(issue, "社区学习共同体的建设路径")
    english = translate(article, locales["en"], {"社区学习共同体的建设路径": "Building learning communities"})
    article.title = "未经审核的新标题"
    article.save_revision(user=editor)  # a draft no moderator has seen
    client.force_login(editor)

    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[english.id]))

    assert_refused(response)
    english.refresh_from_db()
    assert english.title == "Building learning communities"
    assert english.alias_of_id is None


def test_an_editor_submits_a_translation_for_moderation_and_a_moderator_approves_it(
    client, editor, moderator, english_issue, issue, locales
):
    article = make_article(issue, "社区学习共同体的建设路径")
    client.force_login(editor)
    submit_translation(client, article, locales["en"])
    english = english_of(article, locales)
    url = reverse("cms_submit_for_moderation", args=[english.id])

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    english.refresh_from_db()
    assert not english.live

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    english.refresh_from_db()
    assert english.live


def test_what_the_editor_translated_is_what_the_moderator_approves(
    client, editor, moderator, english_issue, issue, locales
):
    article = make_article(issue, "社区学习共同体的建设路径")
    client.force_login(editor)
    submit_translation(client, article, locales["en"])
    english = english_of(article, locales)
    translate_segment(client, article, locales["en"], "社区学习共同体的建设路径", "Building learning communities")
    client.post(reverse("cms_submit_for_moderation", args=[english.id]))
    state = WorkflowState.objects.get(object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    english.refresh_from_db()
    assert english.live and english.title == "Building learning communities"


def test_submit_for_moderation_needs_edit_rights_and_changes(client, english_issue, issue, locales):
    article = make_article(issue, "社区学习共同体的建设路径")
    stranger = get_user_model().objects.create_user(username="stranger", password="x")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)

    response = client.post(reverse("cms_submit_for_moderation", args=[article.id]))

    assert_refused(response)
    assert not WorkflowState.objects.filter(object_id=str(article.pk)).exists()


def test_a_live_translation_changes_only_once_a_moderator_approves(
    client, editor, moderator, english_issue, issue, locales
):
    """Submitting saves what the editor translated as a draft revision: the live English page
    (its row, which the public reads) keeps the approved title until a moderator approves."""
    article = make_article(issue, "社区学习共同体的建设路径")
    english = translate(article, locales["en"], {"社区学习共同体的建设路径": "Learning communities"})
    assert english.live
    client.force_login(editor)
    translate_segment(client, article, locales["en"], "社区学习共同体的建设路径", "Building learning communities")
    url = reverse("cms_submit_for_moderation", args=[english.id])
    assert url in client.get(reverse("wagtailadmin_explore", args=[english.get_parent().id])).content.decode()

    client.post(url)

    english.refresh_from_db()
    assert english.title == "Learning communities" and english.live
    assert english.get_latest_revision_as_object().title == "Building learning communities"
    assert "Building learning communities" not in client.get(english.url).content.decode()
    state = WorkflowState.objects.get(object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    english.refresh_from_db()
    assert english.title == "Building learning communities"


def test_code_that_translates_a_draft_never_publishes_the_translation(english_issue, issue, locales):
    """The demo and the importers translate through cms.core.translation.translate: a draft's
    English version stays a draft, waiting for moderation as its source does."""
    draft = make_article(issue, "尚未审核的文章", publish=False)

    english = translate(draft, locales["en"], {"尚未审核的文章": "An article not yet approved"})

    assert not english.live and not Page.objects.live().filter(pk=english.pk).exists()
