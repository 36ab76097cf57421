"""`thaipr extract [--url URL] [--published YYYY-MM-DD] [--out DIR] FILE...`: one record
per page, as JSON Lines on stdout in input order, or into the Parquet dataset at DIR.

A FILE is a page (.html, .htm, .html.gz, .txt; - for stdin) or a table of pages a
researcher already has (.jsonl, .jsonl.gz, .ndjson, .parquet): one page a row, with columns
`id`, `url` and `html` or `text` (a row's HTML when it has some, else its text; names set
with --id-column, --url-column, --text-column, --html-column). A row's URL picks the site
template and the province; its id is the record's `source`. On a terminal a live line shows
the rows done and the rate.

A missing or unreadable page file, or one that is no page or text (empty, or binary: an
executable, an image, a PDF): one line on stderr (and a row in the dataset's `errors`), no
record, the others still processed. A table that cannot be opened or lacks its columns
(every table is checked before any page is extracted): one line, and nothing extracted. A
bad row (not JSON, no page, binary, a value that is not a string): one line (and an
`errors` row), the other rows still processed; a table unreadable part way: one line, the
rows before it kept. Exit status 2 after any of these.

Input that is read, but poorly, gives its record, a warning in the record's `warnings` and a
warning line on stderr (a table: one line per kind, with the rows it concerns), and exit
status 0: a text with no Thai letter, and bytes in no encoding read (UTF-8, UTF-16 with its
BOM, the page's <meta> charset, TIS-620), decoded as UTF-8 with each undecodable byte
replaced (U+FFFD)."""

import argparse
import gzip
import json
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from crawler.reporting.live_line import LiveLine
from extract.article import extract_html, extract_text
from extract.encoding import decode
from extract.sniff import INPUT_EMPTY, INPUT_WARNINGS, unusable_input
from output.ids import article_id, crawl_id
from output.validate import SchemaError
from output.writer import DatasetWriter
from thaipr.args import iso_date
from thaipr.page_tables import (
    BadRow,
    Columns,
    PageRow,
    PageTable,
    TableError,
    is_table,
    open_table,
)

EXIT_UNREADABLE = 2
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".txt.gz")
# Inputs larger than this are refused rather than read into memory.
MAX_INPUT_BYTES = 50 * 1024 * 1024
COLUMN_ROLES = ("id", "url", "text", "html")
# What to do about input that is no page or text.
GIVE_A_PAGE = "give a saved page (.html), a text (.txt) or a table of pages (.jsonl, .parquet)"


class NotAPage(ValueError):
    """Input that leaves nothing to extract: empty, or binary."""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract records from stored pages, texts or tables of pages",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=".html, .htm, .html.gz or .txt (text as scraped); - for stdin; or a table of "
        "pages, one a row: .jsonl, .jsonl.gz, .ndjson or .parquet",
    )
    p.add_argument(
        "--url",
        help="the page's URL (picks the site template and province); a table's rows have "
        "their own (--url-column)",
    )
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the page's publication date, when the page does not say",
    )
    p.add_argument(
        "--format",
        choices=("html", "text"),
        help="how to read stdin or a file whose name does not tell",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write the records into the Parquet dataset at DIR instead of stdout",
    )
    for role, what in (
        ("id", "the row's id, which becomes the record's `source`"),
        ("url", "the page's URL, when it has one"),
        ("text", "the page as text, used when the row has no HTML"),
        ("html", "the page's HTML"),
    ):
        p.add_argument(
            f"--{role}-column",
            metavar="NAME",
            help=f"a table's column holding {what} (default: {role})",
        )
    p.set_defaults(run=run)


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    path = Path(name)
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise OSError(f"larger than {MAX_INPUT_BYTES // 1024 // 1024} MB ({size} bytes)")
    data = path.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def _kind(name: str, data: bytes, forced: str | None) -> str:
    if forced:
        return forced
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    head = data[:512].lstrip().lower()
    return "html" if head.startswith((b"<!doctype", b"<html", b"<")) else "text"


