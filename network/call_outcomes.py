"""Where a volunteer nomination's accepted volunteers land: a draft volunteer with the honour the
call awards (the calls app's ``calls_outcome_destinations`` hook; network never imports calls, it
reads the submission's fields). The nomination form asks for a title, which names the nominee;
moderators complete the entry (contact data, service hours) and publish it."""

from cms.core.moderation import start_moderation

from .models import TOP_100, Volunteer, VolunteerHonour


def honour_title(call):
    """The 百佳 roll's honour for a call that names it, otherwise the call's own title."""
    return TOP_100 if "百佳" in call.title else call.title[:100]


def volunteer_draft(submission):
    call = submission.call
    volunteer = Volunteer(
        name=submission.title[:60],
        affiliation=submission.organisation_name[:200],
        organisation_id=submission.organisation_id,
        region=submission.region,
        live=False,
    )
    volunteer.honours = [VolunteerHonour(year=call.closes_at.year, title=honour_title(call))]
    volunteer.save()
    volunteer.save_revision(user=submission.decided_by)
    start_moderation(volunteer, submission.decided_by)
    return volunteer


def destinations():
    return {"volunteer": volunteer_draft}
