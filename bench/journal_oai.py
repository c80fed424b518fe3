"""How fast OAI-PMH ListRecords and the article page are, against a floor measured in the same run.

    .venv/bin/python bench/journal_oai.py [--rounds 5]

Builds the demo journal in a throw-away database, then times
- the floor: loading every public article with its authors, issue and journal (ORM only);
- a full ListRecords harvest (oai_dc and jats, 100 records a page) through the test client;
- rendering one article page (metadata, meta tags, citations through citeproc-py).
Prints each figure and the ratio to the floor; nothing here is asserted.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def timed(function, rounds):
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds

    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)

    from django.test import Client

    from demo import journal as demo
    from demo.site import ensure_home_page
    from journal.metadata import parents_of
    from journal.models import ArticlePage

    print("Building the demo journal…", flush=True)
    _, home = ensure_home_page()
    demo.load(home, io.StringIO())
    count = ArticlePage.objects.visible().count()
    client = Client(HTTP_USER_AGENT="bench")

    def floor():
        articles = list(ArticlePage.objects.visible().with_listing_data())
        parents_of(articles)

    def harvest(prefix):
        def run():
            response = client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": prefix})
            while b"<resumptionToken" in response.content and b"</resumptionToken>" in response.content:
                token = response.content.split(b"</resumptionToken>")[0].rsplit(b">", 1)[1].decode()
                response = client.get("/oai/", {"verb": "ListRecords", "resumptionToken": token})

        return run

    article = ArticlePage.objects.visible().order_by("path").last()

    def article_page():
        assert client.get(article.url).status_code == 200

    harvest("oai_dc")()  # warm caches (citation styles, site root paths)
    article_page()
    base = timed(floor, rounds)
    print(f"articles: {count}, rounds: {rounds} (median)")
    print(f"floor (ORM load of all articles):     {base * 1000:8.1f} ms")
    for name, function in (
        ("ListRecords oai_dc, all pages", harvest("oai_dc")),
        ("ListRecords jats, all pages", harvest("jats")),
        ("one article page", article_page),
    ):
        seconds = timed(function, rounds)
        print(f"{name:<38}{seconds * 1000:8.1f} ms   ratio to floor {seconds / base:6.1f}")


if __name__ == "__main__":
    main()
