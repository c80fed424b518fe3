"""The conformance report in the admin, and the standards menu."""

import csv
import io

import pytest

from .test_check_resources import checker_standard, no_source, source  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_summary_lists_each_course_and_detail_shows_outcomes_with_clause_links(admin_client, checker_standard, source):  # noqa: F811
    summary = admin_client.get("/admin/standards/conformance/")
    assert summary.status_code == 200
    text = summary.content.decode()
    assert "ZJ-2026-001" in text and "ZJ-2026-002" in text
    assert summary.context["totals"]["nonconforming"] == 2
    detail = admin_client.get("/admin/standards/conformance/?course=ZJ-2026-002")
    body = detail.content.decode()
    assert "认识土壤" in body and "/standards/checker/1.2/" in body
    assert [course.key for course in detail.context["report"].courses] == ["ZJ-2026-002"]


def test_csv_export(admin_client, checker_standard, source):  # noqa: F811
    response = admin_client.get("/admin/standards/conformance/?export=csv&course=ZJ-2026-001")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["course"] for row in rows} == {"ZJ-2026-001"}
    assert len(rows) == 2 * 4


def test_report_explains_a_missing_source_instead_of_failing(admin_client, checker_standard, no_source):  # noqa: F811
    response = admin_client.get("/admin/standards/conformance/")
    assert response.status_code == 200
    assert "cannot be read" in response.content.decode()


def test_report_needs_an_admin_login(client, checker_standard):  # noqa: F811
    assert client.get("/admin/standards/conformance/").status_code == 302


def test_admin_menu_has_the_standards_section(admin_client, home_page):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "/admin/standards/conformance/" in response.content.decode()


def test_editors_can_open_a_standard_in_the_page_editor(admin_client, draft_version):
    response = admin_client.get(f"/admin/pages/{draft_version.pk}/edit/")
    assert response.status_code == 200
    assert "video_min_height" in response.content.decode()
    index = draft_version.get_parent()
    assert admin_client.get(f"/admin/pages/add/standards/standardpage/{index.pk}/").status_code == 200
