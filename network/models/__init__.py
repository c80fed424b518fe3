# People first: the directory page's routes read them (network.profiles imports .people).
from .people import TOP_100, Expert, ExpertiseField, Volunteer, VolunteerHonour  # isort: skip
from .organisations import DirectoryIndexPage, OrganisationPage  # isort: skip
from .regions import REGION_MODEL

__all__ = [
    "REGION_MODEL",
    "TOP_100",
    "DirectoryIndexPage",
    "Expert",
    "ExpertiseField",
    "OrganisationPage",
    "Volunteer",
    "VolunteerHonour",
]
