"""Import one version of a standard from JSON: validate every clause, then write the page in one transaction.

A file holds ``standard`` (code, title, version, status, stage, dates, introduction, and
``supersedes``: the version it replaces) and ``body``: the blocks in reading order, each
written by ``type`` — ``foreword``/``introduction``/``bibliography`` (title, text),
``references``, ``terms`` (with ``term`` items), ``chapter``/``clause``/``annex`` (key, title,
content, explanation), and in a clause's content ``paragraph``, ``shall``/``should``/``may``
(key, text, method, rules), ``note``, ``example`` and ``table`` (caption, rows). A rule is
written as its type and parameters, e.g. ``{"type": "video_min_height", "min_height": 720}``.

Block ids are derived from the keys (``standards.authoring.uid``), so the same key in two
versions is the same clause and the change view can compare them. Every problem is reported
with its JSON path, after the same block validation the admin applies; a file with any problem
changes nothing. A version matches on (code, version) under the parent page, so importing the
same file again updates that version instead of adding one.
"""

import copy
import datetime
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from cms.core import import_report
from cms.core.import_report import Problem
from cms.core.spreadsheets import ImportFileError

from . import authoring as a
from .blocks import StandardBodyBlock
from .models import StandardIndexPage, StandardPage
from .rule_blocks import RuleStreamBlock

SECTIONS = {"foreword", "introduction", "bibliography"}
CLAUSES = {"chapter", "clause", "annex"}
LEVELS = {"shall", "should", "may"}
TOP_LEVEL = SECTIONS | {"chapter", "references", "terms", "annex"}
CONTENT = {"clause", "paragraph", "note", "example", "table"} | LEVELS
# type → (required fields, optional fields)
FIELDS = {
    **{kind: ({"title", "text"}, {"key"}) for kind in SECTIONS},
    **{kind: ({"key", "title"}, {"content", "explanation"}) for kind in CLAUSES},
    **{kind: ({"key", "text"}, {"method", "rules"}) for kind in LEVELS},
    "paragraph": ({"text"}, {"key"}),
    "note": ({"text"}, {"key"}),
    "example": ({"text"}, {"kind", "key"}),
    "table": ({"caption", "rows"}, {"key"}),
    "terms": ({"key", "terms"}, {"title", "introduction"}),
    "term": ({"key", "term", "definition"}, {"term_en", "note"}),
    "references": ({"key", "references"}, {"title"}),
}
FIELDS["annex"][1].add("normative")
STANDARD_FIELDS = {
    "code": str, "title": str, "title_en": str, "issuing_body": str, "slug": str, "version": str, "status": str,
    "stage": str, "issued": "date", "effective": "date", "comments_close": "date", "supersedes": str,
    "introduction": str,
}  # fmt: skip
STANDARD_REQUIRED = {"code", "title", "version"}
FILE_NAMES = {"table": "rows", "body": "text"}  # block fields the file spells as the editor reads them


@dataclass
class Report(import_report.Report):
    """Problems by their place in the JSON document; the page written, and whether it is new."""

    page: StandardPage | None = None
    created: bool = False

    def add(self, path, message):
        self.problems.append(Problem.at(path, message))


def read(content):
    """The parsed JSON of an uploaded or local file's bytes."""
    try:
        return json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportFileError("The file is not UTF-8.") from error
    except json.JSONDecodeError as error:
        raise ImportFileError(f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).") from error


# -- validation ----------------------------------------------------------------------------------
def validate(data, parent, report):
    """The page fields and the body as StreamField data; problems go to ``report``."""
    if not isinstance(data, dict) or not isinstance(data.get("standard"), dict) or "body" not in data:
        report.add("$", "the file must be an object with “standard” and “body”")
        return None, None
    fields = _standard_fields(data["standard"], parent, report)
    body = _blocks(data["body"], "$.body", TOP_LEVEL, report, {})
    if report.ok:
        stream_block = StandardBodyBlock()
        try:
            stream_block.clean(stream_block.to_python(copy.deepcopy(body)))  # to_python fills in defaults
        except ValidationError as error:
            _validation_problems(error, "$.body", report)
    return fields, body


def _standard_fields(meta, parent, report):
    for name in sorted(STANDARD_REQUIRED - set(meta)):
        report.add(f"$.standard.{name}", "is missing")
    fields = {}
    for name, value in meta.items():
        path, kind = f"$.standard.{name}", STANDARD_FIELDS.get(name)
        if kind is None:
            report.add(path, "is not a field this import knows")
        elif kind == "date":
            fields[name] = _date(value)
            if fields[name] is None:
                report.add(path, f"must be a date written YYYY-MM-DD, not {value!r}")
        elif not isinstance(value, str):
            report.add(path, "must be a string")
        else:
            fields[name] = value.strip()
    for name, choices in (("status", StandardPage.Status), ("stage", StandardPage.Stage)):
        if name in fields and fields[name] not in choices.values:
            report.add(f"$.standard.{name}", f"must be one of {', '.join(choices.values)}")
    if fields.get("supersedes") and parent is not None:
        earlier = _version(parent, fields.get("code"), fields["supersedes"])
        if earlier is None:
            report.add("$.standard.supersedes", f"no version “{fields['supersedes']}” of this standard to supersede")
        fields["supersedes"] = earlier
    return fields


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _blocks(nodes, path, allowed, report, keys):
    if not isinstance(nodes, list):
        report.add(path, "must be a list")
        return []
    built = (_block(node, f"{path}[{n}]", allowed, report, keys) for n, node in enumerate(nodes))
    return [block for block in built if block is not None]


