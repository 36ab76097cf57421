"""`thaipr export`: one table of the dataset (a view of `thaipr query`: meetings, articles,
officials, …), or the result of `--sql`, to one file for pandas, R, Stata or Excel:
Parquet, CSV, JSON Lines or xlsx (output/export.py says how each is written).

The file is written under a temporary name beside it and renamed when whole; it replaces a
file of the same name. The format is `--format`'s, else the one the file's name ends in.
What cannot be done is one line on stderr and exit status 2, and no file: a folder that is
no dataset, a table the dataset does not have (the closest are named), a format the name
contradicts, a folder for the file that is not there or not writable, a result too large
for Excel. The tables are the dataset's views, found at run time, so a view added to
`output.views` can be exported as soon as it is there."""

import argparse
import difflib
from pathlib import Path
from typing import Any

import duckdb

from output.export import EXCEL_ROWS, FORMATS, table_sql, tables
from output.files import dataset_state
from thaipr.api import TABLES
from thaipr.commands.data import (
    READ_ERRORS,
    Refused,
    check_out,
    data_arg,
    empty_note,
    fail,
    not_usable,
    open_dataset,
    output_format,
    say,
    unreadable,
    write_result,
)

EXAMPLE = "thaipr export --data data --table meetings --out meetings.xlsx"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write a table of the dataset to Parquet, CSV, JSON Lines or Excel",
        description="Write one table of the dataset (a view of `thaipr query`), or the "
        "result of --sql, to one file. CSV is UTF-8 without a byte-order mark (what pandas, "
        "R and DuckDB read); for Excel, write xlsx: Thai text, dates and numbers arrive "
        "typed. An Excel sheet holds 1,048,575 rows: a larger result is refused (write "
        "parquet or csv, or select fewer rows with --sql).",
        epilog=f"e.g. {EXAMPLE}",
    )
    data_arg(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--table",
        metavar="NAME",
        help=f"the table to write: {', '.join(TABLES)} (or any other view of the dataset)",
    )
    what.add_argument(
        "--sql",
        metavar="SQL",
        help='instead of --table, the result of a query, e.g. "SELECT * FROM meetings '
        "WHERE province = 'TH-43'\"",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="parquet, csv, jsonl or xlsx; by default the one --out's name ends in "
        "(.parquet, .csv, .jsonl/.ndjson/.json, .xlsx)",
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write (replaced whole if it exists, never left half-written)",
    )
    p.set_defaults(run=run_export_cmd)


def run_export_cmd(args: argparse.Namespace) -> int:
    try:
        check_out(args.out, args.data)
        fmt = output_format(args.format, args.out, default=None)
    except Refused as exc:
        return fail(args, str(exc))
    if problem := not_usable(args):
        return fail(args, problem)
    try:
        con = open_dataset(args.data)
        names = ordered(tables(con))
    except READ_ERRORS as exc:
        return unreadable(args, exc)
    if args.table is not None:
        if args.table not in names:
            return fail(args, unknown_table(args.table, names))
        sql, what, sheet = table_sql(args.table), args.table, args.table
        if fmt == "xlsx" and (rows := _count(con, sql)) > EXCEL_ROWS - 1:
            return fail(
                args,
                f"{what} has {rows:,} rows, more than an Excel sheet holds "
                f"({EXCEL_ROWS - 1:,} below the header); write it as parquet or csv, or select "
                "fewer rows with --sql (e.g. one province: WHERE province = 'TH-43')",
            )
    else:
        sql, what, sheet = args.sql, "the result", "result"
    status = write_result(args, con, sql, fmt, args.out, sheet=sheet, what=what)
    if status == 0 and dataset_state(args.data) == "empty":
        say(args, empty_note(args))
    return status


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """Rows of a table: known before writing, so an Excel export too large fails at once (the
    writer checks too, for --sql, but only once it gets there)."""
    [(rows,)] = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()
    return int(rows)


def unknown_table(name: str, names: list[str]) -> str:
    """The line for a table the dataset does not have: the closest names, and them all."""
    by_lower = {n.lower(): n for n in names}
    close = [by_lower[n] for n in difflib.get_close_matches(name.lower(), by_lower, n=2)]
    listed = ", ".join(names)
    if close:
        return f"no table {name!r}; did you mean {' or '.join(close)}? (the tables: {listed})"
    return f"no table {name!r}; give --table one of: {listed}"


def ordered(names: list[str]) -> list[str]:
    """The tables in the API's order (`thaipr.api.TABLES`), then the views it does not name."""
    return [t for t in TABLES if t in names] + [n for n in names if n not in TABLES]
