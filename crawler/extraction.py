"""Extraction off the crawl's event loop: page bytes go to worker processes, dataset rows
come back. Scrapy's engine and the extractors then use two cores; with
THAIPR_EXTRACT_WORKERS = 0 extraction runs inline (tests of small crawls, machines with one
core).

Each worker is a process at the other end of a socket pair: length-prefixed pickles of a
job (a module-level function of the page) and its arguments in, results out, in order. The
crawl's side is an asyncio protocol on the reactor's own loop, so no thread of the crawl
wakes for a page (a `ProcessPoolExecutor` costs two threads and about a millisecond of the
crawl's CPU per page). A worker reads until the crawl closes its end, or dies: it needs no
watch of its parent.

A worker ignores SIGINT and SIGTERM: a terminal's Ctrl-C and a supervisor's SIGTERM reach the
whole process group, and the crawl, stopping gracefully, still needs its workers for the
pages in flight. So the crawl ends them: its pipeline closes them, and a crawl stopped at
once (a second Ctrl-C: the pipelines never close) closes what is left as it exits, before
multiprocessing's own exit handler would SIGTERM them and wait forever."""

import asyncio
import atexit
import contextlib
import logging
import multiprocessing
import multiprocessing.util  # its exit handler registered before ours, so run after it
import os
import pickle
import signal
import socket
import struct
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from multiprocessing.process import BaseProcess
from typing import Any

from extract.article import extract_html
from extract.encoding import decode
from output.rows import Provenance, record_rows
from output.schema import ARTICLES

log = logging.getLogger(__name__)
FRAME = struct.Struct("!I")  # the byte length of the pickle that follows
STOP_SECONDS = 5.0  # a closed worker that has not exited by then is killed


def extract_page(body: bytes, charset: str | None, url: str) -> dict[str, Any]:
    """Page bytes -> the record dict, with how they were decoded. Pure: runs anywhere."""
    decoded = decode(body, charset)
    record = extract_html(decoded.text, url=url).to_dict()
    record["encoding"], record["encoding_repaired"] = decoded.encoding, decoded.repaired
    return record


# Fields whose fill rate a crawl logs at close: name -> test on the `articles` row.
FILL: dict[str, Callable[[dict[str, Any]], bool]] = {
    "title": lambda r: bool(r["title"]),
    "published": lambda r: r["published_date"] is not None,
    "event_date": lambda r: r["event_date"] is not None,
    "event_time": lambda r: r["event_time"] is not None,
    "province": lambda r: r["province_code"] is not None,
    "officials": lambda r: bool(r["officials"]),
    "chair": lambda r: any(o["role"] == "chair" for o in r["officials"]),
    "venues": lambda r: bool(r["venues"]),
    "networks": lambda r: bool(r["networks"]),
    "credits": lambda r: bool(r["credits"]),
}


@dataclass(frozen=True)
class PageRows:
    """A page's record as a crawl writes it: its rows for every table, pickled (the dataset
    writer unpickles them off the crawl's thread, and pickled they take a third of the
    memory), and the FILL fields it has."""

    rows: bytes
    filled: tuple[str, ...]


def page_rows(
    body: bytes, charset: str | None, canonical_url: str, url: str, prov: Provenance
) -> PageRows:
    """Page bytes -> its record's rows, validated (SchemaError otherwise). In a worker, so
    that the crawl's process only buffers them."""
    record = extract_page(body, charset, canonical_url)
    record["url"] = url
    rows = record_rows(record, replace(prov, extracted_at=datetime.now(UTC)))
    article = rows[ARTICLES.name][0]
    filled = tuple(name for name, test in FILL.items() if test(article))
    return PageRows(pickle.dumps(rows, protocol=5), filled)


class WorkerDied(RuntimeError):
    """An extraction worker exited (killed by a signal, by the OOM killer) with pages on it."""


