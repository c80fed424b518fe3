"""Pagination that never fails on a bad ?page= (a typo in a URL is not a server error)."""

from django.core.paginator import Paginator


def paginate(request, object_list, per_page, param="page"):
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get(param))
