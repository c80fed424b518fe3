"""Speed of the embedded engine on a synthetic corpus of mixed Chinese documents.

    .venv/bin/python bench/search_corpus.py [--documents 100000]
    DATABASE_URL=postgres://… .venv/bin/python bench/search_corpus.py

Builds N content pages (seeded, so every run indexes the same text), then measures a full index
rebuild (documents/s) and, for a fixed list of queries, what a results page needs: the count (as
/search/ reads it: exact up to 1,000, "more than 1,000" beyond) and the ten best results.

Two floors, measured in the same run with `icontains` over title, introduction and body (blind to
traditional script and word forms): the naive scan, as a Django paginator runs it (the whole
count, then the ten newest), and the same scan given our bounded count (stopping at 1,001), which
is fast for common words because it stops early. The whole /search/ results page (count, ten
results, type and year facets) is timed too. Prints the figures and ratios; writes
bench/results/search_corpus_<db>.json.
"""

import argparse
import json
import random
import statistics
import time
import uuid

from search_setup import RESULTS, database_label, start, stop

COUNT_BOUND = 1000  # search.interface.COUNT_BOUND (imported only after Django starts)

PLACES = [
    "杭州",
    "宁波",
    "温州",
    "嘉兴",
    "湖州",
    "绍兴",
    "金华",
    "衢州",
    "舟山",
    "台州",
    "丽水",
    "义乌",
    "桐庐",
    "安吉",
    "嵊州",
    "德清",
    "临安",
    "余姚",
    "瑞安",
    "乐清",
]
VENUES = [
    "社区学院",
    "社区学校",
    "老年大学",
    "农村文化礼堂",
    "市民学校",
    "家长学校",
    "图书馆",
    "文化馆",
    "村委会",
    "渔民学校",
]
TOPICS = [
    "社区教育",
    "终身学习",
    "乡村振兴",
    "文化礼堂",
    "老年教育",
    "家庭教育",
    "数字素养",
    "智能手机",
    "健康养生",
    "太极拳",
    "书法",
    "剪纸",
    "越剧",
    "茶文化",
    "垃圾分类",
    "消防安全",
    "反诈骗",
    "普通话",
    "电商直播",
    "民宿经营",
    "育儿",
    "民法典",
    "职业技能",
    "志愿服务",
    "读书会",
    "研学",
    "非遗传承",
    "共同富裕",
    "学习型城市",
    "长三角合作",
    "社区治理",
    "插花",
    "摄影",
    "烹饪",
    "围棋",
    "合唱",
    "舞蹈",
    "英语口语",
    "中医养生",
]
ACTIONS = ["开班", "结业", "启动", "展示", "交流", "培训", "讲座", "比赛", "研讨", "评选"]
SENTENCES = [
    "{place}{venue}本月举办{topic}{action}活动，吸引了{n}名居民参加。",
    "活动由{venue}教师和志愿者共同组织，内容贴近居民生活。",
    "{topic}课程每周开设{k}次，学员可以在家门口学习。",
    "据介绍，今年{place}已累计开展{topic}相关学习活动{n}场。",
    "参加{action}的学员表示，通过学习掌握了实用的{topic}知识。",
    "下一步，{place}将把{topic}纳入社区教育特色课程，推动全民终身学习。",
    "{venue}还组织学员到{place2}交流学习，共享课程资源。",
    "主办方表示，希望以{topic}为载体，让更多人参与社区教育。",
]
ENGLISH = [
    "Residents of {place_en} joined a {topic_en} class at the community college.",
    "Volunteers taught older learners how to use smartphones for video calls.",
    "The lifelong learning week brought open days and taster classes to the city.",
]
PLACES_EN = [
    "Hangzhou",
    "Ningbo",
    "Wenzhou",
    "Jiaxing",
    "Huzhou",
    "Shaoxing",
    "Jinhua",
    "Quzhou",
    "Zhoushan",
    "Taizhou",
]
TOPICS_EN = ["calligraphy", "tea culture", "tai chi", "paper cutting", "photography", "cooking", "choir", "first aid"]

