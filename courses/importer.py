"""Import courses and activities from the editors' spreadsheets (CSV in UTF-8 or GBK, or .xlsx).

Headers may be the English column names or the Chinese ones of the downloadable template; values
may be the codes or the labels editors see in the admin; dates may be ISO, Chinese or Excel serials.

One validation pass collects every problem with its line number; only a file without any
problem is written, in one transaction. The management commands and the admin upload view
share this module.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.images import get_image_model

from cms.core import import_report
from cms.core.models import Region
from cms.core.spreadsheets import canonical_headers, parse_datetime, read_sheet

from .models import (
    Audience,
    Category,
    CourseIndexPage,
    CoursePage,
    Instructor,
    LearningActivity,
    Lesson,
    Provider,
    Venue,
)

COURSE_COLUMNS = [
    "code", "title", "category", "audience", "region", "provider", "hours", "lessons", "year", "mode",
    "summary", "description", "tags",
]  # fmt: skip
# Optional: instructor names (；-separated), one lesson per line ("title | minutes"), an image's title.
COURSE_OPTIONAL_COLUMNS = ["instructors", "lesson_plan", "image"]
LESSON_LINE = re.compile(r"^(?P<title>.+?)(?:\s*\|\s*(?P<minutes>\d{1,3}))?$")
ACTIVITY_COLUMNS = ["course_code", "title", "venue", "venue_address", "region", "start", "end", "capacity", "organiser"]
# The Chinese headers of the template first; every word here is accepted as the column's name.
COURSE_HEADERS = {
    "code": ["课程编号", "课程编码", "编号"],
    "title": ["课程名称", "名称", "标题"],
    "category": ["课程类别", "类别", "分类"],
    "audience": ["面向人群", "人群", "适用人群"],
    "region": ["地区", "所在地区", "市县"],
    "provider": ["开课单位", "提供单位", "学校"],
    "hours": ["学时"],
    "lessons": ["课次", "节数", "课时数"],
    "year": ["入选年份", "年份", "年度"],
    "mode": ["授课方式", "方式"],
    "summary": ["简介", "摘要"],
    "description": ["课程介绍", "介绍", "详细介绍"],
    "tags": ["标签", "关键词"],
    "instructors": ["授课教师", "教师"],
    "lesson_plan": ["课程安排", "课时安排"],
    "image": ["封面图片", "图片"],
}
ACTIVITY_HEADERS = {
    "course_code": ["课程编号", "课程编码"],
    "title": ["活动名称", "名称", "标题"],
    "venue": ["场地", "地点", "活动地点"],
    "venue_address": ["场地地址", "地址"],
    "region": ["地区", "所在地区", "市县"],
    "start": ["开始时间", "开始"],
    "end": ["结束时间", "结束"],
    "capacity": ["名额", "人数", "容量"],
    "organiser": ["主办单位", "组织单位", "主办方"],
}
TEMPLATE_EXAMPLES = {
    "courses": {
        "code": "ZJ2026-001", "title": "越剧欣赏", "category": "传统文化", "audience": "老年人；农民",
        "region": "杭州市/西湖区", "provider": "西湖区社区学院", "hours": "12", "lessons": "6",
        "year": "2026 第一批", "mode": "礼堂面授", "summary": "走进越剧的唱腔与身段。",
        "description": "第一段\n第二段", "tags": "戏曲，非遗", "instructors": "", "lesson_plan": "越剧的起源 | 45",
        "image": "",
    },
    "activities": {
        "course_code": "ZJ2026-001", "title": "越剧欣赏第一讲", "venue": "龙坞村文化礼堂",
        "venue_address": "转塘街道龙坞村", "region": "杭州市/西湖区", "start": "2026年3月5日 14:00",
        "end": "2026年3月5日 16:00", "capacity": "60", "organiser": "西湖区社区学院",
    },
}  # fmt: skip
TEMPLATE_TITLES = {"courses": gettext_lazy("Courses"), "activities": gettext_lazy("Learning activities")}
DATE_FORMS = "2026-03-05 14:00, 2026/3/5 14:00, 2026.3.5, 2026年3月5日 14:00"
MAX_LISTED = 30
MODE_WORDS = {
    "in_hall": CoursePage.Mode.IN_HALL,
    "线下": CoursePage.Mode.IN_HALL,
    "礼堂": CoursePage.Mode.IN_HALL,
    "online": CoursePage.Mode.ONLINE,
    "线上": CoursePage.Mode.ONLINE,
    "在线": CoursePage.Mode.ONLINE,
    "blended": CoursePage.Mode.BLENDED,
    "混合": CoursePage.Mode.BLENDED,
}
YEAR = re.compile(r"^(\d{4})\s*(.*)$")


@dataclass
class Changed:
    """A row written by the import, with the admin page where an editor can open it."""

    title: str
    edit_url: str
    created: bool


@dataclass
class Report(import_report.Report):
    encoding: str = ""  # how a CSV file was read ("UTF-8", "GBK/GB18030"); empty for .xlsx
    changed: list = field(default_factory=list)


def _in_column_names(header, rows, aliases):
    """The header and rows with Chinese (or other accepted) column names turned into the importer's."""
    names = canonical_headers(header, aliases)
    renamed = dict(zip(header, names, strict=True))
    return names, [(line, {renamed.get(key, key): value for key, value in row.items()}) for line, row in rows]


