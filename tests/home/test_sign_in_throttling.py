"""Guessing passwords is slowed down: the admin sign-in locks out, page passwords are rate limited."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.factories import content_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_the_admin_sign_in_locks_out_after_five_wrong_passwords_even_for_the_right_one(client):
    get_user_model().objects.create_user(username="editor", password="correct horse", is_superuser=True)

    wrong = [sign_in(client, f"guess {n}").status_code for n in range(5)]
    right = sign_in(client, "correct horse")

    assert wrong[:4] == [200] * 4  # the form again, with its error
    assert right.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_the_right_password_signs_in_before_the_limit(client):
    get_user_model().objects.create_user(username="editor", password="correct horse", is_superuser=True)

    sign_in(client, "guess")
    right = sign_in(client, "correct horse")

    assert right.status_code == 302 and "_auth_user_id" in client.session


def test_page_password_guesses_are_limited(client, home_page):
    page = content_page(home_page, title="内部通知", slug="internal")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    url = f"/_util/authenticate_with_password/{restriction.id}/{page.id}/"

    guesses = [client.post(url, {"password": f"guess{n}", "return_url": page.url}).status_code for n in range(10)]
    right = client.post(url, {"password": "s3cret", "return_url": page.url})

    assert guesses == [200] * 10
    assert right.status_code == 429
    assert "请几分钟后再试" in right.content.decode()
    assert 'id="id_password"' in client.get(page.url).content.decode()  # still asked for the password
