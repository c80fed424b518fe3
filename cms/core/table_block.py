"""Wagtail's table block with its editor in Chinese.

Handsontable, the table editor, ships only an English dictionary; Wagtail passes it the
admin's language (zh-hans) and the editor then warns "Language zh-hans not found" and shows
its context menu in English. The widget adds a zh-hans dictionary after Handsontable loads.
"""

from django import forms
from django.utils.functional import cached_property
from wagtail.admin.staticfiles import versioned_static
from wagtail.contrib.table_block.blocks import TableBlock, TableInput


class LocalisedTableInput(TableInput):
    @cached_property
    def media(self):  # Wagtail's telepath adapter for TableInput serves this media
        return super().media + forms.Media(js=[versioned_static("js/handsontable-zh-hans.js")])


class LocalisedTableBlock(TableBlock):
    @cached_property
    def field(self):
        return forms.CharField(widget=LocalisedTableInput(table_options=self.table_options), **self.field_options)

    def deconstruct(self):
        # The same stored data and form as Wagtail's block: migrations need not know the difference.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.contrib.table_block.blocks.TableBlock", args, kwargs
