"""A call's own questions on its submission form (CallQuestion, Wagtail's form builder fields):
the form fields they make, the answers kept on the submission, and the answers as read back."""

from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import FormBuilder

# The form fields of the questions are named apart from the submission's own fields.
PREFIX = "question_"


def add_fields(form, questions, answers):
    """Add a field per question to ``form``, filled in with the saved ``answers``."""
    for name, field in FormBuilder(questions).formfields.items():
        if name in answers:
            field.initial = answers[name]
        form.fields[PREFIX + name] = field


def answers_from(cleaned_data, questions):
    return {question.clean_name: cleaned_data.get(PREFIX + question.clean_name) for question in questions}


def read_back(questions, answers, for_reviewers=False):
    """``[(label, answer as text)]`` in the call's order; for reviewers, only the questions shown to them."""
    return [
        (question.label, _shown(question.field_type, answers.get(question.clean_name)))
        for question in questions
        if question.clean_name in answers and (question.for_reviewers or not for_reviewers)
    ]


def _shown(field_type, value):
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if field_type == "checkbox":
        return _("Yes") if value else _("No")
    if field_type == "date" and (day := parse_date(str(value))):
        return formats.date_format(day, "Y-m-d")
    if field_type == "datetime" and (moment := parse_datetime(str(value))):
        return formats.date_format(moment, "Y-m-d H:i")
    return str(value)
