"""Every public page type against the framework floor, with the page cache on and off (issue 11).

In one run, on this machine, for each size of the site asked (the demo, the large demo):
1. the floor: a minimal Django view (bench/page_types_floor.py: production settings and their
   whole middleware stack, one view answering "ok") served by the same gunicorn command as
   `make serve`, with the same workers;
2. the site through `make serve` itself (set up as `make run` does, production settings,
   collected static files, gunicorn with WORKERS workers), first with the page cache on
   (PAGE_CACHE_SECONDS's default), then with PAGE_CACHE_SECONDS=0;
3. the floor again, so a change in the machine's load during the run shows.
The floor is measured once before the first size and once after the last, so every ratio in the
run is against the same floor. Each page type is loaded by wrk (8 connections, 2 threads) for
--seconds after a short warm-up; req/s, p50 and p99 are divided by the mean of the two floor
runs. Then each page type is profiled in one process (production settings, cache off): queries,
SQL time, template time and total time per request. Budgets (issue 11): with the cache, every
page type at least 50 % of the floor; without it at least 5 %, detail pages 10 %.

    .venv/bin/python bench/page_types.py                         # demo and large demo, SQLite
    .venv/bin/python bench/page_types.py --sizes demo            # the demo only
    .venv/bin/python bench/page_types.py --postgres postgres://cms:PASSWORD@127.0.0.1:5432/cms_bench

Each size has its own database: /tmp/cms-bench-<database>-<size>/db.sqlite3 (SQLite), or the
--postgres database's name with _<size> appended (cms_bench_demo, cms_bench_large); each is kept
between runs (the large demo takes a while to build) and --fresh starts them again; media and
static files live in /tmp/cms-bench-<database>-<size>/. Needs wrk (Debian: apt install wrk).
Writes bench/results/page_types-<database>.json (both sizes, both modes, each page type's ratio,
budget and profile) and prints a table per size. The machine's load average is written down with
each mode: on a shared machine, only ratios from one run mean anything.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "bench"
PYTHON = str(PROJECT / ".venv" / "bin" / "python")
GUNICORN = str(PROJECT / ".venv" / "bin" / "gunicorn")
RESULTS = BENCH / "results"
BUDGET_CACHED, BUDGET_LIST, BUDGET_DETAIL = 0.50, 0.05, 0.10
WARM_UP_SECONDS = 2

# Which page of each type is loaded: the first live public one in the default language, in tree
# order (the demo's own pages come first, so both sizes load comparable pages). Detail pages show
# one thing; the others list, search or index many.
PICK_PAGES = """
import json
from wagtail.models import Locale, Page
from courses.models import CourseIndexPage, CoursePage, LearningActivity, ResourceSetPage
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
from journal.models import ArticlePage, CaseCollectionPage, CasePage, IssuePage, JournalPage, ReportPage
from journal.models import ResearchIndexPage
from network.models import DirectoryIndexPage, OrganisationPage
from network.profiles import public_experts
from standards.models import StandardIndexPage, StandardPage

default = Locale.get_default()
def first(model):
    page = model.objects.live().public().filter(locale=default).order_by("path").first()
    return page.get_url() if page else None

