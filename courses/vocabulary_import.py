"""Loading categories and audiences from data (the demo's courses.json, an office's list): one row per
term with its slug, Chinese name and optional English name (``name_en``), which becomes the term's
English translation through wagtail-localize, so editors go on translating it in its editor."""

from django.db import transaction
from wagtail.models import Locale

from cms.core.translation import translate

from .models.taxonomy import source_terms

ENGLISH = "en"


@transaction.atomic
def import_terms(model, items):
    """Create or update the terms ``items`` (dicts: slug, name, optional name_en), in their order;
    matched on slug. Returns the terms in the source language."""
    default, english = Locale.get_default(), None
    terms = []
    for order, item in enumerate(items):
        fields = {"name": item["name"], "sort_order": order}
        term, _created = model.objects.update_or_create(slug=item["slug"], locale=default, defaults=fields)
        if item.get("name_en"):
            english = english or Locale.objects.get_or_create(language_code=ENGLISH)[0]
            translate(term, english, {term.name: item["name_en"]})
        terms.append(term)
    return terms


def terms_by_name_or_slug(model):
    """{name or slug: term} of the source-language terms, as course files refer to them."""
    terms = {}
    for term in source_terms(model):
        terms[term.name] = terms[term.slug] = term
    return terms
