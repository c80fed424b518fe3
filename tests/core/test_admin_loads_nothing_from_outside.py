"""The admin loads nothing from other hosts: Gravatar and foreign CDNs do not load in mainland
China, and a screen waiting on them stalls the editor's day."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from journal.models import Person

pytestmark = pytest.mark.django_db


def loaded_addresses(html):
    """Every address the browser fetches by itself: src, srcset, stylesheet and icon links."""
    soup = BeautifulSoup(html, "html.parser")
    addresses = [tag["src"] for tag in soup.select("[src]")]
    addresses += [candidate.split()[0] for tag in soup.select("[srcset]") for candidate in tag["srcset"].split(",")]
    addresses += [tag["href"] for tag in soup.select("link[href]")]
    return addresses


def test_dashboard_page_editor_and_snippet_listing_load_only_from_the_site(client, home_page):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    Person.objects.create(name="王小明", email="wang@example.org")
    client.force_login(user)
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[home_page.pk]),
        reverse("wagtailsnippets_journal_person:list"),
    ]
    for screen in screens:
        response = client.get(screen)
        assert response.status_code == 200
        html = response.content.decode()
        assert "gravatar" not in html.lower(), screen
        foreign = [address for address in loaded_addresses(html) if urlsplit(address).netloc]
        assert foreign == [], screen
        assert "/static/wagtailadmin/images/default-user-avatar" in html  # the local avatar instead
