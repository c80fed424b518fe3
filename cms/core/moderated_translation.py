"""wagtail-localize held to the moderation rules.

wagtail-localize publishes without asking Wagtail's publish permission in three places:
submitting a translation of a live page publishes it at once, its "Sync translated pages"
form offers "Publish immediately" to everyone who may submit translations, and converting a
translation back into an alias copies the source's latest revision, approved or not, live.
So an editor could put journal content on the site that no moderator approved.

Here submitting makes drafts (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` in
settings), and the two views below answer at wagtail-localize's own URLs (registered ahead of
its own, see ``wagtail_hooks``) with the publish permission checked. Its translation editor
already checks that permission before publishing. An editor who may not publish a translation
submits it for moderation (``submit_for_moderation``), as any other page; submitting first saves
the translated segments as the page's draft, which that editor's translation editor cannot do.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.core.translation import save_draft

NOT_ALLOWED_TO_PUBLISH = gettext_lazy(
    "You may not publish every translation of this item. The updates are saved as drafts; "
    "submit each translation for moderation from its page."
)


def user_can_publish(user, instance):
    """Whether ``user`` may publish ``instance`` (a page, or a snippet through its model's permission)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    model = type(instance)
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages", whose "Publish immediately" needs the right to publish every target."""

    def get_form(self):
        form = super().get_form()
        if not self._may_publish_every_target():
            field = form.fields["publish_translations"]
            field.disabled = True  # a disabled field keeps its initial value (False), whatever is posted
            field.help_text = NOT_ALLOWED_TO_PUBLISH
        return form

    def _may_publish_every_target(self):
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        for translation in translations:
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                return False  # syncing would create it live; create it as a draft instead
            if not user_can_publish(self.request.user, target):
                return False
        return True


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", for those who may publish the page it changes."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def is_live_translation(page):
    return page.live and page.alias_of_id is None and page.locale_id != Locale.get_default().pk


def submit_for_moderation(request, page_id):
    """Start the page's workflow on its latest revision: how an editor sends a translation
    saved in wagtail-localize's editor (which has no "submit" action) to the moderators."""
    page = get_object_or_404(Page, id=page_id).specific
    if not can_submit(request.user, page):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request)
    if request.method != "POST":
        context = {"page": page, "next": next_url}
        return TemplateResponse(request, "core/admin/confirm_submit_for_moderation.html", context)
    save_translated_draft(page, request.user)
    page.get_workflow().start(page, request.user)
    messages.success(request, _("“%(title)s” has been submitted for moderation.") % {"title": page.title})
    return redirect(next_url or reverse("wagtailadmin_explore", args=[page.get_parent().id]))


def save_translated_draft(page, user):
    """Make the segments translated so far the page's latest draft. wagtail-localize's editor keeps
    them apart from the page and writes them into it only when someone publishes, which an editor
    here may not do: without this, the moderators would approve the untranslated copy."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .first()
    )
    if translation is not None:
        save_draft(translation, user)
        page.refresh_from_db()


def can_submit(user, page):
    """Whether ``user`` may edit ``page`` and send its unpublished changes to its workflow
    (which must exist and not already be running). A live translation may have changes still in
    wagtail-localize's editor, which submitting saves as its draft first."""
    if not (page.has_unpublished_changes or is_live_translation(page)):
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()
