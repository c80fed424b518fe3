"""Import news and notices from a spreadsheet saved as UTF-8 CSV.

Columns: kind (news/notice or 新闻/通知), date (YYYY-MM-DD), title, source, introduction, body
(one paragraph per line; a quoted cell may span lines), and optionally slug and image (the
title of a picture in the image library). One validation pass collects every problem with
its line number; only a file without any problem is written, in one transaction. A row
matches an existing item under the news page by slug, or else by title and date, so
importing the same file again updates instead of duplicating.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.core.spreadsheets import looks_like_formula

from .models import NewsIndexPage, NewsPage

COLUMNS = ["kind", "date", "title", "source", "introduction", "body"]
OPTIONAL = ["slug", "image"]
REQUIRED = ("kind", "date", "title")
MAX_IMPORT_BYTES = 10 * 2**20
KIND_WORDS = {"news": "news", "新闻": "news", "notice": "notice", "通知": "notice", "通知公告": "notice"}


class ImportFileError(Exception):
    """The file cannot be read at all (wrong type, not UTF-8, empty)."""


@dataclass
class Problem:
    line: int
    message: str

    def __str__(self):
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Report:
    problems: list = field(default_factory=list)
    records: list = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self):
        return not self.problems

    def add(self, line, message):
        self.problems.append(Problem(line, message))


def read_rows(content, filename):
    """``(header, [(line, {column: text})])``; a row is reported on the line it starts on."""
    if not filename.lower().endswith(".csv"):
        raise ImportFileError(_("Upload a .csv file (save the spreadsheet as “CSV UTF-8”)."))
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is larger than %(megabytes)s MB; split it.") % {"megabytes": MAX_IMPORT_BYTES // 2**20}
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The CSV file is not UTF-8; save it as “CSV UTF-8”.")) from error
    reader = csv.reader(io.StringIO(text))
    lines, first_line = [], 1
    for row in reader:
        lines.append((first_line, [value.strip() for value in row]))
        first_line = reader.line_num + 1
    lines = [(number, row) for number, row in lines if any(row)]
    if not lines:
        raise ImportFileError(_("The file is empty."))
    (_line, header), *rows = lines
    header = [name.strip().lower() for name in header]
    return header, [(number, dict(zip(header, row, strict=False))) for number, row in rows]


def validate(header, rows):
    report = Report()
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        report.add(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})
        return report
    images = {
        image.title: image for image in get_image_model().objects.filter(title__in=[r.get("image") for _, r in rows])
    }
    seen = {}
    for line, row in rows:
        before = len(report.problems)
        for column, text in row.items():
            if looks_like_formula(text or ""):
                report.add(
                    line,
                    _("%(column)s starts like a spreadsheet formula: “%(value)s” (remove the leading “%(sign)s”)")
                    % {"column": column, "value": text[:40], "sign": text[:1]},
                )
        for column in REQUIRED:
            if not row.get(column):
                report.add(line, _("%(column)s is empty") % {"column": column})
        kind = KIND_WORDS.get(row.get("kind", "").lower())
        if row.get("kind") and kind is None:
            report.add(line, _("unknown kind “%(value)s” (write news or notice)") % {"value": row["kind"]})
        date = _date(row.get("date", ""))
        if row.get("date") and date is None:
            report.add(line, _("date is not written YYYY-MM-DD: “%(value)s”") % {"value": row["date"]})
        slug = row.get("slug", "")
        if slug and slug != slugify(slug):
            report.add(
                line, _("slug may hold only lower-case letters, digits and hyphens: “%(value)s”") % {"value": slug}
            )
        if row.get("image") and row["image"] not in images:
            report.add(line, _("no image in the library has the title “%(value)s”") % {"value": row["image"]})
        if len(row.get("title", "")) > 255:
            report.add(line, _("the title is too long"))
        key = slug or (row.get("title"), row.get("date"))
        if key in seen:
            report.add(line, _("the same item is also on line %(other)s") % {"other": seen[key]})
        seen[key] = line
        if len(report.problems) == before:
            report.records.append(
                {
                    "slug": slug,
                    "kind": kind,
                    "date": date,
                    "title": row["title"],
                    "source": row.get("source", ""),
                    "introduction": row.get("introduction", ""),
                    "body": _body(row.get("body", "")),
                    "image": images.get(row.get("image")),
                }
            )
    return report


def _date(text):
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _body(text):
    paragraphs = "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return [("paragraph", paragraphs)] if paragraphs else []


@transaction.atomic
def apply(report, index, publish=False):
    items = NewsPage.objects.child_of(index)
    taken = set(index.get_children().values_list("slug", flat=True))
    for number, record in enumerate(report.records, start=1):
        slug = record.pop("slug")
        page = (
            items.filter(slug=slug).first()
            if slug
            else items.filter(title=record["title"], date=record["date"]).first()
        )
        if page is None:
            slug = slug or _free_slug(f"{record['date']:%Y%m%d}-{number:02d}", taken)
            taken.add(slug)
            page = NewsPage(slug=slug, live=publish, **record)
            index.add_child(instance=page)
            report.created += 1
        else:
            page = page.get_latest_revision_as_object()
            for name, value in record.items():
                setattr(page, name, value)
            report.updated += 1
        revision = page.save_revision()
        if publish:
            revision.publish()
    return report


def _free_slug(slug, taken):
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def default_index():
    return NewsIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


def run_news_import(content, filename, index=None, publish=False):
    """Validate and, when there is no problem, write; returns the Report."""
    index = index or default_index()
    header, rows = read_rows(content, filename)
    report = validate(header, rows)
    if index is None:
        report.add(1, _("there is no news page to import into; create one first"))
    if report.ok:
        apply(report, index, publish=publish)
    return report
