"""Wagtail API v2 at /api/v2/: pages, images and documents that the public may see."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from cms.query_values import whole_number

MAX_OFFSET = 10**9


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the database can hold (thirty nines overflow SQLite)."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset")
        if offset is not None and whole_number(offset, maximum=MAX_OFFSET) is None:
            raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    pagination_class = BoundedPagination


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents, less those in collections with a view restriction (private files)."""

    pagination_class = BoundedPagination

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages, fetched for a whole listing at once rather than per item: each item's locale (in
    its meta), and the relations a page type's API fields read, named in ``api_prefetch_related``."""

    pagination_class = BoundedPagination

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        relations = getattr(queryset.model, "api_prefetch_related", ())
        return queryset.prefetch_related(*relations) if relations else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
