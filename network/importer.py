"""Import and export the directory's organisations, experts and volunteers (CSV or XLSX).

Follows courses/importer.py: one validation pass collects every problem with its line number
and, for a value out of a vocabulary, the values allowed; only a file without any problem is
written, in one transaction. Exports write the same columns, so an export can be edited and
imported again. The management commands and the admin view share this module.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.import_report import Report
from cms.core.spreadsheets import read_rows, write_csv, write_xlsx

from .models import TOP_100, DirectoryIndexPage, Expert, ExpertiseField, OrganisationPage, Volunteer, VolunteerHonour
from .models.regions import parse_region, region_model, region_path

Kind, Level = OrganisationPage.Kind, OrganisationPage.Level
KIND_WORDS = {
    "社区学院": Kind.COMMUNITY_COLLEGE,
    "社区学校": Kind.COMMUNITY_SCHOOL,
    "研究基地": Kind.RESEARCH_BASE,
    "体验基地": Kind.EXPERIENCE_BASE,
    "培训中心": Kind.TRAINING_CENTRE,
    "协会": Kind.ASSOCIATION,
}
LEVEL_WORDS = {
    "省": Level.PROVINCE,
    "市": Level.CITY,
    "县": Level.COUNTY,
    "乡镇街道": Level.TOWN,
    "村社区": Level.VILLAGE,
}
YES_WORDS = {
    "是": True,
    "yes": True,
    "true": True,
    "1": True,
    "否": False,
    "no": False,
    "false": False,
    "0": False,
    "": False,
}
TOP_100_WORDS = {TOP_100, "百佳", "百佳志愿者"}
HONOUR = re.compile(r"^(?P<year>\d{4})\s*年?\s*(?P<title>.+)$")
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


class RowReader:
    """Checks one row's cells, adding each problem to the report; returns clean values."""

    def __init__(self, line, row, report):
        self.line, self.row, self.report = line, row, report

    def text(self, column, max_length, required=False):
        value = self.row.get(column, "")
        if required and not value:
            self.problem(_("%(column)s is empty") % {"column": column})
        elif len(value) > max_length:
            self.problem(
                _("%(column)s is longer than %(length)s characters") % {"column": column, "length": max_length}
            )
        return value[:max_length]

    def choice(self, column, words, required=False):
        """A value given as its key or one of its Chinese words; the allowed ones are named."""
        value = self.row.get(column, "")
        if not value:
            if required:
                self.problem(_("%(column)s is empty") % {"column": column})
            return ""
        chosen = words.get(value) or (value if value in words.values() else None)
        if chosen is None:
            self.unknown(column, value, list(words))
        return chosen or ""

    def region(self, regions):
        value = self.row.get("region", "")
        region = parse_region(value, regions)
        if value and region is None:
            self.problem(_("unknown region “%(value)s” (write it as 杭州市/西湖区 or 杭州市)") % {"value": value})
        return region

    def email(self, column="email"):
        value = self.row.get(column, "")
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.problem(_("%(column)s is not an e-mail address: “%(value)s”") % {"column": column, "value": value})
        return value

    def url(self, column="website"):
        value = self.row.get(column, "")
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.problem(_("%(column)s is not a web address: “%(value)s”") % {"column": column, "value": value})
        return value

    def yes_no(self, column):
        value = self.row.get(column, "").lower()
        if value not in YES_WORDS:
            self.unknown(column, value, ["是", "否"])
        return YES_WORDS.get(value, False)

    def hours(self, column):
        value = self.row.get(column, "")
        if not value:
            return Decimal(0)
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not 0 <= number < 100_000:
            self.problem(_("%(column)s is not a number of hours: “%(value)s”") % {"column": column, "value": value})
            return Decimal(0)
        return number.quantize(Decimal("0.1"))

    def id_number(self, column="id_number"):
        value = self.row.get(column, "").upper()
        if value and not valid_id_number(value):
            self.problem(_("%(column)s is not a valid 18-digit ID card number") % {"column": column})
        return value

    def unknown(self, column, value, allowed):
        self.problem(
            _("unknown %(column)s “%(value)s” (allowed: %(allowed)s)")
            % {"column": column, "value": value, "allowed": "、".join(allowed)}
        )

    def problem(self, message):
        self.report.add(self.line, message)


