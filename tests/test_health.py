"""/healthz/ answers 200 when the database, cache and search engine answer, 503 otherwise."""

import contextlib

import pytest
from elasticsearch_dsl import connections
from wagtail import hooks

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "search": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_an_unreachable_elasticsearch_makes_it_unhealthy(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port

    try:
        response = client.get("/healthz/")
    finally:
        with contextlib.suppress(KeyError):
            connections.remove_connection("default")  # the connection made for this address

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "search": "failed"}


def test_a_failing_check_is_named_and_the_others_still_run(client):
    def broken():
        raise RuntimeError("disk full")

    with hooks.register_temporarily("register_health_check", lambda: {"media": broken}):
        response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["checks"]["media"] == "failed"
    assert response.json()["checks"]["database"] == "ok"
    assert "disk full" not in response.content.decode()
