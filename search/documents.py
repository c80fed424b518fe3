"""What the public may find, and the plain fields a page offers to a search engine.

Other apps' page types are searched as they are (their `search_fields`); a page class may add
facet values by defining `search_facets(self) -> dict` with the names its app declared
(search/registry.py), `date` and `year` (when it is not the date's).
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Page, PageViewRestriction, get_page_models

from search import registry


def public_pages(queryset=None):
    """Live, public pages whose expiry has not passed (Wagtail unpublishes expired pages only when
    `publish_scheduled` runs, so the date is checked here too)."""
    queryset = Page.objects.all() if queryset is None else queryset
    now = timezone.now()
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    # Ids and paths rather than expire_at: search backends filter only on indexed fields, and
    # live pages past their expiry are few (until publish_scheduled runs).
    expired = list(Page.objects.live().filter(expire_at__lte=now).order_by().values_list("id", flat=True))
    queryset = queryset.live().exclude(id__in=expired)
    for path in restricted:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def page_models_searched_in(language_code):
    """The page models whose pages a search in another language finds too: those listing it in
    `search_other_languages`, because their fields carry its text (an article's English title,
    abstract and keywords)."""
    return [model for model in get_page_models() if language_code in getattr(model, "search_other_languages", ())]


def locale_pages(locale):
    """The pages a search in `locale` looks at: the locale's own, and the pages of other locales
    that are searched in its language (page_models_searched_in) and have no translation into it
    (the translation is found instead)."""
    own = Page.objects.filter(locale=locale)
    models = page_models_searched_in(locale.language_code)
    if not models:
        return own
    translated = Page.objects.filter(locale=locale).values("translation_key")
    untranslated = Page.objects.type(*models).exclude(locale=locale).exclude(translation_key__in=translated)
    return Page.objects.filter(Q(locale=locale) | Q(pk__in=untranslated.values("pk")))


def search_locales(page):
    """The language codes a page is found in (the `locale` of its search document)."""
    codes = [page.locale.language_code]
    for code in getattr(page, "search_other_languages", ()):
        if code not in codes and not page.get_translations().filter(locale__language_code=code).exists():
            codes.append(code)
    return codes


def _values(obj, fields):
    for field in fields:
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            if value:
                yield (
                    value
                    if isinstance(value, str)
                    else " ".join(map(str, value))
                    if isinstance(value, list)
                    else str(value)
                )
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related() if callable(related) else related]
            for item in items:
                yield from _values(item, field.fields)


def body_text(page):
    return " ".join(_values(page, page.get_search_fields()))


def page_date(page):
    """The page's own `date` when its class gives one (an article's is its issue's unless it has
    its own), else the day it was first published, in the site's time zone."""
    date = page.date if hasattr(page, "date") else page.first_published_at
    if isinstance(date, datetime.datetime):
        date = timezone.localtime(date).date() if timezone.is_aware(date) else date.date()
    return date


def facet_fields(page):
    """What a page's `search_facets()` gives for the declared facets, without empty values, with
    its `date` (else the page's own) and `year` (else the date's) always there: for the search
    document, the PageFacet rows and the export. A name no app declared is left out."""
    extra = page.search_facets() if hasattr(page, "search_facets") else {}
    known = {registry.DATE, registry.YEAR, *(facet.name for facet in registry.facets())}
    fields = {key: value for key, value in extra.items() if key in known and value not in (None, "", [])}
    fields.setdefault(registry.DATE, page_date(page))
    fields.setdefault(registry.YEAR, fields[registry.DATE].year if fields[registry.DATE] else None)
    return fields


def document_fields(page):
    """A plain dict for the search document of a specific page."""
    return {
        "title": page.title,
        "body": body_text(page),
        "type": page._meta.label_lower,
        "type_label": str(page._meta.verbose_name),
        "locale": search_locales(page),
        "url": page.get_url() or page.url_path,
        "expire_at": page.expire_at,
        **facet_fields(page),
    }
