"""Reviewers, their assignments and their scores.

An expert may not review a submission from their own organisation or their own county
(conflict of interest); the rule looks at the directory link, the organisation's name as
given, and the district or county of both."""

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import mail
from .models.submissions import MAX_SCORE, Assignment, Score, Submission


class ConflictOfInterest(Exception):
    pass


def review_url(assignment):
    """The reviewer's page for ``assignment`` on the public site."""
    index = assignment.submission.call.call_index()
    return index.url + index.reverse_subpage("review", args=[assignment.pk])


def conflicts(reviewer, submission):
    """Why ``reviewer`` may not review ``submission`` (empty when they may)."""
    expert = reviewer.expert
    reasons = []
    same_directory_entry = expert.organisation_id and expert.organisation_id == submission.organisation_id
    same_name = expert.affiliation.strip() and expert.affiliation.strip() == submission.organisation_name.strip()
    if same_directory_entry or same_name:
        reasons.append(_("The expert works at the applying organisation."))
    if expert.region_id and expert.region_id == submission.region_id:
        reasons.append(_("The expert is in the applicant's district or county."))
    return reasons


@transaction.atomic
def assign(submission, reviewer, by):
    """Assign ``reviewer``; raises ConflictOfInterest with the reasons, or ValueError when the
    submission is not waiting for review or already has this reviewer."""
    reasons = conflicts(reviewer, submission)
    if reasons:
        raise ConflictOfInterest(" ".join(reasons))
    if submission.status not in (Submission.Status.SUBMITTED, Submission.Status.UNDER_REVIEW):
        raise ValueError(_("Only submitted submissions can be reviewed."))
    if submission.assignments.filter(reviewer=reviewer).exists():
        raise ValueError(_("This reviewer is already assigned."))
    assignment = Assignment.objects.create(submission=submission, reviewer=reviewer, assigned_by=by)
    submission.status = Submission.Status.UNDER_REVIEW
    submission.save(update_fields=["status"])
    mail.reviewer_assigned(assignment, review_url(assignment))
    return assignment


class ScoreForm(forms.Form):
    """One score and comment per criterion of the call, and an overall comment."""

    comment = forms.CharField(label=gettext_lazy("Overall comment"), widget=forms.Textarea, required=False)

    def __init__(self, assignment, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(assignment.submission.call.criteria.all())
        existing = {score.criterion_id: score for score in assignment.scores.all()}
        self.initial.setdefault("comment", assignment.comment)
        for criterion in self.criteria:
            score = existing.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name,
                min_value=0,
                max_value=MAX_SCORE,
                help_text=criterion.description,
                initial=score.score if score else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=gettext_lazy("Comment"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=score.comment if score else "",
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


@transaction.atomic
def record_scores(assignment, form):
    if assignment.submission.status in (Submission.Status.ACCEPTED, Submission.Status.REJECTED):
        raise ValueError(_("The decision has been made: scores can no longer change."))
    for criterion in form.criteria:
        Score.objects.update_or_create(
            assignment=assignment,
            criterion=criterion,
            defaults={
                "score": form.cleaned_data[f"score_{criterion.pk}"],
                "comment": form.cleaned_data[f"comment_{criterion.pk}"],
            },
        )
    assignment.comment = form.cleaned_data["comment"]
    assignment.completed_at = timezone.now()
    assignment.save(update_fields=["comment", "completed_at"])


def remind_overdue(days, now=None):
    """Mail each reviewer whose review has waited more than ``days`` days, at most once per ``days``
    days; returns the assignments reminded."""
    now = now or timezone.now()
    due = now - datetime.timedelta(days=days)
    overdue = (
        Assignment.objects.filter(completed_at__isnull=True, assigned_at__lt=due)
        .filter(submission__status=Submission.Status.UNDER_REVIEW)
        .exclude(reminded_at__gte=due)
        .select_related("reviewer__user", "submission__call")
    )
    reminded = []
    for assignment in overdue:
        mail.review_overdue(assignment, review_url(assignment))
        assignment.reminded_at = now
        assignment.save(update_fields=["reminded_at"])
        reminded.append(assignment)
    return reminded
