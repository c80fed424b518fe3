import pytest

from .conftest import BROWSER


@pytest.mark.django_db
def test_pages_render(client, article, issue, journal):
    for page in (journal, issue, article):
        response = client.get(page.url, **BROWSER)
        assert response.status_code == 200, page
