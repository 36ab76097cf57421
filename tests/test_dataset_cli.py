"""`thaipr extract --out`, `thaipr query`, `thaipr stats` and `thaipr compact` as a user runs
them, and the README's research questions answered on a real dataset."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.records import PROVINCES, page

THAIPR = [sys.executable, "-m", "thaipr"]
REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve stored pages extracted into a dataset with `thaipr extract --out`."""
    pages = tmp_path_factory.mktemp("pages")
    out = tmp_path_factory.mktemp("data")
    names = []
    for i in range(12):
        _, html = page(i)
        path = pages / f"{PROVINCES[i % 4][0]}-{i}.html"
        path.write_text(html, encoding="utf-8")
        names.append(str(path))
    result = run("extract", "--out", str(out), *names)
    assert result.returncode == 0, result.stderr
    assert "12 records into" in result.stderr
    assert result.stdout == ""  # with --out, nothing goes to stdout
    return out


def test_extract_out_writes_the_dataset_and_stdout_stays_empty(data: Path) -> None:
    result = run(
        "query",
        "--data",
        str(data),
        "--format",
        "json",
        "SELECT count(*) AS n, count(DISTINCT article_id) AS ids FROM articles",
    )
    assert json.loads(result.stdout) == {"n": 12, "ids": 12}


def test_extract_out_records_unreadable_files_as_errors(tmp_path: Path) -> None:
    _, html = page(0)
    good = tmp_path / "good.html"
    good.write_text(html, encoding="utf-8")
    result = run("extract", "--out", str(tmp_path / "d"), str(good), str(tmp_path / "gone.html"))
    assert result.returncode == 2
    assert "gone.html: No such file or directory" in result.stderr
    errors = run(
        "query",
        "--data",
        str(tmp_path / "d"),
        "--format",
        "csv",
        "SELECT url, stage, error_class FROM errors",
    )
    rows = list(csv.reader(io.StringIO(errors.stdout)))
    assert rows == [
        ["url", "stage", "error_class"],
        [str(tmp_path / "gone.html"), "read", "FileNotFoundError"],
    ]


def test_extracting_the_same_files_again_is_idempotent(tmp_path: Path) -> None:
    _, html = page(3)
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    for _ in range(2):
        assert run("extract", "--out", str(tmp_path / "d"), str(path)).returncode == 0
    out = run(
        "query",
        "--data",
        str(tmp_path / "d"),
        "--format",
        "csv",
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_versions)",
    )
    assert out.stdout.splitlines()[1] == "1,2"


def test_query_prints_an_aligned_table(data: Path) -> None:
    result = run(
        "query",
        "--data",
        str(data),
        "SELECT event_date, province_code, chair, venue FROM meetings ORDER BY event_date LIMIT 3",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["event_date", "province_code", "chair", "venue"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 3 + 1 and lines[-1] == "(3 rows)"
    assert re.match(r"20\d\d-\d\d-\d\d\s+TH-\d\d\s+\S", lines[2])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--data", "{missing}", "SELECT 1"], "no dataset at"),
        (["query", "--data", "{data}", "SELEC 1"], "Parser Error"),
        (["query", "--data", "{data}", "SELECT nope FROM articles"], "Binder Error"),
        (["stats", "--data", "{missing}"], "no dataset at"),
        (["compact", "--data", "{missing}"], "no dataset at"),
    ],
    ids=["query-missing", "query-syntax", "query-column", "stats-missing", "compact-missing"],
)
def test_bad_usage_is_one_line_and_status_2(data: Path, tmp_path: Path, args, message) -> None:
    args = [a.format(data=data, missing=tmp_path / "nowhere") for a in args]
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_stats_reports_tables_provinces_months_and_fill(data: Path) -> None:
    result = run("stats", "--data", str(data), "--format", "json")
    stats = json.loads(result.stdout)
    tables = {t["table"]: t for t in stats["tables"]}
    assert tables["articles"]["rows"] == 12
    assert {p["province"] for p in stats["provinces"]} == {code for _, _, code in PROVINCES}
    assert sum(m["articles"] for m in stats["months"]) == 12
    text = run("stats", "--data", str(data)).stdout
    assert "Fill rate per field" in text and "officials" in text


def test_compact_reports_and_keeps_answers(tmp_path: Path, data: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    before = run(
        "query",
        "--data",
        str(copy),
        "--format",
        "csv",
        "SELECT * FROM meetings ORDER BY article_id",
    )
    result = run("compact", "--data", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("compacted ")
    after = run(
        "query",
        "--data",
        str(copy),
        "--format",
        "csv",
        "SELECT * FROM meetings ORDER BY article_id",
    )
    assert after.stdout == before.stdout


def readme_queries() -> list[tuple[str, str]]:
    """The SQL blocks of the README's research questions, with their headings."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Research questions")[1].split("\n## ")[0]
    return re.findall(r"\*\*(.+?)\*\*[^\n]*\n\n```sql\n(.+?)```", section, re.S)


def test_readme_has_three_research_questions() -> None:
    assert len(readme_queries()) >= 3


@pytest.mark.parametrize("question", range(3))
def test_readme_research_questions_run(data: Path, question: int) -> None:
    heading, sql = readme_queries()[question]
    result = run("query", "--data", str(data), "--format", "json", sql)
    assert result.returncode == 0, f"{heading}: {result.stderr}"
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows, f"{heading}: no rows"


def test_extract_out_to_an_impossible_place_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    _, html = page(0)
    src = tmp_path / "p.html"
    src.write_text(html, encoding="utf-8")
    result = run("extract", "--out", str(blocker / "data"), str(src))
    assert result.returncode == 2
    assert result.stderr.startswith("thaipr extract: cannot write the dataset at")
    assert len(result.stderr.strip().splitlines()) == 1
