from .pages import AnnouncementPage, CallDocument, CallIndexPage, CallPage, ReviewCriterion  # isort: skip
from .submissions import Assignment, Reviewer, Score, Submission, SubmissionFile

__all__ = [
    "AnnouncementPage",
    "Assignment",
    "CallDocument",
    "CallIndexPage",
    "CallPage",
    "ReviewCriterion",
    "Reviewer",
    "Score",
    "Submission",
    "SubmissionFile",
]
