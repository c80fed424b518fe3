"""Wagtail API v2 at /api/v2/: pages, images and documents that the public may see."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents, less those in collections with a view restriction (private files)."""

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages, fetched for a whole listing at once rather than per item: each item's locale (in
    its meta), and the relations a page type's API fields read, named in ``api_prefetch_related``."""

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        relations = getattr(queryset.model, "api_prefetch_related", ())
        return queryset.prefetch_related(*relations) if relations else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
