"""`thaipr query`, `thaipr stats` and `thaipr compact` given what is no dataset, an empty
dataset, empty SQL, a damaged or read-only dataset: one line and status 2, or a note and
status 0. The real command on datasets made by `thaipr extract --out`."""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from output.files import data_files
from tests.records import page

THAIPR = [sys.executable, "-m", "thaipr"]
COMMANDS = (
    ["stats", "--format", "json"],
    ["query", "--format", "json", "SELECT count(*) AS n FROM articles"],
    ["compact"],
)
IDS = ["stats", "query", "compact"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *args], capture_output=True, text=True, timeout=120)


def on(data: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    """`thaipr <command> --data DATA <its other arguments>`."""
    return run(command[0], "--data", str(data), *command[1:])


def one_line(result: subprocess.CompletedProcess[str], command: str) -> str:
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"thaipr {command}: "), line
    return line.removeprefix(f"thaipr {command}: ")


def extract_into(out: Path, *names: str) -> None:
    result = run("extract", "--out", str(out), *names)
    assert "records into" in result.stderr, result.stderr


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two stored pages extracted into a dataset."""
    pages = tmp_path_factory.mktemp("pages")
    names = []
    for i in range(2):
        path = pages / f"p{i}.html"
        path.write_text(page(i)[1], encoding="utf-8")
        names.append(str(path))
    out = tmp_path_factory.mktemp("data") / "data"
    extract_into(out, *names)
    return out


def not_datasets(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty"
    empty.mkdir()
    unrelated = tmp_path / "photos"
    (unrelated / "images").mkdir(parents=True)  # a table's name, but no Parquet in it
    (unrelated / "notes.txt").write_text("not a dataset", encoding="utf-8")
    (unrelated / "images" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    a_file = tmp_path / "data.parquet"
    a_file.write_bytes(b"PAR1")
    return {"empty": empty, "unrelated": unrelated, "file": a_file}


def listing(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.is_dir() else []


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
@pytest.mark.parametrize("kind", ["empty", "unrelated"])
def test_a_folder_that_is_no_dataset_is_refused_untouched(
    tmp_path: Path, command: list[str], kind: str
) -> None:
    folder = not_datasets(tmp_path)[kind]
    before = listing(folder)
    result = on(folder, command)
    assert result.returncode == 2
    assert result.stdout == ""
    assert one_line(result, command[0]) == (
        f"{folder} is not a thaipr dataset (no articles table); crawl into it with "
        f"`thaipr crawl --out {folder}`, or give --data the dataset's folder"
    )
    assert listing(folder) == before  # compact wrote no lock, schema or staging in it


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_file_or_nothing_is_refused(tmp_path: Path, command: list[str]) -> None:
    a_file = not_datasets(tmp_path)["file"]
    result = on(a_file, command)
    assert result.returncode == 2
    assert one_line(result, command[0]).startswith(f"{a_file} is a file, not a dataset; ")
    missing = on(tmp_path / "nowhere", command)
    assert missing.returncode == 2
    assert one_line(missing, command[0]).startswith(f"no dataset at {tmp_path / 'nowhere'} ")


def test_the_dataset_a_folder_holds_or_belongs_to_is_named(tmp_path: Path, dataset: Path) -> None:
    holder = tmp_path / "project"
    shutil.copytree(dataset, holder / "data")
    (holder / "notes").mkdir()
    result = run("stats", "--data", str(holder))
    assert result.returncode == 2
    assert one_line(result, "stats").endswith(f"it holds one; give --data {holder / 'data'}")
    table = run("stats", "--data", str(dataset / "articles"))
    assert table.returncode == 2
    assert one_line(table, "stats") == (
        f"{dataset / 'articles'} is a table, not a dataset; give --data {dataset}"
    )


def empty_datasets(tmp_path: Path) -> dict[str, Path]:
    """A dataset a crawl made but stored nothing in yet (its state folder only), and one that
    holds only the error of a file that was not there."""
    crawled = tmp_path / "crawled"
    (crawled / "_crawl").mkdir(parents=True)
    failed = tmp_path / "failed"
    extract_into(failed, str(tmp_path / "gone.html"))
    return {"crawled": crawled, "failed": failed}


@pytest.mark.parametrize("kind", ["crawled", "failed"])
def test_an_empty_dataset_is_said_to_be_empty(tmp_path: Path, kind: str) -> None:
    data = empty_datasets(tmp_path)[kind]
    empty = f"the dataset at {data} is empty (no article yet)"

    stats = run("stats", "--data", str(data), "--format", "json")
    assert stats.returncode == 0
    assert one_line(stats, "stats") == f"{empty}; crawl into it with `thaipr crawl --out {data}`"
    tables = {t["table"]: t["rows"] for t in json.loads(stats.stdout)["tables"]}
    assert tables["articles"] == 0 and tables["errors"] == (kind == "failed")

    query = run(
        "query", "--data", str(data), "--format", "json", "SELECT count(*) AS n FROM articles"
    )
    assert query.returncode == 0
    assert json.loads(query.stdout) == {"n": 0}
    assert one_line(query, "query") == empty

    compact = run("compact", "--data", str(data))
    assert compact.returncode == 0
    if kind == "crawled":
        assert one_line(compact, "compact") == f"{empty}; nothing to compact"
        assert compact.stdout == ""
    else:  # the error row's file is compacted as any other
        assert compact.stdout.startswith("compacted ")


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("", "the SQL is empty"),
        ("  \n\t", "the SQL is empty"),
        ("-- what was I asking?", "the SQL holds no statement, only comments"),
    ],
    ids=["empty", "blank", "comment"],
)
def test_empty_sql_is_one_line_and_status_2(dataset: Path, sql: str, problem: str) -> None:
    result = run("query", "--data", str(dataset), sql)
    assert result.returncode == 2
    assert result.stdout == ""
    assert one_line(result, "query") == (
        f'{problem}; give a statement, e.g. "SELECT * FROM meetings LIMIT 5"'
    )


def test_bad_sql_says_to_check_it(dataset: Path) -> None:
    result = run("query", "--data", str(dataset), "SELECT nope FROM articles")
    assert result.returncode == 2
    line = one_line(result, "query")
    assert line.startswith("Binder Error: ") and line.endswith(
        "; check the SQL (`thaipr query --help` lists the views)"
    )


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_damaged_dataset_is_one_line(tmp_path: Path, dataset: Path, command: list[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy)
    damaged = data_files(copy, "articles")[0]
    damaged.write_bytes(damaged.read_bytes()[:200])  # a copy cut short
    result = on(copy, command)
    assert result.returncode == 2
    line = one_line(result, command[0])
    assert line.startswith(f"cannot read the dataset at {copy} (")
    assert damaged.name in line and "Traceback" not in result.stderr


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` made unwritable: by its mode, or for root (whom modes do not stop) by the
    immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode:
        pytest.skip(f"chattr +i refused: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_compacting_a_read_only_dataset_is_one_line(tmp_path: Path, dataset: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy)
    (copy / "_compact.lock").unlink(missing_ok=True)
    with read_only(copy):
        result = run("compact", "--data", str(copy))
        stats = run("stats", "--data", str(copy))
    assert result.returncode == 2
    assert one_line(result, "compact").startswith(f"cannot write the dataset at {copy} (")
    assert stats.returncode == 0  # reading it still works


def test_a_dataset_answers_as_before(dataset: Path) -> None:
    """The checks let a dataset through: no note, status 0."""
    for command in COMMANDS[:2]:
        result = on(dataset, command)
        assert result.returncode == 0 and result.stderr == "", result.stderr
    query = run(
        "query", "--data", str(dataset), "--format", "json", "SELECT count(*) AS n FROM articles"
    )
    assert json.loads(query.stdout) == {"n": 2}