def extract_file(name: str, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The record and the decoded input it came from; NotAPage for input that is empty or
    binary."""
    data = read_input(name)
    decoded = decode(data)
    if problem := unusable_input(data, decoded.text):
        raise NotAPage(problem)
    source = None if name == "-" else name
    kind = _kind(name, data, args.format)
    out = _record(kind, decoded.text, args.url, source, args.published)
    out["encoding"], out["encoding_repaired"] = decoded.encoding, decoded.repaired
    return out, decoded.text


def extract_row(row: PageRow, published: date | None) -> dict[str, Any]:
    """A table row's record, its id as `source`. Tables hold text, not bytes: UTF-8."""
    out = _record(row.kind, row.content, row.url, row.id, published)
    out["encoding"], out["encoding_repaired"] = "utf-8", False
    return out


def _record(
    kind: str, content: str, url: str | None, source: str | None, published: date | None
) -> dict[str, Any]:
    """A page's record (`kind` html or text) in its JSON form."""
    if kind == "html":
        record = extract_html(content, url=url, source=source, published=published)
    else:
        record = extract_text(content, source=source, url=url, published=published)
    return record.to_dict()


class Sink:
    """Where records and failures go: JSON Lines on stdout (a failure is only its stderr
    line), or the dataset at --out (a failure is also an `errors` row)."""

    def __init__(self, writer: DatasetWriter | None) -> None:
        self.writer = writer

    def record(self, record: dict[str, Any], fetched_at: datetime | None, content: str) -> None:
        if self.writer:
            # Without a URL the id comes from the input, which no extractor change alters.
            aid = None if record["url"] else article_id(None, content=content)
            self.writer.add(record, fetched_at=fetched_at, article_id=aid)
        else:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    def error(self, name: str, stage: str, error_class: str, reason: str) -> None:
        if self.writer:
            self.writer.add_error(name, stage, error_class, reason)


def run(args: argparse.Namespace) -> int:
    if args.url and any(is_table(name) for name in args.files):
        return _fail("--url is one page's URL: a table's rows take theirs from --url-column")
    try:
        tables = _open_tables(args)
    except TableError as exc:
        return _fail(str(exc))
    try:
        writer = DatasetWriter(args.out, crawl_id("extract")) if args.out else None
    except OSError as exc:
        _close(tables)
        return _fail(f"cannot write the dataset at {args.out}: {exc.strerror or exc}")
    sink = Sink(writer)
    status = 0
    try:
        for name, table in zip(args.files, tables, strict=True):
            if table:
                status |= extract_table(table, args, sink)
            else:
                status |= _extract_one_file(name, args, sink)
    finally:
        _close(tables)
        if writer:
            writer.close()
    if writer:
        print(f"thaipr extract: {writer.articles_written} records into {args.out}", file=sys.stderr)
    return status


def _open_tables(args: argparse.Namespace) -> list[PageTable | None]:
    """Every table in the arguments opened and checked before anything is extracted; None
    for a page file."""
    given = {role for role in COLUMN_ROLES if getattr(args, f"{role}_column")}
    names = {role: getattr(args, f"{role}_column") or role for role in COLUMN_ROLES}
    columns = Columns(**names, given=frozenset(given))
    tables: list[PageTable | None] = []
    try:
        for name in args.files:
            tables.append(open_table(name, columns) if is_table(name) else None)
    except TableError:
        _close(tables)
        raise
    return tables


def _close(tables: list[PageTable | None]) -> None:
    for table in tables:
        if table:
            table.close()


def _extract_one_file(name: str, args: argparse.Namespace, sink: Sink) -> int:
    try:
        record, raw = extract_file(name, args)
        sink.record(record, _modified(name), raw)
    except (OSError, EOFError, NotAPage, SchemaError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        hint = _what_to_do(exc, name)
        print(f"thaipr extract: {name}: {reason}{'; ' + hint if hint else ''}", file=sys.stderr)
        stage = "validate" if isinstance(exc, SchemaError) else "read"
        sink.error(name, stage, type(exc).__name__, reason)
        return EXIT_UNREADABLE
    for warning in record["warnings"]:
        if warning in INPUT_WARNINGS:
            print(f"thaipr extract: {name}: warning: {warning}", file=sys.stderr)
    return 0


def _what_to_do(exc: BaseException, name: str) -> str | None:
    """The second half of a failed file's line."""
    if isinstance(exc, NotAPage):
        return (
            "save the page again, or leave the file out" if str(exc) == INPUT_EMPTY else GIVE_A_PAGE
        )
    if isinstance(exc, FileNotFoundError):
        return "check the path"
    if isinstance(exc, IsADirectoryError):
        return f"name the pages in it ({Path(name) / '*.html'})"
    if isinstance(exc, PermissionError):
        return "check its permissions"
    if isinstance(exc, gzip.BadGzipFile):
        return "name it without .gz if it is not compressed"
    if isinstance(exc, EOFError):
        return "the file is cut short: save or download it again"
    return None


def extract_table(table: PageTable, args: argparse.Namespace, sink: Sink) -> int:
    """Each row's record in order; a bad row is reported and skipped. 2 if any was bad."""
    on = sys.stderr.isatty() and (bool(args.out) or not sys.stdout.isatty())
    live = LiveLine(f"thaipr extract: {table.name}", table.total, on=on)
    fetched_at = _modified(table.name)
    status = 0
    warned: Counter[str] = Counter()  # input warnings: rows with each

    def failed(row: PageRow | BadRow, stage: str, error_class: str, reason: str) -> None:
        nonlocal status
        status = EXIT_UNREADABLE
        ident = f" (id {row.id})" if row.id else ""
        live.say(f"thaipr extract: {table.name} {row.where}{ident}: {reason}")
        sink.error(row.url or f"{table.name} {row.where}", stage, error_class, reason)

    try:
        for row in table:
            live.step()
            if isinstance(row, BadRow):
                failed(row, "read", "BadRow", row.reason)
                continue
            try:
                record = extract_row(row, args.published)
                warned.update(w for w in record["warnings"] if w in INPUT_WARNINGS)
                sink.record(record, fetched_at, row.content)
            except SchemaError as exc:
                failed(row, "validate", "SchemaError", str(exc))
            except Exception as exc:  # one row's failure is reported, the rest go on
                failed(row, "extract", type(exc).__name__, f"{type(exc).__name__}: {exc}")
    except TableError as exc:
        live.say(f"thaipr extract: {exc}")
        sink.error(table.name, "read", "TableError", str(exc))
        status = EXIT_UNREADABLE
    finally:
        for warning, rows in warned.items():
            live.say(f"thaipr extract: {table.name}: warning: {_rows(rows)}: {warning}")
        live.clear()
    return status


def _rows(n: int) -> str:
    return f"{n} row{'s' if n != 1 else ''}"


def _fail(message: str) -> int:
    print(f"thaipr extract: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _modified(name: str) -> datetime | None:
    """A stored page was fetched no later than it was saved."""
    if name == "-":
        return None
    return datetime.fromtimestamp(Path(name).stat().st_mtime, UTC)
