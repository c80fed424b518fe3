"""Documents are sent exactly as stored.

Wagtail's serve view (through wagtail.utils.sendfile) sets ``Content-Encoding`` to the encoding
``mimetypes`` guesses from the file name: the text "None" for almost every file, which some
browsers refuse, and "gzip" for a ``.gz`` file, which makes browsers unpack a download the reader
wanted as it is; and it names a ``.csv.gz`` file text/csv. The file is never encoded on its way
out: the header goes, and a compressed file is named as the archive it is."""

import mimetypes

from wagtail.documents.views import serve as wagtail_serve

ARCHIVE_TYPES = {
    "gzip": "application/gzip",
    "bzip2": "application/x-bzip2",
    "xz": "application/x-xz",
    "br": "application/x-brotli",
    "compress": "application/x-compress",
}


def serve(request, document_id, document_filename):
    response = wagtail_serve.serve(request, document_id, document_filename)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    _, encoding = mimetypes.guess_type(document_filename)
    if encoding and response.status_code == 200:
        response["Content-Type"] = ARCHIVE_TYPES.get(encoding, "application/octet-stream")
    return response
