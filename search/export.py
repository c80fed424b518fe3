"""A result list as CSV, BibTeX, RIS or CSL-JSON, for researchers' reference managers.

The hits are read a slice at a time and written as they come (the view streams them), so a large
result set costs what one slice does. A page whose app declared a citation writer
(search/registry.py, `site_search_citations`) is written as its own page writes it: an article
as `@article` / `TY  - JOUR` with its journal, volume, issue, pages and DOI; other pages get a
generic record of their title, authors, keywords, date and address.
"""

import csv
import io
import json
import re

from cms.core.spreadsheets import formula_safe
from search import registry

# Elasticsearch answers at most 10,000 hits of one query (index.max_result_window).
EXPORT_LIMIT = 10_000
SLICE = 200
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csljson": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def hit_slices(hits, limit=EXPORT_LIMIT, size=None):
    """The hits, a list at a time, in the results page's order, up to `limit`."""
    size = size or SLICE
    for start in range(0, limit, size):
        chunk = list(hits[start : min(start + size, limit)])
        if chunk:
            yield chunk
        if len(chunk) < size:
            return


def records(hits, request=None):
    """Plain bibliographic records of search hits (authors and keywords are the values of the
    facets their apps declared as cited as such)."""
    authors, keywords = registry.cited("author"), registry.cited("keyword")
    for hit in hits:
        date = hit.date
        yield {
            "id": hit.page_id,
            "title": hit.plain_title,
            "authors": _values(hit.fields, authors),
            "keywords": _values(hit.fields, keywords),
            "year": date.year if date else "",
            "date": date.isoformat() if date else "",
            "type": str(hit.type_name),
            "url": hit.full_url(request),
            "page_type": hit.type,
        }


def _values(fields, names):
    values = []
    for name in names:
        value = fields.get(name) or []
        values += value if isinstance(value, (list, tuple)) else [value]
    return values


def _bibtex_value(text):
    return re.sub(r"([{}\\\\])", r"\\\1", str(text))


def bibtex_entry(item):
    fields = {"title": item["title"], "year": item["year"], "url": item["url"], "note": item["type"]}
    if item["authors"]:
        fields["author"] = " and ".join(item["authors"])
    if item["keywords"]:
        fields["keywords"] = ", ".join(item["keywords"])
    body = ",\n".join(f"  {key} = {{{_bibtex_value(value)}}}" for key, value in fields.items() if value != "")
    return f"@misc{{page{item['id']},\n{body}\n}}\n"


def ris_record(item):
    lines = ["TY  - GEN", f"TI  - {item['title']}"]
    lines += [f"AU  - {author}" for author in item["authors"]]
    lines += [f"KW  - {keyword}" for keyword in item["keywords"]]
    if item["year"]:
        lines.append(f"PY  - {item['year']}")
    if item["date"]:
        lines.append(f"DA  - {item['date'].replace('-', '/')}")
    if item["url"]:
        lines.append(f"UR  - {item['url']}")
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def csl_item(item):
    data = {
        "id": f"page-{item['id']}",
        "type": "webpage",
        "title": item["title"],
        "author": [{"literal": author} for author in item["authors"]],
        "keyword": ", ".join(item["keywords"]),
        "URL": item["url"],
        "genre": item["type"],
    }
    if item["date"]:
        data["issued"] = {"date-parts": [[int(part) for part in item["date"].split("-")]]}
    return {key: value for key, value in data.items() if value not in ("", [])}


GENERIC = {"bibtex": bibtex_entry, "ris": ris_record, "csljson": csl_item}


def full_records(items, export_format, request=None):
    """Each item's record in `export_format`: its app's own where it declared a writer, else generic."""
    writers = registry.citation_writers()
    by_type = {}
    for item in items:
        by_type.setdefault(item["page_type"], []).append(item["id"])
    written = {}
    for page_type, ids in by_type.items():
        if page_type in writers:
            written.update(writers[page_type](ids, export_format, request))
    for item in items:
        yield written.get(item["id"]) or GENERIC[export_format](item)


def stream(hits, export_format, request=None):
    """The export as pieces of text, written slice by slice."""
    if export_format == "csv":
        yield "\ufeff"  # the byte-order mark lets Excel read UTF-8 Chinese
        yield _csv_rows([["title", "authors", "year", "date", "type", "url"]])
    elif export_format == "csljson":
        yield "["
    first = True
    for chunk in hit_slices(hits):
        items = list(records(chunk, request))
        if export_format == "csv":
            rows = [[i["title"], "; ".join(i["authors"]), i["year"], i["date"], i["type"], i["url"]] for i in items]
            yield _csv_rows(rows)
            continue
        for record in full_records(items, export_format, request):
            if export_format == "csljson":
                yield ("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
            else:
                yield ("" if first else "\n") + record
            first = False
    if export_format == "csljson":
        yield "\n]\n"


def _csv_rows(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([formula_safe(value) for value in row])
    return out.getvalue()
