"""Spreadsheets in and out: no formula runs in an export, imports refuse formulas, and a file's
claims about its own size cannot exhaust the server."""

import datetime
import io
import tracemalloc
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from cms.core import spreadsheets
from cms.core.spreadsheets import ImportFileError, formula_safe, looks_like_formula, read_rows
from courses.importer import validate_only
from courses.models import Registration
from tests.courses.test_import import COURSE_HEADER, GOOD_COURSES

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://example.com/x","点击领取")'


def test_formula_text_is_written_as_text_and_numbers_stay_numbers():
    assert formula_safe(HYPERLINK) == "'" + HYPERLINK
    assert formula_safe("@SUM(A1)") == "'@SUM(A1)"
    assert formula_safe("王小明") == "王小明"
    assert looks_like_formula(HYPERLINK) and looks_like_formula("+cmd|' /C calc'!A0")
    assert not looks_like_formula("-5") and not looks_like_formula("+1,200.50")
    assert not looks_like_formula("12.5%") and not looks_like_formula("越剧")


def test_the_registrations_export_writes_a_formula_name_as_text(admin_client, make_activity):
    activity = make_activity()
    Registration.objects.create(
        activity=activity,
        name=HYPERLINK,
        phone="13800000000",
        state=Registration.State.CONFIRMED,
        consented_at=timezone.now(),
        erase_after=timezone.localdate() + datetime.timedelta(days=30),
        reference="R1",
    )

    response = admin_client.get(reverse("wagtailsnippets_courses_registration:list") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")

    assert response.status_code == 200
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and '"=HYPERLINK' not in body


def test_an_import_refuses_a_formula_cell_with_its_line(vocab, course_index):
    quoted = '"' + HYPERLINK.replace('"', '""') + '"'
    rows = [GOOD_COURSES[0], GOOD_COURSES[1].replace("越剧欣赏", quoted, 1), *GOOD_COURSES[2:]]
    report = validate_only("courses", "\n".join(rows).encode(), "c.csv")

    assert not report.ok
    assert [problem.line for problem in report.problems] == [2]
    assert "=HYPERLINK" in report.problems[0].message


def forged_xlsx(dimension):
    """A two-row workbook whose sheet claims the given dimension."""
    book = Workbook()
    sheet = book.active
    sheet.append(["code", "title"])
    sheet.append(["ZJ-1", "越剧欣赏"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B2"/>', f'<dimension ref="{dimension}"/>'.encode())
                assert dimension.encode() in data
            target.writestr(item, data)
    return out.getvalue()


def test_an_xlsx_that_claims_a_huge_dimension_is_read_as_the_rows_it_holds():
    content = forged_xlsx("A1:XFD300")  # 16,384 columns × 300 rows claimed, 2 × 2 cells held

    tracemalloc.start()
    header, rows = read_rows(content, "forged.xlsx")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert header == ["code", "title"]
    assert rows == [(2, {"code": "ZJ-1", "title": "越剧欣赏"})]
    assert peak < 20 * 2**20


def test_too_many_rows_or_bytes_are_refused_before_anything_is_read(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_IMPORT_ROWS", 3)
    many = "\n".join([COURSE_HEADER] + [f"X{n},课程{n}" for n in range(5)]).encode()
    with pytest.raises(ImportFileError, match="3"):
        read_rows(many, "many.csv")

    monkeypatch.setattr(spreadsheets, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(ImportFileError):
        read_rows(b"x" * 101, "big.csv")
