"""The demo standard loads fast, twice without duplicates, and has what the issue asks for."""

import io
import time

import pytest

from demo import standards as demo
from standards.diff import compare
from standards.models import StandardPage

pytestmark = pytest.mark.django_db


def test_demo_standard_is_complete_and_idempotent(home_page, client):
    started = time.monotonic()
    demo.load(home_page, io.StringIO())
    assert time.monotonic() - started < 20
    demo.load(home_page, io.StringIO())
    versions = StandardPage.objects.order_by("issued_date")
    assert versions.count() == 2
    draft, published = versions
    document = published.specific.document
    assert len(document.chapters) >= 6
    assert len(document.clauses) >= 40
    assert len(document.terms) >= 5
    assert len(document.annexes) == 2 and document.annexes[0].normative and not document.annexes[1].normative
    assert sum(len(r.rules) for r in document.requirements) >= 10
    changes = compare(draft.specific.document, document)
    assert changes.added and changes.removed and changes.changed
    assert client.get(published.url).status_code == 200
    assert client.get(published.url + "changes/").status_code == 200
    assert client.get(published.url + "5.4.1/").status_code == 200


@pytest.mark.parametrize("name", ["standard-2026-draft.json", "standard-2026.json"])
def test_demo_body_passes_the_validation_editors_meet_in_the_admin(name):
    from demo.pages import data_file
    from standards import importer

    report = importer.Report()  # validate() runs StandardBodyBlock.clean, as the admin does
    importer.validate(importer.read(data_file(name).read_bytes()), None, report)
    assert report.ok, report.problems


def test_duration_rule_needs_a_bound_and_an_order():
    from django.core.exceptions import ValidationError

    from standards.rule_blocks import DurationRule

    rule = DurationRule()
    with pytest.raises(ValidationError):
        rule.clean(rule.to_python({"kinds": ["video"], "min_minutes": None, "max_minutes": None}))
    with pytest.raises(ValidationError):
        rule.clean(rule.to_python({"kinds": ["video"], "min_minutes": 20, "max_minutes": 5}))
    assert rule.clean(rule.to_python({"kinds": ["video"], "min_minutes": 5, "max_minutes": 20}))


def test_examples_page_shows_two_generated_videos_checked_against_the_standard(home_page, client):
    from home.models import ContentPage

    demo.load(home_page, io.StringIO())
    examples = ContentPage.objects.get(slug="examples")
    page = client.get(examples.url).content.decode()
    assert "符合标准的示例视频（符合）" in page
    assert "不符合标准的示例视频（不符合）" in page
    assert "高度360像素（要求不低于720）" in page
    demo.load(home_page, io.StringIO())
    from wagtail.documents import get_document_model

    assert get_document_model().objects.filter(title__contains="示例视频").count() == 2
