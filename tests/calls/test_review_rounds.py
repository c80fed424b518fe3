"""Matching reviewers to a call's fields of expertise, revision rounds and double-blind review.

Editors are offered the reviewers best suited first (fields covered, then open workload), with
those in a conflict of interest shown but not selectable. A moderator may send a submission back
for revision: the applicant reads the round's comments from numbered, never named, reviewers,
revises after the call's deadline until the revision is due, and the resubmission is reviewed
again in round 2 before the decision."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from calls.models import Assignment, CallPage, RevisionRequest, Score, Submission
from calls.reviewing import candidates, remind_overdue
from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from network.models import ExpertiseField

pytestmark = pytest.mark.django_db

ORGANISATION = "安吉县社区学院"


@pytest.fixture
def make_submission(applicant, regions):
    def make(call, title="文化礼堂里的乡村学堂", status=Submission.Status.SUBMITTED, who=None):
        return Submission.objects.create(
            call=call,
            applicant=who or applicant,
            title=title,
            summary="以村文化礼堂为阵地开展老年教育。",
            organisation_name=ORGANISATION,
            region=regions["安吉县"],
            status=status,
            submitted_at=timezone.now(),
        )

    return make


@pytest.fixture
def fields(db):
    names = ["老年教育", "课程开发", "社区教育政策", "家庭教育"]
    return {name: ExpertiseField.objects.get_or_create(name=name)[0] for name in names}


def expert_in(reviewer, *fields):
    reviewer.expert.fields.set(fields)
    return reviewer


def board_row(client, call, submission):
    board = BeautifulSoup(client.get(f"/admin/calls/{call.pk}/board/").content, "html.parser")
    return board.find("tr", {"data-submission": str(submission.pk)})


def test_reviewers_are_offered_by_the_fields_they_cover_then_by_workload(
    client, call, fields, make_submission, make_reviewer, make_staff
):
    call.expertise.set([fields["老年教育"], fields["课程开发"], fields["社区教育政策"]])
    call.save()
    submission = make_submission(call)
    busy = expert_in(make_reviewer("甲忙碌", region="宁波市"), fields["老年教育"], fields["课程开发"])
    free = expert_in(make_reviewer("乙空闲", region="温州市"), fields["老年教育"], fields["课程开发"])
    one_field = expert_in(make_reviewer("丙单项", region="嘉兴市"), fields["老年教育"], fields["家庭教育"])
    no_field = make_reviewer("丁无关", region="台州市")
    colleague = expert_in(make_reviewer("周同事", affiliation=ORGANISATION), *fields.values())
    other = make_submission(call, title="另一份申报", status=Submission.Status.UNDER_REVIEW)
    Assignment.objects.create(submission=other, reviewer=busy)
    Assignment.objects.create(submission=other, reviewer=no_field, completed_at=timezone.now())

    client.force_login(make_staff(EDITORS_GROUP))
    options = board_row(client, call, submission).select("select[name=reviewer] option")
    offered = [option.get_text() for option in options]
    assert [text.split(" ")[0] for text in offered] == ["周同事", "乙空闲", "甲忙碌", "丙单项", "丁无关"]
    assert "覆盖 3 个领域中的 2 个: 老年教育, 课程开发" in offered[1] and "0 项未完成评审" in offered[1]
    assert "1 项未完成评审" in offered[2], "an unfinished review counts; a finished one does not"
    assert "覆盖 3 个领域中的 0 个" in offered[4]
    assert [option.has_attr("disabled") for option in options] == [True, False, False, False, False]
    assert "该专家在申报单位工作" in offered[0], "the conflict is shown with its reason"
    assert all(r.pk in [int(o["value"]) for o in options] for r in (free, one_field, colleague))

    # The same number of queries with three more reviewers: none per reviewer.
    with CaptureQueriesContext(connection) as few:
        client.get(f"/admin/calls/{call.pk}/board/")
    for name, region in (("戊", "丽水市"), ("己", "衢州市"), ("庚", "舟山市")):
        expert_in(make_reviewer(name, region=region), fields["社区教育政策"])
    with CaptureQueriesContext(connection) as more:
        client.get(f"/admin/calls/{call.pk}/board/")
    assert len(more) == len(few)


def test_the_board_reads_reviews_and_scores_without_a_query_for_each(
    client, call, make_submission, make_reviewer, make_staff
):
    """Every review's weighted total and each score's criterion are shown from a fixed number of
    queries, however many submissions and reviews the call has."""
    reviewers = [make_reviewer(name, region=region) for name, region in (("甲", "宁波市"), ("乙", "温州市"))]

    def reviewed_submission(title):
        submission = make_submission(call, title=title, status=Submission.Status.UNDER_REVIEW)
        for reviewer in reviewers:
            review = Assignment.objects.create(submission=submission, reviewer=reviewer, completed_at=timezone.now())
            for criterion in call.criteria.all():
                Score.objects.create(assignment=review, criterion=criterion, score=8)
        return submission

    reviewed_submission("第一份")
    client.force_login(make_staff(EDITORS_GROUP))
    with CaptureQueriesContext(connection) as one:
        client.get(f"/admin/calls/{call.pk}/board/")
    last = reviewed_submission("第二份")
    reviewed_submission("第三份")
    with CaptureQueriesContext(connection) as three:
        client.get(f"/admin/calls/{call.pk}/board/")

    assert len(three) == len(one)
    assert board_row(client, call, last).select_one(".total").get_text() == "80.0"


def test_a_reviewer_already_assigned_in_this_round_is_not_offered_again(
    client, call, make_submission, make_reviewer, make_staff
):
    submission = make_submission(call, status=Submission.Status.UNDER_REVIEW)
    reviewer = make_reviewer("王建华")
    Assignment.objects.create(submission=submission, reviewer=reviewer)
    client.force_login(make_staff(EDITORS_GROUP))
    option = board_row(client, call, submission).select_one("select[name=reviewer] option")
    assert option.has_attr("disabled") and "本轮已分配" in option.get_text()


def score(client, assignment, values, comment):
    data = {"comment": comment}
    for criterion, value in zip(assignment.submission.call.criteria.all(), values, strict=True):
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = f"{criterion.name}：{comment}"
    client.post(f"{assignment.submission.call.call_index().url}reviews/{assignment.pk}/", data)
    assignment.refresh_from_db()
    return assignment.weighted_total()


def close(call):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save_revision().publish()


def request_revision(client, submission, message="请补充实施成效的数据。", days=14):
    due = timezone.localdate() + datetime.timedelta(days=days)
    return client.post(
        f"/admin/calls/submissions/{submission.pk}/revision/", {"message": message, "due_on": due.isoformat()}
    )


def revise(client, submission, resubmit=True, **fields):
    data = {"title": "文化礼堂里的乡村学堂（修改稿）", "summary": "补充了参学人数。", "response": "已补充数据。"}
    data.update(fields)
    data["submit" if resubmit else "save"] = "1"
    return client.post(f"{submission.call.url}submissions/{submission.pk}/", data)


@pytest.fixture
def reviewed(make_call, make_submission, make_reviewer, make_staff, committing_client):
    """A submission to a closed manuscript call, scored by two reviewers in round 1."""
    call = make_call(title="《社区教育研究》征稿", kind=CallPage.Kind.MANUSCRIPT)
    submission = make_submission(call, status=Submission.Status.UNDER_REVIEW)
    submission.files.create(file=ContentFile(b"%PDF-1.4 v1", name="初稿.pdf"))
    close(call)
    reviewers = [make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")]
    for reviewer, values, comment in zip(reviewers, ([8, 6], [6, 10]), ("数据不足", "文献偏旧"), strict=True):
        assignment = Assignment.objects.create(submission=submission, reviewer=reviewer)
        reviewer_client = Client()
        reviewer_client.force_login(reviewer.user)
        score(reviewer_client, assignment, values, comment)
    return {
        "call": call,
        "submission": submission,
        "reviewers": reviewers,
        "moderator": make_staff(MODERATORS_GROUP),
        "editor": make_staff(EDITORS_GROUP),
    }


def test_a_revision_round_from_the_request_to_the_acceptance(committing_client, reviewed, applicant):
    web, call, submission = committing_client, reviewed["call"], reviewed["submission"]
    edit = f"{call.url}submissions/{submission.pk}/"

    # A moderator asks for a revision; the applicant is told by mail.
    web.force_login(reviewed["editor"])
    request_revision(web, submission)
    assert submission.revision_requests.count() == 0, "editors assign; moderators decide"
    web.force_login(reviewed["moderator"])
    request_revision(web, submission)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REVISION_REQUESTED and submission.round == 1
    [message] = mail.outbox
    assert message.to == [applicant.email] and "请补充实施成效的数据" in message.body
    assert f"http://testserver{edit}" in message.body
    assert "需修改" in board_row(web, call, submission).get_text()

    # The applicant reads the round's comments from numbered reviewers and revises, after the deadline.
    web.force_login(applicant)
    page = web.get(edit).content.decode()
    assert "评审专家 1" in page and "评审专家 2" in page and "数据不足" in page and "创新性：文献偏旧" in page
    assert "重新提交" in page and call.has_closed()
    listing = web.get(call.call_index().url + "my-submissions/").content.decode()
    assert f"需修改 · 修改截止 {timezone.localdate() + datetime.timedelta(days=14):%Y-%m-%d}" in listing
    upload = SimpleUploadedFile("修改稿.pdf", b"%PDF-1.4 v2", content_type="application/pdf")
    first_file = submission.files.get()
    revise(web, submission, resubmit=False, title="修改中", files=upload, remove_files=[first_file.pk])
    submission.refresh_from_db()
    assert submission.title == "修改中" and submission.status == Submission.Status.REVISION_REQUESTED
    assert [f.name for f in submission.files.all()] == ["修改稿.pdf"], "the earlier version's file is removed"
    mail.outbox.clear()
    revise(web, submission)

    # Round 2: the same reviewers are asked again, and only its scores count on the board.
    submission.refresh_from_db()
    assert submission.title == "文化礼堂里的乡村学堂（修改稿）" and submission.round == 2
    assert submission.status == Submission.Status.UNDER_REVIEW
    assert submission.revision_requests.get().response == "已补充数据。"
    second = list(submission.assignments.filter(round=2).order_by("pk"))
    assert [a.reviewer for a in second] == reviewed["reviewers"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([applicant.email] + [a.reviewer.user.email for a in second])
    reinvited = next(m for m in mail.outbox if m.to == [second[0].reviewer.user.email])
    assert "第 2 轮" in reinvited.body and f"reviews/{second[0].pk}/" in reinvited.body
    assert "已提交，不能再修改" in web.get(edit).content.decode(), "locked again once resubmitted"
    revise(web, submission, title="再改")
    submission.refresh_from_db()
    assert submission.title == "文化礼堂里的乡村学堂（修改稿）"

    web.force_login(reviewed["moderator"])
    row = board_row(web, call, submission)
    assert "第 2 轮" in row.get_text() and row.select(".total") == [], "round 1's scores are not round 2's"

    for assignment, values in zip(second, ([10, 10], [8, 8]), strict=True):
        web.force_login(assignment.reviewer.user)
        page = web.get(f"{call.call_index().url}reviews/{assignment.pk}/").content.decode()
        assert "已补充数据。" in page and "第 2 轮" in page, "the reviewer reads the applicant's response"
        assert ORGANISATION not in page and "李申报" not in page
        score(web, assignment, values, "已改进")
    old = submission.assignments.get(round=1, reviewer=reviewed["reviewers"][0])
    score(web, old, [1, 1], "改第一轮")
    assert old.weighted_total() == 75.0, "an earlier round's scores are frozen"

    web.force_login(reviewed["moderator"])
    row = board_row(web, call, submission)
    assert [t.get_text() for t in row.select(".total")] == ["100.0", "80.0"] and "90.0" in row.get_text()
    web.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "accept"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED


def test_the_applicant_is_locked_out_after_the_revision_is_due(committing_client, reviewed, applicant):
    web, call, submission = committing_client, reviewed["call"], reviewed["submission"]
    web.force_login(reviewed["moderator"])
    request_revision(web, submission, days=0)
    web.force_login(applicant)
    revise(web, submission, resubmit=False, title="当天还能改")
    submission.refresh_from_db()
    assert submission.title == "当天还能改", "open until the end of the due day"

    RevisionRequest.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    revise(web, submission)
    submission.refresh_from_db()
    assert submission.title == "当天还能改" and submission.round == 1
    assert submission.status == Submission.Status.REVISION_REQUESTED
    assert "未在期限内重新提交" in web.get(f"{call.url}submissions/{submission.pk}/").content.decode()
    web.post(call.url + "submit/", {"title": "截止后新申报", "summary": "新", "organisation_name": "x", "save": "1"})
    assert Submission.objects.count() == 1, "the call's deadline still holds for everything else"

    # The moderator may still decide on it.
    web.force_login(reviewed["moderator"])
    web.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "reject"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED


@pytest.mark.parametrize(
    ("message", "days", "error"),
    [("", 14, "修改要求"), ("请修改", -1, "日期"), ("请修改", None, "日期")],
)
def test_a_revision_request_without_message_or_with_a_past_due_date_is_refused(
    committing_client, reviewed, message, days, error
):
    submission = reviewed["submission"]
    committing_client.force_login(reviewed["moderator"])
    due = "" if days is None else (timezone.localdate() + datetime.timedelta(days=days)).isoformat()
    response = committing_client.post(
        f"/admin/calls/submissions/{submission.pk}/revision/", {"message": message, "due_on": due}, follow=True
    )
    assert response.status_code == 200 and error in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.UNDER_REVIEW and mail.outbox == []


@pytest.mark.parametrize("blind", [True, False])
def test_the_applicant_never_learns_who_reviewed(
    committing_client, make_call, make_submission, make_reviewer, make_staff, applicant, blind
):
    """Every page and mail the applicant gets, through a revision round and the decision, for a
    blind call and an open one alike."""
    call = make_call(blind=blind)
    submission = make_submission(call, status=Submission.Status.UNDER_REVIEW)
    reviewers = [make_reviewer("王建华"), make_reviewer("陈其他", affiliation="宁波大学", region="宁波市")]
    reviewers[0].user.first_name, reviewers[0].user.last_name = "建华", "王"
    reviewers[0].user.save()
    web = committing_client
    for reviewer in reviewers:
        assignment = Assignment.objects.create(submission=submission, reviewer=reviewer)
        web.force_login(reviewer.user)
        score(web, assignment, [7, 7], "建议补充案例")
    web.force_login(make_staff(MODERATORS_GROUP))
    request_revision(web, submission)
    applicant_pages = []
    web.force_login(applicant)
    edit = f"{call.url}submissions/{submission.pk}/"
    index = call.call_index().url
    applicant_pages += [web.get(edit).content.decode(), web.get(index + "my-submissions/").content.decode()]
    revise(web, submission)
    applicant_pages += [web.get(edit).content.decode(), web.get(index + "my-submissions/").content.decode()]
    for assignment in submission.assignments.filter(round=2):
        web.force_login(assignment.reviewer.user)
        score(web, assignment, [9, 9], "可以录用")
    web.force_login(make_staff(MODERATORS_GROUP))
    web.post(f"/admin/calls/submissions/{submission.pk}/decide/", {"decision": "accept"})
    web.force_login(applicant)
    applicant_pages += [web.get(edit).content.decode(), web.get(index + "my-submissions/").content.decode()]

    mails = [f"{m.subject}\n{m.body}" for m in mail.outbox if m.to == [applicant.email]]
    assert len(mails) == 3, "revision requested, resubmission received, decision"
    assert "建议补充案例" in applicant_pages[0], "the comments do reach the applicant"
    for text in applicant_pages + mails:
        for reviewer in reviewers:
            for identity in (reviewer.expert.name, reviewer.user.email, reviewer.user.username, "浙江开放大学"):
                assert identity not in text


def test_a_manuscript_call_is_always_double_blind(make_call):
    call = make_call(kind=CallPage.Kind.MANUSCRIPT)
    assert call.blind_review
    call.blind_review = False
    with pytest.raises(ValidationError) as refused:
        call.full_clean()
    assert "blind_review" in refused.value.message_dict


def test_an_editor_names_the_fields_a_call_needs_in_its_review_panel(admin_client, call, fields):
    url = reverse("wagtailadmin_pages:edit", args=[call.pk])
    page = admin_client.get(url).content.decode()
    data = querydict_from_html(page, form_id="page-edit-form")
    assert "所需专业领域" in page and 'type="checkbox" name="expertise"' in page
    data.setlist("expertise", [str(fields["老年教育"].pk), str(fields["课程开发"].pk)])
    data["action-publish"] = "action-publish"
    admin_client.post(url, dict(data.lists()))  # every value, as a browser sends them
    call.refresh_from_db()
    assert sorted(f.name for f in call.expertise.all()) == ["老年教育", "课程开发"]

    data["kind"], data["blind_review"] = CallPage.Kind.MANUSCRIPT, ""
    refused = admin_client.post(url, dict(data.lists())).content.decode()
    assert "稿件一律双盲评审" in refused
    call.refresh_from_db()
    assert call.kind == CallPage.Kind.CASE


@pytest.mark.parametrize("value", ["", "abc", "99999"])
def test_an_unknown_reviewer_is_refused_with_a_message(client, call, make_submission, make_staff, value):
    submission = make_submission(call)
    client.force_login(make_staff(EDITORS_GROUP))
    response = client.post(f"/admin/calls/submissions/{submission.pk}/assign/", {"reviewer": value}, follow=True)
    assert response.status_code == 200 and "请选择评审专家" in response.content.decode()
    assert not Assignment.objects.exists()


def test_only_the_current_round_is_reminded_and_counted_as_open_work(
    committing_client, reviewed, applicant, make_reviewer, committed
):
    web, submission = committing_client, reviewed["submission"]
    late = make_reviewer("赵迟到", affiliation="温州大学", region="温州市")
    forgotten = Assignment.objects.create(submission=submission, reviewer=late)  # never scored in round 1
    web.force_login(reviewed["moderator"])
    request_revision(web, submission)
    web.force_login(applicant)
    revise(web, submission)
    Assignment.objects.update(assigned_at=timezone.now() - datetime.timedelta(days=10))
    mail.outbox.clear()

    committed(lambda: remind_overdue(7))
    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == sorted(r.user.email for r in reviewed["reviewers"]), "round 2's reviewers, not round 1's"
    assert late.user.email not in reminded and forgotten.round == 1
    _needed, ranked = candidates(submission.call)
    assert {c.reviewer.expert.name: c.open_reviews for c in ranked} == {"王建华": 1, "陈其他": 1, "赵迟到": 0}
