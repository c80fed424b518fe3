"""The course catalog: 102 courses in all 11 cities, imported from demo/data/courses.csv through
``courses.importer`` (as `import_courses courses.csv --publish`), with vocabularies, themed
resource sets and the learning map's places from demo/data. Generated here, deterministically
from one seed: the venues in every county, 1,100 activities over a year around today, course
covers and the audio introductions of the first twelve courses.
"""

import csv
import datetime
import random
import time

from django.core.management.base import CommandError
from django.utils import timezone

from courses import importer
from courses.models import (
    Audience,
    Category,
    CourseIndexPage,
    CoursePage,
    Instructor,
    LearningActivity,
    LearningPlace,
    Region,
    ResourceSetPage,
    Venue,
)
from home.models import ContentPage

from .media import attach_audio, demo_image
from .pages import data_file, publish, read_json, spec_page, stream

SEED = 20191
ACTIVITY_COUNT = 1_100
WITH_AUDIO = 12  # courses whose first lesson carries a short audio introduction with captions
HALL_SUFFIXES = ["村文化礼堂", "社区文化家园", "村农家书屋", "社区学校教学点"]
VILLAGE_WORDS = "东西南北上下前后新老大小"
VILLAGE_NAMES = "桥溪塘湾山岭坑岙埠垟"


def load(home, stdout):
    started = time.monotonic()
    words = read_json("courses.json")
    _vocabularies(words)
    stdout.write("  courses…")
    index, _created = spec_page(home, CourseIndexPage, words["index"])
    courses = _courses(index, stdout)
    stdout.write("  venues and activities…")
    regions = list(Region.objects.select_related("parent").order_by("code"))
    venues = _venues(regions, random.Random(f"{SEED}-venues"))
    activities = _activities(courses, venues, random.Random(f"{SEED}-activities"))
    stdout.write("  themed resource sets and the learning map…")
    sets = _resource_sets(home, words, courses)
    places = _places(regions)
    stdout.write(
        f"  {len(courses)} courses, {len(venues)} venues, {activities} new activities, {len(sets)} resource sets,"
        f" {places} map places ({time.monotonic() - started:.1f} s)"
    )
    return {"index": index, "courses": courses, "resource_sets": sets}


def _vocabularies(words):
    for model, key in ((Category, "categories"), (Audience, "audiences")):
        for order, item in enumerate(words[key]):
            model.objects.update_or_create(slug=item["slug"], defaults={**item, "sort_order": order})
    for item in words["instructors"]:
        Instructor.objects.get_or_create(name=item["name"], defaults=item)
    for number, item in enumerate(words["categories"]):
        demo_image(f"课程封面 {item['name']}", seed=300 + number, size=(960, 540))


def _courses(index, stdout):
    """The catalog's courses in the file's order; new ones imported, the first twelve given audio."""
    content = data_file("courses.csv").read_bytes()
    _header, rows = importer.read_rows(content, "courses.csv")
    codes = [row["code"] for _line, row in rows]
    if not CoursePage.objects.child_of(index).exists():
        report = importer.run_course_import(
            content, "courses.csv", index=index, publish=True, progress=_progress(stdout)
        )
        if not report.ok:
            raise CommandError("courses.csv: " + "; ".join(map(str, report.problems)))
        for number, code in enumerate(codes[:WITH_AUDIO], start=1):
            # Half the recorded courses meet the resource standard, half still need work,
            # so the conformance report and badges have both to show.
            attach_audio(CoursePage.objects.child_of(index).get(code=code), conforming=number % 2 == 0)
    pages = {page.code: page for page in CoursePage.objects.child_of(index).select_related("category")}
    return [pages[code] for code in codes if code in pages]


def _progress(stdout):
    def report(done, total):
        if done % 20 == 0:
            stdout.write(f"    {done}/{total}")

    return report


