"""The public search page, suggestions and the JSON search API."""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from cms.core.pagination import paginate
from cms.core.query_values import whole_number
from search import export, registry
from search.documents import public_pages
from search.interface import PER_PAGE, SORTS, BadFilter, SearchRequest
from search.other_results import other_results
from search.query import MAX_QUERY_LENGTH, clean
from search.service import get_search_service
from search.suggest import suggest


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


def search_request(params, locale, page=1, per_page=PER_PAGE):
    """The SearchRequest of a query string: ?q=…&type=…&year=…&sort=… and a ?name= per counted facet."""
    return SearchRequest(
        params.get("q", ""),
        locale=locale,
        type_label=params.get("type") or None,
        year=params.get("year") or None,
        facets={name: params[name] for name in registry.counted_names() if params.get(name)},
        sort=params.get("sort", "relevance"),
        page=page,
        per_page=per_page,
    )


def facet_links(params, chosen, field_facets):
    """Each counted facet found, in the registry's order, with its values' links (the other
    parameters kept, the page reset) and a link that drops it."""

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
            "label": facet.label,
            "selected": chosen.get(facet.name),
            "clear_url": link(facet.name, None),
            "values": [(value, count, link(facet.name, value)) for value, count in field_facets[facet.name]],
        }
        for facet in registry.counted_facets()
        if facet.name in field_facets
    ]


def search_page(request):
    locale = Locale.get_active()
    asked = search_request(request.GET, locale, page=page_number(request.GET.get("page")))
    bad_filter = False
    try:
        outcome = get_search_service().search(asked)
    except BadFilter:
        outcome = get_search_service().search(asked.without_filters())
        bad_filter = True
    page_obj = paginate(request, outcome.hits, PER_PAGE)
    text = asked.text
    context = {
        "query": text,
        "outcome": outcome,
        "page_obj": page_obj,
        "results": page_obj.object_list,
        "promotions": promotions(text, locale) if page_obj.number == 1 and text.strip() else [],
        "others": other_results(outcome.query, locale) if page_obj.number == 1 else [],
        "selected_type": asked.type_label,
        "selected_year": asked.year,
        "field_facets": facet_links(request.GET, asked.facets, outcome.field_facets),
        "chosen_facets": sorted(asked.facets.items()),
        "query_fields": registry.query_field_names(),
        "sort": asked.sort if asked.sort in SORTS else "relevance",
        "bad_filter": bad_filter,
        "searched": bool(text.strip() or asked.type_label or asked.year or asked.facets),
    }
    return render(request, "search/search.html", context)


def export_view(request):
    """The results of a search as CSV, BibTeX, RIS or CSL-JSON (?format=…): the same hits in the
    same order as the results page, from the same engine, streamed (up to export.EXPORT_LIMIT)."""
    export_format = request.GET.get("format", "csv")
    if export_format not in export.FORMATS:
        return HttpResponseBadRequest("format must be csv, bibtex, ris or csljson.")
    asked = search_request(request.GET, Locale.get_active(), per_page=export.SLICE)
    try:
        hits = get_search_service().search(asked).hits
    except BadFilter:
        return HttpResponseBadRequest("Unknown filter value.")
    content_type, extension = export.FORMATS[export_format]
    response = StreamingHttpResponse(export.stream(hits, export_format, request), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="search-results.{extension}"'
    return response


def suggest_view(request):
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return JsonResponse({"query": text, "suggestions": suggest(text, Locale.get_active())})


def api_search(request):
    """GET /api/search/?q=…&type=…&year=…&sort=…&page=…&lang=… and ?name=… for each counted facet
    (region, section, category …) → count, results and facets."""
    language = request.GET.get("lang") or get_language()
    known = dict(settings.LANGUAGES)
    locale = Locale.objects.filter(language_code=language).first() if language in known else None
    if locale is None:
        return JsonResponse({"error": f"Unknown language {language!r}."}, status=400)
    requested = whole_number(request.GET.get("page", "1"), minimum=1)
    if requested is None:
        return JsonResponse({"error": "page must be a positive whole number."}, status=400)
    try:
        outcome = get_search_service().search(search_request(request.GET, locale, page=page_number(requested)))
    except BadFilter as error:
        return JsonResponse({"error": f"Unknown filter value {error}."}, status=400)
    count = min(outcome.hits.count(), outcome.hits.bound)
    start = (requested - 1) * PER_PAGE
    if start and start >= outcome.hits.count():
        return JsonResponse({"error": "page is beyond the last page of results."}, status=400)
    return JsonResponse(
        {
            # Beyond COUNT_BOUND matches the count is that bound and count_exact is false ("1,000+").
            "count": count,
            "count_exact": outcome.hits.count_is_exact,
            "results": [
                {
                    "title": hit.plain_title,
                    "url": hit.url,
                    "type": hit.type,
                    "snippet": str(hit.snippet),
                    "date": hit.date.isoformat() if hit.date else None,
                }
                for hit in outcome.hits[start : start + PER_PAGE]
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
