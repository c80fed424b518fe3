"""The mail of each step (received, assigned, reminder, revision requested, decision, account
deleted), in the language active when it is sent, through Django's email settings, after the
step's transaction has committed. What goes to an applicant never names a reviewer."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string


def _send(template, context, recipient):
    if not recipient:
        return
    subject = render_to_string(f"calls/mail/{template}_subject.txt", context).strip()
    body = render_to_string(f"calls/mail/{template}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]))


def _base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def submission_received(submission):
    _send("received", {"submission": submission, "call": submission.call}, submission.applicant.email)


def reviewer_assigned(assignment, review_url):
    context = {"assignment": assignment, "call": assignment.submission.call, "url": _base_url() + review_url}
    _send("assigned", context, assignment.reviewer.user.email)


def review_overdue(assignment, review_url):
    context = {"assignment": assignment, "call": assignment.submission.call, "url": _base_url() + review_url}
    _send("reminder", context, assignment.reviewer.user.email)


def decision_made(submission):
    _send("decision", {"submission": submission, "call": submission.call}, submission.applicant.email)


def account_deleted(email, name, deletion):
    _send("account_deleted", {"name": name, "deletion": deletion}, email)


def revision_requested(request):
    submission = request.submission
    call = submission.call
    url = _base_url() + call.url + call.reverse_subpage("edit_submission", kwargs={"submission_id": submission.pk})
    context = {"request": request, "submission": submission, "call": call, "url": url}
    _send("revision", context, submission.applicant.email)
