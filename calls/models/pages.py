"""A call (征集) is a page: what is asked for, who may apply, when, the documents to read, the
review criteria with their weights and how the review runs. Calls live under a CallIndexPage,
which also holds the applicants' and reviewers' own pages (calls.views, as routes)."""

import datetime

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from calls import views

from .submissions import MAX_SCORE

DEFAULT_RETENTION_DAYS = 3 * 365
MIN_RETENTION_DAYS = 90  # a shorter period would purge submissions still under review


class CallIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    subpage_types = ["calls.CallPage"]
    page_description = _("The calls for applications, with the applicants' and reviewers' sign-in.")

    class Meta:
        verbose_name = _("call index page")
        verbose_name_plural = _("call index pages")

    def calls(self):
        return CallPage.objects.child_of(self).live().public().order_by("-closes_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = self.calls()
        return context

    # The personal routes (calls.views): never cached, and never in the sitemap, which lists pages only.
    @path("sign-up/", name="sign_up")
    def sign_up(self, request):
        return views.sign_up(request, self)

    @path("log-in/", name="log_in")
    def log_in(self, request):
        return views.log_in(request, self)

    @path("log-out/", name="log_out")
    def log_out(self, request):
        return views.log_out(request, self)

    @path("my-submissions/", name="my_submissions")
    def my_submissions(self, request):
        return views.my_submissions(request, self)

    @path("reviews/", name="my_reviews")
    def my_reviews(self, request):
        return views.my_reviews(request, self)

    @path("reviews/<int:assignment_id>/", name="review")
    def review(self, request, assignment_id):
        return views.review(request, self, assignment_id)

    @path("my-data/", name="my_data")
    def my_data(self, request):
        return views.my_data(request, self)

    @path("my-data/download/", name="download_my_data")
    def download_my_data(self, request):
        return views.download_my_data(request, self)

    @path("my-data/delete/", name="delete_my_account")
    def delete_my_account(self, request):
        return views.delete_my_account(request, self)

    @path("files/<int:file_id>/", name="submission_file")
    def submission_file(self, request, file_id):
        return views.submission_file(request, file_id)


class CallPage(RoutablePageMixin, Page):
    class Kind(models.TextChoices):
        COURSE_SELECTION = "course_selection", _("Course selection")
        PROJECT = "project", _("Project application")
        CASE = "case", _("Case collection")
        VOLUNTEER = "volunteer", _("Volunteer nomination")
        MANUSCRIPT = "manuscript", _("Manuscript")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    introduction = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("what is asked for"), blank=True)
    eligibility = RichTextField(_("who may apply"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(
        _("closes at"), help_text=_("Submissions are locked from this moment: no new ones, no changes.")
    )
    reviewers_per_submission = models.PositiveSmallIntegerField(_("reviewers per submission"), default=3)
    blind_review = models.BooleanField(
        _("blind review"),
        default=True,
        help_text=_(
            "Reviewers never see the applicant's name or organisation (applicants never see the reviewers' in any "
            "case). Manuscripts are always reviewed double-blind."
        ),
    )
    expertise = ParentalManyToManyField(
        "network.ExpertiseField",
        verbose_name=_("fields of expertise needed"),
        blank=True,
        related_name="+",
        help_text=_("The board offers first the reviewers of the pool who cover most of these fields."),
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(MIN_RETENTION_DAYS)],
        help_text=_(
            "How many days after the call closes the applicants' personal data is kept: then "
            "purge_personal_data deletes the files and the submissions not accepted, and keeps of the "
            "accepted ones only the title and organisation the announcement shows. 1095 days is 3 years."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel(
            "questions",
            label=_("Questions on the submission form"),
            help_text=_("Asked besides the title, summary, organisation, district and files every submission has."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reviewers_per_submission"), FieldPanel("blind_review")]),
                FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
                InlinePanel("criteria", label=_("Review criteria"), min_num=1),
            ],
            heading=_("Review"),
        ),
        MultiFieldPanel([FieldPanel("retention_days")], heading=_("Personal data")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("introduction"),
        APIField("body"),
        APIField("eligibility"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("retention_days"),
    ]
    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = ["calls.AnnouncementPage"]
    page_description = _("A call for applications, nominations or manuscripts, reviewed by experts.")

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})
        if self.kind == self.Kind.MANUSCRIPT and not self.blind_review:
            raise ValidationError({"blind_review": _("Manuscripts are always reviewed double-blind.")})
        names = [question.clean_name or question.get_field_clean_name() for question in self.questions.all()]
        if len(names) != len(set(names)):
            raise ValidationError(_("Two questions of the submission form have the same label."))

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    def retained_until(self):
        """When the applicants' personal data of this call is purged (calls.retention)."""
        return self.closes_at + datetime.timedelta(days=self.retention_days)

    def retention_has_run_out(self, now=None):
        return (now or timezone.now()) >= self.retained_until()

    def call_index(self):
        return CallIndexPage.objects.ancestor_of(self).specific().last()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.call_index()
        context["criteria"] = self.criteria.all()
        context["questions"] = self.questions.all()
        context["documents"] = self.documents.select_related("document")
        return context

    @path("")
    def call(self, request):
        return self.render(request)

    def submission_call(self):
        """The call submissions belong to: the one in the default language, so that editors and
        reviewers see every application in one place; a translation sends applicants there."""
        return self.get_translation_or_none(Locale.get_default()) or self

    # A translation shows the form in its own language, and saves to the call in the default language.
    @path("submit/", name="new_submission")
    def new_submission(self, request):
        return views.edit_submission(request, self.submission_call(), None, shown_on=self)

    @path("submissions/<int:submission_id>/", name="edit_submission")
    def edit_submission(self, request, submission_id):
        return views.edit_submission(request, self.submission_call(), submission_id, shown_on=self)


class CallDocument(Orderable):
    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("E.g. 申报书模板"))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.label or self.document.title


class CallQuestion(AbstractFormField):
    """A question of the call's submission form (Wagtail's form builder field: text, number, date,
    choices…), e.g. 课程学时 for a course selection or 志愿服务时长 for a nomination. The answers
    are kept on the submission under the question's ``clean_name``."""

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="questions")
    for_reviewers = models.BooleanField(
        _("shown to reviewers"),
        default=True,
        help_text=_("Untick for contact details and other personal data the reviewers do not need."),
    )

    panels = AbstractFormField.panels + [FieldPanel("for_reviewers")]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label


class ReviewCriterion(Orderable):
    """One criterion reviewers score from 0 to MAX_SCORE; the weights set each one's share of the total."""

    MAX_SCORE = MAX_SCORE

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("weight")]), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self):
        return self.name


class AnnouncementPage(Page):
    """The 公示: the call's accepted submissions, open to objections until ``objections_close``."""

    introduction = models.TextField(_("introduction"), blank=True)
    objections_close = models.DateField(_("objections close on"))
    objection_contact = models.CharField(
        _("where to send objections"), max_length=255, help_text=_("E.g. 联系电话 0571-88888888，邮箱 …")
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("objections_close"), FieldPanel("objection_contact")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("objections_close"), APIField("objection_contact")]
    parent_page_types = ["calls.CallPage"]
    subpage_types = []
    page_description = _("The announcement (公示) of a call's accepted submissions, with its objection period.")

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def accepted(self):
        Submission = apps.get_model("calls", "Submission")
        return Submission.objects.filter(call_id=self.get_parent().pk, status=Submission.Status.ACCEPTED).order_by(
            "title"
        )

    def objections_open(self, today=None):
        return (today or timezone.localdate()) <= self.objections_close

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["accepted"] = self.accepted()
        context["objections_open"] = self.objections_open()
        return context
