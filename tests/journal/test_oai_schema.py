"""Every OAI-PMH response validates against the protocol's schema: each verb, with and
without resumption tokens, and each error (tests/journal/fixtures/oai-pmh/, source named in
the README there)."""

from pathlib import Path

import pytest
from django.test import Client
from lxml import etree

from .test_oai import archive, oai_id  # noqa: F401  (the archive fixture)

pytestmark = pytest.mark.django_db
OAI = {"oai": "http://www.openarchives.org/OAI/2.0/"}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(Path(__file__).parent / "fixtures" / "oai-pmh" / "OAI-PMH.xsd")))


def harvest(schema, method="get", **arguments):
    """The response to ``arguments``, asserted valid; then every page its resumption tokens name."""
    client = Client()
    pages = []
    while True:
        response = getattr(client, method)("/oai/", arguments)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
        root = etree.fromstring(response.content)
        assert schema.validate(root), f"{arguments}: {schema.error_log}"
        pages.append(root)
        token = root.findtext(".//oai:resumptionToken", namespaces=OAI)
        if not token:
            return pages
        arguments = {"verb": arguments["verb"], "resumptionToken": token}


def error_codes(pages):
    return [error.get("code") for error in pages[-1].findall("oai:error", OAI)]


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_verb_answers_valid_oai_pmh(schema, archive, method):  # noqa: F811
    article = oai_id(archive["public"][0].pk)
    issue = archive["issues"][0]
    identify = harvest(schema, method, verb="Identify")[0]
    assert identify.findtext(".//oai:adminEmail", namespaces=OAI)
    harvest(schema, method, verb="ListMetadataFormats")
    harvest(schema, method, verb="ListMetadataFormats", identifier=article)
    harvest(schema, method, verb="ListSets")
    for prefix in ("oai_dc", "jats"):
        harvest(schema, method, verb="GetRecord", identifier=article, metadataPrefix=prefix)
        records = harvest(schema, method, verb="ListRecords", metadataPrefix=prefix)
        # 7 records, 2 a page: the pages that resumption tokens lead to are checked too
        assert [len(page.findall(".//oai:record", OAI)) for page in records] == [2, 2, 2, 1]
        harvest(schema, method, verb="ListIdentifiers", metadataPrefix=prefix, set=f"issue-{issue.pk}")
    deleted = harvest(schema, method, verb="GetRecord", identifier=oai_id(archive["deleted_id"]), metadataPrefix="jats")
    assert deleted[0].find(".//oai:header", OAI).get("status") == "deleted"
    harvest(
        schema, method, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2000-01-01", "until": "2100-12-31"}
    )


ERRORS = {
    "badVerb": [{"verb": "Harvest"}, {}, {"verb": ["Identify", "Identify"]}],
    "badArgument": [
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "colour": "red"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2019-01-01", "until": "2019-02-01T00:00:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "last tuesday"},
        {"verb": "Identify", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
    ],
    "badResumptionToken": [
        {"verb": "ListRecords", "resumptionToken": "forged"},
        {"verb": "ListIdentifiers", "resumptionToken": "forged"},
        {"verb": "ListSets", "resumptionToken": "forged"},
    ],
    "cannotDisseminateFormat": [
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "GetRecord", "identifier": "ARTICLE", "metadataPrefix": "marc21"},
    ],
    "idDoesNotExist": [
        {"verb": "GetRecord", "identifier": "oai:elsewhere:article/1", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": "DRAFT", "metadataPrefix": "oai_dc"},
        {"verb": "ListMetadataFormats", "identifier": "nonsense"},
    ],
    "noRecordsMatch": [
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "section-999999"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "2000-01-01T00:00:00Z"},
    ],
}


@pytest.mark.parametrize("code", ERRORS)
def test_every_error_answers_valid_oai_pmh(schema, archive, code):  # noqa: F811
    known = {"ARTICLE": oai_id(archive["public"][0].pk), "DRAFT": oai_id(archive["draft"].pk)}
    for arguments in ERRORS[code]:
        arguments = {
            key: known.get(value, value) if isinstance(value, str) else value for key, value in arguments.items()
        }
        assert error_codes(harvest(schema, **arguments)) == [code], arguments
