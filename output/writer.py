"""Streaming records into the dataset with bounded memory.

`add` validates a record at once (a bad record raises SchemaError and nothing of it is
kept) and buffers its rows; every `flush_articles` records or `flush_seconds` the buffer is
written: one file per table and partition, staged and synced, then published by rename,
flat tables first and `articles` last. `articles` is the commit record: a mention row whose
article row is missing (a kill between renames) is invisible to the views and dropped by
compaction. `on_commit` is called with the ids of the articles just published, so a crawler
can mark them stored only once they are. With `background=True` a full buffer is written by
a thread while records keep coming; commits are still reported in the caller's thread."""

import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa

from output import ids
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
from output.rows import Partition, Provenance, Row, error_row, partition_of, record_rows
from output.schema import ARTICLES, ERRORS, NO_PROVINCE, arrow_schema

# Records buffered before a flush: about 80 MB of rows and Arrow buffers for PRD articles.
FLUSH_ARTICLES = 1000
# An unattended crawl publishes what it has at least this often.
FLUSH_SECONDS = 60.0
# Files written at once during a flush.
WRITE_THREADS = 2


class DatasetWriter:
    def __init__(
        self,
        data: Path | str,
        crawl_id: str | None = None,
        *,
        flush_articles: int = FLUSH_ARTICLES,
        flush_seconds: float = FLUSH_SECONDS,
        on_commit: Callable[[list[str]], None] | None = None,
        on_durable: Callable[[list[Hashable]], None] | None = None,
        background: bool = False,
    ) -> None:
        self.data = Path(data)
        self.crawl_id = crawl_id or ids.crawl_id()
        self.flush_articles = flush_articles
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
        self._articles: dict[str, dict[str, list[Row]]] = {}
        self._errors: list[Row] = []
        self._tokens: list[Hashable] = []  # what the caller tied to buffered rows
        self._last_flush = time.monotonic()
        # With `background`, full buffers are written by one thread while adds go on.
        self._thread = ThreadPoolExecutor(1, "dataset-writer") if background else None
        self._in_flight: Future[list[str]] | None = None
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
        record of the same article in the same buffer replaces it. `token` comes back to
        `on_durable` once the record is published."""
        now = datetime.now(UTC)
        aid = article_id or ids.article_id(record.get("url"), site, content=record.get("body"))
        prov = Provenance(aid, ids.revision(), self.crawl_id, fetched_at or now, now, site)
        self._articles[aid] = record_rows(record, prov)
        if token is not None:
            self._tokens.append(token)
        self._maybe_flush()
        return aid

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
            self._tokens.append(token)
        self._maybe_flush()

    @property
    def pending(self) -> int:
        return len(self._articles) + len(self._errors)

    def flush(self) -> list[str]:
        """Publish everything buffered (after any flush in flight); returns the article ids
        this call published."""
        self._wait()
        batch = self._take()
        committed = self._write(*batch) if batch[0] or batch[1] else []
        self._deliver()
        return committed

    def _take(self) -> tuple[dict[str, dict[str, list[Row]]], list[Row], list[Hashable]]:
        self._last_flush = time.monotonic()
        batch = (self._articles, self._errors, self._tokens)
        self._articles, self._errors, self._tokens = {}, [], []
        return batch

    def _write(
        self,
        articles: dict[str, dict[str, list[Row]]],
        errors: list[Row],
        tokens: list[Hashable],
    ) -> list[str]:
        """Stage and publish one batch; runs in the background thread when there is one."""
        by_table: dict[tuple[str, Partition], list[Row]] = defaultdict(list)
        for rows in articles.values():
            where = partition_of(rows[ARTICLES.name][0])
            for table, table_rows in rows.items():
                by_table[table, where].extend(table_rows)
        for row in errors:
            where = (row["province_code"] or NO_PROVINCE, row["time"].year)
            by_table[ERRORS.name, where].append(row)
        staged = self._stage(by_table)
        kill_point("writer.staged")
        # Flat tables first, `articles` (the commit record) after them, errors last.
        order = {ARTICLES.name: 1, ERRORS.name: 2}
        for _, file in sorted(staged, key=lambda s: order.get(s[0], 0)):
            file.publish()
            kill_point("writer.published_one")
        kill_point("writer.published_all")
        committed = list(articles)
        with self._lock:
            self.articles_written += len(committed)
            self.errors_written += len(errors)
            self.files_written += len(staged)
            self._ready.extend(committed)
            self._ready_tokens.extend(tokens)
        return committed

    def _flush_in_background(self) -> None:
        """Hand the buffer to the writing thread and go on buffering: the caller (a
        crawl's event loop) is not held up by Parquet writes. One batch at a time."""
        self._wait()
        assert self._thread is not None
        self._in_flight = self._thread.submit(self._write, *self._take())

    def _wait(self) -> None:
        """Let the batch in flight finish; its failure is raised here."""
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            in_flight.result()

    def _deliver(self) -> None:
        """Report published articles to `on_commit`, in the caller's thread."""
        with self._lock:
            ready, self._ready = self._ready, []
            tokens, self._ready_tokens = self._ready_tokens, []
        if self.on_commit and ready:
            self.on_commit(ready)
        if self.on_durable and tokens:
            self.on_durable(tokens)

    def _stage(
        self, by_table: dict[tuple[str, Partition], list[Row]]
    ) -> list[tuple[str, StagedFile]]:
        if self._staging is None:
            self._staging = Staging(self.data, self._name)
        staging = self._staging
        self._flushes += 1
        name = part_name(f"{self._name}-{self._flushes:05d}")

        def stage(table: str, partition: Partition, rows: list[Row]) -> tuple[str, StagedFile]:
            arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table))
            versions = {r["extractor_version"] for r in rows} if table == ARTICLES.name else ()
            meta = file_metadata(table, self.crawl_id, versions)
            return table, staging.write(
                arrow, name, partition_dir(self.data, table, *partition), meta
            )

        # Parquet encoding and compression release the GIL: files are written in parallel.
        jobs = [(t, p, rows) for (t, p), rows in sorted(by_table.items()) if rows]
        with ThreadPoolExecutor(WRITE_THREADS) as pool:
            return list(pool.map(lambda job: stage(*job), jobs))

    def close(self) -> None:
        """Publish what is buffered and release the staging directory."""
        try:
            self.flush()
        finally:
            if self._thread is not None:
                self._thread.shutdown(wait=True)
            if self._staging:
                self._staging.close()
                self._staging = None

    def _maybe_flush(self) -> None:
        self._deliver()
        due = time.monotonic() - self._last_flush >= self.flush_seconds
        if len(self._articles) >= self.flush_articles or (due and self.pending):
            if self._thread is not None:
                self._flush_in_background()
            else:
                self.flush()

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
