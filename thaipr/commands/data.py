"""The dataset commands: `thaipr query`, `thaipr stats` and `thaipr compact`, each with
`--data DIR`; and what `thaipr export` shares with `query`: the checks of `--data`, of
`--out` and `--format`, and the writing of a result (output/export.py) with its errors.

DIR must be a thaipr dataset (`output.files.dataset_state`): a missing path, a file, a
folder that is no dataset, empty SQL, bad SQL, a dataset that cannot be read or (for
compact) written: one line on stderr, `thaipr <command>: <problem>; <what to do>`, and exit
status 2. A dataset with no article yet (a crawl that stored nothing) is not an error:
query prints its (empty) result, stats its zero counts, compact does nothing, each with a
line on stderr saying the dataset is empty, and exit status 0.

`query --format` writes a result as an aligned table, CSV, JSON Lines, Parquet or Excel, to
stdout or (`--out FILE`) to a file, written whole or not at all. Parquet and Excel are
binary: never written to a terminal. A format that the file's name contradicts
(`--format csv --out x.xlsx`), a compressed name (`x.csv.gz`), an `--out` in a folder that
is not there or not writable, or inside the dataset: one line, exit status 2, no file."""

import argparse
import json
import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from output.compact import compact, nothing_to_compact
from output.export import (
    BINARY,
    CUT_MARK,
    EXCEL_CELL,
    FORMATS,
    TooLarge,
    Written,
    export,
    export_text,
    format_of,
    is_compressed,
)
from output.export import write_stream as export_to_stream
from output.files import dataset_near, dataset_state
from output.query import EmptySQL, format_table, rows_of, stream
from output.stats import as_json, dataset_stats, render
from output.views import connect
from thaipr.exits import EXIT_USAGE

SQL_EXAMPLE = "SELECT * FROM meetings LIMIT 5"
# What reading a damaged or unreadable dataset raises.
READ_ERRORS = (duckdb.Error, pa.ArrowException, OSError)
# `query --format` names -> the writer's format; `json` is JSON Lines, as it always was.
QUERY_FORMATS = {
    "table": "table",
    "csv": "csv",
    "json": "jsonl",
    "parquet": "parquet",
    "xlsx": "xlsx",
}
# What a format is called in a line.
FORMAT_NAMES = {
    "table": "an aligned table",
    "csv": "CSV",
    "jsonl": "JSON Lines",
    "parquet": "Parquet",
    "xlsx": "Excel",
}


class Refused(ValueError):
    """An argument that cannot be followed: the line that says why and what to do."""


def add_parsers(sub: Any) -> None:
    q = sub.add_parser(
        "query",
        help="run SQL over the dataset (DuckDB)",
        description="Views: articles, officials, venues, dates, networks, "
        "organizations, programs, credits, images, errors, meetings, "
        "article_versions. Each shows every article once, its latest version. "
        "Timestamps are UTC.",
    )
    data_arg(q)
    q.add_argument(
        "--format",
        choices=tuple(QUERY_FORMATS),
        help="table (the default; with --out, the format its name ends in), csv, json "
        "(JSON Lines: one object per line), parquet or xlsx (binary: need --out or a "
        "redirection)",
    )
    q.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="write the result to FILE (replaced whole, never half-written) instead of stdout",
    )
    q.add_argument("sql", help=f'e.g. "{SQL_EXAMPLE}"')
    q.set_defaults(run=run_query_cmd)

    s = sub.add_parser("stats", help="rows per table, province and month; fill rates")
    data_arg(s)
    s.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default) or json (one document)",
    )
    s.set_defaults(run=run_stats_cmd)

    c = sub.add_parser("compact", help="merge small files, drop superseded rows (atomic)")
    data_arg(c)
    c.set_defaults(run=run_compact_cmd)


def data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, type=Path, metavar="DIR", help="the dataset")


def say(args: argparse.Namespace, line: str) -> None:
    print(f"thaipr {args.command}: {line}", file=sys.stderr)


def fail(args: argparse.Namespace, line: str) -> int:
    say(args, line)
    return EXIT_USAGE


