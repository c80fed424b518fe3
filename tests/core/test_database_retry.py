"""A view that fails because the database dropped its connection (a PostgreSQL restart) or stayed
locked (SQLite) is run once more when the database answers again, if it can safely run twice."""

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path, resolve
from django.views.decorators.csrf import csrf_exempt

from cms.core.database_retry import retry_after_database_error
from cms.urls import urlpatterns as site_urlpatterns

# transaction=True: the middleware closes and reopens the connection, which a test wrapped in
# one transaction cannot do on PostgreSQL. serialized_rollback=True, like every transactional test
# here: a plain flush recreates content types, and the next serialized test's reload then clashes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
calls = []


def failing_once(request):
    calls.append(request.method)
    if len(calls) == 1:
        raise OperationalError("server closed the connection unexpectedly")
    return HttpResponse("answered")


def always_failing(request):
    calls.append(request.method)
    raise OperationalError("database is locked")


urlpatterns = [
    path("read/", failing_once),
    path("always-failing/", always_failing),
    path("write/", csrf_exempt(failing_once)),
    path("retryable-write/", csrf_exempt(retry_after_database_error(failing_once))),
    *site_urlpatterns,
]


@pytest.fixture(autouse=True)
def fresh_calls(settings):
    settings.ROOT_URLCONF = __name__
    calls.clear()


def test_a_page_read_during_a_restart_is_answered(client):
    client.raise_request_exception = False

    response = client.get("/read/")

    assert (response.status_code, response.content) == (200, b"answered")
    assert calls == ["GET", "GET"]


def test_a_write_is_not_run_twice_unless_its_view_allows_it(client):
    client.raise_request_exception = False

    assert client.post("/write/").status_code == 500
    assert calls == ["POST"]

    calls.clear()
    assert client.post("/retryable-write/").status_code == 200
    assert calls == ["POST", "POST"]


def test_a_second_failure_is_not_retried_again(client):
    client.raise_request_exception = False

    assert client.get("/always-failing/").status_code == 500
    assert calls == ["GET", "GET"]


def test_activity_sign_up_may_be_retried():
    # Its writes are one transaction, and a second sign-up with the same phone is refused.
    assert resolve("/activities/1/signup/").func.database_retry_safe
