"""The app-level import graph of the project, read from the code and the templates, and the
dependency rules of issue 10 checked against it.

    .venv/bin/python tools/import_graph.py            # print the graph, exit 1 if a rule fails
    .venv/bin/python tools/import_graph.py --report   # print only, always exit 0

No Django setup: Python files are read with `ast`, templates with regular expressions.

An app is a package with an `apps.py`. A module belongs to the deepest app package holding it,
except the composition root (COMPOSITION_ROOT below: settings, urls, wsgi, asgi), which may
import anything and is its own node. SHARED_LIBRARY names the app(s) every other app may use;
all other apps are domain apps. Edges come from:
  - Python imports, at module level or inside a function (class bodies run at import time, so
    they count as module level);
  - `{% load lib %}`: the app whose templatetags package defines `lib`;
  - `{% include "…" %}` / `{% extends "…" %}`: the app whose templates directory holds the file;
  - `settings.<app_label>.<Model>` in a template: that app.
"""

import argparse
import ast
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent

# The project package's modules that wire everything together; they may import any app.
COMPOSITION_ROOT = ("cms.settings", "cms.urls", "cms.wsgi", "cms.asgi")
ROOT_NODE = "<root>"
# The shared site library: imports no domain app. Change this when the library moves (cms.core…).
SHARED_LIBRARY = ("cms",)
MAX_FUNCTION_LEVEL_IMPORTS = 15
# Directories never scanned for apps or code.
SKIPPED_DIRS = {".venv", "venv", "node_modules", "tests", "bench", "tools", "static", "media", "build"}

LOAD_TAG = re.compile(r"{%\s*load\s+(.+?)\s*%}")
TEMPLATE_TAG = re.compile(r"""{%\s*(include|extends)\s+["']([^"']+)["']""")
SETTINGS_LOOKUP = re.compile(r"\bsettings\.(\w+)\.([A-Z]\w*)")


@dataclass(frozen=True)
class Evidence:
    """One reason for an edge: where it is and what it says."""

    kind: str  # "module", "function", "template"
    location: str  # relative/path:line
    text: str


@dataclass
class App:
    name: str  # dotted package name
    label: str
    directory: Path


@dataclass
class Graph:
    apps: dict  # name -> App
    edges: dict = field(default_factory=lambda: defaultdict(list))  # (source, target) -> [Evidence]
    function_level: list = field(default_factory=list)  # Evidence of every function-level own import

    @property
    def nodes(self):
        return sorted({*self.apps, ROOT_NODE})

    def targets(self, source):
        return sorted({target for (s, target) in self.edges if s == source})


def _is_skipped(path, project_dir):
    parts = path.relative_to(project_dir).parts
    return any(part in SKIPPED_DIRS or part.startswith(".") for part in parts)


def find_apps(project_dir):
    apps = {}
    for apps_file in sorted(project_dir.rglob("apps.py")):
        if _is_skipped(apps_file, project_dir) or not (apps_file.parent / "__init__.py").exists():
            continue
        name = ".".join(apps_file.parent.relative_to(project_dir).parts)
        label = name.rsplit(".", 1)[-1]
        for node in ast.walk(ast.parse(apps_file.read_text(encoding="utf-8"))):
            names = [getattr(target, "id", None) for target in getattr(node, "targets", ())]
            if isinstance(node, ast.Assign) and "label" in names and isinstance(node.value, ast.Constant):
                label = node.value.value
        apps[name] = App(name=name, label=label, directory=apps_file.parent)
    return apps


def node_of(module, apps, composition_root=COMPOSITION_ROOT):
    """The graph node a dotted module name belongs to, or None when it is not the project's own."""
    if any(module == root or module.startswith(root + ".") for root in composition_root):
        return ROOT_NODE
    owners = [name for name in apps if module == name or module.startswith(name + ".")]
    return max(owners, key=len) if owners else None


