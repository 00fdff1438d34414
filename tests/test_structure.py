"""The shape of the package: features found by convention, every link to a person claimed by
a personal-data section, and no import cycles (function-local imports count too)."""
from __future__ import annotations

import ast
from pathlib import Path

from flask import Blueprint

from rugzak.discovery import PACKAGE_DIR, defined_in, feature_modules
from rugzak.extensions import db
from rugzak.personal_data import CLAIMED_COLUMNS


def test_every_blueprint_of_every_feature_is_registered(app):
    for door, kind in (("views", Blueprint), ("api", Blueprint)):
        for module in feature_modules(door):
            defined = defined_in(module, kind)
            assert defined, f"{module.__name__} defines no blueprint"
            for blueprint in defined:
                assert app.blueprints.get(blueprint.name) is blueprint


def test_api_package_holds_only_shared_plumbing():
    shared = {"__init__.py", "blueprint.py", "fields.py"}
    assert {path.name for path in (PACKAGE_DIR / "api").glob("*.py")} <= shared


def test_every_link_to_a_user_is_claimed_by_a_personal_data_section(app):
    links = {f"{table.name}.{key.parent.name}" for table in db.metadata.sorted_tables
             for key in table.foreign_keys if key.column.table.name == "users"}
    unclaimed = links - CLAIMED_COLUMNS
    assert not unclaimed, (f"{sorted(unclaimed)} refer to users.id: add them to a "
                           "@personal_data_section in the feature's personal_data.py")


def test_no_import_cycles():
    graph = _import_graph(PACKAGE_DIR)
    cycles = [component for component in _strongly_connected(graph) if len(component) > 1]
    assert not cycles, f"import cycles: {cycles}"


def _import_graph(package: Path) -> dict[str, set[str]]:
    modules = {_module_name(path, package): path for path in package.rglob("*.py")
               if "migrations" not in path.parts}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import | ast.ImportFrom):
                targets.update(_known(target, modules)
                               for target in _targets(name, path, node))
        graph[name] = {target for target in targets if target and target != name}
    return graph


def _module_name(path: Path, package: Path) -> str:
    parts = path.with_suffix("").relative_to(package.parent).parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(name: str, path: Path, node) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for _level in range(node.level - 1):
        base = base.rpartition(".")[0]
    stem = node.module if not node.level else ".".join(filter(None, (base, node.module)))
    return [f"{stem}.{alias.name}" for alias in node.names]


def _known(target: str, modules) -> str:
    """The module `target` names: `pkg.mod.func` is `pkg.mod`."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components
