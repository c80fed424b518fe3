"""Where the calls' accepted submissions land in the journal's sections (the calls app's
``calls_outcome_destinations`` hook; the journal never imports calls, it reads the submission's
fields): a case call's accepted case becomes a draft case in the newest case collection,
started on the moderation workflow so that a moderator publishes it."""

from django.utils.text import slugify

from .models import CaseCollectionPage, CasePage


def case_draft(submission):
    collection = CaseCollectionPage.objects.order_by("-year", "-first_published_at").first()
    region = submission.region
    if collection is None or region is None:
        return None
    city, county = (region.parent, region.name) if region.parent_id else (region, "")
    page = CasePage(
        title=submission.title,
        slug=f"{slugify(submission.title, allow_unicode=True)[:40] or 'case'}-{submission.pk}",
        city=city,
        county=county,
        institution=submission.organisation_name,
        # Editors regroup the case in moderation; until then it is filed under the call's name.
        theme=submission.call.title[:50],
        summary=submission.summary,
        live=False,
    )
    collection.add_child(instance=page)
    page.save_revision(user=submission.decided_by)
    workflow = page.get_workflow()
    if workflow is not None and submission.decided_by is not None:
        workflow.start(page, submission.decided_by)
    return page


def destinations():
    return {"case": case_draft}
