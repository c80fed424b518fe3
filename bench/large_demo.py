"""The large demo for benchmarks: the demo site grown to 1,000 courses, 10,000 activities and
1,000 journal articles, through the importers editors use.

    .venv/bin/python bench/large_demo.py                       # the database DATABASE_URL names
    DATABASE_URL=postgres://… .venv/bin/python bench/large_demo.py --courses 1000

First the ordinary demo (`load_demo_content`), then more of each kind up to the counts asked:
courses as a spreadsheet through `courses.importer` (published, one revision each, as
`import_courses --publish`), activities as a spreadsheet through the activity importer, articles
as back issues through `journal.importer` (as `import_journal --publish`). The new rows are
variations of the demo's own data files, chosen by a fixed seed, so every run writes the same
content; activity dates are spread over a year around today, as the demo's are. Idempotent: a
second run finds the counts reached and adds nothing. Search facets are rebuilt at the end.
"""

import argparse
import csv
import datetime
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from courses import importer as course_importer  # noqa: E402
from courses.models import CourseIndexPage, CoursePage, LearningActivity, Venue  # noqa: E402
from demo.pages import data_file, read_csv  # noqa: E402
from demo.site import ensure_home_page  # noqa: E402
from journal import importer as journal_importer  # noqa: E402
from journal.models import ArticlePage, IssuePage, JournalPage  # noqa: E402
from search import facets as search_facets  # noqa: E402

SEED = 20261204
COURSE_BATCH = 100  # rows per import (each import is one transaction)
ACTIVITY_BATCH = 1000
ARTICLES_PER_ISSUE = 10
ISSUES_PER_YEAR = 6
FIRST_GENERATED_YEAR = 2017  # the demo's back issues start in 2018; generated ones go back from here


def say(message):
    print(message, flush=True)


def progress_every(step, label):
    started = time.monotonic()

    def progress(done, total, *_):
        if done % step == 0 or done == total:
            say(f"    {label} {done}/{total} ({time.monotonic() - started:.0f} s)")

    return progress


def spreadsheet(columns, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def add_courses(target):
    index = CourseIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    have = CoursePage.objects.child_of(index).count()
    if have >= target:
        say(f"  courses: {have} already")
        return
    templates = read_csv("courses.csv")
    columns = list(templates[0])
    rows = []
    for number in range(have + 1, target + 1):
        template = templates[number % len(templates)]
        rows.append({**template, "code": f"BENCH-{number:04d}", "title": f"{template['title']}（第{number}期）"})
    say(f"  courses: {have} → {target} through the course importer")
    started = time.monotonic()
    for start in range(0, len(rows), COURSE_BATCH):
        batch = rows[start : start + COURSE_BATCH]
        report = course_importer.run_course_import(
            spreadsheet(columns, batch), "bench-courses.csv", index=index, publish=True
        )
        if not report.ok:
            sys.exit("course import: " + "; ".join(map(str, report.problems[:5])))
        say(f"    courses {have + start + len(batch)}/{target} ({time.monotonic() - started:.0f} s)")


def add_activities(target):
    have = LearningActivity.objects.count()
    if have >= target:
        say(f"  activities: {have} already")
        return
    rng = random.Random(f"{SEED}-activities")
    venues = list(Venue.objects.select_related("city", "county").order_by("pk"))
    courses = list(CoursePage.objects.filter(locale=Locale.get_default()).order_by("path").only("code", "title"))
    tz = timezone.get_current_timezone()
    first = timezone.localdate() - datetime.timedelta(days=183)
    rows = []
    for number in range(have + 1, target + 1):
        course = courses[number % len(courses)] if number % 10 else None
        venue = venues[rng.randrange(len(venues))]
        day = first + datetime.timedelta(days=rng.randrange(365))
        start = datetime.datetime(day.year, day.month, day.day, rng.choice([9, 14, 19]), rng.choice([0, 30]), tzinfo=tz)
        region = f"{venue.city.name}/{venue.county.name}" if venue.county else venue.city.name
        rows.append(
            {
                "course_code": course.code if course else "",
                "title": f"{course.title if course else '社区学习沙龙'}·第{number}场",
                "venue": venue.name,
                "venue_address": venue.address,
                "region": region,
                "start": start.strftime("%Y-%m-%d %H:%M"),
                "end": (start + datetime.timedelta(minutes=rng.choice([90, 120]))).strftime("%Y-%m-%d %H:%M"),
                "capacity": rng.choice([30, 40, 50, 60, 80]),
                "organiser": f"{venue.county.name if venue.county else venue.city.name}社区学校",
            }
        )
    say(f"  activities: {have} → {target} through the activity importer")
    started = time.monotonic()
    for start in range(0, len(rows), ACTIVITY_BATCH):
        batch = rows[start : start + ACTIVITY_BATCH]
        content = spreadsheet(course_importer.ACTIVITY_COLUMNS, batch)
        report = course_importer.run_activity_import(content, "bench-activities.csv", publish=True)
        if not report.ok:
            sys.exit("activity import: " + "; ".join(map(str, report.problems[:5])))
        say(f"    activities {have + start + len(batch)}/{target} ({time.monotonic() - started:.0f} s)")


def add_articles(target, home):
    journal = JournalPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    have = ArticlePage.objects.filter(locale=Locale.get_default()).count()
    if have >= target:
        say(f"  articles: {have} already")
        return
    source = journal_importer.read(data_file("journal-back-issues.json"))
    templates = [article for issue in source["issues"] for article in issue["articles"]]
    taken = set(IssuePage.objects.child_of(journal).values_list("year", "number"))
    issues, count = [], have
    year, number = FIRST_GENERATED_YEAR, ISSUES_PER_YEAR
    while count < target:
        if (year, number) not in taken:
            articles = []
            for position in range(1, min(ARTICLES_PER_ISSUE, target - count) + 1):
                template = templates[(count + position) % len(templates)]
                articles.append(
                    {
                        **template,
                        "slug": f"{year}-{number}-{position:02d}",
                        "title": f"{template['title']}（{year}年第{number}期）",
                        "article_number": f"2096-0000({year}){number:02d}-{position:04d}-07",
                        "received": f"{year - 1}-11-01",
                    }
                )
            published = datetime.date(year, 2 * number - 1, 15)
            issues.append(
                {
                    "year": year,
                    "volume": max(year - 2014, 1),
                    "number": number,
                    "published": published.isoformat(),
                    "title": f"{year}年第{number}期",
                    "introduction": f"本期共刊发论文{len(articles)}篇。",
                    "articles": articles,
                }
            )
            count += len(articles)
        year, number = (year, number - 1) if number > 1 else (year - 1, ISSUES_PER_YEAR)
    data = {"sections": source["sections"], "people": source["people"], "issues": issues}
    problems = journal_importer.validate(data, data_file(""))
    if problems:
        sys.exit("journal import: " + "; ".join(map(str, problems[:5])))
    say(f"  articles: {have} → {target} in {len(issues)} back issues through the journal importer")
    journal_importer.write(
        data, data_file(""), home, journal_slug=journal.slug, publish=True, progress=progress_every(50, "articles")
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--courses", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=10000)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    started = time.monotonic()
    say("migrate and load the demo content")
    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo_content")
    _site, home = ensure_home_page()
    add_courses(args.courses)
    add_activities(args.activities)
    add_articles(args.articles, home)
    say("  search facets…")
    search_facets.rebuild()
    say(f"large demo ready ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
