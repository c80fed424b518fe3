"""The catalog's interface reads in both languages (completeness: tests/test_project.py)."""

import pytest
from django.utils import translation


@pytest.mark.parametrize(("language", "label"), [("zh-hans", "即将开始"), ("en", "Starting soon")])
def test_catalog_interface_in_both_languages(language, label):
    from courses.activity_list import AVAILABILITY

    with translation.override(language):
        assert str(AVAILABILITY["soon"]) == label
