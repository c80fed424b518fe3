"""The journal, its people and sections, reports and case collections, and usage figures."""

from .fulltext import GalleyText
from .pages import ArticleAuthor, ArticlePage, IssuePage, JournalPage, OAITombstone, parents_of
from .people import Person, Section, validate_orcid
from .references import ArticleReference
from .reports import CaseCollectionPage, CasePage, ReportPage, ResearchIndexPage, ResearchProject
from .usage import ArticleUsage, UsageEvent

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleReference",
    "ArticleUsage",
    "CaseCollectionPage",
    "GalleyText",
    "CasePage",
    "IssuePage",
    "JournalPage",
    "OAITombstone",
    "Person",
    "ReportPage",
    "ResearchIndexPage",
    "ResearchProject",
    "Section",
    "UsageEvent",
    "parents_of",
    "validate_orcid",
]
