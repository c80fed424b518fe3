"""The editors' import in the admin: download a template, upload, see the same report as the command,
fix and check again without uploading again, confirm, and open what was written."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core import pending_uploads
from cms.core.spreadsheets import ImportFileError, template_csv, template_xlsx

from .importer import (
    TEMPLATE_TITLES,
    default_index,
    run_activity_import,
    run_course_import,
    template_rows,
    validate_only,
)

KINDS = {"courses": gettext_lazy("Courses"), "activities": gettext_lazy("Learning activities")}
SESSION_KEY = "courses_import"
TEMPLATE = "courses/admin/import.html"


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=list(KINDS.items()))
    file = forms.FileField(
        label=gettext_lazy("File (.xlsx, or .csv in UTF-8 or GBK)"),
        help_text=gettext_lazy("Column headers in Chinese (as in the template) or English."),
    )
    publish = forms.BooleanField(label=gettext_lazy("Publish the imported rows"), required=False)


def _check_permission(request):
    if not (request.user.has_perm("courses.add_learningactivity") or request.user.is_superuser):
        raise PermissionDenied


def may_publish_courses(user):
    """Publishing imported courses needs the same right as publishing them in the catalog."""
    index = default_index()
    return index is not None and index.permissions_for_user(user).can_publish_subpage()


def template_view(request, kind, extension):
    """The template an office fills in: Chinese headers and one example row."""
    _check_permission(request)
    if kind not in KINDS or extension not in ("csv", "xlsx"):
        raise Http404
    header, example = template_rows(kind)
    if extension == "csv":
        response = HttpResponse(template_csv(header, example), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            template_xlsx(header, example, str(TEMPLATE_TITLES[kind])),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.{extension}"'
    return response


def import_view(request):
    _check_permission(request)
    if request.method == "POST" and request.POST.get("token"):
        return _confirm(request)
    if request.method == "POST" and request.POST.get("action") == "recheck":
        return _recheck(request)
    if request.method == "POST" and request.POST.get("action") == "forget":
        pending_uploads.discard(request, SESSION_KEY)
        return redirect("courses_import")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and _publish_allowed(request, form):
        upload = form.cleaned_data["file"]
        content = upload.read()
        kind, publish = form.cleaned_data["kind"], form.cleaned_data["publish"]
        try:
            report = validate_only(kind, content, upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return _render(request, form)
        pending_uploads.keep(request, SESSION_KEY, content, upload.name, kind=kind, publish=publish)
        return _render(request, form, report)
    return _render(request, form)


def _recheck(request):
    """Check the kept file again, after the editor fixed in the admin what the last check flagged."""
    pending = pending_uploads.kept(request, SESSION_KEY)
    if pending is None:
        messages.error(request, _("This upload has expired; upload the file again."))
        return redirect("courses_import")
    content = pending_uploads.read(request, SESSION_KEY)
    report = validate_only(pending["kind"], content, pending["filename"])
    return _render(request, ImportForm(initial={"kind": pending["kind"], "publish": pending["publish"]}), report)


def _render(request, form, report=None, result=None):
    pending = pending_uploads.kept(request, SESSION_KEY)
    context = {
        "form": form,
        "report": report,
        "result": result,
        "pending": pending,
        "kind_label": KINDS.get(pending["kind"]) if pending else "",
        "templates": [(label, kind) for kind, label in KINDS.items()],
    }
    if report is not None and report.ok and pending:
        context.update(token=pending["token"], filename=pending["filename"], kind=pending["kind"])
        context["publish"] = pending["publish"]
    return TemplateResponse(request, TEMPLATE, context)


def _publish_allowed(request, form):
    publishing_courses = form.cleaned_data["publish"] and form.cleaned_data["kind"] == "courses"
    if publishing_courses and not may_publish_courses(request.user):
        form.add_error("publish", _("You may not publish in the course catalog: import the courses as drafts."))
        return False
    return True


def _confirm(request):
    token = request.POST["token"]
    if not token.isalnum():
        raise PermissionDenied
    publish = request.POST.get("publish") == "1"
    kind = request.POST.get("kind")
    if publish and kind == "courses" and not may_publish_courses(request.user):
        raise PermissionDenied  # the check step refused it; this is a forged confirmation
    pending = pending_uploads.kept(request, SESSION_KEY)
    content = pending_uploads.read(request, SESSION_KEY, token=token)
    if content is None or kind != pending["kind"]:
        messages.error(request, _("This upload has expired; upload the file again."))
        return redirect("courses_import")
    filename = pending["filename"]
    if kind == "courses":
        report = run_course_import(content, filename, publish=publish, user=request.user)
    else:
        report = run_activity_import(content, filename, publish=publish)
    if not report.ok:  # the data changed since the check; the file stays for another check
        return _render(request, ImportForm(initial={"kind": kind, "publish": publish}), report)
    pending_uploads.discard(request, SESSION_KEY)
    messages.success(
        request,
        _("%(created)s created, %(updated)s updated.") % {"created": report.created, "updated": report.updated},
    )
    return _render(request, ImportForm(), result=report)