def not_usable(args: argparse.Namespace) -> str | None:
    """Why --data is no dataset, as the line to print; None for a dataset (empty or not)."""
    data: Path = args.data
    state = dataset_state(data)
    todo = f"crawl into it with {_crawl(data)}, or give --data the dataset's folder"
    if state == "missing":
        return f"no dataset at {data} (no such folder); {todo}"
    if state == "not_dir":
        return f"{data} is a file, not a dataset; give --data the folder `thaipr crawl --out` made"
    if state != "not_dataset":
        return None
    near = dataset_near(data)
    if near is None:
        return f"{data} is not a thaipr dataset (no articles table); {todo}"
    if near == data.parent:
        return f"{data} is a table, not a dataset; give --data {shlex.quote(str(near))}"
    return (
        f"{data} is not a thaipr dataset (no articles table), it holds one; "
        f"give --data {shlex.quote(str(near))}"
    )


def _crawl(data: Path) -> str:
    return f"`thaipr crawl --out {shlex.quote(str(data))}`"


def empty_note(args: argparse.Namespace) -> str:
    return f"the dataset at {args.data} is empty (no article yet)"


def unreadable(args: argparse.Namespace, exc: BaseException) -> int:
    return fail(
        args,
        f"cannot read the dataset at {args.data} ({first_line(exc)}); "
        "check the file it names (a copy cut short?) and its permissions",
    )


def first_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def run_query_cmd(args: argparse.Namespace) -> int:
    empty_sql = f'give a statement, e.g. "{SQL_EXAMPLE}"'
    if not args.sql.strip():
        return fail(args, f"the SQL is empty; {empty_sql}")
    try:
        if args.out is not None:
            check_out(args.out, args.data)
        fmt = output_format(
            QUERY_FORMATS[args.format] if args.format else None,
            args.out,
            default="table",
            called={"jsonl": "json"},
        )
        if args.out is None and fmt in BINARY and sys.stdout.isatty():
            raise Refused(
                f"{FORMAT_NAMES[fmt]} is binary, not for a terminal; give --out FILE "
                "(or redirect the output to a file)"
            )
    except Refused as exc:
        return fail(args, str(exc))
    if problem := not_usable(args):
        return fail(args, problem)
    try:
        con = open_dataset(args.data)
    except READ_ERRORS as exc:
        return unreadable(args, exc)
    status = write_result(args, con, args.sql, fmt, args.out, sheet="query")
    if status == 0 and dataset_state(args.data) == "empty":
        say(args, empty_note(args))
    return status


def open_dataset(data: Path) -> duckdb.DuckDBPyConnection:
    """The dataset's views, timestamps in UTC (as the dataset keeps them) whatever the zone
    of the machine."""
    con = connect(data)
    con.execute("SET TimeZone = 'UTC'")
    return con


def output_format(
    given: str | None,
    out: Path | None,
    *,
    default: str | None,
    called: Mapping[str, str] | None = None,
) -> str:
    """The format to write: the one given, else the one `out`'s name ends in, else `default`.
    Refused when `out`'s name promises another format, names a compressed file, or says
    nothing and there is no default. `called`: what --format calls a writer's format, where
    the names differ (query: json for jsonl)."""
    called = called or {}
    if out is not None and is_compressed(out):
        raise Refused(
            f"{out} names a compressed file, and exports are not compressed; drop "
            f"{out.suffix} (Parquet compresses inside), or compress the file afterwards"
        )
    named = format_of(out) if out is not None else None
    if given is not None and named is not None and named != given:
        raise Refused(
            f"--format {called.get(given, given)} does not match {out}, a name for "
            f"{called.get(named, named)}; end the name in .{_ENDINGS.get(given, given)} or "
            "leave out --format"
        )
    if fmt := given or named or default:
        return fmt
    endings = ", ".join(f".{f}" for f in FORMATS)
    raise Refused(
        f"cannot tell the format from the name {out}; give --format "
        f"{', '.join(FORMATS[:-1])} or {FORMATS[-1]}, or end the name in {endings}"
    )


# The ending of a file in a format, where it is not the format's name.
_ENDINGS = {"table": "txt"}


