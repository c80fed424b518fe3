"""Add many live course pages at once (benchmarks, big-data tests, large demo catalogs).

The page API costs several queries and a revision per page; this writes the page tree rows
and the course rows in a few batched INSERTs. Pages made here are live and have no revision
yet (Wagtail creates one on the first edit); search indexing is left to ``update_index``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.core.page_cache_purge import purge_after_commit

from .models import CoursePage, CourseTag

BATCH = 500


def _children(parent):
    # Not parent.get_children(): treebeard trusts the cached numchild, which this module changes.
    return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)


def _next_child_paths(parent, count):
    last = _children(parent).order_by("-path").first()
    first_step = CoursePage._str2int(last.path[-CoursePage.steplen :]) + 1 if last else 1
    return [CoursePage._get_path(parent.path, parent.depth + 1, first_step + n) for n in range(count)]


@transaction.atomic
def bulk_add_courses(index, courses, audiences=None, tags=None):
    """Save unsaved ``CoursePage`` objects as live children of ``index``.

    ``audiences`` and ``tags`` map a course's slug to a list of Audience objects / tag names.
    """
    audiences = audiences or {}
    tags = tags or {}
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(CoursePage)
    pages = []
    for course, path in zip(courses, _next_child_paths(index, len(courses)), strict=True):
        course.path = path
        course.depth = index.depth + 1
        course.numchild = 0
        course.url_path = f"{index.url_path}{course.slug}/"
        course.content_type = content_type
        course.locale_id = index.locale_id
        course.live = True
        course.has_unpublished_changes = False
        course.draft_title = course.title
        course.first_published_at = course.last_published_at = now
        pages.append(Page(**{f.attname: getattr(course, f.attname) for f in Page._meta.concrete_fields}))
    Page.objects.bulk_create(pages, batch_size=BATCH)
    for course, page in zip(courses, pages, strict=True):
        course.page_ptr_id = course.id = page.pk

    # Django's bulk_create refuses multi-table models, so the course table is inserted directly.
    local_fields = CoursePage._meta.local_concrete_fields
    for start in range(0, len(courses), BATCH):
        CoursePage.objects.all()._insert(courses[start : start + BATCH], fields=local_fields)
    index.numchild = _children(index).count()
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild)

    through = CoursePage.audiences.through
    through.objects.bulk_create(
        [through(coursepage_id=c.pk, audience_id=a.pk) for c in courses for a in audiences.get(c.slug, [])],
        batch_size=BATCH,
    )
    _bulk_tag(courses, tags)
    purge_after_commit()  # bulk inserts send no signals
    return courses


def _bulk_tag(courses, tags):
    from taggit.models import Tag

    names = sorted({name for course in courses for name in tags.get(course.slug, [])})
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    from django.utils.text import slugify

    missing = [Tag(name=name, slug=slugify(name, allow_unicode=True) or name) for name in names if name not in existing]
    Tag.objects.bulk_create(missing)
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    CourseTag.objects.bulk_create(
        [CourseTag(content_object_id=c.pk, tag=existing[name]) for c in courses for name in tags.get(c.slug, [])],
        batch_size=BATCH,
    )
