"""Pages leave gzipped, with their security headers, for clients that accept it."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_gzipped_for_clients_that_accept_it(client, home_page):
    plain = client.get("/")
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    assert compressed["Content-Security-Policy"] == plain["Content-Security-Policy"]


def test_gzip_output_varies_in_length_against_breach(client, home_page):
    """Heal The Breach: a random-length gzip header, so sizes do not reveal matching content."""
    sizes = {len(client.get("/", HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(8)}
    assert len(sizes) > 1


def stored_document(name, content):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(content), save=True)
    return document


@pytest.mark.parametrize("name", ["讲义.pdf", "学员名单.csv.gz"])
def test_documents_leave_exactly_as_stored(client, name):
    """No Content-Encoding at all: Wagtail's guess is the text "None" for a PDF, which browsers
    may refuse, and "gzip" for a .gz file, which makes browsers unpack the download."""
    content = b"%PDF-1.4 " + b"0" * 4000 if name.endswith(".pdf") else gzip.compress(b"name\n" * 1000)
    document = stored_document(name, content)

    response = client.get(document.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert "Content-Encoding" not in response, "neither a guessed encoding nor our gzip"
    if name.endswith(".gz"):
        assert response["Content-Type"] == "application/gzip"
    assert b"".join(response.streaming_content) == content


def test_json_is_gzipped_too(client, home_page):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Type"].startswith("application/json") and response["Content-Encoding"] == "gzip"
