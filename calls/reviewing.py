"""Reviewers, their assignments and their scores.

An expert may not review a submission from their own organisation or their own county
(conflict of interest); the rule looks at the directory link, the organisation's name as
given, and the district or county of both."""

import contextlib
import datetime
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import mail
from .models.submissions import MAX_SCORE, Assignment, Reviewer, Score, Submission


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


@dataclass
class Candidate:
    """A reviewer as the board offers them for a call: the call's fields they cover and how many
    reviews they have open (assigned, not yet done, on submissions still in review)."""

    reviewer: Reviewer
    covered: list = field(default_factory=list)
    open_reviews: int = 0


def open_workload():
    return Count(
        "assignments",
        filter=Q(
            assignments__completed_at__isnull=True,
            assignments__submission__status=Submission.Status.UNDER_REVIEW,
            assignments__round=F("assignments__submission__round"),
        ),
    )


def candidates(call):
    """Every reviewer of the pool, best suited first: most of the call's fields of expertise
    covered, then fewest open reviews, then by name. Three queries whatever the pool's size."""
    needed = list(call.expertise.all())
    reviewers = (
        Reviewer.objects.select_related("expert")
        .prefetch_related("expert__fields")
        .annotate(open_reviews=open_workload())
        .order_by("expert__name")
    )
    ranked = []
    for reviewer in reviewers:
        theirs = {f.pk for f in reviewer.expert.fields.all()}
        covered = [f for f in needed if f.pk in theirs]
        ranked.append(Candidate(reviewer, covered, reviewer.open_reviews))
    ranked.sort(key=lambda c: (-len(c.covered), c.open_reviews))  # stable: by name within a tie
    return needed, ranked


def options_for(submission, ranked):
    """(candidate, why they may not be chosen: conflict reasons or already assigned) for one
    submission, from its prefetched assignments: no query."""
    assigned = {a.reviewer_id for a in submission.assignments.all() if a.round == submission.round}
    options = []
    for candidate in ranked:
        refusal = conflicts(candidate.reviewer, submission)
        if not refusal and candidate.reviewer.pk in assigned:
            refusal = [_("Already assigned in this round.")]
        options.append((candidate, " ".join(refusal)))
    return options


@transaction.atomic
def assign(submission, reviewer, by):
    """Assign ``reviewer`` for the submission's current round; raises ConflictOfInterest with
    the reasons, or ValueError when the submission is not waiting for review or already has
    this reviewer in this round."""
    reasons = conflicts(reviewer, submission)
    if reasons:
        raise ConflictOfInterest(" ".join(reasons))
    if not submission.is_in_review:
        raise ValueError(_("Only submitted submissions can be reviewed."))
    if submission.assignments.filter(reviewer=reviewer, round=submission.round).exists():
        raise ValueError(_("This reviewer is already assigned."))
    assignment = Assignment.objects.create(
        submission=submission, reviewer=reviewer, round=submission.round, assigned_by=by
    )
    submission.status = Submission.Status.UNDER_REVIEW
    submission.save(update_fields=["status"])
    mail.reviewer_assigned(assignment, review_url(assignment))
    return assignment


def reinvite(submission, by=None):
    """A resubmitted revision goes back to the reviewers who reviewed the round before (they
    know what they asked for), unless a conflict of interest has come up since; editors may add
    others on the board. Returns the new assignments."""
    previous = submission.assignments.filter(round=submission.round - 1, completed_at__isnull=False)
    made = []
    for earlier in previous.select_related("reviewer__expert", "reviewer__user"):
        with contextlib.suppress(ConflictOfInterest):  # assign() checks, before it writes anything
            made.append(assign(submission, earlier.reviewer, by))
    return made


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
    if not assignment.submission.is_in_review or assignment.round != assignment.submission.round:
        raise ValueError(_("This review round is over: scores can no longer change."))
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
        .filter(submission__status=Submission.Status.UNDER_REVIEW, round=F("submission__round"))
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
