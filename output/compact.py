"""`thaipr compact`: one file per partition, superseded versions and orphan mention rows
dropped, old files upgraded to the current schema (files of schemas before 4, partitioned
by province too, are moved up into their year's file). Each partition's swap is journalled
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
    legacy_layout,
    legacy_province,
    part_name,
    recover_locked,
    write_journal,
    write_schema_files,
)
from output.schema import ARTICLES, ERRORS, PROVINCE, TABLES, arrow_schema
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
                partitions: dict[Path, list[Path]] = {}
                for path in data_files(data, table):
                    partitions.setdefault(_partition(data, table, path), []).append(path)
                for part, files in sorted(partitions.items()):
                    _compact_partition(data, table, part, files, live, staging, run, report)
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


def _partition(data: Path, table: str, path: Path) -> Path:
    """The partition directory a file's rows belong in: a file of the old layout
    (`province=…/year=…/`) goes to its year's."""
    return data / table / path.parent.name if legacy_layout(path) else path.parent


def _compact_partition(
    data: Path,
    table: str,
    part: Path,
    files: list[Path],
    live: pa.Array,
    staging: Staging,
    run: str,
    report: CompactReport,
) -> None:
    keyed = table != ERRORS.name
    if len(files) == 1 and current_schema(files):
        keys = pq.read_table(files[0], columns=["article_id", "revision"]) if keyed else None
        if keys is None or pc.all(_is_live(keys, live)).as_py() is not False:
            return  # already one current file of live rows
    out = staging.open(table, part_name(run), part, level=COMPRESSION_LEVEL)
    rows_before, versions = 0, set()
    for path in files:  # streamed batch by batch: memory stays bounded in a large partition
        province = legacy_province(path)
        with pq.ParquetFile(path) as old:
            for batch in old.iter_batches(batch_size=BATCH_ROWS):
                rows = _conform(pa.Table.from_batches([batch]), table, province)
                rows_before += rows.num_rows
                if keyed:
                    rows = rows.filter(_is_live(rows, live))
                if table == ARTICLES.name:
                    versions.update(pc.unique(rows["extractor_version"]).to_pylist())
                out.write(rows)
    staged = out.finish(file_metadata(table, run, versions))
    publish = [staged] if staged else []
    journal = write_journal(data, f"{run}-{table}-{part.name}", publish, files)
    apply_journal(journal)
    emptied = {f.parent for f in files} | {f.parent.parent for f in files if legacy_layout(f)}
    for folder in sorted(emptied, key=lambda p: len(p.parts), reverse=True):  # children first
        if folder.is_dir() and folder != data / table and not any(folder.iterdir()):
            folder.rmdir()  # a partition left with no row, or an old layout's folders
    report.partitions += 1
    report.files_before += len(files)
    report.files_after += len(publish)
    report.rows_before += rows_before
    report.rows_after += out.rows


def _conform(table: pa.Table, name: str, province: str | None = None) -> pa.Table:
    """A file's rows in the current schema: columns added since it was written are null,
    types cast, column order the declared one. `province`: the value an old layout's file
    has in its path only."""
    schema = arrow_schema(name)
    columns = []
    for f in schema:
        if f.name in table.column_names:
            columns.append(table[f.name].cast(f.type))
        elif f.name == PROVINCE.name and province is not None:
            columns.append(pa.array([province] * table.num_rows, f.type))
        else:
            columns.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _is_live(table: pa.Table, live: pa.Array) -> pa.Array:
    keys = pc.binary_join_element_wise(table["article_id"], table["revision"], _SEP)
    return pc.is_in(keys, value_set=live)
