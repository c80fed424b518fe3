"""`python manage.py format_references --style gb-t-7714-2025 [--system author-year] FILE.json|-`.

Prints the entries of a CSL-JSON list one per line, in input order, without ``[n]``: editors
check a manuscript's references with it, through the same functions the site formats with.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from journal.references import STYLES, SYSTEMS, bibliography_order, format_references
from journal.references.item import problems


class Command(BaseCommand):
    help = "Format a CSL-JSON list of references (FILE.json, or - for standard input), one entry per line."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON file holding a list of CSL-JSON items, or - to read standard input.")
        parser.add_argument("--style", choices=sorted(STYLES), default="gb-t-7714-2025")
        parser.add_argument(
            "--system", choices=SYSTEMS, default=SYSTEMS[0], help="numeric (顺序编码制) or author-year (著者-出版年制)."
        )
        parser.add_argument(
            "--sort", action="store_true", help="Print in the author-year list's order (language, author, year)."
        )

    @no_translations
    def handle(self, *args, file, style, system, sort, **options):
        items = self._read(file)
        found = [f"item {index}: {problem}" for index, item in enumerate(items) for problem in problems(item)]
        if found:
            raise CommandError("Cannot format the list:\n" + "\n".join(found))
        if sort:
            items = bibliography_order(items)
        for entry in format_references(items, style=style, system=system):
            self.stdout.write(entry)

    def _read(self, file):
        name = "standard input" if file == "-" else file
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {name}: {error}") from None
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"{name} is not valid JSON: {error}") from None
        if not isinstance(items, list):
            raise CommandError(f"{name} must hold a JSON list of CSL-JSON items, not a {type(items).__name__}.")
        return items
