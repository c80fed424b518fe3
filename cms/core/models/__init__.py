"""The shared library's models: who runs the site, in each language (identity), how to reach it
and how readers move around it (site), and the shared vocabulary of where things are (regions)."""

from .identity import SiteIdentity
from .regions import Region, RegionFieldsMixin
from .site import NavigationMenu, NavigationMenuItem, SiteSettings

__all__ = ["NavigationMenu", "NavigationMenuItem", "Region", "RegionFieldsMixin", "SiteIdentity", "SiteSettings"]
