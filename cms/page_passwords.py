"""Password-protected pages, with guesses limited: Wagtail's own view behind a rate limit per
client and page restriction (on the shared cache, so it holds across workers)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from cms.antispam import rate_limited

GUESSES_ALLOWED = 10
GUESS_WINDOW_SECONDS = 15 * 60


@never_cache
def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method == "POST" and rate_limited(
        request, f"page-password:{page_view_restriction_id}", GUESSES_ALLOWED, GUESS_WINDOW_SECONDS
    ):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        # The guess is not checked at all (its error would tell a right one from a wrong one).
        form = PasswordViewRestrictionForm({"return_url": request.POST.get("return_url", "")}, instance=restriction)
        form.is_valid()
        form.errors.clear()
        form.add_error(None, _("Too many wrong passwords; please try again in a few minutes."))
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
