from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: data files in demo/data loaded through the apps' importers."""

    name = "demo"
    verbose_name = "Demo content"
