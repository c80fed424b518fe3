from wagtail import hooks

from search.health import search_engine


@hooks.register("register_health_check")
def register_search_health_check():
    return {"search": search_engine}
