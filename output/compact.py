"""`thaipr compact`: one file per partition, superseded versions and orphan mention rows
dropped, old files upgraded to the current schema. Each partition's swap is journalled
(`output.files`), so a kill at any moment leaves either the old files or the new one, and
the next compaction or writer finishes the swap."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from output import ids
from output.files import (
    JOURNAL,
    Staging,
    apply_journal,
    compaction_lock,
    current_schema,
    data_files,
    file_metadata,
    has_files,
    part_name,
    recover_locked,
    write_journal,
    write_schema_files,
)
from output.schema import ARTICLES, ERRORS, TABLES, arrow_schema
from output.views import connect

_SEP = "\x1f"  # joins article_id and revision into one key
# Rows read at a time from an old file (2,048 articles: about 20 MB of text).
BATCH_ROWS = 2_048
# zstd level of compacted files: written once, read many times (level 9: ~20% smaller than
# the writer's default, for article bodies).
COMPRESSION_LEVEL = 9


@dataclass
class CompactReport:
    partitions: int = 0  # partitions rewritten
    files_before: int = 0
    files_after: int = 0
    rows_before: int = 0
    rows_after: int = 0
    recovered: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"compacted {self.partitions} partitions: {self.files_before} -> {self.files_after} "
            f"files, {self.rows_before} -> {self.rows_after} rows "
            f"({self.rows_before - self.rows_after} superseded or orphaned rows dropped)"
        )


def nothing_to_compact(data: Path) -> bool:
    """True when no table has a file and no compaction was left half-done."""
    journals = data / JOURNAL
    unfinished = journals.is_dir() and any(journals.iterdir())
    return not unfinished and not any(has_files(data, t) for t in TABLES)


def compact(data: Path | str) -> CompactReport:
    data = Path(data)
    if not data.is_dir():
        raise FileNotFoundError(f"no dataset at {data}")
    report = CompactReport()
    with compaction_lock(data):
        report.recovered = recover_locked(data)
        write_schema_files(data)
        live = _live_keys(data)
        run = ids.crawl_id("compact")
        staging = Staging(data, f"{run}-{os.getpid()}")
        try:
            for table in TABLES:
                for part in sorted({f.parent for f in data_files(data, table)}):
                    _compact_partition(data, table, part, live, staging, run, report)
        finally:
            staging.close()
    return report


def _live_keys(data: Path) -> pa.Array:
    """`article_id<US>revision` of every article's latest version."""
    con = connect(data)
    try:
        sql = f"SELECT article_id || '{_SEP}' || revision AS key FROM latest_revisions"
        return con.sql(sql).to_arrow_table()["key"].combine_chunks()
    finally:
        con.close()


def _compact_partition(
    data: Path,
    table: str,
    part: Path,
    live: pa.Array,
    staging: Staging,
    run: str,
    report: CompactReport,
) -> None:
    files = sorted(part.glob("*.parquet"))
    keyed = table != ERRORS.name
    if len(files) == 1 and current_schema(files):
        keys = pq.read_table(files[0], columns=["article_id", "revision"]) if keyed else None
        if keys is None or pc.all(_is_live(keys, live)).as_py() is not False:
            return  # already one current file of live rows
    out = staging.open(table, part_name(run), part, level=COMPRESSION_LEVEL)
    rows_before, versions = 0, set()
    for path in files:  # streamed batch by batch: memory stays bounded in a large partition
        with pq.ParquetFile(path) as old:
            for batch in old.iter_batches(batch_size=BATCH_ROWS):
                rows = _conform(pa.Table.from_batches([batch]), table)
                rows_before += rows.num_rows
                if keyed:
                    rows = rows.filter(_is_live(rows, live))
                if table == ARTICLES.name:
                    versions.update(pc.unique(rows["extractor_version"]).to_pylist())
                out.write(rows)
    staged = out.finish(file_metadata(table, run, versions))
    publish = [staged] if staged else []
    journal = write_journal(data, f"{run}-{table}-{part.parent.name}-{part.name}", publish, files)
    apply_journal(journal)
    if not publish and not any(part.iterdir()):
        part.rmdir()
    report.partitions += 1
    report.files_before += len(files)
    report.files_after += len(publish)
    report.rows_before += rows_before
    report.rows_after += out.rows


def _conform(table: pa.Table, name: str) -> pa.Table:
    """A file's rows in the current schema: columns added since it was written are null,
    types cast, column order the declared one."""
    schema = arrow_schema(name)
    columns = []
    for f in schema:
        if f.name in table.column_names:
            columns.append(table[f.name].cast(f.type))
        else:
            columns.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _is_live(table: pa.Table, live: pa.Array) -> pa.Array:
    keys = pc.binary_join_element_wise(table["article_id"], table["revision"], _SEP)
    return pc.is_in(keys, value_set=live)
