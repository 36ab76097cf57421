"""Pages to rows to the dataset. `ExtractPipeline` has each page decoded, extracted and
turned into validated rows (pure `extract` and `output.rows`, no I/O; in a worker process);
`DatasetPipeline` buffers and writes the rows and errors (`output`), marks articles stored
in the crawl state once published, and logs fill rates at close."""

import fcntl
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from typing import IO, Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object

from crawler.distributed.leases import queue_of
from crawler.extraction import FILL, Extractor, PageRows, default_workers, page_rows
from crawler.items import ErrorItem, PageItem
from crawler.state.incremental import crawl_id_of, out_dir, state_of
from output.rows import Provenance
from output.validate import SchemaError
from output.writer import DatasetWriter

log = logging.getLogger(__name__)
LOCK_FILE = "_crawl/lock"


@dataclass
class RecordItem:
    extracted: PageRows
    page: PageItem
    content_hash: str

    def __str__(self) -> str:  # what Scrapy's log lines print: not the pickled rows
        return f"RecordItem {self.page.url}"


class CrawlLocked(RuntimeError):
    """Another crawl is writing the same dataset."""


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        workers = crawler.settings.get("THAIPR_EXTRACT_WORKERS")
        self.extract = Extractor(default_workers() if workers in (None, "") else int(workers))
        self.job = load_object(crawler.settings.get("THAIPR_PAGE_JOB") or page_rows)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def close_spider(self, spider: Any = None) -> None:
        self.extract.close()

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        digest = hashlib.sha256(item.body).hexdigest()
        if item.known_hash == digest:  # fetched in full (no validators), yet the same
            if self.crawler.stats:
                self.crawler.stats.inc_value("thaipr/unchanged")
            raise DropItem("unchanged", log_level="DEBUG")  # counted; nothing to look at
        prov = Provenance.new(
            item.article_id, crawl_id_of(self.crawler), item.site, item.fetched_at
        )
        try:
            extracted = await self.extract(
                self.job, item.body, item.charset, item.canonical_url, item.url, prov
            )
        except Exception as exc:  # a page must never stop a crawl: record it
            stage = "validate" if isinstance(exc, SchemaError) else "extract"
            log.error("%s failed on %s: %s", stage, item.url, exc, exc_info=stage == "extract")
            return ErrorItem(
                item.url,
                item.site,
                item.province_code,
                stage,
                type(exc).__name__,
                str(exc),
                item.status,
                item.lease,
            )
        return RecordItem(extracted, item, digest)


class DatasetPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.fill: Counter[str] = Counter()
        self.records = 0
        self.written: dict[str, str] = {}  # article id -> content hash (16 hex), this crawl
        self.writer: DatasetWriter | None = None
        self._lock: IO[bytes] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        out = out_dir(self.crawler)
        (out / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
        self._lock = open(out / LOCK_FILE, "ab")  # noqa: SIM115
        # Workers of one distributed crawl share the dataset; any other crawl is kept out.
        mode = fcntl.LOCK_SH if self.crawler.settings.get("THAIPR_REDIS_URL") else fcntl.LOCK_EX
        try:
            fcntl.flock(self._lock, mode | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise CrawlLocked(f"another crawl is writing {out}") from exc
        state = state_of(self.crawler)
        run = crawl_id_of(self.crawler)
        self.writer = DatasetWriter(
            out,
            run,
            flush_articles=self.crawler.settings.getint("THAIPR_FLUSH_ARTICLES"),
            flush_seconds=self.crawler.settings.getfloat("THAIPR_FLUSH_SECONDS"),
            on_commit=state.stored,
            on_durable=self._published,
            background=True,
        )
        self.crawler.thaipr_flush = self.writer.flush  # type: ignore[attr-defined]
        for line in self.writer.recovered:
            log.warning("dataset: %s", line)

    def _published(self, leases: list[Any]) -> None:
        """Distributed crawls: what is published lets go of the requests it came from."""
        queue = queue_of(self.crawler.spider)
        if queue is not None:
            queue.ack(leases)

    def process_item(self, item: Any) -> Any:
        assert self.writer is not None
        stats = self.crawler.stats
        assert stats is not None
        if isinstance(item, ErrorItem):
            self.writer.add_error(
                item.url,
                item.stage,
                item.error_class,
                item.message,
                site=item.site,
                province_code=item.province_code,
                http_status=item.http_status,
                token=item.lease,
            )
            stats.inc_value(
                "thaipr/robots_forbidden" if item.stage == "robots" else "thaipr/errors"
            )
            return item
        if not isinstance(item, RecordItem):
            return item
        page = item.page
        aid = page.article_id
        digest = item.content_hash[:16]
        if self.written.get(aid) == digest:  # the same article under another URL
            stats.inc_value("thaipr/duplicates")
            self._published([page.lease])
            return item
        # Known to the state before the writer can report it published (inline flushes
        # report during `add`); it only counts as stored once published.
        state = state_of(self.crawler)
        state.fetched(
            page.canonical_url,
            aid,
            page.headers.get("Etag"),
            page.headers.get("Last-Modified"),
            item.content_hash,
        )
        self.writer.add_rows(aid, item.extracted.rows, token=page.lease)
        self.written[aid] = digest
        stats.inc_value(f"thaipr/{page.change}")
        stats.inc_value("thaipr/records")
        self.records += 1
        self.fill.update(item.extracted.filled)
        return item

    def close_spider(self, spider: Any = None) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.records:
            rates = ", ".join(f"{k} {self.fill[k] / self.records:.0%}" for k in FILL)
            log.info("fill rates over %d records: %s", self.records, rates)
        state_of(self.crawler).close()
        if self._lock:
            self._lock.close()
