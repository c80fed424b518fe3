"""Spreadsheet cells that stay text: CSV written for Excel and WPS, and cells read from imports.

A cell that starts with "=", "+", "-" or "@" is a formula to a spreadsheet program, so a
registrant's name "=HYPERLINK(…)" would become a live link (CSV formula injection). Exports
write such text with a leading apostrophe, which spreadsheets show as plain text; imports refuse
it, so it never reaches the site to be exported.
"""

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
