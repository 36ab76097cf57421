"""Imports go one way, downwards: thaipr (the command line and the public API) -> crawler,
extract, output; crawler -> extract, output; output -> extract at most; extract -> nothing of
ours. Nothing imports thaipr. extract/ is pure (no Scrapy, no I/O)."""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
OURS = ("thaipr", "crawler", "extract", "output")
MAY_IMPORT = {
    "thaipr": {"thaipr", "crawler", "extract", "output"},
    "crawler": {"crawler", "extract", "output"},
    "output": {"output", "extract"},
    "extract": {"extract"},
}
# Libraries a layer must not reach for: extract is pure, output knows nothing of Scrapy.
FORBIDDEN_LIBRARIES = {
    "extract": {
        "scrapy",
        "twisted",
        "requests",
        "urllib.request",
        "socket",
        "pyarrow",
        "duckdb",
    },
    "output": {"scrapy", "twisted"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", OURS)
def test_layers_import_downwards_only(package: str) -> None:
    for path in (REPO / package).rglob("*.py"):
        for name in imported_modules(path):
            if top(name) in OURS:
                assert top(name) in MAY_IMPORT[package], f"{path} imports {name}"


@pytest.mark.parametrize("package", sorted(FORBIDDEN_LIBRARIES))
def test_pure_layers_keep_off_libraries(package: str) -> None:
    for path in (REPO / package).rglob("*.py"):
        for name in imported_modules(path):
            for bad in FORBIDDEN_LIBRARIES[package]:
                assert not (name == bad or name.startswith(bad + ".")), f"{path} imports {name}"


def test_no_layer_imports_the_application_layer() -> None:
    """Only clients of the application (tests, benchmarks) import thaipr."""
    for package in ("crawler", "extract", "output"):
        for path in (REPO / package).rglob("*.py"):
            for name in imported_modules(path):
                assert top(name) != "thaipr", f"{path} imports {name}"


@pytest.mark.parametrize("package", ["crawler", "thaipr"])
def test_every_folder_says_what_it_holds(package: str) -> None:
    """A folder of the crawl or the command line is small enough to read (about ten modules
    at most) and its __init__ says what is inside."""
    for folder in [REPO / package, *(p.parent for p in (REPO / package).rglob("*/__init__.py"))]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 10, f"{folder} holds {len(modules)} modules"
        init = folder / "__init__.py"
        assert init.exists() and ast.get_docstring(ast.parse(init.read_text("utf-8"))), init


def test_the_architecture_page_names_modules_that_exist() -> None:
    page = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:thaipr|crawler|extract|output|tests)/[\w/]+\.py)`", page))
    assert len(paths) > 20
    assert not [p for p in paths if not (REPO / p).is_file()]


def test_extract_does_no_file_io() -> None:
    for path in (REPO / "extract").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for call in ("open(", ".read_text(", ".write_text(", ".read_bytes("):
            assert call not in source, f"{path} does I/O: {call}"
