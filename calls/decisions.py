"""Decisions, and what an accepted submission becomes.

Other apps say where an accepted submission belongs by registering a Wagtail hook
``calls_outcome_destinations``: a function returning ``{call kind: make_draft}``, where
``make_draft(submission)`` creates a draft page (never published: it waits for moderation)
and returns it, or returns None when the site has no place for it yet. calls imports none of them.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from . import mail
from .models.submissions import Submission

DESTINATIONS_HOOK = "calls_outcome_destinations"


@transaction.atomic
def decide(submission, accepted, by, now=None):
    if submission.status not in (Submission.Status.SUBMITTED, Submission.Status.UNDER_REVIEW):
        raise ValueError(_("Only submitted submissions can be decided."))
    submission.status = Submission.Status.ACCEPTED if accepted else Submission.Status.REJECTED
    submission.decided_at = now or timezone.now()
    submission.decided_by = by
    submission.save(update_fields=["status", "decided_at", "decided_by"])
    mail.decision_made(submission)
    return submission


def destinations():
    found = {}
    for register in hooks.get_hooks(DESTINATIONS_HOOK):
        found.update(register())
    return found


@transaction.atomic
def create_outcome_drafts(call):
    """A draft page for each accepted submission of ``call`` that has none yet; returns the pages
    made. Nothing when no app takes this kind of call."""
    make_draft = destinations().get(call.kind)
    if make_draft is None:
        return []
    made = []
    waiting = call.submissions.filter(status=Submission.Status.ACCEPTED, outcome_page__isnull=True)
    for submission in waiting.select_related("region__parent"):
        page = make_draft(submission)
        if page is not None:
            submission.outcome_page = page
            submission.save(update_fields=["outcome_page"])
            made.append(page)
    return made
