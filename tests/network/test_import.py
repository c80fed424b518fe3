"""Importing and exporting the directory: atomic, every bad row named with its line and the
allowed values, exports in the import's columns, formula-safe, contact data only on request."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from network.importer import export, run_import
from network.models import TOP_100, Expert, OrganisationPage, Volunteer

ORGANISATIONS = (
    "name,type,level,region,address,phone,email,website,introduction\n"
    "西湖区社区学院,社区学院,县,杭州市/西湖区,文三路 100 号,0571-88880000,office@example.org,https://example.org/,区级社区学院\n"
    "良渚文化体验基地,体验基地,乡镇街道,杭州市/余杭区,良渚街道,,,,\n"
)


def csv(text):
    return text.encode("utf-8")


def test_organisations_import_as_pages_and_update_on_name(directory, regions):
    report = run_import("organisations", csv(ORGANISATIONS), "orgs.csv", publish=True)
    assert report.ok and report.created == 2
    page = OrganisationPage.objects.get(title="西湖区社区学院")
    assert page.live and page.get_parent().pk == directory.pk
    assert page.kind == "community_college" and page.level == "county" and page.region == regions["西湖区"]
    again = run_import(
        "organisations", csv(ORGANISATIONS.replace("区级社区学院", "新的介绍")), "orgs.csv", publish=True
    )
    assert again.updated == 2 and again.created == 0
    assert OrganisationPage.objects.get(title="西湖区社区学院").introduction == "新的介绍"


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(directory):
    content = csv(
        "name,type,level,region,address,phone,email,website,introduction\n"
        "好的社区学院,社区学院,县,杭州市/西湖区,,,,,\n"
        "坏类型,学校,县,杭州市,,,,,\n"
        "坏地区,社区学校,县,火星市,,,,,\n"
        ",社区学校,镇,杭州市,,,not-an-email,ftp://x,\n"
    )
    report = run_import("organisations", content, "orgs.csv")
    messages = [str(problem) for problem in report.problems]
    assert not report.ok
    assert messages[0].startswith("第 3 行") and {problem.line for problem in report.problems} == {3, 4, 5}
    assert any("学校" in m and "社区学院、社区学校、研究基地、体验基地、培训中心、协会" in m for m in messages)
    assert any("火星市" in m for m in messages)
    line_5 = [str(problem) for problem in report.problems if problem.line == 5]
    assert len(line_5) == 4  # empty name, unknown level, bad e-mail, bad website
    assert any("省、市、县、乡镇街道、村社区" in m for m in line_5)
    assert OrganisationPage.objects.count() == 0


def test_formula_cells_are_refused(directory):
    content = csv('name,type\n=HYPERLINK("http://x"),社区学院\n')
    report = run_import("organisations", content, "orgs.csv")
    message = str(report.problems[0])
    assert not report.ok and ("formula" in message or "公式" in message)


def test_missing_columns_are_named(directory):
    report = run_import("experts", csv("name,title\n王建华,教授\n"), "experts.csv")
    assert (
        len(report.problems) == 1 and "organisation" in str(report.problems[0]) and "fields" in str(report.problems[0])
    )


def test_experts_import_with_vocabulary_check(db, regions):
    content = csv(
        "name,title,organisation,region,fields,public_profile,biography,phone,email,id_number\n"
        "王建华,教授,浙江开放大学,杭州市,社区教育理论；老年教育,是,长期研究社区教育,13912345678,w@example.org,330106198001010013\n"
        "李明,副教授,宁波大学,宁波市,航天工程,否,,,,330203197506120026\n"
    )
    report = run_import("experts", content, "experts.csv")
    messages = " ".join(str(problem) for problem in report.problems)
    assert "航天工程" in messages and "老年教育" in messages  # the unknown value and the allowed ones
    assert "ID" in messages or "身份证" in messages
    assert Expert.objects.count() == 0
    fixed = content.replace("航天工程".encode(), "课程开发".encode()).replace(b"120026", b"120025")
    report = run_import("experts", fixed, "experts.csv")
    assert report.ok, report.problems
    expert = Expert.objects.get(name="王建华")
    assert expert.public_profile and expert.phone == "13912345678"
    assert sorted(field.name for field in expert.fields.all()) == ["社区教育理论", "老年教育"]


def test_volunteers_import_with_honours(db, regions):
    content = csv(
        "name,organisation,region,service_hours,honours\n"
        "陈秀英,西湖区社区学校,杭州市/西湖区,320.5,2025 百佳；2023 优秀志愿者\n"
        "赵志强,鄞州区社区学院,宁波市/鄞州区,abc,二〇二五 百佳\n"
    )
    report = run_import("volunteers", content, "volunteers.csv")
    assert len(report.problems) == 2 and Volunteer.objects.count() == 0
    report = run_import("volunteers", content.replace(",abc,二〇二五 百佳".encode(), b",80,"), "volunteers.csv")
    assert report.ok, report.problems
    chen = Volunteer.objects.get(name="陈秀英")
    assert [(h.year, h.title) for h in chen.honours.all()] == [(2025, TOP_100), (2023, "优秀志愿者")]


def test_xlsx_import(db, regions):
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "organisation", "region", "service_hours", "honours"])
    sheet.append(["陈秀英", "西湖区社区学校", "杭州市/西湖区", 320.5, "2025 百佳"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert run_import("volunteers", buffer.getvalue(), "volunteers.xlsx").ok
    assert Volunteer.objects.get().service_hours == 320.5


def test_export_round_trips_and_hides_contacts_unless_asked(expert):
    expert.name = "=危险的名字"
    expert.save()
    content, _type, name = export("experts", "csv")
    text = content.decode("utf-8-sig")
    assert name == "experts.csv" and text.startswith(
        "name,title,organisation,region,fields,public_profile,biography\r\n"
    )
    assert "'=危险的名字" in text and "社区教育理论；老年教育" in text
    assert "13912345678" not in text and "330106198001010013" not in text
    with_contacts = export("experts", "xlsx", with_contacts=True)[0]
    rows = list(load_workbook(io.BytesIO(with_contacts)).active.iter_rows(values_only=True))
    assert rows[0][-3:] == ("phone", "email", "id_number") and rows[1][-1] == "330106198001010013"
    assert rows[1][0] == "=危险的名字"  # a string cell in the .xlsx, not a formula
    expert.name = "王建华"
    expert.save()
    plain = export("experts", "csv")[0]
    assert run_import("experts", plain, "experts.csv").updated == 1


def test_commands(tmp_path, directory, regions):
    source = tmp_path / "orgs.csv"
    source.write_text(ORGANISATIONS, encoding="utf-8")
    call_command("import_network", "organisations", str(source), "--publish")
    assert OrganisationPage.objects.live().count() == 2
    target = tmp_path / "out.xlsx"
    call_command("export_network", "organisations", str(target))
    assert load_workbook(target).active["A2"].value == "西湖区社区学院"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type\n坏类型,学校\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_network", "organisations", str(bad))
