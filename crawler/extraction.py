"""Extraction off the crawl's event loop: page bytes go to worker processes, records come
back. Scrapy's engine and the extractors then use two cores; with THAIPR_EXTRACT_WORKERS = 0
extraction runs inline (tests of small crawls, machines with one core)."""

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from extract.article import extract_html
from extract.encoding import decode


def extract_page(body: bytes, charset: str | None, url: str) -> dict[str, Any]:
    """Page bytes -> the record dict, with how they were decoded. Pure: runs anywhere."""
    decoded = decode(body, charset)
    record = extract_html(decoded.text, url=url).to_dict()
    record["encoding"], record["encoding_repaired"] = decoded.encoding, decoded.repaired
    return record


def _warm() -> None:
    extract_page(
        b"<html><body><p>" + "วันนี้ (1 ม.ค.66) นายสมชาย ใจดี".encode() + b"</p></body></html>",
        "utf-8",
        "https://nongkhai.prd.go.th/",
    )


def default_workers() -> int:
    """One process per core beyond the one the engine uses."""
    return max(0, (os.cpu_count() or 1) - 1)


class Extractor:
    """`await extractor(body, charset, url)` -> record dict, in a worker when there is one."""

    def __init__(self, workers: int) -> None:
        self.pool: Executor | None = None
        if workers > 0:
            # spawn: a fork of a process running an event loop and threads is not safe.
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm)

    async def __call__(self, body: bytes, charset: str | None, url: str) -> dict[str, Any]:
        if self.pool is None:
            return extract_page(body, charset, url)
        return await asyncio.wrap_future(self.pool.submit(extract_page, body, charset, url))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
