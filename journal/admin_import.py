"""The back-issue import from the admin: the command's JSON (or a .zip of it with its PDFs), checked
first with every problem by line, kept across a failed check, confirmed, and linked to what it wrote."""

import io
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from cms.core import pending_uploads

from . import importer
from .models import JournalPage

SESSION_KEY = "journal_import"
TEMPLATE = "journal/admin/import.html"
MAX_UNPACKED_BYTES = 500 * 2**20


class JournalImportForm(forms.Form):
    journal = forms.ModelChoiceField(label=gettext_lazy("Journal"), queryset=JournalPage.objects.none())
    file = forms.FileField(
        label=gettext_lazy("File (.json, or a .zip of the .json with its PDFs)"),
        help_text=gettext_lazy("The format of the import_journal command; see the README."),
    )
    publish = forms.BooleanField(label=gettext_lazy("Publish the imported issues and articles"), required=False)

    def __init__(self, *args, journals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["journal"].queryset = journals
        if len(journals) == 1:
            self.fields["journal"].initial = journals[0]


def journals_for(user):
    """The journals under which ``user`` may add pages (issues and their articles)."""
    journals = JournalPage.objects.filter(locale=Locale.get_default()).order_by("path")
    allowed = [journal.pk for journal in journals if journal.permissions_for_user(user).can_add_subpage()]
    return journals.filter(pk__in=allowed)


class Unpacked:
    """The uploaded bytes as a file on disk: the JSON itself, or the .zip unpacked beside its PDFs."""

    def __init__(self, content, filename):
        self.content, self.filename = content, filename

    def __enter__(self):
        self.directory = tempfile.TemporaryDirectory()
        root = Path(self.directory.name)
        if not self.filename.lower().endswith(".zip"):
            return self.content, root
        try:
            archive = zipfile.ZipFile(io.BytesIO(self.content))
            members = [info for info in archive.infolist() if not info.is_dir()]
        except zipfile.BadZipFile as error:
            raise importer.ImportFailed([importer.Problem.at("$", f"not a readable .zip file ({error})")]) from None
        if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
            raise importer.ImportFailed([importer.Problem.at("$", "the .zip unpacks to more than 500 MB; split it")])
        unsafe = [info.filename for info in members if _unsafe(info.filename)]
        if unsafe:
            raise importer.ImportFailed([importer.Problem.at("$", f"the .zip holds an unsafe path: {unsafe[0]}")])
        json_files = [info for info in members if info.filename.lower().endswith(".json")]
        if len(json_files) != 1:
            raise importer.ImportFailed(
                [importer.Problem.at("$", f"the .zip must hold exactly one .json file, not {len(json_files)}")]
            )
        archive.extractall(root, members)
        return archive.read(json_files[0]), root / PurePosixPath(json_files[0].filename).parent

    def __exit__(self, *exc_info):
        self.directory.cleanup()


def _unsafe(name):
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts


def _check(content, filename):
    """The problems in the file (an empty list when it can be written)."""
    try:
        with Unpacked(content, filename) as (data, base_dir):
            importer.parse(data, base_dir)
    except importer.ImportFailed as failure:
        return failure.problems
    return []


def import_view(request):
    journals = journals_for(request.user)
    if not journals:
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return _confirm(request, journals)
    if request.method == "POST" and request.POST.get("action") == "forget":
        pending_uploads.discard(request, SESSION_KEY)
        return redirect("journal_import")
    if request.method == "POST" and request.POST.get("action") == "recheck":
        pending = pending_uploads.kept(request, SESSION_KEY)
        if pending is None:
            messages.error(request, _("This upload has expired; upload the file again."))
            return redirect("journal_import")
        problems = _check(pending_uploads.read(request, SESSION_KEY), pending["filename"])
        form = JournalImportForm(journals=journals, initial={"journal": pending["journal"]})
        return _render(request, form, problems=problems, checked=True)
    form = JournalImportForm(request.POST or None, request.FILES or None, journals=journals)
    if request.method == "POST" and form.is_valid():
        journal, publish = form.cleaned_data["journal"], form.cleaned_data["publish"]
        if publish and not journal.permissions_for_user(request.user).can_publish_subpage():
            form.add_error("publish", _("You may not publish in this journal: import the issues as drafts."))
            return _render(request, form)
        upload = form.cleaned_data["file"]
        content = upload.read()
        pending_uploads.keep(request, SESSION_KEY, content, upload.name, journal=journal.pk, publish=publish)
        return _render(request, form, problems=_check(content, upload.name), checked=True)
    return _render(request, form)


def _render(request, form, problems=(), checked=False, outcome=None):
    pending = pending_uploads.kept(request, SESSION_KEY)
    links = []
    if outcome:
        links = [
            (page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]), created)
            for page, created in outcome.changed
        ]
    context = {
        "form": form,
        "problems": problems,
        "ready": checked and not problems and pending,
        "pending": pending,
        "outcome": outcome,
        "links": links,
    }
    return TemplateResponse(request, TEMPLATE, context)


def _confirm(request, journals):
    pending = pending_uploads.kept(request, SESSION_KEY)
    content = pending_uploads.read(request, SESSION_KEY, token=request.POST.get("token", ""))
    if content is None:
        messages.error(request, _("This upload has expired; upload the file again."))
        return redirect("journal_import")
    journal = journals.filter(pk=pending["journal"]).first()
    if journal is None:
        raise PermissionDenied
    publish = pending["publish"] and journal.permissions_for_user(request.user).can_publish_subpage()
    form = JournalImportForm(journals=journals, initial={"journal": journal})
    try:
        with Unpacked(content, pending["filename"]) as (data, base_dir):
            parsed = importer.parse(data, base_dir)
            outcome = importer.write(
                parsed, base_dir, journal.get_parent(), journal_slug=journal.slug, publish=publish, user=request.user
            )
    except importer.ImportFailed as failure:
        return _render(request, form, problems=failure.problems, checked=True)
    pending_uploads.discard(request, SESSION_KEY)
    messages.success(
        request,
        _("%(issues)s issues and %(articles)s articles imported.")
        % {
            "issues": outcome.issues_created + outcome.issues_updated,
            "articles": outcome.articles_created + outcome.articles_updated,
        },
    )
    return _render(request, form, outcome=outcome)
