"""The outcome: the 公示 page lists what was accepted, with its objection period, and an accepted
case becomes a draft case in the journal's case collection, waiting for a moderator. And what
applicants submit never reaches the public: not on pages, in the API, search, the sitemap or feeds."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState

from calls import decisions
from calls.models import AnnouncementPage, Submission
from cms.core.moderation import MODERATORS_GROUP
from journal.models import CaseCollectionPage, CasePage
from tests.factories import add_page

pytestmark = pytest.mark.django_db

SECRET_TITLE = "只给评审看的安吉乡村学堂方案"
SECRET_SUMMARY = "申报人的内部材料不公开"


@pytest.fixture
def submissions(call, applicant, make_applicant, regions):
    def make(title, status, who, region="安吉县"):
        return Submission.objects.create(
            call=call,
            applicant=who,
            title=title,
            summary=SECRET_SUMMARY,
            organisation_name="安吉县社区学院",
            region=regions[region],
            status=status,
        )

    return {
        "accepted": make("文化礼堂里的乡村学堂", Submission.Status.UNDER_REVIEW, applicant),
        "rejected": make("老年大学的数字课堂", Submission.Status.UNDER_REVIEW, make_applicant("zhao")),
        "secret": make(SECRET_TITLE, Submission.Status.SUBMITTED, make_applicant("sun"), region="西湖区"),
    }


@pytest.fixture
def moderator(make_staff):
    return make_staff(MODERATORS_GROUP)


def test_the_announcement_lists_the_accepted_with_the_objection_period(client, call, submissions, moderator):
    decisions.decide(submissions["accepted"], True, moderator)
    decisions.decide(submissions["rejected"], False, moderator)
    closing = timezone.localdate() + datetime.timedelta(days=7)
    announcement = add_page(
        call,
        AnnouncementPage(
            title="2026年案例征集入选名单公示",
            slug="announcement",
            objections_close=closing,
            objection_contact="联系电话 0571-88888888",
        ),
    )
    html = client.get(announcement.url).content.decode()
    assert "文化礼堂里的乡村学堂" in html and "安吉县社区学院" in html
    assert "老年大学的数字课堂" not in html and SECRET_TITLE not in html
    assert f"公示期至 {closing:%Y-%m-%d}" in html and "0571-88888888" in html

    announcement.objections_close = timezone.localdate() - datetime.timedelta(days=1)
    announcement.save_revision().publish()
    assert "公示期已结束" in client.get(announcement.url).content.decode()


def test_an_accepted_case_becomes_a_draft_case_awaiting_moderation(home_page, call, submissions, moderator):
    collection = add_page(home_page, CaseCollectionPage(title="2026年典型案例", slug="cases", year=2026))
    decisions.decide(submissions["accepted"], True, moderator)
    decisions.decide(submissions["rejected"], False, moderator)

    client = Client()
    client.force_login(moderator)
    client.post(f"/admin/calls/{call.pk}/outcomes/")

    case = CasePage.objects.child_of(collection).get()
    assert case.title == "文化礼堂里的乡村学堂" and not case.live
    assert case.city.name == "湖州市" and case.county == "安吉县" and case.institution == "安吉县社区学院"
    assert WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(case.pk)).get().status == (
        WorkflowState.STATUS_IN_PROGRESS
    )
    submissions["accepted"].refresh_from_db()
    assert submissions["accepted"].outcome_page_id == case.pk

    client.post(f"/admin/calls/{call.pk}/outcomes/")
    assert CasePage.objects.count() == 1, "each accepted submission makes one draft"


def test_submissions_are_nowhere_public(client, call, submissions, news_index):
    call_index = call.call_index()
    texts = [
        client.get(call.url).content.decode(),
        client.get(call_index.url).content.decode(),
        client.get("/api/v2/pages/", {"fields": "*"}).content.decode(),
        client.get(f"/api/v2/pages/{call.pk}/").content.decode(),
        client.get("/sitemap.xml").content.decode(),
        client.get("/news/rss/").content.decode(),
        client.get("/news/atom/").content.decode(),
    ]
    for url in ("/search/", "/api/search/"):
        texts.append(client.get(url, {"q": SECRET_TITLE}).content.decode().split('class="search-layout"')[-1])
    for text in texts:
        assert SECRET_TITLE not in text and SECRET_SUMMARY not in text and "安吉县社区学院" not in text
    assert call.title in client.get("/search/", {"q": "面向全省征集典型案例"}).content.decode(), "search works"
    assert client.get("/api/v2/snippets/").status_code == 404
    for route in ("my-submissions/", "reviews/", "sign-up/"):
        assert route not in texts[4], "the sitemap lists no personal route"
