"""Odd query strings get an answer, never a server error.

Unicode digits that str.isdigit() accepts but int() refuses (², ①), control characters,
numbers too big for the database, and searches that overflow the full-text parser, sent to
every public view that reads a query string, over the whole demo site.
"""

import io
import string

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from courses.models import CourseIndexPage
from journal.models import ResearchIndexPage

ONE_LETTER_WORDS = " ".join(string.ascii_lowercase * 4)  # 104 one-letter words
HUGE = "9" * 30
LONG_CHINESE = ("终身学习社区教育老年大学文化礼堂乡村振兴数字素养家庭教育非遗传承" * 8)[:200]

# pytest-django sets the test database up only for tests that ask for it.
pytestmark = pytest.mark.django_db


def odd_requests(catalog, research):
    return {
        "catalog: superscript year and page": f"{catalog}?year=²⁰¹⁹&page=²",
        "catalog: circled year": f"{catalog}?year=①",
        "catalog: huge page": f"{catalog}?page={HUGE}",
        "activities: superscript course and page": "/activities/?course=²&page=²",
        "activities: circled month": "/activities/?month=②⓪②⑥-⓪①",
        "progress: circled year": "/progress/?year=②⓪②⑥",
        "research: circled year": f"{research}?year=①",
        "search: circled year and page": "/search/?q=社区教育&year=①&page=²",
        "search: huge page": f"/search/?q=社区教育&page={HUGE}",
        "search: one-letter words": f"/search/?q={ONE_LETTER_WORDS}",
        "search: 200 characters of Chinese": f"/search/?q={LONG_CHINESE}",
        "search: control characters": "/search/?q=%00%01社区%1f",
        "search API: superscript page": "/api/search/?q=社区&page=²",
        "search API: one-letter words": f"/api/search/?q={ONE_LETTER_WORDS}",
        "OAI-PMH: NUL in the verb": "/oai/?verb=Identify%00",
        "OAI-PMH: NUL in from": "/oai/?verb=ListRecords&metadataPrefix=oai_dc&from=2020%00-01-01",
        "OAI-PMH: control character in the token": "/oai/?verb=ListRecords&resumptionToken=%01%02",
        "OAI-PMH: NUL in identifier": "/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%00x",
        "pages API: huge offset": f"/api/v2/pages/?offset={HUGE}",
        "pages API: superscript limit": "/api/v2/pages/?limit=²",
        "pages API: NUL in search": "/api/v2/pages/?search=%00",
    }


@pytest.fixture(scope="module")
def answers(django_db_setup, django_db_blocker):
    """Each odd request's status over the demo, computed in one transaction that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        catalog = CourseIndexPage.objects.live().order_by("path").first().url
        research = ResearchIndexPage.objects.live().order_by("path").first().url
        client = Client(raise_request_exception=False)
        result = {name: client.get(url).status_code for name, url in odd_requests(catalog, research).items()}
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("name", list(odd_requests("/courses/", "/research/")))
def test_odd_query_strings_are_answered_without_a_server_error(answers, name):
    assert answers[name] < 500
