"""Fixtures for calls: a call index with an open case call, applicants, and experts with reviewer accounts."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from calls.accounts import APPLICANTS_GROUP
from calls.models import CallIndexPage, CallPage, ReviewCriterion, Reviewer
from network.models import Expert
from network.models.regions import region_model
from tests.factories import add_page

_numbers = itertools.count(1)


@pytest.fixture
def regions(db):
    return {region.name: region for region in region_model().objects.all()}


@pytest.fixture
def call_index(home_page):
    return add_page(home_page, CallIndexPage(title="征集评审", slug="calls", introduction="申报与评审"))


@pytest.fixture
def make_call(call_index):
    def make(title="2026年社区教育服务乡村振兴案例征集", kind=CallPage.Kind.CASE, blind=True, **fields):
        now = timezone.now()
        page = CallPage(
            title=title,
            slug=f"call-{next(_numbers)}",
            kind=kind,
            introduction="面向全省征集典型案例。",
            opens_at=fields.pop("opens_at", now - datetime.timedelta(days=10)),
            closes_at=fields.pop("closes_at", now + datetime.timedelta(days=10)),
            reviewers_per_submission=2,
            blind_review=blind,
            **fields,
        )
        page.criteria = [
            ReviewCriterion(name="创新性", weight=3, description="做法是否新颖"),
            ReviewCriterion(name="成效", weight=1),
        ]
        return add_page(call_index, page)

    return make


@pytest.fixture
def call(make_call):
    return make_call()


@pytest.fixture
def make_applicant(db):
    def make(username=None, name="李申报"):
        user = get_user_model().objects.create_user(
            username=username or f"applicant{next(_numbers)}",
            password="a-long-test-password",
            first_name=name,
            email=f"{username or 'applicant'}@example.org",
        )
        user.groups.add(Group.objects.get(name=APPLICANTS_GROUP))
        return user

    return make


@pytest.fixture
def applicant(make_applicant):
    return make_applicant("li", name="李申报")


@pytest.fixture
def make_reviewer(regions):
    def make(name, affiliation="浙江开放大学", region="杭州市"):
        expert = Expert.objects.create(name=name, affiliation=affiliation, region=regions[region] if region else None)
        user = get_user_model().objects.create_user(
            username=f"expert{next(_numbers)}", password="a-long-test-password", email=f"{name}@example.org"
        )
        return Reviewer.objects.create(expert=expert, user=user)

    return make


@pytest.fixture
def make_staff(db):
    def make(group):
        user = get_user_model().objects.create_user(
            username=f"staff{next(_numbers)}", password="a-long-test-password", is_staff=True
        )
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        return user

    return make
