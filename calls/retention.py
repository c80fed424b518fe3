"""How long applicants' personal data is kept, and what is left of a submission afterwards.

When a call's retention period has run out (CallPage.retained_until), its submissions' files are
deleted from the private storage, the submissions that were not accepted are deleted with their
reviews, and the accepted ones are anonymised: they keep only what the announcement (公示) already
made public, the title and the applying organisation (with its directory link and district, which
the statistics use), their status and decision date, and the link to the page or snippet they
became. The applicant link, the summary, the files and the reviews go.

The same anonymisation serves an applicant who deletes their account (calls.personal_data).
"""

import contextlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from .models.submissions import Assignment, RevisionRequest, Submission, SubmissionFile, private_storage

if TYPE_CHECKING:
    from .models.pages import CallPage


@dataclass
class Purge:
    """What a purge removes (or, in a dry run, would remove) from one call."""

    call: "CallPage"
    files: int = 0
    deleted: int = 0
    anonymised: int = 0
    reviews: int = 0

    def __bool__(self):
        return bool(self.files or self.deleted or self.anonymised or self.reviews)


def delete_files_after_commit(names):
    """Remove stored files once the rows pointing to them are gone for good (never on a rollback)."""
    names = list(names)

    def delete():
        storage = private_storage()
        for name in names:
            storage.delete(name)
            with contextlib.suppress(OSError):  # the file's own random folder, now empty
                os.rmdir(os.path.dirname(storage.path(name)))

    transaction.on_commit(delete)


def delete_submission_files(submissions):
    files = SubmissionFile.objects.filter(submission__in=submissions)
    names = list(files.values_list("file", flat=True))
    files.delete()
    delete_files_after_commit(names)
    return len(names)


def anonymise(submissions, now=None):
    """Strip everything personal from ``submissions``, which stay for the announcement and outcome."""
    delete_submission_files(submissions)
    RevisionRequest.objects.filter(submission__in=submissions).update(response="")  # the applicant's words
    return submissions.update(applicant=None, summary="", answers={}, anonymised_at=now or timezone.now())


def expired_calls(now=None):
    now = now or timezone.now()
    # A handful of calls a year: the date arithmetic stays readable in Python.
    calls = apps.get_model("calls", "CallPage").objects.filter(closes_at__lte=now).order_by("closes_at")
    return [call for call in calls if call.retention_has_run_out(now)]


def purge_call(call, dry_run=False, now=None):
    """Apply the retention rule to one call whose period has run out, in one transaction."""
    now = now or timezone.now()
    submissions = Submission.objects.filter(call=call)
    not_accepted = submissions.exclude(status=Submission.Status.ACCEPTED)
    accepted = submissions.filter(status=Submission.Status.ACCEPTED, anonymised_at__isnull=True)
    purge = Purge(
        call=call,
        files=SubmissionFile.objects.filter(submission__call=call).count(),
        deleted=not_accepted.count(),
        anonymised=accepted.count(),
        reviews=Assignment.objects.filter(submission__call=call).count(),
    )
    if dry_run or not purge:
        return purge
    with transaction.atomic():
        delete_submission_files(submissions)
        Assignment.objects.filter(submission__call=call).delete()  # the reviews, with their scores
        not_accepted.delete()
        anonymise(accepted, now)
    return purge
