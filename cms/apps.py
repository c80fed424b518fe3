from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS shared"

    def ready(self):
        from . import moderation  # noqa: F401  (connects the page-creation signal)
