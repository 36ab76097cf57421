"""The dataset commands: `thaipr query`, `thaipr stats` and `thaipr compact`, each with
`--data DIR`.

DIR must be a thaipr dataset (`output.files.dataset_state`): a missing path, a file, a
folder that is no dataset, empty SQL, bad SQL, a dataset that cannot be read or (for
compact) written: one line on stderr, `thaipr <command>: <problem>; <what to do>`, and exit
status 2. A dataset with no article yet (a crawl that stored nothing) is not an error:
query prints its (empty) result, stats its zero counts, compact does nothing, each with a
line on stderr saying the dataset is empty, and exit status 0."""

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from output.compact import compact, nothing_to_compact
from output.files import dataset_near, dataset_state
from output.query import FORMATS, EmptySQL, run_sql, write_result
from output.stats import as_json, dataset_stats, render
from output.views import connect

EXIT_USAGE = 2
SQL_EXAMPLE = "SELECT * FROM meetings LIMIT 5"
# What reading a damaged or unreadable dataset raises.
READ_ERRORS = (duckdb.Error, pa.ArrowException, OSError)


def add_parsers(sub: Any) -> None:
    q = sub.add_parser(
        "query",
        help="run SQL over the dataset (DuckDB)",
        description="Views: articles, officials, venues, dates, networks, "
        "organizations, programs, credits, images, errors, meetings, "
        "article_versions. Each shows every article once, its latest version.",
    )
    _data_arg(q)
    q.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), csv, or json (one object per line)",
    )
    q.add_argument("sql", help=f'e.g. "{SQL_EXAMPLE}"')
    q.set_defaults(run=run_query_cmd)

    s = sub.add_parser("stats", help="rows per table, province and month; fill rates")
    _data_arg(s)
    s.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default) or json (one document)",
    )
    s.set_defaults(run=run_stats_cmd)

    c = sub.add_parser("compact", help="merge small files, drop superseded rows (atomic)")
    _data_arg(c)
    c.set_defaults(run=run_compact_cmd)


def _data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, type=Path, metavar="DIR", help="the dataset")


def _say(args: argparse.Namespace, line: str) -> None:
    print(f"thaipr {args.command}: {line}", file=sys.stderr)


def _fail(args: argparse.Namespace, line: str) -> int:
    _say(args, line)
    return EXIT_USAGE


def _not_usable(args: argparse.Namespace) -> str | None:
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


def _empty_note(args: argparse.Namespace) -> str:
    return f"the dataset at {args.data} is empty (no article yet)"


def _unreadable(args: argparse.Namespace, exc: BaseException) -> int:
    return _fail(
        args,
        f"cannot read the dataset at {args.data} ({_first_line(exc)}); "
        "check the file it names (a copy cut short?) and its permissions",
    )


def _first_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def run_query_cmd(args: argparse.Namespace) -> int:
    empty_sql = f'give a statement, e.g. "{SQL_EXAMPLE}"'
    if not args.sql.strip():
        return _fail(args, f"the SQL is empty; {empty_sql}")
    if problem := _not_usable(args):
        return _fail(args, problem)
    try:
        con = connect(args.data)
    except READ_ERRORS as exc:
        return _unreadable(args, exc)
    try:
        names, rows = run_sql(con, args.sql)
    except EmptySQL as exc:
        return _fail(args, f"{exc}; {empty_sql}")
    except duckdb.IOException as exc:
        return _unreadable(args, exc)
    except duckdb.Error as exc:
        return _fail(
            args, f"{_first_line(exc)}; check the SQL (`thaipr query --help` lists the views)"
        )
    except (pa.ArrowException, OSError) as exc:
        return _unreadable(args, exc)
    write_result(names, rows, args.format, sys.stdout)
    if dataset_state(args.data) == "empty":
        _say(args, _empty_note(args))
    return 0


def run_stats_cmd(args: argparse.Namespace) -> int:
    if problem := _not_usable(args):
        return _fail(args, problem)
    try:
        stats = dataset_stats(args.data)
    except READ_ERRORS as exc:
        return _unreadable(args, exc)
    if args.format == "json":
        print(json.dumps(as_json(stats), ensure_ascii=False, indent=1))
    else:
        print(render(stats))
    if dataset_state(args.data) == "empty":
        _say(args, f"{_empty_note(args)}; crawl into it with {_crawl(args.data)}")
    return 0


def run_compact_cmd(args: argparse.Namespace) -> int:
    if problem := _not_usable(args):
        return _fail(args, problem)
    if nothing_to_compact(args.data):
        _say(args, f"{_empty_note(args)}; nothing to compact")
        return 0
    try:
        report = compact(args.data)
    except (duckdb.Error, pa.ArrowException) as exc:
        return _unreadable(args, exc)
    except OSError as exc:
        return _fail(
            args,
            f"cannot write the dataset at {args.data} ({_first_line(exc)}); compact rewrites "
            "its files: run it as their owner, or compact a copy",
        )
    for line in report.recovered:
        _say(args, line)
    print(report.line())
    return 0
