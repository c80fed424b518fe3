"""Decisions, and what an accepted submission becomes.

Other apps say where an accepted submission belongs by registering a Wagtail hook
``calls_outcome_destinations``: a function returning ``{call kind: make_draft}``, where
``make_draft(submission)`` creates a draft page, or a draft snippet with Wagtail's draft and
workflow support (never published: it waits for moderation), and returns it, or returns None
when the site has no place for it yet. calls imports none of them.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from . import mail
from .models.submissions import RevisionRequest, Submission

DESTINATIONS_HOOK = "calls_outcome_destinations"


DECIDABLE = (Submission.Status.SUBMITTED, Submission.Status.UNDER_REVIEW, Submission.Status.REVISION_REQUESTED)


@transaction.atomic
def decide(submission, accepted, by, now=None):
    """Accept or reject; also while a revision is awaited (e.g. one never resubmitted)."""
    if submission.status not in DECIDABLE:
        raise ValueError(_("Only submitted submissions can be decided."))
    submission.status = Submission.Status.ACCEPTED if accepted else Submission.Status.REJECTED
    submission.decided_at = now or timezone.now()
    submission.decided_by = by
    submission.save(update_fields=["status", "decided_at", "decided_by"])
    mail.decision_made(submission)
    return submission


@transaction.atomic
def request_revision(submission, message, due_on, by, today=None):
    """Ask the applicant to revise after the current round: they may change the submission until
    ``due_on`` (the call's deadline no longer applies to it) and see the round's comments, with
    the reviewers numbered, never named."""
    if not submission.is_in_review:
        raise ValueError(_("Only submissions in review can be sent back for revision."))
    if not message.strip():
        raise ValueError(_("Say what should be revised."))
    if due_on < (today or timezone.localdate()):
        raise ValueError(_("The revision cannot be due in the past."))
    request = RevisionRequest.objects.create(
        submission=submission, round=submission.round, message=message.strip(), due_on=due_on, requested_by=by
    )
    submission.status = Submission.Status.REVISION_REQUESTED
    submission.save(update_fields=["status"])
    mail.revision_requested(request)
    return request


def destinations():
    found = {}
    for register in hooks.get_hooks(DESTINATIONS_HOOK):
        found.update(register())
    return found


@transaction.atomic
def create_outcome_drafts(call):
    """A draft for each accepted submission of ``call`` that has none (any more: a deleted draft
    is made again); returns the drafts made. Nothing when no app takes this kind of call."""
    make_draft = destinations().get(call.kind)
    if make_draft is None:
        return []
    made = []
    # An anonymised submission (calls.retention) no longer has the applicant a draft names.
    accepted = call.submissions.filter(
        status=Submission.Status.ACCEPTED, outcome_page__isnull=True, anonymised_at__isnull=True
    )
    for submission in accepted.select_related("region__parent"):
        if submission.outcome_snippet is not None:
            continue
        draft = make_draft(submission)
        if draft is not None:
            record_outcome(submission, draft)
            made.append(draft)
    return made


def record_outcome(submission, draft):
    if isinstance(draft, Page):
        submission.outcome_page = draft
        submission.save(update_fields=["outcome_page"])
    else:
        submission.outcome_snippet = draft
        submission.save(update_fields=["outcome_snippet_type", "outcome_snippet_id"])
