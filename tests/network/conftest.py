"""Fixtures for the directory: a directory page, organisations, experts and volunteers."""

import itertools
from decimal import Decimal

import pytest

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from network.models import DirectoryIndexPage, Expert, ExpertiseField, OrganisationPage, Volunteer, VolunteerHonour
from network.models.regions import region_model
from tests.factories import add_page, staff_user

_numbers = itertools.count(1)


@pytest.fixture
def regions(db):
    everything = {region.name: region for region in region_model().objects.all()}
    return everything


@pytest.fixture
def directory(home_page):
    return add_page(home_page, DirectoryIndexPage(title="机构名录", slug="directory", introduction="全省社区教育机构"))


@pytest.fixture
def make_organisation(directory, regions):
    def make(title=None, kind=OrganisationPage.Kind.COMMUNITY_COLLEGE, region="西湖区", publish=True, **fields):
        number = next(_numbers)
        page = OrganisationPage(
            title=title or f"测试社区学院{number}",
            slug=f"org-{number}",
            kind=kind,
            region=regions[region] if region else None,
            **fields,
        )
        return add_page(directory, page, publish=publish)

    return make


# Contact data that must never reach a public page, the API, search, the sitemap or a feed.
SECRET_PHONE = "13912345678"
SECRET_EMAIL = "wang.private@example.org"
SECRET_ID = "330106198001010013"


@pytest.fixture
def expert(regions):
    expert = Expert.objects.create(
        name="王建华",
        title="教授",
        affiliation="浙江开放大学",
        region=regions["杭州市"],
        biography="长期从事社区教育与终身学习研究。",
        public_profile=True,
        phone=SECRET_PHONE,
        email=SECRET_EMAIL,
        id_number=SECRET_ID,
    )
    expert.fields.set(ExpertiseField.objects.filter(name__in=["社区教育理论", "老年教育"]))
    return expert


@pytest.fixture
def make_volunteer(regions):
    def make(name, honours=(), hours="120.5", **fields):
        volunteer = Volunteer.objects.create(
            name=name, affiliation="西湖区社区学校", region=regions["西湖区"], service_hours=Decimal(hours), **fields
        )
        for year, title in honours:
            VolunteerHonour.objects.create(volunteer=volunteer, year=year, title=title)
        return volunteer

    return make


@pytest.fixture
def editor(db):
    return staff_user("editor", EDITORS_GROUP)


@pytest.fixture
def moderator(db):
    return staff_user("moderator", MODERATORS_GROUP)
