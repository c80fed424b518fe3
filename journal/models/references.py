"""An article's reference list: one row per reference, in the printed order.

Editors paste a GB/T 7714 list into the article form (``ArticlePageForm``), which parses it
into rows, and correct the rows in the admin.
A row keeps the fields an editor reads and corrects (type, names, title, container, date,
volume, issue, pages, publisher, place, DOI, URL…) as plain text, and every other CSL-JSON
variable the parse found (translators, CSTR, scale, archive…) in ``other_data``, so that
``to_csl()`` gives back the item the parse gave and formats to the same entry.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from journal.references import parse_reference_list
from journal.references.item import CJK_LANGUAGES, Date, has_cjk
from journal.references.names import format_name
from journal.references.parse import parse_date, parse_names

NAME_SEPARATOR = ", "
# CSL variables kept in their own columns; the rest of an item goes to ``other_data``.
COLUMNS = {
    "type": "type",
    "title": "title",
    "container-title": "container_title",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "edition": "edition",
    "number": "number",
    "publisher": "publisher",
    "publisher-place": "place",
    "DOI": "doi",
    "URL": "url",
    "language": "language",
}
NAME_COLUMNS = {"author": "authors", "editor": "editors"}
DATE_COLUMNS = {"issued": "date", "accessed": "accessed"}


class ReferenceType(models.TextChoices):
    JOURNAL_ARTICLE = "article-journal", _("journal article [J]")
    BOOK = "book", _("book [M]")
    CHAPTER = "chapter", _("part of a book [M]//")
    CONFERENCE_PAPER = "paper-conference", _("conference paper [C]")
    THESIS = "thesis", _("thesis [D]")
    REPORT = "report", _("report [R]")
    STANDARD = "standard", _("standard [S]")
    PATENT = "patent", _("patent [P]")
    NEWSPAPER_ARTICLE = "article-newspaper", _("newspaper article [N]")
    WEB_PAGE = "webpage", _("web page [EB]")
    PREPRINT = "article", _("preprint [PP]")
    DATASET = "dataset", _("dataset [DS]")
    SOFTWARE = "software", _("software [CP]")
    MAP = "map", _("map [CM]")
    ARCHIVE = "manuscript", _("archival document [A]")
    PERIODICAL = "periodical", _("journal as a whole [J]")
    OTHER = "document", _("other [Z]")


def validate_reference_date(value):
    """``2018``, ``2018-05`` or ``2018-05-03``; ``[2018]`` for a year the work does not print."""
    if value:
        try:
            parse_date(value.strip())
        except ValueError:
            raise ValidationError(_("Write the date as 2018, 2018-05 or 2018-05-03.")) from None


def names_text(names, truncated, cjk):
    """Names as a reference list prints them, with 等 / et al. when the list is cut short."""
    shown = [format_name(name) for name in names]
    if truncated and shown:
        shown.append("等" if cjk else "et al.")
    return NAME_SEPARATOR.join(shown)


def _date_text(value):
    date = Date.from_csl(value)
    return date.full if date else ""


def reference_fields(item):
    """The column values of a row holding the CSL-JSON ``item``; its ``id`` is not kept (rows
    are numbered by their order). Migration 0005 uses this too."""
    fields = {}
    rest = {key: value for key, value in item.items() if key != "id"}
    for variable, column in COLUMNS.items():
        if isinstance(rest.get(variable), str | int):
            fields[column] = str(rest.pop(variable))
    custom = dict(rest.pop("custom", None) or {})
    truncated = set(custom.pop("names-truncated", None) or [])
    language = str(item.get("language") or "").split("-")[0].lower()
    cjk = language in CJK_LANGUAGES if language else has_cjk(item.get("title", ""))
    for variable, column in NAME_COLUMNS.items():
        if variable in rest:
            fields[column] = names_text(rest.pop(variable), variable in truncated, cjk)
            truncated.discard(variable)
    for variable, column in DATE_COLUMNS.items():
        text = _date_text(rest.get(variable))
        if text:
            fields[column] = text
            rest.pop(variable)
    if truncated:
        custom["names-truncated"] = sorted(truncated)
    if custom:
        rest["custom"] = custom
    fields["other_data"] = rest
    return fields


class ArticleReference(Orderable):
    """One entry of an article's reference list, as CSL-JSON variables an editor can correct."""

    article = ParentalKey("journal.ArticlePage", related_name="reference_entries", on_delete=models.CASCADE)
    type = models.CharField(
        _("type"), max_length=30, choices=ReferenceType.choices, default=ReferenceType.JOURNAL_ARTICLE
    )
    authors = models.CharField(
        _("authors"),
        max_length=1000,
        blank=True,
        help_text=_("As printed, separated by commas: 王小明, SAITO M. End with 等 or et al. when the list goes on."),
    )
    title = models.CharField(_("title"), max_length=1000)
    container_title = models.CharField(
        _("journal or whole work"),
        max_length=1000,
        blank=True,
        help_text=_("The journal, newspaper, book or proceedings the reference is part of."),
    )
    editors = models.CharField(
        _("editors of the whole work"), max_length=1000, blank=True, help_text=_("Separated by commas.")
    )
    date = models.CharField(
        _("date"),
        max_length=20,
        blank=True,
        validators=[validate_reference_date],
        help_text=_("2018, or 2018-05-03 for newspapers, patents and web pages."),
    )
    volume = models.CharField(_("volume"), max_length=100, blank=True)
    issue = models.CharField(_("issue"), max_length=100, blank=True)
    pages = models.CharField(_("pages"), max_length=100, blank=True)
    edition = models.CharField(_("edition"), max_length=100, blank=True)
    number = models.CharField(_("number"), max_length=200, blank=True, help_text=_("Of a report, standard or patent."))
    publisher = models.CharField(_("publisher"), max_length=500, blank=True)
    place = models.CharField(_("place of publication"), max_length=200, blank=True)
    accessed = models.CharField(
        _("accessed"), max_length=20, blank=True, validators=[validate_reference_date], help_text=_("2024-05-03")
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    url = models.CharField(_("URL"), max_length=1000, blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("zh-CN, en-US…; decides between 等 and et al.")
    )
    other_data = models.JSONField(
        _("other CSL-JSON data"),
        default=dict,
        blank=True,
        help_text=_("Translators, CSTR, version and the like, as read from the pasted entry."),
    )

    panels = [
        FieldRowPanel([FieldPanel("type"), FieldPanel("language")]),
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("container_title"), FieldPanel("editors")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("publisher"), FieldPanel("edition"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("url"), FieldPanel("accessed")]),
        FieldPanel("other_data"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("a work an article cites", "reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return self.title

    @classmethod
    def from_csl(cls, item, **fields):
        """A row holding the CSL-JSON ``item`` (see :func:`reference_fields`)."""
        return cls(**reference_fields(item), **fields)

    def to_csl(self, item_id=None):
        """The CSL-JSON item the formatter, the exports and the deposit read."""
        item = {"id": item_id or f"ref-{self.pk or ''}".rstrip("-")}
        item.update(self.other_data or {})
        for variable, column in COLUMNS.items():
            value = getattr(self, column)
            if value:
                item[variable] = value
        custom = dict(item.pop("custom", None) or {})
        truncated = set(custom.pop("names-truncated", None) or [])
        for variable, column in NAME_COLUMNS.items():
            text = getattr(self, column).strip()
            if text:
                names, cut_short = parse_names(text)
                item[variable] = names
                if cut_short:
                    truncated.add(variable)
        for variable, column in DATE_COLUMNS.items():
            text = getattr(self, column).strip()
            if text:
                item[variable] = parse_date(text)
        if truncated:
            custom["names-truncated"] = sorted(truncated)
        if custom:
            item["custom"] = custom
        return item


class ArticlePageForm(WagtailAdminPageForm):
    """The article form, with a box to paste a whole reference list into.

    A pasted list replaces the rows; a line that cannot be read makes the form invalid, naming
    the line, and nothing is saved.
    """

    paste_references = forms.CharField(
        label=_("Paste a reference list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One entry per line, in GB/T 7714 (2015 or 2025) style, Chinese or English, with or without [1]. "
            "It replaces the references below; check and correct them after saving."
        ),
    )

    def clean_paste_references(self):
        text = self.cleaned_data.get("paste_references") or ""
        self.pasted_references = None
        if not text.strip():
            return ""
        result = parse_reference_list(text)
        if result.errors:
            raise ValidationError(
                [
                    ValidationError(
                        _("Line %(line)s could not be read (%(reason)s): %(text)s"),
                        params={"line": error.line, "reason": error.reason, "text": error.text},
                    )
                    for error in result.errors
                ]
            )
        self.pasted_references = result.items
        return text

    def save(self, commit=True):
        page = super().save(commit=False)
        if getattr(self, "pasted_references", None):
            page.reference_entries = [ArticleReference.from_csl(item) for item in self.pasted_references]
        if commit:
            page.save()
            self._save_m2m()
        return page
