"""DuckDB over the dataset: a view per table that shows each article once (its latest
version) even before compaction, plus `article_versions` (every version) and `meetings`.

The latest version of an article is the one fetched last, then written last. Views filter
the heavy columns by a semi-join on (article_id, revision), so a filter on the partition
columns `province` and `year` still prunes files."""

import contextlib
from pathlib import Path

import duckdb
import pyarrow as pa

from output.files import JOURNAL, current_schema, data_files, recover, schema_file
from output.schema import ARTICLES, ERRORS, FLAT_TABLES, arrow_schema

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
    for table in (ARTICLES.name, *(t.name for t in FLAT_TABLES), ERRORS.name):
        _source_view(con, data, table)
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
    return con


def _source_view(con: duckdb.DuckDBPyConnection, data: Path, table: str) -> None:
    """`_all_<table>`: every row of every complete file, with the partition columns; typed
    and empty when the table has no files yet."""
    files = data_files(data, table)
    if files:
        # The file list, not a glob: DuckDB binds every view that reads the table, and a
        # recursive glob per bind costs more than the query on a small dataset.
        listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        # Files of older schemas: match columns by name (reads every footer, so only then).
        by_name = "false" if current_schema(files) else "true"
        con.execute(
            f"CREATE VIEW _all_{table} AS SELECT * FROM read_parquet([{listed}], "
            f"hive_partitioning = true, union_by_name = {by_name}, "
            "hive_types = {'province': VARCHAR, 'year': INTEGER})"
        )
        return
    typed = schema_file(data, table)
    if typed.exists():  # written with the dataset: no pyarrow -> DuckDB conversion needed
        path = str(typed).replace("'", "''")
        con.execute(
            f"CREATE VIEW _all_{table} AS SELECT *, NULL::VARCHAR AS province, "
            f"NULL::INTEGER AS year FROM read_parquet('{path}')"
        )
        return
    schema = arrow_schema(table)
    empty = pa.Table.from_pylist(
        [], schema.append(pa.field("province", pa.string())).append(pa.field("year", pa.int32()))
    )
    con.register(f"_empty_{table}", empty)
    con.execute(f"CREATE VIEW _all_{table} AS SELECT * FROM _empty_{table}")
