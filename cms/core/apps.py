from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared site library: what every domain app builds on, knowing none of them."""

    name = "cms.core"
    label = "core"
    # Editors see the settings and menus under the same name as before they moved here from home.
    verbose_name = _("Site")

    def ready(self):
        from . import checks, moderation, page_cache_purge  # noqa: F401  (registers the deploy checks, connects the page-creation signal)

        page_cache_purge.connect()
