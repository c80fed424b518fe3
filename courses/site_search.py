"""Learning activities in the site search (search.other_results): activities are rows, not pages,
so the page index does not hold them."""

from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from courses.models import LearningActivity
from search.other_results import OtherResults

SHOWN = 5
SEARCHED = ("title", "description", "organiser", "venue__name", "course__title")


def matching_activities(words, excluded, shown=SHOWN):
    activities = LearningActivity.objects.public().filter(end__gte=timezone.now())
    for word in words:
        activities = activities.filter(_mentions(word))
    for word in excluded:
        activities = activities.exclude(_mentions(word))
    total = activities.count()
    items = [
        {
            "title": activity.title,
            "url": activity.get_absolute_url(),
            "snippet": Truncator(f"{activity.venue.name} · {activity.description}").chars(80),
            "date": timezone.localtime(activity.start),
        }
        for activity in activities.select_related("venue").order_by("start", "pk")[:shown]
    ]
    return OtherResults(label=_("Learning activities"), kind="courses.learningactivity", total=total, items=items)


def _mentions(word):
    condition = Q()
    for name in SEARCHED:
        condition |= Q(**{f"{name}__icontains": word})
    return condition
