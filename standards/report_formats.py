"""A conformance report as text (for people), JSON (for programs) and CSV (for spreadsheets)."""

import csv
import io
import json

from django.utils.translation import gettext as _

from cms.spreadsheets import formula_safe

from .rules import OUTCOMES

CSV_COLUMNS = [
    "course",
    "course_title",
    "lesson",
    "resource",
    "kind",
    "file",
    "resource_conforms",
    "clause",
    "clause_title",
    "clause_url",
    "level",
    "rule",
    "outcome",
    "message",
]


def _rows(report):
    for course in report.courses:
        for resource in course.resources:
            for result in resource.results:
                yield {
                    "course": course.key,
                    "course_title": course.title,
                    "lesson": str(resource.resource.lesson or ""),
                    "resource": resource.resource.title,
                    "kind": resource.resource.kind,
                    "file": resource.file_name,
                    "resource_conforms": "yes" if resource.conforms else "no",
                    "clause": result.rule.clause_number,
                    "clause_title": result.rule.clause_title,
                    "clause_url": result.rule.clause_url,
                    "level": result.rule.level,
                    "rule": result.rule.type,
                    "outcome": result.outcome,
                    "message": result.message,
                }


def to_csv(report):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in _rows(report):
        writer.writerow({key: formula_safe(value) for key, value in row.items()})
    return buffer.getvalue()


def to_json(report):
    data = {
        "standard": report.standard,
        "conforms": report.conforms,
        "totals": report.totals(),
        "courses": [
            {
                "course": course.key,
                "title": course.title,
                "url": course.url,
                "conforms": course.conforms,
                "resources": [
                    {
                        "title": resource.resource.title,
                        "lesson": str(resource.resource.lesson or ""),
                        "kind": resource.resource.kind,
                        "file": resource.file_name,
                        "conforms": resource.conforms,
                        "results": [
                            {
                                "rule": result.rule.type,
                                "rule_id": result.rule.id,
                                "clause": result.rule.clause_number,
                                "clause_url": result.rule.clause_url,
                                "level": result.rule.level,
                                "outcome": result.outcome,
                                "message": result.message,
                            }
                            for result in resource.results
                        ],
                    }
                    for resource in course.resources
                ],
            }
            for course in report.courses
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_text(report):
    lines = []
    standard = report.standard
    if standard:
        lines.append(f"{standard.get('title', '')} {standard.get('code', '')} ({standard.get('version', '')})")
    for course in report.courses:
        mark = _("conforms") if course.conforms else _("does not conform")
        lines.append("")
        lines.append(f"[{course.key}] {course.title}: {mark}")
        for resource in course.resources:
            mark = "✓" if resource.conforms else "✗"
            lines.append(f"  {mark} {resource.resource.title} ({resource.resource.kind}, {resource.file_name})")
            for result in resource.results:
                if result.outcome == "inapplicable":
                    continue
                lines.append(
                    f"      {result.outcome:<9} {result.rule.clause_number:<8} {result.rule.type}: {result.message}"
                )
    totals = report.totals()
    lines.append("")
    lines.append(
        _("%(resources)s resources in %(courses)s courses: %(conforming)s conform, %(nonconforming)s do not.") % totals
    )
    lines.append(", ".join(f"{outcome} {totals[outcome]}" for outcome in OUTCOMES))
    return "\n".join(lines) + "\n"


FORMATTERS = {"text": to_text, "json": to_json, "csv": to_csv}
