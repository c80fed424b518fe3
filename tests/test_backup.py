"""manage.py backup / restore: a round trip that loses nothing, on SQLite and on PostgreSQL."""

import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from calls.models.submissions import private_storage
from home.models import NewsPage
from tests.factories import news_page

# No test transaction may hold the tables a restore replaces; the migrations' rows (groups,
# workflow, locales) are put back afterwards for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def private_media_root(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    return tmp_path / "private-media"


def test_a_backup_restores_every_row_and_file(tmp_path, media_root, private_media_root, news_index, capsys):
    Document = get_document_model()
    kept = news_page(news_index, "社区学习周开幕", slug="opening")
    document = Document.objects.create(title="年度报告", file=ContentFile(b"annual report", name="report.pdf"))
    application = private_storage().save("calls/1/abc/申报书.pdf", ContentFile(b"an applicant's plan"))
    call_command("backup", "--output", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("backup-*.tar.gz"))

    kept.delete()  # a bad day: a page deleted, files lost, a page that should not be there
    (media_root / document.file.name).unlink()
    private_storage().delete(application)
    news_page(news_index, "误发的通知", slug="mistake")
    call_command("restore", str(archive), "--yes")

    assert list(NewsPage.objects.values_list("title", flat=True)) == ["社区学习周开幕"]
    restored = Document.objects.get(title="年度报告")
    with restored.file.open("rb") as handle:
        assert handle.read() == b"annual report"
    with private_storage().open(application) as handle:  # applicants' uploads, outside MEDIA_ROOT
        assert handle.read() == b"an applicant's plan"
    assert "every table has the rows the backup recorded" in capsys.readouterr().out


def test_a_backup_of_the_other_engine_or_no_backup_at_all_changes_nothing(tmp_path, media_root, news_index):
    news_page(news_index, "社区学习周开幕", slug="opening")
    other = tmp_path / "other.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "created": "x", "engine": "oracle", "database": "d", "tables": {}}))
    with tarfile.open(other, "w:gz") as archive:
        archive.add(manifest, arcname="manifest.json")
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")

    with pytest.raises(CommandError, match="oracle"):
        call_command("restore", str(other), "--yes")
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(junk), "--yes")

    assert NewsPage.objects.filter(title="社区学习周开幕").exists()