def _module_name(path, project_dir):
    parts = list(path.relative_to(project_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(node, module, is_package):
    """The absolute module names an Import/ImportFrom statement reads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = package[: len(package) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module
    if node.module:
        return [prefix]
    # `from . import views`: each name may be a submodule.
    return [f"{prefix}.{alias.name}" for alias in node.names]


def _walk_imports(tree):
    """Yield (import node, inside_a_function) for every import statement."""

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, in_function
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from visit(child, nested)

    yield from visit(tree, False)


def _scan_python(graph, project_dir, composition_root):
    top_packages = {name.split(".")[0] for name in graph.apps}
    for package in sorted(top_packages):
        for path in sorted((project_dir / package).rglob("*.py")):
            if _is_skipped(path, project_dir):
                continue
            module = _module_name(path, project_dir)
            source = node_of(module, graph.apps, composition_root)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for statement, in_function in _walk_imports(tree):
                names = _imported_modules(statement, module, path.name == "__init__.py")
                targets = {node_of(name, graph.apps, composition_root) for name in names}
                targets.discard(None)
                if not targets:
                    continue
                evidence = Evidence(
                    kind="function" if in_function else "module",
                    location=f"{path.relative_to(project_dir)}:{statement.lineno}",
                    text=ast.unparse(statement),
                )
                if in_function:
                    graph.function_level.append(evidence)
                for target in targets:
                    if target != source:
                        graph.edges[(source, target)].append(evidence)


def _template_owners(apps):
    """Template path -> owning app, and tag library name -> owning app."""
    templates, libraries = {}, {}
    for name in sorted(apps, key=len):  # the deepest app wins a clash, as its files are its own
        directory = apps[name].directory
        for path in (directory / "templates").rglob("*"):
            if path.is_file():
                templates[path.relative_to(directory / "templates").as_posix()] = name
        for path in (directory / "templatetags").glob("*.py"):
            if path.stem != "__init__":
                libraries[path.stem] = name
    return templates, libraries


def _scan_templates(graph, project_dir):
    templates, libraries = _template_owners(graph.apps)
    by_label = {app.label: name for name, app in graph.apps.items()}
    for name, app in sorted(graph.apps.items()):
        for path in sorted((app.directory / "templates").rglob("*")):
            if not path.is_file() or path.suffix not in {".html", ".txt", ".xml"}:
                continue
            text = path.read_text(encoding="utf-8")
            source = templates.get(path.relative_to(app.directory / "templates").as_posix(), name)
            found = []
            for match in LOAD_TAG.finditer(text):
                words = match.group(1).split()
                loaded = words[words.index("from") + 1 :] if "from" in words else words
                found += [(match, libraries.get(word)) for word in loaded]
            found += [(match, templates.get(match.group(2))) for match in TEMPLATE_TAG.finditer(text)]
            found += [(match, by_label.get(match.group(1))) for match in SETTINGS_LOOKUP.finditer(text)]
            for match, target in found:
                if target is None or target == source:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                location = f"{path.relative_to(project_dir)}:{line}"
                graph.edges[(source, target)].append(Evidence("template", location, match.group(0)))


def build_graph(project_dir=PROJECT_DIR, composition_root=COMPOSITION_ROOT):
    project_dir = Path(project_dir)
    graph = Graph(apps=find_apps(project_dir))
    _scan_python(graph, project_dir, composition_root)
    _scan_templates(graph, project_dir)
    return graph


def cycles(graph):
    """Every simple cycle of the graph, shortest first, each starting from its smallest node. The
    root takes part: it may import anything, but nothing may import it back."""
    found = []

    def extend(path):
        for target in graph.targets(path[-1]):
            if target == path[0]:
                found.append(tuple(path))
            elif target > path[0] and target not in path:
                extend(path + [target])

    for start in graph.nodes:
        extend([start])
    return sorted(found, key=lambda cycle: (len(cycle), cycle))


@dataclass
class RuleResult:
    title: str
    passed: bool
    offences: list


def check_rules(graph, shared_library=SHARED_LIBRARY, max_function_level=MAX_FUNCTION_LEVEL_IMPORTS):
    domain = {name for name in graph.apps if name not in shared_library}
    library_edges = [
        f"{source} -> {target}: " + "; ".join(f"{e.location} {e.text}" for e in graph.edges[(source, target)])
        for source, target in sorted(graph.edges)
        if source in shared_library and target in domain
    ]
    all_cycles = cycles(graph)
    cycle_lines = [" <-> ".join(cycle) if len(cycle) == 2 else " -> ".join((*cycle, cycle[0])) for cycle in all_cycles]
    function_lines = [f"{e.location} {e.text}" for e in graph.function_level]
    library = ", ".join(shared_library)
    return [
        RuleResult(f"(a) the shared library ({library}) imports no domain app", not library_edges, library_edges),
        RuleResult(
            "(b) no two apps import each other (2-cycles; longer cycles listed too)", not all_cycles, cycle_lines
        ),
        RuleResult(
            f"(c) at most {max_function_level} function-level imports of the project's own modules "
            f"(found {len(function_lines)})",
            len(function_lines) <= max_function_level,
            function_lines,
        ),
    ]


def _role(name, shared_library):
    if name == ROOT_NODE:
        return "composition root: " + ", ".join(COMPOSITION_ROOT)
    return "shared library" if name in shared_library else "domain app"


def render(graph, results, shared_library=SHARED_LIBRARY):
    lines = ["Apps:"]
    lines += [f"  {name:<12} {_role(name, shared_library)}" for name in graph.nodes]
    lines += ["", "Edges (importer -> imported: how many imports of each kind; each listed unless it goes down):"]
    for source, target in sorted(graph.edges):
        counts = defaultdict(int)
        for evidence in graph.edges[(source, target)]:
            counts[evidence.kind] += 1
        summary = ", ".join(f"{kind} {counts[kind]}" for kind in ("module", "function", "template") if counts[kind])
        lines.append(f"  {source} -> {target}  ({summary})")
        if source != ROOT_NODE and target not in shared_library:
            for evidence in graph.edges[(source, target)]:
                lines.append(f"      {evidence.kind:<8} {evidence.location}  {evidence.text}")
    lines.append("")
    for result in results:
        lines.append(f"{'PASS' if result.passed else 'FAIL'} {result.title}")
        lines += [f"    {offence}" for offence in result.offences]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="print only; exit 0 even when a rule fails")
    args = parser.parse_args(argv)
    graph = build_graph()
    results = check_rules(graph)
    print(render(graph, results))
    return 0 if args.report or all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
