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
    """The file cannot be read at all (wrong type, not UTF-8, empty, too large)."""


def read_rows(content, filename):
    """``(header, [(line, {column: text})])`` from CSV or XLSX bytes; empty rows are skipped and
    header names lower-cased. Bounded in bytes, rows and columns: an .xlsx states its own
    dimension, and a forged one ("A1:XFD20000") once made a 1.7 KB upload fill 2.9 GB."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is larger than %(megabytes)s MB; split it.") % {"megabytes": MAX_IMPORT_BYTES // 2**20}
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        lines = _xlsx_lines(content)
    elif name.endswith(".csv"):
        lines = _csv_lines(content)
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
    return header, records


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
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The CSV file is not UTF-8; save it as “CSV UTF-8”.")) from error
    reader = csv.reader(io.StringIO(text))
    lines, first_line = [], 1
    for _count, row in _bounded(enumerate(reader, 1)):  # a quoted cell may span lines: report where it starts
        lines.append((first_line, [value.strip() for value in row[:MAX_IMPORT_COLUMNS]]))
        first_line = reader.line_num + 1
    return lines


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
