"""The editors' import in the admin: upload, see the same report as the command, confirm."""

import secrets
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importer import ImportFileError, default_index, run_activity_import, run_course_import, validate_only

PENDING_DIR = "imports/pending"
KINDS = {"courses": gettext_lazy("Courses"), "activities": gettext_lazy("Learning activities")}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=list(KINDS.items()))
    file = forms.FileField(label=gettext_lazy("File (.csv in UTF-8 or .xlsx)"))
    publish = forms.BooleanField(label=gettext_lazy("Publish the imported rows"), required=False)


def _pending_name(token, filename):
    suffix = PurePath(filename).suffix.lower()
    return f"{PENDING_DIR}/{token}{suffix if suffix in ('.csv', '.xlsx') else ''}"


def _check_permission(request):
    if not (request.user.has_perm("courses.add_learningactivity") or request.user.is_superuser):
        raise PermissionDenied


def may_publish_courses(user):
    """Publishing imported courses needs the same right as publishing them in the catalog."""
    index = default_index()
    return index is not None and index.permissions_for_user(user).can_publish_subpage()


def import_view(request):
    _check_permission(request)
    if request.method == "POST" and request.POST.get("token"):
        return _confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid() and _publish_allowed(request, form):
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            report = validate_only(form.cleaned_data["kind"], content, upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return TemplateResponse(request, "courses/admin/import.html", context)
        context["report"] = report
        if report.ok:
            token = secrets.token_hex(16)
            default_storage.save(_pending_name(token, upload.name), ContentFile(content))
            context.update(
                token=token,
                filename=upload.name,
                kind=form.cleaned_data["kind"],
                publish=form.cleaned_data["publish"],
            )
    return TemplateResponse(request, "courses/admin/import.html", context)


def _publish_allowed(request, form):
    publishing_courses = form.cleaned_data["publish"] and form.cleaned_data["kind"] == "courses"
    if publishing_courses and not may_publish_courses(request.user):
        form.add_error("publish", _("You may not publish in the course catalog: import the courses as drafts."))
        return False
    return True


def _confirm(request):
    token = request.POST["token"]
    filename = request.POST.get("filename", "")
    if not token.isalnum():
        raise PermissionDenied
    publish = request.POST.get("publish") == "1"
    if publish and request.POST.get("kind") == "courses" and not may_publish_courses(request.user):
        raise PermissionDenied  # the check step refused it; this is a forged confirmation
    name = _pending_name(token, filename)
    if not default_storage.exists(name):
        messages.error(request, _("This upload has expired; upload the file again."))
        return redirect("courses_import")
    with default_storage.open(name, "rb") as handle:
        content = handle.read()
    default_storage.delete(name)
    if request.POST.get("kind") == "courses":
        report = run_course_import(content, filename, publish=publish, user=request.user)
    else:
        report = run_activity_import(content, filename, publish=publish)
    if report.ok:
        messages.success(
            request,
            _("%(created)s created, %(updated)s updated.") % {"created": report.created, "updated": report.updated},
        )
        return redirect("courses_import")
    return TemplateResponse(request, "courses/admin/import.html", {"form": ImportForm(), "report": report})
