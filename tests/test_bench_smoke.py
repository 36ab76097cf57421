"""The crawl comparison and the crawl profile work, at a tiny size (one province, 30
generated stories): the comparison's table has its three rows with figures above zero, and
the profile's table its stages. Only that they run: timings are the benchmarks' to print,
never a test's to assert."""

import re

import pytest

from bench import compare, profile_crawl
from bench.peer_spider import LEFT_OUT, PeerSpider

TINY = ["--generated", "30", "--provinces", "1", "--timeout", "300"]
ROW = re.compile(r"^\| (?P<name>[^|]+?) \|(?P<figures>.*)\|$")


def table_rows(printed: str) -> dict[str, list[float]]:
    """A Markdown table's rows (not its head or rule): first cell -> the numbers after it."""
    rows = {}
    for line in printed.splitlines():
        m = ROW.match(line)
        if not m or set(m["figures"]) <= set("|-: ") or "articles/s" in line or "stage" in line:
            continue
        cells = [c.strip().rstrip(" %").replace(",", "") for c in m["figures"].split("|")]
        rows[m["name"]] = [float(c) for c in cells]
    return rows


def test_comparison_prints_three_rows_of_positive_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert compare.main(TINY) == 0
    printed = capsys.readouterr().out
    rows = table_rows(printed)
    assert list(rows) == ["bare Scrapy", "Scrapy + trafilatura -> JSONL", "thaipr -> Parquet"]
    for name, figures in rows.items():
        articles, seconds, rate, cpu_ms, main_mb, tree_mb, output_mb, other_load = figures
        assert articles == 30, name
        assert min(seconds, rate, cpu_ms, main_mb) > 0, name
        assert tree_mb >= main_mb, name
        assert output_mb >= 0 and other_load >= 0, name
    assert rows["Scrapy + trafilatura -> JSONL"][6] > 0  # JSON Lines written
    assert rows["thaipr -> Parquet"][6] > 0  # Parquet written
    assert re.search(r"thaipr/peer articles/s: \d+\.\d\d", printed)
    assert re.search(r"thaipr/bare articles/s: \d+\.\d\d", printed)


def test_profile_charges_the_crawl_to_its_stages(capsys: pytest.CaptureFixture[str]) -> None:
    assert profile_crawl.main(TINY) == 0
    rows = table_rows(capsys.readouterr().out)
    stages = {name.split(" (")[0] for name in rows}
    assert {
        "extraction",
        "row building",
        "Parquet writing",
        "state store",
        "parse",
        "fetch",
        "startup",
    } <= stages
    assert all(ms >= 0 for ms, *_ in rows.values())
    assert max(cumulative for *_, cumulative in rows.values()) == pytest.approx(100, abs=1)


def test_the_peer_is_plain_scrapy_and_trafilatura() -> None:
    """What a user would write: nothing of thaipr imported by the peer's module."""
    import ast
    import inspect

    import bench.peer_spider

    tree = ast.parse(inspect.getsource(bench.peer_spider))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    ours = {"crawler", "extract", "output", "thaipr", "bench", "tests"}
    assert not {name.split(".")[0] for name in imported} & ours
    assert "trafilatura" in imported and PeerSpider.name == "peer" and "body" in LEFT_OUT
