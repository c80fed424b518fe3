"""Every interface string of the journal has a compiled Chinese translation."""

from pathlib import Path

from django.utils import translation

from tests.test_project import read_po

PO = Path(__file__).resolve().parents[2] / "journal" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_journal_strings_are_translated_and_compiled():
    entries = read_po(PO)
    assert len(entries) > 150
    problems = []
    with translation.override("zh-hans"):
        for entry in entries:
            if "fuzzy" in entry["flags"] or "msgid_plural" in entry:
                continue
            if not entry.get("msgstr"):
                problems.append(f"untranslated: {entry['msgid']}")
        assert translation.gettext("Cite this article") == "引用本文"
        assert translation.gettext("CLC number") == "中图分类号"
    assert problems == []
