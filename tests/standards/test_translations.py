"""The standards app's interface strings are all translated into Chinese and compiled."""

from pathlib import Path

from django.utils import translation

from tests.test_project import read_po

PO = Path(__file__).resolve().parents[2] / "standards" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def decode(text):
    return text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def test_standards_strings_are_translated_and_compiled():
    entries = read_po(PO)
    assert len(entries) > 200
    problems = []
    with translation.override("zh-hans"):
        for entry in entries:
            msgid, msgstr = decode(entry["msgid"]), decode(entry.get("msgstr", ""))
            if "fuzzy" in entry["flags"] or not msgstr:
                problems.append(f"untranslated: {msgid}")
            elif translation.gettext(msgid) != msgstr:
                problems.append(f"not compiled: {msgid}")
    assert problems == []
