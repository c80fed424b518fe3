"""Learning activities (学习活动): dated runs held at venues, optionally of a course, with sign-up."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.core.models import RegionFieldsMixin
from cms.core.search_index import IndexedQuerySet

from ..widgets import region_panel

SOON_DAYS = 60


class Venue(index.Indexed, RegionFieldsMixin):
    """Where activities happen: a village cultural hall (农村文化礼堂) or another venue."""

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        region_panel(),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address"), index.AutocompleteField("name")]
    objects = IndexedQuerySet.as_manager()  # indexed on bulk creation too

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "city"], name="unique_venue_name_per_city")]

    def __str__(self):
        return self.name


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """Published activities whose course, if any, is live and not restricted."""
        from wagtail.models import PageViewRestriction

        visible = self.filter(is_published=True).filter(Q(course__isnull=True) | Q(course__live=True))
        for path in PageViewRestriction.objects.values_list("page__path", flat=True):
            visible = visible.exclude(course__path__startswith=path)
        return visible

    def availability(self, state, now=None):
        now = now or timezone.now()
        soon = now + datetime.timedelta(days=SOON_DAYS)
        if state == "current":
            return self.filter(start__lte=now, end__gte=now)
        if state == "soon":
            return self.filter(start__gt=now, start__lte=soon)
        if state == "upcoming":
            return self.filter(start__gt=soon)
        if state == "past":
            return self.filter(end__lt=now)
        return self


class LearningActivity(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="activities")
    description = models.TextField(pgettext_lazy("introduction", "description"), blank=True)
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no limit."))
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_note = models.CharField(
        _("status note"), max_length=300, blank=True, help_text=_("Why it was postponed or cancelled, and what next.")
    )
    takes_registrations = models.BooleanField(_("takes registrations"), default=False)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("course"),
        FieldPanel("venue"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("takes_registrations")]),
        FieldPanel("organiser"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        FieldPanel("is_published"),
    ]

    class Meta:
        verbose_name = _("learning activity")
        verbose_name_plural = _("learning activities")
        ordering = ["start", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("courses_activity", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end is before the start.")})

    def ics_url(self):
        return reverse("courses_activity_ics", args=[self.pk])

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def availability(self, now=None):
        now = now or timezone.now()
        if self.end < now:
            return "past"
        if self.start <= now:
            return "current"
        if self.start <= now + datetime.timedelta(days=SOON_DAYS):
            return "soon"
        return "upcoming"


class Registration(models.Model):
    """One person's sign-up; personal data (PIPL): only name and phone, kept until ``erase_after``."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")

    activity = models.ForeignKey(
        LearningActivity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=20)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    consented_at = models.DateTimeField(_("consent given"))
    erase_after = models.DateField(_("erase after"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reference = models.CharField(_("reference"), max_length=32, unique=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "phone"], name="one_registration_per_phone")]

    def __str__(self):
        return f"{self.activity} · {self.reference}"


def retention_days():
    return getattr(settings, "COURSES_REGISTRATION_RETENTION_DAYS", 180)
