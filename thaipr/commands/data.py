"""The dataset commands: `thaipr query`, `thaipr stats` and `thaipr compact`, each with
`--data DIR`. A missing dataset or bad SQL: one line on stderr and exit status 2."""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import duckdb

from output.compact import compact
from output.query import FORMATS, run_query, write_result
from output.stats import as_json, dataset_stats, render

EXIT_USAGE = 2


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
    q.add_argument("sql", help='e.g. "SELECT * FROM meetings LIMIT 5"')
    q.set_defaults(run=run_query_cmd)

    s = sub.add_parser("stats", help="rows per table, province and month; fill rates")
    _data_arg(s)
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.set_defaults(run=run_stats_cmd)

    c = sub.add_parser("compact", help="merge small files, drop superseded rows (atomic)")
    _data_arg(c)
    c.set_defaults(run=run_compact_cmd)


def _data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, type=Path, metavar="DIR", help="the dataset")


def _missing(args: argparse.Namespace) -> bool:
    if args.data.is_dir():
        return False
    print(f"thaipr {args.command}: no dataset at {args.data}", file=sys.stderr)
    return True


def run_query_cmd(args: argparse.Namespace) -> int:
    if _missing(args):
        return EXIT_USAGE
    try:
        names, rows = run_query(args.data, args.sql)
    except duckdb.Error as exc:
        print(f"thaipr query: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_USAGE
    write_result(names, rows, args.format, sys.stdout)
    return 0


def run_stats_cmd(args: argparse.Namespace) -> int:
    if _missing(args):
        return EXIT_USAGE
    stats = dataset_stats(args.data)
    if args.format == "json":
        print(json.dumps(as_json(stats), ensure_ascii=False, indent=1))
    else:
        print(render(stats))
    return 0


def run_compact_cmd(args: argparse.Namespace) -> int:
    if _missing(args):
        return EXIT_USAGE
    report = compact(args.data)
    for line in report.recovered:
        print(f"thaipr compact: {line}", file=sys.stderr)
    print(report.line())
    return 0