QUERIES = [
    "社区教育",
    "文化礼堂",
    "乡村振兴",
    "老年大学",
    "終身學習",
    "智能手机",
    "垃圾分类",
    "电商直播",
    "杭州 书法",
    "嵊州越剧",
    "舟山 渔民学校",
    "志愿者",
    "反诈骗 讲座",
    "长三角合作",
    "中医养生",
    "茶",
    "calligraphy",
    "smartphones",
    "tai chi",
    "非遗传承 剪纸 桐庐",
]


def synthetic_documents(count, seed=20261129):
    """(title, introduction, body text) triples; the same seed gives the same corpus."""
    rng = random.Random(seed)
    for _ in range(count):
        place, venue = rng.choice(PLACES), rng.choice(VENUES)
        topic, action = rng.choice(TOPICS), rng.choice(ACTIONS)
        values = {
            "place": place,
            "place2": rng.choice(PLACES),
            "venue": venue,
            "topic": topic,
            "action": action,
            "n": rng.randint(20, 900),
            "k": rng.randint(1, 5),
        }
        title = f"{place}{venue}{topic}{action}"
        sentences = [template.format(**values) for template in rng.sample(SENTENCES, 4)]
        if rng.random() < 0.1:
            english = rng.choice(ENGLISH).format(place_en=rng.choice(PLACES_EN), topic_en=rng.choice(TOPICS_EN))
            sentences.append(english)
        yield title, sentences[0], "".join(sentences[1:])


def insert_pages(parent, documents, batch_size=2000):
    """Content pages in bulk: the page rows with tree paths computed here, then the content rows.

    The page API saves one page at a time (minutes for 100,000); the rows are the same.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import ContentPage

    content_type = ContentType.objects.get_for_model(ContentPage)
    now = timezone.now()
    rng = random.Random(7)
    fields = ContentPage._meta.local_concrete_fields
    table = ContentPage._meta.db_table
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    position = parent.numchild
    batch = []

    def flush():
        pages = Page.objects.bulk_create([page for page, _ in batch])
        rows = []
        for page, (introduction, body) in zip(pages, (extra for _, extra in batch), strict=True):
            content = ContentPage(page_ptr_id=page.pk, introduction=introduction, body=body)
            rows.append([field.get_db_prep_save(getattr(content, field.attname), connection) for field in fields])
        with connection.cursor() as cursor:
            cursor.executemany(insert_sql, rows)
        batch.clear()

    with transaction.atomic():
        for title, introduction, body in documents:
            position += 1
            slug = f"bench-{position}"
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, position),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.UUID(int=rng.getrandbits(128)),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
            batch.append((page, (introduction, [("paragraph", f"<p>{body}</p>")])))
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        Page.objects.filter(pk=parent.pk).update(numchild=position)
    return position


def build_site():
    from wagtail.models import Locale, Page

    from home.models import ContentPage, HomePage

    root = Page.get_first_root_node()
    home = HomePage(title="基准测试", slug="bench-home", locale=Locale.get_default())
    root.add_child(instance=home)
    section = ContentPage(title="合成语料", slug="corpus")
    home.add_child(instance=section)
    return Page.objects.get(pk=section.pk)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(run, queries, repeats):
    timings, per_query = [], {}
    for query in queries:
        count, _shown = run(query)  # also warms the cache for this query's pages
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - started) * 1000)
        timings += times
        per_query[query] = {"matches": count, "median_ms": round(statistics.median(times), 2)}
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "max_ms": round(max(timings), 2),
        "per_query": per_query,
    }


def engine_query(query):
    """What /search/ and /api/search/ read: the count up to COUNT_BOUND ("more than" beyond) and the ten best."""
    from wagtail.search.backends import get_search_backend

    from home.models import ContentPage
    from search.embedded_service import BoundedResults

    results = BoundedResults(get_search_backend().search(query, ContentPage.objects.live()))
    return results.count(), list(results[:10])


def naive_matches(query):
    from django.db.models import Q

    from home.models import ContentPage

    condition = Q()
    for word in query.split():
        # SQLite stores the StreamField body as JSON with \uXXXX escapes: look for both forms.
        escaped = json.dumps(word)[1:-1]
        in_body = Q(body__icontains=word) | Q(body__icontains=escaped)
        condition &= Q(title__icontains=word) | Q(introduction__icontains=word) | in_body
    return ContentPage.objects.live().filter(condition).order_by("-pk")


def naive_query(query):
    """The naive scan as a paginator runs it: count every match, then read the ten newest."""
    queryset = naive_matches(query)
    return queryset.count(), list(queryset[:10])


def bounded_naive_query(query):
    """The naive scan given the engine's bounded count, so it may stop early on common words too."""
    queryset = naive_matches(query)
    return queryset[: COUNT_BOUND + 1].count(), list(queryset[:10])


