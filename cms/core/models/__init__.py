"""The shared library's models: who runs the site and how readers move around it (site), and the
shared vocabulary of where things are (regions)."""

from .regions import Region, RegionFieldsMixin
from .site import NavigationMenu, NavigationMenuItem, SiteSettings

__all__ = ["NavigationMenu", "NavigationMenuItem", "Region", "RegionFieldsMixin", "SiteSettings"]
