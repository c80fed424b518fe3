"""The standards section's pages and the readers' comments on its drafts."""

from .comments import ClauseComment
from .pages import StandardIndexPage, StandardPage

__all__ = ["ClauseComment", "StandardIndexPage", "StandardPage"]
