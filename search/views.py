"""The public search page, suggestions and the JSON search API."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from cms.pagination import paginate
from cms.query_values import whole_number
from search import elastic_service, export, service
from search.documents import body_text, page_date, public_pages
from search.engines.elasticsearch import configured as elasticsearch_configured
from search.facets import FACET_NAMES
from search.highlight import highlight, snippet
from search.models import PageFacet
from search.other_results import other_results
from search.query import MAX_QUERY_LENGTH, clean
from search.suggest import suggest

PER_PAGE = 10


def _specific_in_order(pages):
    ids = [page.pk for page in pages]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk(ids)
    return [specific[pk] for pk in ids if pk in specific]


def _result(page, query_text, words=()):
    date = page_date(page)
    return {
        "page": page,
        "title": highlight(page.title, query_text),
        "snippet": snippet(body_text(page), query_text),
        "type": page._meta.label_lower,
        "type_name": page._meta.verbose_name,
        "url": page.get_url(),
        "date": date,
        "parts": _parts(page, query_text, words),
    }


def _parts(page, query_text, words):
    """Where in a long page the words are (a standard's clauses), when the page can tell."""
    if not words or not hasattr(page, "search_result_parts"):
        return []
    return [{**part, "snippet": snippet(part["text"], query_text)} for part in page.search_result_parts(words)]


def promotions(text, locale):
    """Editor-picked results for this exact query, public and in the reader's language."""
    query = Query.objects.filter(query_string=clean(text).lower()[:MAX_QUERY_LENGTH]).first()
    if query is None:
        return []
    picked = query.editors_picks.order_by("sort_order").values_list("page_id", flat=True)
    pages = public_pages(Page.objects.filter(pk__in=list(picked), locale=locale)).specific()
    return list(pages)


def page_number(value):
    """The page number asked for (1 for anything that is not a positive whole number)."""
    return whole_number(value, minimum=1, maximum=10**6 - 1) or 1


def facet_params(params):
    """The region, section and category values in a query string."""
    return {name: params[name] for name in FACET_NAMES if params.get(name)}


def facet_links(params, chosen, field_facets):
    """Each region/section/category facet with its values' links (the other parameters kept, the
    page reset) and a link that drops it."""

    def link(name, value):
        changed = params.copy()
        changed.pop("page", None)
        if value is None:
            changed.pop(name, None)
        else:
            changed[name] = value
        return f"?{changed.urlencode()}"

    return [
        {
            "label": PageFacet.Name(name).label,
            "selected": chosen.get(name),
            "clear_url": link(name, None),
            "values": [(value, count, link(name, value)) for value, count in field_facets[name]],
        }
        for name in FACET_NAMES
        if name in field_facets
    ]


def elastic_search(text, locale, type_label=None, year=None, sort="relevance", page=1, facets=None):
    return elastic_service.search(
        text, locale, type_label, year, sort, page_number=page, per_page=PER_PAGE, facets=facets
    )


def embedded_search(text, locale, type_label=None, year=None, sort="relevance", page=1, facets=None):
    return service.search(text, locale=locale, type_label=type_label, year=year, sort=sort, facets=facets)


def search_page(request):
    text = request.GET.get("q", "")
    type_label = request.GET.get("type") or None
    year = request.GET.get("year") or None
    sort = request.GET.get("sort", "relevance")
    locale = Locale.get_active()
    messages = []
    engine = elastic_search if elasticsearch_configured() else embedded_search
    requested = page_number(request.GET.get("page"))
    facets = facet_params(request.GET)
    try:
        outcome = engine(
            text, locale=locale, type_label=type_label, year=year, sort=sort, page=requested, facets=facets
        )
    except service.BadFilter:
        outcome = engine(text, locale=locale, sort=sort, page=requested)
        messages.append("bad-filter")
    page_obj = paginate(request, outcome.results, PER_PAGE)
    if elasticsearch_configured():
        results = [elastic_service.result(hit) for hit in page_obj.object_list]
    else:
        query_text = outcome.query.text()
        words = outcome.query.required_words()
        results = [_result(page, query_text, words) for page in _specific_in_order(page_obj.object_list)]
    context = {
        "query": text,
        "outcome": outcome,
        "page_obj": page_obj,
        "results": results,
        "promotions": promotions(text, locale) if page_obj.number == 1 and text.strip() else [],
        "others": other_results(outcome.query, locale) if page_obj.number == 1 else [],
        "selected_type": type_label,
        "selected_year": year,
        "field_facets": facet_links(request.GET, facets, outcome.field_facets),
        "chosen_facets": sorted(facets.items()),
        "sort": sort if sort in service.SORTS else "relevance",
        "bad_filter": bool(messages),
        "searched": bool(text.strip() or type_label or year or facets),
    }
    return render(request, "search/search.html", context)


def export_view(request):
    """The first EXPORT_LIMIT results of a search as CSV, BibTeX or RIS (?format=…)."""
    export_format = request.GET.get("format", "csv")
    if export_format not in export.FORMATS:
        return HttpResponseBadRequest("format must be csv, bibtex or ris.")
    try:
        outcome = service.search(
            request.GET.get("q", ""),
            locale=Locale.get_active(),
            type_label=request.GET.get("type") or None,
            year=request.GET.get("year") or None,
            sort=request.GET.get("sort", "relevance"),
            facets=facet_params(request.GET),
        )
    except service.BadFilter:
        return HttpResponseBadRequest("Unknown filter value.")
    pages = _specific_in_order(outcome.results[: export.EXPORT_LIMIT])
    content_type, extension = export.FORMATS[export_format]
    response = HttpResponse(export.WRITERS[export_format](export.records(pages, request)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="search-results.{extension}"'
    return response


def suggest_view(request):
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return JsonResponse({"query": text, "suggestions": suggest(text, Locale.get_active())})


def api_search(request):
    """GET /api/search/?q=…&type=…&year=…&region=…&section=…&category=…&sort=…&page=…&lang=…
    → count, results and facets."""
    language = request.GET.get("lang") or get_language()
    known = dict(settings.LANGUAGES)
    locale = Locale.objects.filter(language_code=language).first() if language in known else None
    if locale is None:
        return JsonResponse({"error": f"Unknown language {language!r}."}, status=400)
    requested = whole_number(request.GET.get("page", "1"), minimum=1)
    if requested is None:
        return JsonResponse({"error": "page must be a positive whole number."}, status=400)
    elastic = elasticsearch_configured()
    engine = elastic_search if elastic else embedded_search
    try:
        outcome = engine(
            request.GET.get("q", ""),
            locale=locale,
            type_label=request.GET.get("type") or None,
            year=request.GET.get("year") or None,
            sort=request.GET.get("sort", "relevance"),
            page=page_number(requested),
            facets=facet_params(request.GET),
        )
    except service.BadFilter as error:
        return JsonResponse({"error": f"Unknown filter value {error}."}, status=400)
    count = min(outcome.results.count(), outcome.results.bound)
    start = (int(requested) - 1) * PER_PAGE
    if start and start >= outcome.results.count():
        return JsonResponse({"error": "page is beyond the last page of results."}, status=400)
    if elastic:
        results = [elastic_service.result(hit) for hit in outcome.results[start : start + PER_PAGE]]
        results = [{**item, "title": item["plain_title"], "snippet": str(item["snippet"])} for item in results]
    else:
        query_text = outcome.query.text()
        results = [
            {
                "title": page.title,
                "url": page.get_url(request=request),
                "type": page._meta.label_lower,
                "snippet": str(snippet(body_text(page), query_text)),
                "date": page_date(page),
            }
            for page in _specific_in_order(outcome.results[start : start + PER_PAGE])
        ]
    keys = ("title", "url", "type", "snippet", "date")
    return JsonResponse(
        {
            # Beyond COUNT_BOUND matches the count is that bound and count_exact is false ("1,000+").
            "count": count,
            "count_exact": outcome.results.count_is_exact,
            "results": [
                {key: item[key].isoformat() if key == "date" and item[key] else item[key] for key in keys}
                for item in results
            ],
            "facets": {
                "type": {label: count for label, _name, count in outcome.type_facets},
                "year": {str(year): count for year, count in outcome.year_facets},
                **{name: dict(values) for name, values in outcome.field_facets.items()},
            },
            "others": [
                {
                    "type": others.kind,
                    "label": str(others.label),
                    "count": others.total,
                    "results": [{**item, "date": item["date"].isoformat()} for item in others.items],
                }
                for others in (other_results(outcome.query, locale) if start == 0 else [])
            ],
            "messages": [str(message) for message in outcome.messages],
        },
        json_dumps_params={"ensure_ascii": False},
    )
