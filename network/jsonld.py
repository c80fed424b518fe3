"""schema.org JSON-LD for an organisation's page: its public facts only."""

import json


def organisation_data(page, request=None):
    url = page.get_full_url(request) if request is None else request.build_absolute_uri(page.url or "")
    address = {"@type": "PostalAddress", "addressCountry": "CN", "addressRegion": "浙江省"}
    if page.region_id:  # the city; a district or county is part of the street address people write
        address["addressLocality"] = page.region.parent.name if page.region.parent_id else page.region.name
    if page.address:
        address["streetAddress"] = page.address
    data = {
        "@context": "https://schema.org",
        "@type": "EducationalOrganization" if page.kind in EDUCATIONAL_KINDS else "Organization",
        "@id": url,
        "url": page.website or url,
        "name": page.title,
        "description": page.introduction or None,
        "address": address,
        "telephone": page.phone or None,
        "email": page.email or None,
        "sameAs": [url] if page.website else None,
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


EDUCATIONAL_KINDS = {"community_college", "community_school", "training_centre"}


def organisation_jsonld(page, request=None):
    # "</" would end the <script> element early; escaping "<" keeps the JSON valid.
    return json.dumps(organisation_data(page, request), ensure_ascii=False).replace("<", "\\u003c")
