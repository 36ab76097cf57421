"""Extraction off the crawl's event loop: page bytes go to worker processes, records come
back. Scrapy's engine and the extractors then use two cores; with THAIPR_EXTRACT_WORKERS = 0
extraction runs inline (tests of small crawls, machines with one core)."""

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from extract.article import extract_html
from extract.encoding import decode

log = logging.getLogger(__name__)


def extract_page(body: bytes, charset: str | None, url: str) -> dict[str, Any]:
    """Page bytes -> the record dict, with how they were decoded. Pure: runs anywhere."""
    decoded = decode(body, charset)
    record = extract_html(decoded.text, url=url).to_dict()
    record["encoding"], record["encoding_repaired"] = decoded.encoding, decoded.repaired
    return record


def _start_worker() -> None:
    """In each worker: signals are the crawl's to handle (a terminal's Ctrl-C reaches the
    whole process group; the crawl stops cleanly and then closes the pool); a worker whose
    crawl died (SIGKILL) exits instead of lingering; the extractors are warmed up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    extract_page(
        b"<html><body><p>" + "วันนี้ (1 ม.ค.66) นายสมชาย ใจดี".encode() + b"</p></body></html>",
        "utf-8",
        "https://nongkhai.prd.go.th/",
    )


def _exit_when_orphaned(parent: int, every_s: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every_s)
    os._exit(1)


def default_workers() -> int:
    """One process per core beyond the one the engine uses."""
    return max(0, (os.cpu_count() or 1) - 1)


class Extractor:
    """`await extractor(body, charset, url)` -> record dict, in a worker when there is one."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: Executor | None = self._new_pool() if workers > 0 else None

    def _new_pool(self) -> Executor:
        # spawn: a fork of a process running an event loop and threads is not safe.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker)

    async def __call__(self, body: bytes, charset: str | None, url: str) -> dict[str, Any]:
        """A worker that dies (killed by a signal while starting, by the OOM killer) breaks
        the pool: a new pool takes over and the page is extracted again, once."""
        for attempt in (1, 2):
            pool = self.pool
            if pool is None:
                return extract_page(body, charset, url)
            try:
                return await asyncio.wrap_future(pool.submit(extract_page, body, charset, url))
            except BrokenProcessPool:
                if attempt == 2:
                    raise
                self._replace(pool)
        raise AssertionError("unreachable")

    def _replace(self, broken: Executor) -> None:
        if self.pool is not broken:
            return  # another page already replaced it
        log.warning("an extraction worker died; starting new workers")
        broken.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
