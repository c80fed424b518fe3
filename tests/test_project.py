"""Project-wide guarantees: migrations are complete, settings fail safely, translations exist."""

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
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


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


def test_every_interface_string_has_a_chinese_translation_that_is_compiled():
    from django.utils import translation

    entries = read_po(BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 50
    problems = []
    with translation.override("zh-hans"):
        for entry in entries:
            if "fuzzy" in entry["flags"]:
                problems.append(f"fuzzy: {entry['msgid']}")
            if "msgid_plural" in entry:
                continue
            if not entry.get("msgstr"):
                problems.append(f"untranslated: {entry['msgid']}")
                continue
            msgid = entry["msgid"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            msgstr = entry["msgstr"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            shown = translation.pgettext(entry["msgctxt"], msgid) if "msgctxt" in entry else translation.gettext(msgid)
            if shown != msgstr:
                problems.append(f"not compiled: {msgid!r} shows {shown!r}")
    assert problems == []
