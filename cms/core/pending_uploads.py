"""An uploaded import file kept between its check and its confirmation, or a failed check and the next.

Offices fix what a check flags (a missing instructor, a new category) in the admin and check
again; they should not have to find and upload the file once more. The file waits in storage
under a random name; the session remembers which one is the editor's, so nobody else can use it.
"""

import secrets
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

PENDING_DIR = "imports/pending"


def _storage_name(token, filename):
    suffix = PurePath(filename).suffix.lower()
    return f"{PENDING_DIR}/{token}{suffix if suffix.isascii() and suffix[1:].isalnum() else ''}"


def keep(request, key, content, filename, **details):
    """Store ``content`` for this editor under ``key`` (replacing what was kept) and return its token."""
    discard(request, key)
    token = secrets.token_hex(16)
    default_storage.save(_storage_name(token, filename), ContentFile(content))
    request.session[key] = {"token": token, "filename": PurePath(filename).name, **details}
    return token


def kept(request, key):
    """What this editor keeps under ``key``: a dict with token, filename and the details; None if nothing."""
    pending = request.session.get(key)
    if pending and default_storage.exists(_storage_name(pending["token"], pending["filename"])):
        return pending
    return None


def read(request, key, token=None):
    """The kept file's bytes; None when nothing is kept or ``token`` is not the kept one's."""
    pending = kept(request, key)
    if pending is None or (token is not None and token != pending["token"]):
        return None
    with default_storage.open(_storage_name(pending["token"], pending["filename"]), "rb") as handle:
        return handle.read()


def discard(request, key):
    pending = request.session.pop(key, None)
    if pending:
        name = _storage_name(pending["token"], pending["filename"])
        if default_storage.exists(name):
            default_storage.delete(name)
