"""The editors' import and export of the directory in the admin. An import is checked and
written in one step: a file with any problem writes nothing and lists every problem."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.spreadsheets import ImportFileError

from .importer import IMPORTERS, default_index, export, run_import
from .models.people import CONTACT_PERMISSION

KINDS = {
    "organisations": gettext_lazy("Organisations"),
    "experts": gettext_lazy("Experts"),
    "volunteers": gettext_lazy("Volunteers"),
}
FORMATS = {"csv": "CSV (UTF-8)", "xlsx": "Excel (.xlsx)"}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=list(KINDS.items()))
    file = forms.FileField(label=gettext_lazy("File (.csv in UTF-8 or .xlsx)"))
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the imported organisations and volunteers"), required=False
    )


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What to export"), choices=list(KINDS.items()))
    format = forms.ChoiceField(label=gettext_lazy("File format"), choices=list(FORMATS.items()))


def may_import(user, kind, publish=False):
    if kind == "organisations":
        index = default_index()
        if index is None:
            return False
        permissions = index.permissions_for_user(user)
        return permissions.can_publish_subpage() if publish else permissions.can_add_subpage()
    model = kind[:-1]
    may_write = user.has_perm(f"network.add_{model}") and user.has_perm(f"network.change_{model}")
    # Volunteers are published by those who may publish them in the admin (moderators).
    return may_write and (not publish or kind != "volunteers" or user.has_perm("network.publish_volunteer"))


def may_export(user, kind):
    return kind == "organisations" or user.has_perm(f"network.view_{kind[:-1]}")


def import_view(request):
    if not any(may_import(request.user, kind) or may_export(request.user, kind) for kind in KINDS):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, prefix="import")
    context = {"form": form, "export_form": ExportForm(prefix="export"), "importers": IMPORTERS, "kinds": KINDS}
    if request.method == "POST" and form.is_valid():
        kind, publish = form.cleaned_data["kind"], form.cleaned_data["publish"]
        if not may_import(request.user, kind, publish):
            raise PermissionDenied
        upload = form.cleaned_data["file"]
        try:
            report = run_import(kind, upload.read(), upload.name, publish=publish, user=request.user)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return TemplateResponse(request, "network/admin/import.html", context)
        if report.ok:
            messages.success(
                request,
                _("%(created)s created, %(updated)s updated.") % {"created": report.created, "updated": report.updated},
            )
            return redirect("network_import")
        context["report"] = report
    return TemplateResponse(request, "network/admin/import.html", context)


def export_view(request):
    form = ExportForm(request.GET, prefix="export")
    if not form.is_valid():
        return redirect("network_import")
    kind = form.cleaned_data["kind"]
    if not may_export(request.user, kind):
        raise PermissionDenied
    content, content_type, filename = export(
        kind, form.cleaned_data["format"], with_contacts=request.user.has_perm(CONTACT_PERMISSION)
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
