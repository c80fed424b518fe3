"""Snippet choosers that list Chinese names in pinyin order (文化礼堂 under W), as editors look for them.

The database orders by character code, which for Chinese is no order a person knows. Unless the
editor is searching (then relevance decides), the chooser sorts the filtered rows by their
pinyin in Python: snippet lists are small (a few thousand rows at most; above that, code order).
"""

from django.core.paginator import InvalidPage
from django.http import Http404
from pypinyin import lazy_pinyin
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

MAX_SORTED_IN_PYTHON = 5000


def pinyin_key(text):
    """A sort key: the pinyin syllables (other characters as they are), then the text itself."""
    text = str(text)
    return " ".join(lazy_pinyin(text)).lower(), text


class PinyinOrderMixin:
    def get_results_page(self, request):
        objects = self.filter_object_list(self.get_object_list())
        searching = getattr(self.filter_form, "is_searching", False)
        if not searching and objects.count() <= MAX_SORTED_IN_PYTHON:
            objects = sorted(objects, key=pinyin_key)
        elif not searching:
            objects = self.apply_object_list_ordering(objects)
        self.paginator = self.paginator_class(objects, per_page=self.per_page)
        try:
            return self.paginator.page(request.GET.get("p", 1))
        except InvalidPage as error:
            raise Http404 from error


class PinyinChooseView(PinyinOrderMixin, ChooseView):
    pass


class PinyinChooseResultsView(PinyinOrderMixin, ChooseResultsView):
    pass


class PinyinSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PinyinChooseView
    choose_results_view_class = PinyinChooseResultsView
