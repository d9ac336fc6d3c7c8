"""Imports point down the layers: wizard.core <- wizard.runner <- wizard.session <- wizard.gui, and no
import cycle. Read from the source with ``ast`` (nothing is imported), so a test fails on the line that
breaks the rule, wherever it sits: imports inside functions count for the layers, only imports that run
when a module is loaded count for cycles."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wizard"


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the wizard module imported
    line: int
    at_load: bool  # runs when the module is loaded (not inside a function, not under TYPE_CHECKING)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(source: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = source.split(".")
    if not _is_package(source):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(source: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The wizard modules an import statement loads (``from wizard.core import plan`` loads the module
    wizard.core.plan; ``from wizard.core.plan import build_plan`` loads wizard.core.plan)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = _resolve(source, node)
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    found = []
    for name in names:
        # "import wizard.core.plan" or a name inside a module: the longest prefix that is a wizard module
        parts = name.split(".")
        while parts and ".".join(parts) not in MODULES:
            parts.pop()
        if parts and parts[0] == "wizard":
            found.append(".".join(parts))
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str) -> list[Import]:
    tree = ast.parse(MODULES[source].read_text(encoding="utf-8"), filename=str(MODULES[source]))
    found: list[Import] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.extend(Import(source, t, child.lineno, at_load) for t in _targets(source, child))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, False)
            elif isinstance(child, ast.If) and _is_type_checking(child):
                for stmt in child.body:
                    visit(ast.Module(body=[stmt], type_ignores=[]), False)
                for stmt in child.orelse:
                    visit(ast.Module(body=[stmt], type_ignores=[]), at_load)
            else:
                visit(child, at_load)

    visit(tree, True)
    return found


ALL_IMPORTS = [i for m in MODULES for i in imports_of(m)]


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


# (the layer, what it must not import)
LAYERS = [
    ("wizard.core", ("wizard.runner", "wizard.session", "wizard.gui", "wizard.app", "wizard.selftest")),
    ("wizard.runner", ("wizard.session", "wizard.gui", "wizard.app", "wizard.selftest")),
    ("wizard.session", ("wizard.gui", "wizard.app", "wizard.selftest")),
]


def test_the_graph_is_read() -> None:
    """The reader itself: it finds the modules and the imports that are known to be there."""
    assert "wizard.core.builds" in MODULES and "wizard.runner" in MODULES and "wizard.gui.window" in MODULES
    edges = {(i.source, i.target) for i in ALL_IMPORTS}
    assert ("wizard.core.builds", "wizard.core.releases") in edges  # "from . import releases"
    assert ("wizard.core.builds", "wizard.core.gpu") in edges  # "from .gpu import Gpu"
    assert any(s.startswith("wizard.gui") and t.startswith("wizard.core") for s, t in edges)


@pytest.mark.parametrize(("layer", "forbidden"), LAYERS, ids=[layer for layer, _ in LAYERS])
def test_imports_only_point_down(layer: str, forbidden: tuple[str, ...]) -> None:
    if not any(_in(m, layer) for m in MODULES):
        pytest.skip(f"{layer} does not exist (yet)")
    wrong = [
        f"{MODULES[i.source].relative_to(PACKAGE.parent)}:{i.line} imports {i.target}"
        for i in ALL_IMPORTS
        if _in(i.source, layer) and any(_in(i.target, f) for f in forbidden)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_core_uses_no_widgets() -> None:
    """wizard.core is importable without a display: QtCore at most (translations), never QtGui/QtWidgets."""
    wrong = []
    for name, path in MODULES.items():
        if not _in(name, "wizard.core"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            widgets = ("PySide6.QtGui", "PySide6.QtWidgets")
            wrong += [f"{name}:{node.lineno} imports {m}" for m in modules if m.startswith(widgets)]
    assert not wrong, "\n".join(wrong)


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (as a path that ends where it starts), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = walk(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state:
            found = walk(start)
            if found:
                return found
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle() -> None:
    edges: dict[str, set[str]] = {}
    for i in ALL_IMPORTS:
        if i.at_load and i.target != i.source and MODULES[i.target].name != "__init__.py":
            edges.setdefault(i.source, set()).add(i.target)
    cycle = find_cycle(edges)
    assert cycle is None, " -> ".join(cycle or [])
