"""The people of the network: the expert pool (专家库) and volunteers with their honours.

Snippets, not pages: their contact data (telephone, e-mail, ID number) is kept for the center's
work and is never public; only the fields a public profile or the 百佳 roll shows leave the admin.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .regions import REGION_MODEL

CONTACT_PERMISSION = "network.view_contact_details"
TOP_100 = "百佳社区教育志愿者"


def _contact_panel(fields):
    """Contact fields, shown in the admin only to users with the contact permission."""
    return MultiFieldPanel(
        [FieldPanel(name, permission=CONTACT_PERMISSION) for name in fields],
        heading=_("Contact data (never public)"),
        permission=CONTACT_PERMISSION,
    )


class ExpertiseField(models.Model):
    """A field of expertise of the expert pool, e.g. 老年教育 or 社区教育政策."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("field of expertise")
        verbose_name_plural = _("fields of expertise")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return (get_language() == "en" and self.name_en) or self.name


class PersonFieldsMixin(models.Model):
    name = models.CharField(_("name"), max_length=60)
    affiliation = models.CharField(
        pgettext_lazy("directory entry", "organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation's name as the person gives it."),
    )
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        verbose_name=_("organisation in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set by imports when the name matches an organisation of the directory."),
    )
    region = models.ForeignKey(
        REGION_MODEL, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class Expert(PersonFieldsMixin, index.Indexed, models.Model):
    title = models.CharField(_("professional title (职称)"), max_length=60, blank=True)
    fields = models.ManyToManyField(ExpertiseField, verbose_name=_("fields of expertise"), blank=True)
    biography = models.TextField(_("short biography"), blank=True, help_text=_("Shown only on a public profile."))
    public_profile = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("Show name, title, organisation, region, fields and biography on the site; never contact data."),
    )
    id_number = models.CharField(_("ID card number"), max_length=18, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldPanel("affiliation"),
        FieldPanel("organisation"),
        FieldPanel("region"),
        FieldPanel("fields"),
        FieldPanel("biography"),
        FieldPanel("public_profile"),
        _contact_panel(["phone", "email", "id_number"]),
    ]
    # Contact data is left out on purpose: nobody finds an expert by a telephone number.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("title"),
        index.SearchField("affiliation"),
        index.AutocompleteField("affiliation"),
        index.FilterField("public_profile"),
    ]

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["name"]
        permissions = [("view_contact_details", _("Can see the contact data of experts and volunteers"))]


class Volunteer(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PersonFieldsMixin, index.Indexed, ClusterableModel
):
    """A volunteer and their honours. Drafts and moderation as for pages: the 百佳 roll shows live
    volunteers only, and one that a call's nomination selects waits as a draft for a moderator."""

    service_hours = models.DecimalField(_("service hours"), max_digits=7, decimal_places=1, default=0)
    # Deleting a volunteer deletes their revisions and workflow states (they point at it generically).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="volunteer",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="volunteer",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("affiliation"),
        FieldPanel("organisation"),
        FieldPanel("region"),
        FieldPanel("service_hours"),
        InlinePanel("honours", label=_("Honours")),
        _contact_panel(["phone", "email"]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("affiliation"),
        index.AutocompleteField("affiliation"),
    ]

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["name"]


class VolunteerHonour(Orderable):
    volunteer = ParentalKey(Volunteer, on_delete=models.CASCADE, related_name="honours")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(
        _("honour"), max_length=100, help_text=_("E.g. 百佳社区教育志愿者 (the roll is made of this honour)")
    )

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")

    def __str__(self):
        return f"{self.year} {self.title}"
