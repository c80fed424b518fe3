"""The English site beyond the shell: the catalog, the journal, the case collection, the standards,
the other sections' index pages, a call, and a few news items and organisations (so every page type
has an English page), made through wagtail-localize like the home page.

The words are demo/data/translations-en.json (the courses' lesson titles too) and courses-en.csv; an
article's English page is made from its own English title, abstract and keywords, so they are written once.
"""

from wagtail.models import Locale

from calls.models import CallIndexPage, CallPage
from cms.core.search_index import indexing_deferred
from cms.core.translation import translate
from courses.models import CourseIndexPage, CoursePage, ResourceSetPage
from home.models import ContentPage, NewsIndexPage, NewsPage
from journal import models as journal_models
from network.models import DirectoryIndexPage, OrganisationPage
from standards.models import StandardIndexPage, StandardPage

from .pages import read_csv, read_json


def translate_sections(home, stdout):
    with indexing_deferred():
        counted = _translate_sections(home)
    stdout.write(f"  {counted} pages translated into English")


def _translate_sections(home):
    en = Locale.objects.get(language_code="en")
    words = read_json("translations-en.json")
    counted = 0

    def english(pages, strings):
        """English for each page not translated yet; ``strings`` is a map or page -> map."""
        nonlocal counted
        for page in pages:
            if not page.has_translation(en):
                translate(page, en, strings(page) if callable(strings) else strings)
                counted += 1

    def under(parent, model):
        # Live pages only: a translation is published, and a draft (an accepted submission's course
        # waiting for a moderator) must not reach the public in English before it does in Chinese.
        return model.objects.child_of(parent).filter(locale=parent.locale).live().order_by("path")

    titles = {row["code"]: row for row in read_csv("courses-en.csv")}
    for index in under(home, CourseIndexPage):
        english([index], words["courses_index"])
        english(under(index, CoursePage), lambda course: _course_strings(course, titles, words))
    resource_sets = read_json("courses.json")["resource_set_parent"]["slug"]
    for parent in under(home, ContentPage).filter(slug=resource_sets):
        english([parent, *under(parent, ResourceSetPage)], words["resource_sets"])
    for journal in under(home, journal_models.JournalPage):
        english([journal], words["journal"])
        for issue in under(journal, journal_models.IssuePage):
            english([issue], {issue.title: words["issue_title"].format(year=issue.year, number=issue.number)})
            english(under(issue, journal_models.ArticlePage), _article_strings)
    english(under(home, journal_models.ReportPage), words["report"])
    for collection in under(home, journal_models.CaseCollectionPage):
        english([collection, *under(collection, journal_models.CasePage)], words["case_collection"])
    english(under(home, journal_models.ResearchIndexPage), words["research"])
    for index in under(home, StandardIndexPage):
        english([index, *under(index, ContentPage)], words["standards_index"])
        english(under(index, StandardPage), lambda page: {**words["standards"], page.title: page.title_en})
    for calls in under(home, CallIndexPage):
        english([calls], words["calls"])
        english(under(calls, CallPage).filter(title__in=words["call"]), words["call"])
    for directory in under(home, DirectoryIndexPage):
        english([directory], words["directory"])
        english(under(directory, OrganisationPage).filter(title__in=words["organisations"]), words["organisations"])
    for news in under(home, NewsIndexPage):  # the index itself is the shell's (demo/site.py)
        english(under(news, NewsPage).filter(title__in=words["news"]), words["news"])
    return counted


def _course_strings(course, titles, words):
    row = titles.get(course.code)
    strings = {**words["course_paragraphs"], **words["lessons"]}
    if row:
        strings.update({course.title: row["title"], course.summary: row["summary"]})
    return strings


def _article_strings(article):
    """The article's own English metadata becomes its English page's title, abstract and keywords."""
    pairs = ((article.title, article.title_en), (article.abstract, article.abstract_en))
    strings = {source: english for source, english in pairs if source and english}
    if article.keywords and article.keywords_en:
        strings[article.keywords] = article.keywords_en
    return strings