def _block(node, path, allowed, report, keys):
    """One node of the file as a StreamField block, or None when it has a problem."""
    if not isinstance(node, dict):
        report.add(path, "must be an object")
        return None
    kind = node.get("type")
    if kind not in allowed:
        report.add(f"{path}.type", f"“{kind}” cannot stand here; use one of {', '.join(sorted(allowed))}")
        return None
    required, optional = FIELDS[kind]
    before = len(report.problems)
    for name in sorted(required - set(node)):
        report.add(f"{path}.{name}", "is missing")
    for name in sorted(set(node) - required - optional - {"type"}):
        report.add(f"{path}.{name}", "is not a field this block has")
    if node.get("key") is not None and not isinstance(node.get("key"), str):
        report.add(f"{path}.key", "must be a string")
    if len(report.problems) > before:
        return None
    block = _build(kind, node, path, report, keys)
    if "key" in node:
        if block["id"] in keys:
            report.add(f"{path}.key", f"“{node['key']}” is also the key at {keys[block['id']]}")
        keys[block["id"]] = path
    return block


def _build(kind, node, path, report, keys):
    get = node.get
    if kind in SECTIONS:
        return a.section(kind, node["title"], node["text"], key=get("key"))
    if kind in CLAUSES:
        content = _blocks(get("content", []), f"{path}.content", CONTENT, report, keys)
        extra = {"normative": bool(get("normative"))} if kind == "annex" else {}
        return getattr(a, kind)(node["key"], node["title"], *content, explanation=get("explanation", ""), **extra)
    if kind in LEVELS:
        rules = [_rule(rule, f"{path}.rules[{n}]", report) for n, rule in enumerate(get("rules", []))]
        return a.requirement(node["key"], node["text"], kind, get("method", "manual"), rules)
    if kind == "terms":
        terms = _blocks(node["terms"], f"{path}.terms", {"term"}, report, keys)
        labels = {name: get(name) for name in ("title", "introduction") if get(name)}
        return a.terms(node["key"], *terms, **labels)
    if kind == "term":
        return a.term(node["key"], node["term"], node["definition"], get("term_en", ""), get("note", ""))
    if kind == "references":
        documents = node["references"] if isinstance(node["references"], list) else []
        if not all(isinstance(item, dict) and {"code", "title"} <= set(item) for item in documents):
            report.add(f"{path}.references", "must be a list of {“code”, “title”} objects")
            documents = []
        extra = {"title": get("title")} if get("title") else {}
        return a.references(node["key"], *((item["code"], item["title"]) for item in documents), **extra)
    if kind == "table":
        return a.table(node["caption"], node["rows"], key=get("key"))
    if kind == "example":
        return a.example(node["text"], get("kind", "example"), key=get("key"))
    return getattr(a, kind)(node["text"], key=get("key"))  # paragraph, note


def _rule(node, path, report):
    kinds = RuleStreamBlock.base_blocks
    if not isinstance(node, dict) or node.get("type") not in kinds:
        report.add(f"{path}.type", f"must be one of {', '.join(sorted(kinds))}")
        return {}
    params = {name: value for name, value in node.items() if name not in ("type", "key")}
    return a.rule(node["type"], key=node.get("key"), **params)


def _validation_problems(error, path, report):
    """Wagtail's nested block errors, each at the JSON path of the block that has it."""
    block_errors = getattr(error, "block_errors", None)
    if block_errors:
        for name, child in block_errors.items():
            child_path = f"{path}[{name}]" if isinstance(name, int) else f"{path}.{FILE_NAMES.get(name, name)}"
            _validation_problems(child, child_path, report)
        for message in getattr(error, "non_block_errors", []) or []:
            report.add(path, " ".join(ValidationError(message).messages))
        return
    for message in error.messages:
        report.add(path, message)


# -- writing -------------------------------------------------------------------------------------
def _version(parent, code, version):
    return StandardPage.objects.child_of(parent).filter(code=code, version=version).first()


def default_parent():
    return StandardIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


@transaction.atomic
def write(fields, body, parent, publish=False):
    """The version in ``fields`` created or updated under ``parent``; returns (page, created)."""
    existing = _version(parent, fields["code"], fields["version"])
    created = existing is None
    if created:
        slug = fields.get("slug") or slugify(f"{fields['code']} {fields['version']}", allow_unicode=True)
        page = StandardPage(slug=slug, live=publish)
    else:
        page = existing.get_latest_revision_as_object()
    dates = {"issued": "issued_date", "effective": "effective_date", "comments_close": "comments_close"}
    for name, value in fields.items():
        if name != "slug":
            setattr(page, dates.get(name, name), value)
    page.body = body
    if created:
        parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, created


def run_import(content, parent=None, publish=False):
    """Validate the file's bytes and, when there is no problem, write; returns the Report."""
    report = Report()
    parent = parent or default_parent()
    if parent is None:
        report.add("$", "there is no standards index page to import into; create one first")
        return report
    fields, body = validate(read(content), parent, report)
    if report.ok:
        report.page, report.created = write(fields, body, parent, publish=publish)
    return report
