"""Review: editors assign reviewers in the admin (the conflict-of-interest rule refuses some),
reviewers see only their assignments and score each criterion, blind calls hide the applicant,
the board shows scores side by side and moderators decide."""

import datetime
import io
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from calls.models import Assignment, Submission
from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(call, applicant, regions):
    return Submission.objects.create(
        call=call,
        applicant=applicant,
        title="文化礼堂里的乡村学堂",
        summary="以村文化礼堂为阵地开展老年教育。",
        organisation_name="安吉县社区学院",
        region=regions["安吉县"],
        status=Submission.Status.SUBMITTED,
    )


@pytest.fixture
def editor(make_staff):
    return make_staff(EDITORS_GROUP)


@pytest.fixture
def moderator(make_staff):
    return make_staff(MODERATORS_GROUP)


def assign(client, submission, reviewer):
    return client.post(f"/admin/calls/submissions/{submission.pk}/assign/", {"reviewer": reviewer.pk}, follow=True)


def test_a_conflict_of_interest_refuses_the_assignment(committing_client, editor, submission, make_reviewer):
    committing_client.force_login(editor)
    colleague = make_reviewer("周同事", affiliation="安吉县社区学院", region="杭州市")
    neighbour = make_reviewer("吴邻居", affiliation="湖州师范学院", region="安吉县")
    independent = make_reviewer("王建华", affiliation="浙江开放大学", region="杭州市")

    refused = assign(committing_client, submission, colleague).content.decode()
    assert "该专家在申报单位工作" in refused
    assert "该专家与申报人在同一县（市、区）" in assign(committing_client, submission, neighbour).content.decode()
    assert not Assignment.objects.exists() and mail.outbox == []

    assign(committing_client, submission, independent)
    assert [a.reviewer for a in Assignment.objects.all()] == [independent]
    submission.refresh_from_db()
    assert submission.status == Submission.Status.UNDER_REVIEW
    assert [m.to for m in mail.outbox] == [[independent.user.email]]
    review_url = f"http://testserver{submission.call.call_index().url}reviews/{Assignment.objects.get().pk}/"
    assert review_url in mail.outbox[0].body


def test_only_those_with_the_right_may_assign_or_decide(client, submission, make_reviewer, applicant, make_staff):
    reviewer = make_reviewer("王建华")
    for user in (applicant, reviewer.user):
        client.force_login(user)
        assign(client, submission, reviewer)
        client.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "accept"})
    assert not Assignment.objects.exists()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


def score(client, assignment, values, comment="结构清晰"):
    criteria = list(assignment.submission.call.criteria.all())
    data = {"comment": comment}
    for criterion, value in zip(criteria, values, strict=True):
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = f"{criterion.name}评语"
    index = assignment.submission.call.call_index()
    return client.post(f"{index.url}reviews/{assignment.pk}/", data)


def test_a_reviewer_sees_only_their_assignments_and_scores_each_criterion(submission, make_reviewer, applicant):
    mine, theirs = make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")
    assignment = Assignment.objects.create(submission=submission, reviewer=mine)
    other = Assignment.objects.create(submission=submission, reviewer=theirs)
    index = submission.call.call_index().url
    client = Client()
    client.force_login(mine.user)

    listing = client.get(index + "reviews/")
    assert f"reviews/{assignment.pk}/" in listing.content.decode()
    assert f"reviews/{other.pk}/" not in listing.content.decode()
    assert client.get(f"{index}reviews/{other.pk}/").status_code == 404

    score(client, assignment, [8, 6])
    assignment.refresh_from_db()
    assert {s.criterion.name: s.score for s in assignment.scores.all()} == {"创新性": 8, "成效": 6}
    assert assignment.completed_at and assignment.comment == "结构清晰"
    # (8×3 + 6×1) / (10 × 4) = 75 out of 100
    assert assignment.weighted_total() == 75.0

    score(client, assignment, [11, 6])
    assert assignment.scores.get(criterion__name="创新性").score == 8, "a score above 10 is refused"

    public = Client()
    assert public.get(f"{index}reviews/{assignment.pk}/").status_code == 302
    applicant_client = Client()
    applicant_client.force_login(applicant)
    assert applicant_client.get(f"{index}reviews/{assignment.pk}/").status_code == 403


