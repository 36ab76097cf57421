"""The Parquet dataset on disk: what is written reads back the same in DuckDB, pandas and
Polars; bad rows are refused before anything is written; the layout prunes; old files stay
readable after the schema grows."""

import math
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from output.compact import compact
from output.files import data_files, glob_of, schema_file
from output.rows import Provenance, record_rows
from output.schema import SCHEMA_VERSION, TABLES, arrow_schema
from output.validate import SchemaError, check_rows
from output.views import connect
from output.writer import DatasetWriter
from tests.records import record, records

PARTITIONS = ("year",)
FETCHED = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    data = tmp_path_factory.mktemp("data")
    recs = records(24)
    with DatasetWriter(data, "test-crawl", flush_articles=10) as writer:
        for rec in recs:
            writer.add(rec, fetched_at=FETCHED)
    return data, recs


def _plain(value: Any) -> Any:
    """Reader-specific values (numpy, pandas, NaN) as plain Python."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)  # pandas turns an int column with nulls into floats
    return value


def _sorted(rows: list[dict[str, Any]], table: str) -> list[dict[str, Any]]:
    key = TABLES[table].key
    rows = [{k: _plain(v) for k, v in r.items() if k not in PARTITIONS} for r in rows]
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in key))


def read_pyarrow(data: Path, table: str) -> list[dict[str, Any]]:
    return _sorted(
        pa.concat_tables(pq.read_table(f) for f in data_files(data, table)).to_pylist(), table
    )


def read_duckdb(data: Path, table: str) -> list[dict[str, Any]]:
    sql = f"SELECT * FROM read_parquet('{glob_of(data, table)}', hive_partitioning = true)"
    return _sorted(duckdb.sql(sql).to_arrow_table().to_pylist(), table)


def read_pandas(data: Path, table: str) -> list[dict[str, Any]]:
    return _sorted(pd.read_parquet(data / table).to_dict("records"), table)


def read_polars(data: Path, table: str) -> list[dict[str, Any]]:
    frame = pl.read_parquet(glob_of(data, table), hive_partitioning=True)
    return _sorted(frame.to_dicts(), table)


@pytest.mark.parametrize(
    "reader", [read_duckdb, read_pandas, read_polars], ids=lambda f: f.__name__
)
@pytest.mark.parametrize(
    "table", ["articles", "officials", "venues", "dates", "networks", "credits", "images"]
)
def test_every_reader_reads_back_what_was_written(dataset, reader, table) -> None:
    data, _ = dataset
    written = read_pyarrow(data, table)
    assert written, f"{table} is empty"
    assert reader(data, table) == written


def test_the_rows_hold_the_records_values(dataset) -> None:
    data, recs = dataset
    rows = {r["article_id"]: r for r in read_pyarrow(data, "articles")}
    assert len(rows) == len(recs)
    for rec in recs:
        iid = rec["url"].rsplit("/", 1)[1]
        row = rows[f"{rec['url'].split('//')[1].split('.')[0]}:{iid}"]
        assert row["title"] == rec["title"]
        assert row["body"] == rec["body"]
        assert row["event_date"] == date.fromisoformat(rec["event"]["date"])
        assert row["event_time"] == rec["event"]["time"]
        assert row["province_code"] == rec["province"]["code"]
        assert row["fetched_at"] == FETCHED
        assert row["crawl_id"] == "test-crawl"
        official, chair = row["officials"][0], rec["officials"][0]
        assert (official["name"], official["role"]) == (chair["name"], chair["role"])
        assert rec["body"][official["span_start"] : official["span_end"]].find(chair["name"]) >= 0
        assert [v["text"] for v in row["venues"]] == [v["text"] for v in rec["venues"]]
        assert [c["name"] for c in row["credits"]] == [c["name"] for c in rec["credits"]]


def test_flat_tables_carry_the_articles_keys(dataset) -> None:
    data, _ = dataset
    con = connect(data)
    orphans = con.execute(
        "SELECT count(*) FROM officials o ANTI JOIN articles a USING (article_id, revision)"
    ).fetchone()
    assert orphans == (0,)
    mismatched = con.execute(
        "SELECT count(*) FROM venues v JOIN articles a USING (article_id) "
        "WHERE v.province_code IS DISTINCT FROM a.province_code OR v.event_date <> a.event_date"
    ).fetchone()
    assert mismatched == (0,)


def test_layout_is_hive_partitioned_by_year_with_the_province_in_every_file(dataset) -> None:
    data, recs = dataset
    for table in TABLES:
        for path in data_files(data, table):
            rel = path.relative_to(data / table).parts
            assert len(rel) == 2 and rel[0].startswith("year=20")
            assert rel[1].startswith(f"part-v{SCHEMA_VERSION}-") and rel[1].endswith(".parquet")
            provinces = pq.read_table(path, columns=["province", "province_code"])
            for province, code in zip(*provinces.to_pydict().values(), strict=True):
                assert province == (code or "TH")
    years = {r["event"]["date"][:4] for r in recs}
    assert {p.name for p in (data / "articles").iterdir()} == {f"year={y}" for y in years}


def test_files_carry_versions_and_crawl_in_metadata(dataset) -> None:
    data, _ = dataset
    meta = pq.read_schema(data_files(data, "articles")[0]).metadata
    assert meta[b"thaipr.schema_version"] == SCHEMA_VERSION.encode()
    assert meta[b"thaipr.crawl_id"] == b"test-crawl"
    assert meta[b"thaipr.extractor_version"] == record(0)["extractor_version"].encode()
    assert meta[b"thaipr.table"] == b"articles"


def test_columns_have_the_declared_types(dataset) -> None:
    data, _ = dataset
    schema = pq.read_schema(data_files(data, "articles")[0])
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fetched_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert schema.remove_metadata().equals(arrow_schema("articles"))
    column = pq.ParquetFile(data_files(data, "articles")[0]).metadata.row_group(0)
    names = [column.column(i).path_in_schema for i in range(column.num_columns)]
    template = column.column(names.index("template"))
    assert template.compression == "ZSTD"
    assert "RLE_DICTIONARY" in template.encodings
    assert "RLE_DICTIONARY" not in column.column(names.index("body")).encodings


# --- validation -------------------------------------------------------------------------


def _prov() -> Provenance:
    return Provenance("nongkhai:1", "r1", "c1", FETCHED, FETCHED, "nongkhai")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(surprise=1), "record field 'surprise' is not in the schema"),
        (lambda r: r["event"].update(mood="x"), "record field event.mood is not in the schema"),
        (lambda r: r.update(body=None), "body is required but missing"),
        (lambda r: r.update(template=None), "template is required but missing"),
        (lambda r: r["event"].update(date="19 ม.ค.66"), "event_date: Invalid isoformat"),
        (lambda r: r.update(networks_stated_count="3"), "networks_stated_count must be int32"),
        (lambda r: r["officials"][0].update(name=None), "officials[0]: name is required"),
        (lambda r: r["officials"][0].update(nickname="x"), "unknown field(s) nickname"),
        (lambda r: r.update(officials="x"), "officials must be a list"),
    ],
    ids=[
        "unknown-key",
        "unknown-subkey",
        "missing-body",
        "missing-template",
        "bad-date",
        "bad-int",
        "missing-item-value",
        "unknown-item-key",
        "not-a-list",
    ],
)
def test_bad_records_are_refused_with_a_clear_error(change, message) -> None:
    rec = record(0)
    rec["event"] = dict(rec["event"])
    rec["officials"] = [dict(o) for o in rec["officials"]]
    change(rec)
    with pytest.raises(SchemaError, match=re.escape(message)):
        record_rows(rec, _prov())


def test_rows_with_unknown_missing_or_duplicate_keys_are_refused() -> None:
    rows = record_rows(record(0), _prov())["officials"]
    with pytest.raises(SchemaError, match="unknown field"):
        check_rows("officials", [{**rows[0], "extra": 1}])
    short = dict(rows[0])
    del short["name"]
    with pytest.raises(SchemaError, match="missing field"):
        check_rows("officials", [short])
    with pytest.raises(SchemaError, match="duplicate key"):
        check_rows("officials", [rows[0], rows[0]])


def test_a_bad_record_writes_nothing_and_keeps_the_good_ones(tmp_path: Path) -> None:
    bad = record(1)
    bad["body"] = None
    with DatasetWriter(tmp_path) as writer:
        writer.add(record(0))
        with pytest.raises(SchemaError):
            writer.add(bad)
        assert writer.pending == 1
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_a_refused_record_leaves_no_file(tmp_path: Path) -> None:
    bad = record(0)
    bad["surprise"] = True
    with DatasetWriter(tmp_path) as writer, pytest.raises(SchemaError):
        writer.add(bad)
    assert not any(data_files(tmp_path, t) for t in TABLES)


# --- partition pruning ------------------------------------------------------------------


def _corrupt_other_partitions(data: Path, keep: str) -> None:
    """Overwrite every file outside `keep` with garbage: a reader that opens one fails."""
    for path in data_files(data, "articles"):
        if keep not in str(path):
            path.write_bytes(b"not parquet at all")


def test_filters_on_partition_columns_skip_other_files(tmp_path: Path) -> None:
    recs = records(16)
    with DatasetWriter(tmp_path) as writer:
        for rec in recs:
            writer.add(rec)
    expected = sum(
        r["province"]["code"] == "TH-43" and r["event"]["date"][:4] == "2022" for r in recs
    )
    assert 0 < expected < len(recs)
    _corrupt_other_partitions(tmp_path, "year=2022")
    glob = glob_of(tmp_path, "articles")
    pruned = duckdb.execute(
        f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true) "
        "WHERE province = 'TH-43' AND year = 2022"
    ).fetchone()
    assert pruned == (expected,)
    with pytest.raises(duckdb.Error):
        duckdb.execute(f"SELECT count(*) FROM read_parquet('{glob}')").fetchone()
    frame = pl.scan_parquet(glob, hive_partitioning=True)
    assert (
        frame.filter((pl.col("province") == "TH-43") & (pl.col("year") == 2022)).collect().height
        == expected
    )
    dataset = ds.dataset(tmp_path / "articles", format="parquet", partitioning="hive")
    assert (
        dataset.to_table(
            filter=(ds.field("province") == "TH-43") & (ds.field("year") == 2022)
        ).num_rows
        == expected
    )


# --- schema evolution -------------------------------------------------------------------


@pytest.fixture
def grown(tmp_path: Path) -> Path:
    """A dataset with files from before a column (`warnings`) existed, then newer files:
    what a schema upgrade leaves behind."""
    with DatasetWriter(tmp_path) as writer:
        for rec in records(4):
            writer.add(rec)
    for path in data_files(tmp_path, "articles"):
        old = pq.read_table(path)
        old = old.drop_columns(["warnings"]).replace_schema_metadata(
            {**old.schema.metadata, b"thaipr.schema_version": b"0"}
        )
        older = path.name.replace(f"part-v{SCHEMA_VERSION}-", "part-v0-")
        pq.write_table(old, path.with_name(older))
        path.unlink()
    with DatasetWriter(tmp_path) as writer:
        for rec in records(4, start=4):
            rec["warnings"] = ["checked"]
            writer.add(rec)
    return tmp_path


def test_old_files_read_with_duckdb_union_by_name(grown: Path) -> None:
    glob = glob_of(grown, "articles")
    rows = duckdb.execute(
        f"SELECT warnings FROM read_parquet('{glob}', union_by_name = true)"
    ).fetchall()
    assert sorted(map(str, rows)) == sorted(["(None,)"] * 4 + ["(['checked'],)"] * 4)


def test_old_files_read_with_polars_and_the_schema_file(grown: Path) -> None:
    schema = pl.read_parquet_schema(schema_file(grown, "articles"))
    frame = pl.scan_parquet(
        glob_of(grown, "articles"), schema=schema, missing_columns="insert", hive_partitioning=True
    ).collect()
    assert frame.height == 8
    assert frame["warnings"].null_count() == 4


def test_old_files_read_with_pandas_and_the_schema_file(grown: Path) -> None:
    schema = pq.read_schema(schema_file(grown, "articles"))
    frame = pd.read_parquet(grown / "articles", schema=schema)
    assert len(frame) == 8
    assert frame["warnings"].isna().sum() == 4


def test_views_and_compaction_read_old_files(grown: Path) -> None:
    from output.compact import compact

    con = connect(grown)
    assert con.execute("SELECT count(*), count(warnings) FROM articles").fetchone() == (8, 4)
    compact(grown)
    for path in data_files(grown, "articles"):
        assert pq.read_schema(path).metadata[b"thaipr.schema_version"] == SCHEMA_VERSION.encode()
    # After compaction every file has the current schema: plain one-liners work again.
    assert pd.read_parquet(grown / "articles")["warnings"].isna().sum() == 4
    assert pl.read_parquet(glob_of(grown, "articles"))["warnings"].null_count() == 4


def _as_written_before_schema_4(data: Path) -> None:
    """Rewrite a dataset the way thaipr wrote it before schema 4: partitioned by province,
    then year, `province` in the path only, schema 3 in the files' names."""
    for table in TABLES:
        for path in data_files(data, table):
            rows = pq.read_table(path)
            for province in pc.unique(rows["province"]).to_pylist():
                part = rows.filter(pc.equal(rows["province"], province)).drop_columns(["province"])
                folder = data / table / f"province={province}" / path.parent.name
                folder.mkdir(parents=True, exist_ok=True)
                pq.write_table(
                    part, folder / path.name.replace(f"part-v{SCHEMA_VERSION}-", "part-v3-")
                )
            path.unlink()
            if not any(path.parent.iterdir()):
                path.parent.rmdir()


