"""The region chooser: searchable, cities or counties only, and a city's counties once it is chosen.

Zhejiang has 11 cities and 90 districts and counties; one list of 101 in code order was hard to
use. The city field's chooser lists cities, the county field's lists the counties of the city
chosen beside it (``linked_fields``), and a search for a county-level city (义乌) in the city
chooser says which city it belongs to instead of finding nothing.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from cms.core.models import Region

LEVELS = {Region.Level.CITY, Region.Level.COUNTY}


class RegionSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name, English name or code")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:  # 101 rows: a substring match finds Chinese names without segmentation
            objects = objects.filter(Q(name__icontains=query) | Q(name_en__icontains=query) | Q(code__startswith=query))
            self.is_searching, self.search_query = True, query
        return objects


class RegionChooseMixin:
    filter_form_class = RegionSearchForm
    preserve_url_parameters = ["multiple", "level", "parent"]
    results_template_name = "courses/admin/region_chooser_results.html"

    def filter_object_list(self, objects):
        level, parent = self.request.GET.get("level"), self.request.GET.get("parent", "")
        if level in LEVELS:
            objects = objects.filter(level=level)
        if parent.isdigit():
            objects = objects.filter(parent_id=int(parent))
        return super().filter_object_list(objects)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = getattr(self.filter_form, "search_query", None)
        if query and self.request.GET.get("level") == Region.Level.CITY:
            context["counties_found"] = Region.objects.filter(
                level=Region.Level.COUNTY, name__icontains=query
            ).select_related("parent")[:10]
        return context


class RegionChooseView(RegionChooseMixin, ChooseView):
    pass


class RegionChooseResultsView(RegionChooseMixin, ChooseResultsView):
    pass


class RegionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegionChooseView
    choose_results_view_class = RegionChooseResultsView
