"""schema.org JSON-LD shared by every page: the organisation, the web site, breadcrumbs.

Page types add their own item (Course, Event, ScholarlyArticle…) through a
``structured_data(request)`` method returning a list of dicts; views outside the page tree put
such a list in their context as ``structured_data``. Only schema.org properties are used, and
languages are written as ``cms.core.head.language_tag`` writes them.
"""

import json

from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse

from .head import language_tag, page_description, page_image, share_image

CONTEXT = "https://schema.org"
LOGO = "icons/icon-512.png"
# Licence names editors type, and the URL schema.org expects for each.
_LICENSES = {
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc by-nc 4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "cc by-nc-sa 4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "cc by-nd 4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "cc by-nc-nd 4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "cc0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
LICENSE_URLS = {" ".join(name.replace("-", " ").split()): url for name, url in _LICENSES.items()}


def license_url(license_text):
    """A licence as a URL: kept if it is one, looked up if it is a Creative Commons name, else None."""
    text = (license_text or "").strip()
    if text.startswith(("http://", "https://")):
        return text
    return LICENSE_URLS.get(_licence_key(text))


def _licence_key(name):
    return " ".join(name.lower().replace("-", " ").split())


def compact(data):
    """The dict without empty values, so no property is present with nothing in it."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organization_id(request):
    return request.build_absolute_uri("/") + "#organization"


def organization(request, name, alternate_name="", email="", phone=""):
    return compact(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "@id": organization_id(request),
            "name": name,
            "alternateName": alternate_name,
            "url": request.build_absolute_uri("/"),
            "logo": request.build_absolute_uri(static(LOGO)),
            "email": email,
            "telephone": phone,
        }
    )


def website(request, name, home_url, language_code):
    """The WebSite with its search box: ``/search/?q=`` of the home page's language."""
    data = {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": home_url + "#website",
        "name": name,
        "url": home_url,
        "inLanguage": language_tag(language_code),
        "publisher": {"@id": organization_id(request)},
    }
    try:
        search_url = request.build_absolute_uri(reverse("search"))
    except NoReverseMatch:  # a project without the search app
        return data
    data["potentialAction"] = {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?q={search_term_string}"},
        "query-input": "required name=search_term_string",
    }
    return data


def breadcrumb_list(items):
    """``items``: ``[(name, absolute URL)]`` from the home page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def script_body(data):
    """JSON for a ``<script type="application/ld+json">``: nothing in it can end the element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def creative_work(request, page, type_name="CreativeWork", **properties):
    """A page as a schema.org CreativeWork (or a subtype): what every such page says about itself.

    ``properties`` adds or overrides schema.org properties (``datePublished``, ``about``…).
    """
    image = page_image(page)
    published = page.first_published_at or page.last_published_at
    data = {
        "@context": CONTEXT,
        "@type": type_name,
        "name": page.title,
        "url": request.build_absolute_uri(page.get_url(request)),
        "description": page_description(page),
        "inLanguage": language_tag(page.locale.language_code),
        "image": share_image(request, page)["url"] if image is not None else None,
        "datePublished": published.date().isoformat() if published else None,
        "dateModified": page.last_published_at.date().isoformat() if page.last_published_at else None,
        "publisher": {"@id": organization_id(request)},
    }
    data.update(properties)
    return compact(data)
