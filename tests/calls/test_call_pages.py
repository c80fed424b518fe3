"""A call is a page: what, who may apply, dates, documents, weighted criteria, how it is reviewed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from calls.models import CallDocument, CallPage, Submission

pytestmark = pytest.mark.django_db


def test_the_call_page_shows_what_who_when_documents_and_criteria(client, make_call):
    template = Document.objects.create(title="申报书模板", file=ContentFile(b"%PDF-1.4 template", name="form.pdf"))
    call = make_call(eligibility="<p>全省各级社区学院</p>")
    call.documents = [CallDocument(document=template, label="申报书模板")]
    call.save_revision().publish()

    page = BeautifulSoup(client.get(call.url).content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert "全省各级社区学院" in text
    assert "创新性" in text and "成效" in text
    assert page.find("a", string="申报书模板")["href"] == template.url
    assert page.find("a", href=call.url + "submit/"), "an open call offers to apply"


def test_a_call_that_has_closed_or_not_opened_offers_no_application(client, make_call):
    now = timezone.now()
    closed = make_call(opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(days=1))
    future = make_call(opens_at=now + datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=30))
    for call, wording in ((closed, "征集已截止"), (future, "征集尚未开始")):
        page = BeautifulSoup(client.get(call.url).content, "html.parser")
        assert not page.find("a", href=call.url + "submit/")
        assert wording in page.get_text()


def test_a_call_must_close_after_it_opens(make_call):
    call = make_call()
    call.closes_at = call.opens_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "closes_at" in error.value.message_dict


def test_the_index_lists_live_calls_and_the_kinds_are_the_issues_five(client, call_index, make_call):
    make_call(title="百门特色课程遴选", kind=CallPage.Kind.COURSE_SELECTION)
    assert "百门特色课程遴选" in client.get(call_index.url).content.decode()
    assert {kind for kind, _label in CallPage.Kind.choices} == {
        "course_selection",
        "project",
        "case",
        "volunteer",
        "manuscript",
    }


def test_a_translated_call_takes_applications_in_its_language_for_the_one_call_editors_review(
    client, applicant, localised_site, locales, call, regions
):
    """Applications all belong to the call in the default language; the English call shows the
    form in English and returns to its own pages."""
    from cms.core.translation import translate

    from .test_applicants import form_data, region_id

    translate(call.get_parent(), locales["en"], {})
    english = translate(call, locales["en"], {call.title: "Cases of community education, 2026"})
    assert english.url.startswith("/en/") and "Cases of community education" in client.get(english.url).content.decode()

    client.force_login(applicant)
    form = client.get(english.url + "submit/")
    assert form.status_code == 200 and 'lang="en"' in form.content.decode()
    assert "I agree that what I submit is read only by" in form.content.decode()

    response = client.post(english.url + "submit/", form_data(region=region_id(regions), save="1"))

    submission = Submission.objects.get()
    assert submission.call_id == call.pk, "the application is on the call editors review"
    assert response["Location"] == english.url + f"submissions/{submission.pk}/"
    draft = client.get(response["Location"]).content.decode()
    assert 'lang="en"' in draft and "Save draft" in draft and "文化礼堂里的乡村学堂" in draft
    assert client.get(call.url + f"submissions/{submission.pk}/").status_code == 200