activity = LearningActivity.objects.public().order_by("pk").first()
directory = first(DirectoryIndexPage)
expert = public_experts().order_by("pk").first()
pages = [
    ("home", "home /", first(HomePage), False),
    ("course_catalog", "course catalog", first(CourseIndexPage), False),
    ("course_page", "course page", first(CoursePage), True),
    ("resource_set", "resource set page", first(ResourceSetPage), True),
    ("activity_list", "activity list", "/activities/", False),
    ("activity_page", "activity page", activity.get_absolute_url() if activity else None, True),
    ("activity_calendar", "activity calendar", "/activities/calendar/", False),
    ("learning_map", "learning map", "/learning-map/", False),
    ("news_index", "news index", first(NewsIndexPage), False),
    ("news_page", "news page", first(NewsPage), True),
    ("content_page", "content page", first(ContentPage), True),
    ("journal", "journal", first(JournalPage), False),
    ("issue_page", "issue page", first(IssuePage), True),
    ("article_page", "article page", first(ArticlePage), True),
    ("report_page", "report page", first(ReportPage), True),
    ("case_collection", "case collection", first(CaseCollectionPage), False),
    ("case_page", "case page", first(CasePage), True),
    ("research_index", "research index", first(ResearchIndexPage), False),
    ("standards_index", "standards index", first(StandardIndexPage), False),
    ("standard_page", "standard page", first(StandardPage), True),
    ("directory", "network directory", directory, False),
    ("organisation_page", "organisation page", first(OrganisationPage), True),
    ("expert_list", "expert list", directory and directory + "experts/", False),
    ("expert_profile", "expert profile", directory and expert and f"{directory}experts/{expert.pk}/", True),
    ("top_volunteers", "top 100 volunteers", directory and directory + "volunteers/top-100/", False),
    ("search", "search 社区教育", "/search/?q=社区教育", False),
    ("api_course_list", "API course list", "/api/v2/pages/?type=courses.CoursePage", False),
    ("sitemap", "sitemap.xml", "/sitemap.xml", False),
]
counts = {
    "pages": Page.objects.live().count(),
    "courses": CoursePage.objects.filter(locale=default).count(),
    "activities": LearningActivity.objects.count(),
    "articles": ArticlePage.objects.filter(locale=default).count(),
}
print(json.dumps({"pages": [p for p in pages if p[2]], "counts": counts}, ensure_ascii=False))
"""

# One process, production settings, no page cache: where a request's time goes. Template time is
# the outermost template's render (including the queries it runs itself); the tables read most
# often (by FROM clauses) say where the queries go.
PROFILE = """
import collections, json, re, statistics, time
from django.db import connection, reset_queries
from django.template.backends.django import Template
from django.test import Client
from django.test.utils import CaptureQueriesContext

rendering = {{"depth": 0, "seconds": 0.0}}
plain_render = Template.render
def timed_render(self, *args, **kwargs):
    rendering["depth"] += 1
    started = time.perf_counter()
    try:
        return plain_render(self, *args, **kwargs)
    finally:
        rendering["depth"] -= 1
        if rendering["depth"] == 0:
            rendering["seconds"] += time.perf_counter() - started
Template.render = timed_render

client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
profiles = {{}}
for key, url in {urls}:
    for _ in range(2):
        client.get(url)
    runs = []
    for _ in range({repeat}):
        rendering["seconds"] = 0.0
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            total = time.perf_counter() - started
        tables = collections.Counter(re.findall(r'FROM "?(\\w+)"?', " ".join(q["sql"] for q in queries)))
        runs.append((total, len(queries), sum(float(q["time"]) for q in queries), rendering["seconds"], tables))
    middle = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    profiles[key] = {{"status": response.status_code, "ms": round(middle[0] * 1000, 1), "queries": middle[1],
                     "sql_ms": round(middle[2] * 1000, 1), "template_ms": round(middle[3] * 1000, 1),
                     "most_read_tables": dict(middle[4].most_common(4))}}
print(json.dumps(profiles))
"""


def step(message):
    print(f"--- {message}", flush=True)


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def quoted(path):
    return urllib.parse.quote(path, safe="/?=&%:+")


def fresh_postgres_database(url, drop):
    """Create the database named in `url` if it is missing (dropping it first with `drop`)."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        sys.exit(f"Use a plain database name for the benchmark, not {name!r}.")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if drop:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f"CREATE DATABASE {name}")


def postgres_url(url, size):
    """The --postgres URL with the size appended to its database name: one database per size."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{size}"))


def environment(work, database_url):
    """The environment `make serve` and the floor run in; settings come from the Makefile's SERVE_ENV."""
    env = {
        key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "PAGE_CACHE_SECONDS")
    }
    env.update(
        DATABASE_URL=database_url or f"sqlite:///{work}/db.sqlite3",
        MEDIA_ROOT=f"{work}/media",
        STATIC_ROOT=f"{work}/static",
        EMAIL_URL="consolemail://",
    )
    return env


