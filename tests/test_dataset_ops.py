"""Dataset operations: re-runs are idempotent and the latest fetch wins, compaction merges
and drops superseded rows without changing any answer, the views show each article once,
and the field guide matches the schema."""

import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from output import docs
from output.compact import compact
from output.files import data_files
from output.rows import Provenance, record_rows
from output.schema import TABLES
from output.stats import dataset_stats
from output.views import connect
from output.writer import DatasetWriter
from tests.records import record, records

REPO = Path(__file__).resolve().parent.parent
T0 = datetime(2024, 3, 1, tzinfo=UTC)


def count(data: Path, sql: str) -> int:
    row = connect(data).execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def raw_rows(data: Path, table: str) -> int:
    return sum(pq.read_metadata(f).num_rows for f in data_files(data, table))


def write(data: Path, recs: list[dict], fetched_at: datetime = T0, **kw) -> None:
    with DatasetWriter(data, **kw) as writer:
        for rec in recs:
            writer.add(rec, fetched_at=fetched_at)


def test_writing_the_same_articles_twice_gives_each_once(tmp_path: Path) -> None:
    write(tmp_path, records(12))
    write(tmp_path, records(12))
    assert count(tmp_path, "SELECT count(*) FROM article_versions") == 24
    assert count(tmp_path, "SELECT count(*) FROM articles") == 12
    assert count(tmp_path, "SELECT count(DISTINCT article_id) FROM articles") == 12
    assert count(tmp_path, "SELECT count(*) FROM officials") == 12
    assert count(tmp_path, "SELECT count(*) FROM meetings") == 12


def test_the_latest_fetch_wins_whatever_the_write_order(tmp_path: Path) -> None:
    newer = record(0, " (แก้ไข)")
    write(tmp_path, [newer], fetched_at=T0 + timedelta(days=1))
    write(tmp_path, [record(0)], fetched_at=T0)  # an older fetch, written later
    con = connect(tmp_path)
    assert con.execute("SELECT title FROM articles").fetchall() == [(newer["title"],)]
    # Re-extracting the same fetch: the later write wins.
    write(tmp_path, [record(0, " (สกัดใหม่)")], fetched_at=T0 + timedelta(days=1))
    titles = connect(tmp_path).execute("SELECT title FROM meetings").fetchall()
    assert titles == [(record(0, " (สกัดใหม่)")["title"],)]


def test_background_writing_gives_the_same_dataset_and_reports_every_commit(
    tmp_path: Path,
) -> None:
    reported: list[str] = []
    with DatasetWriter(
        tmp_path / "bg", flush_articles=3, background=True, on_commit=reported.extend
    ) as writer:
        ids = [writer.add(rec, fetched_at=T0) for rec in records(10)]
    write(tmp_path / "inline", records(10), flush_articles=3)
    assert sorted(reported) == sorted(ids)
    question = "SELECT article_id, title, event_date FROM articles ORDER BY article_id"
    assert (
        connect(tmp_path / "bg").execute(question).fetchall()
        == connect(tmp_path / "inline").execute(question).fetchall()
    )


def test_a_record_added_twice_in_one_buffer_is_written_once(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path) as writer:
        writer.add(record(0))
        writer.add(record(0, " v2"))
    assert raw_rows(tmp_path, "articles") == 1
    assert count(tmp_path, "SELECT count(*) FROM articles WHERE title LIKE '% v2'") == 1


