"""`thaipr stats`: what the dataset holds: rows and files per table, articles per province
and per month, and how often each field is filled."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from output.files import data_files
from output.query import format_table
from output.schema import TABLES, Field
from output.views import connect


@dataclass(frozen=True)
class Stats:
    tables: list[tuple[str, int, int, int]]  # table, rows (latest), rows (all versions), files
    provinces: list[tuple[str | None, str | None, int]]  # code, Thai name, articles
    months: list[tuple[str | None, int]]  # YYYY-MM of the event, articles
    fill: list[tuple[str, str, int, float]]  # table, field, rows filled, share of rows


def dataset_stats(data: Path | str) -> Stats:
    data = Path(data)
    con = connect(data)
    tables = []
    for name in TABLES:
        latest = _scalar(con, f"SELECT count(*) FROM {name}")
        every = _scalar(con, f"SELECT count(*) FROM _all_{name}")
        tables.append((name, latest, every, len(data_files(data, name))))
    provinces = con.execute(
        "SELECT province_code, any_value(province_th), count(*) AS n FROM articles "
        "GROUP BY province_code ORDER BY n DESC, province_code"
    ).fetchall()
    months = con.execute(
        "SELECT strftime(event_date, '%Y-%m') AS month, count(*) FROM articles "
        "GROUP BY month ORDER BY month NULLS LAST"
    ).fetchall()
    fill = []
    for name, table in TABLES.items():
        total = _scalar(con, f"SELECT count(*) FROM {name}")
        if not total:
            continue
        counts = con.execute(
            "SELECT " + ", ".join(_filled(f) for f in table.fields) + f" FROM {name}"
        ).fetchone()
        assert counts is not None
        fill += [(name, f.name, n, n / total) for f, n in zip(table.fields, counts, strict=True)]
    return Stats(tables, provinces, months, fill)


def _filled(f: Field) -> str:
    column = f'"{f.name}"'
    if pa.types.is_list(f.type):
        return f"count(*) FILTER (WHERE len({column}) > 0)"
    return f"count({column})"


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def render(stats: Stats) -> str:
    parts = [
        "Tables (rows: latest version of each article; all: every version written)",
        format_table(("table", "rows", "all", "files"), stats.tables),
        "Articles per province",
        format_table(("province", "name", "articles"), stats.provinces),
        "Articles per month of the event",
        format_table(("month", "articles"), stats.months),
        "Fill rate per field",
        format_table(
            ("table", "field", "filled", "rate"),
            [(t, f, n, f"{r:.1%}") for t, f, n, r in stats.fill],
        ),
    ]
    return "\n".join(parts)


def as_json(stats: Stats) -> dict[str, Any]:
    return {
        "tables": [
            dict(zip(("table", "rows", "all", "files"), t, strict=True)) for t in stats.tables
        ],
        "provinces": [
            dict(zip(("province", "name", "articles"), p, strict=True)) for p in stats.provinces
        ],
        "months": [dict(zip(("month", "articles"), m, strict=True)) for m in stats.months],
        "fill": [
            dict(zip(("table", "field", "filled", "rate"), f, strict=True)) for f in stats.fill
        ],
    }
