"""The views of one standard version: whole text, one clause, glossary, checklist, JSON, changes, comments."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path, re_path

from .blocks import Level
from .course_report import course_report
from .diff import compare
from .export import standard_json
from .forms import ClauseCommentForm, rate_limited
from .glossary import annotate

LEVEL_FILTERS = Level.WORDS


def _filter_by_level(document, level):
    """The clauses to show for ``?level=``: those with such a requirement, and their ancestors."""
    keep = set()
    for clause in document.clauses:
        if any(requirement.level == level for requirement in clause.requirements):
            node = clause
            while node is not None:
                keep.add(node.id)
                node = node.parent
    return keep


class StandardRoutesMixin:
    def _context(self, request, **extra):
        document = annotate(self.document)
        context = {
            "document": document,
            "versions": list(self.versions()),
            "comments_open": self.comments_open,
            "level_filters": Level.CHOICES,
        }
        context.update(extra)
        return context

    @path("")
    def standard(self, request):
        level = request.GET.get("level")
        if level not in LEVEL_FILTERS:
            level = None
        visible = _filter_by_level(self.document, level) if level else None
        return self.render(request, context_overrides=self._context(request, level=level, visible=visible))

    @re_path(r"^(?P<number>(?:\d+|[A-Z])(?:\.\d+)*)/$", name="clause")
    def clause(self, request, number):
        clause = self.document.by_number(number)
        if clause is None:
            raise Http404
        context = self._context(request, clause=clause, citation=self.citation(clause))
        if self.comments_open:
            context["form"] = ClauseCommentForm()
        return self.render(request, context_overrides=context, template="standards/clause_page.html")

    @path("clause/<str:clause_id>/", name="permalink")
    def permalink(self, request, clause_id):
        """The stable link: follows the clause wherever renumbering put it in this version."""
        clause = self.document.by_id(clause_id)
        if clause is None:
            raise Http404
        return redirect(self.url + self.reverse_subpage("clause", kwargs={"number": clause.number}))

    @path("terms/", name="terms")
    def terms(self, request):
        return self.render(request, context_overrides=self._context(request), template="standards/terms_page.html")

    @path("checklist/", name="checklist")
    def checklist(self, request):
        requirements = [r for r in self.document.requirements if r.level == Level.SHALL]
        return self.render(
            request,
            context_overrides=self._context(request, requirements=requirements),
            template="standards/checklist_page.html",
        )

    @path("conformance/<int:course_id>/", name="course_conformance")
    def course_conformance(self, request, course_id):
        """How one course's resources fare against this version's rules (the badge links here)."""
        from .sources import SourceUnavailable, resource_source  # sources reads this module's models

        try:
            report = course_report(self, course_id, resource_source())
        except SourceUnavailable:
            report = None
        if report is None:
            raise Http404
        return self.render(
            request,
            context_overrides=self._context(request, report=report),
            template="standards/course_conformance_page.html",
        )

    @path("json/", name="json")
    def clauses_json(self, request):
        response = JsonResponse(standard_json(self, request), json_dumps_params={"ensure_ascii": False, "indent": 2})
        if "download" in request.GET:
            response["Content-Disposition"] = f'attachment; filename="{self.slug}-clauses.json"'
        return response

    @path("changes/", name="changes")
    @path("changes/<slug:since>/", name="changes_since")
    def changes(self, request, since=None):
        versions = [version for version in self.versions() if version.pk != self.pk]
        if since is None:
            earlier = self.supersedes if self.supersedes_id and self.supersedes.live else None
            earlier = earlier or (versions[-1] if versions else None)
        else:
            earlier = next((version for version in versions if version.slug == since), None)
        if earlier is None:
            raise Http404
        earlier = earlier.specific
        changes = compare(earlier.document, self.document)
        return self.render(
            request,
            context_overrides=self._context(request, earlier=earlier, changes=changes, other_versions=versions),
            template="standards/changes_page.html",
        )

    @path("comment/<str:clause_id>/", name="comment")
    def comment(self, request, clause_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        clause = self.document.by_id(clause_id)
        if clause is None or not self.comments_open:
            raise Http404
        clause_url = self.url + self.reverse_subpage("clause", kwargs={"number": clause.number})
        form = ClauseCommentForm(request.POST)
        if form.is_spam():
            # Tell a bot nothing; store nothing.
            messages.success(request, _("Thank you. Your comment will be reviewed by the drafting group."))
            return HttpResponseRedirect(clause_url)
        if rate_limited(request):
            messages.error(request, _("Too many comments from your address; please try again later."))
            return HttpResponseRedirect(clause_url)
        if not form.is_valid():
            context = self._context(request, clause=clause, citation=self.citation(clause), form=form)
            return self.render(request, context_overrides=context, template="standards/clause_page.html")
        comment = form.save(commit=False)
        comment.standard = self
        comment.clause_id = clause.id
        comment.clause_number = clause.number
        comment.save()
        messages.success(request, _("Thank you. Your comment will be reviewed by the drafting group."))
        return HttpResponseRedirect(clause_url)