@pytest.mark.parametrize("background", [False, True])
def test_a_record_added_again_in_a_later_chunk_keeps_only_its_latest_rows(
    tmp_path: Path, background: bool
) -> None:
    """Chunks of two records become Arrow before the flush; the first version of article 0
    sits in an earlier chunk than its second, in another partition."""
    moved = record(0, " v2")
    moved["event"] = {**moved["event"], "date": "2019-05-02"}
    with DatasetWriter(
        tmp_path, flush_articles=10, chunk_articles=2, background=background
    ) as writer:
        first = writer.add(record(0))
        for rec in records(4, start=1):
            writer.add(rec)
        assert writer.add(moved) == first
    assert raw_rows(tmp_path, "articles") == 5
    assert count(tmp_path, "SELECT count(*) FROM articles WHERE title LIKE '% v2'") == 1
    assert (
        count(tmp_path, f"SELECT year(event_date) FROM articles WHERE article_id = '{first}'")
        == 2019
    )
    officials = count(tmp_path, f"SELECT count(*) FROM officials WHERE article_id = '{first}'")
    assert officials == len(moved["officials"]) > 0


@pytest.mark.parametrize("background", [False, True])
def test_a_full_buffer_writes_its_largest_partitions_and_keeps_the_small_ones(
    tmp_path: Path, background: bool
) -> None:
    """Articles 0, 12, 24… share one partition (2022); 4 and 8 have one each (2023, 2024).
    The eighth record fills the buffer: the large partition is written, the two small ones
    wait for the end, their articles and tokens reported only once published."""
    committed: list[str] = []
    durable: list[object] = []
    large, small = [12 * n for n in range(7)], [4, 8]
    with DatasetWriter(
        tmp_path,
        flush_articles=8,
        chunk_articles=2,
        background=background,
        on_commit=committed.extend,
        on_durable=durable.extend,
    ) as writer:
        ids = {i: writer.add(record(i), fetched_at=T0, token=i) for i in small + large[:6]}
        writer.wait()
        assert sorted(committed) == sorted(ids[i] for i in large[:6])
        assert sorted(durable) == large[:6]
        assert {f.parent.name for f in data_files(tmp_path, "articles")} == {"year=2022"}
        writer.add(record(4, " v2"), fetched_at=T0, token="4 again")
        ids[72] = writer.add(record(72), fetched_at=T0, token=72)
    assert sorted(committed) == sorted(ids.values())
    assert sorted(map(str, durable)) == sorted(map(str, [*small, *large, "4 again"]))
    assert raw_rows(tmp_path, "articles") == 9  # the first version of 4 was never written
    assert count(tmp_path, "SELECT count(*) FROM articles WHERE title LIKE '% v2'") == 1
    assert raw_rows(tmp_path, "officials") == count(tmp_path, "SELECT count(*) FROM officials")
    files = [f.parent for f in data_files(tmp_path, "articles")]
    assert len(files) == 4 and len(set(files)) == 3  # the large partition was written twice


def test_the_flush_interval_publishes_what_waits_without_a_full_buffer(tmp_path: Path) -> None:
    """Once `flush_seconds` have passed, the next record publishes everything waiting; until
    then a buffer that is not full publishes nothing."""
    now = tmp_path / "interval-0"
    with DatasetWriter(now, flush_articles=100, flush_seconds=0) as writer:
        writer.add(record(0), fetched_at=T0)
        writer.add(record(1), fetched_at=T0)
        assert raw_rows(now, "articles") == 2
    later = tmp_path / "interval-1h"
    with DatasetWriter(later, flush_articles=100, flush_seconds=3600) as writer:
        for i in range(5):
            writer.add(record(i), fetched_at=T0)
        assert not data_files(later, "articles")
    assert raw_rows(later, "articles") == 5


def test_rows_given_pickled_as_workers_send_them_write_what_records_write(
    tmp_path: Path,
) -> None:
    write(tmp_path / "records", records(6))
    with DatasetWriter(tmp_path / "rows", chunk_articles=4, background=True) as writer:
        for i, rec in enumerate(records(6)):
            aid = f"nongkhai:{i}"
            rows = record_rows(rec, Provenance.new(aid, writer.crawl_id, "nongkhai", T0))
            writer.add_rows(aid, pickle.dumps(rows) if i % 2 else rows)
    question = "SELECT title, event_date, chair FROM meetings ORDER BY title"
    answers = connect(tmp_path / "rows").execute(question).fetchall()
    assert answers == connect(tmp_path / "records").execute(question).fetchall()
    assert len(answers) == 6


