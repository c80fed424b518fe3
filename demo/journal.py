"""The journal section: 《社区教育研究》's 8 back issues (82 articles) are imported from
demo/data/journal-back-issues.json through ``journal.importer``, as `import_journal FILE --publish`;
the journal page, the development report, the case collection and the research projects come
from demo/data/journal.json; issue covers are generated pictures."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.utils import timezone

from cms.core.models import Region
from journal import importer, usage
from journal import models as journal_models

from .media import demo_image
from .pages import child_page, data_file, read_json

BACK_ISSUES = "journal-back-issues.json"
USAGE = "journal-usage.json"


def load(home, stdout):
    words = read_json("journal.json")
    journal, _ = child_page(home, journal_models.JournalPage, **words["journal"])
    stdout.write("  journal: issues and articles")
    _back_issues(home, journal, stdout)
    child_page(home, journal_models.ReportPage, **words["report"])
    stdout.write("  journal: case collection")
    collection, _ = child_page(home, journal_models.CaseCollectionPage, **words["case_collection"])
    for case in words["cases"]:
        case["city"] = Region.objects.get(level=Region.Level.CITY, name=case["city"])
        child_page(collection, journal_models.CasePage, **case)
    for p in words["projects"]:
        journal_models.ResearchProject.objects.get_or_create(title=p.pop("title"), year=p.pop("year"), defaults=p)
    child_page(home, journal_models.ResearchIndexPage, **words["research"])
    _usage(journal, stdout)
    return {"journal": journal}


def _usage(journal, stdout):
    """A month of reading replayed through the site's own counting (reloads and robots left out)."""
    articles = journal_models.ArticlePage.objects.descendant_of(journal).filter(locale=journal.locale)
    if journal_models.UsageEvent.objects.filter(article__in=articles).exists():
        return  # replayed before
    by_slug = {article.slug: article for article in articles}
    log, factory, counted = read_json(USAGE), RequestFactory(), 0
    for visit in log["visits"]:
        reader = log["readers"][visit["reader"]]
        request = factory.get("/", REMOTE_ADDR=reader["address"], HTTP_USER_AGENT=reader["agent"])
        request.user = AnonymousUser()
        when = timezone.make_aware(datetime.datetime.fromisoformat(visit["at"]))
        counted += usage.record(by_slug[visit["article"]], request, "view", now=when)
    stdout.write(f"  journal: {counted} of {len(log['visits'])} demo visits counted")


def _back_issues(home, journal, stdout):
    """Only issues the journal does not have yet are imported, so a re-run adds no revisions."""
    try:
        data = importer.read(data_file(BACK_ISSUES))
    except importer.ImportFailed as failure:
        raise CommandError(f"{BACK_ISSUES}: " + "; ".join(map(str, failure.problems))) from None
    have = set(journal_models.IssuePage.objects.child_of(journal).values_list("year", "number"))
    data["issues"] = [issue for issue in data["issues"] if (issue["year"], issue["number"]) not in have]
    importer.write(data, data_file(""), home, journal_slug=journal.slug, publish=True)
    for issue in journal_models.IssuePage.objects.child_of(journal).filter(cover__isnull=True):
        issue.cover = demo_image(
            f"《社区教育研究》{issue.year}年第{issue.number}期封面",
            seed=400 + issue.year * 10 + issue.number,
            size=(600, 850),
        )
        issue.save_revision().publish()
    for issue in data["issues"]:
        stdout.write(f"    {issue['year']}年第{issue['number']}期: {len(issue['articles'])} new article(s)")
