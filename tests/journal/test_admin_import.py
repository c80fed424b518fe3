"""The back-issue import from the admin: a .zip with its PDFs, every problem by line, the file kept
across a failed check, links to what was written, and publishing only for those who may publish."""

import copy
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.core.moderation import EDITORS_GROUP
from journal.models import ArticlePage, IssuePage
from tests.courses.test_import_permissions import make_user
from tests.journal.test_import import SAMPLE

pytestmark = pytest.mark.django_db


def packed(data, pdf=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("back-issues/issues.json", json.dumps(data, ensure_ascii=False, indent=2))
        if pdf:
            archive.writestr("back-issues/pdf/2019-2-1.pdf", b"%PDF-1.4 sample")
    return buffer.getvalue()


def check(client, journal, name, content, publish=True):
    data = {"journal": journal.pk, "file": SimpleUploadedFile(name, content)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("journal_import"), data)


def confirm(client, response):
    return client.post(reverse("journal_import"), {"action": "confirm", "token": response.context["pending"]["token"]})


@pytest.fixture
def office(client, journal):
    client.force_login(get_user_model().objects.create_superuser("office", password="x"))
    return client


def test_a_zip_with_its_pdfs_imports_and_links_to_every_issue_and_article(office, journal):
    checked = check(office, journal, "back-issues.zip", packed(SAMPLE))
    assert checked.context["ready"] and not checked.context["problems"]

    done = confirm(office, checked).content.decode()

    article = ArticlePage.objects.get(title="社区教育服务乡村振兴的实践路径")
    assert article.live and article.pdf is not None and article.get_parent().get_parent().specific == journal
    for page in [*IssuePage.objects.all(), *ArticlePage.objects.all()]:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in done


def test_a_failed_check_reports_lines_and_keeps_the_file(office, journal):
    data = copy.deepcopy(SAMPLE)
    data["issues"][0]["articles"][0]["received"] = "2019-13-40"
    text = json.dumps(data, ensure_ascii=False, indent=2)

    failed = check(office, journal, "issues.json", text.encode("gb18030"))  # saved by a Chinese Windows editor

    problems = [str(problem) for problem in failed.context["problems"]]
    assert len(problems) == 2  # the bad date, and the PDF that did not come with a bare .json
    assert any("received" in problem and problem.startswith("line ") for problem in problems)
    assert failed.context["pending"]["filename"] == "issues.json"
    rechecked = office.post(reverse("journal_import"), {"action": "recheck"})
    assert len(rechecked.context["problems"]) == 2  # the kept file, checked again without uploading it
    assert not IssuePage.objects.exists()


def test_editors_import_drafts_for_moderation_and_cannot_publish_in_the_journal(client, journal):
    editor = make_user("editor", EDITORS_GROUP)
    client.force_login(editor)
    data = copy.deepcopy(SAMPLE)
    del data["issues"][0]["articles"][0]["pdf"]
    content = json.dumps(data).encode()

    refused = check(client, journal, "issues.json", content, publish=True)
    confirm(client, check(client, journal, "issues.json", content, publish=False))

    assert "publish" in refused.context["form"].errors
    articles = ArticlePage.objects.all()
    assert articles.count() == 2 and not any(article.live for article in articles)
    assert {article.latest_revision.user for article in articles} == {editor}
    client.force_login(make_user("stranger", permissions=["access_admin"]))
    refused_stranger = client.get(reverse("journal_import"))
    assert refused_stranger.status_code == 302 and refused_stranger.url == reverse("wagtailadmin_home")