def allowed(values):
    """The values an editor may write, for an error message; a long list is cut with its count."""
    values = list(dict.fromkeys(str(value) for value in values if value))
    if len(values) > MAX_LISTED:
        return _("%(values)s … (%(count)s in all)") % {"values": "、".join(values[:MAX_LISTED]), "count": len(values)}
    return "、".join(values) or _("none yet")


def choice_words(choices):
    """Each choice's code and its label in every language of the site (what the admin shows), lower-cased."""
    words = {}
    for code, label in choices:
        words[code.lower()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                words[str(label).lower()] = code
    return words


def template_rows(kind):
    """The header (Chinese, as the template offers it) and an example row for ``kind``."""
    aliases = COURSE_HEADERS if kind == "courses" else ACTIVITY_HEADERS
    example = TEMPLATE_EXAMPLES[kind]
    return [words[0] for words in aliases.values()], [example[column] for column in aliases]


def _check_header(header, required, report, aliases):
    missing = [column for column in required if column not in header]
    if missing:
        names = [f"{aliases[column][0]} ({column})" for column in missing]
        report.add(
            1,
            _("missing column(s): %(columns)s; the template's header is: %(header)s")
            % {"columns": ", ".join(names), "header": ", ".join(words[0] for words in aliases.values())},
        )


# -- courses -------------------------------------------------------------------------------------
class CourseImporter:
    columns = COURSE_COLUMNS
    required = ("code", "title", "category", "region", "year", "summary")

    def __init__(self):
        self.regions = list(Region.objects.all())
        self.categories = {}
        for category in Category.objects.all():
            self.categories[category.name] = self.categories[category.slug] = category
        self.audiences = {}
        for audience in Audience.objects.all():
            self.audiences[audience.name] = self.audiences[audience.slug] = audience
        self.instructors = {instructor.name: instructor for instructor in Instructor.objects.all()}
        self.modes = {**MODE_WORDS, **choice_words(CoursePage.Mode.choices)}

    def validate(self, header, rows):
        report = Report()
        header, rows = _in_column_names(header, rows, COURSE_HEADERS)
        _check_header(header, self.columns, report, COURSE_HEADERS)
        if report.problems:
            return report
        for line, row in rows:
            report.check_formulas(line, row)
        titles = {row["image"] for _line, row in rows if row.get("image")}
        self.images = {image.title: image for image in get_image_model().objects.filter(title__in=titles)}
        seen = {}
        for line, row in rows:
            record = self._clean(line, row, report)
            code = row.get("code", "")
            if code and code in seen:
                report.add(
                    line, _("course code %(code)s is also on line %(other)s") % {"code": code, "other": seen[code]}
                )
            elif code:
                seen[code] = line
            if record:
                report.records.append(record)
        return report

    def _clean(self, line, row, report):
        before = len(report.problems)
        for column in self.required:
            if not row.get(column):
                report.add(line, _("%(column)s is empty") % {"column": column})
        category = self.categories.get(row.get("category", ""))
        if row.get("category") and category is None:
            report.add(
                line,
                _("unknown category “%(value)s”; allowed: %(allowed)s")
                % {"value": row["category"], "allowed": allowed(c.name for c in self.categories.values())},
            )
        audiences = []
        for name in _split(row.get("audience", "")):
            if name in self.audiences:
                audiences.append(self.audiences[name])
            else:
                report.add(
                    line,
                    _("unknown audience “%(value)s”; allowed: %(allowed)s")
                    % {"value": name, "allowed": allowed(a.name for a in self.audiences.values())},
                )
        region = _region(line, row, self.regions, report)
        hours = _decimal(row.get("hours", ""), line, "hours", report)
        lessons = _integer(row.get("lessons", ""), line, "lessons", report)
        year, batch = None, ""
        if row.get("year"):
            match = YEAR.match(row["year"])
            if match and 1990 <= int(match.group(1)) <= 2100:
                year, batch = int(match.group(1)), match.group(2).strip()
            else:
                report.add(line, _("bad year “%(value)s” (write 2019 or 2019 第一批)") % {"value": row["year"]})
        mode = CoursePage.Mode.IN_HALL
        if row.get("mode"):
            mode = self.modes.get(row["mode"].lower())
            if mode is None:
                report.add(
                    line,
                    _("unknown delivery mode “%(value)s”; allowed: %(allowed)s")
                    % {"value": row["mode"], "allowed": allowed(label for _code, label in CoursePage.Mode.choices)},
                )
        if len(row.get("code", "")) > 40 or len(row.get("title", "")) > 255:
            report.add(line, _("the code or the title is too long"))
        instructors = []
        for name in _split(row.get("instructors", "")):
            if name in self.instructors:
                instructors.append(self.instructors[name])
            else:
                report.add(
                    line,
                    _("unknown instructor “%(value)s”; add them under Instructors first, or write one of: %(allowed)s")
                    % {"value": name, "allowed": allowed(self.instructors)},
                )
        plan = [LESSON_LINE.match(text.strip()) for text in row.get("lesson_plan", "").splitlines() if text.strip()]
        if any(len(match["title"]) > 200 for match in plan):
            report.add(line, _("a lesson title is longer than 200 characters"))
        image = self.images.get(row.get("image", ""))
        if row.get("image") and image is None:
            report.add(line, _("no image in the library has the title “%(value)s”") % {"value": row["image"]})
        if len(report.problems) > before:
            return None
        return {
            "line": line,
            "code": row["code"],
            "title": row["title"],
            "category": category,
            "audiences": audiences,
            "city": region[0],
            "county": region[1],
            "provider": row.get("provider", ""),
            "hours": hours or Decimal(0),
            "lesson_count": lessons or 0,
            "year": year,
            "batch": batch,
            "mode": mode,
            "summary": row["summary"],
            "description": _paragraphs(row.get("description", "")),
            "tags": _split(row.get("tags", "")),
            "instructors": instructors if "instructors" in row else None,
            "lesson_plan": [(m["title"], int(m["minutes"]) if m["minutes"] else None) for m in plan]
            if "lesson_plan" in row
            else None,
            **({"image": image} if "image" in row else {}),  # a file without the column keeps the picture
        }

    @transaction.atomic
    def apply(self, report, index, publish=False, progress=None, user=None):
        """Write the validated records under ``index``; with a ``user``, Wagtail checks their
        right to publish each page and the revisions are theirs."""
        codes = [record["code"] for record in report.records]
        existing = {page.code: page for page in CoursePage.objects.filter(code__in=codes, locale_id=index.locale_id)}
        taken_slugs = set(index.get_children().values_list("slug", flat=True))
        providers = {}
        for number, record in enumerate(report.records, start=1):
            provider_name = record.pop("provider")
            if provider_name and provider_name not in providers:
                providers[provider_name], _created = Provider.objects.get_or_create(
                    name=provider_name, defaults={"city": record["city"]}
                )
            audiences, tags = record.pop("audiences"), record.pop("tags")
            instructors, lesson_plan = record.pop("instructors"), record.pop("lesson_plan")
            record.pop("line")
            page = existing.get(record["code"])
            if page is None:
                page = CoursePage(slug=_free_slug(_slug(record["code"]), taken_slugs), live=publish, **record)
            else:
                page = page.get_latest_revision_as_object()
                for name, value in record.items():
                    setattr(page, name, value)
            page.provider = providers.get(provider_name)
            page.audiences = audiences
            page.tags.set(tags)
            if instructors is not None:
                page.instructors = instructors
            if lesson_plan is not None:
                _set_lessons(page, lesson_plan)
            created = page.pk is None
            if created:
                index.add_child(instance=page)
                report.created += 1
            else:
                report.updated += 1
            revision = page.save_revision(user=user)
            if publish:
                revision.publish(user=user)
            report.changed.append(Changed(page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]), created))
            if progress:
                progress(number, len(report.records))
        return report


