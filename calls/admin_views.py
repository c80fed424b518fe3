"""The review board in the admin: each call's submissions with their reviewers' scores for the
current round side by side; editors assign reviewers, offered best suited first (fields of
expertise covered, then open workload; those with a conflict of interest shown but not
selectable), moderators accept, reject or send back for revision, and turn the accepted
submissions into draft pages."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder

from . import decisions, questions, reviewing
from .models import CallPage, Reviewer, Submission


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _number(value):
    return int(value) if value and value.isdigit() else None


def _may_see_board(user):
    return user.has_perm("calls.assign_reviewers") or user.has_perm("calls.decide_submission")


def call_list(request):
    if not _may_see_board(request.user):
        raise PermissionDenied
    calls = CallPage.objects.order_by("-closes_at")
    return TemplateResponse(request, "calls/admin/call_list.html", {"calls": calls})


DEFAULT_REVISION_DAYS = 30


def board(request, call_id):
    if not _may_see_board(request.user):
        raise PermissionDenied
    call = get_object_or_404(CallPage, pk=call_id)
    criteria = list(call.criteria.all())
    asked = list(call.questions.all())
    submissions = (
        call.submissions.exclude(status=Submission.Status.DRAFT)
        .select_related("region__parent", "applicant")
        .prefetch_related(
            "assignments__scores__criterion",
            "assignments__reviewer__expert",
            "files",
            "outcome_snippet",
            "revision_requests",
        )
        .order_by("submitted_at")
    )
    needed, ranked = reviewing.candidates(call)
    rows = []
    outcome_finder = AdminURLFinder(request.user)
    for submission in submissions:
        assignments = [a for a in submission.assignments.all() if a.round == submission.round]
        revisions = list(submission.revision_requests.all())
        totals = [a.weighted_total(criteria) for a in assignments]
        done = [t for t in totals if t is not None]
        rows.append(
            {
                "submission": submission,
                "reviews": list(zip(assignments, totals, strict=True)),
                "average": round(sum(done) / len(done), 1) if done else None,
                "missing": max(call.reviewers_per_submission - len(assignments), 0),
                "options": reviewing.options_for(submission, ranked) if submission.is_in_review else [],
                "revision": revisions[-1] if revisions else None,
                "answers": questions.read_back(asked, submission.answers),
                "outcome_url": outcome_finder.get_edit_url(submission.outcome)
                if submission.status == Submission.Status.ACCEPTED
                else None,
            }
        )
    context = {
        "call": call,
        "criteria": criteria,
        "rows": rows,
        "needed": needed,
        "revision_due": timezone.localdate() + datetime.timedelta(days=DEFAULT_REVISION_DAYS),
        "may_assign": request.user.has_perm("calls.assign_reviewers"),
        "may_decide": request.user.has_perm("calls.decide_submission"),
    }
    return TemplateResponse(request, "calls/admin/board.html", context)


@require_POST
def assign(request, submission_id):
    _require(request, "calls.assign_reviewers")
    submission = get_object_or_404(Submission.objects.select_related("call"), pk=submission_id)
    reviewer = Reviewer.objects.select_related("expert").filter(pk=_number(request.POST.get("reviewer"))).first()
    if reviewer is None:
        messages.error(request, _("Choose a reviewer."))
        return redirect("calls_board", submission.call_id)
    try:
        reviewing.assign(submission, reviewer, request.user)
    except reviewing.ConflictOfInterest as conflict:
        messages.error(
            request, _("%(expert)s cannot review this: %(reasons)s") % {"expert": reviewer, "reasons": conflict}
        )
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(expert)s is assigned.") % {"expert": reviewer})
    return redirect("calls_board", submission.call_id)


@require_POST
def decide(request, submission_id):
    _require(request, "calls.decide_submission")
    submission = get_object_or_404(Submission.objects.select_related("call"), pk=submission_id)
    try:
        decisions.decide(submission, request.POST.get("decision") == "accept", request.user)
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("calls_board", submission.call_id)


class RevisionRequestForm(forms.Form):
    message = forms.CharField(max_length=5000)
    due_on = forms.DateField()


@require_POST
def request_revision(request, submission_id):
    _require(request, "calls.decide_submission")
    submission = get_object_or_404(Submission.objects.select_related("call", "applicant"), pk=submission_id)
    form = RevisionRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give what to revise and a due date (YYYY-MM-DD)."))
        return redirect("calls_board", submission.call_id)
    try:
        decisions.request_revision(submission, form.cleaned_data["message"], form.cleaned_data["due_on"], request.user)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The applicant is asked to revise “%(title)s”.") % {"title": submission.title})
    return redirect("calls_board", submission.call_id)


@require_POST
def create_outcomes(request, call_id):
    _require(request, "calls.decide_submission")
    call = get_object_or_404(CallPage, pk=call_id)
    made = decisions.create_outcome_drafts(call)
    if made:
        messages.success(request, _("%(count)d draft pages were created for moderation.") % {"count": len(made)})
    else:
        messages.warning(request, _("No draft page was created."))
    return redirect("calls_board", call.pk)
