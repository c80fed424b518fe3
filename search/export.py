"""A result list as CSV, BibTeX or RIS, for researchers' reference managers."""

import csv
import io
import re

from cms.spreadsheets import formula_safe

EXPORT_LIMIT = 500
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
}


def records(pages, request=None):
    """Plain bibliographic records of pages (authors come from a page's `search_facets()`)."""
    from search.documents import page_date

    for page in pages:
        facets = page.search_facets() if hasattr(page, "search_facets") else {}
        date = page_date(page)
        yield {
            "id": page.pk,
            "title": page.title,
            "authors": list(facets.get("author") or []),
            "keywords": list(facets.get("keyword") or []),
            "year": date.year if date else "",
            "date": date.isoformat() if date else "",
            "type": str(page._meta.verbose_name),
            "url": page.get_full_url(request) or "",
        }


def as_csv(items):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "authors", "year", "date", "type", "url"])
    for item in items:
        row = [item["title"], "; ".join(item["authors"]), item["year"], item["date"], item["type"], item["url"]]
        writer.writerow([formula_safe(value) for value in row])
    return "\ufeff" + out.getvalue()  # the byte-order mark lets Excel read UTF-8 Chinese


def _bibtex_value(text):
    return re.sub(r"([{}\\\\])", r"\\\1", str(text))


def as_bibtex(items):
    entries = []
    for item in items:
        fields = {"title": item["title"], "year": item["year"], "url": item["url"], "note": item["type"]}
        if item["authors"]:
            fields["author"] = " and ".join(item["authors"])
        if item["keywords"]:
            fields["keywords"] = ", ".join(item["keywords"])
        body = ",\n".join(f"  {key} = {{{_bibtex_value(value)}}}" for key, value in fields.items() if value != "")
        entries.append(f"@misc{{page{item['id']},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def as_ris(items):
    lines = []
    for item in items:
        lines.append("TY  - GEN")
        lines.append(f"TI  - {item['title']}")
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


WRITERS = {"csv": as_csv, "bibtex": as_bibtex, "ris": as_ris}
