"""OAI-PMH 2.0 data provider for the journal's articles at /oai/.

Records are the live, public articles in the default language, identified as
``oai:{repository-id}:article/{page id}``; withdrawn ones stay as tombstones
(``deletedRecord`` is ``persistent``). Sets: ``journal-{id}``, ``section-{id}``,
``issue-{id}``. Lists are paged with signed, stateless resumption tokens.
"""

import datetime
import re

from django.conf import settings
from django.core import signing
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree
from wagtail.models import Locale

from . import jats
from .metadata import article_metadata
from .models import ArticlePage, IssuePage, JournalPage, OAITombstone, Section, parents_of

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
JATS_NS = "http://jats.nlm.nih.gov"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

FORMATS = {
    "oai_dc": (
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        OAI_DC_NS,
    ),
    "jats": (
        "https://jats.nlm.nih.gov/publishing/1.3/xsd/JATS-journalpublishing1-3.xsd",
        JATS_NS,
    ),
}

LIST_VERBS = {"ListIdentifiers", "ListRecords"}
ARGUMENTS = {  # verb → (required, optional); resumptionToken is exclusive where allowed
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SET_SPEC = re.compile(r"^(journal|section|issue)-(\d+)$")
TOKEN_SALT = "journal.oai.resumption"


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def repository_id():
    return settings.JOURNAL_OAI_REPOSITORY_ID


def identifier_for(article_id):
    return f"oai:{repository_id()}:article/{article_id}"


def article_id_from(identifier):
    match = re.fullmatch(rf"oai:{re.escape(repository_id())}:article/(\d+)", identifier or "")
    return int(match.group(1)) if match else None


def article_set_specs(section_id, issue_id, journal_id):
    specs = []
    if journal_id:
        specs.append(f"journal-{journal_id}")
    if section_id:
        specs.append(f"section-{section_id}")
    if issue_id:
        specs.append(f"issue-{issue_id}")
    return specs


def datestamp(value):
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(value, end_of_day=False):
    if DAY.match(value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise OAIError("badArgument", f"Not a date: {value}") from None
        moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
        return moment.replace(microsecond=999999 if end_of_day else 0, tzinfo=datetime.UTC), "day"
    if SECOND.match(value):
        try:
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise OAIError("badArgument", f"Not a UTC datestamp: {value}") from None
        if end_of_day:
            moment = moment.replace(microsecond=999999)
        return moment.replace(tzinfo=datetime.UTC), "second"
    raise OAIError("badArgument", f"Dates are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not {value!r}.")


# What may be harvested ---------------------------------------------------------------------


def public_articles():
    """Live, public articles in the default language: the only records there are."""
    return ArticlePage.objects.visible().filter(locale=Locale.get_default())


def _filtered(articles, tombstones, arguments):
    if arguments.get("from"):
        start, _ = parse_datestamp(arguments["from"])
        articles = articles.filter(last_published_at__gte=start)
        tombstones = tombstones.filter(datestamp__gte=start)
    if arguments.get("until"):
        end, _ = parse_datestamp(arguments["until"], end_of_day=True)
        articles = articles.filter(last_published_at__lte=end)
        tombstones = tombstones.filter(datestamp__lte=end)
    spec = arguments.get("set")
    if spec:
        kind, pk = SET_SPEC.match(spec).groups()
        if kind == "journal":
            journal = JournalPage.objects.filter(pk=pk).first()
            articles = articles.descendant_of(journal) if journal else articles.none()
        elif kind == "issue":
            issue = IssuePage.objects.filter(pk=pk).first()
            articles = articles.child_of(issue) if issue else articles.none()
        else:
            articles = articles.filter(section_id=pk)
        tombstones = tombstones.filter(set_specs__contains=f" {spec} ")
    return articles, tombstones


def _check_set(spec):
    if spec and not SET_SPEC.match(spec):
        raise OAIError("badArgument", f"Unknown set {spec!r}.")
    if spec and not any(spec == existing for existing, _ in all_sets()):
        raise OAIError("noRecordsMatch", f"The set {spec!r} does not exist.")


def all_sets():
    default = Locale.get_default()
    journals = JournalPage.objects.live().public().filter(locale=default).order_by("path")
    issues = IssuePage.objects.live().public().filter(locale=default).order_by("path")
    sets = [(f"journal-{journal.pk}", journal.title) for journal in journals]
    sets += [(f"section-{section.pk}", section.name) for section in Section.objects.all()]
    sets += [(f"issue-{issue.pk}", issue.title) for issue in issues]
    return sets


# Building the response ---------------------------------------------------------------------


def _element(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, tag, attributes)
    if text not in (None, ""):
        element.text = str(text)
    return element


def _envelope(request, arguments, valid):
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    _element(root, "responseDate", datestamp(timezone.now()))
    base_url = request.build_absolute_uri(request.path)
    attributes = {key: value for key, value in arguments.items() if valid} if valid else {}
    _element(root, "request", base_url, **attributes)
    return root


def _header(parent, article_id, stamp, specs, deleted=False):
    header = _element(parent, "header", status="deleted") if deleted else _element(parent, "header")
    _element(header, "identifier", identifier_for(article_id))
    _element(header, "datestamp", datestamp(stamp))
    for spec in specs:
        _element(header, "setSpec", spec)
    return header


def oai_dc(meta):
    nsmap = {"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    root = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap=nsmap)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {FORMATS['oai_dc'][0]}")

    def dc(name, value, language=None):
        if value in ("", None):
            return
        element = etree.SubElement(root, f"{{{DC_NS}}}{name}")
        element.text = str(value)
        if language:
            element.set(XML_LANG, language)

    dc("title", meta.title, meta.language)
    dc("title", meta.title_en, "en")
    for author in meta.authors:
        dc("creator", author.inverted)
    for word in meta.keywords:
        dc("subject", word, meta.language)
    for word in meta.keywords_en:
        dc("subject", word, "en")
    dc("description", meta.abstract, meta.language)
    dc("description", meta.abstract_en, "en")
    dc("publisher", meta.publisher)
    dc("date", meta.date.isoformat() if meta.date else meta.year)
    dc("type", "info:eu-repo/semantics/article")
    dc("type", "Text")
    dc("format", "text/html")
    if meta.pdf_url:
        dc("format", "application/pdf")
    dc("identifier", meta.url)
    dc("identifier", meta.doi_url)
    volume = f", {meta.volume}" if meta.volume else ""
    pages = f": {meta.pages}" if meta.pages else ""
    dc("source", f"{meta.journal_title}; {meta.year}{volume}({meta.issue}){pages}")
    if meta.issn:
        dc("source", meta.issn)
    dc("language", meta.language)
    dc("rights", meta.license)
    return root


def _metadata_element(meta, prefix):
    return oai_dc(meta) if prefix == "oai_dc" else _jats(meta)


def _jats(meta):
    element = jats.front_element(meta)
    # Put the JATS elements in the namespace the metadataFormat advertises.
    for node in element.iter():
        if isinstance(node.tag, str) and not node.tag.startswith("{"):
            node.tag = f"{{{JATS_NS}}}{node.tag}"
    etree.cleanup_namespaces(element, top_nsmap={None: JATS_NS})
    return element


def identify(request, root):
    earliest = [
        public_articles().aggregate(first=Min("last_published_at"))["first"],
        OAITombstone.objects.aggregate(first=Min("datestamp"))["first"],
    ]
    earliest = min([moment for moment in earliest if moment] or [timezone.now()])
    node = _element(root, "Identify")
    journals = JournalPage.objects.live().public().filter(locale=Locale.get_default()).order_by("path")
    name = "；".join(journal.title for journal in journals) or settings.WAGTAIL_SITE_NAME
    _element(node, "repositoryName", name)
    _element(node, "baseURL", request.build_absolute_uri(request.path))
    _element(node, "protocolVersion", "2.0")
    _element(node, "adminEmail", settings.JOURNAL_OAI_ADMIN_EMAIL)
    _element(node, "earliestDatestamp", datestamp(earliest))
    _element(node, "deletedRecord", "persistent")
    _element(node, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = _element(node, "description")
    identifier_ns = "http://www.openarchives.org/OAI/2.0/oai-identifier"
    oai_identifier = etree.SubElement(description, f"{{{identifier_ns}}}oai-identifier", nsmap={None: identifier_ns})
    oai_identifier.set(
        f"{{{XSI_NS}}}schemaLocation", f"{identifier_ns} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
    )
    _element(oai_identifier, f"{{{identifier_ns}}}scheme", "oai")
    _element(oai_identifier, f"{{{identifier_ns}}}repositoryIdentifier", repository_id())
    _element(oai_identifier, f"{{{identifier_ns}}}delimiter", ":")
    _element(oai_identifier, f"{{{identifier_ns}}}sampleIdentifier", identifier_for(1))


def list_metadata_formats(request, root, arguments):
    if "identifier" in arguments:
        _record_exists_or_fail(arguments["identifier"])
    node = _element(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in FORMATS.items():
        item = _element(node, "metadataFormat")
        _element(item, "metadataPrefix", prefix)
        _element(item, "schema", schema)
        _element(item, "metadataNamespace", namespace)


def _record_exists_or_fail(identifier):
    article_id = article_id_from(identifier)
    exists = article_id is not None and (
        public_articles().filter(pk=article_id).exists() or OAITombstone.objects.filter(article_id=article_id).exists()
    )
    if not exists:
        raise OAIError("idDoesNotExist", f"No record {identifier!r} in this repository.")
    return article_id


def list_sets(request, root, arguments):
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "This repository never issues resumption tokens for sets.")
    node = _element(root, "ListSets")
    for spec, name in all_sets():
        item = _element(node, "set")
        _element(item, "setSpec", spec)
        _element(item, "setName", name)


def _records(request, parent, article_ids, prefix, with_metadata):
    """``<record>``/``<header>`` elements for live articles, in a fixed number of queries."""
    articles = list(public_articles().filter(pk__in=article_ids).with_citation_data())
    parents = parents_of(articles)
    built = {}
    for article in articles:
        issue, journal = parents[article.pk]
        specs = article_set_specs(article.section_id, issue and issue.pk, journal and journal.pk)
        if with_metadata:
            record = etree.Element("record")
            _header(record, article.pk, article.last_published_at, specs)
            metadata = _element(record, "metadata")
            meta = article_metadata(article, request, issue=issue, journal=journal)
            metadata.append(_metadata_element(meta, prefix))
            built[article.pk] = record
        else:
            header = etree.Element("header")
            built[article.pk] = header
            _element(header, "identifier", identifier_for(article.pk))
            _element(header, "datestamp", datestamp(article.last_published_at))
            for spec in specs:
                _element(header, "setSpec", spec)
    return built


def _tombstone(tombstone, with_metadata):
    specs = tombstone.set_specs.split()
    if with_metadata:
        record = etree.Element("record")
        _header(record, tombstone.article_id, tombstone.datestamp, specs, deleted=True)
        return record
    holder = etree.Element("holder")
    return _header(holder, tombstone.article_id, tombstone.datestamp, specs, deleted=True)


def get_record(request, root, arguments):
    prefix = arguments["metadataPrefix"]
    article_id = _record_exists_or_fail(arguments["identifier"])
    if prefix not in FORMATS:
        raise OAIError("cannotDisseminateFormat", f"Unknown metadata format {prefix!r}.")
    node = _element(root, "GetRecord")
    built = _records(request, node, [article_id], prefix, with_metadata=True)
    if article_id in built:
        node.append(built[article_id])
    else:
        node.append(_tombstone(OAITombstone.objects.get(article_id=article_id), with_metadata=True))


def list_items(request, root, verb, arguments):
    if "resumptionToken" in arguments:
        state = _read_token(arguments["resumptionToken"], verb)
    else:
        state = {key: arguments.get(key, "") for key in ("metadataPrefix", "from", "until", "set")}
        state.update(after=0, cursor=0)
        _validate_list_arguments(state)
    prefix = state["metadataPrefix"]
    articles, tombstones = _filtered(public_articles(), OAITombstone.objects.all(), state)
    tombstones = tombstones.exclude(article_id__in=articles.values("pk"))
    size = settings.JOURNAL_OAI_PAGE_SIZE
    live_ids = list(articles.filter(pk__gt=state["after"]).order_by("pk").values_list("pk", flat=True)[: size + 1])
    dead = list(tombstones.filter(article_id__gt=state["after"]).order_by("article_id")[: size + 1])
    merged = sorted([(pk, None) for pk in live_ids] + [(t.article_id, t) for t in dead], key=lambda pair: pair[0])
    if not merged and state["cursor"] == 0:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    page, more = merged[:size], len(merged) > size
    with_metadata = verb == "ListRecords"
    node = _element(root, verb)
    built = _records(request, node, [pk for pk, tombstone in page if tombstone is None], prefix, with_metadata)
    for pk, tombstone in page:
        node.append(built[pk] if tombstone is None else _tombstone(tombstone, with_metadata))
    if more or "resumptionToken" in arguments:
        total = articles.count() + tombstones.count()
        token = ""
        if more:
            token = signing.dumps(
                {**state, "verb": verb, "after": page[-1][0], "cursor": state["cursor"] + len(page)},
                salt=TOKEN_SALT,
                compress=True,
            )
        _element(node, "resumptionToken", token, completeListSize=str(total), cursor=str(state["cursor"]))


def _validate_list_arguments(state):
    if state["metadataPrefix"] not in FORMATS:
        raise OAIError("cannotDisseminateFormat", f"Unknown metadata format {state['metadataPrefix']!r}.")
    granularities = set()
    bounds = []
    for key in ("from", "until"):
        if state[key]:
            moment, granularity = parse_datestamp(state[key], end_of_day=key == "until")
            granularities.add(granularity)
            bounds.append(moment)
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if len(bounds) == 2 and bounds[0] > bounds[1]:
        raise OAIError("badArgument", "from is later than until.")
    _check_set(state["set"])


def _read_token(token, verb):
    try:
        state = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        raise OAIError("badResumptionToken", "This resumption token is not valid.") from None
    if not isinstance(state, dict) or state.get("verb") != verb:
        raise OAIError("badResumptionToken", "This resumption token belongs to another request.")
    return state


def _xml_safe(text):
    """XML 1.0 carries no control characters but tab and line breaks (lxml refuses them)."""
    return not any(ord(char) < 32 and char not in "\t\n\r" for char in text)


def _parse_arguments(request):
    query = request.POST if request.method == "POST" else request.GET
    arguments = {}
    for key in query:
        values = query.getlist(key)
        if len(values) > 1:
            # The protocol names a repeated verb a badVerb, any other repeated argument a badArgument.
            raise OAIError("badVerb" if key == "verb" else "badArgument", f"The argument {key!r} is repeated.")
        if not all(map(_xml_safe, (key, values[0]))):
            raise OAIError("badArgument", f"The argument {key!r} holds characters that XML cannot carry.")
        arguments[key] = values[0]
    verb = arguments.pop("verb", None)
    if verb not in ARGUMENTS:
        raise OAIError("badVerb", "Missing or unknown verb." if verb is None else f"Unknown verb {verb!r}.")
    required, optional = ARGUMENTS[verb]
    unknown = set(arguments) - required - optional
    if unknown:
        raise OAIError("badArgument", f"Unknown arguments: {', '.join(sorted(unknown))}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
    else:
        missing = required - set(arguments)
        if missing:
            raise OAIError("badArgument", f"Missing arguments: {', '.join(sorted(missing))}.")
    return verb, arguments


HANDLERS = {
    "Identify": lambda request, root, verb, arguments: identify(request, root),
    "ListMetadataFormats": lambda request, root, verb, arguments: list_metadata_formats(request, root, arguments),
    "ListSets": lambda request, root, verb, arguments: list_sets(request, root, arguments),
    "GetRecord": lambda request, root, verb, arguments: get_record(request, root, arguments),
    "ListIdentifiers": list_items,
    "ListRecords": list_items,
}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    """The OAI-PMH base URL: every answer is XML with status 200, errors included."""
    try:
        verb, arguments = _parse_arguments(request)
    except OAIError as error:
        root = _envelope(request, {}, valid=False)
        _element(root, "error", error.message, code=error.code)
        return _response(root)
    root = _envelope(request, {"verb": verb, **arguments}, valid=True)
    try:
        HANDLERS[verb](request, root, verb, arguments)
    except OAIError as error:
        for child in list(root)[2:]:
            root.remove(child)
        if error.code in ("badVerb", "badArgument"):
            # The protocol: after these two errors the request element holds the base URL only.
            root[1].attrib.clear()
        _element(root, "error", error.message, code=error.code)
    return _response(root)


def _response(root):
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
