"""What makes an OAI-PMH identity valid: the repository's name in every identifier and the
address in Identify's ``adminEmail``. Plain Python, so that the settings can use it too.

The patterns are the protocol schemas' own (oai-identifier.xsd's repositoryIdentifier and
OAI-PMH.xsd's emailType); a name under a domain reserved for tests, examples and local use
(RFC 2606, RFC 6761) passes them but can identify no real repository.
"""

import re
from urllib.parse import urlsplit

REPOSITORY_ID = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")
ADMIN_EMAIL = re.compile(r"\S+@(\S+\.)+\S+")
RESERVED_TOP_LEVEL = {"localhost", "test", "example", "invalid", "local"}
RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}
# A development address (127.0.0.1, testserver) is no domain name; the repository is then
# called this, which the schema accepts and ``check --deploy`` refuses.
DEVELOPMENT_REPOSITORY_ID = "journal.localhost"


def is_reserved(domain):
    labels = domain.lower().rstrip(".").split(".")
    return labels[-1] in RESERVED_TOP_LEVEL or ".".join(labels[-2:]) in RESERVED_DOMAINS


def default_repository_id(base_url):
    """The site's host name when it is a domain name, else :data:`DEVELOPMENT_REPOSITORY_ID`."""
    host = urlsplit(base_url).hostname or ""
    return host if REPOSITORY_ID.fullmatch(host) else DEVELOPMENT_REPOSITORY_ID


def repository_id_problem(repository_id):
    """Why ``repository_id`` cannot identify a harvested repository, or ``""``."""
    if not REPOSITORY_ID.fullmatch(repository_id or ""):
        return "is not a domain name, as OAI-PMH identifiers need"
    if is_reserved(repository_id):
        return "is a name reserved for tests, examples or local use"
    return ""


def admin_email_problem(address):
    """Why harvesters could not write to ``address``, or ``""``."""
    if not ADMIN_EMAIL.fullmatch(address or "") or address.count("@") != 1:
        return "is not an address the protocol's schema accepts"
    if is_reserved(address.rsplit("@", 1)[1]):
        return "is at a domain reserved for tests, examples or local use"
    return ""
