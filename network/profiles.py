"""What the public may see of people: experts who chose a public profile, and the 百佳 roll.

Only the fields listed here leave the admin; contact data (telephone, e-mail, ID number) is
never selected for a public view.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from cms.core.pagination import paginate

from .models.people import TOP_100, Expert, Volunteer, VolunteerHonour

EXPERTS_PER_PAGE = 30


def public_experts():
    return (
        Expert.objects.filter(public_profile=True)
        .only("id", "name", "title", "affiliation", "biography", "region")
        .select_related("region__parent")
        .prefetch_related("fields")
        .order_by("name")
    )


def public_experts_page(request):
    return paginate(request, public_experts(), EXPERTS_PER_PAGE)


def public_expert(expert_id):
    return get_object_or_404(public_experts(), pk=expert_id)


def top_100_honours():
    return VolunteerHonour.objects.filter(title=TOP_100, volunteer__live=True)


def top_100_years():
    return sorted(set(top_100_honours().values_list("year", flat=True)), reverse=True)


def top_100_roll(year=None):
    """The volunteers honoured 百佳 in ``year`` (the latest year by default); None when there are none."""
    years = top_100_years()
    if not years or (year is not None and year not in years):
        return None
    year = year or years[0]
    volunteers = (
        Volunteer.objects.filter(Q(honours__title=TOP_100) & Q(honours__year=year), live=True)
        .only("id", "name", "affiliation", "service_hours", "region")
        .select_related("region__parent")
        .order_by("region__code", "name")
    )
    return {"year": year, "years": years, "volunteers": volunteers, "title": TOP_100}


def public_sitemap_paths():
    """The directory's public routes besides itself: the expert list, profiles and every roll."""
    paths = []
    experts = list(Expert.objects.filter(public_profile=True).order_by("pk").values_list("pk", flat=True))
    if experts:
        paths.append("experts/")
        paths += [f"experts/{pk}/" for pk in experts]
    paths += [f"volunteers/top-100/{year}/" for year in top_100_years()]
    return paths
