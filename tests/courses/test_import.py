"""import_courses / import_activities: happy path, re-import updates, every bad row reported, nothing written."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from courses.models import CoursePage, LearningActivity, Provider, Venue

COURSE_HEADER = "code,title,category,audience,region,provider,hours,lessons,year,mode,summary,description,tags"
ACTIVITY_HEADER = "course_code,title,venue,venue_address,region,start,end,capacity,organiser"


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _run(command, path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _fail(command, path):
    """The problems a failing import prints, in English (commands speak the active language)."""
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command(command, path, stdout=io.StringIO(), stderr=err)
    return err.getvalue(), str(raised.value)


GOOD_COURSES = [
    COURSE_HEADER,
    "ZJ2019-001,越剧欣赏,传统文化,老年人;农民,杭州市/西湖区,西湖区社区学院,12,6,2019 第一批,线下,"
    '走进越剧的唱腔与身段。,"第一段\n第二段",戏曲;非遗',
    "ZJ2019-002,智能手机入门,digital,elderly,宁波市,,8,4,2019,online,学会用手机挂号和支付。,,数字生活",
]


@pytest.fixture
def courses_csv(tmp_path, vocab, course_index):
    return _write(tmp_path, "courses.csv", GOOD_COURSES)


def test_import_courses_happy_path_drafts_then_publish(courses_csv, course_index):
    out, _err = _run("import_courses", courses_csv)
    assert "2 courses created" in out
    opera = CoursePage.objects.get(code="ZJ2019-001")
    assert not opera.live
    assert (opera.year, opera.batch, opera.mode, opera.hours, opera.lesson_count) == (2019, "第一批", "in_hall", 12, 6)
    assert (opera.city.name, opera.county.name) == ("杭州市", "西湖区")
    assert Provider.objects.filter(name="西湖区社区学院").exists()
    latest = opera.get_latest_revision_as_object()
    assert sorted(a.slug for a in latest.audiences.all()) == ["elderly", "farmers"]
    assert sorted(t.name for t in latest.tags.all()) == ["戏曲", "非遗"]

    out, _err = _run("import_courses", courses_csv, "--publish")
    assert "0 courses created, 2 updated" in out
    assert CoursePage.objects.count() == 2
    assert CoursePage.objects.live().count() == 2


def test_reimport_updates_by_code(courses_csv, tmp_path, course_index):
    _run("import_courses", courses_csv, "--publish")
    changed = _write(
        tmp_path,
        "changed.csv",
        [COURSE_HEADER, "ZJ2019-001,越剧艺术欣赏,传统文化,老年人,杭州市/上城区,,16,8,2020,混合,新的简介。,,"],
    )
    _run("import_courses", changed, "--publish")
    opera = CoursePage.objects.get(code="ZJ2019-001")
    assert (opera.title, opera.county.name, opera.year, opera.mode, opera.hours) == (
        "越剧艺术欣赏",
        "上城区",
        2020,
        "blended",
        16,
    )
    assert CoursePage.objects.filter(code="ZJ2019-001").count() == 1
    assert opera.url_path.endswith("/zj2019-001/")  # the slug, and so the URL, is kept


def test_import_xlsx(tmp_path, vocab, course_index):
    book = Workbook()
    sheet = book.active
    sheet.append(COURSE_HEADER.split(","))
    sheet.append(["X-1", "剪纸", "传统文化", "老年人", "绍兴市/越城区", "", 6, 3, 2021, "线下", "剪纸入门。", "", ""])
    path = tmp_path / "courses.xlsx"
    book.save(path)
    _run("import_courses", str(path), "--publish")
    assert CoursePage.objects.live().get(code="X-1").hours == 6


BAD_COURSE_ROWS = {
    "unknown region": ("B1,标题,传统文化,老年人,火星市/某区,,1,1,2019,线下,简介,,", "unknown region"),
    "county outside the city": ("B2,标题,传统文化,老年人,杭州市/鄞州区,,1,1,2019,线下,简介,,", "unknown region"),
    "unknown category": ("B3,标题,烹饪,老年人,杭州市,,1,1,2019,线下,简介,,", "unknown category"),
    "unknown audience": ("B4,标题,传统文化,外星人,杭州市,,1,1,2019,线下,简介,,", "unknown audience"),
    "bad year": ("B5,标题,传统文化,老年人,杭州市,,1,1,明年,线下,简介,,", "bad year"),
    "bad hours": ("B6,标题,传统文化,老年人,杭州市,,很多,1,2019,线下,简介,,", "hours is not a number"),
    "bad lessons": ("B7,标题,传统文化,老年人,杭州市,,1,-3,2019,线下,简介,,", "lessons is not a whole number"),
    "bad mode": ("B8,标题,传统文化,老年人,杭州市,,1,1,2019,飞行,简介,,", "unknown delivery mode"),
    "empty title": ("B9,,传统文化,老年人,杭州市,,1,1,2019,线下,简介,,", "title is empty"),
    "duplicate code": ("ZJ2019-001,重复,传统文化,老年人,杭州市,,1,1,2019,线下,简介,,", "is also on line 2"),
}


@pytest.mark.parametrize("case", BAD_COURSE_ROWS)
def test_each_bad_course_row_writes_nothing(case, tmp_path, vocab, course_index):
    row, message = BAD_COURSE_ROWS[case]
    path = _write(tmp_path, "bad.csv", GOOD_COURSES + [row])
    err, summary = _fail("import_courses", path)
    assert "nothing was imported" in summary
    assert "line 5: " in err and message in err  # the second course's quoted description spans two lines
    assert not CoursePage.objects.exists() and list(Provider.objects.all()) == [vocab["provider"]]


def test_every_bad_row_is_reported_at_once(tmp_path, vocab, course_index):
    rows = [row for row, _message in BAD_COURSE_ROWS.values()]
    err, summary = _fail("import_courses", _write(tmp_path, "bad.csv", GOOD_COURSES + rows))
    for line in range(5, 5 + len(rows)):
        assert f"line {line}: " in err
    assert not CoursePage.objects.exists()


def test_missing_column_and_unreadable_files(tmp_path, vocab, course_index):
    header = COURSE_HEADER.replace(",tags", "")
    err, _summary = _fail("import_courses", _write(tmp_path, "short.csv", [header, "A,b"]))
    assert "line 1: " in err and "tags" in err
    utf16 = tmp_path / "utf16.csv"  # Excel's "Unicode text": neither UTF-8 nor GBK
    utf16.write_bytes((COURSE_HEADER + "\n越剧").encode("utf-16"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_courses", str(utf16), stdout=io.StringIO())
    with pytest.raises(CommandError, match=r"\.xlsx"):
        call_command("import_courses", _write(tmp_path, "x.txt", ["a"]), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("import_courses", str(tmp_path / "missing.csv"), stdout=io.StringIO())


GOOD_ACTIVITIES = [
    ACTIVITY_HEADER,
    "ZJ2019-001,越剧欣赏第一讲,龙坞村文化礼堂,转塘街道龙坞村,杭州市/西湖区,2030-03-01T14:00,2030-03-01T16:00,60,西湖区社区学院",
    ",广场舞培训,梅林村文化礼堂,,宁波市/鄞州区,2030-03-02T09:00:00+08:00,2030-03-02T11:00:00+08:00,,鄞州区社区学校",
]


@pytest.fixture
def activities_csv(courses_csv, tmp_path):
    _run("import_courses", courses_csv, "--publish")
    return _write(tmp_path, "activities.csv", GOOD_ACTIVITIES)


def test_import_activities_happy_path_and_reimport(activities_csv, tmp_path):
    out, _err = _run("import_activities", activities_csv)
    assert "2 activities created" in out
    opera = LearningActivity.objects.get(title="越剧欣赏第一讲")
    assert opera.course.code == "ZJ2019-001" and opera.capacity == 60 and not opera.is_published
    assert opera.start.isoformat() == "2030-03-01T06:00:00+00:00"  # Asia/Shanghai
    assert Venue.objects.get(name="龙坞村文化礼堂").county.name == "西湖区"

    changed = _write(tmp_path, "again.csv", [GOOD_ACTIVITIES[0], GOOD_ACTIVITIES[1].replace(",60,", ",80,")])
    out, _err = _run("import_activities", changed, "--publish")
    assert "0 activities created, 1 updated" in out
    opera.refresh_from_db()
    assert opera.capacity == 80 and opera.is_published
    assert LearningActivity.objects.count() == 2


BAD_ACTIVITY_ROWS = {
    "bad date": (",甲,礼堂,,杭州市,2030-02-30T09:00,2030-03-01T10:00,,", "start is not a date and time"),
    "end before start": (",乙,礼堂,,杭州市,2030-03-01T10:00,2030-03-01T09:00,,", "the end is before the start"),
    "unknown region": (",丙,礼堂,,上海市/浦东新区,2030-03-01T09:00,2030-03-01T10:00,,", "unknown region"),
    "unknown course": ("NOPE,丁,礼堂,,杭州市,2030-03-01T09:00,2030-03-01T10:00,,", "no course has the code"),
    "bad capacity": (",戊,礼堂,,杭州市,2030-03-01T09:00,2030-03-01T10:00,三十,", "capacity is not a whole number"),
    "missing venue": (",己,,,杭州市,2030-03-01T09:00,2030-03-01T10:00,,", "venue is empty"),
    "duplicate row": (GOOD_ACTIVITIES[1], "the same activity is also on line 2"),
}


@pytest.mark.parametrize("case", BAD_ACTIVITY_ROWS)
def test_each_bad_activity_row_writes_nothing(case, courses_csv, tmp_path):
    _run("import_courses", courses_csv, "--publish")
    row, message = BAD_ACTIVITY_ROWS[case]
    venues = Venue.objects.count()
    err, _summary = _fail("import_activities", _write(tmp_path, "bad.csv", GOOD_ACTIVITIES + [row]))
    assert "line 4: " in err and message in err
    assert not LearningActivity.objects.exists() and Venue.objects.count() == venues


def test_admin_import_checks_then_confirms(admin_client, vocab, course_index):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = "\n".join(GOOD_COURSES).encode()
    bad = (COURSE_HEADER + "\nB1,标题,传统文化,老年人,火星市,,1,1,2019,线下,简介,,\n").encode()
    response = admin_client.post(
        "/admin/courses/import/", {"kind": "courses", "file": SimpleUploadedFile("bad.csv", bad)}
    )
    assert "第 2 行" in response.content.decode()  # the editor's language
    response = admin_client.post(
        "/admin/courses/import/",
        {"kind": "courses", "publish": "on", "file": SimpleUploadedFile("c.csv", content)},
    )
    assert not CoursePage.objects.exists()  # checked, not yet written
    token = response.context["token"]
    admin_client.post(
        "/admin/courses/import/", {"token": token, "filename": "c.csv", "kind": "courses", "publish": "1"}
    )
    assert CoursePage.objects.live().count() == 2


def test_instructors_lesson_plan_and_image_columns(tmp_path, vocab, course_index):
    from courses.models import Instructor
    from demo.media import demo_image

    Instructor.objects.create(name="陈建国", job_title="讲师")
    cover = demo_image("课程封面 测试", seed=7, size=(96, 54))
    header = COURSE_HEADER + ",instructors,lesson_plan,image"
    row = (
        "越剧欣赏,传统文化,老年人,杭州市/西湖区,,2,2,2019,线下,走进越剧。,,戏曲,"
        + '陈建国,"第1讲 唱腔 | 45\n第2讲 身段",课程封面 测试'
    )
    _run("import_courses", _write(tmp_path, "c.csv", [header, "ZJ2019-001," + row]), "--publish")
    course = CoursePage.objects.get(code="ZJ2019-001")
    assert [i.name for i in course.instructors.all()] == ["陈建国"] and course.image == cover
    assert [(lesson.title, lesson.duration_minutes) for lesson in course.lessons.all()] == [
        ("第1讲 唱腔", 45),
        ("第2讲 身段", None),
    ]

    problems, _message = _fail(
        "import_courses",
        _write(
            tmp_path,
            "bad.csv",
            [header, "ZJ2019-002," + row.replace("陈建国", "无名氏").replace("课程封面 测试", "没有这张图")],
        ),
    )
    assert "line 2: unknown instructor “无名氏”" in problems
    assert "line 2: no image in the library has the title “没有这张图”" in problems
    assert not CoursePage.objects.filter(code="ZJ2019-002").exists()
