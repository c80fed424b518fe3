"""Find-or-create pages from the data files' page specs, and read the data files.

Idempotent: running the loader again finds what it made before instead of duplicating it,
and leaves a page that exists as editors may have changed it.
"""

import csv
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_file(name):
    return DATA / name


def read_json(name):
    return json.loads(data_file(name).read_text(encoding="utf-8"))


def read_csv(name):
    with data_file(name).open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def child_page(parent, model, slug, **fields):
    """The ``model`` child of ``parent`` with ``slug``, created and published if missing; (page, created)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def stream(blocks):
    """A body written in the data files as [kind, text, …] items, as StreamField data."""
    values = {
        "heading": lambda text: {"text": text, "level": "h2"},
        "paragraph": lambda html: html,
        "quote": lambda text, attribution: {"text": text, "attribution": attribution},
    }
    return [{"type": kind, "value": values[kind](*args)} for kind, *args in blocks]


def spec_page(parent, model, spec, **extra):
    """The page a data file describes as {slug, title, introduction, body, …}, via ``child_page``."""
    fields = {name: value for name, value in spec.items() if name != "slug"}
    if "body" in fields:
        fields["body"] = stream(fields["body"])
    return child_page(parent, model, spec["slug"], **fields, **extra)
