"""The relevance set of tests/search (the whole demo content plus the fixture pages) on Wagtail's
stock database backend and on ours.

    .venv/bin/python bench/search_relevance.py            # SQLite
    DATABASE_URL=postgres://… .venv/bin/python bench/search_relevance.py

Prints mean recall@10 / precision@10 per backend and writes bench/results/search_relevance_<db>.json.
"""

import json
import time

from search_setup import RESULTS, database_label, start, stop

BACKENDS = {
    "stock (wagtail.search.backends.database)": "wagtail.search.backends.database",
    "chinese (search.engines.database)": "search.engines.database",
}


def main():
    connection = start()
    try:
        from wagtail.search.backends import get_search_backend

        from search.indexing import rebuild
        from tests.search.relevance import build_corpus, evaluate, mean

        build_corpus()
        figures = {"database": database_label(connection), "backends": {}}
        for label, path in BACKENDS.items():
            backend = get_search_backend(path)
            rebuild(backend)  # both backends share one index table: rebuild it for each
            started = time.perf_counter()
            scores = evaluate(backend=path)
            elapsed = time.perf_counter() - started
            figures["backends"][label] = {
                "queries": len(scores),
                "recall_at_10": round(mean(s.recall for s in scores), 3),
                "precision_at_10": round(mean(s.precision for s in scores), 3),
                "chinese_recall_at_10": round(mean(s.recall for s in scores if s.locale == "zh"), 3),
                "english_recall_at_10": round(mean(s.recall for s in scores if s.locale == "en"), 3),
                "queries_with_nothing_found": sum(1 for s in scores if not s.found),
                "seconds_for_all_queries": round(elapsed, 3),
                "queries_below_full_marks": {
                    s.query: f"recall {s.recall:.2f}, precision {s.precision:.2f}"
                    for s in scores
                    if s.recall < 1 or s.precision < 1
                },
            }
        stock, ours = figures["backends"].values()
        print(f"Relevance set on {figures['database']}: {stock['queries']} queries")
        for label, row in figures["backends"].items():
            print(
                f"  {label:45} recall@10 {row['recall_at_10']:.3f}  precision@10 {row['precision_at_10']:.3f}"
                f"  (zh recall {row['chinese_recall_at_10']:.3f}, en recall {row['english_recall_at_10']:.3f},"
                f" nothing found for {row['queries_with_nothing_found']})"
            )
        imperfect = ours["queries_below_full_marks"]
        print(f"  ours below full marks on {len(imperfect)} queries: " + ", ".join(imperfect))
        floor = max(stock["recall_at_10"], 0.001)
        print(f"  recall ratio ours/stock: {ours['recall_at_10'] / floor:.1f}x")
        RESULTS.mkdir(parents=True, exist_ok=True)
        name = "sqlite" if connection.vendor == "sqlite" else "postgresql"
        output = RESULTS / f"search_relevance_{name}.json"
        output.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"  written to {output.relative_to(RESULTS.parent.parent)}")
    finally:
        stop(connection)


if __name__ == "__main__":
    main()
