"""import_news: editors bring news and notices from a spreadsheet; every bad row is named by line."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from home.models import NewsIndexPage, NewsPage

HEADER = "kind,date,title,source,introduction,body"


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPage(title="新闻通知", slug="news")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def _write(tmp_path, lines):
    path = tmp_path / "news.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_news_and_notices_are_imported_then_updated_not_duplicated(news_index, tmp_path, client):
    lines = [
        HEADER,
        'notice,2019-03-08,关于开展课程遴选的通知,指导中心,请各地申报。,"第一段。\n第二段 <b>。"',
        "新闻,2019-03-26,全省工作会议召开,指导中心,会议部署了重点任务。,",
    ]
    call_command("import_news", _write(tmp_path, lines), "--publish", stdout=io.StringIO())
    notice = NewsPage.objects.get(title="关于开展课程遴选的通知")
    assert notice.live and notice.kind == "notice" and notice.slug == "20190308-01"
    assert str(notice.body[0].value) == "<p>第一段。</p><p>第二段 &lt;b&gt;。</p>"
    assert NewsPage.objects.get(kind="news").date.isoformat() == "2019-03-26"
    assert "关于开展课程遴选的通知" in client.get("/news/").content.decode()

    lines[2] = lines[2].replace("会议部署了重点任务。", "会议总结了全年工作。")
    call_command("import_news", _write(tmp_path, lines), "--publish", stdout=io.StringIO())
    assert NewsPage.objects.count() == 2
    assert NewsPage.objects.get(kind="news").introduction == "会议总结了全年工作。"


def test_every_bad_row_is_reported_and_nothing_is_written(news_index, tmp_path):
    lines = [
        HEADER + ",slug,image",
        "bulletin,2019-13-01,,,,,,",
        "news,2019-03-26,会议召开,,,,Bad Slug,没有这张图",
        "news,2019-03-27,=HYPERLINK(1),,,,,",
    ]
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_news", _write(tmp_path, lines), stdout=io.StringIO(), stderr=err)
    problems = err.getvalue()
    assert "line 2: title is empty" in problems
    assert "line 2: unknown kind “bulletin”" in problems
    assert "line 2: date is not written YYYY-MM-DD" in problems
    assert "line 3: slug may hold only" in problems
    assert "line 3: no image in the library has the title “没有这张图”" in problems
    assert "line 4: title starts like a spreadsheet formula" in problems
    assert not NewsPage.objects.exists()


def test_a_file_without_the_columns_is_refused(news_index, tmp_path):
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_news", _write(tmp_path, ["title,date", "x,2019-01-01"]), stderr=err)
    assert "missing column(s): kind, source, introduction, body" in err.getvalue()


def test_a_gbk_csv_and_an_xlsx_from_an_office_import_like_utf8(news_index, tmp_path):
    """The news import reads what the other imports read: Excel's GBK CSV and .xlsx."""
    gbk = tmp_path / "news-gbk.csv"
    gbk.write_bytes(f"{HEADER}\n通知,2019-04-02,关于举办读书节的通知,指导中心,请各地组织参加。,\n".encode("gbk"))
    call_command("import_news", str(gbk), stdout=io.StringIO())

    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["新闻", "2019-04-09", "读书节开幕", "指导中心", "读书节在杭州开幕。", ""])
    xlsx = tmp_path / "news.xlsx"
    book.save(xlsx)
    call_command("import_news", str(xlsx), stdout=io.StringIO())

    assert NewsPage.objects.get(title="关于举办读书节的通知").kind == "notice"
    assert NewsPage.objects.get(title="读书节开幕").introduction == "读书节在杭州开幕。"
