"""Applying to a call: a draft the applicant may change until they submit it or the call closes;
and answering a revision request: the submission may change again, until the revision is due
(whatever the call's deadline), and its resubmission starts the next review round."""

from django import forms
from django.apps import apps
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from . import mail, questions, reviewing
from .models.submissions import REGION_MODEL, Submission, SubmissionFile

MAX_FILE_SIZE = 50 * 1024 * 1024
ALLOWED_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "jpg", "jpeg", "png", "zip", "mp4")


class SubmissionLocked(Exception):
    """The call is closed or the submission is no longer a draft (nor open for revision)."""


def open_revision(submission, today=None):
    """The revision request the applicant may still answer, if any."""
    if submission is None or submission.status != Submission.Status.REVISION_REQUESTED:
        return None
    request = submission.revision_requests.filter(round=submission.round).first()
    return request if request is not None and request.is_open(today) else None


def may_change(call, submission, now=None):
    """A new submission or a draft while the call is open; a submission sent back for revision
    until the revision is due."""
    now = now or timezone.now()
    if submission is not None and submission.status == Submission.Status.REVISION_REQUESTED:
        return open_revision(submission, timezone.localdate(now)) is not None
    return call.is_open(now) and (submission is None or submission.is_editable)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        for upload in cleaned:
            extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            if extension not in ALLOWED_EXTENSIONS:
                raise forms.ValidationError(_("This kind of file is not accepted: %(name)s") % {"name": upload.name})
            if upload.size > MAX_FILE_SIZE:
                raise forms.ValidationError(_("This file is larger than 50 MB: %(name)s") % {"name": upload.name})
        return cleaned


class SubmissionForm(forms.ModelForm):
    files = MultipleFileField(
        label=_("Files"), required=False, help_text=_("PDF, Office documents, images, ZIP or MP4, up to 50 MB each.")
    )
    consent = forms.BooleanField(required=True)

    class Meta:
        model = Submission
        fields = ["title", "summary", "organisation_name", "region"]

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that what I submit is read only by the center's staff and the assigned reviewers, and is "
            "kept until %(date)s: then the files and my name are deleted, and of an accepted submission only "
            "the title and organisation already announced remain."
        ) % {"date": formats.date_format(timezone.localtime(call.retained_until()), "Y-m-d")}
        Region = apps.get_model(REGION_MODEL)
        self.fields["region"].queryset = Region.objects.filter(level=Region.Level.COUNTY).select_related("parent")
        self.fields["region"].label_from_instance = lambda region: f"{region.parent} {region}"
        self.fields["region"].required = True
        self.questions = list(call.questions.all())
        questions.add_fields(self, self.questions, self.instance.answers)
        self.order_fields([name for name in self.fields if name not in ("files", "consent")] + ["files", "consent"])

    def answers(self):
        return questions.answers_from(self.cleaned_data, self.questions)


class RevisionForm(forms.ModelForm):
    """A revision changes what is reviewed, not who applied: title, summary and files, with the
    applicant's response to the reviewers."""

    files = SubmissionForm.base_fields["files"]
    remove_files = forms.ModelMultipleChoiceField(
        label=_("Remove these files of the earlier version"),
        queryset=SubmissionFile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    response = forms.CharField(
        label=_("Response to the reviewers"),
        help_text=_("What you changed, answering each comment. The reviewers read it with the revised version."),
        widget=forms.Textarea,
        required=False,
    )

    class Meta:
        model = Submission
        fields = ["title", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_files"].queryset = self.instance.files.all()
        self.fields["remove_files"].label_from_instance = lambda stored: stored.name


def match_organisation(name):
    """The directory's organisation of that exact name, if the directory has one."""
    Organisation = apps.get_model("network", "OrganisationPage")
    return Organisation.objects.filter(title=name.strip()).first() if name.strip() else None


@transaction.atomic
def save(form, call, applicant, submit=False, now=None):
    """Save the form as a draft, or submit it; refused once the call is closed or it was submitted."""
    now = now or timezone.now()
    submission = form.instance
    if not may_change(call, submission if submission.pk else None, now):
        raise SubmissionLocked
    if submission.status == Submission.Status.REVISION_REQUESTED:
        return _save_revision(form, submission, resubmit=submit, now=now)
    submission.call = call
    submission.applicant = applicant
    submission.organisation = match_organisation(submission.organisation_name)
    submission.answers = form.answers()
    if submit:
        submission.status = Submission.Status.SUBMITTED
        submission.submitted_at = now
    form.save()
    for upload in form.cleaned_data.get("files") or []:
        SubmissionFile.objects.create(submission=submission, file=upload)
    if submit:
        mail.submission_received(submission)
    return submission


def _save_revision(form, submission, resubmit, now):
    """Keep the changes; on resubmission, record the response and start the next round with the
    reviewers of the last one (reviewing.reinvite)."""
    request = open_revision(submission, timezone.localdate(now))
    form.save()
    for stored in form.cleaned_data.get("remove_files") or []:
        stored.file.delete(save=False)
        stored.delete()
    for upload in form.cleaned_data.get("files") or []:
        SubmissionFile.objects.create(submission=submission, file=upload)
    request.response = form.cleaned_data.get("response", "")
    if resubmit:
        request.resubmitted_at = now
        submission.round += 1
        submission.status = Submission.Status.SUBMITTED
        submission.submitted_at = now
        submission.save(update_fields=["round", "status", "submitted_at"])
        reviewing.reinvite(submission)
        mail.submission_received(submission)
    request.save(update_fields=["response", "resubmitted_at"])
    return submission


def feedback(submission):
    """For each round sent back for revision: the request and the reviewers' comments, the
    reviewers numbered in the order they were assigned and never named (applicants never learn
    who reviewed, blind call or not). Two queries."""
    requests = list(submission.revision_requests.all())
    rounds = {request.round for request in requests}
    assignments = (
        submission.assignments.filter(round__in=rounds, completed_at__isnull=False)
        .prefetch_related("scores__criterion")
        .order_by("round", "pk")
    )
    reviews = {}
    for assignment in assignments:
        comments = [(s.criterion.name, s.comment) for s in assignment.scores.all() if s.comment.strip()]
        if assignment.comment.strip() or comments:
            reviews.setdefault(assignment.round, []).append({"comment": assignment.comment, "criteria": comments})
    return [(request, reviews.get(request.round, [])) for request in reversed(requests)]
