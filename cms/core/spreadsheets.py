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
