"""The house's floors: imports point one way, from the ground floor up, and never in a circle.

    ground floor   addresses, i18n, text, kinds, history, spill (and the package itself)
    data           plansite/data/
    reports        plansite/reports/ (its project.py loads and checks the data and the reports together)
    site | search | export
    the build and the tools: plansite/build.py, __main__.py (the command line), cms/, i18n_extract.py
    adapters       plansite_mkdocs/, plansite_hook.py

Read from the source with `ast` (every import, also those inside functions), so a module is judged
without being run. A failure names the importing module, its line and what it imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

HOOKS = ROOT / "hooks"
GROUND, DATA, REPORTS, PRODUCTS, TOOLS, ADAPTERS = range(6)
FLOORS = {
    "data": DATA,
    "reports": REPORTS,
    "site": PRODUCTS,
    "search": PRODUCTS,
    "export": PRODUCTS,
    "build": TOOLS,
    "__main__": TOOLS,
    "cms": TOOLS,
    "i18n_extract": TOOLS,
    "addresses": GROUND,
    "i18n": GROUND,
    "text": GROUND,
    "kinds": GROUND,
    "history": GROUND,
    "spill": GROUND,
}
# Sideways on the products' floor: the site shows what search folds (abbreviations) and describes the open
# data (its catalogue); search and export read neither the site nor each other.
SIDEWAYS = {("site", "search"), ("site", "export")}
CLI = "plansite.__main__"


def _module(path: Path) -> str:
    parts = path.relative_to(HOOKS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(HOOKS.rglob("*.py"))}


def _targets(module: str, path: Path, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The package modules an import statement loads (a name imported from a package is its submodule
    when there is one)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1] if node.level else [])
        base = ".".join(filter(None, [base, node.module]))
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    return [name for name in names if name in MODULES]


def _imports() -> list[tuple[str, int, str]]:
    """(importing module, line, imported module) for every import between modules of hooks/."""
    found = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found += [(module, node.lineno, target) for target in _targets(module, path, node)]
    return sorted(set(found))


IMPORTS = _imports()


def room(module: str) -> str:
    """The folder (or top-level module) of plansite a module is in; the adapters' package for the others."""
    parts = module.split(".")
    if parts[0] != "plansite":
        return parts[0]
    return parts[1] if len(parts) > 1 else ""


def floor(module: str) -> int:
    if module.split(".")[0] != "plansite":
        return ADAPTERS
    return FLOORS.get(room(module), GROUND) if room(module) else GROUND


def _where(module: str, line: int, target: str) -> str:
    return f"{MODULES[module].relative_to(ROOT)}:{line}: {module} imports {target}"


def test_the_walk_sees_the_whole_house():
    """A floor: the test cannot pass on nothing."""
    assert len(MODULES) >= 100 and len(IMPORTS) >= 400, (len(MODULES), len(IMPORTS))
    assert {room(m) for m in MODULES} >= {"data", "reports", "site", "search", "export", "addresses", "build"}
    unplaced = sorted(
        m
        for m in MODULES
        if m.startswith("plansite.") and room(m) not in FLOORS and not MODULES[m].is_dir() and m.count(".") == 1
    )
    assert unplaced == [], f"top-level modules with no floor in FLOORS: {unplaced}"


def test_no_import_points_down_the_house_upwards():
    upward = [_where(m, line, t) for m, line, t in IMPORTS if floor(t) > floor(m)]
    assert upward == [], "imports from a lower floor to a higher one:\n" + "\n".join(upward)


def test_siblings_on_the_products_floor_import_only_what_is_allowed():
    sideways = [
        _where(m, line, t)
        for m, line, t in IMPORTS
        if floor(m) == floor(t) == PRODUCTS and room(m) != room(t) and (room(m), room(t)) not in SIDEWAYS
    ]
    assert sideways == [], "imports between site, search and export not in SIDEWAYS:\n" + "\n".join(sideways)


def test_nothing_imports_the_command_line():
    users = [_where(m, line, t) for m, line, t in IMPORTS if t == CLI and m != CLI]
    assert users == [], "\n".join(users)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def test_no_cycle_between_modules_or_rooms():
    modules: dict[str, set[str]] = {}
    rooms: dict[str, set[str]] = {}
    for m, _line, t in IMPORTS:
        if t != m and not m.startswith(t + "."):  # a package's module importing the package itself is no knot
            modules.setdefault(m, set()).add(t)
        if room(m) != room(t):
            rooms.setdefault(room(m), set()).add(room(t))
    lines = {(m, t): line for m, line, t in reversed(IMPORTS)}
    found = []
    for cycle in _cycles(modules):
        found += [_where(m, lines[(m, t)], t) for m in cycle for t in sorted(modules[m]) if t in cycle]
    for cycle in _cycles(rooms):
        found += [
            _where(m, line, t) for m, line, t in IMPORTS if room(m) in cycle and room(t) in cycle and room(m) != room(t)
        ]
    assert found == [], "imports in a circle:\n" + "\n".join(found)


def test_the_checks_see_a_knot():
    """The checks themselves, on a made-up house: an upward import and a circle are found."""
    assert floor("plansite.data.load") < floor("plansite.reports.checks") < floor("plansite.site.render.pages")
    assert floor("plansite.export.files") < floor("plansite.build") < floor("plansite_mkdocs.site_build")
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


# The site's rooms, in the order of the flow: each imports only the rooms before it (and the site's settings,
# site/options.py, which sit beside them all).
SITE_ROOMS = ("html", "index", "parts", "outreach", "render")


def site_room(module: str) -> int | None:
    parts = module.split(".")
    if parts[:2] != ["plansite", "site"] or len(parts) < 3 or parts[2] not in SITE_ROOMS:
        return None
    return SITE_ROOMS.index(parts[2])


def test_the_site_is_split_into_rooms_in_the_order_of_the_flow():
    site = [m for m in MODULES if m.startswith("plansite.site.")]
    loose = sorted(m for m in site if site_room(m) is None and m != "plansite.site.options")
    assert loose == [], f"site modules outside the rooms {SITE_ROOMS}: {loose}"
    assert all(any(site_room(m) == n for m in site) for n in range(len(SITE_ROOMS))), "a room is empty"
    backward = [
        _where(m, line, t)
        for m, line, t in IMPORTS
        if site_room(m) is not None and site_room(t) is not None and site_room(t) > site_room(m)
    ]
    assert backward == [], f"imports from a room to a later one ({' → '.join(SITE_ROOMS)}):\n" + "\n".join(backward)