def serve(sock: socket.socket) -> None:
    """A worker's life: run each job the crawl sends until the crawl closes its end.
    Signals are the crawl's to handle (a terminal's Ctrl-C reaches the whole process group;
    the crawl stops cleanly and then closes its workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    extract_page(  # warm the lexicons and regexes before the first page
        b"<html><body><p>" + "วันนี้ (1 ม.ค.66) นายสมชาย ใจดี".encode() + b"</p></body></html>",
        "utf-8",
        "https://nongkhai.prd.go.th/",
    )
    with sock, sock.makefile("rb") as pages, sock.makefile("wb") as records:
        while len(header := pages.read(FRAME.size)) == FRAME.size:
            size = FRAME.unpack(header)[0]
            request = pages.read(size)
            if len(request) < size:  # the crawl died while sending
                return
            job, args = pickle.loads(request)
            try:
                reply = pickle.dumps((True, job(*args)), protocol=5)
            except Exception as exc:  # the crawl records it as the page's error
                reply = pickle.dumps((False, _portable(exc)), protocol=5)
            try:
                records.write(FRAME.pack(len(reply)) + reply)
                records.flush()
            except BrokenPipeError:  # the crawl is gone
                return


def _portable(exc: Exception) -> Exception:
    """The exception as the crawl will see it: its class when it pickles, its worker-side
    traceback as a note."""
    where = "in the extraction worker:\n" + "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    exc.add_note(where)
    return exc


class _Channel(asyncio.Protocol):
    """The crawl's end of one worker's socket: requests written, replies matched in order."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.waiting: deque[asyncio.Future[Any]] = deque()
        self.closed = False
        self._buffer = bytearray()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def send(self, payload: bytes) -> asyncio.Future[Any]:
        assert self.transport is not None
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.closed:
            future.set_exception(WorkerDied("the extraction worker is gone"))
            return future
        self.waiting.append(future)
        self.transport.write(FRAME.pack(len(payload)) + payload)
        return future

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= FRAME.size:
            (size,) = FRAME.unpack_from(self._buffer)
            if len(self._buffer) < FRAME.size + size:
                return
            message = bytes(self._buffer[FRAME.size : FRAME.size + size])
            del self._buffer[: FRAME.size + size]
            ok, value = pickle.loads(message)
            future = self.waiting.popleft()
            if future.done():  # its caller was cancelled
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        while self.waiting:
            future = self.waiting.popleft()
            if not future.done():
                future.set_exception(WorkerDied("an extraction worker died"))


class _Worker:
    def __init__(self) -> None:
        # spawn: a fork of a process running an event loop and threads is not safe.
        ours, theirs = socket.socketpair()
        context = multiprocessing.get_context("spawn")
        self.process: BaseProcess = context.Process(
            target=serve, args=(theirs,), name="thaipr-extract", daemon=True
        )
        self.process.start()
        theirs.close()
        self._sock = ours  # handed to the channel's transport once it opens
        self._channel: _Channel | None = None
        self._connecting = asyncio.Lock()
        _RUNNING.add(self)

    @property
    def load(self) -> int:
        return len(self._channel.waiting) if self._channel else 0

    async def run(self, job: Callable[..., Any], *args: Any) -> Any:
        payload = pickle.dumps((job, args), protocol=5)
        return await (await self._connected()).send(payload)

    async def _connected(self) -> _Channel:
        """The channel, opened in the running loop on first use."""
        if self._channel is not None:
            return self._channel
        async with self._connecting:
            if self._channel is None:
                loop = asyncio.get_running_loop()
                _, self._channel = await loop.create_connection(_Channel, sock=self._sock)
            return self._channel

    def close(self) -> None:
        """Close the crawl's end: the worker reads to the end and exits."""
        _RUNNING.discard(self)
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        transport = self._channel.transport if self._channel else None
        try:
            if transport is not None:
                transport.abort()
        except RuntimeError:  # its event loop is closed already
            pass
        self._sock.close()
        self.process.join(STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


# Workers started and not yet closed, in this process.
_RUNNING: set[_Worker] = set()


def _end_running() -> None:
    """At exit, end the workers a crawl left running (stopped at once, it never closed its
    pipelines): killed, as their results have nowhere to go, and a worker does nothing but
    compute. Registered after multiprocessing's exit handler, so it runs before it."""
    workers = list(_RUNNING)
    _RUNNING.clear()
    for worker in workers:
        worker.process.kill()
        with contextlib.suppress(OSError):
            worker._sock.close()
    for worker in workers:
        worker.process.join()


atexit.register(_end_running)


def default_workers() -> int:
    """One process per core beyond the one the engine uses."""
    return max(0, (os.cpu_count() or 1) - 1)


class Extractor:
    """`await extractor(job, *args)` -> `job(*args)`, in a worker when there is one. `job` is
    a pure, module-level function of a page (`extract_page`, `page_rows`)."""

    def __init__(self, workers: int) -> None:
        self.workers: list[_Worker] = [_Worker() for _ in range(workers)]

    async def __call__(self, job: Callable[..., Any], *args: Any) -> Any:
        """A worker that dies takes its pages with it: a new worker takes its place and
        each of those pages is extracted again, once."""
        if not self.workers:
            return job(*args)
        for attempt in (1, 2):
            worker = min(self.workers, key=lambda w: w.load)
            try:
                return await worker.run(job, *args)
            except WorkerDied:
                if attempt == 2:
                    raise
                self._replace(worker)
        raise AssertionError("unreachable")

    def _replace(self, dead: _Worker) -> None:
        if dead not in self.workers:
            return  # another page already replaced it
        self.workers[self.workers.index(dead)] = _Worker()
        dead.close()
        log.warning("an extraction worker died (exit %s); started another", dead.process.exitcode)

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.close()
