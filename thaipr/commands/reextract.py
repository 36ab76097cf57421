"""`thaipr reextract --warc DIR... --out DATA`: extraction again, from a crawl's WARC
archive, with no network. Every archived article page becomes a record exactly as the crawl
made it (the same article id, URL and fetch time) under the extractor installed now, which
the record names (`extractor_version`). Written as new versions: the dataset's views then
show the re-extraction (fetched at the same moment, written later).

Exit status: 0 done; 1 done, but some pages failed (in `errors`) or a WARC file was cut
short; 2 bad usage (no archive there)."""

import argparse
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from warcio.exceptions import ArchiveLoadFailed

from crawler.extraction import default_workers, extract_page
from crawler.items import PageItem
from extract.sniff import not_a_page
from output.ids import crawl_id
from output.validate import SchemaError
from output.warc import Exchange, read_exchanges, warc_files
from output.writer import DatasetWriter

BATCH = 64  # pages handed to the workers at once


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "reextract",
        help="extract again from a crawl's WARC archive into the dataset, offline",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--warc",
        nargs="+",
        type=Path,
        required=True,
        metavar="DIR",
        help="the WARC archive(s) a crawl wrote with `thaipr crawl --warc DIR`",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DATA", help="the dataset")
    p.add_argument(
        "--workers", type=int, default=None, help="extraction processes (default: cores - 1)"
    )
    p.set_defaults(run=run)


def page_of(exchange: Exchange) -> PageItem | None:
    """The archived response as the crawl's pipeline saw it; None if not an article page."""
    meta = exchange.meta
    if meta.get("Kind") != "article" or exchange.status != 200:
        return None
    return PageItem(
        url=exchange.url,
        canonical_url=meta.get("Canonical-URL") or exchange.url,
        site=meta.get("Site", ""),
        province_code=meta.get("Province") or None,
        status=exchange.status,
        headers=dict(exchange.headers),
        body=exchange.body,
        fetched_at=exchange.fetched_at,
        template=meta.get("Template") or "prd",
    )


Failure = tuple[str, str, str]  # stage, error class, message


def _extract(page: PageItem) -> dict[str, Any] | Failure:
    """A record, or why there is none. Runs in a worker: never raises."""
    if problem := not_a_page(page.body, page.headers.get("Content-Type")):
        return ("content", "NotAPage", problem)
    try:
        record = extract_page(page.body, page.charset, page.canonical_url)
    except Exception as exc:  # one page's failure is recorded, the rest go on
        return ("extract", type(exc).__name__, str(exc))
    record["url"] = page.url
    return record


def run(args: argparse.Namespace) -> int:
    try:
        files = warc_files(args.warc)
    except FileNotFoundError as exc:
        print(f"thaipr reextract: {exc}", file=sys.stderr)
        return 2
    if not files:
        print(f"thaipr reextract: no .warc.gz files under {' '.join(map(str, args.warc))}")
        return 2
    started = time.monotonic()
    workers = default_workers() if args.workers is None else args.workers
    writer = DatasetWriter(args.out, crawl_id("reextract"))
    pages = failed = cut = 0
    pool = ProcessPoolExecutor(workers) if workers > 0 else None
    try:
        for path in files:
            try:
                for batch in _batches(p for e in read_exchanges(path) if (p := page_of(e))):
                    results = pool.map(_extract, batch) if pool else map(_extract, batch)
                    for page, result in zip(batch, results, strict=True):
                        pages += 1
                        failed += not _store(writer, page, result)
            except (OSError, ArchiveLoadFailed, EOFError) as exc:
                cut += 1
                print(f"thaipr reextract: {path}: {exc}", file=sys.stderr)
                writer.add_error(str(path), "read", type(exc).__name__, str(exc))
    finally:
        if pool:
            pool.shutdown()
        writer.close()
    seconds = time.monotonic() - started
    print(
        f"thaipr reextract: {writer.articles_written} records from {pages} archived pages in "
        f"{len(files)} WARC files, {failed} failed, in {seconds:.1f} s "
        f"({pages / seconds if seconds else 0:.0f} pages/s)"
    )
    return 1 if failed or cut else 0


def _store(writer: DatasetWriter, page: PageItem, result: dict[str, Any] | Failure) -> bool:
    if isinstance(result, tuple):
        stage, error_class, message = result
        _error(writer, page, stage, error_class, message)
        return False
    try:
        writer.add(result, site=page.site, fetched_at=page.fetched_at, article_id=page.article_id)
    except SchemaError as exc:
        _error(writer, page, "validate", "SchemaError", str(exc))
        return False
    return True


def _error(writer: DatasetWriter, page: PageItem, stage: str, error_class: str, msg: str) -> None:
    writer.add_error(
        page.url,
        stage,
        error_class,
        msg,
        site=page.site,
        province_code=page.province_code,
        http_status=page.status,
    )


def _batches(pages: Iterator[PageItem]) -> Iterator[list[PageItem]]:
    """Pages in lists of BATCH; when reading fails, the pages read before it come first."""
    batch: list[PageItem] = []
    try:
        for page in pages:
            batch.append(page)
            if len(batch) == BATCH:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
