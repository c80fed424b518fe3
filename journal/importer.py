"""Import back issues from JSON (see README): validate everything, then write in one transaction.

``validate`` collects every problem with its JSON path and line; ``write`` runs only when
there is none, so a bad file changes nothing. Issues match on (year, number), articles on
(issue, title) and people on (name, affiliation): importing the same file again updates
what is there and never duplicates it.
"""

import dataclasses
import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cms.core.import_report import Problem
from cms.core.spreadsheets import decode_text

from .jsonlines import JSONWithLines
from .models import ArticleAuthor, ArticlePage, IssuePage, JournalPage, Person, Section, validate_orcid
from .models.pages import DOI_PATTERN, PAGES_PATTERN
from .models.references import ArticleReference
from .names import chinese_name
from .references import parse_reference
from .references.item import problems as csl_problems
from .references.parse import EntryError

ISSUE_FIELDS = {"year": int, "volume": int, "number": int, "published": "date", "title": str, "introduction": str,
                "articles": list}  # fmt: skip
ISSUE_REQUIRED = {"year", "number", "published", "articles"}
ARTICLE_FIELDS = {
    "slug": str,
    "title": str,
    "title_en": str,
    "section": str,
    "authors": list,
    "abstract": str,
    "abstract_en": str,
    "keywords": "strings",
    "keywords_en": "strings",
    "pages": str,
    "doi": str,
    "clc": str,
    "doc_code": str,
    "article_number": str,
    "fund": str,
    "received": "date",
    "revised": "date",
    "published": "date",
    "body": str,
    "references": list,
    "pdf": str,
    "license": str,
}
ARTICLE_REQUIRED = {"title", "section", "authors"}
AUTHOR_FIELDS = {"name": str, "name_en": str, "affiliation": str, "affiliation_en": str, "orcid": str,
                 "email": str, "notes": str, "corresponding": bool}  # fmt: skip
AUTHOR_REQUIRED = {"name"}
SECTION_FIELDS = {"name": str, "name_en": str, "slug": str}
SECTION_REQUIRED = {"name", "slug"}
TYPE_NAMES = {int: "a whole number", str: "a string", list: "a list", bool: "true or false", dict: "an object"}


class ImportFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def read(path):
    """The parsed file; raises ImportFailed listing the problems if it cannot be used."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ImportFailed([Problem.at("$", f"cannot read the file: {error}")]) from None
    return parse(content, path.parent)


def parse(content, base_dir):
    """The parsed bytes of a file (UTF-8 with or without BOM, or GB18030), with PDFs named relative
    to ``base_dir``; raises ImportFailed listing the problems if it cannot be used."""
    text, _encoding = decode_text(content)
    if text is None:
        raise ImportFailed([Problem.at("$", "cannot read the file: it is neither UTF-8 nor GBK")])
    parser = JSONWithLines(text)
    try:
        data = parser.parse()
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [Problem.at("$", f"not valid JSON: {error.msg} (column {error.colno})", error.lineno)]
        ) from None
    problems = validate(data, Path(base_dir))
    for problem in problems:
        problem.line = problem.line or parser.lines.get(problem.path) or _nearest_line(parser.lines, problem.path)
    if problems:
        raise ImportFailed(sorted(problems, key=lambda problem: problem.line or 0))
    return data


def _nearest_line(lines, path):
    while path and path not in lines:
        path = path.rsplit(".", 1)[0] if "." in path else ""
    return lines.get(path)


def _check_fields(record, path, fields, required, problems):
    if not isinstance(record, dict):
        problems.append(Problem.at(path, "must be an object"))
        return False
    for key in sorted(required - set(record)):
        problems.append(Problem.at(f"{path}.{key}", "is missing"))
    for key in sorted(set(record) - set(fields)):
        problems.append(Problem.at(f"{path}.{key}", "is not a field this import knows"))
    for key, kind in fields.items():
        if key not in record:
            continue
        value, where = record[key], f"{path}.{key}"
        if kind == "date":
            if not isinstance(value, str) or not _date(value):
                problems.append(Problem.at(where, f"must be a date written YYYY-MM-DD, not {value!r}"))
        elif kind == "strings":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                problems.append(Problem.at(where, "must be a list of strings"))
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(
                Problem.at(where, f"must be {TYPE_NAMES[kind]}, not {json.dumps(value, ensure_ascii=False)}")
            )
    return True


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def validate(data, base_dir):
    """Every problem in the file, each with its JSON path; an empty list means it can be written."""
    problems = []
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        return [Problem.at("$.issues", "the file must be an object with a list of issues")]
    _check_sections(data.get("sections", []), problems)
    _check_people(data.get("people", []), problems)
    seen_issues = set()
    for i, issue in enumerate(data["issues"]):
        path = f"$.issues[{i}]"
        if not _check_fields(issue, path, ISSUE_FIELDS, ISSUE_REQUIRED, problems):
            continue
        key = (issue.get("year"), issue.get("number"))
        if key in seen_issues:
            problems.append(Problem.at(path, f"issue {key[0]} no. {key[1]} appears twice"))
        seen_issues.add(key)
        if isinstance(issue.get("year"), int) and not 1900 <= issue["year"] <= 2100:
            problems.append(Problem.at(f"{path}.year", "is not a plausible year"))
        titles = set()
        for a, article in enumerate(issue.get("articles") if isinstance(issue.get("articles"), list) else []):
            apath = f"{path}.articles[{a}]"
            if not _check_fields(article, apath, ARTICLE_FIELDS, ARTICLE_REQUIRED, problems):
                continue
            _check_article(article, apath, base_dir, problems)
            if article.get("title") in titles:
                problems.append(Problem.at(f"{apath}.title", "another article of this issue has the same title"))
            titles.add(article.get("title"))
    return problems


def _check_sections(sections, problems):
    if not isinstance(sections, list):
        problems.append(Problem.at("$.sections", "must be a list of sections"))
        return
    for i, section in enumerate(sections):
        path = f"$.sections[{i}]"
        if not _check_fields(section, path, SECTION_FIELDS, SECTION_REQUIRED, problems):
            continue
        if isinstance(section.get("slug"), str) and section["slug"] != slugify(section["slug"]):
            problems.append(Problem.at(f"{path}.slug", "may hold only lower-case letters, digits and hyphens"))


def _check_people(people, problems):
    """People listed before the issues (authors with their details, in the order to keep)."""
    if not isinstance(people, list):
        problems.append(Problem.at("$.people", "must be a list of people"))
        return
    fields = {name: kind for name, kind in AUTHOR_FIELDS.items() if name != "corresponding"}
    for i, person in enumerate(people):
        _check_person(person, f"$.people[{i}]", fields, problems)


def _check_person(person, path, fields, problems):
    if not _check_fields(person, path, fields, AUTHOR_REQUIRED, problems):
        return
    if isinstance(person.get("name"), str) and not person["name"].strip():
        problems.append(Problem.at(f"{path}.name", "is empty"))
    if isinstance(person.get("orcid"), str) and person["orcid"]:
        try:
            validate_orcid(person["orcid"])
        except ValidationError as error:
            problems.append(Problem.at(f"{path}.orcid", " ".join(error.messages)))


def _check_article(article, path, base_dir, problems):
    if isinstance(article.get("title"), str) and not article["title"].strip():
        problems.append(Problem.at(f"{path}.title", "is empty"))
    if isinstance(article.get("slug"), str) and article["slug"] != slugify(article["slug"]):
        problems.append(Problem.at(f"{path}.slug", "may hold only lower-case letters, digits and hyphens"))
    if isinstance(article.get("pages"), str) and article["pages"] and not PAGES_PATTERN.match(article["pages"]):
        problems.append(Problem.at(f"{path}.pages", "must look like 1-8"))
    if isinstance(article.get("doi"), str) and article["doi"] and not DOI_PATTERN.match(article["doi"]):
        problems.append(Problem.at(f"{path}.doi", "is not a DOI (10.xxxx/…)"))
    if isinstance(article.get("doc_code"), str) and article["doc_code"] not in ("", *"ABCDE"):
        problems.append(Problem.at(f"{path}.doc_code", "must be one of A, B, C, D, E"))
    if isinstance(article.get("pdf"), str) and article["pdf"]:
        pdf = (base_dir / article["pdf"]).resolve()
        if not pdf.is_file():
            problems.append(Problem.at(f"{path}.pdf", f"no such file: {article['pdf']}"))
    for n, author in enumerate(article.get("authors") if isinstance(article.get("authors"), list) else []):
        _check_person(author, f"{path}.authors[{n}]", AUTHOR_FIELDS, problems)
    for n, reference in enumerate(article.get("references") if isinstance(article.get("references"), list) else []):
        _check_reference(reference, f"{path}.references[{n}]", problems)


def _check_reference(reference, path, problems):
    """A reference is a GB/T 7714 entry (a string) or a CSL-JSON object."""
    if isinstance(reference, str):
        try:
            parse_reference(reference)
        except EntryError as error:
            problems.append(Problem.at(path, f"cannot be read as a GB/T 7714 entry: {error}"))
    elif isinstance(reference, dict):
        problems.extend(Problem.at(path, problem) for problem in csl_problems(reference))
    else:
        problems.append(Problem.at(path, "must be a GB/T 7714 entry (a string) or a CSL-JSON object"))


def _reference_rows(references):
    items = [parse_reference(entry) if isinstance(entry, str) else entry for entry in references]
    return [ArticleReference.from_csl(item, sort_order=order) for order, item in enumerate(items)]


# Writing -------------------------------------------------------------------------------


@dataclass
class Outcome:
    journal: JournalPage
    issues_created: int = 0
    issues_updated: int = 0
    articles_created: int = 0
    articles_updated: int = 0
    changed: list = dataclasses.field(default_factory=list)  # (page, created) for every issue and article written


def find_or_create_journal(home, slug=None):
    default = Locale.get_default()
    if slug:
        journal = JournalPage.objects.filter(slug=slug, locale=default).first()
        if journal is None:
            raise ImportFailed([Problem.at("--journal", f"no journal with the slug {slug!r}")])
        return journal
    journal = JournalPage.objects.filter(locale=default).order_by("path").first()
    if journal is None:
        journal = JournalPage(title="社区教育研究", title_en="Community Education Research", slug="journal")
        home.add_child(instance=journal)
        journal.save_revision().publish()
    return journal


def write(data, base_dir, home, journal_slug=None, publish=False, progress=None, user=None):
    """Write a validated file in one transaction; returns an ``Outcome``. With a ``user`` the
    revisions are theirs (whether they may publish is the caller's check, as for the commands)."""
    base_dir = Path(base_dir)
    total = sum(len(issue["articles"]) for issue in data["issues"])
    done = 0
    with transaction.atomic():
        journal = find_or_create_journal(home, journal_slug)
        outcome = Outcome(journal)
        for order, section in enumerate(data.get("sections", []), start=1):
            _named_section(section, order)
        for person in data.get("people", []):
            _person(person)
        for issue_data in data["issues"]:
            issue, created = _issue(journal, issue_data, publish, user)
            outcome.issues_created += created
            outcome.issues_updated += not created
            outcome.changed.append((issue, created))
            for article_data in issue_data["articles"]:
                article, created = _article(issue, article_data, base_dir, publish, user)
                outcome.articles_created += created
                outcome.articles_updated += not created
                outcome.changed.append((article, created))
                done += 1
                if progress:
                    progress(done, total, issue.title)
    return outcome


def _save(page, parent, publish, user=None):
    if page.pk is None:
        page.live = False
        parent.add_child(instance=page)
    revision = page.save_revision(user=user)  # without --publish a live page keeps its published version
    if publish:
        revision.publish(user=user)
    return page


def _issue(journal, data, publish, user):
    issue = IssuePage.objects.child_of(journal).filter(year=data["year"], number=data["number"]).first()
    created = issue is None
    if created:
        issue = IssuePage(year=data["year"], number=data["number"], slug=f"{data['year']}-{data['number']}")
    issue.title = data.get("title") or f"{data['year']}年第{data['number']}期"
    issue.volume = data.get("volume")
    if "introduction" in data:
        issue.introduction = data["introduction"]
    issue.published_date = _date(data["published"])
    return _save(issue, journal, publish, user), created


def _section(name):
    section = Section.objects.filter(name=name).first()
    if section is None:
        slug = slugify(name) or f"section-{Section.objects.count() + 1}"
        while Section.objects.filter(slug=slug).exists():
            slug = f"{slug}-{Section.objects.count() + 1}"
        section = Section.objects.create(name=name, slug=slug, sort_order=Section.objects.count() + 1)
    return section


def _named_section(data, order):
    """A section the file lists with its slug and English name, in the file's order."""
    section = Section.objects.filter(slug=data["slug"]).first() or Section(slug=data["slug"])
    section.name, section.name_en, section.sort_order = data["name"], data.get("name_en", ""), order
    section.save()


def _person(data):
    name, affiliation = chinese_name(data["name"]), data.get("affiliation", "").strip()
    person = Person.objects.filter(name=name, affiliation=affiliation).first() or Person(
        name=name, affiliation=affiliation
    )
    changed = person.pk is None
    for field in ("name_en", "affiliation_en", "orcid", "email", "notes"):
        if data.get(field) and getattr(person, field) != data[field].strip():
            setattr(person, field, data[field].strip())
            changed = True
    if changed:  # the same author on many articles is written once
        person.save()
    return person


def _pdf(base_dir, relative, title):
    Document = get_document_model()
    path = (base_dir / relative).resolve()
    digest = hashlib.sha1(path.read_bytes()).hexdigest()
    existing = Document.objects.filter(file_hash=digest).first()
    if existing is not None:
        return existing
    with path.open("rb") as handle:
        document = Document(title=title, file_hash=digest, file_size=path.stat().st_size)
        document.file.save(path.name, File(handle), save=False)
        document.save()
    return document


def _body(text):
    """Blank-line separated paragraphs; a chunk starting with ``## `` is a heading."""
    blocks = []
    for chunk in (chunk.strip() for chunk in (text or "").split("\n\n")):
        if chunk.startswith("## "):
            blocks.append(("heading", {"text": chunk[3:].strip(), "level": "h2"}))
        elif chunk:
            blocks.append(("paragraph", "".join(f"<p>{escape(line)}</p>" for line in chunk.splitlines())))
    return blocks


def _article(issue, data, base_dir, publish, user):
    article = ArticlePage.objects.child_of(issue).filter(title=data["title"].strip()).first()
    created = article is None
    if created:
        slug = data.get("slug") or f"article-{ArticlePage.objects.count() + 1}"
        article = ArticlePage(title=data["title"].strip(), slug=slug)
        while ArticlePage.objects.filter(slug=article.slug).exists():
            article.slug += "-1"
    article.title_en = data.get("title_en", "")
    article.section = _section(data["section"].strip())
    article.abstract = data.get("abstract", "")
    article.abstract_en = data.get("abstract_en", "")
    article.keywords = "；".join(data.get("keywords", []))
    article.keywords_en = "; ".join(data.get("keywords_en", []))
    article.pages = data.get("pages", "")
    article.doi = data.get("doi", "")
    article.clc_number = data.get("clc", "")
    article.document_code = data.get("doc_code", "")
    article.article_number = data.get("article_number", "")
    article.funding = data.get("fund", "")
    article.received_date = _date(data["received"]) if data.get("received") else None
    article.revised_date = _date(data["revised"]) if data.get("revised") else None
    # Only an article published before its issue (online first) has a date of its own.
    article.published_date = _date(data["published"]) if data.get("published") else None
    article.reference_entries = _reference_rows(data.get("references", []))
    article.body = _body(data.get("body", ""))
    if data.get("license"):
        article.license = data["license"]
    if data.get("pdf"):
        article.pdf = _pdf(base_dir, data["pdf"], f"{article.title} PDF")
    people = [_person(author) for author in data["authors"]]
    corresponding = [bool(author.get("corresponding")) for author in data["authors"]]
    article.authorships.clear()
    for order, (person, is_corresponding) in enumerate(zip(people, corresponding, strict=True)):
        article.authorships.add(ArticleAuthor(person=person, sort_order=order, is_corresponding=is_corresponding))
    return _save(article, issue, publish, user), created
