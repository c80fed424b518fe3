"""The course catalog: 102 courses in all 11 cities, imported from demo/data/courses.csv through
``courses.importer`` (as `import_courses courses.csv --publish`), with vocabularies, themed
resource sets, venues and the learning map's places from demo/data. Generated here: 1,100
activities over a year around today (from one seed), course covers and the audio
introductions of the first twelve courses.
"""

import datetime
import random
import time

from django.core.management.base import CommandError
from django.utils import timezone

from cms.core.models import Region
from cms.core.spreadsheets import read_rows
from courses import importer
from courses import models as catalog
from home.models import ContentPage

from .media import attach_audio, demo_image
from .pages import data_file, read_csv, read_json, spec_page, stream

SEED = 20191
ACTIVITY_COUNT = 1_100
WITH_AUDIO = 12  # courses whose first lesson carries a short audio introduction with captions


def load(home, stdout):
    started = time.monotonic()
    words = read_json("courses.json")
    _vocabularies(words)
    stdout.write("  courses…")
    index, _created = spec_page(home, catalog.CourseIndexPage, words["index"])
    courses = _courses(index, stdout)
    stdout.write("  venues and activities…")
    regions = list(Region.objects.select_related("parent").order_by("code"))
    venues = _venues(regions)
    activities = _activities(courses, venues, words["activities"], random.Random(f"{SEED}-activities"))
    stdout.write("  themed resource sets and the learning map…")
    sets = _resource_sets(home, words, courses)
    places = _places(regions)
    stdout.write(
        f"  {len(courses)} courses, {len(venues)} venues, {activities} new activities, {len(sets)} resource sets,"
        f" {places} map places ({time.monotonic() - started:.1f} s)"
    )
    return {"index": index, "courses": courses, "resource_sets": sets}


def _vocabularies(words):
    for model, key in ((catalog.Category, "categories"), (catalog.Audience, "audiences")):
        for order, item in enumerate(words[key]):
            model.objects.update_or_create(slug=item["slug"], defaults={**item, "sort_order": order})
    for item in words["instructors"]:
        catalog.Instructor.objects.get_or_create(name=item["name"], defaults=item)
    for number, item in enumerate(words["categories"]):
        demo_image(f"课程封面 {item['name']}", seed=300 + number, size=(960, 540))


def _courses(index, stdout):
    """The catalog's courses in the file's order; new ones imported, the first twelve given audio."""
    content = data_file("courses.csv").read_bytes()
    _header, rows = read_rows(content, "courses.csv")
    codes = [row["code"] for _line, row in rows]

    def progress(done, total):
        if done % 20 == 0:
            stdout.write(f"    {done}/{total}")

    if not catalog.CoursePage.objects.child_of(index).exists():
        report = importer.run_course_import(content, "courses.csv", index=index, publish=True, progress=progress)
        if not report.ok:
            raise CommandError("courses.csv: " + "; ".join(map(str, report.problems)))
        for number, code in enumerate(codes[:WITH_AUDIO], start=1):
            # Half the recorded courses meet the resource standard, half still need work,
            # so the conformance report and badges have both to show.
            attach_audio(catalog.CoursePage.objects.child_of(index).get(code=code), conforming=number % 2 == 0)
    pages = {page.code: page for page in catalog.CoursePage.objects.child_of(index).select_related("category")}
    return [pages[code] for code in codes if code in pages]


def _venues(regions):
    existing = set(catalog.Venue.objects.values_list("name", flat=True))
    rows = read_csv("venues.csv")
    new = []
    for row in (row for row in rows if row["name"] not in existing):
        city, county = Region.parse(row.pop("region"), regions)
        new.append(catalog.Venue(city=city, county=county, **_with_coordinates(row)))
    catalog.Venue.objects.bulk_create(new)
    return list(catalog.Venue.objects.filter(name__in=[row["name"] for row in rows]))


def _with_coordinates(row):
    return {**row, "latitude": float(row["latitude"]), "longitude": float(row["longitude"])}


def _activities(courses, venues, words, rng):
    if catalog.LearningActivity.objects.filter(venue__in=venues).exists():
        return 0
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    first = (today.replace(day=1) - datetime.timedelta(days=183)).replace(day=1)
    by_city = {}
    for venue in venues:
        by_city.setdefault(venue.city_id, []).append(venue)
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
            title = f"{course.title}·{rng.choice(words['formats']).format(n=rng.randint(1, course.lesson_count))}"
        else:
            title = rng.choice(words["titles"])
        status = rng.choices(["scheduled", "postponed", "cancelled"], weights=[95, 3, 2])[0]
        activities.append(
            catalog.LearningActivity(
                title=title,
                course=course,
                venue=venue,
                start=start,
                end=end,
                capacity=rng.choice([30, 40, 50, 60, 80]),
                organiser=f"{venue.county.name}社区学校" if venue.county else "",
                status=status,
                status_note=words["status_notes"].get(status, ""),
                takes_registrations=day > today and rng.random() < 0.25,
                description=words["description"],
            )
        )
    catalog.LearningActivity.objects.bulk_create(activities, batch_size=500)
    return len(activities)


def _resource_sets(home, words, courses):
    parent, _ = spec_page(home, ContentPage, words["resource_set_parent"])
    sets = []
    for number, spec in enumerate(words["resource_sets"]):
        page = catalog.ResourceSetPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is None:
            fields = {name: spec[name] for name in ("slug", "title", "introduction", "platform")}
            page = catalog.ResourceSetPage(
                body=stream(spec["body"]), image=demo_image(spec["image"], seed=400 + number), **fields
            )
            page.courses = [c for c in courses if c.category.slug in spec["categories"]][:12]
            parent.add_child(instance=page)
            page.save_revision().publish()
        sets.append(page)
    return sets


def _places(regions):
    cities = {r.name: r for r in regions if r.level == Region.Level.CITY}
    existing = set(catalog.LearningPlace.objects.values_list("name", flat=True))
    rows = read_csv("learning-places.csv")
    new = [{**row, "city": cities[row["city"]]} for row in rows if row["name"] not in existing]
    catalog.LearningPlace.objects.bulk_create(catalog.LearningPlace(**_with_coordinates(row)) for row in new)
    return len(rows)
