"""The journal, its people and sections, reports and case collections, and usage figures."""

from .pages import ArticleAuthor, ArticlePage, IssuePage, JournalPage, OAITombstone, parents_of
from .people import Person, Section, validate_orcid
from .references import ArticleReference
from .reports import CaseCollectionPage, CasePage, ReportPage, ResearchIndexPage, ResearchProject
from .usage import ArticleUsage

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleReference",
    "ArticleUsage",
    "CaseCollectionPage",
    "CasePage",
    "IssuePage",
    "JournalPage",
    "OAITombstone",
    "Person",
    "ReportPage",
    "ResearchIndexPage",
    "ResearchProject",
    "Section",
    "parents_of",
    "validate_orcid",
]
