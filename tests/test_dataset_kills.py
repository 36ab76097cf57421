"""SIGKILL during a Parquet write and during compaction, at exact points
(`output.failpoints`) and at arbitrary moments: every file stays readable, the views never
show half an article or an article twice, nothing the writer reported committed is lost, and
a re-run completes the dataset with every article exactly once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from output.compact import compact
from output.failpoints import ENV
from output.files import STAGING, data_files
from output.schema import TABLES
from output.views import connect

ARTICLES = 60
FLUSH = 10


def worker(*args: str, kill_at: str | None = None) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if kill_at:
        env[ENV] = kill_at
    return subprocess.Popen(
        [sys.executable, "-m", "tests.dataset_worker", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def write_all(data: Path, log: Path | None = None, kill_at: str | None = None) -> int:
    args = ["write", str(data), "--count", str(ARTICLES), "--flush", str(FLUSH)]
    proc = worker(*args, *(["--log", str(log)] if log else []), kill_at=kill_at)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, -signal.SIGKILL), err.decode()
    return proc.returncode


def assert_consistent(data: Path) -> set[str]:
    """Every published file reads; views show whole articles, each once. Returns the ids."""
    for table in TABLES:
        for path in data_files(data, table):
            pq.read_table(path)
    con = connect(data)
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    assert len(ids) == len(set(ids)), "an article appears twice"
    # Every test article has exactly one official, one venue and two credits.
    for table, per_article in (("officials", 1), ("venues", 1), ("credits", 2)):
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert n == (per_article * len(ids),), f"{table} does not match the articles"
    return set(ids)


def committed(log: Path) -> set[str]:
    return set(log.read_text(encoding="utf-8").split()) if log.exists() else set()


WRITER_POINTS = [
    "writer.staged",
    "writer.staged:3",
    "writer.published_one",
    "writer.published_one:12",
    "writer.published_all:2",
]


@pytest.mark.parametrize("point", WRITER_POINTS)
def test_writer_killed_at_a_point_loses_nothing_committed(tmp_path: Path, point: str) -> None:
    data, log = tmp_path / "data", tmp_path / "commits.log"
    assert write_all(data, log, kill_at=point) == -signal.SIGKILL
    promised = committed(log)
    visible = assert_consistent(data)
    assert promised <= visible
    assert len(visible) < ARTICLES
    assert write_all(data) == 0  # the re-run: a scheduled crawl after the kill
    assert len(assert_consistent(data)) == ARTICLES
    assert not any((data / STAGING).iterdir()), "the killed writer's staging was left behind"
    compact(data)
    assert sum(pq.read_metadata(f).num_rows for f in data_files(data, "articles")) == ARTICLES


@pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])
@pytest.mark.parametrize("delay", [0.4, 0.8, 1.2, 1.6, 2.0])
def test_writer_killed_at_any_moment_loses_nothing_committed(
    tmp_path: Path, delay: float, background: bool
) -> None:
    data, log = tmp_path / "data", tmp_path / "commits.log"
    extra = ["--background"] if background else []
    proc = worker("write", str(data), "--count", "400", "--flush", "7", "--log", str(log), *extra)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert committed(log) <= assert_consistent(data)


COMPACT_POINTS = ["compact.journalled", "compact.swapped_one", "compact.swapped_one:9"]


@pytest.mark.parametrize("point", COMPACT_POINTS)
def test_compaction_killed_at_a_point_changes_no_answer(tmp_path: Path, point: str) -> None:
    data = tmp_path / "data"
    assert write_all(data) == 0
    assert write_all(data) == 0  # every article twice: compaction has versions to drop
    before = assert_consistent(data)
    proc = worker("compact", str(data), kill_at=point)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    assert assert_consistent(data) == before  # the reader rolls the swap forward
    report = compact(data)
    assert assert_consistent(data) == before
    assert sum(pq.read_metadata(f).num_rows for f in data_files(data, "articles")) == ARTICLES
    assert report.partitions > 0