@pytest.mark.parametrize("blind", [True, False])
def test_a_blind_call_never_shows_the_reviewer_who_applied(make_call, applicant, regions, make_reviewer, blind):
    call = make_call(blind=blind)
    submission = Submission.objects.create(
        call=call,
        applicant=applicant,
        title="文化礼堂里的乡村学堂",
        summary="以村文化礼堂为阵地开展老年教育。",
        organisation_name="安吉县社区学院",
        region=regions["安吉县"],
        status=Submission.Status.UNDER_REVIEW,
    )
    stored = submission.files.create(file=ContentFile(b"%PDF-1.4", name="李申报-安吉县社区学院申报书.pdf"))
    reviewer = make_reviewer("王建华")
    assignment = Assignment.objects.create(submission=submission, reviewer=reviewer)
    client = Client()
    client.force_login(reviewer.user)
    page = client.get(f"{call.call_index().url}reviews/{assignment.pk}/").content.decode()
    download = client.get(f"{call.call_index().url}files/{stored.pk}/")
    assert "以村文化礼堂为阵地开展老年教育" in page and download.status_code == 200
    for identity in ("安吉县社区学院", "李申报"):
        assert (identity in page) is not blind
        assert (quote(identity) in download["Content-Disposition"]) is not blind


def test_the_board_shows_scores_side_by_side_and_a_moderator_decides(
    committing_client, submission, make_reviewer, moderator, editor
):
    first, second = make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")
    for reviewer, values in ((first, [8, 6]), (second, [6, 10])):
        assignment = Assignment.objects.create(submission=submission, reviewer=reviewer)
        reviewer_client = Client()
        reviewer_client.force_login(reviewer.user)
        score(reviewer_client, assignment, values)
    submission.status = Submission.Status.UNDER_REVIEW
    submission.save()

    committing_client.force_login(editor)
    board = BeautifulSoup(committing_client.get(f"/admin/calls/{submission.call_id}/board/").content, "html.parser")
    row = board.find("tr", {"data-submission": str(submission.pk)})
    assert [total.get_text() for total in row.select(".total")] == ["75.0", "70.0"]
    assert "72.5" in row.get_text()
    assert not row.find("button", {"value": "accept"}), "editors assign; moderators decide"

    committing_client.force_login(moderator)
    committing_client.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "accept"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED and submission.decided_by == moderator
    assert [m.to for m in mail.outbox] == [[submission.applicant.email]]
    assert "已入选" in mail.outbox[0].body

    late = Client()
    late.force_login(first.user)
    score(late, first.assignments.get(), [1, 1])
    assert first.assignments.get().weighted_total() == 75.0, "scores are frozen once decided"


def test_the_board_is_in_the_admin_menu_for_editors_only(client, call, editor, applicant, make_staff):
    client.force_login(editor)
    assert "/admin/calls/" in client.get("/admin/").content.decode()
    listing = client.get("/admin/calls/").content.decode()
    assert f"/admin/calls/{call.pk}/board/" in listing and call.title in listing

    client.force_login(applicant)
    assert client.get("/admin/calls/").status_code == 302, "no admin access at all"
    client.force_login(make_staff("没有评审权限的组"))
    assert client.get(f"/admin/calls/{call.pk}/board/").status_code in (302, 403)


def test_reviewers_are_reminded_of_overdue_reviews_once_per_period(submission, make_reviewer, committed):
    late, done = make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")
    overdue = Assignment.objects.create(submission=submission, reviewer=late)
    finished = Assignment.objects.create(submission=submission, reviewer=done, completed_at=timezone.now())
    fresh = make_reviewer("赵新任", affiliation="温州大学", region="温州市")
    Assignment.objects.create(submission=submission, reviewer=fresh)
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    Assignment.objects.filter(pk__in=[overdue.pk, finished.pk]).update(assigned_at=ten_days_ago)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.UNDER_REVIEW)

    committed(lambda: call_command("remind_reviewers", "--days", "7", stdout=io.StringIO()))
    assert [m.to for m in mail.outbox] == [[late.user.email]]
    assert f"reviews/{overdue.pk}/" in mail.outbox[0].body and "提醒" in mail.outbox[0].subject

    committed(lambda: call_command("remind_reviewers", "--days", "7", stdout=io.StringIO()))
    assert len(mail.outbox) == 1, "not again within the period"
