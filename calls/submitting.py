"""Applying to a call: a draft the applicant may change until they submit it or the call closes."""

from django import forms
from django.apps import apps
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from . import mail
from .models.submissions import REGION_MODEL, Submission, SubmissionFile

MAX_FILE_SIZE = 50 * 1024 * 1024
ALLOWED_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "jpg", "jpeg", "png", "zip", "mp4")


class SubmissionLocked(Exception):
    """The call is closed or the submission is no longer a draft."""


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


def match_organisation(name):
    """The directory's organisation of that exact name, if the directory has one."""
    Organisation = apps.get_model("network", "OrganisationPage")
    return Organisation.objects.filter(title=name.strip()).first() if name.strip() else None


@transaction.atomic
def save(form, call, applicant, submit=False, now=None):
    """Save the form as a draft, or submit it; refused once the call is closed or it was submitted."""
    now = now or timezone.now()
    submission = form.instance
    if not call.is_open(now) or (submission.pk and not submission.is_editable):
        raise SubmissionLocked
    submission.call = call
    submission.applicant = applicant
    submission.organisation = match_organisation(submission.organisation_name)
    if submit:
        submission.status = Submission.Status.SUBMITTED
        submission.submitted_at = now
    form.save()
    for upload in form.cleaned_data.get("files") or []:
        SubmissionFile.objects.create(submission=submission, file=upload)
    if submit:
        mail.submission_received(submission)
    return submission
