"""Personal data (PIPL): each call says how long it keeps applicants' data, purge_personal_data
applies it, and an applicant or reviewer downloads their own data or deletes their account."""

import datetime
import io
import json
import os
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from calls import decisions
from calls.models import AnnouncementPage, Assignment, RevisionRequest, Score, Submission, SubmissionFile
from calls.retention import anonymise
from calls.views import DELETE_ATTEMPTS
from cms.core.moderation import MODERATORS_GROUP
from journal.models import CaseCollectionPage, CasePage
from tests.factories import add_page

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def make_submission(regions):
    def make(call, applicant, title, status=Submission.Status.SUBMITTED, upload="申报书.pdf"):
        submission = Submission.objects.create(
            call=call,
            applicant=applicant,
            title=title,
            summary=f"{title}的详细方案",
            organisation_name="安吉县社区学院",
            region=regions["安吉县"],
            status=status,
        )
        if upload:
            SubmissionFile.objects.create(
                submission=submission, file=SimpleUploadedFile(upload, f"%PDF {title}".encode())
            )
        return submission

    return make


def stored_paths(submission):
    return [item.file.path for item in submission.files.all()]


def run_purge(committed, *args):
    out = io.StringIO()
    committed(lambda: call_command("purge_personal_data", *args, stdout=out))
    return out.getvalue()


def test_the_retention_date_is_on_the_call_page_and_in_the_consent(client, make_call, applicant):
    closes = timezone.now() + datetime.timedelta(days=10)
    call = make_call(closes_at=closes, retention_days=365)
    kept_until = f"{timezone.localtime(closes + datetime.timedelta(days=365)):%Y-%m-%d}"

    page = BeautifulSoup(client.get(call.url).content, "html.parser")
    assert kept_until in page.select_one(".retention").text

    client.force_login(applicant)
    form = BeautifulSoup(client.get(call.url + "submit/").content, "html.parser")
    assert kept_until in form.select_one("label[for=id_consent]").text


@pytest.fixture
def expired_call(make_call):
    now = timezone.now()
    return make_call(
        title="2022年案例征集",
        opens_at=now - datetime.timedelta(days=1300),
        closes_at=now - datetime.timedelta(days=1200),
        retention_days=1095,
    )


def test_purge_deletes_files_and_the_not_accepted_and_anonymises_the_accepted(
    client, expired_call, make_call, applicant, make_applicant, make_submission, make_reviewer, committed
):
    accepted = make_submission(expired_call, applicant, "文化礼堂里的乡村学堂", Submission.Status.ACCEPTED)
    rejected = make_submission(expired_call, make_applicant("zhao"), "老年大学的数字课堂", Submission.Status.REJECTED)
    draft = make_submission(expired_call, make_applicant("qian"), "未提交的草稿", Submission.Status.DRAFT)
    reviewer = make_reviewer("王评审")
    review = Assignment.objects.create(submission=accepted, reviewer=reviewer, comment="很好")
    Score.objects.create(assignment=review, criterion=expired_call.criteria.first(), score=9)
    recent_call = make_call(title="2026年案例征集")
    kept = make_submission(recent_call, make_applicant("sun"), "仍在保存期内的申报")
    files = stored_paths(accepted) + stored_paths(rejected) + stored_paths(draft)
    assert all(os.path.exists(path) for path in files + stored_paths(kept))

    output = run_purge(committed)

    assert "2022年案例征集" in output and "2026年案例征集" not in output
    assert not any(os.path.exists(path) for path in files), "the files are gone from the disk"
    assert not Submission.objects.filter(pk__in=[rejected.pk, draft.pk]).exists()
    assert not Assignment.objects.filter(pk=review.pk).exists() and not Score.objects.exists()
    accepted.refresh_from_db()
    assert accepted.applicant is None and accepted.summary == "" and accepted.anonymised_at is not None
    assert accepted.title == "文化礼堂里的乡村学堂" and not accepted.files.exists()
    assert get_user_model().objects.filter(username="li").exists(), "the account itself is not the call's"

    kept.refresh_from_db()
    assert kept.applicant.username == "sun" and kept.summary and all(os.path.exists(p) for p in stored_paths(kept))

    announcement = add_page(
        expired_call,
        AnnouncementPage(
            title="入选名单公示",
            slug="announcement",
            objections_close=timezone.localdate() - datetime.timedelta(days=1100),
            objection_contact="联系电话 0571-88888888",
        ),
    )
    html = client.get(announcement.url).content.decode()
    assert "文化礼堂里的乡村学堂" in html and "安吉县社区学院" in html

    again = run_purge(committed)
    assert "0 calls purged" in again and Submission.objects.count() == 2


