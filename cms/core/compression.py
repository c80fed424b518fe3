"""Gzip for what gets smaller: pages, feeds, JSON and XML, never files that are compressed
already (PDFs, images, audio, video, archives) or sent as they are stored (documents)."""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")


def compressible(content_type):
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind.startswith(COMPRESSIBLE) or kind.endswith(("+xml", "+json"))


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
