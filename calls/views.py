"""The applicants' and reviewers' pages on the public site (routes of CallIndexPage and CallPage).

Every answer here is personal: it is never cached (no-store) and shows only what belongs to the
signed-in user: an applicant their own submissions, a reviewer their own assignments."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import FileResponse, Http404, HttpResponseForbidden, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core import antispam

from . import accounts, personal_data, questions, reviewing, submitting
from .models.submissions import Assignment, Submission, SubmissionFile


def _private(response):
    add_never_cache_headers(response)
    return response


def _route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def _to_log_in(request, index):
    return HttpResponseRedirect(f"{_route(index, 'log_in')}?next={request.path}")


def _render(request, template, context):
    return _private(TemplateResponse(request, f"calls/{template}", context))


def sign_up(request, index):
    form = accounts.SignUpForm(request.POST or None)
    if request.method == "POST":
        if accounts.rate_limited(request) or form.is_spam():
            return _render(request, "sign_up.html", {"page": index, "form": form, "refused": True})
        if form.is_valid():
            user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _private(HttpResponseRedirect(_route(index, "my_submissions")))
    return _render(request, "sign_up.html", {"page": index, "form": form})


def log_in(request, index):
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            has_reviews = hasattr(form.get_user(), "reviewer")
            target = _route(index, "my_reviews" if has_reviews else "my_submissions")
        return _private(HttpResponseRedirect(target))
    return _render(request, "log_in.html", {"page": index, "form": form})


def log_out(request, index):
    if request.method != "POST":
        return _private(HttpResponseNotAllowed(["POST"]))
    logout(request)
    return _private(HttpResponseRedirect(index.url))


def my_submissions(request, index):
    if not request.user.is_authenticated:
        return _to_log_in(request, index)
    submissions = (
        Submission.objects.filter(applicant=request.user).select_related("call").prefetch_related("revision_requests")
    )
    return _render(request, "my_submissions.html", {"page": index, "submissions": submissions})


def edit_submission(request, call, submission_id, shown_on=None):
    """The applicant's form for ``call``, shown on ``shown_on`` (the call, or its translation, whose
    language it speaks and where it returns after saving)."""
    page = shown_on or call
    index = page.call_index()
    if not request.user.is_authenticated:
        return _to_log_in(request, index)
    if not accounts.is_applicant(request.user):
        return _private(HttpResponseForbidden(_("Only applicants' accounts can submit.")))
    submission = None
    if submission_id is not None:
        submission = get_object_or_404(Submission, pk=submission_id, call=call, applicant=request.user)
    locked = not submitting.may_change(call, submission)
    revision = submitting.open_revision(submission) if submission else None
    data = (request.POST or None, request.FILES or None)
    if revision is not None:
        form = submitting.RevisionForm(*data, instance=submission, initial={"response": revision.response})
    else:
        form = submitting.SubmissionForm(*data, instance=submission, call=call)
    context = {
        "page": page,
        "index": index,
        "form": form,
        "submission": submission,
        "locked": locked,
        "revision": revision,
        "feedback": submitting.feedback(submission) if submission else [],
        "answers": questions.read_back(call.questions.all(), submission.answers) if submission else [],
    }
    if request.method == "POST" and not locked and form.is_valid():
        try:
            saved = submitting.save(form, call, request.user, submit="submit" in request.POST)
        except submitting.SubmissionLocked:
            context["locked"] = True
        else:
            messages.success(request, _("Submitted.") if "submit" in request.POST else _("Draft saved."))
            return _private(HttpResponseRedirect(_route(page, "edit_submission", saved.pk)))
    return _render(request, "submission_form.html", context)


def _reviewer(request):
    return getattr(request.user, "reviewer", None) if request.user.is_authenticated else None


def my_reviews(request, index):
    reviewer = _reviewer(request)
    if reviewer is None:
        return _to_log_in(request, index) if not request.user.is_authenticated else _private(HttpResponseForbidden())
    assignments = reviewer.assignments.select_related("submission__call").order_by("completed_at", "-assigned_at")
    return _render(request, "my_reviews.html", {"page": index, "assignments": assignments})


def review(request, index, assignment_id):
    reviewer = _reviewer(request)
    if reviewer is None:
        return _to_log_in(request, index) if not request.user.is_authenticated else _private(HttpResponseForbidden())
    assignment = get_object_or_404(
        Assignment.objects.select_related("submission__call", "submission__region"), pk=assignment_id, reviewer=reviewer
    )
    form = reviewing.ScoreForm(assignment, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reviewing.record_scores(assignment, form)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your review is saved."))
        return _private(HttpResponseRedirect(_route(index, "my_reviews")))
    context = {
        "page": index,
        "assignment": assignment,
        "submission": assignment.submission,
        "blind": assignment.submission.call.blind_review,
        "answers": questions.read_back(
            assignment.submission.call.questions.all(), assignment.submission.answers, for_reviewers=True
        ),
        "form": form,
        # What the applicant answered to the round before this one.
        "response": assignment.submission.revision_requests.filter(round=assignment.round - 1).first(),
    }
    return _render(request, "review.html", context)


def may_read(user, submission):
    """The applicant, a reviewer assigned to it, and staff who assign or decide."""
    if not user.is_authenticated:
        return False
    if submission.applicant_id == user.pk:
        return True
    if submission.assignments.filter(reviewer__user=user).exists():
        return True
    return user.is_staff and (user.has_perm("calls.assign_reviewers") or user.has_perm("calls.decide_submission"))


def submission_file(request, file_id):
    stored = SubmissionFile.objects.select_related("submission__call").filter(pk=file_id).first()
    if stored is None or not may_read(request.user, stored.submission):
        raise Http404
    filename = stored.name
    if stored.submission.call.blind_review and stored.submission.applicant_id != request.user.pk:
        # Upload names often carry the applicant's or organisation's name.
        filename = f"{stored.submission.pk}-{stored.pk}.{stored.name.rsplit('.', 1)[-1]}"
    return _private(FileResponse(stored.file.open("rb"), as_attachment=True, filename=filename))


DELETE_ATTEMPTS = 5  # password confirmations per address and window: a left-open session is no password oracle
DELETE_WINDOW = 3600


class PasswordConfirmationForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(gettext_lazy("This is not your password."))
        return password


def _my_data_page(request, index, form=None, status=200, refused=False):
    context = {
        "refused": refused,
        "page": index,
        "form": form or PasswordConfirmationForm(request.user),
        "may_delete": personal_data.may_delete_here(request.user),
        "is_reviewer": _reviewer(request) is not None,
    }
    response = _render(request, "my_data.html", context)
    response.status_code = status
    return response


def my_data(request, index):
    if not request.user.is_authenticated:
        return _to_log_in(request, index)
    return _my_data_page(request, index)


def download_my_data(request, index):
    if not request.user.is_authenticated:
        return _to_log_in(request, index)
    filename = f"my-data-{request.user.get_username()}-{timezone.localdate():%Y%m%d}.zip"
    archive = personal_data.export_archive(request.user)
    return _private(FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip"))


def delete_my_account(request, index):
    if not request.user.is_authenticated:
        return _to_log_in(request, index)
    if request.method != "POST":
        return _private(HttpResponseRedirect(_route(index, "my_data")))
    if not personal_data.may_delete_here(request.user):
        return _my_data_page(request, index, status=403)
    form = PasswordConfirmationForm(request.user, request.POST)
    if antispam.rate_limited(request, "calls:delete-account", DELETE_ATTEMPTS, DELETE_WINDOW):
        return _my_data_page(request, index, status=429, refused=True)  # no password is checked
    if not form.is_valid():
        return _my_data_page(request, index, form=form, status=400)
    deletion = personal_data.delete_account(request.user)
    logout(request)
    return _render(request, "account_deleted.html", {"page": index, "deletion": deletion})