def _set_lessons(page, plan):
    """Lessons in the plan's order; a lesson already there keeps its media and only changes its words."""
    lessons = list(page.lessons.all())
    for lesson, (title, minutes) in zip(lessons, plan, strict=False):
        lesson.title, lesson.duration_minutes = title, minutes
    lessons = lessons[: len(plan)] + [
        Lesson(title=title, duration_minutes=minutes) for title, minutes in plan[len(lessons) :]
    ]
    page.lessons = lessons


# -- activities ----------------------------------------------------------------------------------
class ActivityImporter:
    columns = ACTIVITY_COLUMNS
    required = ("title", "venue", "region", "start", "end")

    def __init__(self):
        self.regions = list(Region.objects.all())

    def validate(self, header, rows):
        report = Report()
        header, rows = _in_column_names(header, rows, ACTIVITY_HEADERS)
        _check_header(header, self.columns, report, ACTIVITY_HEADERS)
        if report.problems:
            return report
        for line, row in rows:
            report.check_formulas(line, row)
        codes = {row.get("course_code") for _line, row in rows if row.get("course_code")}
        from wagtail.models import Locale

        in_default_language = CoursePage.objects.filter(code__in=codes, locale=Locale.get_default())
        self.courses = {page.code: page for page in in_default_language}
        seen = {}
        for line, row in rows:
            record = self._clean(line, row, report)
            if record is None:
                continue
            key = (record["title"], record["venue"], record["start"])
            if key in seen:
                report.add(line, _("the same activity is also on line %(other)s") % {"other": seen[key]})
                continue
            seen[key] = line
            report.records.append(record)
        return report

    def _clean(self, line, row, report):
        before = len(report.problems)
        for column in self.required:
            if not row.get(column):
                report.add(line, _("%(column)s is empty") % {"column": column})
        course = None
        if row.get("course_code"):
            course = self.courses.get(row["course_code"])
            if course is None:
                report.add(
                    line,
                    _("no course has the code “%(value)s” (import the course first, or leave the code empty)")
                    % {"value": row["course_code"]},
                )
        region = _region(line, row, self.regions, report)
        start = _datetime(row.get("start", ""), line, "start", report)
        end = _datetime(row.get("end", ""), line, "end", report)
        if start and end and end < start:
            report.add(line, _("the end is before the start"))
        capacity = _integer(row.get("capacity", ""), line, "capacity", report)
        if len(report.problems) > before:
            return None
        return {
            "line": line,
            "course": course,
            "title": row["title"],
            "venue": row["venue"],
            "venue_address": row.get("venue_address", ""),
            "city": region[0],
            "county": region[1],
            "start": start,
            "end": end,
            "capacity": capacity,
            "organiser": row.get("organiser", ""),
        }

    @transaction.atomic
    def apply(self, report, publish=False, progress=None):
        venues = {}
        for number, record in enumerate(report.records, start=1):
            venue_key = (record["venue"], record["city"].pk)
            if venue_key not in venues:
                venue, _created = Venue.objects.get_or_create(
                    name=record["venue"], city=record["city"], defaults={"county": record["county"]}
                )
                if record["venue_address"] or record["county"]:
                    venue.address = record["venue_address"] or venue.address
                    venue.county = record["county"] or venue.county
                    venue.save()
                venues[venue_key] = venue
            venue = venues[venue_key]
            fields = {
                "course": record["course"],
                "end": record["end"],
                "capacity": record["capacity"],
                "organiser": record["organiser"],
            }
            activity = LearningActivity.objects.filter(
                title=record["title"], venue=venue, start=record["start"]
            ).first()
            created = activity is None
            if created:
                activity = LearningActivity.objects.create(
                    title=record["title"], venue=venue, start=record["start"], is_published=publish, **fields
                )
                report.created += 1
            else:
                for name, value in fields.items():
                    setattr(activity, name, value)
                activity.is_published = activity.is_published or publish
                activity.save()
                report.updated += 1
            report.changed.append(Changed(activity.title, AdminURLFinder().get_edit_url(activity), created))
            if progress:
                progress(number, len(report.records))
        return report