def valid_id_number(text):
    """The resident ID card number's form and its GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == text[17]


def split_list(text):
    return [part.strip() for part in re.split(r"[;；、]", text or "") if part.strip()]


class Importer:
    """One kind of row: ``columns`` (those an export writes), ``required``, and the key that
    matches a row to what exists (an import updates rather than duplicates)."""

    columns: list
    contact_columns: list = []
    required: tuple

    def __init__(self):
        self.regions = list(region_model().objects.select_related("parent"))

    def validate(self, header, rows):
        report = Report()
        if not report.check_columns(header, self.required):
            return report
        seen = {}
        for line, row in rows:
            report.check_formulas(line, row)
            before = len(report.problems)
            record = self.clean(RowReader(line, row, report))
            if len(report.problems) > before:
                continue
            key = self.key(record)
            if key in seen:
                report.add(line, _("the same entry is also on line %(other)s") % {"other": seen[key]})
                continue
            seen[key] = line
            report.records.append(record)
        return report

    def organisations_by_name(self):
        return {page.title: page for page in OrganisationPage.objects.filter(locale=Locale.get_default())}


class OrganisationImporter(Importer):
    columns = ["name", "type", "level", "region", "address", "phone", "email", "website", "introduction"]
    required = ("name", "type")

    def clean(self, row):
        return {
            "title": row.text("name", 255, required=True),
            "kind": row.choice("type", KIND_WORDS, required=True),
            "level": row.choice("level", LEVEL_WORDS),
            "region": row.region(self.regions),
            "address": row.text("address", 255),
            "phone": row.text("phone", 40),
            "email": row.email(),
            "website": row.url(),
            "introduction": row.text("introduction", 5000),
        }

    def key(self, record):
        return record["title"]

    @transaction.atomic
    def apply(self, report, index, publish=False, user=None):
        existing = {page.title: page for page in OrganisationPage.objects.child_of(index)}
        taken = set(index.get_children().values_list("slug", flat=True))
        for record in report.records:
            page = existing.get(record["title"])
            if page is None:
                page = OrganisationPage(slug=_free_slug(record["title"], taken), live=publish, **record)
                index.add_child(instance=page)
                report.created += 1
            else:
                page = page.get_latest_revision_as_object()
                for name, value in record.items():
                    setattr(page, name, value)
                report.updated += 1
            revision = page.save_revision(user=user)
            if publish:
                revision.publish(user=user)
        return report

    def export_rows(self, with_contacts=True):
        pages = OrganisationPage.objects.filter(locale=Locale.get_default()).select_related("region__parent")
        for page in pages.order_by("path"):
            yield [
                page.title,
                KIND_LABELS[page.kind],
                LEVEL_LABELS.get(page.level, ""),
                region_path(page.region),
                page.address,
                page.phone,
                page.email,
                page.website,
                page.introduction,
            ]


KIND_LABELS = {value: word for word, value in KIND_WORDS.items()}
LEVEL_LABELS = {value: word for word, value in LEVEL_WORDS.items()}


class PersonImporter(Importer):
    def link_organisation(self, record):
        """The organisation of the directory with the name the row gives, when there is one."""
        record["organisation"] = self.organisations.get(record["affiliation"])
        return record

    @transaction.atomic
    def apply(self, report):
        for record in report.records:
            related = {name: record.pop(name) for name in self.related if name in record}
            person = self.find(record)
            if person is None:
                person = self.model.objects.create(**record)
                report.created += 1
            else:
                for name, value in record.items():
                    setattr(person, name, value)
                person.save()
                report.updated += 1
            self.set_related(person, related)
        return report


class ExpertImporter(PersonImporter):
    model = Expert
    columns = ["name", "title", "organisation", "region", "fields", "public_profile", "biography"]
    contact_columns = ["phone", "email", "id_number"]
    required = ("name", "organisation", "fields")
    related = ("fields",)

    def __init__(self):
        super().__init__()
        self.fields = {item.name: item for item in ExpertiseField.objects.all()}
        self.organisations = self.organisations_by_name()

    def clean(self, row):
        fields = []
        for name in split_list(row.row.get("fields", "")):
            if name in self.fields:
                fields.append(self.fields[name])
            else:
                row.unknown("fields", name, list(self.fields))
        if "fields" in row.row and not row.row["fields"]:
            row.problem(_("%(column)s is empty") % {"column": "fields"})
        record = {
            "name": row.text("name", 60, required=True),
            "title": row.text("title", 60),
            "affiliation": row.text("organisation", 200, required=True),
            "region": row.region(self.regions),
            "fields": fields,
            "public_profile": row.yes_no("public_profile"),
            "biography": row.text("biography", 2000),
        }
        for column, read in (
            ("phone", lambda: row.text("phone", 40)),
            ("email", row.email),
            ("id_number", row.id_number),
        ):
            if column in row.row:  # a file without contact columns keeps the contact data there is
                record[column] = read()
        return self.link_organisation(record)

    def key(self, record):
        return record.get("id_number") or (record["name"], record["affiliation"])

    def find(self, record):
        if record.get("id_number"):
            found = Expert.objects.filter(id_number=record["id_number"]).first()
            if found:
                return found
        return Expert.objects.filter(name=record["name"], affiliation=record["affiliation"]).first()

    def set_related(self, expert, related):
        expert.fields.set(related["fields"])

    def export_rows(self, with_contacts=False):
        experts = Expert.objects.select_related("region__parent").prefetch_related("fields").order_by("name", "pk")
        for expert in experts:
            row = [
                expert.name,
                expert.title,
                expert.affiliation,
                region_path(expert.region),
                "；".join(item.name for item in expert.fields.all()),
                "是" if expert.public_profile else "否",
                expert.biography,
            ]
            yield row + ([expert.phone, expert.email, expert.id_number] if with_contacts else [])


class VolunteerImporter(PersonImporter):
    model = Volunteer
    columns = ["name", "organisation", "region", "service_hours", "honours"]
    contact_columns = ["phone", "email"]
    required = ("name", "organisation")

    def __init__(self):
        super().__init__()
        self.organisations = self.organisations_by_name()

    def clean(self, row):
        honours = []
        for text in split_list(row.row.get("honours", "")):
            match = HONOUR.match(text)
            if match is None or not 1990 <= int(match["year"]) <= 2100:
                row.problem(_("bad honour “%(value)s” (write “2025 %(top)s”)") % {"value": text, "top": TOP_100})
                continue
            title = TOP_100 if match["title"].strip() in TOP_100_WORDS else match["title"].strip()[:100]
            honours.append((int(match["year"]), title))
        record = {
            "name": row.text("name", 60, required=True),
            "affiliation": row.text("organisation", 200, required=True),
            "region": row.region(self.regions),
            "service_hours": row.hours("service_hours"),
        }
        if "honours" in row.row:
            record["honours"] = honours
        for column, read in (("phone", lambda: row.text("phone", 40)), ("email", row.email)):
            if column in row.row:
                record[column] = read()
        return self.link_organisation(record)

    def key(self, record):
        return (record["name"], record["affiliation"])

    def find(self, record):
        return Volunteer.objects.filter(name=record["name"], affiliation=record["affiliation"]).first()

    @transaction.atomic
    def apply(self, report, publish=False, user=None):
        """Volunteers go through moderation as pages do: each row is saved as a revision (honours
        included) that is published only when ``publish`` is asked; otherwise a new volunteer is a
        draft and a known one keeps what the site shows until a moderator publishes the change."""
        for record in report.records:
            honours = record.pop("honours", None)
            volunteer = self.find(record)
            if volunteer is None:
                volunteer = Volunteer(live=False, **record)
                self.set_honours(volunteer, honours or [])
                volunteer.save()
                report.created += 1
            else:
                volunteer = volunteer.get_latest_revision_as_object()
                for name, value in record.items():
                    setattr(volunteer, name, value)
                if honours is not None:  # a file without the honours column keeps them
                    self.set_honours(volunteer, honours)
                report.updated += 1
            revision = volunteer.save_revision(user=user)
            if publish:
                revision.publish(user=user)
        return report

    def set_honours(self, volunteer, honours):
        volunteer.honours = [
            VolunteerHonour(year=year, title=title, sort_order=order) for order, (year, title) in enumerate(honours)
        ]

    def export_rows(self, with_contacts=False):
        volunteers = (
            Volunteer.objects.select_related("region__parent").prefetch_related("honours").order_by("name", "pk")
        )
        for volunteer in volunteers:
            honours = "；".join(f"{honour.year} {honour.title}" for honour in volunteer.honours.all())
            row = [
                volunteer.name,
                volunteer.affiliation,
                region_path(volunteer.region),
                volunteer.service_hours,
                honours,
            ]
            yield row + ([volunteer.phone, volunteer.email] if with_contacts else [])


IMPORTERS = {"organisations": OrganisationImporter, "experts": ExpertImporter, "volunteers": VolunteerImporter}


def _free_slug(title, taken):
    base = slugify(title, allow_unicode=True)[:60] or "organisation"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def default_index():
    return DirectoryIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


def validate_only(kind, content, filename):
    header, rows = read_rows(content, filename)
    return IMPORTERS[kind]().validate(header, rows)


def run_import(kind, content, filename, index=None, publish=False, user=None):
    """Validate and, when there is no problem, write; returns the Report."""
    header, rows = read_rows(content, filename)
    importer = IMPORTERS[kind]()
    report = importer.validate(header, rows)
    if not report.ok:
        return report
    if kind == "volunteers":
        return importer.apply(report, publish=publish, user=user)
    if kind != "organisations":
        return importer.apply(report)
    index = index or default_index()
    if index is None:
        report.add(1, _("there is no organisation directory page to import into; create one first"))
        return report
    return importer.apply(report, index, publish=publish, user=user)


def export(kind, file_format, with_contacts=False):
    """``(bytes, content type, file name)`` of every ``kind`` row in the import's columns."""
    importer = IMPORTERS[kind]()
    header = importer.columns + (importer.contact_columns if with_contacts else [])
    rows = list(importer.export_rows(with_contacts=with_contacts))
    if file_format == "xlsx":
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return write_xlsx(header, rows, kind), content_type, f"{kind}.xlsx"
    return write_csv(header, rows), "text/csv; charset=utf-8", f"{kind}.csv"
