from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = _("Journal")

    def ready(self):
        from . import checks, fulltext, search_dates, tombstones  # noqa: F401  (deploy checks, signal receivers: need the loaded models)

        fulltext.connect_signals()
