from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared site library: what every domain app builds on, knowing none of them."""

    name = "cms.core"
    label = "core"
    verbose_name = "Shared site library"

    def ready(self):
        from . import moderation  # noqa: F401  (connects the page-creation signal)