def test_compaction_leaves_one_file_per_partition_and_the_same_answers(tmp_path: Path) -> None:
    for start in (0, 8, 16):
        write(tmp_path, records(16, start=start), flush_articles=5)
    questions = [
        "SELECT count(*) FROM articles",
        "SELECT count(*) FROM officials",
        "SELECT count(*) FROM venues",
        "SELECT count(*) FROM dates",
        "SELECT count(*) FROM meetings WHERE chair IS NOT NULL",
    ]
    before = [count(tmp_path, q) for q in questions]
    files_before = len(data_files(tmp_path, "articles"))
    report = compact(tmp_path)
    assert [count(tmp_path, q) for q in questions] == before
    assert before[0] == 32
    partitions = {f.parent for f in data_files(tmp_path, "articles")}
    assert len(data_files(tmp_path, "articles")) == len(partitions) < files_before
    for table in TABLES:
        dirs = [f.parent for f in data_files(tmp_path, table)]
        assert len(dirs) == len(set(dirs)), f"{table} has a partition with several files"
    assert raw_rows(tmp_path, "articles") == 32  # superseded versions are gone from the files
    assert raw_rows(tmp_path, "officials") == count(tmp_path, "SELECT count(*) FROM officials")
    assert report.rows_before > report.rows_after
    assert "compacted" in report.line()
    again = compact(tmp_path)
    assert again.partitions == 0  # nothing left to do


def test_compaction_drops_orphan_mentions(tmp_path: Path) -> None:
    write(tmp_path, records(4))
    for path in data_files(tmp_path, "articles"):
        path.unlink()  # as if killed after the mentions were published, before their article
    assert raw_rows(tmp_path, "officials") == 4
    assert count(tmp_path, "SELECT count(*) FROM officials") == 0
    compact(tmp_path)
    assert raw_rows(tmp_path, "officials") == 0
    assert not data_files(tmp_path, "officials")


def test_compaction_keeps_every_error(tmp_path: Path) -> None:
    for n in range(3):
        with DatasetWriter(tmp_path) as writer:
            writer.add_error(f"https://x.prd.go.th/{n}", "fetch", "TimeoutError", "timed out")
    compact(tmp_path)
    assert len(data_files(tmp_path, "errors")) == 1
    assert count(tmp_path, "SELECT count(*) FROM errors") == 3


def test_stats_count_rows_provinces_months_and_fill(tmp_path: Path) -> None:
    recs = records(8)
    write(tmp_path, recs)
    write(tmp_path, recs[:2])
    stats = dataset_stats(tmp_path)
    tables = {t[0]: t for t in stats.tables}
    assert tables["articles"][1:3] == (8, 10)
    by_province = {code: n for code, _, n in stats.provinces}
    assert by_province == {c: sum(r["province"]["code"] == c for r in recs) for c in by_province}
    assert sum(n for _, n in stats.months) == 8
    fill = {(t, f): rate for t, f, _, rate in stats.fill}
    assert fill["articles", "title"] == 1.0
    assert fill["articles", "event_end_date"] == 0.0
    assert fill["articles", "officials"] == 1.0


def test_empty_dataset_has_typed_empty_views(tmp_path: Path) -> None:
    con = connect(tmp_path)
    assert con.execute("SELECT count(*) FROM meetings").fetchone() == (0,)
    columns = [d[0] for d in con.execute("SELECT * FROM officials").description]
    assert "honorific" in columns and "province" in columns


def test_field_guide_is_current() -> None:
    guide = (REPO / "docs" / "fields.md").read_text(encoding="utf-8")
    assert guide == docs.render(), "docs/fields.md is stale: python -m output.docs > docs/fields.md"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_field_guide_describes_every_field(table: str) -> None:
    guide = docs.render()
    section = guide.split(f"## `{table}`")[1].split("\n## ")[0]
    for f in TABLES[table].fields:
        assert f"| `{f.name}` |" in section
        assert f.description