def results_page(query):
    """What /search/ computes for a query: the bounded count, ten results, type and year facets."""
    from search import service

    outcome = service.search(query)
    return outcome.hits.count(), (list(outcome.hits[:10]), outcome.type_facets, outcome.year_facets)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()

    connection = start()
    try:
        from django.utils import translation
        from wagtail.search.backends import get_search_backend

        from search import facets
        from search.indexing import rebuild

        started = time.perf_counter()
        section = build_site()
        insert_pages(section, synthetic_documents(arguments.documents))
        print(f"Corpus: {arguments.documents} pages inserted in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        indexed = rebuild(get_search_backend())
        rebuild_seconds = time.perf_counter() - started
        print(f"Full rebuild: {indexed} objects in {rebuild_seconds:.1f} s = {indexed / rebuild_seconds:.0f} docs/s")
        started = time.perf_counter()
        faceted = facets.rebuild()
        facet_seconds = time.perf_counter() - started
        print(f"Search facets: {faceted} pages in {facet_seconds:.1f} s = {faceted / facet_seconds:.0f} pages/s")

        engine = measure(engine_query, QUERIES, arguments.repeats)
        naive = measure(naive_query, QUERIES, arguments.repeats)
        bounded_naive = measure(bounded_naive_query, QUERIES, arguments.repeats)
        with translation.override("zh-hans"):
            page = measure(results_page, QUERIES, arguments.repeats)
        figures = {
            "database": database_label(connection),
            "documents": arguments.documents,
            "queries": len(QUERIES),
            "repeats": arguments.repeats,
            "operation": f"count up to {COUNT_BOUND} ('more than' beyond) + ten best results",
            "rebuild_seconds": round(rebuild_seconds, 1),
            "rebuild_docs_per_second": round(indexed / rebuild_seconds),
            "facets_seconds": round(facet_seconds, 1),
            "facets_pages_per_second": round(faceted / facet_seconds),
            "engine": engine,
            "naive_icontains": naive,
            "naive_icontains_bounded_count": bounded_naive,
            "results_page_with_facets": page,
            "p50_speedup": round(naive["p50_ms"] / engine["p50_ms"], 1),
            "p95_speedup": round(naive["p95_ms"] / engine["p95_ms"], 1),
            "p50_speedup_over_bounded": round(bounded_naive["p50_ms"] / engine["p50_ms"], 1),
            "p95_speedup_over_bounded": round(bounded_naive["p95_ms"] / engine["p95_ms"], 1),
        }
        print(f"Queries ({len(QUERIES)} × {arguments.repeats}, {figures['operation']}) on {figures['database']}:")
        rows = [
            ("embedded engine", engine),
            ("naive icontains", naive),
            ("naive, bounded count", bounded_naive),
            ("/search/ page + facets", page),
        ]
        for label, row in rows:
            print(f"  {label:24} p50 {row['p50_ms']:8.2f} ms  p95 {row['p95_ms']:8.2f} ms  max {row['max_ms']:8.2f} ms")
        print(f"  speed-up over the naive scan          p50 {figures['p50_speedup']}x  p95 {figures['p95_speedup']}x")
        print(
            f"  speed-up over the bounded naive scan  p50 {figures['p50_speedup_over_bounded']}x"
            f"  p95 {figures['p95_speedup_over_bounded']}x"
        )
        print("Goals: p95 <= 20 ms, >= 20x the naive scan, rebuild >= 1,000 docs/s")
        if arguments.documents >= 100_000:
            RESULTS.mkdir(parents=True, exist_ok=True)
            name = "sqlite" if connection.vendor == "sqlite" else "postgresql"
            output = RESULTS / f"search_corpus_{name}.json"
            output.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"Written to {output.relative_to(RESULTS.parent.parent)}")
    finally:
        stop(connection)


if __name__ == "__main__":
    main()
