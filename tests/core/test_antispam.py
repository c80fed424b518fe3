"""Public forms count attempts per client, also behind a reverse proxy, and spot bots."""

import pytest
from django.test import RequestFactory

from cms.core.antispam import HoneypotForm, client_address, rate_limited


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_proxies_the_forwarded_header_is_not_trusted(settings):
    settings.NUM_PROXIES = 0
    assert client_address(request_from("10.0.0.2", forwarded="1.2.3.4")) == "10.0.0.2"


def test_behind_one_proxy_the_address_it_saw_counts(settings):
    settings.NUM_PROXIES = 1
    # A client may send its own X-Forwarded-For; only the entry our proxy appended counts.
    assert client_address(request_from("10.0.0.2", forwarded="6.6.6.6, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from("10.0.0.2")) == "10.0.0.2"


def test_rate_limit_counts_each_client_and_scope_apart(settings):
    settings.NUM_PROXIES = 1
    first, second = request_from("10.0.0.2", "203.0.113.9"), request_from("10.0.0.2", "203.0.113.10")
    assert [rate_limited(first, "signup", limit=2, window=60) for _ in range(3)] == [False, False, True]
    assert rate_limited(second, "signup", limit=2, window=60) is False
    assert rate_limited(first, "comments", limit=2, window=60) is False


def test_the_honeypot_marks_bots():
    assert HoneypotForm(data={"website": "http://spam.example"}).is_spam()
    assert not HoneypotForm(data={"website": ""}).is_spam()
