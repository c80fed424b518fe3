"""Load and faults: mixed public traffic while an editor publishes and residents sign up.

The site is set up as production runs it (production settings, collected static files, gunicorn
with WORKERS sync workers, the demo content) on loopback only. Then, for --seconds:
- wrk sends public GETs over every URL of the sitemap plus the routed views, at --connections;
- an editor process publishes a new revision of a news page every second;
- resident threads sign up for one activity whose places are few, each with a new phone number
  and their own address (X-Forwarded-For through NUM_PROXIES=1, as behind nginx);
- with --restart-postgres, the PostgreSQL cluster is restarted halfway through.
It passes when no response was a 5xx, every publication and every accepted sign-up is in the
database (nothing lost) and no more sign-ups were confirmed than the activity has places.

    python bench/load_and_faults.py                      # SQLite, 300 s, 50 connections
    python bench/load_and_faults.py --seconds 60
    python bench/load_and_faults.py --postgres postgres://cms:PASSWORD@127.0.0.1:5432/cms_load
    python bench/load_and_faults.py --postgres … --restart-postgres

Needs wrk (Debian: apt install wrk). Writes bench/results/load_and_faults-<database>[-restart].json.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = str(PROJECT / ".venv" / "bin" / "python")
GUNICORN = str(PROJECT / ".venv" / "bin" / "gunicorn")
RESULTS = PROJECT / "bench" / "results"
CAPACITY = 25
ROUTED_VIEWS = ["/activities/", "/learning-map/", "/progress/", "/search/?q=社区教育", "/api/v2/pages/"]

PREPARE = """
import json
from django.utils import timezone
from courses.models import LearningActivity
from home.models import NewsPage
later = timezone.now() + timezone.timedelta(days=2)
activity = (LearningActivity.objects.filter(takes_registrations=True, start__gt=later)
            .exclude(status=LearningActivity.Status.CANCELLED).order_by("start", "pk").first())
activity.registrations.all().delete()
activity.capacity = {capacity}
activity.save()
page = NewsPage.objects.live().order_by("pk").first()
print(json.dumps({{"activity": activity.pk, "activity_url": activity.get_absolute_url(), "page": page.pk}}))
"""

EDITOR = """
import json, time
from django.db import DatabaseError, connection
from home.models import NewsPage
deadline = time.monotonic() + {seconds}
published = failed = 0
while time.monotonic() < deadline:
    try:
        page = NewsPage.objects.get(pk={page})
        page.title = f"{{page.title.split(' · ')[0]}} · {{published + 1}}"
        page.save_revision().publish()
        published += 1
    except DatabaseError:
        failed += 1  # the database restarting: the editor tries again, as a person would,
        connection.close()  # on a new connection (the site's requests get one each)
    time.sleep(1)
print(json.dumps({{"published": published, "failed_attempts": failed,
                  "title": NewsPage.objects.get(pk={page}).title}}))
"""

CHECK = """
import json
from courses.models import LearningActivity, Registration
activity = LearningActivity.objects.get(pk={activity})
states = list(activity.registrations.values_list("state", flat=True))
print(json.dumps({{"registrations": len(states),
                  "confirmed": states.count(Registration.State.CONFIRMED),
                  "waiting": states.count(Registration.State.WAITING),
                  "phones_unique": len(set(activity.registrations.values_list("phone", flat=True))) == len(states),
                  "phones": list(activity.registrations.values_list("phone", flat=True))}}))
