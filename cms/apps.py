from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS shared"

    def ready(self):
        from . import checks, moderation  # noqa: F401  (registers the deploy checks, connects the page-creation signal)