# -- shared --------------------------------------------------------------------------------------
def _split(text):
    """Names in one cell, separated as people type them: ; ； , ， or 、."""
    return [part.strip() for part in re.split(r"[;；,，、]", text or "") if part.strip()]


def _region(line, row, regions, report):
    """``(city, county)`` for the row's region; a problem naming the cities, or the city's counties."""
    text = row.get("region", "")
    region = Region.parse(text, regions)
    if text and region is None:
        city_name = text.split("/")[0].strip()
        city = next((r for r in regions if r.level == Region.Level.CITY and r.name == city_name), None)
        if city is None:
            choices = _("the cities are %(cities)s") % {
                "cities": allowed(r.name for r in regions if r.level == Region.Level.CITY)
            }
        else:
            choices = _("the districts and counties of %(city)s are %(counties)s") % {
                "city": city.name,
                "counties": allowed(r.name for r in regions if r.parent_id == city.pk),
            }
        report.add(
            line,
            _("unknown region “%(value)s” (write it as 杭州市/西湖区; %(choices)s)")
            % {"value": text, "choices": choices},
        )
    return region


def _paragraphs(text):
    return "".join(f"<p>{escape(paragraph.strip())}</p>" for paragraph in text.splitlines() if paragraph.strip())


def _slug(code):
    return re.sub(r"[^a-z0-9-]+", "-", code.lower()).strip("-") or "course"