def request(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", quoted(path), headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def wait_until_serving(port, server, path, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped before it answered (exit {server.returncode}); see its log")
        try:
            if request(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"the server did not answer {path} within {seconds} s")


class Server:
    """A server in its own process group, stopped as a whole (make, gunicorn and its workers)."""

    def __init__(self, command, env, log, port, ready_path="/", ready_seconds=120):
        self.log = open(log, "w")  # noqa: SIM115 (open while the server runs)
        self.process = subprocess.Popen(
            command, cwd=PROJECT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.port = port
        try:
            wait_until_serving(port, self.process, ready_path, ready_seconds)
        except BaseException:
            self.stop()
            raise

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
        deadline = time.monotonic() + 30
        while not port_is_free(self.port) and time.monotonic() < deadline:
            time.sleep(0.2)


def gunicorn_command(args):
    # The Makefile's own gunicorn line (target `serve`), so the floor is served exactly as the site.
    return [
        GUNICORN, "cms.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}",
        "--access-logfile", "-", "--timeout", "60",
    ]  # fmt: skip


def serve_floor(env, args, work, label):
    floor_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "page_types_floor",
        "PYTHONPATH": str(BENCH),
        "SECRET_KEY": "bench-floor-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_HSTS_SECONDS": "0",
        "PAGE_CACHE_SECONDS": "0",
    }
    return Server(gunicorn_command(args), floor_env, Path(work) / f"floor-{label}.log", args.port)


def serve_site(env, args, work, cache_seconds):
    site_env = dict(env) if cache_seconds is None else {**env, "PAGE_CACHE_SECONDS": str(cache_seconds)}
    command = ["make", "serve", "HOST=127.0.0.1", f"PORT={args.port}", f"WORKERS={args.workers}"]
    name = "site-cache-on.log" if cache_seconds is None else "site-cache-off.log"
    # make serve migrates and loads the demo first (idempotent); on the large demo that takes minutes.
    return Server(command, site_env, Path(work) / name, args.port, ready_path="/healthz/", ready_seconds=1800)


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output):
    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        return round(float(match[1]) * LATENCY_UNITS[match[2]], 2) if match else None

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    requests = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if not rate or not requests:
        sys.exit("wrk printed no result:\n" + output)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests_per_second": round(float(rate[1]), 1),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "requests": int(requests[1]),
        "non_2xx": int(bad[1]) if bad else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def wrk(port, path, seconds, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{quoted(path)}"], check=True, capture_output=True, text=True
    ).stdout
    return parse_wrk(output)


def measure(port, path, args):
    """Check the page answers 200, warm every worker up, then load it."""
    status, headers, body = request(port, path)
    if status != 200:
        return {"status": status}  # written down and left out of the table: a broken page has no speed
    wrk(port, path, WARM_UP_SECONDS, args.connections)
    status, headers, body = request(port, path)  # every worker has seen the page by now
    result = wrk(port, path, args.seconds, args.connections)
    result["page_cache"] = headers.get("X-Page-Cache", "")
    result["bytes"] = len(body)
    return result


def measure_floor(env, args, work, label):
    step(f"floor ({label}): a minimal Django view, gunicorn with {args.workers} workers")
    server = serve_floor(env, args, work, label)
    try:
        wrk(args.port, "/", WARM_UP_SECONDS, args.connections)
        result = wrk(args.port, "/", args.seconds, args.connections)
    finally:
        server.stop()
    result["load_average"] = load_average()
    print(f"    {result['requests_per_second']:>8.1f} req/s  p50 {result['p50_ms']} ms  p99 {result['p99_ms']} ms")
    return result


