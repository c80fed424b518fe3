"""What applicants submit and how experts review it.

A submission belongs to its applicant (a site user in the Applicants group, without admin
access) and is seen only by them, by the reviewers assigned to it and by the editors in the
admin. Nothing here is a page, indexed, in the API or in a feed. Files are kept in a storage
the web server never serves (PRIVATE_MEDIA_ROOT) and leave only through calls.views.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

EXPERT_MODEL = "network.Expert"
ORGANISATION_MODEL = "network.OrganisationPage"
REGION_MODEL = "core.Region"
MAX_SCORE = 10  # each criterion is scored from 0 to MAX_SCORE


def private_storage():
    """Files outside MEDIA_ROOT, which nginx and the development server serve: no URL leads to them."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def submission_upload_to(instance, filename):
    # A random folder per file: two applicants' "申报书.pdf" never meet.
    return f"calls/{instance.submission.call_id}/{secrets.token_hex(8)}/{filename}"


class Submission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        REVISION_REQUESTED = "revision_requested", _("Revision requested")
        ACCEPTED = "accepted", pgettext_lazy("submission status", "Accepted")
        REJECTED = "rejected", pgettext_lazy("submission status", "Not accepted")

    call = models.ForeignKey(
        "calls.CallPage", verbose_name=_("call"), on_delete=models.CASCADE, related_name="submissions"
    )
    # Empty once the submission is anonymised (calls.retention): an accepted one outlives its applicant's data.
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        null=True,
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"))
    organisation_name = models.CharField(_("applying organisation"), max_length=200)
    organisation = models.ForeignKey(
        ORGANISATION_MODEL,
        verbose_name=_("organisation in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        REGION_MODEL,
        verbose_name=_("district or county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The answers to the call's own questions (CallQuestion), by the question's clean_name.
    answers = models.JSONField(_("answers"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    round = models.PositiveSmallIntegerField(
        _("review round"), default=1, help_text=_("1 for the first version; each resubmitted revision adds one.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("published as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What a call makes of an accepted submission is a page (a case, a course, an article) or, for
    # project and volunteer calls, a snippet with its own moderation (a research project, a
    # volunteer) in an app calls does not know: a generic link.
    outcome_snippet_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    outcome_snippet_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    outcome_snippet = GenericForeignKey("outcome_snippet_type", "outcome_snippet_id")
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        permissions = [
            ("assign_reviewers", _("Can assign reviewers to submissions")),
            ("decide_submission", _("Can decide on submissions")),
        ]

    def __str__(self):
        return self.title

    @property
    def outcome(self):
        """The draft (or, once approved, published) page or snippet made of this submission."""
        return self.outcome_page.specific if self.outcome_page_id else self.outcome_snippet

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    @property
    def current_revision_request(self):
        """The revision asked for after the current round, if any (read from a prefetch if made)."""
        return next((r for r in self.revision_requests.all() if r.round == self.round), None)

    @property
    def is_in_review(self):
        """Waiting for reviewers or for a decision on the current round."""
        return self.status in (self.Status.SUBMITTED, self.Status.UNDER_REVIEW)


class RevisionRequest(models.Model):
    """A moderator's request that the applicant revise their submission after a review round;
    the applicant may change it until ``due_on`` (even after the call's deadline), and their
    resubmission starts the next round."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="revision_requests"
    )
    round = models.PositiveSmallIntegerField(_("after review round"))
    message = models.TextField(_("what to revise"))
    due_on = models.DateField(
        _("revision due on"), help_text=_("The applicant may resubmit until the end of this day.")
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    response = models.TextField(
        _("response to the reviewers"), blank=True, help_text=_("What you changed, answering each comment.")
    )
    resubmitted_at = models.DateTimeField(_("resubmitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision request")
        verbose_name_plural = _("revision requests")
        ordering = ["round"]
        constraints = [models.UniqueConstraint(fields=["submission", "round"], name="calls_one_revision_per_round")]

    def __str__(self):
        return f"{self.submission} ({self.round})"

    def is_open(self, today=None):
        return self.resubmitted_at is None and (today or timezone.localdate()) <= self.due_on


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), storage=private_storage, upload_to=submission_upload_to, max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.file.name.rsplit("/", 1)[-1]


class Reviewer(models.Model):
    """An expert of the pool who reviews through the public site under their own account."""

    expert = models.OneToOneField(
        EXPERT_MODEL, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="reviewer_account"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user account"), on_delete=models.CASCADE, related_name="reviewer"
    )

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self):
        return str(self.expert)


class Assignment(models.Model):
    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        Reviewer, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="assignments"
    )
    round = models.PositiveSmallIntegerField(_("review round"), default=1)
    assigned_at = models.DateTimeField(auto_now_add=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("overall comment"), blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["submission", "reviewer", "round"], name="calls_one_assignment_per_round")
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.submission}"

    def weighted_total(self, criteria=None):
        """The score out of 100: each criterion's score weighted; None until every criterion is scored.
        ``criteria``: the call's, when the caller has them (the board, for every review at once)."""
        criteria = list(self.submission.call.criteria.all()) if criteria is None else criteria
        scores = {score.criterion_id: score.score for score in self.scores.all()}
        if not criteria or any(c.pk not in scores for c in criteria):
            return None
        weights = sum(c.weight for c in criteria) or 1
        points = sum(scores[c.pk] * c.weight for c in criteria)
        return round(100 * points / (weights * MAX_SCORE), 1)


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("calls.ReviewCriterion", verbose_name=_("criterion"), on_delete=models.CASCADE)
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="calls_one_score_each")]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
