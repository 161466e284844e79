"""No import circles between our modules, counting imports inside functions too (a lazy import
hides a circle from start-up, not from the reader): import-linter cannot see circles within a
layer, so this walks the tree with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "casedb", "widgets")
KNOWN: set[frozenset[str]] = set()  # none left; a new circle fails


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST):
    """Every import statement outside ``if TYPE_CHECKING:`` blocks."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _targets(node, module: str, is_package: bool, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {a.name for a in node.names}
    base = module if is_package else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    stem = node.module or ""
    target = f"{base}.{stem}".strip(".") if node.level else stem
    out = set()
    for alias in node.names:  # ``from pkg import module`` imports that module
        sub = f"{target}.{alias.name}"
        out.add(sub if sub in known else target)
    return out


def import_graph() -> nx.DiGraph:
    files = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
             if "migrations" not in p.parts}
    known = set(files)
    g = nx.DiGraph()
    for module, path in files.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in _imports(tree):
            for target in _targets(node, module, path.name == "__init__.py", known):
                while target and target not in known:  # ``import casedb.x.y as z`` and names
                    target = target.rpartition(".")[0]
                if target and target != module and not module.startswith(f"{target}."):
                    g.add_edge(module, target)
    return g


def test_a_circle_is_found():
    g = import_graph()
    g.add_edge("casedb.links.graph", "casedb.links.network")  # network imports graph
    assert {"casedb.links.graph", "casedb.links.network"} in [
        c for c in nx.strongly_connected_components(g) if len(c) > 1]


def test_the_graph_sees_a_lazy_relative_import():
    g = import_graph()
    assert g.has_edge("app.main_window", "app.actions.analysis")
    assert g.has_edge("casedb.links.network", "casedb.links.graph")


def test_no_import_circles():
    circles = [sorted(c) for c in nx.strongly_connected_components(import_graph())
               if len(c) > 1 and frozenset(c) not in KNOWN]
    assert not circles, "import circles: " + "; ".join(" <-> ".join(c) for c in circles)
