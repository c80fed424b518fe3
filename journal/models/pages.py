"""The journal tree: JournalPage → IssuePage → ArticlePage, with ordered authorship."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core import page_cache, structured_data
from cms.core.blocks import BodyStreamBlock
from cms.core.mixins import ListingFieldsMixin
from cms.core.pagination import paginate
from journal import usage
from journal.api import AuthorshipSerializer
from journal.browse import articles_with_keyword, issues_by_year, related_articles, table_of_contents
from journal.citations import DOWNLOADS, citation_formats
from journal.crossref import deposit_xml
from journal.feeds import ArticleAtomFeed, ArticleRssFeed, IssueAtomFeed, IssueRssFeed
from journal.fulltext import is_word_file, pages_with_words, text_has_words
from journal.metadata import article_metadata, json_ld_data, meta_tags
from journal.panels import UsagePanel
from journal.reference_display import linked_entries

from .people import Person, Section
from .references import ArticlePageForm

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
KEYWORD_SEPARATORS = re.compile(r"[;；,，、\n]+")
PAGES_PATTERN = re.compile(r"^\s*([A-Za-z]?\d+)\s*(?:[-–—~～]\s*([A-Za-z]?\d+))?\s*$")
# Every rendition an archive cover's {% picture %} asks for (journal_page.html), prefetched with the
# issues: one lookup for all covers instead of one per issue.
ARCHIVE_COVER_RENDITIONS = Filter.expand_spec("format-{avif,webp,jpeg}|fill-{120x170,240x340}")


def split_keywords(text):
    return [word.strip() for word in KEYWORD_SEPARATORS.split(text or "") if word.strip()]


def validate_doi(value):
    if value and not DOI_PATTERN.match(value):
        raise ValidationError(_("A DOI looks like 10.12345/abc.2019.02.001 (without https://doi.org/)."))


def validate_pages(value):
    if value and not PAGES_PATTERN.match(value):
        raise ValidationError(_("Write the pages as 1-8, or a single page number."))


class JournalPage(RoutablePageMixin, Page):
    """A journal, e.g. 《社区教育研究》: its numbers, about text and editorial board."""

    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    issn = models.CharField(_("ISSN"), max_length=9, blank=True, help_text=_("Print ISSN, e.g. 1234-5678."))
    eissn = models.CharField(_("online ISSN"), max_length=9, blank=True)
    cn_number = models.CharField(
        _("CN number"), max_length=20, blank=True, help_text=_("The domestic serial number, e.g. CN 33-1234/G4.")
    )
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    publisher_en = models.CharField(_("publisher (English)"), max_length=255, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    about = RichTextField(_("about the journal"), blank=True)
    editorial_board = RichTextField(_("editorial board"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("issn"), FieldPanel("eissn"), FieldPanel("cn_number")]),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("publisher_en")]),
        FieldPanel("introduction"),
        FieldPanel("about"),
        FieldPanel("editorial_board"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("about")]
    api_fields = [APIField("title_en"), APIField("issn"), APIField("cn_number"), APIField("introduction")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["journal.IssuePage"]
    page_description = _("A journal: its issues, sections, authors and archive. Moderators approve what goes live.")
    requires_moderation = True
    articles_per_page = 20

    class Meta:
        verbose_name = _("journal page")
        verbose_name_plural = _("journal pages")

    # What readers browse -------------------------------------------------------------------
    def issues(self):
        return IssuePage.objects.child_of(self).live().public().order_by("-year", "-number")

    def articles(self):
        return ArticlePage.objects.visible().descendant_of(self).with_listing_data()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        covers = get_image_model().objects.prefetch_renditions(*ARCHIVE_COVER_RENDITIONS)
        context["years"] = issues_by_year(self.issues().prefetch_related(Prefetch("cover", queryset=covers)))
        context["sections"] = Section.objects.all()
        context["most_read"] = usage.most_read(self.articles(), limit=5)
        return context

    def periodical(self, request):
        """The journal as a schema.org Periodical; issues and articles say they are part of it."""
        return structured_data.creative_work(
            request,
            self,
            "Periodical",
            alternateName=self.title_en or None,
            issn=[issn for issn in (self.issn, self.eissn) if issn],
            publisher={"@type": "Organization", "name": self.publisher} if self.publisher else None,
            datePublished=None,
            dateModified=None,
        )

    def structured_data(self, request):
        return [self.periodical(request)]

    @path("")
    def index(self, request):
        return self.render(request)

    @path("sections/<slug:slug>/", name="section")
    def section(self, request, slug):
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            raise Http404
        articles = self.articles().filter(section=section).order_by("-issue_year", "-issue_number", "path")
        return self._listing(request, articles, heading=section.name, heading_en=section.name_en)

    @path("keywords/", name="keyword")
    def keyword(self, request):
        word = (request.GET.get("q") or "").strip()[:100]
        articles = articles_with_keyword(self.articles(), word) if word else []
        return self._listing(request, articles, heading=word, kind="keyword")

    @path("authors/<int:person_id>/", name="author")
    def author(self, request, person_id):
        person = Person.objects.filter(pk=person_id).first()
        if person is None:
            raise Http404
        articles = self.articles().filter(authorships__person=person).distinct().order_by("-issue_year", "path")
        return self._listing(request, articles, heading=person.display_name, heading_en=person.name_en, person=person)

    @path("most-read/", name="most_read")
    def most_read(self, request):
        articles = usage.most_read(self.articles(), limit=20)
        return self._listing(request, articles, heading=_("Most read"), kind="most_read")

    @path("rss/", name="rss")
    def rss(self, request):
        return ArticleRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return ArticleAtomFeed(self)(request)

    @path("issues/rss/", name="issues_rss")
    def issues_rss(self, request):
        return IssueRssFeed(self)(request)

    @path("issues/atom/", name="issues_atom")
    def issues_atom(self, request):
        return IssueAtomFeed(self)(request)

    def _listing(self, request, articles, heading, heading_en="", kind="", person=None):
        return self.render(
            request,
            template="journal/article_list.html",
            context_overrides={
                "heading": heading,
                "heading_en": heading_en,
                "kind": kind,
                "person": person,
                "articles": paginate(request, articles, self.articles_per_page),
            },
        )

    @property
    def localized_title(self):
        return (get_language() == "en" and self.title_en) or self.title


class IssuePage(RoutablePageMixin, Page):
    """One issue, e.g. 2019年第2期; its articles are its children, in the editors' order."""

    year = models.PositiveIntegerField(_("year"))
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number"), help_text=_("The issue number within the year (期)."))
    published_date = models.DateField(_("published date"), null=True, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The printed cover, portrait."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full-issue PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("volume"), FieldPanel("number")]),
        FieldPanel("published_date"),
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("cover"), FieldPanel("pdf")]),
    ]
    search_fields = Page.search_fields + [index.FilterField("year"), index.SearchField("introduction")]
    api_fields = [
        APIField("year"),
        APIField("volume"),
        APIField("number"),
        APIField("published_date"),
        APIField("introduction"),
    ]
    parent_page_types = ["journal.JournalPage"]
    subpage_types = ["journal.ArticlePage"]
    page_description = _("An issue of a journal; add its articles below it in the order of the table of contents.")

    class Meta:
        verbose_name = _("issue page")
        verbose_name_plural = _("issue pages")

    def search_facets(self):
        """The site search's date for the issue (search.documents): when it came out."""
        return {"date": self.published_date}

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is not None:
            return  # saving a draft revision: the published issue has not changed
        # Keep the copy of year, number and date that article listings sort, filter and date by.
        copied = {"issue_year": self.year, "issue_number": self.number, "issue_published_date": self.published_date}
        ArticlePage.objects.child_of(self).exclude(**copied).update(**copied)

    def articles(self):
        return ArticlePage.objects.child_of(self).visible().with_listing_data().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        journal = self.get_parent().specific
        context["journal"] = journal
        context["toc"] = table_of_contents(self.articles(), Section.objects.all())
        return context

    def structured_data(self, request):
        journal = self.get_parent().specific
        part_of = journal.periodical(request) if isinstance(journal, JournalPage) else None
        if part_of:
            part_of.pop("@context")
        return [
            structured_data.creative_work(
                request,
                self,
                "PublicationIssue",
                issueNumber=str(self.number),
                datePublished=self.published_date.isoformat() if self.published_date else str(self.year),
                isPartOf=part_of,
            )
        ]

    @path("")
    def index(self, request):
        return self.render(request)

    @path("crossref/", name="crossref")
    def crossref(self, request):
        """The Crossref deposit of this issue, for editors only (it names the depositor)."""
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise Http404
        response = HttpResponse(deposit_xml(self, request), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="crossref-{self.year}-{self.number}.xml"'
        return response

    def label(self):
        """The bibliographic label, e.g. 2019, 5(2)."""
        volume = f", {self.volume}" if self.volume else ""
        return f"{self.year}{volume}({self.number})"


class ArticleQuerySet(PageQuerySet):
    def visible(self):
        """Live, public articles whose issue and journal are live too (one extra query)."""
        hidden_parents = Page.objects.filter(live=False).type(IssuePage, JournalPage).values_list("path", flat=True)
        queryset = self.live().public()
        for hidden_path in hidden_parents:
            queryset = queryset.exclude(path__startswith=hidden_path)
        return queryset

    def with_listing_data(self):
        """Everything a listing or a citation needs, in a fixed number of queries."""
        return self.select_related("section", "pdf", "locale").prefetch_related(_authorships_with_people())

    def with_citation_data(self):
        """The listing data and the reference lists: what exports, OAI-PMH and deposits write."""
        return self.with_listing_data().prefetch_related("reference_entries")


def _authorships_with_people():
    return Prefetch("authorships", queryset=ArticleAuthor.objects.select_related("person").order_by("sort_order", "pk"))


ArticlePageManager = PageManager.from_queryset(ArticleQuerySet)


class ArticlePage(ListingFieldsMixin, RoutablePageMixin, Page):
    """A journal article with the fields CAJ-CD B/T 1-2006 and indexers ask for."""

    class DocumentCode(models.TextChoices):
        A = "A", _("A — theoretical or applied research")
        B = "B", _("B — practical experience or guidance")
        C = "C", _("C — popular science or dissemination")
        D = "D", _("D — news or information")
        E = "E", _("E — other (notices, biographies…)")

    class Language(models.TextChoices):
        CHINESE = "zh", _("Chinese")
        ENGLISH = "en", _("English")

    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    section = models.ForeignKey(
        "journal.Section",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    abstract = models.TextField(_("abstract"), blank=True)
    abstract_en = models.TextField(_("English abstract"), blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True, help_text=_("Separated by semicolons, e.g. 社区教育；乡村振兴.")
    )
    keywords_en = models.CharField(_("English keywords"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.CHINESE)
    clc_number = models.CharField(_("CLC number (中图分类号)"), max_length=50, blank=True)
    document_code = models.CharField(
        _("document code (文献标识码)"), max_length=1, choices=DocumentCode.choices, blank=True
    )
    article_number = models.CharField(_("article number (文章编号)"), max_length=50, blank=True)
    funding = models.TextField(_("funding (基金项目)"), blank=True)
    pages = models.CharField(
        pgettext_lazy("page range of an article", "pages"), max_length=20, blank=True, validators=[validate_pages]
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    received_date = models.DateField(_("received (收稿日期)"), null=True, blank=True)
    revised_date = models.DateField(_("revised (修回日期)"), null=True, blank=True)
    published_date = models.DateField(
        pgettext_lazy("date", "published"), null=True, blank=True, help_text=_("The issue's date is used if empty.")
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("full text"),
        help_text=_("May stay empty when only the PDF is published."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF galley"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    word_galley = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Word galley"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The article as a Word file (.docx): its text is searched, for articles kept only in Word."),
    )
    objects = ArticlePageManager()
    license = models.CharField(_("license"), max_length=200, blank=True, default="CC BY 4.0")
    # Copied from the issue on save so listings sort, filter and date without joining the tree.
    issue_year = models.PositiveIntegerField(editable=False, null=True)
    issue_number = models.PositiveIntegerField(editable=False, null=True)
    issue_published_date = models.DateField(editable=False, null=True)

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        InlinePanel("authorships", label=_("Authors"), heading=_("Authors, in order")),
        FieldRowPanel([FieldPanel("section"), FieldPanel("language"), FieldPanel("pages")]),
        MultiFieldPanel(
            [FieldPanel("abstract"), FieldPanel("keywords"), FieldPanel("abstract_en"), FieldPanel("keywords_en")],
            heading=_("Abstract and keywords"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("clc_number"), FieldPanel("document_code"), FieldPanel("article_number")]),
                FieldPanel("doi"),
                FieldPanel("funding"),
                FieldRowPanel([FieldPanel("received_date"), FieldPanel("revised_date"), FieldPanel("published_date")]),
                FieldPanel("license"),
            ],
            heading=_("Bibliographic data"),
        ),
        FieldRowPanel([FieldPanel("pdf"), FieldPanel("word_galley")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("paste_references"),
                InlinePanel("reference_entries", label=_("Reference"), heading=_("References, in order")),
            ],
            heading=_("References"),
        ),
        UsagePanel(heading=_("Usage statistics")),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("title_en"),
        index.SearchField("abstract"),
        index.SearchField("abstract_en"),
        index.SearchField("keywords"),
        index.SearchField("keywords_en"),
        index.SearchField("body"),
        index.SearchField("galley_full_text"),
        # Words of the authors' names and of the section find the article too (`author:` and
        # `section:` find exact values: search_facets()).
        index.RelatedFields(
            "authorships", [index.RelatedFields("person", [index.SearchField("name"), index.SearchField("name_en")])]
        ),
        index.RelatedFields("section", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("issue_year"),
        index.FilterField("section_id"),
    ]
    # Its English title, abstract and keywords are searched with it: /en/search/ finds an article
    # that has no English translation (search.documents.locale_pages).
    search_other_languages = ("en",)
    api_prefetch_related = ["authorships__person"]
    api_fields = [
        APIField("title_en"),
        APIField("authors", serializer=AuthorshipSerializer(source="ordered_authorships", many=True)),
        APIField("section", serializer=serializers.StringRelatedField()),
        APIField("abstract"),
        APIField("abstract_en"),
        APIField("keywords"),
        APIField("keywords_en"),
        APIField("pages"),
        APIField("doi"),
        APIField("clc_number"),
        APIField("document_code"),
        APIField("article_number"),
        APIField("funding"),
        APIField("received_date"),
        APIField("published_date"),
        APIField("date", serializer=serializers.DateField()),
        APIField("references", serializer=serializers.ListField(source="reference_items")),
        APIField("license"),
        APIField("issue_year"),
        APIField("issue_number"),
    ]
    parent_page_types = ["journal.IssuePage"]
    subpage_types = []
    page_description = _("An article of an issue, with its authors, abstracts, references and PDF.")

    class Meta:
        verbose_name = _("article page")
        verbose_name_plural = _("article pages")

    def clean(self):
        super().clean()
        if self.received_date and self.revised_date and self.revised_date < self.received_date:
            raise ValidationError({"revised_date": _("The revised date cannot be before the received date.")})
        if self.word_galley_id and not is_word_file(self.word_galley.file.name):
            raise ValidationError(
                {"word_galley": _("Choose a Word file saved as .docx (older .doc files cannot be read).")}
            )

    def save(self, *args, **kwargs):
        issue = self._parent_issue()
        if issue is not None:
            self.copy_issue_fields(issue)
        super().save(*args, **kwargs)

    def copy_issue_fields(self, issue):
        self.issue_year, self.issue_number, self.issue_published_date = issue.year, issue.number, issue.published_date

    def _parent_issue(self):
        if not self.path or self.depth is None:
            return None
        parent = IssuePage.objects.filter(path=self.path[: -self.steplen]).first()
        return parent

    def search_facets(self):
        """The site search's facet values and citation fields (search.documents, search.export)."""
        return {
            "section": self.section.name if self.section_id else "",
            "author": [authorship.person.name for authorship in self.authorships.all()],
            "keyword": self.keyword_list,
            "journal": self._journal_title(),
            "date": self.date,
            "year": self.year,
        }

    def _journal_title(self):
        journal_path = self.path[: -2 * self.steplen] if self.path else ""
        return Page.objects.filter(path=journal_path).values_list("title", flat=True).first() or ""

    # The article's date, for everything that dates it ----------------------------------------
    @property
    def date(self):
        """When the article was published: its own date (online first) or else its issue's.

        Search results, facets, the APIs, feeds, OAI-PMH, exports and citations all read this
        (through search.documents.page_date and journal.metadata), never first_published_at,
        which is only when the page went live on this site.
        """
        return self.published_date or self.issue_published_date

    @property
    def year(self):
        """The year it is cited and counted by: its issue's, else its own date's."""
        return self.issue_year or (self.date.year if self.date else None)

    # Readers' views ------------------------------------------------------------------------
    def galley_full_text(self):
        """The text of the PDF and Word galleys, read off the request path (journal/fulltext.py)."""
        galley = getattr(self, "galley_text", None) if self.pk else None
        return galley.text if galley else ""

    def search_result_parts(self, words, limit=3):
        """The PDF pages holding every searched word, with their page numbers, and the Word
        galley when it holds them, for the site search to show under the article (`words`
        normalised as search.analysis does)."""
        has_galley = self.pdf_id or self.word_galley_id
        galley = getattr(self, "galley_text", None) if self.pk and has_galley else None
        if galley is None or not words:
            return []
        parts = []
        if self.pdf_id:
            download = self.url + self.reverse_subpage("pdf")
            parts = [
                {
                    "label": _("PDF, page %(number)d") % {"number": number},
                    "url": f"{download}#page={number}",
                    "text": text,
                }
                for number, text in pages_with_words(galley, words, limit)
            ]
        if self.word_galley_id and text_has_words(galley.word_text, words):
            parts.append({"label": _("Word document"), "url": self.word_galley.url, "text": galley.word_text})
        return parts

    @property
    def keyword_list(self):
        return split_keywords(self.keywords)

    @property
    def keyword_list_en(self):
        return split_keywords(self.keywords_en)

    def reference_items(self):
        """The reference list as CSL-JSON items, in order (a preview reads the unsaved rows)."""
        rows = sorted(self.reference_entries.all(), key=lambda row: (row.sort_order or 0, row.pk or 0))
        return [row.to_csl(item_id=f"ref{number}") for number, row in enumerate(rows, start=1)]

    @property
    def localized_title(self):
        return (get_language() == "en" and self.title_en) or self.title

    @property
    def page_range(self):
        """(first page, last page) as printed, e.g. ("12", "19"); ("", "") when unknown."""
        match = PAGES_PATTERN.match(self.pages or "")
        if not match:
            return "", ""
        return match.group(1), match.group(2) or match.group(1)

    def issue_and_journal(self):
        """The issue and journal above this article, found through its tree path (a preview
        of a new article has one too)."""
        return parents_of([self])[self.pk]

    def prefetch_authors(self):
        """Load the saved authors with their people in one query, as ``with_listing_data`` does."""
        prefetch_related_objects([self], _authorships_with_people())

    def ordered_authorships(self):
        """Authorships in order; uses the prefetch from ``with_listing_data`` when present."""
        return sorted(self.authorships.all(), key=lambda a: (a.sort_order or 0, a.pk or 0))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read from self, never again from the database: a preview shows the editor's
        # unsaved draft, and a new article has nothing saved to read.
        if not getattr(request, "is_preview", False):
            self.prefetch_authors()
        issue, journal = self.issue_and_journal()
        metadata = article_metadata(self, request, issue=issue, journal=journal)
        context.update(
            article=self,
            issue=issue,
            journal=journal,
            metadata=metadata,
            meta_tags=meta_tags(metadata),
            structured_data=[json_ld_data(metadata)],
            citations=citation_formats(metadata),
            references=linked_entries(metadata.references),
            related=related_articles(self, ArticlePage.objects.visible()),
        )
        return context

    def get_sitemap_urls(self, request=None):
        """Nothing for an article whose issue or journal is unpublished (one query per request)."""
        hidden = getattr(request, "_journal_hidden_paths", None)
        if hidden is None:
            hidden = tuple(Page.objects.filter(live=False).type(IssuePage, JournalPage).values_list("path", flat=True))
            if request is not None:
                request._journal_hidden_paths = hidden
        if hidden and self.path.startswith(hidden):
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.method == "GET" and getattr(response, "status_code", 200) == 200 and not request.GET:
            usage.record(self, request, "view")
            # The page cache reports its later servings, which usage counts the same way.
            page_cache.notify_when_served(response, usage.cached_view_notice(self))
        return response

    @path("")
    def index(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf_download(self, request):
        if self.pdf_id is None:
            raise Http404
        usage.record(self, request, "download")
        return redirect(self.pdf.url)

    @path("cite/<str:fmt>/", name="cite")
    def cite(self, request, fmt):
        if fmt not in DOWNLOADS:
            raise Http404
        render, content_type, extension = DOWNLOADS[fmt]
        self.prefetch_authors()
        response = HttpResponse(render(article_metadata(self, request)), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="article-{self.pk}.{extension}"'
        return response


class ArticleAuthor(Orderable):
    """One author of one article, in the printed order."""

    article = ParentalKey(ArticlePage, related_name="authorships", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "journal.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="authorships"
    )
    is_corresponding = models.BooleanField(_("corresponding author"), default=False)

    panels = [FieldPanel("person"), FieldPanel("is_corresponding")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return str(self.person)


class OAITombstone(models.Model):
    """A record OAI-PMH harvesters saw and that is gone now (deleted or unpublished).

    Kept for ever (``deletedRecord`` is ``persistent``) and removed when the article is
    published again.
    """

    article_id = models.PositiveBigIntegerField(unique=True)
    datestamp = models.DateTimeField(db_index=True)
    set_specs = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("withdrawn OAI record")
        verbose_name_plural = _("withdrawn OAI records")
        ordering = ["article_id"]

    def __str__(self):
        return f"article/{self.article_id}"


def parents_of(articles):
    """{article.pk: (issue, journal)} for many articles in two queries."""
    steplen = IssuePage.steplen
    issue_paths = {article.path[:-steplen] for article in articles}
    issues = {issue.path: issue for issue in IssuePage.objects.filter(path__in=issue_paths)}
    journal_paths = {path[:-steplen] for path in issues}
    journals = {journal.path: journal for journal in JournalPage.objects.filter(path__in=journal_paths)}
    result = {}
    for article in articles:
        issue = issues.get(article.path[:-steplen])
        journal = journals.get(issue.path[:-steplen]) if issue else None
        result[article.pk] = (issue, journal)
    return result


def oai_repository_id():
    return getattr(settings, "JOURNAL_OAI_REPOSITORY_ID", "localhost")
