"""Fragment caches for what every page repeats (the menus, the centre's name and address), so a
page rendered without the page cache does not ask the database for them on every request.

Never stale, as the page cache: each entry's key holds the page cache's generation
(cms/core/page_cache.py), which any change a visitor could see starts anew after it commits
(cms/core/page_cache_purge.py), also when the page cache itself is off (PAGE_CACHE_SECONDS=0).
FRAGMENT_CACHE_SECONDS sets how long an entry is kept (0: off; the test settings turn it off,
since a test's changes never commit and so never purge).

Within one request the generation is read once and each fragment is looked up once (the main
menu shows twice on every page: folded for phones, as a bar for wide screens).
"""

import hashlib

from django.conf import settings

from . import page_cache


def lifetime():
    return max(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0), 0)


def cached(request, name, parts, build):
    """`build()`'s value for the fragment `name` varying by `parts`: once per request, and from
    the cache between requests; `build` must return something picklable, the same for everyone."""
    if request is None:
        return build()
    memo = request.__dict__.setdefault("_fragments", {})
    local_key = (name, *parts)
    if local_key not in memo:
        memo[local_key] = _shared(request, name, parts, build) if lifetime() else build()
    return memo[local_key]


def _shared(request, name, parts, build):
    generation = request.__dict__.get("_fragment_generation")
    if generation is None:
        # Read before building: a change committed meanwhile starts a newer generation, so what
        # is built from the older rows is only ever kept under the older one.
        generation = request._fragment_generation = page_cache.current_generation()
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    key = f"fragment:{generation}:{name}:{digest}"
    store = page_cache.page_store()
    entry = store.get(key)  # a one-item tuple, so a fragment that is None is kept too
    if entry is None:
        entry = (build(),)
        store.set(key, entry, lifetime())
    return entry[0]
