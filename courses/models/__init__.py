from .activities import LearningActivity, Registration, Venue
from .learning_map import CatalogSettings, LearningPlace
from .pages import CourseIndexPage, CoursePage, CourseTag, Lesson, ResourceSetPage
from .taxonomy import Audience, Category, Instructor, Provider

__all__ = [
    "Audience",
    "CatalogSettings",
    "Category",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "Instructor",
    "LearningActivity",
    "LearningPlace",
    "Lesson",
    "Provider",
    "Registration",
    "ResourceSetPage",
    "Venue",
]
