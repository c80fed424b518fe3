"""A call's own questions on its submission form (Wagtail's form builder fields): asked of
applicants, kept with the submission, shown to reviewers unless they are personal."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.contrib.forms.utils import get_field_clean_name

from calls import reviewing
from calls.models import CallPage, CallQuestion, Submission

from .test_applicants import form_data, region_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_call(make_call):
    call = make_call(title="2027年村文化礼堂特色课程遴选", kind=CallPage.Kind.COURSE_SELECTION, blind=True)
    call.questions = [
        CallQuestion(label="课程学时", field_type="number", required=True, help_text="全部课次合计"),
        CallQuestion(label="面向人群", field_type="checkboxes", choices="老年人\n青少年\n新型职业农民", required=True),
        CallQuestion(label="负责人手机", field_type="singleline", required=True, for_reviewers=False),
    ]
    call.save_revision().publish()
    return CallPage.objects.get(pk=call.pk)


def key(label):
    return get_field_clean_name(label)


def answers(phone):
    """The form data answering the three questions."""
    return {
        f"question_{key('课程学时')}": "24",
        f"question_{key('面向人群')}": ["老年人", "新型职业农民"],
        f"question_{key('负责人手机')}": phone,
    }


def test_the_call_page_says_what_the_form_asks(client, course_call):
    listed = BeautifulSoup(client.get(course_call.url).content, "html.parser").select(".call-questions li")
    assert [item.text.split(" ")[0] for item in listed] == ["课程学时", "面向人群", "负责人手机"]


def test_the_call_asks_its_questions_and_keeps_the_answers(client, course_call, applicant, regions):
    client.force_login(applicant)
    form = BeautifulSoup(client.get(course_call.url + "submit/").content, "html.parser")
    labels = [label.text.strip() for label in form.select("form.form label, form.form legend")]
    assert {"课程学时", "面向人群", "负责人手机"} <= {label.rstrip("：:") for label in labels}
    names = [field["name"] for field in form.select("form.form [name]") if field.get("name")]
    assert names.index("files") > names.index(f"question_{key('负责人手机')}"), "the questions come before the files"

    missing = client.post(course_call.url + "submit/", form_data(region=region_id(regions), save="1"))
    assert missing.status_code == 200 and not Submission.objects.exists(), "required questions are required"

    data = form_data(region=region_id(regions), submit="1", **answers(phone="13800000000"))
    assert client.post(course_call.url + "submit/", data).status_code == 302
    submission = Submission.objects.get()
    assert submission.answers == {
        key("课程学时"): "24",  # a number field gives a Decimal, kept as its text
        key("面向人群"): ["老年人", "新型职业农民"],
        key("负责人手机"): "13800000000",
    }
    shown = client.get(course_call.url + f"submissions/{submission.pk}/").content.decode()
    assert "老年人、新型职业农民" in shown and "13800000000" in shown, "the applicant reads their answers back"


def test_reviewers_read_the_answers_but_not_the_personal_ones(
    client, course_call, applicant, regions, make_reviewer, call_index
):
    client.force_login(applicant)
    data = form_data(region=region_id(regions), submit="1", **answers(phone="13800000000"))
    client.post(course_call.url + "submit/", data)
    assignment = reviewing.assign(Submission.objects.get(), make_reviewer("王评审"), by=None)
    client.force_login(assignment.reviewer.user)

    page = client.get(call_index.url + f"reviews/{assignment.pk}/").content.decode()

    assert "课程学时" in page and "24" in page and "老年人、新型职业农民" in page
    assert "负责人手机" not in page and "13800000000" not in page


def test_two_questions_with_the_same_label_are_refused(course_call):
    course_call.questions.add(CallQuestion(label="课程学时", field_type="number"))
    with pytest.raises(ValidationError):
        course_call.full_clean()
