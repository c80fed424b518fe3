"""Usage counted as COUNTER counts it: robots by the COUNTER list left out, a reload within 30
seconds counted once, investigations and requests, unique items per session; the monthly
title and item reports in the admin, exported as CSV and XLSX, and the article's usage panel."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.documents.models import Document

from journal.counter import item_report, title_report
from journal.usage import is_robot, totals

from .conftest import BROWSER, make_article

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)
# In the COUNTER list but not in the pattern the site used before.
LINK_PREVIEW_ROBOT = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"


def at(day, hour, minute=0, second=0, month=3):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour, minute, second))


def visit(url, when, address="10.0.0.1", agent=BROWSER["HTTP_USER_AGENT"]):
    with mock.patch("django.utils.timezone.now", return_value=when):
        response = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent).get(url)
    assert response.status_code in (200, 302), url
    return response


@pytest.fixture
def articles(issue):
    pdf = Document(title="全文")
    pdf.file.save("galley.pdf", ContentFile(b"%PDF-1.4"), save=False)
    pdf.save()
    pdf_only = make_article(issue, "只有PDF的文章", slug="pdf-only", pdf=pdf)
    full_text = make_article(issue, "有网页全文的文章", slug="html", body=[("paragraph", "<p>网页上的全文。</p>")])
    return pdf_only, full_text


@pytest.fixture
def a_month_of_usage(articles):
    """March 2026: two readers, reloads, a robot; and one use in April."""
    pdf_only, full_text = articles
    # Reader A opens the PDF-only article, reloads it 10 and then 20 seconds later (each within
    # 30 seconds of the one before: one view), comes back a minute later, and gets the PDF.
    for when in (at(3, 10), at(3, 10, 0, 10), at(3, 10, 0, 30), at(3, 10, 1, 30)):
        visit(pdf_only.url, when)
    visit(f"{pdf_only.url}pdf/", at(3, 10, 2))
    visit(f"{pdf_only.url}pdf/", at(3, 10, 2, 5))  # a double click on the download
    # Reader B reads both articles in one hour; the full-text page is a request.
    visit(pdf_only.url, at(20, 15), address="10.0.0.2")
    visit(full_text.url, at(20, 15, 5), address="10.0.0.2")
    # A robot reads everything, many times, and is never counted.
    for minute in (0, 1, 40):
        for url in (pdf_only.url, f"{pdf_only.url}pdf/", full_text.url):
            visit(url, at(12, 3, minute), address="192.0.2.9", agent=LINK_PREVIEW_ROBOT)
    visit(full_text.url, at(2, 9, month=4))  # April is another month
    return pdf_only, full_text


def figures(row, names):
    return {name: getattr(row, name) for name in names}


ITEM = ["Total_Item_Investigations", "Unique_Item_Investigations", "Total_Item_Requests", "Unique_Item_Requests"]
TITLE = [*ITEM, "Unique_Title_Investigations", "Unique_Title_Requests"]


def test_robots_are_told_by_the_counter_list():
    assert is_robot(LINK_PREVIEW_ROBOT)
    assert is_robot("Mozilla/5.0 (compatible; Googlebot/2.1)") and is_robot("python-requests/2.32") and is_robot("")
    assert not is_robot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 MicroMessenger/8.0")


def test_the_item_report_counts_a_month_without_reloads_or_robots(a_month_of_usage):
    pdf_only, full_text = a_month_of_usage
    rows = {row.article.pk: row for row in item_report(MARCH)}
    # A: two views and a download; B: one view. Two sessions; the PDF is the only request.
    assert figures(rows[pdf_only.pk], ITEM) == {
        "Total_Item_Investigations": 4,
        "Unique_Item_Investigations": 2,
        "Total_Item_Requests": 1,
        "Unique_Item_Requests": 1,
    }
    assert figures(rows[full_text.pk], ITEM) == dict.fromkeys(ITEM, 1)
    assert rows[pdf_only.pk].journal == "社区教育研究"
    # The daily figures (most read lists) leave out the same uses.
    assert totals(pdf_only) == {"views": 3, "downloads": 1}


def test_the_title_report_counts_sessions_once_per_journal(a_month_of_usage):
    (row,) = title_report(MARCH)
    assert row.title == "社区教育研究"
    assert figures(row, TITLE) == {
        "Total_Item_Investigations": 5,
        "Unique_Item_Investigations": 3,  # A with one article, B with two
        "Total_Item_Requests": 2,
        "Unique_Item_Requests": 2,
        "Unique_Title_Investigations": 2,  # two readers
        "Unique_Title_Requests": 2,
    }
    (april,) = title_report(datetime.date(2026, 4, 1))
    assert april.Total_Item_Investigations == 1


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_the_reports_in_the_admin_export_csv_and_xlsx(editor, a_month_of_usage):
    pdf_only, _ = a_month_of_usage
    page = editor.get("/admin/reports/counter/items/", {"month": "2026-03"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "只有PDF的文章" in html and "有网页全文的文章" in html and "2026-03" in html

    rows = csv_rows(editor.get("/admin/reports/counter/items/", {"month": "2026-03", "export": "csv"}))
    first = rows[0]
    assert first["Item"] == "只有PDF的文章" and first["Title"] == "社区教育研究" and first["YOP"] == "2019"
    assert [first[name] for name in ITEM] == ["4", "2", "1", "1"]

    titles = csv_rows(editor.get("/admin/reports/counter/titles/", {"month": "2026-03", "export": "csv"}))
    assert [(row["Title"], row["Print_ISSN"], row["Unique_Title_Investigations"]) for row in titles] == [
        ("社区教育研究", "1234-5679", "2")
    ]
    workbook = editor.get("/admin/reports/counter/titles/", {"month": "2026-04", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    header, values = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert dict(zip(header, values, strict=True))["Total_Item_Investigations"] == 1

    # The article's usage panel reads the same monthly figures.
    panel = editor.get(f"/admin/pages/{pdf_only.pk}/edit/").content.decode()
    march = panel[panel.index("?month=2026-03") :]
    assert "<td>4</td><td>2</td><td>1</td><td>1</td>" in march.replace("\n", "")


def test_the_report_without_usage_says_so(editor, home_page):
    page = editor.get("/admin/reports/counter/titles/")
    assert page.status_code == 200
