"""Spreadsheet cells that stay text: CSV written for Excel and WPS, and cells read from imports.

A cell that starts with "=", "+", "-" or "@" is a formula to a spreadsheet program, so a
registrant's name "=HYPERLINK(…)" would become a live link (CSV formula injection). Exports
write such text with a leading apostrophe, which spreadsheets show as plain text; imports refuse
it, so it never reaches the site to be exported.
"""

import csv
import datetime
import io
import re

from django.utils.translation import gettext as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d,]*(\.\d+)?%?")


def formula_safe(value):
    """``value`` as text a spreadsheet shows as written."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def looks_like_formula(text):
    """Whether an imported cell would run as a formula (a signed number such as "-5" would not)."""
    text = str(text)
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


# -- reading imports: bounded whatever the file claims ------------------------------------------
MAX_IMPORT_BYTES = 10 * 2**20
MAX_IMPORT_ROWS = 20_000
MAX_IMPORT_COLUMNS = 64


class ImportFileError(Exception):
    """The file cannot be read at all (wrong type, neither UTF-8 nor GBK, empty, too large)."""


def read_rows(content, filename):
    """``(header, [(line, {column: text})])`` from CSV or XLSX bytes; see read_sheet."""
    header, records, _encoding = read_sheet(content, filename)
    return header, records


def read_sheet(content, filename):
    """``(header, [(line, {column: text})], encoding)`` from CSV (UTF-8 or GBK) or XLSX bytes; empty
    rows are skipped, header names lower-cased, and the encoding says how a CSV file was read
    ("UTF-8", "GBK/GB18030"; empty for .xlsx). Bounded in bytes, rows and columns: an .xlsx states
    its own dimension, and a forged one ("A1:XFD20000") once made a 1.7 KB upload fill 2.9 GB."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is larger than %(megabytes)s MB; split it.") % {"megabytes": MAX_IMPORT_BYTES // 2**20}
        )
    name, encoding = filename.lower(), ""
    if name.endswith(".xlsx"):
        lines = _xlsx_lines(content)
    elif name.endswith(".csv"):
        lines, encoding = _csv_lines(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    lines = [(number, row) for number, row in lines if any(row)]
    if not lines:
        raise ImportFileError(_("The file is empty."))
    (_header_line, header), *rows = lines
    header = [column.strip().lower() for column in header]
    records = [
        (number, {column: (row[i] if i < len(row) else "") for i, column in enumerate(header) if column})
        for number, row in rows
    ]
    return header, records, encoding


def _xlsx_lines(content):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        sheet.reset_dimensions()  # read the rows that are there, not the dimension the file states
        rows = _bounded(enumerate(sheet.iter_rows(values_only=True), 1))
        return [(number, [_cell(value) for value in row[:MAX_IMPORT_COLUMNS]]) for number, row in rows]
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(_("This is not a readable .xlsx file (%(error)s).") % {"error": error}) from error


def _csv_lines(content):
    text, encoding = decode_text(content)
    if text is None:
        raise ImportFileError(_("The CSV file is neither UTF-8 nor GBK; save it as “CSV UTF-8”."))
    reader = csv.reader(io.StringIO(text))
    lines, first_line = [], 1
    for _count, row in _bounded(enumerate(reader, 1)):  # a quoted cell may span lines: report where it starts
        lines.append((first_line, [value.strip() for value in row[:MAX_IMPORT_COLUMNS]]))
        first_line = reader.line_num + 1
    return lines, encoding


def _bounded(numbered_rows):
    for number, row in numbered_rows:
        if number > MAX_IMPORT_ROWS + 1:  # the header and MAX_IMPORT_ROWS rows
            raise ImportFileError(
                _("The file has more than %(rows)s rows; split it into smaller files.") % {"rows": MAX_IMPORT_ROWS}
            )
        yield number, row


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- writing exports -----------------------------------------------------------------------------
def write_csv(header, rows):
    """CSV with a BOM (Excel and WPS need it to open UTF-8 Chinese), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([formula_safe(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(header, rows, title):
    """An .xlsx whose cells are all text as written, never formulas."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=str(value))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class FormulaSafeExportMixin:
    """For Wagtail index views with CSV export (``list_export``): every CSV cell formula-safe.
    XLSX needs nothing: Wagtail writes formula-looking cells there as strings."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV and isinstance(value, str):
            return formula_safe(value)
        return value


# -- what offices send: CSV in GBK or UTF-8, Chinese headers, dates as Excel and WPS write them ----
ENCODINGS = (("utf-8-sig", "UTF-8"), ("gb18030", "GBK/GB18030"))
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 20000–80000 is 1954–2119,
# so a plain number in a date column is taken as a serial only when it could be one.
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
EXCEL_SERIAL = re.compile(r"\d{5}(\.\d+)?")
CHINESE_DATE = re.compile(r"(?P<year>\d{4})\s*[年/.\-]\s*(?P<month>\d{1,2})\s*[月/.\-]\s*(?P<day>\d{1,2})\s*日?")
CLOCK = re.compile(r"(?P<hour>\d{1,2})\s*[:：时]\s*(?P<minute>\d{2})(?:\s*[:：分]\s*(?P<second>\d{2}))?\s*[分秒]?")


def decode_text(content):
    """``(text, encoding label)``: UTF-8 (with or without BOM) first, then GB18030, a superset of the
    GBK that Excel and WPS write on Chinese Windows; None for the text when neither fits."""
    for codec, label in ENCODINGS:
        try:
            return content.decode(codec), label
        except UnicodeDecodeError:
            continue
    return None, None


def parse_date(text):
    """A date from 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 or an Excel serial (46086); else None."""
    moment = parse_datetime(text)
    return moment.date() if moment else None


def parse_datetime(text):
    """A naive datetime from ISO 8601, the Chinese date forms with an optional time (2026年3月5日 14:00,
    2026/3/5 14时30分) or an Excel serial with a fraction of a day; None when it is none of these."""
    text = (text or "").strip()
    if not text:
        return None
    if EXCEL_SERIAL.fullmatch(text) and 20000 <= float(text) <= 80000:
        return (EXCEL_EPOCH + datetime.timedelta(days=float(text))).replace(microsecond=0)
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        pass
    date = CHINESE_DATE.match(text)
    if date is None:
        return None
    rest = text[date.end() :].strip().lstrip("T").strip()
    clock = CLOCK.fullmatch(rest) if rest else None
    if rest and clock is None:
        return None
    try:
        return datetime.datetime(
            int(date["year"]),
            int(date["month"]),
            int(date["day"]),
            int(clock["hour"]) if clock else 0,
            int(clock["minute"]) if clock else 0,
            int(clock["second"] or 0) if clock else 0,
        )
    except ValueError:  # 2026年2月30日
        return None


def canonical_headers(header, aliases):
    """The importer's column names for a header row written in English or in Chinese: ``aliases``
    maps each column to the words offices use for it."""
    by_word = {}
    for column, words in aliases.items():
        by_word[column.lower()] = column
        for word in words:
            by_word[word.strip().lower()] = column
    return [by_word.get(name.strip().lower(), name.strip().lower()) for name in header]


def template_csv(header, example):
    """A CSV template with a BOM, which Excel and WPS need to open UTF-8 Chinese without garbling it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerow([formula_safe(value) for value in example])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx(header, example, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    sheet.append(example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(12, 2 * len(str(cell.value)) + 4)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # text as written, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
