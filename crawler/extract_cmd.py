"""`thaipr extract [--url URL] [--published YYYY-MM-DD] FILE...`: one JSON record per file,
JSON Lines on stdout in input order. A missing or unreadable file: one line on stderr, the
others still processed, exit status 2 at the end."""

import argparse
import gzip
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from extract.article import extract_html, extract_text
from extract.encoding import decode

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
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the page's publication date, when the page does not say",
    )
    p.add_argument(
        "--format",
        choices=("html", "text"),
        help="how to read stdin or a file whose name does not tell",
    )
    p.set_defaults(run=run)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


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


def extract_file(name: str, args: argparse.Namespace) -> dict[str, Any]:
    data = read_input(name)
    decoded = decode(data)
    source = None if name == "-" else name
    if _kind(name, data, args.format) == "html":
        record = extract_html(decoded.text, url=args.url, source=source, published=args.published)
    else:
        record = extract_text(decoded.text, source=source, url=args.url, published=args.published)
    out = record.to_dict()
    out["encoding"], out["encoding_repaired"] = decoded.encoding, decoded.repaired
    return out


def run(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            record = extract_file(name, args)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"thaipr extract: {name}: {reason}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return status
