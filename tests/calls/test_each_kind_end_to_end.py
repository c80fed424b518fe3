"""Each kind of call walked from its publication to the published outcome, as the people involved
do it: the applicant submits with a file, the deadline locks the submission, an editor assigns
reviewers (the one from the applying organisation is refused), the reviewers score blind (a
manuscript goes through one revision round), a moderator decides, the 公示 lists the accepted
submission, and the accepted submission becomes a draft where it belongs (a page, or a research
project or volunteer snippet), which only a moderator's approval publishes."""

import datetime
from typing import NamedTuple

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from calls.models import AnnouncementPage, Assignment, CallPage, Submission
from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from courses.models import Category, CourseIndexPage, CoursePage
from journal.models import (
    ArticlePage,
    CaseCollectionPage,
    CasePage,
    IssuePage,
    JournalPage,
    ResearchIndexPage,
    ResearchProject,
)
from network.models import TOP_100, DirectoryIndexPage, Volunteer
from tests.factories import add_page

pytestmark = pytest.mark.django_db

ORGANISATION = "安吉县社区学院"
TITLE = "文化礼堂里的乡村学堂"


def case_collection(home_page):
    return add_page(home_page, CaseCollectionPage(title="2026年典型案例", slug="cases", year=2026))


def check_case(case, collection, call):
    assert isinstance(case, CasePage) and case.get_parent().pk == collection.pk
    assert (case.city.name, case.county, case.institution) == ("湖州市", "安吉县", ORGANISATION)


def course_catalog(home_page):
    Category.objects.create(name="乡土文化", slug="local-culture")
    return add_page(home_page, CourseIndexPage(title="特色课程", slug="courses"))


def check_course(course, catalog, call):
    assert isinstance(course, CoursePage) and course.get_parent().pk == catalog.pk
    assert course.year == call.closes_at.year, "marked as selected in the call's year"
    assert (course.city.name, course.county.name, course.provider.name) == ("湖州市", "安吉县", ORGANISATION)


def next_issue(home_page):
    journal = add_page(home_page, JournalPage(title="社区教育研究", slug="journal"))
    add_page(journal, IssuePage(title="2026年第1期", slug="2026-1", year=2026, number=1))
    return add_page(journal, IssuePage(title="2026年第2期", slug="2026-2", year=2026, number=2), publish=False)


def check_article(article, issue, call):
    assert isinstance(article, ArticlePage) and article.get_parent().pk == issue.pk, "in the next issue"
    authorship = article.authorships.get()
    assert (authorship.person.name, authorship.person.affiliation) == ("李申报", ORGANISATION)
    assert authorship.is_corresponding and article.abstract == "以村文化礼堂为阵地开展老年教育。"


def research_listing(home_page):
    return add_page(home_page, ResearchIndexPage(title="科研课题", slug="research"))


def check_project(project, listing, call):
    assert isinstance(project, ResearchProject)
    assert (project.year, project.lead, project.institution) == (call.closes_at.year, "李申报", ORGANISATION)
    assert project.status == ResearchProject.Status.APPROVED, "立项"


def directory(home_page):
    return add_page(home_page, DirectoryIndexPage(title="机构名录", slug="directory"))


def check_volunteer(volunteer, directory, call):
    assert isinstance(volunteer, Volunteer)
    assert (volunteer.name, volunteer.affiliation, volunteer.region.name) == (TITLE, ORGANISATION, "安吉县")
    honour = volunteer.honours.get()
    assert (honour.year, honour.title) == (call.closes_at.year, TOP_100)


class Destination(NamedTuple):
    make: object  # home page -> where the outcome goes
    check: object  # (draft, destination, call) -> None
    published_at: object = None  # (draft, destination) -> the public URL that shows it once approved
    call_title: str = ""


def the_draft_page(draft, destination):
    return draft.url


