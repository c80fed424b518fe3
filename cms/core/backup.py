"""Back up and restore the site: the database and the uploaded files, in one .tar.gz.

The archive holds ``manifest.json`` (when, which database engine, the row counts of every
table), the database (``database.sqlite3``, copied with SQLite's online backup, or
``database.dump``, pg_dump's custom format), ``media/`` and ``private-media/`` (what applicants
uploaded to calls, which the web server never serves). A restore checks the manifest first (an
archive from the other engine is refused before anything changes), puts the database back,
replaces the folders it holds, and compares the row counts with the manifest.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, router

from . import page_cache_purge

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def row_counts():
    """Rows per table of every installed model (that this database holds)."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or not router.allow_migrate_model("default", model):
            continue
        counts[model._meta.db_table] = model._base_manager.using("default").count()
    return dict(sorted(counts.items()))


def create(destination, progress=None):
    """Write a backup archive into the folder ``destination``; returns its path."""
    progress = progress or (lambda message: None)
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive_path = destination / f"backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        progress("Copying the database…")
        database_name = _dump_database(work)
        manifest = {
            "format": FORMAT_VERSION,
            "created": stamp,
            "engine": connection.vendor,
            "database": database_name,
            "tables": row_counts(),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        progress("Packing the database and the uploaded files…")
        with tarfile.open(archive_path, "w:gz") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(work / database_name, arcname=database_name)
            for name, root in file_folders().items():
                if root.exists():
                    archive.add(root, arcname=name)
    return archive_path


def file_folders():
    """The folders of uploaded files by their name in the archive. A private folder inside the
    public one travels with it (and is not replaced twice)."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    folders = {"media": media_root}
    private_root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    if not private_root.is_relative_to(media_root):
        folders["private-media"] = private_root
    return folders


def read_manifest(archive_path):
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_path} is not a backup made by `manage.py backup` ({error}).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_path} has backup format {manifest.get('format')}, not {FORMAT_VERSION}.")
    return manifest


def restore(archive_path, progress=None):
    """Replace the database and the media with the archive's; returns the tables whose row
    counts differ from the manifest (empty when everything came back)."""
    progress = progress or (lambda message: None)
    manifest = read_manifest(archive_path)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; the site now uses {connection.vendor}. "
            "Restore it into the same kind of database."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        work = Path(work)
        archive.extractall(work, filter="data")
        progress("Restoring the database…")
        _load_database(work / manifest["database"])
        progress("Restoring the uploaded files…")
        for name, root in file_folders().items():
            if not (work / name).exists():  # an archive from before the folder had files: keep them
                continue
            if root.exists():
                shutil.rmtree(root)
            shutil.copytree(work / name, root)
    page_cache_purge.purge_now()  # the rows came back without signals: no page may show the old site
    counts = row_counts()
    return {table: (rows, counts.get(table)) for table, rows in manifest["tables"].items() if counts.get(table) != rows}


# -- the two engines ---------------------------------------------------------------------------


def _dump_database(work):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(work / "database.sqlite3")
        try:
            connection.connection.backup(target)  # a consistent copy while the site runs
        finally:
            target.close()
        return "database.sqlite3"
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(work / "database.dump")])
        return "database.dump"
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _load_database(path):
    if connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    connection.close()  # pg_restore --clean drops the tables: no session of ours may hold them
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)])


def _run(command):
    """Run a PostgreSQL client program against the site's database (password through the
    environment, never on the command line)."""
    database = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    arguments = ["--host", database.get("HOST") or "localhost", "--port", str(database.get("PORT") or 5432)]
    arguments += ["--username", database.get("USER") or "", "--dbname", database["NAME"]]
    result = subprocess.run([*command, *arguments], env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")
