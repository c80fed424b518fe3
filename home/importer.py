"""Import news and notices from a spreadsheet: CSV (UTF-8 or GBK) or .xlsx.

Columns: kind (news/notice or 新闻/通知), date (YYYY-MM-DD), title, source, introduction, body
(one paragraph per line; a quoted cell may span lines), and optionally slug and image (the
title of a picture in the image library). One validation pass collects every problem with
its line number; only a file without any problem is written, in one transaction. A row
matches an existing item under the news page by slug, or else by title and date, so
importing the same file again updates instead of duplicating.
"""

import datetime

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.core.import_report import Report
from cms.core.spreadsheets import read_rows

from .models import NewsIndexPage, NewsPage

COLUMNS = ["kind", "date", "title", "source", "introduction", "body"]
OPTIONAL = ["slug", "image"]
REQUIRED = ("kind", "date", "title")
KIND_WORDS = {"news": "news", "新闻": "news", "notice": "notice", "通知": "notice", "通知公告": "notice"}


def validate(header, rows):
    report = Report()
    if not report.check_columns(header, COLUMNS):
        return report
    images = {
        image.title: image for image in get_image_model().objects.filter(title__in=[r.get("image") for _, r in rows])
    }
    seen = {}
    for line, row in rows:
        before = len(report.problems)
        report.check_formulas(line, row)
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