def test_a_dry_run_changes_nothing(expired_call, applicant, make_submission, committed):
    submission = make_submission(expired_call, applicant, "文化礼堂里的乡村学堂", Submission.Status.REJECTED)
    paths = stored_paths(submission)

    output = run_purge(committed, "--dry-run")

    assert "2022年案例征集" in output and "would purge 1 files, 1 submissions not accepted" in output
    assert Submission.objects.filter(pk=submission.pk).exists() and all(os.path.exists(p) for p in paths)


def download(client, call_index):
    response = client.get(call_index.url + "my-data/download/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("data.json"))


def test_an_applicant_downloads_their_own_data_only(
    client, call_index, call, applicant, make_applicant, make_submission
):
    make_submission(call, applicant, "文化礼堂里的乡村学堂")
    make_submission(call, make_applicant("zhao"), "别人的申报", upload="赵的申报书.pdf")
    client.force_login(applicant)

    page = client.get(call_index.url + "my-submissions/").content.decode()
    assert call_index.url + "my-data/" in page, "my submissions link to my data"

    archive, data = download(client, call_index)
    assert data["account"]["username"] == "li" and data["account"]["email"] == "li@example.org"
    assert [item["title"] for item in data["submissions"]] == ["文化礼堂里的乡村学堂"]
    own_file = data["submissions"][0]["files"][0]
    assert own_file["name"] == "申报书.pdf"
    assert archive.read(own_file["in_this_archive"]) == "%PDF 文化礼堂里的乡村学堂".encode()
    everything = json.dumps(data, ensure_ascii=False) + " ".join(archive.namelist())
    assert "别人的申报" not in everything and "赵的申报书" not in everything and "zhao" not in everything


def test_a_reviewer_downloads_their_profile_and_reviews_without_the_applicant(
    client, call_index, call, applicant, make_submission, make_reviewer
):
    submission = make_submission(call, applicant, "文化礼堂里的乡村学堂", Submission.Status.UNDER_REVIEW)
    reviewer = make_reviewer("王评审")
    review = Assignment.objects.create(submission=submission, reviewer=reviewer, comment="做法新颖")
    Score.objects.create(assignment=review, criterion=call.criteria.get(name="创新性"), score=8, comment="有特色")
    client.force_login(reviewer.user)

    assert call_index.url + "my-data/" in client.get(call_index.url + "reviews/").content.decode()

    archive, data = download(client, call_index)
    assert data["submissions"] == []
    assert data["reviewer"]["expert_profile"]["name"] == "王评审"
    [written] = data["reviewer"]["reviews"]
    assert written["comment"] == "做法新颖" and written["scores"] == [
        {"criterion": "创新性", "score": 8, "comment": "有特色"}
    ]
    assert archive.namelist() == ["data.json"], "never the applicant's files"
    assert "李申报" not in json.dumps(data, ensure_ascii=False)


def test_deleting_an_account_needs_the_password_and_removes_the_undecided_with_files(
    committing_client, call_index, call, applicant, make_submission
):
    client = committing_client
    draft = make_submission(call, applicant, "未提交的草稿", Submission.Status.DRAFT)
    accepted = make_submission(call, applicant, "文化礼堂里的乡村学堂", Submission.Status.ACCEPTED)
    paths = stored_paths(draft) + stored_paths(accepted)
    client.force_login(applicant)
    url = call_index.url + "my-data/delete/"

    refused = client.post(url, {"password": "not-my-password"})
    assert refused.status_code == 400 and get_user_model().objects.filter(pk=applicant.pk).exists()
    assert Submission.objects.filter(pk=draft.pk).exists() and all(os.path.exists(p) for p in paths)

    response = client.post(url, {"password": PASSWORD})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert not get_user_model().objects.filter(pk=applicant.pk).exists()
    assert not Submission.objects.filter(pk=draft.pk).exists()
    assert not any(os.path.exists(p) for p in paths), "the uploaded files are gone from the disk"
    accepted.refresh_from_db()
    assert accepted.applicant is None and accepted.title == "文化礼堂里的乡村学堂" and accepted.summary == ""
    assert mail.outbox[-1].to == ["li@example.org"]
    assert client.get(call_index.url + "my-data/").status_code == 302, "logged out"


def test_a_revision_round_is_the_applicants_data_too(committing_client, call_index, call, applicant, make_submission):
    """The request and the applicant's response are exported; a submission waiting for its revision
    is undecided, so deleting the account deletes it; anonymising drops the response."""
    client = committing_client
    waiting = make_submission(call, applicant, "待修改的申报", Submission.Status.REVISION_REQUESTED)
    due = timezone.localdate() + datetime.timedelta(days=14)
    RevisionRequest.objects.create(submission=waiting, round=1, message="请补充学员名单", due_on=due, response="已补充")
    accepted = make_submission(call, applicant, "已入选的申报", Submission.Status.ACCEPTED)
    RevisionRequest.objects.create(
        submission=accepted, round=1, message="请压缩篇幅", due_on=due, response="我们的联系人是李老师"
    )
    client.force_login(applicant)

    _, data = download(client, call_index)
    revisions = {item["title"]: item["revision_requests"] for item in data["submissions"]}
    assert revisions["待修改的申报"][0]["what_to_revise"] == "请补充学员名单"
    assert revisions["待修改的申报"][0]["your_response"] == "已补充"

    assert client.post(call_index.url + "my-data/delete/", {"password": PASSWORD}).status_code == 200
    assert not Submission.objects.filter(pk=waiting.pk).exists()
    assert RevisionRequest.objects.get(submission=accepted).response == ""


@pytest.fixture
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_password_guesses_at_deletion_are_limited(client, call_index, applicant, fresh_rate_limits):
    client.force_login(applicant)
    url = call_index.url + "my-data/delete/"
    for _attempt in range(DELETE_ATTEMPTS):
        assert client.post(url, {"password": "a-guess"}).status_code == 400
    assert client.post(url, {"password": PASSWORD}).status_code == 429
    assert get_user_model().objects.filter(pk=applicant.pk).exists()


@pytest.fixture
def moderator_user(make_staff):
    return make_staff(MODERATORS_GROUP)


def test_a_staff_account_is_not_deleted_from_the_public_site(client, call_index, moderator_user):
    client.force_login(moderator_user)
    page = BeautifulSoup(client.get(call_index.url + "my-data/").content, "html.parser")
    assert page.select_one(".staff-refused") and not page.select("input[name=password]")

    response = client.post(call_index.url + "my-data/delete/", {"password": PASSWORD})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=moderator_user.pk).exists()


@pytest.mark.parametrize("route", ["my-data/", "my-data/download/", "my-data/delete/"])
def test_anonymous_visitors_are_sent_to_log_in(client, call_index, route):
    response = client.get(call_index.url + route) if route != "my-data/delete/" else client.post(call_index.url + route)
    assert response.status_code == 302 and response["Location"].startswith(call_index.url + "log-in/")


def test_an_anonymised_acceptance_makes_no_draft_naming_nobody(home_page, call, applicant, make_submission, committed):
    collection = add_page(home_page, CaseCollectionPage(title="2026年典型案例", slug="cases", year=2026))
    kept = make_submission(call, applicant, "文化礼堂里的乡村学堂", Submission.Status.ACCEPTED)
    gone = make_submission(call, applicant, "老年大学的数字课堂", Submission.Status.ACCEPTED)
    committed(lambda: anonymise(Submission.objects.filter(pk=gone.pk)))

    made = decisions.create_outcome_drafts(call)

    assert [draft.title for draft in made] == [kept.title]
    assert not CasePage.objects.child_of(collection).filter(title=gone.title).exists()
