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
from wagtail.models import GroupPagePermission, Page, PagePermissionTester, WorkflowPage

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


class HeldInModerationPermissionTester(PagePermissionTester):
    """Publishing a page that is on a workflow's step is for those the step lets edit it."""

    def can_publish(self):
        task = self.page.current_workflow_task
        if task is not None and task.locked_for_user(self.page, self.user):
            return False
        return super().can_publish()


class HeldInModerationMixin:
    """For pages in a section where editors publish (the course catalog): one that was sent to the
    moderators — a course selected by a call — is published by them, not from the explorer's
    bulk "Publish", which does not ask the workflow (the edit view is locked by the workflow)."""

    def permissions_for_user(self, user):
        return HeldInModerationPermissionTester(user, self)


def start_moderation(obj, user):
    """Put the latest revision of ``obj`` (a page, or a snippet with Wagtail's workflow support) on
    the moderation workflow, as if ``user`` had submitted it."""
    workflow = obj.get_workflow() or get_moderation_workflow()
    if workflow is not None and user is not None:
        workflow.start(obj, user)
