"""The relevance set (tests/search/relevance_*.json) on the configured embedded engine."""

from tests.search.relevance import build_corpus, evaluate, load_queries, mean, public_pages

TRADITIONAL_ONLY = set("禮鄉興長學習週紙書園")


def test_the_set_is_big_enough():
    queries = load_queries()
    chinese = [query for query in queries if query["locale"] == "zh"]
    traditional = [query for query in chinese if TRADITIONAL_ONLY & set(query["q"])]
    assert len(chinese) >= 40 and len(traditional) >= 5
    assert len([query for query in queries if query["locale"] == "en"]) >= 10


def test_recall_precision_and_title_ranking(db):
    build_corpus()
    scores = evaluate()
    report = "\n".join(
        f"{s.locale} {s.query}: recall {s.recall:.2f} precision {s.precision:.2f} missed {s.missed} got {s.found}"
        for s in scores
        if s.recall < 1 or s.precision < 1
    )
    assert mean(s.recall for s in scores) >= 0.95, report
    assert mean(s.precision for s in scores) >= 0.9, report
    assert all(s.recall >= 0.5 for s in scores), report

    # 社区教育 is in the text of 22 pages, 13 of them in the title: the first ten must have it in the title.
    results = public_pages("zh").search("社区教育")
    assert results.count() > 13
    assert all("社区教育" in page.title for page in results[:10]), [page.title for page in results[:10]]