def _venues(regions, rng):
    existing = {(v.name, v.city_id): v for v in Venue.objects.all()}
    wanted = []
    for county in (r for r in regions if r.level == Region.Level.COUNTY):
        city = county.parent
        for number in range(2):
            village = rng.choice(VILLAGE_WORDS) + rng.choice(VILLAGE_NAMES)
            suffix = HALL_SUFFIXES[(number + len(county.name)) % len(HALL_SUFFIXES)]
            name = f"{county.name}{village}{suffix}"
            offset = (rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3))  # drawn before any skip, to stay in step
            if (name, city.pk) in existing or any(v.name == name and v.city_id == city.pk for v in wanted):
                continue
            wanted.append(
                Venue(
                    name=name,
                    address=f"浙江省{city.name}{county.name}{village}村",
                    city=city,
                    county=county,
                    latitude=round(city.latitude + offset[0], 4),
                    longitude=round(city.longitude + offset[1], 4),
                )
            )
    Venue.objects.bulk_create(wanted)
    return list(Venue.objects.filter(pk__in=[v.pk for v in existing.values()] + [v.pk for v in wanted if v.pk]))


def _activities(courses, venues, rng):
    if LearningActivity.objects.filter(venue__in=venues).exists():
        return 0
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    first = (today.replace(day=1) - datetime.timedelta(days=183)).replace(day=1)
    by_city = {}
    for venue in venues:
        by_city.setdefault(venue.city_id, []).append(venue)
    formats = ["第{n}讲", "体验课", "学员分享会", "集中授课", "成果展示"]
    activities = []
    for number in range(ACTIVITY_COUNT):
        course = courses[number % len(courses)] if number % 10 else None
        city_venues = by_city.get(course.city_id) if course else None
        venue = rng.choice(city_venues or venues)
        day = first + datetime.timedelta(days=rng.randrange(365))
        hour = rng.choice([9, 14, 19])
        start = datetime.datetime(day.year, day.month, day.day, hour, rng.choice([0, 30]), tzinfo=tz)
        end = start + datetime.timedelta(minutes=rng.choice([90, 120]))
        if course:
            title = f"{course.title}·{rng.choice(formats).format(n=rng.randint(1, course.lesson_count))}"
        else:
            title = rng.choice(["全民终身学习活动周主题活动", "文化礼堂读书会", "村民议事与法律咨询", "乡村春晚排练"])
        status = rng.choices(["scheduled", "postponed", "cancelled"], weights=[95, 3, 2])[0]
        note = {"postponed": "因天气原因延期，新时间另行通知。", "cancelled": "因场地检修取消，敬请谅解。"}.get(
            status, ""
        )
        activities.append(
            LearningActivity(
                title=title,
                course=course,
                venue=venue,
                start=start,
                end=end,
                capacity=rng.choice([30, 40, 50, 60, 80]),
                organiser=f"{venue.county.name}社区学校" if venue.county else "",
                status=status,
                status_note=note,
                takes_registrations=day > today and rng.random() < 0.25,
                description="欢迎村民和社区居民参加，请提前十分钟到场。",
            )
        )
    LearningActivity.objects.bulk_create(activities, batch_size=500)
    return len(activities)


def _resource_sets(home, words, courses):
    parent, _ = spec_page(home, ContentPage, words["resource_set_parent"])
    sets = []
    for number, spec in enumerate(words["resource_sets"]):
        page = ResourceSetPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is None:
            fields = {name: spec[name] for name in ("slug", "title", "introduction", "platform")}
            page = ResourceSetPage(
                body=stream(spec["body"]), image=demo_image(spec["image"], seed=400 + number), **fields
            )
            page.courses = [c for c in courses if c.category.slug in spec["categories"]][:12]
            parent.add_child(instance=page)
            publish(page)
        sets.append(page)
    return sets


def _places(regions):
    cities = {r.name: r for r in regions if r.level == Region.Level.CITY}
    existing = set(LearningPlace.objects.values_list("name", flat=True))
    with data_file("learning-places.csv").open(encoding="utf-8", newline="") as places_file:
        rows = list(csv.DictReader(places_file))
    LearningPlace.objects.bulk_create(
        LearningPlace(
            **{
                **row,
                "city": cities[row["city"]],
                "latitude": float(row["latitude"]),
                "longitude": float(row["longitude"]),
            }
        )
        for row in rows
        if row["name"] not in existing
    )
    return len(rows)