def check_out(out: Path, data: Path) -> None:
    """Refused when `out` cannot be written: a folder, in a folder that is not there or not
    writable, or inside the dataset (whose readers would take it for a part of it)."""
    folder = out.parent
    if out.is_dir():
        raise Refused(f"{out} is a folder; give --out a file's name, e.g. {out / 'result.csv'}")
    if not folder.exists():
        raise Refused(
            f"no folder {folder} to write {out.name} in; create it first "
            f"(mkdir -p {shlex.quote(str(folder))}) or give --out another place"
        )
    if not folder.is_dir():
        raise Refused(f"{folder} is a file, not a folder; give --out a file in a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise Refused(
            f"cannot write in {folder} (permission denied); give --out a file in a folder of yours"
        )
    if data.is_dir() and out.resolve().is_relative_to(data.resolve()):
        raise Refused(
            f"{out} is inside the dataset {data}; write exports outside it (its readers "
            "would take the file for a part of it)"
        )


def write_result(
    args: argparse.Namespace,
    con: duckdb.DuckDBPyConnection,
    sql: str,
    fmt: str,
    out: Path | None,
    *,
    sheet: str,
    what: str = "the result",
) -> int:
    """Run `sql` and write its result in `fmt` to `out` (atomically) or stdout; one line on
    stderr for a written file, and the status."""
    sql_hint = f"check the SQL (`thaipr {args.command} --help` lists the views)"
    try:
        reader = stream(con, sql)
        if fmt == "table":
            names, rows = rows_of(reader)
            if out is None:
                sys.stdout.write(format_table(names, rows))
                return 0
            export_text(format_table(names, rows), out)
            written = Written(rows=len(rows))
        elif out is None:
            written = export_to_stream(reader, fmt, sys.stdout, sheet=sheet, sql=sql)
        else:
            written = export(reader, fmt, out, sheet=sheet, sql=sql)
    except EmptySQL as exc:
        return fail(args, f'{exc}; give a statement, e.g. "{SQL_EXAMPLE}"')
    except TooLarge as exc:
        return fail(
            args,
            f"{what} does not fit Excel: {exc}; write it as parquet or csv, or select fewer "
            "rows (e.g. one province: WHERE province = 'TH-43')",
        )
    except duckdb.IOException as exc:
        return unreadable(args, exc)
    except duckdb.Error as exc:
        return fail(args, f"{first_line(exc)}; {sql_hint}")
    except OSError as exc:
        if out is None:
            raise  # stdout: the command line's handling (a closed pipe is no error)
        return fail(args, f"cannot write {out} ({first_line(exc)}); check the disk and --out")
    except pa.ArrowException as exc:
        return fail(args, f"cannot write {what} as {fmt} ({first_line(exc)}); {sql_hint}")
    if out is not None:
        say(args, f"{_count(written.rows, 'row')} of {what} written to {out} ({FORMAT_NAMES[fmt]})")
    if written.cut:
        say(
            args,
            f"{_count(written.cut, 'cell')} longer than Excel's {EXCEL_CELL:,} characters cut, "
            f"ending in {CUT_MARK}; parquet, csv and jsonl keep them whole",
        )
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"


def run_stats_cmd(args: argparse.Namespace) -> int:
    if problem := not_usable(args):
        return fail(args, problem)
    try:
        stats = dataset_stats(args.data)
    except READ_ERRORS as exc:
        return unreadable(args, exc)
    if args.format == "json":
        print(json.dumps(as_json(stats), ensure_ascii=False, indent=1))
    else:
        print(render(stats))
    if dataset_state(args.data) == "empty":
        say(args, f"{empty_note(args)}; crawl into it with {_crawl(args.data)}")
    return 0


def run_compact_cmd(args: argparse.Namespace) -> int:
    if problem := not_usable(args):
        return fail(args, problem)
    if nothing_to_compact(args.data):
        say(args, f"{empty_note(args)}; nothing to compact")
        return 0
    try:
        report = compact(args.data)
    except (duckdb.Error, pa.ArrowException) as exc:
        return unreadable(args, exc)
    except OSError as exc:
        return fail(
            args,
            f"cannot write the dataset at {args.data} ({first_line(exc)}); compact rewrites "
            "its files: run it as their owner, or compact a copy",
        )
    for line in report.recovered:
        say(args, line)
    print(report.line())
    return 0
