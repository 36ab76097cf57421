"""`thaipr report --data DIR [--out report.html]`: one self-contained HTML page of plots and
tables about a dataset (`thaipr.report`), to open in any browser, offline.

DIR must be a thaipr dataset (`output.files.dataset_state`), as for `thaipr query`: a
missing path, a file, a folder that is no dataset, a dataset that cannot be read, or an
--out that cannot be written (as for `thaipr export`: a folder, in no folder, inside the
dataset): one line on stderr and exit status 2. An empty dataset gives
a report that says so (and a line on stderr), exit 0. The page's path goes to stdout; what
went wrong drawing it (no Thai font, characters with no glyph) goes to stderr as well as
into the page."""

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from output.files import dataset_state
from thaipr.commands.data import (
    READ_ERRORS,
    Refused,
    check_out,
    data_arg,
    empty_note,
    fail,
    not_usable,
    say,
    unreadable,
)

DEFAULT_OUT = Path("report.html")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="an HTML page of plots and tables about a dataset (opens offline)",
        description="Writes one self-contained HTML file: articles per province and month, "
        "fill rates per site and over time, extraction warnings, chairs and venues per "
        "province, networks with organisations, and the crawl's errors.",
    )
    data_arg(p)
    p.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="FILE",
        help=f"the HTML file to write (default {DEFAULT_OUT}; replaced if it exists)",
    )
    p.set_defaults(run=run_report_cmd)


def run_report_cmd(args: argparse.Namespace) -> int:
    if problem := not_usable(args):
        return fail(args, problem)
    out: Path = args.out
    try:
        check_out(out, args.data)
    except Refused as exc:
        return fail(args, str(exc))
    started = time.monotonic()
    from thaipr.report import build_report  # matplotlib: only this command pays its import

    try:
        page = build_report(args.data)
    except READ_ERRORS as exc:
        return unreadable(args, exc)
    try:
        _write(out, page.html)
    except OSError as exc:
        return fail(args, f"cannot write {out} ({exc.strerror or exc}); give --out a writable path")
    for warning in page.warnings:
        say(args, warning)
    if dataset_state(args.data) == "empty":
        say(args, empty_note(args))
    size = out.stat().st_size / 1e6
    print(f"{out} ({page.articles:,} articles, {size:.1f} MB, {time.monotonic() - started:.1f} s)")
    return 0


def _write(out: Path, html: str) -> None:
    """Write to a temporary file beside `out`, then rename: never a half-written page."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        umask = os.umask(0)  # mkstemp makes the file private; give it the usual mode
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
