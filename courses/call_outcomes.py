"""Where a course-selection call's accepted courses land: a draft course in the catalog (the
calls app's ``calls_outcome_destinations`` hook; courses never imports calls, it reads the
submission's fields). The course carries the selection year and the applicant's organisation as
its provider; it goes to the moderators, who complete it (category, lessons) and publish it."""

from django.utils.text import slugify

from cms.core.moderation import start_moderation

from .models import Category, CourseIndexPage, CoursePage, Provider
from .models.taxonomy import source_terms


def selection_year(call):
    return call.closes_at.year


def course_draft(submission):
    catalog = CourseIndexPage.objects.order_by("path").first()
    # Every course has a category (a term in the source language, which courses point at);
    # moderators change the first one if it is wrong.
    category = source_terms(Category).first()
    region = submission.region
    if catalog is None or category is None or region is None:
        return None
    city, county = (region.parent, region) if region.parent_id else (region, None)
    provider = Provider.objects.filter(name=submission.organisation_name.strip()).first()
    if provider is None and submission.organisation_name.strip():
        provider = Provider.objects.create(name=submission.organisation_name.strip(), city=city)
    year = selection_year(submission.call)
    page = CoursePage(
        title=submission.title,
        slug=f"{slugify(submission.title, allow_unicode=True)[:40] or 'course'}-{submission.pk}",
        code=f"ZJ{year}-S{submission.pk:03d}",
        summary=submission.summary,
        category=category,
        city=city,
        county=county,
        provider=provider,
        year=year,
        live=False,
    )
    catalog.add_child(instance=page)
    page.save_revision(user=submission.decided_by)
    start_moderation(page, submission.decided_by)
    return page


def destinations():
    return {"course_selection": course_draft}
