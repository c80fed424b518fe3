"""Benchmark: the course catalog with three active filters, at 1,000 courses against a floor.

Run with `.venv/bin/python bench/courses_catalog.py` (a throwaway SQLite database is used
unless BENCH_DATABASE_URL is set). The floor is the same request to a second catalog page
holding 10 courses, measured in the same run with the requests interleaved, so the ratio
shows how the page scales with the catalog's size on whatever machine runs it. Figures are
medians of repeated requests after a warm-up.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="bench-courses-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from cms.core.models import Region  # noqa: E402
from courses.bulk import bulk_add_courses  # noqa: E402
from courses.models import Audience, Category, CourseIndexPage, CoursePage  # noqa: E402
from home.models import HomePage  # noqa: E402

FILTERS = "?category=c0&audience=a0&year=2019&sort=hours"
REPEAT = 40
WARM_UP = 5


def setup_site():
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePage(title="首页", slug="home", locale=Locale.get_default())
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    big = CourseIndexPage(title="特色课程", slug="courses")
    home.add_child(instance=big)
    small = CourseIndexPage(title="小目录", slug="small")
    home.add_child(instance=small)
    categories = [Category.objects.create(name=f"类别{n}", slug=f"c{n}") for n in range(8)]
    audiences = [Audience.objects.create(name=f"对象{n}", slug=f"a{n}") for n in range(6)]
    return big, small, categories, audiences


def add_courses(index, categories, audiences, start, count):
    cities = list(Region.objects.filter(level="city"))
    courses = [
        CoursePage(
            title=f"课程{n:05d}",
            slug=f"course-{n}",
            code=f"C{n:05d}",
            summary="基准测试课程。",
            category=categories[n % len(categories)],
            city=cities[n % len(cities)],
            year=2019 + n % 4,
            hours=n % 24,
        )
        for n in range(start, start + count)
    ]
    bulk_add_courses(
        CourseIndexPage.objects.get(pk=index.pk),
        courses,
        audiences={c.slug: [audiences[n % len(audiences)]] for n, c in enumerate(courses)},
        tags={c.slug: [f"标签{n % 9}"] for n, c in enumerate(courses)},
    )


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, url
    return elapsed


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main():
    big, small, categories, audiences = setup_site()
    add_courses(small, categories, audiences, 0, 10)
    add_courses(big, categories, audiences, 10, 1000)
    big_url, small_url = f"/courses/{FILTERS}", f"/small/{FILTERS}"
    client = Client()
    for _ in range(WARM_UP):
        timed(client, small_url)
        timed(client, big_url)
    floor, catalog = [], []
    for _ in range(REPEAT):  # interleaved, so drift on the machine hits both alike
        floor.append(timed(client, small_url))
        catalog.append(timed(client, big_url))
    floor_ms, big_ms = statistics.median(floor) * 1000, statistics.median(catalog) * 1000
    total = CoursePage.objects.live().child_of(big).count()
    floor_queries, big_queries = query_count(client, small_url), query_count(client, big_url)
    print(f"database: {connection.vendor}; filters: {FILTERS}; median of {REPEAT} after {WARM_UP} warm-up requests")
    print(f"floor (10 courses):        {floor_ms:8.1f} ms  {floor_queries} queries")
    print(f"catalog ({total} courses): {big_ms:8.1f} ms  {big_queries} queries")
    print(f"ratio: {big_ms / floor_ms:.2f}x the floor; {big_queries - floor_queries:+d} queries")


if __name__ == "__main__":
    main()
