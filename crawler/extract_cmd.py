"""`thaipr extract [--url URL] [--published YYYY-MM-DD] [--out DIR] FILE...`: one record
per file, as JSON Lines on stdout in input order, or into the Parquet dataset at DIR. A
missing or unreadable file: one line on stderr (and a row in the dataset's `errors`), the
others still processed, exit status 2 at the end."""

import argparse
import gzip
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.args import iso_date
from extract.article import extract_html, extract_text
from extract.encoding import decode
from output.ids import article_id, crawl_id
from output.validate import SchemaError
from output.writer import DatasetWriter

EXIT_UNREADABLE = 2
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".txt.gz")
# Inputs larger than this are refused rather than read into memory.
MAX_INPUT_BYTES = 50 * 1024 * 1024


def add_parser(sub: Any) -> None:
    p = sub.add_parser("extract", help="extract records from stored pages or texts")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=".html, .htm, .html.gz or .txt (text as scraped); - for stdin",
    )
    p.add_argument("--url", help="the page's URL (picks the site template and province)")
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
    """The record and the decoded input it came from."""
    data = read_input(name)
    decoded = decode(data)
    source = None if name == "-" else name
    if _kind(name, data, args.format) == "html":
        record = extract_html(decoded.text, url=args.url, source=source, published=args.published)
    else:
        record = extract_text(decoded.text, source=source, url=args.url, published=args.published)
    out = record.to_dict()
    out["encoding"], out["encoding_repaired"] = decoded.encoding, decoded.repaired
    return out, decoded.text


def run(args: argparse.Namespace) -> int:
    try:
        writer = DatasetWriter(args.out, crawl_id("extract")) if args.out else None
    except OSError as exc:
        print(
            f"thaipr extract: cannot write the dataset at {args.out}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    status = 0
    try:
        for name in args.files:
            try:
                record, raw = extract_file(name, args)
                if writer:
                    # Without a URL the id comes from the input, which no extractor change alters.
                    aid = None if record["url"] else article_id(None, content=raw)
                    writer.add(record, fetched_at=_modified(name), article_id=aid)
                else:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                    sys.stdout.flush()
            except (OSError, EOFError, gzip.BadGzipFile, SchemaError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                print(f"thaipr extract: {name}: {reason}", file=sys.stderr)
                if writer:
                    stage = "validate" if isinstance(exc, SchemaError) else "read"
                    writer.add_error(name, stage, type(exc).__name__, reason)
                status = EXIT_UNREADABLE
    finally:
        if writer:
            writer.close()
    if writer:
        print(f"thaipr extract: {writer.articles_written} records into {args.out}", file=sys.stderr)
    return status


def _modified(name: str) -> datetime | None:
    """A stored page was fetched no later than it was saved."""
    if name == "-":
        return None
    return datetime.fromtimestamp(Path(name).stat().st_mtime, UTC)