"""

WRK_SCRIPT = """
local paths = {paths}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) fivexx = 0; position = math.random(#paths) end
function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
function response(status, headers, body) if status >= 500 then fivexx = fivexx + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("fivexx") end
  local format = "RESULT fivexx=%d requests=%d p50_ms=%.1f p99_ms=%.1f connect=%d read=%d write=%d timeout=%d\\n"
  io.write(string.format(format, total, summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
"""


def step(message):
    print(f"--- {message}", flush=True)


def manage(env, *args, script=None, capture=False):
    command = [PYTHON, "manage.py", *args]
    if script is not None:
        command += ["shell", "-c", script]
    result = subprocess.run(command, cwd=PROJECT, env=env, check=True, text=True, capture_output=capture)
    return result.stdout if capture else None


def last_json(output):
    """The last JSON object a script printed; production logging may print lines after it (the
    database restart's errors, as the editor retries)."""
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def fresh_postgres_database(url):
    """Drop and create the database named in `url`, through the server's `postgres` database."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        sys.exit(f"Use a plain database name for the load run, not {name!r}.")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")


def environment(work, args):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="load-run-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        DATABASE_URL=args.postgres or f"sqlite:///{work}/db.sqlite3",
        MEDIA_ROOT=f"{work}/media",
        STATIC_ROOT=f"{work}/static",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
        NUM_PROXIES="1",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{args.port}",
        EMAIL_URL="consolemail://",
    )
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    return env


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, urllib.parse.quote(path, safe="/?=&%:+"), body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_until_serving(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/healthz/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("gunicorn did not answer /healthz/ within a minute")


def public_paths(port):
    status, _, sitemap = request(port, "GET", "/sitemap.xml")
    if status != 200:
        sys.exit(f"/sitemap.xml answered {status}")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    paths = [urllib.parse.urlsplit(location).path for location in locations]
    return [urllib.parse.quote(path, safe="/?=&%:+") for path in paths + ROUTED_VIEWS]


class Residents:
    """Threads that each sign a new person up, again and again, until the deadline."""

    def __init__(self, port, activity_url, deadline, threads=4):
        self.port, self.activity_url, self.deadline = port, activity_url, deadline
        self.lock = threading.Lock()
        self.number = 0
        self.accepted, self.statuses = 0, {}
        self.accepted_phones = set()
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def join(self):
        for thread in self.threads:
            thread.join()

    def next_number(self):
        with self.lock:
            self.number += 1
            return self.number

    def count(self, status):
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.accepted += status == 302

    def run(self):
        while time.monotonic() < self.deadline:
            number = self.next_number()
            address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
            try:
                self.sign_up(number, address)
            except OSError:
                self.count("connection error")
            time.sleep(0.2)

    def sign_up(self, number, address):
        forwarded = {"X-Forwarded-For": address}
        status, headers, page = request(self.port, "GET", self.activity_url, headers=forwarded)
        self.count(status)
        cookie = next((value for name, value in headers if name.lower() == "set-cookie" and "csrftoken=" in value), "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not cookie or not token:
            return
        body = urllib.parse.urlencode(
            {"name": f"居民{number}", "phone": f"139{number:08d}", "consent": "on", "csrfmiddlewaretoken": token[1]}
        )
        headers = {
            **forwarded,
            "Cookie": cookie.split(";")[0],
            "Content-Type": "application/x-www-form-urlencoded",
        }
        status, _, _ = request(self.port, "POST", self.activity_url.rstrip("/") + "/signup/", body, headers)
        self.count(status)
        if status == 302:
            with self.lock:
                self.accepted_phones.add(f"139{number:08d}")


def restart_postgres(after_seconds, outcome):
    time.sleep(after_seconds)
    version = sorted(os.listdir("/etc/postgresql"), key=int)[-1]
    started = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True)
    outcome["postgres_restart_seconds"] = round(time.monotonic() - started, 2)


def run_wrk(port, paths, args, work):
    script = Path(work) / "paths.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)
    script.write_text(WRK_SCRIPT.format(paths="{" + quoted + "}"), encoding="utf-8")
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s", "-s", str(script)]
    return subprocess.Popen([*command, f"http://127.0.0.1:{port}"], stdout=subprocess.PIPE, text=True)


def parse_wrk(output):
    match = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    if not match:
        sys.exit("wrk printed no result:\n" + output)
    return {key: float(value) if "." in value else int(value) for key, value in re.findall(r"(\w+)=([\d.]+)", match[1])}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 2)))
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--postgres", help="a database URL for the run; the database is dropped and created")
    parser.add_argument("--restart-postgres", action="store_true", help="restart the PostgreSQL cluster halfway")
    parser.add_argument("--cache-url", help="CACHE_URL for the run (e.g. redis://127.0.0.1:6379/0)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt install wrk)")
    if args.restart_postgres and not args.postgres:
        sys.exit("--restart-postgres needs --postgres")

    work = tempfile.mkdtemp(prefix="cms-load-")
    env = environment(work, args)
    database = "postgresql" if args.postgres else "sqlite"
    if args.postgres:
        fresh_postgres_database(args.postgres)
    step(f"production site with the demo content on {database} in {work}")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--no-input", "-v0")
    prepared = last_json(manage(env, script=PREPARE.format(capacity=CAPACITY), capture=True))

    step(f"gunicorn, {args.workers} workers, on 127.0.0.1:{args.port}")
    server = subprocess.Popen(
        [GUNICORN, "cms.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}", "--timeout", "60"],
        cwd=PROJECT,
        env=env,
        stderr=open(Path(work) / "gunicorn.log", "w"),  # noqa: SIM115 (open while the server runs)
    )
    outcome = {}
    try:
        wait_until_serving(args.port)
        paths = public_paths(args.port)
        step(f"{args.seconds} s: wrk over {len(paths)} URLs at {args.connections} connections, an editor, residents")
        deadline = time.monotonic() + args.seconds
        traffic = run_wrk(args.port, paths, args, work)
        editor = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", EDITOR.format(seconds=args.seconds, page=prepared["page"])],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        residents = Residents(args.port, prepared["activity_url"], deadline)
        residents.start()
        restarter = None
        if args.restart_postgres:
            restarter = threading.Thread(target=restart_postgres, args=(args.seconds / 2, outcome))
            restarter.start()
        wrk_output, _ = traffic.communicate()
        editor_output, _ = editor.communicate()
        residents.join()
        if restarter:
            restarter.join()
        checked = last_json(manage(env, script=CHECK.format(activity=prepared["activity"]), capture=True))
    finally:
        server.terminate()
        server.wait()

    public = parse_wrk(wrk_output)
    edits = last_json(editor_output)
    statuses = {str(key): value for key, value in sorted(residents.statuses.items(), key=str)}
    fivexx = public["fivexx"] + sum(v for k, v in residents.statuses.items() if isinstance(k, int) and k >= 500)
    checks = {
        "no 5xx": fivexx == 0,
        "no failed connections": residents.statuses.get("connection error", 0) == 0
        and public["connect"] + public["read"] + public["write"] + public["timeout"] == 0,
        # A sign-up whose resident gave up waiting (a client timeout) may still be kept: that is
        # not a loss. A loss is an accepted sign-up that is not in the database.
        "every accepted sign-up is in the database": residents.accepted_phones <= set(checked["phones"]),
        "no overbooking": checked["confirmed"] <= CAPACITY,
        "one sign-up per phone": checked["phones_unique"],
        "every publication is live": edits["title"].endswith(f"· {edits['published']}") and edits["published"] > 0,
    }
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "postgres_restarted": args.restart_postgres,
        "seconds": args.seconds,
        "connections": args.connections,
        "workers": args.workers,
        "urls": len(paths),
        "public": {**public, "requests_per_second": round(public["requests"] / args.seconds, 1)},
        "editor": edits,
        "residents": {
            "responses": statuses,
            "accepted": residents.accepted,
            "capacity": CAPACITY,
            **{key: value for key, value in checked.items() if key != "phones"},
        },
        **outcome,
        "checks": checks,
        "passed": all(checks.values()),
    }
    RESULTS.mkdir(exist_ok=True)
    name = f"load_and_faults-{database}{'-restart' if args.restart_postgres else ''}.json"
    (RESULTS / name).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    for check, passed in checks.items():
        print(f"{'ok  ' if passed else 'FAIL'} {check}")
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