def _free_slug(slug, taken):
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def _decimal(text, line, column, report):
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0 or value >= 10_000:
        report.add(line, _("%(column)s is not a number: “%(value)s”") % {"column": column, "value": text})
        return None
    return value.quantize(Decimal("0.1"))


def _integer(text, line, column, report):
    if not text:
        return None
    if not text.isdigit() or int(text) > 100_000:
        report.add(line, _("%(column)s is not a whole number: “%(value)s”") % {"column": column, "value": text})
        return None
    return int(text)


def _datetime(text, line, column, report):
    if not text:
        return None
    value = parse_datetime(text)
    if value is None:
        report.add(
            line,
            _("%(column)s is not a date and time: “%(value)s” (write it as %(forms)s)")
            % {"column": column, "value": text, "forms": DATE_FORMS},
        )
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return value


def default_index():
    return CourseIndexPage.objects.order_by("path").first()


def run_course_import(content, filename, index=None, publish=False, progress=None, user=None):
    """Validate and, when there is no problem, write; returns the Report."""
    header, rows, encoding = read_sheet(content, filename)
    importer = CourseImporter()
    report = importer.validate(header, rows)
    report.encoding = encoding
    if report.ok:
        index = index or default_index()
        if index is None:
            report.add(1, _("there is no course catalog page to import into; create one first"))
            return report
        importer.apply(report, index, publish=publish, progress=progress, user=user)
    return report


def run_activity_import(content, filename, publish=False, progress=None):
    header, rows, encoding = read_sheet(content, filename)
    importer = ActivityImporter()
    report = importer.validate(header, rows)
    report.encoding = encoding
    if report.ok:
        importer.apply(report, publish=publish, progress=progress)
    return report


def validate_only(kind, content, filename):
    header, rows, encoding = read_sheet(content, filename)
    importer = CourseImporter() if kind == "courses" else ActivityImporter()
    report = importer.validate(header, rows)
    report.encoding = encoding
    return report
