"""Applicants: accounts without admin access, drafts, submission with files, own submissions
only, and the lock at the closing date."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from calls.accounts import APPLICANTS_GROUP
from calls.models import Submission

pytestmark = pytest.mark.django_db

CONSENT = "我同意我的姓名、电子邮箱和申报材料仅用于我所申报的征集活动"


def form_data(**fields):
    data = {
        "title": "文化礼堂里的乡村学堂",
        "summary": "以村文化礼堂为阵地开展老年教育。",
        "organisation_name": "安吉县社区学院",
        "consent": "on",
    }
    data.update(fields)
    return data


def region_id(regions, name="安吉县"):
    return regions[name].pk


def test_sign_up_makes_an_applicant_without_admin_access(client, call_index):
    page = client.get(call_index.url + "sign-up/")
    assert CONSENT in page.content.decode(), "the consent text is on the form"
    data = {
        "username": "anji",
        "first_name": "张老师",
        "email": "anji@example.org",
        "password1": "a-long-test-password",
        "password2": "a-long-test-password",
    }
    refused = client.post(call_index.url + "sign-up/", data)
    assert refused.status_code == 200 and not get_user_model().objects.filter(username="anji").exists()

    response = client.post(call_index.url + "sign-up/", {**data, "consent": "on"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="anji")
    assert not user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [APPLICANTS_GROUP]
    assert client.get("/admin/").status_code == 302, "the admin sends an applicant to its sign-in"


def test_the_public_forms_need_the_csrf_token(call_index, applicant):
    client = Client(enforce_csrf_checks=True)
    log_in = {"username": "li", "password": "a-long-test-password"}
    assert client.post(call_index.url + "log-in/", log_in).status_code == 403
    token = BeautifulSoup(client.get(call_index.url + "log-in/").content, "html.parser").find(
        "input", {"name": "csrfmiddlewaretoken"}
    )["value"]
    assert client.post(call_index.url + "log-in/", {**log_in, "csrfmiddlewaretoken": token}).status_code == 302


def test_an_applicant_saves_a_draft_with_a_file_then_submits_and_it_is_locked(
    committing_client, call, applicant, regions
):
    client = committing_client
    client.force_login(applicant)
    upload = SimpleUploadedFile("申报书.pdf", b"%PDF-1.4 the application", content_type="application/pdf")
    response = client.post(call.url + "submit/", form_data(region=region_id(regions), files=upload, save="1"))
    submission = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{call.url}submissions/{submission.pk}/"
    assert submission.status == Submission.Status.DRAFT and submission.applicant == applicant
    assert [f.name for f in submission.files.all()] == ["申报书.pdf"]
    assert mail.outbox == [], "a draft is not announced"

    edit = f"{call.url}submissions/{submission.pk}/"
    client.post(edit, form_data(region=region_id(regions), title="文化礼堂里的乡村学堂（修订）", submit="1"))
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED and submission.submitted_at
    assert submission.title == "文化礼堂里的乡村学堂（修订）"
    assert [m.to for m in mail.outbox] == [[applicant.email]] and "申报已收到" in mail.outbox[0].subject

    client.post(edit, form_data(region=region_id(regions), title="提交后再改"))
    submission.refresh_from_db()
    assert submission.title == "文化礼堂里的乡村学堂（修订）"
    assert "此申报已提交，不能再修改" in client.get(edit).content.decode()

    listing = client.get(call.call_index().url + "my-submissions/").content.decode()
    assert "文化礼堂里的乡村学堂（修订）" in listing and "已提交" in listing

    file_url = f"{call.call_index().url}files/{submission.files.get().pk}/"
    download = client.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 the application"
    assert "no-store" in download["Cache-Control"]


def test_nothing_can_be_submitted_or_changed_once_the_call_has_closed(client, call, applicant, regions):
    client.force_login(applicant)
    client.post(call.url + "submit/", form_data(region=region_id(regions), save="1"))
    draft = Submission.objects.get()
    # The deadline passes.
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save_revision().publish()

    edit = f"{call.url}submissions/{draft.pk}/"
    client.post(edit, form_data(region=region_id(regions), title="截止后修改", submit="1"))
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT and draft.title == "文化礼堂里的乡村学堂"
    client.post(call.url + "submit/", form_data(region=region_id(regions), title="截止后新申报", save="1"))
    assert Submission.objects.count() == 1
    assert "征集已截止：不能再提交或修改申报" in client.get(edit).content.decode()


def test_an_applicant_sees_only_their_own_submissions_and_files(client, call, applicant, make_applicant, regions):
    client.force_login(applicant)
    upload = SimpleUploadedFile("mine.pdf", b"%PDF-1.4 mine", content_type="application/pdf")
    client.post(call.url + "submit/", form_data(region=region_id(regions), files=upload, save="1"))
    mine = Submission.objects.get()
    stored = mine.files.get()

    other = Client()
    other.force_login(make_applicant("wang", name="王申报"))
    index = call.call_index().url
    assert "文化礼堂里的乡村学堂" not in other.get(index + "my-submissions/").content.decode()
    assert other.get(f"{call.url}submissions/{mine.pk}/").status_code == 404
    assert other.get(f"{index}files/{stored.pk}/").status_code == 404

    public = Client()
    assert public.get(f"{index}files/{stored.pk}/").status_code == 404
    assert public.get(index + "my-submissions/").status_code == 302
    assert public.get(f"{call.url}submissions/{mine.pk}/").status_code == 302


def test_a_file_of_a_dangerous_kind_is_refused(client, call, applicant, regions):
    client.force_login(applicant)
    upload = SimpleUploadedFile("page.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post(call.url + "submit/", form_data(region=region_id(regions), files=upload, save="1"))
    assert response.status_code == 200 and not Submission.objects.exists()
    assert "不接受此类文件" in response.content.decode()
