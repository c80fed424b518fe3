"""The journal's scholarly vocabulary reads as Chinese researchers expect (completeness: tests/test_project.py)."""

from django.utils import translation


def test_journal_terms_in_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Cite this article") == "引用本文"
        assert translation.gettext("CLC number") == "中图分类号"
