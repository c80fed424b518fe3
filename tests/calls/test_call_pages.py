"""A call is a page: what, who may apply, dates, documents, weighted criteria, how it is reviewed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from calls.models import CallDocument, CallPage

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


def test_a_translated_call_sends_applicants_to_the_one_call_editors_review(
    client, applicant, localised_site, locales, call
):
    """Applications all belong to the call in the default language: the English call page shows
    its own words, and its apply link leads to the Chinese call's form."""
    from cms.core.translation import translate

    translate(call.get_parent(), locales["en"], {})
    english = translate(call, locales["en"], {call.title: "Cases of community education, 2026"})
    assert english.url.startswith("/en/") and "Cases of community education" in client.get(english.url).content.decode()

    client.force_login(applicant)
    response = client.get(english.url + "submit/")
    assert response.status_code == 302 and response["Location"] == call.url + "submit/"
    assert client.get(english.url + "submissions/7/")["Location"] == call.url + "submissions/7/"
    assert client.get(call.url + "submit/").status_code == 200
