"""What an import found wrong and what it wrote: the report every importer fills.

An import checks the whole file first and writes nothing unless nothing is wrong, so the report
collects every problem with where it is: the line of a spreadsheet (numbered as the office's
program shows it) or the place in a JSON document (``$.issues[0].title``, with its line when
known). Each importer keeps only the fields of its own on a subclass.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .spreadsheets import looks_like_formula


@dataclass
class Problem:
    message: str
    line: int | None = None
    path: str = ""

    @classmethod
    def at(cls, path, message, line=None):
        """A problem at a place in a JSON document."""
        return cls(message, line=line, path=path)

    def __str__(self):
        if self.path:  # the JSON imports' messages are English, like the paths they name
            where = f"line {self.line}: {self.path}" if self.line else self.path
            return f"{where}: {self.message}"
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Report:
    """A spreadsheet import's report: its problems by line, the rows it read, what it wrote."""

    problems: list = field(default_factory=list)
    records: list = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self):
        return not self.problems

    def add(self, line, message):
        self.problems.append(Problem(message, line=line))

    def check_columns(self, header, required):
        """A problem on the header line naming the required columns it lacks; whether all are there."""
        missing = [column for column in required if column not in header]
        if missing:
            self.add(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})
        return not missing

    def check_formulas(self, line, row):
        """A problem for each cell of the row that a spreadsheet program would run as a formula."""
        for column, text in row.items():
            if looks_like_formula(text or ""):
                self.add(
                    line,
                    _("%(column)s starts like a spreadsheet formula: “%(value)s” (remove the leading “%(sign)s”)")
                    % {"column": column, "value": text[:40], "sign": text[:1]},
                )
