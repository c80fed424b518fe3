"""Deploy checks for the journal's machine interfaces: an OAI-PMH identity that harvesters and
the protocol's schema accept (journal/oai_identity.py); the development defaults
(journal.localhost, oai@journal.localhost) are refused."""

from django.conf import settings
from django.core import checks

from .oai_identity import admin_email_problem, repository_id_problem


@checks.register(deploy=True)
def oai_identity(app_configs, **kwargs):
    problems = []
    repository_id = settings.JOURNAL_OAI_REPOSITORY_ID or ""
    problem = repository_id_problem(repository_id)
    if problem:
        problems.append(
            checks.Error(
                f"JOURNAL_OAI_REPOSITORY_ID {repository_id!r} {problem}.",
                hint="Set WAGTAILADMIN_BASE_URL (or JOURNAL_OAI_REPOSITORY_ID) to the site's domain name.",
                id="journal.E001",
            )
        )
    admin_email = settings.JOURNAL_OAI_ADMIN_EMAIL or ""
    problem = admin_email_problem(admin_email)
    if problem:
        problems.append(
            checks.Error(
                f"JOURNAL_OAI_ADMIN_EMAIL {admin_email!r} {problem}.",
                hint="Set JOURNAL_OAI_ADMIN_EMAIL to the journal office's e-mail address.",
                id="journal.E002",
            )
        )
    return problems
