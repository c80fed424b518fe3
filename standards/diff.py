"""What changed between two versions of a standard: clauses added, removed and changed.

Clauses are matched by their stable id (the block id kept when a version is copied), not by
number, so a clause that moved from 5.2 to 5.3 is the same clause, renumbered.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe


@dataclass
class ClauseChange:
    old: object
    new: object
    fields: list = field(default_factory=list)

    @property
    def renumbered(self):
        return self.old.number != self.new.number

    @property
    def text_diff(self):
        return inline_diff(self.old.text, self.new.text)


@dataclass
class Changes:
    added: list
    removed: list
    changed: list
    renumbered: list

    @property
    def empty(self):
        return not (self.added or self.removed or self.changed)


def _signature(clause):
    return {
        "title": clause.title,
        "text": clause.text,
        "level": clause.level or "",
        "normative": clause.normative,
        "rules": [(rule["type"], rule["params"]) for requirement in clause.requirements for rule in requirement.rules],
    }


def compare(old_document, new_document):
    old = {clause.id: clause for clause in old_document.clauses}
    new = {clause.id: clause for clause in new_document.clauses}
    added = [clause for clause in new_document.clauses if clause.id not in old]
    removed = [clause for clause in old_document.clauses if clause.id not in new]
    changed, renumbered = [], []
    for clause in new_document.clauses:
        before = old.get(clause.id)
        if before is None:
            continue
        old_signature, new_signature = _signature(before), _signature(clause)
        fields = [name for name in new_signature if old_signature[name] != new_signature[name]]
        if fields:
            changed.append(ClauseChange(before, clause, fields))
        elif before.number != clause.number:
            renumbered.append(ClauseChange(before, clause))
    return Changes(added, removed, changed, renumbered)


def inline_diff(old, new):
    """Character-level diff (right for Chinese, which has no spaces) as <del>/<ins> HTML."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    parts = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(old[a1:a2]))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(old[a1:a2])}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(new[b1:b2])}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped
