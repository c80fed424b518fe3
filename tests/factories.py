"""Small helpers that build pages the way editors do (add, save a revision, publish)."""

import datetime

from django.contrib.auth.models import Group, Permission, User

from home.models import ContentPage, NewsPage


def add_page(parent, page, publish=True):
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def news_page(parent, title="社区学习活动周开幕", slug=None, kind=NewsPage.Kind.NEWS, publish=True, **fields):
    fields.setdefault("date", datetime.date(2019, 10, 20))
    fields.setdefault("introduction", "全省各地同步开展学习活动。")
    page = NewsPage(title=title, slug=slug or f"news-{abs(hash(title)) % 10**8}", kind=kind, **fields)
    return add_page(parent, page, publish=publish)


def content_page(parent, title="中心简介", slug="about", publish=True, **fields):
    page = ContentPage(title=title, slug=slug, **fields)
    return add_page(parent, page, publish=publish)


def staff_user(username, group):
    """An admin user in one of the editor groups, with the password "pw-<username>"."""
    user = User.objects.create_user(username, password="pw-" + username)
    user.groups.add(Group.objects.get(name=group))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