KINDS = {
    CallPage.Kind.CASE: Destination(case_collection, check_case, the_draft_page),
    CallPage.Kind.COURSE_SELECTION: Destination(course_catalog, check_course, the_draft_page),
    # An article waits for its issue to be published.
    CallPage.Kind.MANUSCRIPT: Destination(next_issue, check_article),
    CallPage.Kind.PROJECT: Destination(research_listing, check_project, lambda draft, listing: listing.url),
    CallPage.Kind.VOLUNTEER: Destination(
        directory,
        check_volunteer,
        lambda draft, directory: f"{directory.url}volunteers/top-100/",
        call_title="2026年百佳社区教育志愿者推荐",
    ),
}


@pytest.fixture
def people(applicant, make_reviewer, make_staff):
    return {
        "applicant": applicant,
        "colleague": make_reviewer("周同事", affiliation=ORGANISATION, region="杭州市"),
        "reviewers": [make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")],
        "editor": make_staff(EDITORS_GROUP),
        "moderator": make_staff(MODERATORS_GROUP),
    }


def submit(client, call, regions):
    upload = SimpleUploadedFile("申报书.pdf", b"%PDF-1.4 the application", content_type="application/pdf")
    data = {
        "title": TITLE,
        "summary": "以村文化礼堂为阵地开展老年教育。",
        "organisation_name": ORGANISATION,
        "region": regions["安吉县"].pk,
        "consent": "on",
        "files": upload,
        "submit": "1",
    }
    assert client.post(call.url + "submit/", data).status_code == 302
    return Submission.objects.get(call=call)


def close(call):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save_revision().publish()


def score(client, assignment, values):
    data = {"comment": "思路清晰"}
    for criterion, value in zip(assignment.submission.call.criteria.all(), values, strict=True):
        data[f"score_{criterion.pk}"] = value
    assert client.post(f"{assignment.submission.call.call_index().url}reviews/{assignment.pk}/", data).status_code
    assignment.refresh_from_db()
    return assignment.weighted_total()


def announce(call):
    return add_page(
        call,
        AnnouncementPage(
            title=f"{call.title}入选名单公示",
            slug="announcement",
            objections_close=timezone.localdate() + datetime.timedelta(days=7),
            objection_contact="联系电话 0571-88888888",
        ),
    )


def public_texts(client, draft, destination):
    texts = [client.get(url).content.decode() for url in ("/sitemap.xml", "/api/v2/pages/?limit=100")]
    texts.append(client.get("/search/", {"q": TITLE}).content.decode().split('class="search-layout"')[-1])
    if isinstance(draft, Page):
        return texts + [str(client.get(draft.url).status_code) if draft.url else "404"]
    # A snippet has no page of its own: it shows in its listing, which must not show it yet.
    listings = [destination.url, f"{destination.url}volunteers/top-100/"]
    return texts + [client.get(url).content.decode() for url in listings]


def editor_cannot_publish(web, draft, editor):
    """Not from the edit view (no Publish button, and publishing there is refused) nor, for a page,
    from the explorer's bulk action."""
    if isinstance(draft, Page):
        assert not draft.permissions_for_user(editor).can_publish()
        bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={draft.pk}"
        web.post(bulk_publish, {"include_descendants": ""})
    else:
        assert not editor.has_perm(f"{draft._meta.app_label}.publish_{draft._meta.model_name}")
        edit = reverse(draft.snippet_viewset.get_url_name("edit"), args=[draft.pk])
        page = web.get(edit).content.decode()
        assert 'name="action-publish"' not in page
        web.post(edit, {"action-publish": "1"})
    draft.refresh_from_db()
    assert not draft.live


def approve(web, draft):
    task_state = draft.current_workflow_task_state
    if isinstance(draft, Page):
        action = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    else:
        action = reverse(
            draft.snippet_viewset.get_url_name("workflow_action"), args=[draft.pk, "approve", task_state.pk]
        )
    web.post(action, {"comment": ""})
    draft.refresh_from_db()
    assert draft.live


def revision_round(web, call, submission, people):
    """A manuscript goes through one revision: the moderator sends it back, the author reads the
    reviewers' comments without their names, revises after the deadline and resubmits; the same
    reviewers score the revised version in round 2."""
    web.force_login(people["moderator"])
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    web.post(f"/admin/calls/submissions/{submission.pk}/revision/", {"message": "请补充调查数据。", "due_on": due})
    web.force_login(people["applicant"])
    edit = f"{call.url}submissions/{submission.pk}/"
    page = web.get(edit).content.decode()
    assert "请补充调查数据" in page and "评审专家 1" in page
    assert all(reviewer.expert.name not in page for reviewer in people["reviewers"])
    data = {"title": TITLE, "summary": "以村文化礼堂为阵地开展老年教育。", "response": "已补充。", "submit": "1"}
    web.post(edit, data)
    submission.refresh_from_db()
    assert submission.round == 2 and submission.status == Submission.Status.UNDER_REVIEW
    second_round = submission.assignments.filter(round=2).order_by("pk")
    assert [a.reviewer for a in second_round] == people["reviewers"]
    for assignment, values in zip(second_round, ([8, 6], [10, 10]), strict=True):
        web.force_login(assignment.reviewer.user)
        score(web, assignment, values)


@pytest.mark.parametrize("kind", list(KINDS), ids=str)
def test_a_call_from_publication_to_the_published_outcome(
    kind, home_page, make_call, people, regions, committing_client, client
):
    place = KINDS[kind]
    destination = place.make(home_page)
    call = make_call(title=place.call_title or f"2026年{CallPage.Kind(kind).label}", kind=kind, blind=True)
    assert client.get(call.url).status_code == 200, "the call is published"
    web = committing_client

    # The applicant submits with a file; the deadline then locks the submission.
    web.force_login(people["applicant"])
    submission = submit(web, call, regions)
    assert submission.status == Submission.Status.SUBMITTED and submission.files.get().name == "申报书.pdf"
    close(call)
    edit = f"{call.url}submissions/{submission.pk}/"
    web.post(edit, {"title": "截止后修改", "summary": "改", "organisation_name": ORGANISATION, "consent": "on"})
    submission.refresh_from_db()
    assert submission.title == TITLE and "征集已截止" in web.get(edit).content.decode()

    # An editor assigns reviewers: a colleague of the applicant is refused.
    web.force_login(people["editor"])
    for reviewer in [people["colleague"], *people["reviewers"]]:
        web.post(f"/admin/calls/submissions/{submission.pk}/assign/", {"reviewer": reviewer.pk})
    assignments = list(Assignment.objects.filter(submission=submission).order_by("pk"))
    assert [a.reviewer for a in assignments] == people["reviewers"]

    # Each reviewer reads the submission without the applicant's identity and scores it.
    totals = []
    for assignment, values in zip(assignments, ([8, 6], [10, 10]), strict=True):
        web.force_login(assignment.reviewer.user)
        page = web.get(f"{call.call_index().url}reviews/{assignment.pk}/").content.decode()
        assert "以村文化礼堂为阵地开展老年教育" in page
        assert ORGANISATION not in page and "李申报" not in page
        totals.append(score(web, assignment, values))
    assert totals == [75.0, 100.0]
    if kind == CallPage.Kind.MANUSCRIPT:
        revision_round(web, call, submission, people)

    # A moderator decides, the 公示 lists the accepted submission, and the draft is made.
    web.force_login(people["moderator"])
    board = web.get(f"/admin/calls/{call.pk}/board/").content.decode()
    assert "87.5" in board, "the average of the two totals"
    web.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "accept"})
    announcement = announce(call)
    listing = client.get(announcement.url).content.decode()
    assert TITLE in listing and ORGANISATION in listing
    web.post(f"/admin/calls/{call.pk}/outcomes/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED and submission.outcome is not None
    draft = submission.outcome
    place.check(draft, destination, call)
    assert not draft.live and draft.workflow_in_progress
    for text in public_texts(client, draft, destination):
        assert TITLE not in text, "the draft is not public"
    board = web.get(f"/admin/calls/{call.pk}/board/").content.decode()
    assert AdminURLFinder(people["moderator"]).get_edit_url(draft) in board, "the board links to the draft"

    # An editor cannot publish it; a moderator approves it, and it is public.
    web.force_login(people["editor"])
    editor_cannot_publish(web, draft, people["editor"])
    web.force_login(people["moderator"])
    approve(web, draft)
    if place.published_at is not None:
        response = client.get(place.published_at(draft, destination))
        assert response.status_code == 200 and TITLE in response.content.decode()
