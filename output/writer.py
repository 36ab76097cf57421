"""Streaming records into the dataset with bounded memory.

`add` validates a record at once (a bad record raises SchemaError and nothing of it is
kept) and buffers its rows; every `chunk_articles` records the rows become Arrow (see
`output.batch`). Once `flush_articles` records wait, the partitions holding the most of them
are written, until half are left; every `flush_seconds`, and on `flush` and `close`, all
are. A write makes one file per table and partition, staged and synced, then published by
rename, flat tables first and `articles` last. `articles` is the commit record: a mention
row whose article row is missing (a kill between renames) is invisible to the views and
dropped by compaction.
`on_commit` is called with the ids of the articles just published, so a crawler can mark
them stored only once they are. With `background=True` conversions and writes run in one
thread, in order, while records keep coming; commits are still reported in the caller's
thread."""

import os
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from output import ids
from output.batch import ArrowBatch
from output.failpoints import kill_point
from output.files import (
    StagedFile,
    Staging,
    file_metadata,
    part_name,
    partition_dir,
    recover,
    safe_component,
    write_schema_files,
)
from output.rows import ArticleRows, Partition, Provenance, Row, error_row, record_rows
from output.schema import ARTICLES, ERRORS

# Records waiting before a write: about 20 MB of Arrow for corpus articles. A write makes a
# file per table and partition (year) it takes, and a file costs 1 to 4 ms of CPU however
# few its rows; so a write takes the largest partitions until half the records are left,
# and the small ones gather rows. Crawled, 20,000 corpus articles (bench/compare.py) made
# 400 files at 3,000 (peak memory of the crawl's process 413 MB), 620 at 1,500 (363 MB)
# and 815 at 1,000 (352 MB); before schema 4, partitioned by province too, 6,700 at 3,000.
FLUSH_ARTICLES = 1500
# Records converted to Arrow at a time (dict rows cost about 40 KB a record until then).
CHUNK_ARTICLES = 200
# An unattended crawl publishes what it has at least this often: so also the fetches a kill
# loses. Each time it writes a file per table and partition holding a record, and a polite
# crawl (about an article a second) never fills the buffer, so the interval sets how many
# small files it leaves (`thaipr compact` joins them).
FLUSH_SECONDS = 300.0
# Files written at once during a flush.
WRITE_THREADS = 2
# Conversions and writes queued for the background thread before `add` waits for one.
MAX_QUEUED = 4


