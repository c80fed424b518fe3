"""The moderation workflow and its task take Chinese names (home 0004): on a site upgraded with
pages in moderation, the same rows are renamed, the submissions stay with them and a moderator
still approves them; a name the site chose itself is kept."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowState

from cms.core.moderation import MODERATION_TASK, MODERATION_WORKFLOW, MODERATORS_GROUP, get_moderation_workflow
from tests.factories import content_page
from tests.migrations import migrate, migrate_to_latest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_RENAME = [("home", "0003_site_settings_and_menus_move_to_core")]
OLD_WORKFLOW, OLD_TASK = "审核发布 Moderator approval", "审核 Moderator approval"


def test_an_upgraded_site_keeps_its_submissions_under_the_chinese_names(home_page):
    editor = User.objects.create_user("editor")
    about = content_page(home_page, title="中心简介", slug="about")
    about.save_revision(user=editor)
    about.get_workflow().start(about, editor)
    migrate(BEFORE_THE_RENAME)
    workflow = Workflow.objects.get(name=OLD_WORKFLOW)
    task = Task.objects.get(name=OLD_TASK)

    migrate_to_latest()

    workflow.refresh_from_db()
    task.refresh_from_db()
    assert (workflow.name, task.name) == (MODERATION_WORKFLOW, MODERATION_TASK) == ("审核发布", "审核")
    assert get_moderation_workflow() == workflow
    state = WorkflowState.objects.get(object_id=str(about.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert (state.workflow, state.current_task_state.task) == (workflow, task)
    moderator = User.objects.create_user("moderator")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    about.refresh_from_db()
    assert about.live and not about.has_unpublished_changes


def test_names_a_site_chose_itself_are_kept():
    migrate(BEFORE_THE_RENAME)
    Workflow.objects.filter(name=OLD_WORKFLOW).update(name="编辑部三审")

    migrate_to_latest()

    assert list(Workflow.objects.filter(name__contains="审").values_list("name", flat=True)) == ["编辑部三审"]
    # Its task still had the name home 0002 gave it, so the task takes the new one.
    assert Task.objects.get(workflow_tasks__workflow__name="编辑部三审").name == MODERATION_TASK


def test_going_back_renames_only_the_moderation_workflow_and_its_task():
    others = GroupApprovalTask.objects.create(name=MODERATION_TASK)

    migrate(BEFORE_THE_RENAME)

    assert Workflow.objects.get(pk=get_moderation_workflow().pk).name == OLD_WORKFLOW
    assert get_moderation_workflow().tasks.get().name == OLD_TASK
    others.refresh_from_db()
    assert others.name == MODERATION_TASK
    migrate_to_latest()
