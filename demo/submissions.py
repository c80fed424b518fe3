"""The calls at work: fictional applicants' submissions at every stage, experts' reviews and the
editors' decisions, from demo/data/submissions.json, made through the functions the site's own
pages use (calls.submitting.save, calls.reviewing.assign and record_scores, calls.decisions), each
as of the date the data file gives, so the load is the same whatever day it runs.

The accounts are the demo's own (demo-applicant-N, demo-reviewer-N, demo-editor, addresses at
example.org) with unusable passwords: nobody signs in as them until an administrator gives one a
password (`manage.py changepassword demo-applicant-1`). Nothing of it is public except what a
call's published announcement (公示) shows: the titles and organisations of the accepted ones.

Idempotent: a call that already has submissions is left as it is."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.utils.datastructures import MultiValueDict
from wagtail.models import Locale

from calls import decisions, questions, reviewing, submitting
from calls.accounts import APPLICANTS_GROUP
from calls.models import AnnouncementPage, Assignment, CallPage, Reviewer, RevisionRequest, Submission
from cms.core.models import Region
from cms.core.moderation import MODERATORS_GROUP
from network.models import Expert

from . import pdfs
from .pages import child_page, read_json


def at(text):
    return datetime.datetime.fromisoformat(text)


def account(username, name, email, **fields):
    """The demo's account ``username``, made with an unusable password if missing."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": name, "email": email, **fields}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def accounts(words):
    editor = account(words["editor"]["username"], words["editor"]["name"], "calls@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    applicants_group = Group.objects.get_or_create(name=APPLICANTS_GROUP)[0]  # as calls.accounts.SignUpForm
    applicants = {}
    for spec in words["applicants"]:
        user = account(spec["username"], spec["name"], f"{spec['username']}@example.org")
        user.groups.add(applicants_group)
        applicants[spec["username"]] = user
    names = [spec["expert"] for spec in words["reviewers"]]
    experts = {expert.name: expert for expert in Expert.objects.filter(name__in=names)}
    reviewers = {}
    for spec in words["reviewers"]:
        expert = experts[spec["expert"]]
        user = account(spec["username"], expert.name, expert.email or f"{spec['username']}@example.org")
        reviewers[spec["username"]] = Reviewer.objects.get_or_create(expert=expert, defaults={"user": user})[0]
    return editor, applicants, reviewers


def submit(call, spec, applicant, regions):
    """The applicant's form, saved as a draft or submitted, as of the data file's date."""
    _city, county = Region.parse(spec["region"], regions)
    data = {
        "title": spec["title"],
        "summary": spec["summary"],
        "organisation_name": spec["organisation"],
        "region": str(county.pk),
        "consent": "on",
        **answers(call, spec.get("answers", {})),
    }
    files = MultiValueDict()
    if "file" in spec:
        document = pdfs.pdf_with_lines([spec["title"], spec["organisation"], "", *wrap(spec["summary"])])
        files.setlist("files", [SimpleUploadedFile(spec["file"], document, content_type="application/pdf")])
    form = submitting.SubmissionForm(data, files, call=call)
    if not form.is_valid():
        raise ValueError(f"submissions.json, {spec['title']}: {form.errors.as_text()}")
    sent = "submitted" in spec
    submission = submitting.save(form, call, applicant, submit=sent, now=at(spec["submitted" if sent else "saved"]))
    dated(submission, created_at=at(spec["saved"]))
    return submission


def answers(call, given):
    """The form data answering the call's own questions, named by their labels in the data file."""
    asked = {question.label: question.clean_name for question in call.questions.all()}
    unknown = set(given) - set(asked)
    if unknown:
        raise ValueError(f"submissions.json: {call.slug} asks no question {', '.join(sorted(unknown))}")
    return {questions.PREFIX + asked[label]: value for label, value in given.items()}


def wrap(text, width=36):  # 36 characters of 12 pt fill an A4 line
    return [text[start : start + width] for start in range(0, len(text), width)]


def review(submission, spec, reviewer, editor):
    assignment = reviewing.assign(submission, reviewer, by=editor)
    dated(assignment, assigned_at=at(spec["assigned"]))
    if "scores" not in spec:
        return
    criteria = list(submission.call.criteria.all())
    data = {"comment": spec["comment"]}
    for criterion, score, comment in zip(criteria, spec["scores"], spec["comments"], strict=True):
        data[f"score_{criterion.pk}"] = str(score)
        data[f"comment_{criterion.pk}"] = comment
    form = reviewing.ScoreForm(assignment, data)
    if not form.is_valid():
        raise ValueError(f"submissions.json, {submission.title}: {form.errors.as_text()}")
    reviewing.record_scores(assignment, form)
    dated(assignment, completed_at=at(spec["completed"]))


def dated(instance: Model, **moments):
    """Set the times the functions stamp with the clock (created, assigned, completed) to the data file's."""
    type(instance).objects.filter(pk=instance.pk).update(**moments)


def load_call(call, words, applicants, reviewers, editor, regions):
    for spec in words["submissions"]:
        submission = submit(call, spec, applicants[spec["applicant"]], regions)
        for review_spec in spec.get("reviews", []):
            review(submission, review_spec, reviewers[review_spec["reviewer"]], editor)
        if "revision" in spec:
            revision = spec["revision"]
            requested = datetime.date.fromisoformat(revision["requested"])
            request = decisions.request_revision(
                submission, revision["message"], datetime.date.fromisoformat(revision["due"]), editor, today=requested
            )
            dated(request, requested_at=at(f"{revision['requested']}T10:00:00+08:00"))
        if "decision" in spec:
            decisions.decide(submission, spec["decision"]["accepted"], editor, now=at(spec["decision"]["at"]))
    if "announcement" in words:
        spec = dict(words["announcement"])
        spec["objections_close"] = datetime.date.fromisoformat(spec["objections_close"])
        child_page(call, AnnouncementPage, spec.pop("slug"), **spec)
        decisions.create_outcome_drafts(call)
    return len(words["submissions"])


def load(home, stdout):
    words = read_json("submissions.json")
    editor, applicants, reviewers = accounts(words)
    regions = list(Region.objects.all())
    slugs = [spec["call"] for spec in words["calls"]]
    calls = {call.slug: call for call in CallPage.objects.filter(locale=Locale.get_default(), slug__in=slugs)}
    made = 0
    for spec in words["calls"]:
        call = calls[spec["call"]]
        if not call.submissions.exists():
            made += load_call(call, spec, applicants, reviewers, editor, regions)
    stdout.write(
        f"  submissions: {made} made; {len(applicants)} applicants, {len(reviewers)} reviewers "
        f"({Submission.objects.count()} submissions, {Assignment.objects.count()} reviews, "
        f"{RevisionRequest.objects.count()} revision requests in all)"
    )
    return {}