def _provinces(data: Path, table: str) -> list[tuple[Any, ...]]:
    key = "url" if table == "errors" else "article_id"
    return connect(data).sql(f"SELECT {key}, province, year FROM {table} ORDER BY ALL").fetchall()


def test_datasets_of_the_layout_before_schema_4_read_and_compact_into_the_current_one(
    tmp_path: Path,
) -> None:
    with DatasetWriter(tmp_path) as writer:
        for rec in records(12):
            writer.add(rec)
        writer.add_error(
            "https://x.prd.go.th/1", "fetch", "HttpError", "503", province_code="TH-43"
        )
    before = {t: _provinces(tmp_path, t) for t in TABLES}
    assert any(row[1] == "TH-43" for row in before["articles"])
    assert before["errors"][0][1] == "TH-43"
    _as_written_before_schema_4(tmp_path)
    assert all(p.parent.parent.name.startswith("province=") for p in data_files(tmp_path, "dates"))
    with DatasetWriter(tmp_path) as writer:  # a newer thaipr adds to the old dataset
        newer = [writer.add(rec) for rec in records(4, start=12)]
    after = {t: _provinces(tmp_path, t) for t in TABLES}
    for table, rows in before.items():
        assert [row for row in after[table] if row[0] not in newer] == rows
    assert len(after["articles"]) == 16
    report = compact(tmp_path)
    assert report.files_after < report.files_before
    for table in TABLES:
        for path in data_files(tmp_path, table):
            assert path.relative_to(tmp_path / table).parts[0].startswith("year=")
            assert path.name.startswith(f"part-v{SCHEMA_VERSION}-")
        assert not any((tmp_path / table).glob("province=*"))
        assert _provinces(tmp_path, table) == after[table]
    frame = pd.read_parquet(tmp_path / "officials")  # the one-liner, after compaction
    assert set(frame["province"]) == {row[1] for row in after["officials"]}


@pytest.mark.parametrize(("chosen", "expected"), [(None, "jemalloc"), ("system", "system")])
def test_arrow_allocates_with_jemalloc_unless_the_user_chose_another_allocator(
    chosen: str | None, expected: str
) -> None:
    """mimalloc, Arrow's default, kept about 70 MB more of a crawl's batches, and glibc's
    fragmented (see output/__init__.py)."""
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if chosen:
        env["ARROW_DEFAULT_MEMORY_POOL"] = chosen
    code = "import output.writer, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == expected
