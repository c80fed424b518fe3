"""The admin import with what offices have: templates, GBK CSV, Chinese headers and labels, Excel
dates, a file kept across a failed check, and links to what was written."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from courses.models import Category, CoursePage, LearningActivity

pytestmark = pytest.mark.django_db

CHINESE_COURSE_HEADER = (
    "课程编号,课程名称,课程类别,面向人群,地区,开课单位,学时,课次,入选年份,授课方式,简介,课程介绍,标签"
)
CHINESE_ACTIVITY_HEADER = [
    "课程编号",
    "活动名称",
    "场地",
    "场地地址",
    "地区",
    "开始时间",
    "结束时间",
    "名额",
    "主办单位",
]


@pytest.fixture
def admin_client(client, vocab, course_index):
    client.force_login(get_user_model().objects.create_superuser("office", password="x"))
    return client


def check(client, name, content, kind="courses", publish=True):
    data = {"kind": kind, "file": SimpleUploadedFile(name, content)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("courses_import"), data)


def confirm(client, checked):
    context = checked.context
    return client.post(
        reverse("courses_import"),
        {"token": context["token"], "filename": context["filename"], "kind": context["kind"], "publish": "1"},
    )


def test_a_gbk_csv_with_chinese_headers_and_the_admins_labels_imports(admin_client):
    rows = [
        CHINESE_COURSE_HEADER,
        "GB-1,越剧欣赏,传统文化,老年人、农民,杭州市/西湖区,,12,6,2026,礼堂面授,走进越剧。,,戏曲，非遗",
        "GB-2,手机支付,数字生活,老年人,宁波市,,8,4,2026,混合式,学会扫码支付。,,",
    ]
    checked = check(admin_client, "课程.csv", "\r\n".join(rows).encode("gbk"))

    assert checked.context["report"].ok, checked.context["report"].problems
    assert "GBK/GB18030" in checked.content.decode()
    done = confirm(admin_client, checked)

    opera, payment = CoursePage.objects.get(code="GB-1"), CoursePage.objects.get(code="GB-2")
    assert (opera.title, opera.mode, payment.mode) == ("越剧欣赏", "in_hall", "blended")
    assert sorted(tag.name for tag in opera.tags.all()) == ["戏曲", "非遗"]
    assert sorted(audience.slug for audience in opera.audiences.all()) == ["elderly", "farmers"]
    page = done.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[opera.pk]) in page and "越剧欣赏" in page


def test_an_xlsx_with_chinese_headers_and_excel_dates_imports(admin_client, make_course):
    make_course(code="XL-1", title="剪纸")
    book = Workbook()
    sheet = book.active
    sheet.append(CHINESE_ACTIVITY_HEADER)
    # a date cell as Excel saves it, a serial number as WPS leaves it in a general cell, and Chinese text
    sheet.append(
        [
            "XL-1",
            "剪纸第一讲",
            "梅林村文化礼堂",
            "",
            "杭州市/西湖区",
            datetime.datetime(2030, 3, 5, 14),
            47547.625,
            60,
            "",
        ]
    )
    sheet.append(["", "剪纸第二讲", "梅林村文化礼堂", "", "杭州市", "2030年3月6日 9:00", "2030/3/6 11:30", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)

    checked = check(admin_client, "活动.xlsx", buffer.getvalue(), kind="activities")
    assert checked.context["report"].ok, checked.context["report"].problems
    done = confirm(admin_client, checked)

    first, second = LearningActivity.objects.order_by("start")
    local = timezone.get_default_timezone()
    assert first.start == datetime.datetime(2030, 3, 5, 14, tzinfo=local)
    assert first.end == datetime.datetime(2030, 3, 5, 15, tzinfo=local)  # 47547.625 is 15:00 that day
    assert (second.start, second.end) == (
        datetime.datetime(2030, 3, 6, 9, tzinfo=local),
        datetime.datetime(2030, 3, 6, 11, 30, tzinfo=local),
    )
    assert first.course.code == "XL-1"
    assert f"/{first.pk}/" in done.content.decode()  # a link to the activity's edit page


def test_a_failed_check_keeps_the_file_to_check_again_after_the_fix(admin_client):
    rows = [CHINESE_COURSE_HEADER, "K-1,太极拳,运动健身,老年人,杭州市,,10,5,2026,在线,强身健体。,,"]
    failed = check(admin_client, "courses.csv", "\n".join(rows).encode())

    problems = [str(problem) for problem in failed.context["report"].problems]
    assert len(problems) == 1 and "运动健身" in problems[0]
    assert "传统文化" in problems[0] and "数字生活" in problems[0]  # the allowed categories are listed
    assert failed.context["pending"]["filename"] == "courses.csv"
    assert "courses.csv" in failed.content.decode()

    Category.objects.create(name="运动健身", slug="sport", sort_order=9)  # the editor fixes it in the admin
    rechecked = admin_client.post(reverse("courses_import"), {"action": "recheck"})
    assert rechecked.context["report"].ok
    confirm(admin_client, rechecked)
    assert CoursePage.objects.live().get(code="K-1").category.slug == "sport"


def test_errors_list_what_may_be_written(admin_client):
    rows = [
        CHINESE_COURSE_HEADER,
        "E-1,太极拳,传统文化,老年人,杭州市/鄞州区,,10,5,2026,飞行,强身健体。,,",
        "E-2,太极拳二,传统文化,外星人,火星市,,10,5,2026,在线,强身健体。,,",
    ]
    report = check(admin_client, "bad.csv", "\n".join(rows).encode()).context["report"]

    text = "\n".join(str(problem) for problem in report.problems)
    assert "西湖区" in text  # the counties of 杭州市, for a county of another city
    assert "礼堂面授" in text and "混合式" in text  # the delivery modes, as the admin names them
    assert "青少年" in text  # the audiences
    assert "宁波市" in text  # the cities
    assert not CoursePage.objects.exists()


@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_the_downloaded_template_has_chinese_headers_and_imports_once_filled(admin_client, extension):
    response = admin_client.get(reverse("courses_import_template", args=["courses", extension]))
    content = response.content
    if extension == "xlsx":
        header = [cell.value for cell in next(load_workbook(io.BytesIO(content)).active.iter_rows())]
    else:
        assert content.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 Chinese only with a BOM
        header = content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["课程编号", "课程名称", "课程类别"]

    checked = check(admin_client, f"template.{extension}", content)
    assert checked.context["report"].ok, checked.context["report"].problems