class DatasetWriter:
    def __init__(
        self,
        data: Path | str,
        crawl_id: str | None = None,
        *,
        flush_articles: int = FLUSH_ARTICLES,
        chunk_articles: int = CHUNK_ARTICLES,
        flush_seconds: float = FLUSH_SECONDS,
        on_commit: Callable[[list[str]], None] | None = None,
        on_durable: Callable[[list[Hashable]], None] | None = None,
        background: bool = False,
    ) -> None:
        self.data = Path(data)
        self.crawl_id = crawl_id or ids.crawl_id()
        self.flush_articles = flush_articles
        self.chunk_articles = min(chunk_articles, flush_articles)
        self.flush_seconds = flush_seconds
        self.on_commit = on_commit
        self.on_durable = on_durable
        self.articles_written = 0
        self.errors_written = 0
        self.files_written = 0
        self.recovered = recover(self.data)
        write_schema_files(self.data)
        self._name = safe_component(
            f"{self.crawl_id}-{os.getpid()}-{os.urandom(3).hex()}", "crawl id"
        )
        self._staging: Staging | None = None
        self._flushes = 0
        # The chunk being gathered (rows as dicts or pickles), and what the caller tied to it.
        self._articles: dict[str, ArticleRows | bytes] = {}
        self._errors: list[Row] = []
        self._tokens: dict[str | None, list[Hashable]] = defaultdict(list)  # None: errors'
        self._handed = 0  # records handed to the batch and not yet written, at most
        # Chunks converted, waiting for the next write: the writing thread's alone.
        self._batch = ArrowBatch()
        self._last_flush = time.monotonic()
        # With `background`, conversions and writes run in order in one thread.
        self._thread = ThreadPoolExecutor(1, "dataset-writer") if background else None
        self._queued: deque[Future[list[str]]] = deque()
        self._ready: list[str] = []  # published, not yet reported to on_commit
        self._ready_tokens: list[Hashable] = []  # published, not yet reported to on_durable
        self._lock = threading.Lock()

    def add(
        self,
        record: Mapping[str, Any],
        *,
        site: str | None = None,
        fetched_at: datetime | None = None,
        article_id: str | None = None,
        token: Hashable | None = None,
    ) -> str:
        """Buffer one extractor record (`Record.to_dict()`); returns its article id. A later
        record of the same article before its flush replaces it. `token` comes back to
        `on_durable` once the record is published."""
        aid = article_id or ids.article_id(record.get("url"), site, content=record.get("body"))
        prov = Provenance.new(aid, self.crawl_id, site, fetched_at)
        self.add_rows(aid, record_rows(record, prov), token)
        return aid

    def add_rows(
        self, article_id: str, rows: ArticleRows | bytes, token: Hashable | None = None
    ) -> None:
        """Buffer one article's rows, made by `record_rows` (a crawl makes them in its
        extraction workers, with a `Provenance.new` of this writer's crawl id), or their
        pickle: it is unpickled with its chunk, in the writing thread when there is one."""
        self._articles[article_id] = rows
        if token is not None:
            self._tokens[article_id].append(token)
        self._maybe_flush()

    def add_error(
        self,
        url: str,
        stage: str,
        error_class: str,
        message: str,
        *,
        site: str | None = None,
        province_code: str | None = None,
        http_status: int | None = None,
        token: Hashable | None = None,
    ) -> None:
        self._errors.append(
            error_row(
                url,
                stage,
                error_class,
                message,
                self.crawl_id,
                site=site,
                province_code=province_code,
                http_status=http_status,
            )
        )
        if token is not None:
            self._tokens[None].append(token)
        self._maybe_flush()

    @property
    def pending(self) -> int:
        """Records and errors buffered, not yet published."""
        return self._handed + len(self._articles) + len(self._errors)

    def flush(self) -> list[str]:
        """Publish everything buffered (after whatever is queued); returns the article ids
        this call published."""
        done = self._write_soon()
        self.wait()
        return done.result()

    def wait(self) -> None:
        """Wait for the conversions and writes queued so far, and report what they
        published."""
        for queued in self._drain():
            queued.result()
        self._deliver()

    def _hand_over(self) -> None:
        """Send the chunk being gathered to the batch, as Arrow."""
        chunk = (self._articles, self._errors, self._tokens)
        self._articles, self._errors, self._tokens = {}, [], defaultdict(list)
        self._handed += len(chunk[0]) + len(chunk[1])
        if chunk[0] or chunk[1] or chunk[2]:
            self._run(self._batch.add, *chunk)  # in the writing thread: the batch is its own

    def _write_soon(self, keep: int = 0) -> "Future[list[str]]":
        """Hand over the chunk and queue a write that leaves at most `keep` records."""
        self._hand_over()
        self._handed = min(self._handed, keep)
        if not keep:
            self._last_flush = time.monotonic()
        return self._run(self._write, keep)

    def _run(self, job: Callable[..., Any], *args: Any) -> "Future[Any]":
        """Run `job` in the writing thread, after what is queued there (inline without
        one). Once MAX_QUEUED jobs wait, the caller waits for the oldest: memory stays
        bounded when writes fall behind, and a failed write is raised here."""
        if self._thread is None:
            done: Future[Any] = Future()
            done.set_result(job(*args))
            return done
        queued = self._thread.submit(job, *args)
        self._queued.append(queued)
        while len(self._queued) > MAX_QUEUED:
            self._queued.popleft().result()
        return queued

    def _drain(self) -> list["Future[Any]"]:
        queued, self._queued = list(self._queued), deque()
        return queued

    def _write(self, keep: int = 0) -> list[str]:
        """Stage and publish what the batch gives (all but at most `keep` records); runs in
        the writing thread when there is one."""
        taken = self._batch.take(keep)
        if not (taken.files or taken.tokens):
            return []
        staged = self._stage(taken.files)
        kill_point("writer.staged")
        # Flat tables first, `articles` (the commit record) after them, errors last.
        order = {ARTICLES.name: 1, ERRORS.name: 2}
        for _, file in sorted(staged, key=lambda s: order.get(s[0], 0)):
            file.publish()
            kill_point("writer.published_one")
        kill_point("writer.published_all")
        with self._lock:
            self.articles_written += len(taken.article_ids)
            self.errors_written += taken.errors
            self.files_written += len(staged)
            self._ready.extend(taken.article_ids)
            self._ready_tokens.extend(taken.tokens)
        return taken.article_ids

    def _deliver(self) -> None:
        """Report published articles to `on_commit`, in the caller's thread."""
        with self._lock:
            ready, self._ready = self._ready, []
            tokens, self._ready_tokens = self._ready_tokens, []
        if self.on_commit and ready:
            self.on_commit(ready)
        if self.on_durable and tokens:
            self.on_durable(tokens)

    def _stage(self, files: list[tuple[str, Partition, pa.Table]]) -> list[tuple[str, StagedFile]]:
        if self._staging is None:
            self._staging = Staging(self.data, self._name)
        staging = self._staging
        self._flushes += 1
        name = part_name(f"{self._name}-{self._flushes:05d}")

        def stage(table: str, partition: Partition, rows: pa.Table) -> tuple[str, StagedFile]:
            versions = (
                pc.unique(rows["extractor_version"]).to_pylist() if table == ARTICLES.name else ()
            )
            meta = file_metadata(table, self.crawl_id, versions)
            return table, staging.write(
                rows, name, partition_dir(self.data, table, partition), meta
            )

        # Parquet encoding and compression release the GIL: files are written in parallel.
        with ThreadPoolExecutor(WRITE_THREADS) as pool:
            return list(pool.map(lambda job: stage(*job), files))

    def close(self) -> None:
        """Publish what is buffered and release the staging directory."""
        try:
            self.flush()
        finally:
            for queued in self._drain():  # a failed flush leaves nothing running
                queued.exception()
            if self._thread is not None:
                self._thread.shutdown(wait=True)
            if self._staging:
                self._staging.close()
                self._staging = None

    def _maybe_flush(self) -> None:
        self._deliver()
        if time.monotonic() - self._last_flush >= self.flush_seconds and self.pending:
            self._write_soon()
        elif self._handed + len(self._articles) >= self.flush_articles:
            self._write_soon(keep=self.flush_articles // 2)
        elif len(self._articles) + len(self._errors) >= self.chunk_articles:
            self._hand_over()

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
