"""The OAI-PMH identity: a development address gets a name the protocol accepts, and the
deploy check refuses every identity or admin address that cannot be a real one."""

import pytest
from django.core.checks import run_checks

from journal.oai_identity import DEVELOPMENT_REPOSITORY_ID, default_repository_id


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://sqjy.example.org.cn", "sqjy.example.org.cn"),
        ("http://127.0.0.1:8000", DEVELOPMENT_REPOSITORY_ID),
        ("http://[::1]:8000", DEVELOPMENT_REPOSITORY_ID),
        ("http://testserver", DEVELOPMENT_REPOSITORY_ID),
        ("", DEVELOPMENT_REPOSITORY_ID),
    ],
)
def test_the_repository_is_named_by_the_sites_domain_or_else_a_local_name(base_url, expected):
    assert default_repository_id(base_url) == expected


def deploy_errors():
    return {
        error.id: error.msg for error in run_checks(include_deployment_checks=True) if error.id.startswith("journal.")
    }


@pytest.mark.parametrize(
    ("repository_id", "admin_email", "refused"),
    [
        ("sqjy.zjou.edu.cn", "journal@zjou.edu.cn", set()),
        ("127.0.0.1", "oai@localhost", {"journal.E001", "journal.E002"}),  # the old embedded defaults
        (DEVELOPMENT_REPOSITORY_ID, f"oai@{DEVELOPMENT_REPOSITORY_ID}", {"journal.E001", "journal.E002"}),
        ("sqjy.example.org", "oai@example.com", {"journal.E001", "journal.E002"}),
        ("localhost", "journal office@zjou.edu.cn", {"journal.E001", "journal.E002"}),
        ("sqjy.zjou.edu.cn", "journal@@zjou.edu.cn", {"journal.E002"}),
        ("2sqjy.zjou.edu.cn", "journal@zjou.edu.cn", {"journal.E001"}),
    ],
)
def test_the_deploy_check_refuses_an_identity_that_cannot_be_valid(settings, repository_id, admin_email, refused):
    settings.JOURNAL_OAI_REPOSITORY_ID = repository_id
    settings.JOURNAL_OAI_ADMIN_EMAIL = admin_email
    errors = deploy_errors()
    assert set(errors) == refused
    for message in errors.values():
        assert repository_id in message or admin_email in message
