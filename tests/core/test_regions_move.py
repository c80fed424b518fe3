"""Regions moved from courses to core (courses 0005) and cases took their city from them (journal
0002): a site upgraded with data keeps every region row with its id, the catalog's references
to them, its groups' permissions, and its cases' cities, drafts included."""

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from cms.core.models import Region
from courses.models import Venue
from journal.models import CaseCollectionPage, CasePage
from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_MOVE = [("courses", "0004_course_code_per_language"), ("journal", "0001_initial")]


def foreign_key_targets(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {c["columns"][0]: c["foreign_key"][0] for c in constraints.values() if c["foreign_key"]}


def test_an_upgraded_site_keeps_its_regions_cases_and_permissions(home_page, client):
    collection = CaseCollectionPage(title="案例集", slug="cases")
    home_page.add_child(instance=collection)
    collection.save_revision().publish()
    old = migrate(BEFORE_THE_MOVE).loader.project_state(BEFORE_THE_MOVE).apps

    OldRegion = old.get_model("courses", "Region")
    regions = dict(OldRegion.objects.values_list("code", "pk"))
    huzhou, ningbo = OldRegion.objects.get(code="3305"), OldRegion.objects.get(code="3302")
    old.get_model("courses", "Venue").objects.create(name="南浔古镇学堂", city=huzhou, county=None)
    content_types = old.get_model("contenttypes", "ContentType").objects
    case_type = content_types.get(app_label="journal", model="casepage")
    region_type = content_types.get(app_label="courses", model="region")
    old_page = old.get_model("wagtailcore", "Page").objects.get(pk=collection.pk)
    case = old.get_model("journal", "CasePage").objects.create(
        title="南浔区：蚕桑课堂",
        draft_title="南浔区：蚕桑课堂",
        slug="silk",
        path=old_page.path + "0001",
        depth=old_page.depth + 1,
        url_path=old_page.url_path + "silk/",
        content_type=case_type,
        locale_id=old_page.locale_id,
        live=True,
        region="huzhou",
        institution="南浔区社区学院",
        theme="产业技能",
        summary="把蚕桑技艺带进课堂。",
    )
    old.get_model("wagtailcore", "Page").objects.filter(pk=collection.pk).update(numchild=1)
    # A draft saved before the upgrade that moves the case to Ningbo.
    draft = old.get_model("wagtailcore", "Revision").objects.create(
        content_type=case_type,
        base_content_type=content_types.get(app_label="wagtailcore", model="page"),
        object_id=str(case.pk),
        created_at=timezone.now(),
        content={"pk": case.pk, "title": case.title, "region": "ningbo", "institution": case.institution}
        | {"theme": case.theme, "summary": case.summary},
    )

    migrate(latest())

    # Every row kept its id in the renamed table, which the catalog's keys now reference.
    assert dict(Region.objects.values_list("code", "pk")) == regions
    assert Region._meta.db_table == "core_region"
    assert foreign_key_targets("courses_venue")["city_id"] == "core_region"
    assert Venue.objects.get(name="南浔古镇学堂").city.name == "湖州市"
    assert Region.objects.create(name="新区", level="county", code="330599").pk > max(regions.values())
    # The content type was relabelled, so editors may still view the regions.
    assert ContentType.objects.get_for_model(Region).pk == region_type.pk
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="编辑 Editors"))
    assert editor.has_perm("core.view_region")
    # The case is found under its city, by the same address as before.
    assert CasePage.objects.get(pk=case.pk).city.code == "3305"
    assert "南浔区：蚕桑课堂" in client.get("/cases/?region=huzhou").content.decode()
    assert "南浔区：蚕桑课堂" not in client.get("/cases/?region=ningbo").content.decode()
    # The old draft publishes with the city it chose.
    CasePage.objects.get(pk=case.pk).revisions.get(pk=draft.pk).publish()
    assert CasePage.objects.get(pk=case.pk).city_id == ningbo.pk
