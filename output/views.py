"""DuckDB over the dataset: a view per table that shows each article once (its latest
version) even before compaction, plus `article_versions` (every version), `meetings`, and
the people across articles (`people`, `positions`, `person_mentions`: output/people.py).

The latest version of an article is the one fetched last, then written last. Views filter
the heavy columns by a semi-join on (article_id, revision), so a filter on the partition
column `year` still prunes files (and one on `province` reads that column first)."""

import contextlib
from pathlib import Path

import duckdb
import pyarrow as pa

from output import people
from output.files import (
    JOURNAL,
    current_schema,
    data_files,
    legacy_layout,
    recover,
    schema_file,
    schema_version,
)
from output.schema import ARTICLES, ERRORS, FLAT_TABLES, SCHEMA_VERSION, arrow_schema

# The hive partition columns' types: files of schema 4 on, and older files (by province too).
KEYS = "'year': INTEGER"
LEGACY_KEYS = "'province': VARCHAR, 'year': INTEGER"

MEETINGS_SQL = """
CREATE VIEW meetings AS
SELECT
    a.event_date, a.event_time, a.event_end_date, a.province_code, a.province_th,
    a.event_type AS type,
    chair.honorific || chair.name AS chair, chair.position AS chair_position,
    a.venues[1].text AS venue, a.title, a.url, a.article_id, a.province, a.year
FROM (SELECT *, list_filter(officials, lambda o: o.role = 'chair')[1] AS chair FROM articles) AS a
WHERE a.event_date IS NOT NULL
"""


def _finish_interrupted_compaction(data: Path) -> None:
    """A compaction killed between publishing its new file and removing the old ones leaves
    rows twice; like SQLite's hot journal, the first reader to come by rolls it forward."""
    journals = data / JOURNAL
    if journals.is_dir() and any(journals.iterdir()):
        with contextlib.suppress(OSError):  # a read-only copy of the dataset: read as it is
            recover(data)


def connect(
    data: Path | str, con: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the dataset's views."""
    data = Path(data)
    _finish_interrupted_compaction(data)
    con = con or duckdb.connect()
    files = {t: data_files(data, t) for t in (ARTICLES.name, *(t.name for t in FLAT_TABLES))}
    files[ERRORS.name] = data_files(data, ERRORS.name)
    for table, listed in files.items():
        _source_view(con, data, table, listed)
    con.execute("CREATE VIEW article_versions AS SELECT * FROM _all_articles")
    con.execute(
        "CREATE VIEW latest_revisions AS SELECT article_id, "
        "max_by(revision, {'fetched_at': fetched_at, 'revision': revision}) AS revision "
        "FROM _all_articles GROUP BY article_id"
    )
    for table in (ARTICLES.name, *(t.name for t in FLAT_TABLES)):
        con.execute(
            f"CREATE VIEW {table} AS SELECT t.* FROM _all_{table} AS t "
            "SEMI JOIN latest_revisions AS l USING (article_id, revision)"
        )
    con.execute(f"CREATE VIEW {ERRORS.name} AS SELECT * FROM _all_{ERRORS.name}")
    con.execute(MEETINGS_SQL)
    # The files the views read: the people's resolution is stored for them.
    people.register(con, data, files[ARTICLES.name] + files["officials"])
    return con


def _source_view(con: duckdb.DuckDBPyConnection, data: Path, table: str, files: list[Path]) -> None:
    """`_all_<table>`: every row of the table's complete `files`, with the partition column;
    typed and empty when the table has no files yet."""
    if files:
        legacy = [f for f in files if legacy_layout(f)]
        if not legacy and current_schema(files):
            con.execute(f"CREATE VIEW _all_{table} AS {_read(files, by_name=False)}")
            return
        # Files of older schemas: columns matched by name (reads every footer, so only then),
        # and those added since (a column, a field of a struct) read as null: the current
        # schema's empty table comes first, so columns keep their declared order.
        con.register(f"_empty_{table}", _empty(table))
        current = [f for f in files if not legacy_layout(f)]
        reads = [f"SELECT * FROM _empty_{table}"]
        reads += [_read(current, by_name=True)] if current else []
        reads += [_read(legacy, by_name=True, keys=LEGACY_KEYS)] if legacy else []
        con.execute(f"CREATE VIEW _all_{table} AS " + " UNION ALL BY NAME ".join(reads))
        return
    typed = schema_file(data, table)
    if schema_version(typed) == SCHEMA_VERSION:  # no pyarrow -> DuckDB conversion needed
        path = str(typed).replace("'", "''")
        con.execute(
            f"CREATE VIEW _all_{table} AS SELECT *, NULL::INTEGER AS year "
            f"FROM read_parquet('{path}')"
        )
        return
    con.register(f"_empty_{table}", _empty(table))
    con.execute(f"CREATE VIEW _all_{table} AS SELECT * FROM _empty_{table}")


def _read(files: list[Path], by_name: bool, keys: str = KEYS) -> str:
    """The files read with their hive partition columns. The file list, not a glob: DuckDB
    binds every view that reads the table, and a recursive glob per bind costs more than the
    query on a small dataset."""
    listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    return (
        f"SELECT * FROM read_parquet([{listed}], hive_partitioning = true, "
        f"union_by_name = {str(by_name).lower()}, hive_types = {{{keys}}})"
    )


def _empty(table: str) -> pa.Table:
    """The table in the current schema, with its partition column, and no rows."""
    return pa.Table.from_pylist([], arrow_schema(table).append(pa.field("year", pa.int32())))
