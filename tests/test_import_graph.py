"""tools/import_graph.py: it reads the app graph right on a small fake project, and our tree keeps
its rules (the shared library imports no domain app, no two apps import each other, few
function-level imports)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCRIPT = PROJECT_DIR / "tools" / "import_graph.py"

spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
import_graph = importlib.util.module_from_spec(spec)
sys.modules["import_graph"] = import_graph  # dataclasses look their module up by name
spec.loader.exec_module(import_graph)


def write(root, relative, text=""):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def fake_project(tmp_path):
    """A project `site` (root modules + library) with two domain apps, `shop` and `blog`."""
    for app in ("site", "shop", "blog"):
        write(tmp_path, f"{app}/__init__.py")
        write(tmp_path, f"{app}/apps.py", f"class Config:\n    name = '{app}'\n")
    write(tmp_path, "blog/apps.py", "class Config:\n    name = 'blog'\n    label = 'journal'\n")
    # The root may import every app.
    write(tmp_path, "site/urls.py", "from shop import views\nfrom blog.views import index\n")
    write(tmp_path, "site/settings/__init__.py", "import shop.models\n")
    # The library: one template going up into shop (a tag library and a settings lookup).
    write(tmp_path, "site/blocks.py", "import os\n")
    write(tmp_path, "site/templatetags/__init__.py")
    write(tmp_path, "site/templatetags/site_tags.py")
    write(
        tmp_path,
        "site/templates/base.html",
        "{% load i18n site_tags %}\n<title>{{ settings.journal.Options.name }}</title>\n"
        "{% load menu from shop_tags %}\n",
    )
    # shop: module-level use of the library, a function-level import of blog, a relative import.
    write(
        tmp_path,
        "shop/models.py",
        "from site.blocks import Block\nfrom . import signals\n\n\nclass Product:\n"
        "    def related(self):\n        from blog.models import Post\n        return Post\n",
    )
    write(tmp_path, "shop/signals.py")
    write(tmp_path, "shop/templatetags/__init__.py")
    write(tmp_path, "shop/templatetags/shop_tags.py", "def menu():\n    from .. import models\n")
    write(tmp_path, "shop/templates/shop/product.html", '{% extends "base.html" %}{% include "blog/teaser.html" %}')
    # blog imports shop back at module level, inside a class body: a 2-cycle.
    write(tmp_path, "blog/models.py", "class Post:\n    from shop.models import Product\n")
    write(tmp_path, "blog/templates/blog/teaser.html", "{% load i18n %}")
    # Not part of the graph: tests and a skipped directory.
    write(tmp_path, "tests/test_x.py", "import blog.models\nimport site.templatetags\n")
    return tmp_path


def edge_kinds(graph, source, target):
    return sorted(evidence.kind for evidence in graph.edges.get((source, target), []))


def test_builds_the_app_graph_from_code_and_templates(fake_project):
    graph = import_graph.build_graph(fake_project, composition_root=("site.settings", "site.urls"))

    assert set(graph.apps) == {"site", "shop", "blog"}
    assert graph.apps["blog"].label == "journal"
    assert set(graph.edges) == {
        (import_graph.ROOT_NODE, "shop"),
        (import_graph.ROOT_NODE, "blog"),
        ("site", "shop"),
        ("site", "blog"),
        ("shop", "site"),
        ("shop", "blog"),
        ("blog", "shop"),
    }
    assert edge_kinds(graph, import_graph.ROOT_NODE, "shop") == ["module", "module"]
    # `{% load menu from shop_tags %}` names shop; `settings.journal.…` names blog by its label.
    assert [e.text for e in graph.edges[("site", "shop")]] == ["{% load menu from shop_tags %}"]
    assert [e.location for e in graph.edges[("site", "blog")]] == ["site/templates/base.html:2"]
    # extends base.html (the library) and includes blog's template, besides the Python import.
    assert edge_kinds(graph, "shop", "site") == ["module", "template"]
    assert edge_kinds(graph, "shop", "blog") == ["function", "template"]
    assert edge_kinds(graph, "blog", "shop") == ["module"]
    assert [(e.location, e.text) for e in graph.function_level] == [
        ("shop/models.py:7", "from blog.models import Post"),
        ("shop/templatetags/shop_tags.py:2", "from .. import models"),
    ]


def test_checks_the_rules_and_names_the_offending_edges(fake_project):
    graph = import_graph.build_graph(fake_project, composition_root=("site.settings", "site.urls"))

    library, two_way, function_level = import_graph.check_rules(graph, shared_library=("site",), max_function_level=1)

    assert not library.passed
    assert [offence.split(":")[0] for offence in library.offences] == ["site -> blog", "site -> shop"]
    assert not two_way.passed
    assert two_way.offences == ["blog <-> shop", "shop <-> site", "blog -> shop -> site -> blog"]
    assert not function_level.passed and len(function_level.offences) == 2

    assert all(r.passed for r in import_graph.check_rules(graph, shared_library=("site",), max_function_level=2)[2:])


def test_a_tree_that_keeps_the_rules_passes(tmp_path):
    for app in ("lib", "shop"):
        write(tmp_path, f"{app}/__init__.py")
        write(tmp_path, f"{app}/apps.py")
    write(tmp_path, "lib/urls.py", "import shop.views\n")
    write(tmp_path, "shop/views.py", "from lib import blocks\n")
    write(tmp_path, "lib/blocks.py")
    graph = import_graph.build_graph(tmp_path, composition_root=("lib.urls",))

    results = import_graph.check_rules(graph, shared_library=("lib",))

    assert [result.passed for result in results] == [True, True, True]
    assert set(graph.edges) == {(import_graph.ROOT_NODE, "shop"), ("shop", "lib")}

    # Importing the composition root back (e.g. a setting from lib.urls) closes a cycle.
    write(tmp_path, "lib/blocks.py", "from lib.urls import urlpatterns\n")
    graph = import_graph.build_graph(tmp_path, composition_root=("lib.urls",))
    two_way = import_graph.check_rules(graph, shared_library=("lib",))[1]
    assert two_way.offences == [f"{import_graph.ROOT_NODE} -> shop -> lib -> {import_graph.ROOT_NODE}"]


def test_the_script_runs_on_the_project_and_reports():
    report = subprocess.run(
        [sys.executable, str(SCRIPT), "--report"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    ).stdout

    for app in ("cms.core", "home", "courses", "journal", "standards", "search"):
        assert f"\n  {app} " in report
    assert report.count("PASS ") + report.count("FAIL ") == 3


def test_the_real_tree_keeps_the_rules():
    results = import_graph.check_rules(import_graph.build_graph())
    assert all(result.passed for result in results), "\n".join(
        f"{result.title}: {result.offences}" for result in results if not result.passed
    )
