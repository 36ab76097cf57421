"""Run SQL over the dataset's views; a result's values as text (a table cell, a CSV field) and
as JSON; the aligned table `thaipr query` prints. The files a result is written to (CSV, JSON
Lines, Parquet, Excel) are output/export.py's."""

import json
import math
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from output.views import connect

# Rows per Arrow batch of a streamed result: a batch of articles (bodies, nested lists) stays
# well under 100 MB.
BATCH_ROWS = 4096
# A table cell is cut to this many display columns.
MAX_CELL = 48


class EmptySQL(ValueError):
    """The SQL holds no statement (blank, or only comments)."""


def run_query(data: Path | str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    return run_sql(connect(data), sql)


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The result's column names and rows; EmptySQL when `sql` has no statement."""
    return rows_of(stream(con, sql))


def stream(
    con: duckdb.DuckDBPyConnection, sql: str, batch_rows: int = BATCH_ROWS
) -> pa.RecordBatchReader:
    """The result of `sql` as Arrow record batches, computed as they are read. EmptySQL when
    `sql` has no statement; a statement that returns no rows (SET, CREATE VIEW) gives a
    stream with no column. DuckDB's errors are raised here (parsing, binding) or while the
    stream is read (a damaged file)."""
    if not sql.strip():
        raise EmptySQL("the SQL is empty")
    if not con.extract_statements(sql):
        raise EmptySQL("the SQL holds no statement, only comments")
    relation = con.sql(sql)
    if relation is None:
        return pa.RecordBatchReader.from_batches(pa.schema([]), [])
    return relation.to_arrow_reader(batch_rows)


def batch_rows(batch: pa.RecordBatch) -> Iterator[tuple[Any, ...]]:
    """A batch's rows as tuples of Python values (dates as `date`, lists as lists, structs and
    maps as dicts); by position, so two columns of one name both stay."""
    columns = [column.to_pylist(maps_as_pydicts="strict") for column in batch.columns]
    return zip(*columns, strict=True)


def rows_of(reader: pa.RecordBatchReader) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Every row of a stream, read into memory: for a table, whose widths need them all."""
    names = list(reader.schema.names)
    return names, [row for batch in reader for row in batch_rows(batch)]


def cell_text(value: Any) -> str:
    """A value as one text cell: empty for null, ISO 8601 for dates and times, `true`/`false`,
    lists and structs as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, list | tuple | dict):
        return json.dumps(jsonable(value), ensure_ascii=False)
    return str(value)


def jsonable(value: Any) -> Any:
    """A value as JSON holds it: dates and times ISO 8601, decimals as numbers, bytes as hex,
    NaN and infinities as null, map keys as strings."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def format_table(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_cut(cell_text(v)) for v in row] for row in rows]
    widths = [
        max([display_width(n), *(display_width(r[i]) for r in cells)]) for i, n in enumerate(names)
    ]
    lines = [_line(names, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(r, widths) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def display_width(text: str) -> int:
    """Terminal columns: Thai vowel and tone marks take none, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    padded = [v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)]
    return "  ".join(padded).rstrip()


def _cut(text: str) -> str:
    text = " ".join(text.split())
    if display_width(text) <= MAX_CELL:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > MAX_CELL - 1:
            break
        out += ch
    return out + "…"
