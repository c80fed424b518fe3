"""Documents handed to nginx after Wagtail has checked who may have them (X-Accel-Redirect).

With ``SENDFILE_BACKEND = "cms.sendfile_nginx"`` (production behind nginx, deploy/nginx), the
document view answers with an empty response naming the file under the internal location
``/protected-media/``, which nginx serves from MEDIA_ROOT and which no visitor can request
directly: the Python worker is free at once, and a private document is still never public.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse

INTERNAL_PREFIX = "/protected-media/"


def sendfile(request, filename, mimetype=None, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = INTERNAL_PREFIX + quote(relative.as_posix())
    return response
