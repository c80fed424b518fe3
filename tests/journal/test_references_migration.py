"""Migration 0005: an upgraded site's one-per-line reference texts become reference rows, and
an article whose latest revision was saved before the upgrade still opens in the editor."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from journal.models import ArticlePage
from journal.references import format_reference
from tests.migrations import latest, migrate

from .conftest import make_issue, make_journal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("journal", "0004_editors_manage_authors_sections_projects")]
OLD_TEXT = "[1] 叶忠海. 社区教育学[M]. 上海: 华东师范大学出版社, 2016.\n\n叶忠海. 社区教育学. 上海, 2016.\n"


def test_old_reference_text_becomes_rows(home_page, client):
    issue = make_issue(make_journal(home_page))
    old = migrate(BEFORE).loader.project_state(BEFORE).apps
    content_types = old.get_model("contenttypes", "ContentType").objects
    article_type = content_types.get(app_label="journal", model="articlepage")
    old_issue = old.get_model("wagtailcore", "Page").objects.get(pk=issue.pk)
    article = old.get_model("journal", "ArticlePage").objects.create(
        title="社区学习共同体的建设路径",
        draft_title="社区学习共同体的建设路径",
        slug="community",
        path=old_issue.path + "0001",
        depth=old_issue.depth + 1,
        url_path=old_issue.url_path + "community/",
        content_type=article_type,
        locale_id=old_issue.locale_id,
        live=True,
        references=OLD_TEXT,
    )
    old.get_model("wagtailcore", "Page").objects.filter(pk=issue.pk).update(numchild=1)
    revision = old.get_model("wagtailcore", "Revision").objects.create(
        content_type=article_type,
        base_content_type=content_types.get(app_label="wagtailcore", model="page"),
        object_id=str(article.pk),
        created_at=timezone.now(),
        content={"pk": article.pk, "title": article.title, "slug": article.slug, "references": OLD_TEXT},
    )
    old.get_model("wagtailcore", "Page").objects.filter(pk=article.pk).update(latest_revision=revision)

    migrate(latest())

    upgraded = ArticlePage.objects.get(pk=article.pk)
    book, unreadable = upgraded.reference_entries.order_by("sort_order")
    assert format_reference(book.to_csl()) == "叶忠海. 社区教育学[M]. 上海：华东师范大学出版社，2016."
    assert (unreadable.type, unreadable.title) == ("document", "叶忠海. 社区教育学. 上海, 2016.")
    draft = upgraded.get_latest_revision_as_object()
    assert [row.title for row in draft.reference_entries.all()] == ["社区教育学", "叶忠海. 社区教育学. 上海, 2016."]
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 200
