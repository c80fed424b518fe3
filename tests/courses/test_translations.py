"""Every interface string of the courses app is translated into Chinese, and the catalogue is compiled."""

from pathlib import Path

import pytest
from django.utils import translation

from tests.test_project import read_po

PO_FILE = Path(__file__).resolve().parents[2] / "courses" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def _text(escaped):
    return escaped.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def test_courses_strings_translated_and_compiled():
    entries = read_po(PO_FILE)
    assert len(entries) > 200
    problems = []
    with translation.override("zh-hans"):
        for entry in entries:
            if "fuzzy" in entry["flags"]:
                problems.append(f"fuzzy: {entry['msgid']}")
            if "msgid_plural" in entry:
                if not entry.get("msgstr[0]"):
                    problems.append(f"untranslated: {entry['msgid']}")
                continue
            if not entry.get("msgstr"):
                problems.append(f"untranslated: {entry['msgid']}")
                continue
            msgid, msgstr = _text(entry["msgid"]), _text(entry["msgstr"])
            if "msgctxt" in entry:
                shown = translation.pgettext(_text(entry["msgctxt"]), msgid)
            else:
                shown = translation.gettext(msgid)
            if shown != msgstr:
                problems.append(f"not compiled or overridden: {msgid!r} shows {shown!r}")
    assert problems == []


@pytest.mark.parametrize(("language", "label"), [("zh-hans", "即将开始"), ("en", "Starting soon")])
def test_catalog_interface_in_both_languages(language, label):
    from courses.activity_list import AVAILABILITY

    with translation.override(language):
        assert str(AVAILABILITY["soon"]) == label
