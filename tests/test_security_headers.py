"""The public site runs no inline script, and says so to browsers (Content-Security-Policy)."""

import re
from pathlib import Path

import pytest

from cms.security_headers import CONTENT_SECURITY_POLICY

BASE_DIR = Path(__file__).resolve().parent.parent
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>|\son[a-z]+\s*=\s*[\"']", re.I)


def test_public_pages_forbid_inline_script_and_foreign_sources(client, home_page):
    response = client.get("/")

    policy = dict(directive.split(" ", 1) for directive in response["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_keeps_wagtails_own_scripts(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" in response


def test_no_public_template_holds_an_inline_script_the_policy_would_block():
    offenders = []
    for template in BASE_DIR.glob("**/templates/**/*.html"):
        if "admin" in template.parts or template.parts[len(BASE_DIR.parts)].startswith("."):
            continue
        for match in INLINE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
            offenders.append(f"{template.relative_to(BASE_DIR)}: {match.group(0)}")
    assert offenders == []
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY.split("script-src", 1)[1].split(";", 1)[0]
