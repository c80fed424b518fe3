"""Number a standard's body: chapters 1, 2…, clauses 5.1.2, terms 3.1, annexes A, A.1, tables 表1.

Numbers are derived from the nesting and order of the blocks every time, so inserting or
moving a clause renumbers everything after it, while each clause keeps its block id, the
stable key that permalinks and the version diff rely on.
"""

import string
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import strip_tags

from .blocks import Level

LEVEL_STRENGTH = {Level.SHALL: 3, Level.SHOULD: 2, Level.MAY: 1}


@dataclass
class Item:
    """One piece of a clause's own content, with the label GB/T 1.1 gives it (注1：, 表2…)."""

    kind: str
    id: str
    value: object
    label: str = ""
    requirement: "Requirement" = None

    @property
    def text(self):
        if self.kind == "paragraph":
            return strip_tags(self.value.source).strip()
        if self.kind == "table":
            rows = (self.value.get("table") or {}).get("data") or []
            cells = " ".join(str(cell) for row in rows for cell in row if cell)
            return f"{self.label} {self.value['caption']} {cells}".strip()
        text = self.value["text"]
        return f"{self.label}{text}" if self.kind in ("note", "example") else text


@dataclass
class Requirement:
    id: str
    level: str
    text: str
    check_method: str
    rules: list
    clause: "Clause" = None

    @property
    def word(self):
        return Level.WORDS.get(self.level, "")


@dataclass
class Clause:
    id: str
    number: str
    title: str
    kind: str
    depth: int
    normative: bool
    parent: "Clause" = None
    items: list = field(default_factory=list)
    children: list = field(default_factory=list)
    requirements: list = field(default_factory=list)
    explanation: object = None
    definition: str = ""
    term_en: str = ""

    @property
    def anchor(self):
        return f"clause-{self.number}"

    @property
    def heading_level(self):
        return min(self.depth + 1, 6)

    @property
    def heading(self):
        if self.kind == "annex":
            nature = "规范性" if self.normative else "资料性"
            return f"附录{self.number}（{nature}）{self.title}"
        return f"{self.number} {self.title}".strip()

    @property
    def text(self):
        if self.kind == "term":
            return self.definition
        return "\n".join(item.text for item in self.items if item.text)

    @property
    def level(self):
        levels = [r.level for r in self.requirements]
        return max(levels, key=LEVEL_STRENGTH.get) if levels else None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Section:
    """An unnumbered part: 前言, 引言, 参考文献."""

    id: str
    kind: str
    title: str
    body: object


@dataclass
class Document:
    front: list = field(default_factory=list)
    chapters: list = field(default_factory=list)
    annexes: list = field(default_factory=list)
    back: list = field(default_factory=list)
    references: list = field(default_factory=list)

    @property
    def top(self):
        return self.chapters + self.annexes

    @property
    def clauses(self):
        return [clause for top in self.top for clause in top.walk()]

    @property
    def terms(self):
        return [clause for clause in self.clauses if clause.kind == "term"]

    @property
    def requirements(self):
        return [requirement for clause in self.clauses for requirement in clause.requirements]

    def by_number(self, number):
        return next((clause for clause in self.clauses if clause.number == number), None)

    def by_id(self, clause_id):
        return next((clause for clause in self.clauses if clause.id == clause_id), None)


def plain(value):
    """Block values as JSON-friendly data (decimals as numbers)."""
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "items"):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


class _TableCounter:
    def __init__(self, prefix=""):
        self.prefix, self.count = prefix, 0

    def next(self):
        self.count += 1
        return f"表{self.prefix}{self.count}"


def _label_items(clause, content, tables):
    notes = [child for child in content if child.block_type == "note"]
    examples = [child for child in content if child.block_type == "example"]
    note_number = example_number = 0
    for child in content:
        kind = child.block_type
        item = Item(kind=kind, id=child.id, value=child.value)
        if kind == "note":
            note_number += 1
            item.label = "注：" if len(notes) == 1 else f"注{note_number}："
        elif kind == "example":
            example_number += 1
            item.label = "示例：" if len(examples) == 1 else f"示例{example_number}："
        elif kind == "table":
            item.label = tables.next()
        elif kind == "requirement":
            value = child.value
            item.requirement = Requirement(
                id=child.id,
                level=value["level"],
                text=value["text"],
                check_method=value["check_method"],
                rules=[
                    {"id": rule.id, "type": rule.block_type, "params": plain(rule.value)}
                    for rule in value["rules"] or []
                ],
                clause=clause,
            )
            clause.requirements.append(item.requirement)
        if kind != "clause":
            clause.items.append(item)


def _build_clause(child, number, depth, parent, normative, tables, kind="clause"):
    value = child.value
    clause = Clause(
        id=child.id,
        number=number,
        title=value["title"] or "",
        kind=kind,
        depth=depth,
        normative=normative,
        parent=parent,
        explanation=value["explanation"] or None,
    )
    content = list(value["content"] or [])
    _label_items(clause, content, tables)
    position = 0
    for sub in content:
        if sub.block_type == "clause":
            position += 1
            clause.children.append(_build_clause(sub, f"{number}.{position}", depth + 1, clause, normative, tables))
    return clause


def outline(body):
    """The numbered structure of a ``StandardBodyBlock`` value."""
    document = Document()
    chapter_number = 0
    annex_letters = iter(string.ascii_uppercase)
    tables = _TableCounter()
    for child in body:
        kind, value = child.block_type, child.value
        if kind in ("foreword", "introduction", "bibliography"):
            section = Section(id=child.id, kind=kind, title=value["title"], body=value["body"])
            (document.back if kind == "bibliography" else document.front).append(section)
        elif kind == "chapter":
            chapter_number += 1
            document.chapters.append(_build_clause(child, str(chapter_number), 1, None, True, tables, "chapter"))
        elif kind == "references":
            chapter_number += 1
            chapter = Clause(child.id, str(chapter_number), value["title"], "references", 1, True)
            chapter.items.append(Item("lead", f"{child.id}-lead", {"text": value["introduction"]}))
            document.references = [plain(reference) for reference in value["references"]]
            document.chapters.append(chapter)
        elif kind == "terms":
            chapter_number += 1
            chapter = Clause(child.id, str(chapter_number), value["title"], "terms", 1, True)
            chapter.definition = value["introduction"]
            for position, term in enumerate(value["terms"], start=1):
                chapter.children.append(
                    Clause(
                        id=term.id,
                        number=f"{chapter_number}.{position}",
                        title=term.value["term"],
                        kind="term",
                        depth=2,
                        normative=True,
                        parent=chapter,
                        definition=term.value["definition"],
                        term_en=term.value["term_en"],
                        items=[Item("note", f"{term.id}-note", {"text": term.value["note"]}, "注：")]
                        if term.value["note"]
                        else [],
                    )
                )
            document.chapters.append(chapter)
        elif kind == "annex":
            letter = next(annex_letters)
            document.annexes.append(
                _build_clause(child, letter, 1, None, bool(value["normative"]), _TableCounter(f"{letter}."), "annex")
            )
    return document
