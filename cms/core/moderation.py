"""Who may publish where.

Editors (编辑) may add and change pages everywhere but publish only in sections whose page
class sets ``editors_can_publish = True`` (news, the course catalog…). Sections whose class
sets ``requires_moderation = True`` (the journal, the standards) get the moderation workflow,
so what editors write there goes live only after a moderator (审核) approves it.

The groups and the workflow are created by data migrations (home 0002, named in Chinese by
home 0004); this module wires new section pages to them when they are created, by an editor or
by an import.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Page, WorkflowPage

EDITORS_GROUP = "编辑 Editors"
MODERATORS_GROUP = "审核 Moderators"
# The names the migrations give them; administrators may rename them in the admin.
MODERATION_WORKFLOW = "审核发布"
MODERATION_TASK = "审核"


def get_moderation_workflow():
    """The site's moderation workflow: the one on the root page, where home 0002 puts it.
    Found by that binding rather than by its name, which administrators may change."""
    binding = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).select_related("workflow").first()
    return binding.workflow if binding is not None else None


def require_moderation(page):
    """Attach the moderation workflow to ``page`` and so to everything below it."""
    workflow = get_moderation_workflow()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def let_editors_publish(page):
    """Give editors the publish permission for ``page`` and everything below it."""
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is not None:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=page,
            permission__codename="publish_page",
            defaults={"permission": _permission("publish_page")},
        )


def _permission(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@receiver(post_save)
def wire_new_section(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page):
        return
    if getattr(sender, "requires_moderation", False):
        require_moderation(instance)
    elif getattr(sender, "editors_can_publish", False):
        let_editors_publish(instance)
