"""The journal section: 《社区教育研究》's 8 back issues (82 articles) are imported from
demo/data/journal-back-issues.json through ``journal.importer``, as `import_journal FILE --publish`;
the journal page, the development report, the case collection and the research projects come
from demo/data/journal.json; issue covers are generated pictures."""

from django.core.management.base import CommandError

from cms.core.models import Region
from journal import importer
from journal import models as journal_models

from .media import demo_image
from .pages import child_page, data_file, read_json

BACK_ISSUES = "journal-back-issues.json"


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
    return {"journal": journal}


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