def measure_site(env, args, work, pages, cache_seconds):
    mode = "cache on" if cache_seconds is None else f"PAGE_CACHE_SECONDS={cache_seconds}"
    step(f"make serve ({mode}), {args.workers} workers: {len(pages)} page types, {args.seconds} s each")
    server = serve_site(env, args, work, cache_seconds)
    results = {"load_average_before": load_average()}
    try:
        for key, label, url, _detail in pages:
            results[key] = measure(args.port, url, args)
            r = results[key]
            if "status" in r:
                print(f"    {label:<20} answered {r['status']}: not measured", flush=True)
                continue
            print(
                f"    {label:<20} {r['requests_per_second']:>8.1f} req/s  p50 {r['p50_ms']:>8} ms"
                f"  p99 {r['p99_ms']:>8} ms  {r['page_cache'] or '-'}",
                flush=True,
            )
    finally:
        server.stop()
    results["load_average_after"] = load_average()
    return results


def manage_script(env, script, settings=None):
    run_env = {**env, **(settings or {})}
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=run_env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def profile(env, pages, repeat):
    step(f"profile: one process, production settings, no page cache, median of {repeat} requests")
    urls = [(key, url) for key, _label, url, _detail in pages]
    settings = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-profile-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_HSTS_SECONDS": "0",
        "PAGE_CACHE_SECONDS": "0",
    }
    return manage_script(env, PROFILE.format(urls=json.dumps(urls, ensure_ascii=False), repeat=repeat), settings)


def budgets(row):
    needs = {"cache_on": BUDGET_CACHED, "cache_off": BUDGET_DETAIL if row["detail"] else BUDGET_LIST}
    return {mode: {"needs": need, "met": row[mode].get("ratio", 0) >= need} for mode, need in needs.items()}


def cells(measured):
    if "status" in measured:
        return [f"answered {measured['status']}", "–", "–"]
    rate = measured["requests_per_second"]
    return [
        f"{rate:.0f}" if rate >= 100 else f"{rate:.1f}",
        f"{measured['ratio']:.1%}",
        f"{measured['p50_ms']} / {measured['p99_ms']}",
    ]


