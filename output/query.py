"""Run SQL over the dataset's views and print the result as an aligned table, CSV or JSON
Lines."""

import csv
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import duckdb

from output.views import connect

FORMATS = ("table", "csv", "json")
# A table cell is cut to this many display columns.
MAX_CELL = 48


class EmptySQL(ValueError):
    """The SQL holds no statement (blank, or only comments)."""


def run_query(data: Path | str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    return run_sql(connect(data), sql)


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The result's column names and rows; EmptySQL when `sql` has no statement."""
    if not sql.strip():
        raise EmptySQL("the SQL is empty")
    cursor = con.execute(sql)
    if cursor is None:  # DuckDB's answer to SQL that is only comments
        raise EmptySQL("the SQL holds no statement, only comments")
    names = [d[0] for d in cursor.description or ()]
    return names, cursor.fetchall()


def write_result(
    names: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, out: TextIO
) -> None:
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[_plain(v) for v in row] for row in rows])
    elif fmt == "json":
        for row in rows:
            out.write(
                json.dumps(
                    dict(zip(names, row, strict=True)), ensure_ascii=False, default=_json_default
                )
                + "\n"
            )
    else:
        out.write(format_table(names, rows))


def format_table(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_cut(_plain(v)) for v in row] for row in rows]
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


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
