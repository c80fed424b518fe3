"""Where the calls' accepted submissions land in the journal (the calls app's
``calls_outcome_destinations`` hook; the journal never imports calls, it reads the submission's
fields). Each becomes a draft page started on the moderation workflow, so that a moderator
publishes it:

- an accepted case: a case in the newest case collection;
- an accepted manuscript: an article in the journal's next issue (the newest issue not yet
  published), with its author, who is also the corresponding author;
- an accepted project application: a research project (课题) approved in the call's year, a
  draft snippet on the same workflow.
"""

from django.utils.text import slugify

from cms.core.moderation import start_moderation

from .models import ArticleAuthor, ArticlePage, CaseCollectionPage, CasePage, IssuePage, Person, ResearchProject


def _slug(submission, fallback):
    return f"{slugify(submission.title, allow_unicode=True)[:40] or fallback}-{submission.pk}"


def _await_moderation(parent, page, submission):
    parent.add_child(instance=page)
    page.save_revision(user=submission.decided_by)
    workflow = page.get_workflow()
    if workflow is not None and submission.decided_by is not None:
        workflow.start(page, submission.decided_by)
    return page


def case_draft(submission):
    collection = CaseCollectionPage.objects.order_by("-year", "-first_published_at").first()
    region = submission.region
    if collection is None or region is None:
        return None
    city, county = (region.parent, region.name) if region.parent_id else (region, "")
    page = CasePage(
        title=submission.title,
        slug=_slug(submission, "case"),
        city=city,
        county=county,
        institution=submission.organisation_name,
        # Editors regroup the case in moderation; until then it is filed under the call's name.
        theme=submission.call.title[:50],
        summary=submission.summary,
        live=False,
    )
    return _await_moderation(collection, page, submission)


def next_issue():
    """The issue being prepared: the newest one not yet published."""
    return IssuePage.objects.filter(live=False).order_by("-year", "-number").first()


def manuscript_draft(submission):
    issue = next_issue()
    if issue is None:
        return None
    applicant = submission.applicant
    name = applicant.get_full_name().strip() or applicant.get_username()
    author = Person.objects.filter(name=name, affiliation=submission.organisation_name).first()
    if author is None:
        author = Person.objects.create(name=name, affiliation=submission.organisation_name, email=applicant.email)
    page = ArticlePage(
        title=submission.title,
        slug=_slug(submission, "article"),
        abstract=submission.summary,
        received_date=submission.submitted_at.date() if submission.submitted_at else None,
        live=False,
    )
    page.authorships = [ArticleAuthor(person=author, is_corresponding=True)]
    return _await_moderation(issue, page, submission)


def project_draft(submission):
    applicant = submission.applicant
    project = ResearchProject(
        title=submission.title,
        kind=ResearchProject.Kind.PLANNED,
        year=submission.call.closes_at.year,
        lead=(applicant.get_full_name().strip() or applicant.get_username())[:100],
        institution=submission.organisation_name[:200],
        status=ResearchProject.Status.APPROVED,
        summary=submission.summary,
        live=False,
    )
    project.save()
    project.save_revision(user=submission.decided_by)
    start_moderation(project, submission.decided_by)
    return project


def destinations():
    return {"case": case_draft, "manuscript": manuscript_draft, "project": project_draft}
