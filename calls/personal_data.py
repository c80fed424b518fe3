"""A person's own data (PIPL articles 45 and 47): what the site holds about an applicant or a
reviewer, as a download, and the deletion of their account.

The export holds only what is theirs: their account, their submissions with their own files, and
for a reviewer their expert profile and the reviews they wrote (never another applicant's files or
identity). Deleting an account deletes the submissions not decided yet with their files, and
anonymises the decided ones by the retention rule (calls.retention); a reviewer's reviews go with
their account, while their entry in the center's expert pool stays for the center to remove.
"""

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from . import mail, questions, retention
from .models.submissions import Submission

UNDECIDED = (
    Submission.Status.DRAFT,
    Submission.Status.SUBMITTED,
    Submission.Status.UNDER_REVIEW,
    Submission.Status.REVISION_REQUESTED,
)


class AccountProtected(Exception):
    """Staff accounts are managed in the admin, never deleted from the public site."""


def may_delete_here(user):
    return not (user.is_staff or user.is_superuser)


def _submissions(user):
    return (
        Submission.objects.filter(applicant=user)
        .select_related("call", "region")
        .prefetch_related("files", "revision_requests", "call__questions")
        .order_by("created_at")
    )


def _submission_data(submission):
    return {
        "call": submission.call.title,
        "title": submission.title,
        "summary": submission.summary,
        "answers": dict(questions.read_back(submission.call.questions.all(), submission.answers)),
        "organisation": submission.organisation_name,
        "district": str(submission.region) if submission.region_id else "",
        "status": submission.status,
        "status_display": str(submission.get_status_display()),
        "created_at": submission.created_at,
        "submitted_at": submission.submitted_at,
        "decided_at": submission.decided_at,
        "kept_until": submission.call.retained_until(),
        "files": [
            {"name": item.name, "uploaded_at": item.uploaded_at, "in_this_archive": _archive_name(submission, item)}
            for item in submission.files.all()
        ],
        "revision_requests": [
            {
                "after_round": request.round,
                "what_to_revise": request.message,
                "due_on": request.due_on,
                "your_response": request.response,
                "resubmitted_at": request.resubmitted_at,
            }
            for request in submission.revision_requests.all()
        ],
    }


def _archive_name(submission, item):
    return f"files/{submission.pk}/{item.pk}-{item.name}"


def _reviewer_data(reviewer):
    expert = reviewer.expert
    assignments = reviewer.assignments.select_related("submission__call").prefetch_related("scores__criterion")
    return {
        "expert_profile": {
            "name": expert.name,
            "professional_title": expert.title,
            "organisation": expert.affiliation,
            "region": str(expert.region) if expert.region_id else "",
            "telephone": expert.phone,
            "email": expert.email,
            "id_card_number": expert.id_number,
            "fields_of_expertise": [field.name for field in expert.fields.all()],
            "biography": expert.biography,
            "public_profile": expert.public_profile,
        },
        "reviews": [
            {
                "call": assignment.submission.call.title,
                "submission": assignment.submission.title,
                "assigned_at": assignment.assigned_at,
                "completed_at": assignment.completed_at,
                "comment": assignment.comment,
                "scores": [
                    {"criterion": score.criterion.name, "score": score.score, "comment": score.comment}
                    for score in assignment.scores.all()
                ],
            }
            for assignment in assignments.order_by("assigned_at")
        ],
    }


def collect(user, now=None):
    """Everything the calls hold about ``user``, as plain data."""
    reviewer = getattr(user, "reviewer", None)
    return {
        "exported_at": now or timezone.now(),
        "account": {
            "username": user.get_username(),
            "name": user.get_full_name(),
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "submissions": [_submission_data(submission) for submission in _submissions(user)],
        "reviewer": _reviewer_data(reviewer) if reviewer is not None else None,
    }


def export_archive(user):
    """A ZIP file (open, at its start) with data.json and the files the user uploaded."""
    archive = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115 (the response closes it)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        data = collect(user)
        zipped.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for submission in _submissions(user):
            for item in submission.files.all():
                with item.file.open("rb") as stored, zipped.open(_archive_name(submission, item), "w") as entry:
                    shutil.copyfileobj(stored, entry)
    archive.seek(0)
    return archive


@dataclass
class Deletion:
    deleted: int
    anonymised: int
    reviews: int


@transaction.atomic
def delete_account(user, now=None):
    """Delete ``user`` with the submissions not decided yet and their files; anonymise the decided ones."""
    if not may_delete_here(user):
        raise AccountProtected
    now = now or timezone.now()
    submissions = Submission.objects.filter(applicant=user)
    undecided = submissions.filter(status__in=UNDECIDED)
    reviewer = getattr(user, "reviewer", None)
    deletion = Deletion(
        deleted=undecided.count(),
        anonymised=submissions.exclude(status__in=UNDECIDED).count(),
        reviews=reviewer.assignments.count() if reviewer is not None else 0,
    )
    retention.delete_submission_files(undecided)
    undecided.delete()
    retention.anonymise(submissions.exclude(status__in=UNDECIDED), now)
    email, name = user.email, user.get_full_name() or user.get_username()
    user.delete()  # with the reviewer account and its reviews
    mail.account_deleted(email, name, deletion)
    return deletion