def table(floor, size, measured):
    lines = [
        f"{size}: {measured['counts']}",
        "",
        "| page | cache on req/s | % of floor | p50 / p99 ms | cache off req/s | % of floor | p50 / p99 ms"
        " | queries | SQL / template / total ms | budget on / off |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in measured["pages"]:
        prof, met = row["profile"], row["budget"]
        marks = " / ".join("ok" if met[mode]["met"] else f"MISS (<{met[mode]['needs']:.0%})" for mode in met)
        name = f"{row['label']}{' (detail)' if row['detail'] else ''}"
        profiled = [str(prof["queries"]), f"{prof['sql_ms']} / {prof['template_ms']} / {prof['ms']}"]
        lines.append(
            "| " + " | ".join([name, *cells(row["cache_on"]), *cells(row["cache_off"]), *profiled, marks]) + " |"
        )
    return "\n".join(lines)


def prepare(size, database, args):
    """The size's database, built if missing (the large demo takes minutes), and its pages to load."""
    work = Path(f"/tmp/cms-bench-{database}-{size}")
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    database_url = postgres_url(args.postgres, size) if args.postgres else None
    if database_url:
        fresh_postgres_database(database_url, drop=args.fresh)
    env = environment(work, database_url)
    step(f"{size} demo on {database} ({work})")
    if size == "large":
        subprocess.run([PYTHON, str(BENCH / "large_demo.py")], cwd=PROJECT, env=env, check=True)
    else:
        for command in (["migrate", "--no-input", "-v0"], ["load_demo_content"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)
    picked = manage_script(env, PICK_PAGES)
    print(f"    {picked['counts']}")
    return {"work": work, "env": env, "pages": [tuple(page) for page in picked["pages"]], "counts": picked["counts"]}


def rows_of(pages, cache_on, cache_off, profiles, floor):
    rows = []
    for key, label, url, detail in pages:
        row = {"key": key, "label": label, "url": url, "detail": detail, "profile": profiles[key]}
        for mode, results in (("cache_on", cache_on), ("cache_off", cache_off)):
            measured = results[key]
            row[mode] = (
                measured
                if "status" in measured
                else {**measured, "ratio": round(measured["requests_per_second"] / floor, 4)}
            )
        row["budget"] = budgets(row)
        rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="demo,large", help="comma-separated, in the order run: demo, large")
    parser.add_argument("--postgres", help="a database URL (a database per size, created if missing) instead of SQLite")
    parser.add_argument("--fresh", action="store_true", help="start the databases again")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per page type and mode")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 2)))
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--profile-repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    if not sizes or any(size not in ("demo", "large") for size in sizes) or len(set(sizes)) != len(sizes):
        sys.exit(f"--sizes takes demo and/or large, each once, not {args.sizes!r}")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt install wrk)")
    if args.postgres and not re.fullmatch(r"[a-z_][a-z0-9_]*", urllib.parse.urlsplit(args.postgres).path.lstrip("/")):
        sys.exit("Use a plain database name for the benchmark, e.g. postgres://…/cms_bench")
    if not port_is_free(args.port):
        sys.exit(f"something already answers on 127.0.0.1:{args.port}; choose another --port")

    database = "postgresql" if args.postgres else "sqlite"
    started = time.monotonic()
    # Every database is built before the first measurement, so the floor's two runs frame the
    # measurements alone.
    prepared = {size: prepare(size, database, args) for size in sizes}
    first, last = prepared[sizes[0]], prepared[sizes[-1]]

    floor_before = measure_floor(first["env"], args, first["work"], "before")
    measured = {}
    for size in sizes:
        step(f"size: {size}")
        p = prepared[size]
        measured[size] = {
            "cache_on": measure_site(p["env"], args, p["work"], p["pages"], cache_seconds=None),
            "cache_off": measure_site(p["env"], args, p["work"], p["pages"], cache_seconds=0),
        }
    floor_after = measure_floor(last["env"], args, last["work"], "after")
    for size in sizes:
        p = prepared[size]
        measured[size]["profiles"] = profile(p["env"], p["pages"], args.profile_repeat)

    floor = statistics.mean([floor_before["requests_per_second"], floor_after["requests_per_second"]])
    results_by_size = {}
    for size in sizes:
        cache_on, cache_off = measured[size]["cache_on"], measured[size]["cache_off"]
        rows = rows_of(prepared[size]["pages"], cache_on, cache_off, measured[size]["profiles"], floor)
        results_by_size[size] = {
            "counts": prepared[size]["counts"],
            "load_average": {
                "cache_on": [cache_on["load_average_before"], cache_on["load_average_after"]],
                "cache_off": [cache_off["load_average_before"], cache_off["load_average_after"]],
            },
            "pages": rows,
            "missed": {
                mode: [row["key"] for row in rows if not row["budget"][mode]["met"]]
                for mode in ("cache_on", "cache_off")
            },
        }
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "machine": {"cpus": os.cpu_count(), "note": "shared with other jobs; load averages below"},
        "wrk": {"seconds": args.seconds, "warm_up_seconds": WARM_UP_SECONDS, "connections": args.connections},
        "workers": args.workers,
        "floor": {"requests_per_second": round(floor, 1), "before": floor_before, "after": floor_after},
        "budgets": {"cache_on": BUDGET_CACHED, "cache_off_lists": BUDGET_LIST, "cache_off_detail": BUDGET_DETAIL},
        "sizes": results_by_size,
        "run_seconds": round(time.monotonic() - started),
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"page_types-{database}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print()
    print(
        f"Floor (minimal Django view): {floor:.0f} req/s (mean of {floor_before['requests_per_second']:.0f}"
        f" before and {floor_after['requests_per_second']:.0f} after)."
    )
    for size in sizes:
        print()
        print(table(floor, size, results_by_size[size]))
        print()
        rows = results_by_size[size]["pages"]
        for mode in ("cache_on", "cache_off"):
            missed = results_by_size[size]["missed"][mode]
            met = len(rows) - len(missed)
            print(f"{size}, {mode}: {met}/{len(rows)} page types meet the budget; missed: {', '.join(missed) or '-'}")
    print(f"written to {path.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
