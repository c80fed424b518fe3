from .pages import AnnouncementPage, CallDocument, CallIndexPage, CallPage, CallQuestion, ReviewCriterion  # isort: skip
from .submissions import Assignment, Reviewer, RevisionRequest, Score, Submission, SubmissionFile

__all__ = [
    "AnnouncementPage",
    "Assignment",
    "CallDocument",
    "CallIndexPage",
    "CallPage",
    "CallQuestion",
    "ReviewCriterion",
    "Reviewer",
    "RevisionRequest",
    "Score",
    "Submission",
    "SubmissionFile",
]
