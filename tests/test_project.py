"""Project-wide guarantees: migrations are complete, settings fail safely, translations exist."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# What the test run itself sets (the browser tests allow async-unsafe calls) must not reach
# the production process under test.
NOT_PASSED_TO_PRODUCTION = ("SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def run_production(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in NOT_PASSED_TO_PRODUCTION}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_production("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-key-long-and-random-enough-0123456789",
        ALLOWED_HOSTS="sqjy.example.org.cn",
        CACHE_URL="redis://127.0.0.1:6379/1",
        WAGTAILADMIN_BASE_URL="https://sqjy.example.org.cn",
        JOURNAL_OAI_ADMIN_EMAIL="journal@sqjy.example.org.cn",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deploy_check_refuses_the_embedded_defaults_that_are_certainly_wrong():
    """A per-process cache (rate limits would count per worker), an OAI-PMH identity of
    127.0.0.1 and an admin address oai@localhost (both invalid under the protocol's schema)."""
    result = run_production(
        "check",
        "--deploy",
        SECRET_KEY="k" * 20 + "-production-key-long-and-random-enough-0123456789",
        ALLOWED_HOSTS="sqjy.example.org.cn",
    )
    assert result.returncode != 0
    for check in ("cms.E001", "journal.E001", "journal.E002"):
        assert check in result.stderr + result.stdout


def test_production_pages_survive_static_files_collected_under_other_settings(tmp_path):
    """collectstatic run under the development settings writes no manifest; production must
    still render pages (linking plain names) rather than fail each one with a server error."""
    environment = {k: v for k, v in os.environ.items() if k not in NOT_PASSED_TO_PRODUCTION}
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "STATIC_ROOT": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collected.returncode == 0, collected.stderr
    assert not (tmp_path / "staticfiles.json").exists()

    result = run_production(
        "shell",
        "-c",
        "from django.templatetags.static import static; print(static('css/site.css'))",
        SECRET_KEY="k" * 50,
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("/static/css/site.")


def test_production_mail_comes_from_one_url_with_error_reports_to_the_admins():
    result = run_production(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.SERVER_EMAIL, s.ADMINS)",
        SECRET_KEY="k" * 50,
        EMAIL_URL="smtp+tls://office%40sqjy.example.org.cn:pa55@mail.example.org.cn:587",
        SERVER_EMAIL="errors@sqjy.example.org.cn",
        ADMINS="值班 <ops@sqjy.example.org.cn>, Li <li@sqjy.example.org.cn>",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split(" ", 6) == [
        "mail.example.org.cn",
        "587",
        "office@sqjy.example.org.cn",
        "pa55",
        "True",
        "errors@sqjy.example.org.cn",
        "[('值班', 'ops@sqjy.example.org.cn'), ('Li', 'li@sqjy.example.org.cn')]",
    ]


def read_po(path):
    """(msgctxt, msgid, msgstr, flags) for each entry of a .po file, continuation lines joined."""
    entries, current, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current and current.get("msgid"):
                entries.append(current)
            current, field = None, None
            continue
        current = current or {"flags": ""}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += line[1:-1]
        else:
            field, _, value = line.partition(" ")
            current[field] = value[1:-1]
    return entries


# The project's catalog (cms/, home/) and each app's own.
CATALOG_PATH = "locale/zh_Hans/LC_MESSAGES/django.po"
CATALOGS = [BASE_DIR / CATALOG_PATH, *sorted(BASE_DIR.glob(f"*/{CATALOG_PATH}"))]


def catalog_name(path):
    folder = path.relative_to(BASE_DIR).parts[0]
    return "project" if folder == "locale" else folder


def text(escaped):
    return escaped.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


@pytest.mark.parametrize("catalog", CATALOGS, ids=catalog_name)
def test_every_interface_string_has_a_chinese_translation_that_is_compiled(catalog):
    """Untranslated, fuzzy or uncompiled entries, and entries another catalog overrides."""
    from django.utils import translation

    entries = read_po(catalog)
    assert len(entries) > 20, f"{catalog} looks empty: run make messages"
    problems = []
    with translation.override("zh-hans"):
        for entry in entries:
            if "fuzzy" in entry["flags"]:
                problems.append(f"fuzzy: {entry['msgid']}")
            if "msgid_plural" in entry:
                if not entry.get("msgstr[0]"):
                    problems.append(f"untranslated: {entry['msgid']}")
                continue
            if not entry.get("msgstr"):
                problems.append(f"untranslated: {entry['msgid']}")
                continue
            msgid, msgstr = text(entry["msgid"]), text(entry["msgstr"])
            if "msgctxt" in entry:
                shown = translation.pgettext(text(entry["msgctxt"]), msgid)
            else:
                shown = translation.gettext(msgid)
            if shown != msgstr:
                problems.append(f"not compiled or overridden by another app: {msgid!r} shows {shown!r}")
    assert problems == []


def test_one_wording_translates_one_way_across_apps():
    """Django merges the apps' catalogs, so the same string translated two ways shows only one:
    a word with two meanings needs a context (pgettext), e.g. "name" of a person."""
    translations = {}
    for catalog in CATALOGS:
        for entry in read_po(catalog):
            if entry.get("msgstr"):
                key = (entry.get("msgctxt"), text(entry["msgid"]))
                translations.setdefault(key, {})[catalog_name(catalog)] = text(entry["msgstr"])
    conflicts = {key: apps for key, apps in translations.items() if len(set(apps.values())) > 1}
    assert conflicts == {}


PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-production-key-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "sqjy.example.org.cn",
}


def test_production_logs_one_json_object_per_line():
    result = run_production(
        "shell",
        "-c",
        "import logging; logging.getLogger('cms.example').warning('报名已满', extra={'activity': 7})",
        **PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert (record["level"], record["logger"], record["message"], record["activity"]) == (
        "WARNING",
        "cms.example",
        "报名已满",
        7,
    )
    assert record["time"]


def test_errors_go_to_sentry_only_when_a_dsn_is_set_and_without_personal_data():
    script = "import sentry_sdk; c = sentry_sdk.get_client(); print(c.is_active(), c.options['send_default_pii'])"

    without = run_production("shell", "-c", script, **PRODUCTION_ENV)
    with_dsn = run_production("shell", "-c", script, SENTRY_DSN="http://key@127.0.0.1:9/1", **PRODUCTION_ENV)

    assert without.stdout.split()[-2:-1] == ["False"], without.stderr
    assert with_dsn.stdout.split()[-2:] == ["True", "False"], with_dsn.stderr
