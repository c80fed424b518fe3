"""Apply a standard's rules to course resources and report per course and per resource.

The rules come from the clauses JSON (``standards.export``), the same document readers
download. Resources are any iterable of objects shaped like ``courses.resources.CourseResource``
(course, lesson, kind, title, file, source, captions, metadata), so the checker does not
depend on the course catalog; ``standards.sources`` connects it to the catalog.

A resource conforms when none of the 应 (shall) rules failed; cantTell results are counted
and shown so editors can look at those files, but they are not failures.
"""

from dataclasses import dataclass, field

from .blocks import Level
from .rules import FAILED, OUTCOMES, Probes, evaluate


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    params: dict
    level: str
    clause_id: str
    clause_number: str
    clause_title: str
    clause_url: str


def rules_from_json(data):
    """Every machine-checkable rule in a standard's clauses JSON, in clause order."""
    return [
        Rule(
            id=check["id"],
            type=check["type"],
            params=check.get("params") or {},
            level=check.get("level") or Level.SHALL,
            clause_id=clause["id"],
            clause_number=clause["number"],
            clause_title=clause.get("title", ""),
            clause_url=clause.get("url", ""),
        )
        for clause in data["clauses"]
        for check in clause.get("check", [])
    ]


@dataclass
class Result:
    rule: Rule
    outcome: str
    message: str


@dataclass
class ResourceReport:
    resource: object
    results: list = field(default_factory=list)

    @property
    def failed_shall(self):
        return [r for r in self.results if r.outcome == FAILED and r.rule.level == Level.SHALL]

    @property
    def conforms(self):
        return not self.failed_shall

    def count(self, outcome):
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def file_name(self):
        return getattr(self.resource.file, "name", "") or ""


@dataclass
class CourseReport:
    key: str
    title: str
    url: str
    resources: list = field(default_factory=list)

    @property
    def conforms(self):
        return all(resource.conforms for resource in self.resources)

    @property
    def nonconforming(self):
        return sum(1 for resource in self.resources if not resource.conforms)


@dataclass
class Report:
    standard: dict
    rules: list
    courses: list = field(default_factory=list)

    @property
    def resources(self):
        return [resource for course in self.courses for resource in course.resources]

    @property
    def conforms(self):
        return all(course.conforms for course in self.courses)

    def totals(self):
        results = [result for resource in self.resources for result in resource.results]
        counts = {outcome: sum(1 for r in results if r.outcome == outcome) for outcome in OUTCOMES}
        return {
            "courses": len(self.courses),
            "resources": len(self.resources),
            "conforming": sum(1 for resource in self.resources if resource.conforms),
            "nonconforming": sum(1 for resource in self.resources if not resource.conforms),
            **counts,
        }


def course_key(course):
    for attribute in ("code", "slug", "pk"):
        value = getattr(course, attribute, None)
        if value not in (None, ""):
            return str(value)
    return str(course)


def _course_url(course):
    url = getattr(course, "url", "")
    return url if isinstance(url, str) else ""


def check_resource(resource, rules):
    probes = Probes(resource)
    report = ResourceReport(resource)
    for rule in rules:
        outcome = evaluate(rule.type, rule.params, probes)
        report.results.append(Result(rule, outcome.outcome, outcome.message))
    return report


def check(resources, rules, standard=None, progress=None):
    """A ``Report`` of ``rules`` applied to each resource; ``progress(done, total, resource)`` is told of each."""
    resources = list(resources)
    report = Report(standard=standard or {}, rules=list(rules))
    courses = {}
    for done, resource in enumerate(resources, start=1):
        key = course_key(resource.course)
        if key not in courses:
            courses[key] = CourseReport(
                key=key, title=str(getattr(resource.course, "title", resource.course)), url=_course_url(resource.course)
            )
            report.courses.append(courses[key])
        courses[key].resources.append(check_resource(resource, report.rules))
        if progress is not None:
            progress(done, len(resources), resource)
    return report
