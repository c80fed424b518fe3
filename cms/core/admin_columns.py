"""Listing columns that read as Chinese: a yes/no field shows 是/否, not "True"/"False"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return _("Yes") if value else _("No")
