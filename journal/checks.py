"""Deploy checks for the journal's machine interfaces: an OAI-PMH identity that harvesters and
the protocol's schema accept (the embedded defaults, 127.0.0.1 and oai@localhost, are not)."""

import re

from django.conf import settings
from django.core import checks

# From the OAI-PMH 2.0 schema: oai-identifier's repositoryIdentifier and Identify's adminEmail.
REPOSITORY_ID = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")
ADMIN_EMAIL = re.compile(r"\S+@(\S+\.)+\S+")


@checks.register(deploy=True)
def oai_identity(app_configs, **kwargs):
    problems = []
    repository_id = settings.JOURNAL_OAI_REPOSITORY_ID or ""
    if not REPOSITORY_ID.fullmatch(repository_id):
        problems.append(
            checks.Error(
                f"JOURNAL_OAI_REPOSITORY_ID {repository_id!r} is not a domain name, as OAI-PMH identifiers need.",
                hint="Set WAGTAILADMIN_BASE_URL (or JOURNAL_OAI_REPOSITORY_ID) to the site's domain name.",
                id="journal.E001",
            )
        )
    admin_email = settings.JOURNAL_OAI_ADMIN_EMAIL or ""
    if not ADMIN_EMAIL.fullmatch(admin_email):
        problems.append(
            checks.Error(
                f"JOURNAL_OAI_ADMIN_EMAIL {admin_email!r} is not an address harvesters can write to.",
                hint="Set JOURNAL_OAI_ADMIN_EMAIL to the journal office's e-mail address.",
                id="journal.E002",
            )
        )
    return problems
