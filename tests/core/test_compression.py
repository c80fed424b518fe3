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
