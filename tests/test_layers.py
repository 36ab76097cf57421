"""Imports go one way: crawler -> extract, output. extract/ is pure (no Scrapy, no I/O)."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "extract": {
        "scrapy",
        "crawler",
        "output",
        "twisted",
        "requests",
        "urllib.request",
        "socket",
        "pyarrow",
        "duckdb",
    },
    "output": {"scrapy", "crawler", "twisted"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_go_one_way(package: str) -> None:
    for path in (REPO / package).rglob("*.py"):
        for name in imported_modules(path):
            for bad in FORBIDDEN[package]:
                assert not (name == bad or name.startswith(bad + ".")), f"{path} imports {name}"


def test_extract_does_no_file_io() -> None:
    for path in (REPO / "extract").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for call in ("open(", ".read_text(", ".write_text(", ".read_bytes("):
            assert call not in source, f"{path} does I/O: {call}"
