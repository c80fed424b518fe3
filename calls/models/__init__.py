from .pages import AnnouncementPage, CallDocument, CallIndexPage, CallPage, ReviewCriterion  # isort: skip
from .submissions import Assignment, Reviewer, RevisionRequest, Score, Submission, SubmissionFile

__all__ = [
    "AnnouncementPage",
    "Assignment",
    "CallDocument",
    "CallIndexPage",
    "CallPage",
    "ReviewCriterion",
    "Reviewer",
    "RevisionRequest",
    "Score",
    "Submission",
    "SubmissionFile",
]
